import type { MathNode } from "mathjs";
import { dec, Decimal, type Dec } from "../decimal";

let parse: ((source: string) => MathNode) | null = null;

/**
 * Loads mathjs's parser, once: every host calls it before it compiles a rule set's formulas (actions.ts, the CLI,
 * the tests' setup), so nothing that compiles no formula pays for mathjs. In the task pane the parser is bundled
 * eagerly (no extra request from an old webview) but still evaluated only here.
 */
export async function loadFormulaParser(): Promise<void> {
  if (!parse) parse = (await import(/* webpackMode: "eager" */ "./parser")).parse as unknown as (source: string) => MathNode;
}

/** Functions a rule-set formula may call. */
const FUNCTIONS = new Set(["min", "max", "abs"]);
const NODE_TYPES = new Set(["ConstantNode", "SymbolNode", "OperatorNode", "ParenthesisNode", "ConditionalNode", "FunctionNode"]);
const MAX_LENGTH = 500;
/** Operators a formula may use: arithmetic, comparison and logic. No ^ or !, whose cost grows with their operands. */
const OPERATORS = new Set(["add", "subtract", "multiply", "divide", "unaryMinus", "unaryPlus", "larger", "largerEq", "smaller", "smallerEq", "equal", "unequal", "and", "or", "not"]);

export class ExpressionError extends Error {}

export interface Formula {
  source: string;
  evaluate(vars: Record<string, Dec | number>): Dec;
}

type Value = Dec | boolean;
type Scope = Record<string, Dec>;
type Compiled = (scope: Scope) => Value;

const num = (v: Value): Dec => (typeof v === "boolean" ? dec(v ? 1 : 0) : v);
const truthy = (v: Value): boolean => (typeof v === "boolean" ? v : !v.isZero());

/**
 * Turns a checked mathjs tree into a closure over decimal arithmetic. Only the whitelisted node types, operators
 * and functions have a translation, so nothing else can run; and there is no mathjs evaluation at all.
 */
function build(n: MathNode): Compiled {
  const node = n as unknown as Record<string, unknown>;
  switch (n.type) {
    case "ConstantNode": {
      const v = node.value;
      const c: Value = typeof v === "boolean" ? v : dec(String(v));
      return () => c;
    }
    case "SymbolNode": {
      const name = node.name as string;
      return (scope) => scope[name];
    }
    case "ParenthesisNode":
      return build(node.content as MathNode);
    case "ConditionalNode": {
      const [c, t, f] = [build(node.condition as MathNode), build(node.trueExpr as MathNode), build(node.falseExpr as MathNode)];
      return (scope) => (truthy(c(scope)) ? t(scope) : f(scope));
    }
    case "OperatorNode": {
      const args = (node.args as MathNode[]).map(build);
      const [a, b] = args;
      switch (node.fn as string) {
        case "add": return (s) => num(a(s)).plus(num(b(s)));
        case "subtract": return (s) => num(a(s)).minus(num(b(s)));
        case "multiply": return (s) => num(a(s)).times(num(b(s)));
        case "divide": return (s) => num(a(s)).div(num(b(s)));
        case "unaryMinus": return (s) => num(a(s)).neg();
        case "unaryPlus": return (s) => num(a(s));
        case "larger": return (s) => num(a(s)).gt(num(b(s)));
        case "largerEq": return (s) => num(a(s)).gte(num(b(s)));
        case "smaller": return (s) => num(a(s)).lt(num(b(s)));
        case "smallerEq": return (s) => num(a(s)).lte(num(b(s)));
        case "equal": return (s) => num(a(s)).eq(num(b(s)));
        case "unequal": return (s) => !num(a(s)).eq(num(b(s)));
        case "and": return (s) => truthy(a(s)) && truthy(b(s));
        case "or": return (s) => truthy(a(s)) || truthy(b(s));
        case "not": return (s) => !truthy(a(s));
      }
      break;
    }
    case "FunctionNode": {
      const args = (node.args as MathNode[]).map(build);
      const name = (node.fn as { name: string }).name;
      if (args.length === 0) throw new ExpressionError(`函数 ${name} 缺少参数`);
      if (name === "abs") return (s) => num(args[0](s)).abs();
      if (name === "min") return (s) => Decimal.min(...args.map((f) => num(f(s))));
      if (name === "max") return (s) => Decimal.max(...args.map((f) => num(f(s))));
      break;
    }
  }
  throw new ExpressionError(`公式中不允许使用 ${n.toString()}`);
}

/**
 * Compiles a province's scoring formula, e.g. `B <= A ? points : points * A / B`, over the named variables only.
 * mathjs parses it; a whitelist of node types, operators and functions is checked; the tree is then compiled to
 * decimal arithmetic. A formula can neither reach outside nor loop: no assignment, function definition, property
 * access, matrix, range, power or factorial.
 */
export function compileFormula(source: string, variables: readonly string[]): Formula {
  if (typeof source !== "string" || source.trim() === "") throw new ExpressionError("公式为空");
  if (source.length > MAX_LENGTH) throw new ExpressionError(`公式超过 ${MAX_LENGTH} 个字符`);
  if (!parse) throw new Error("评分公式解析器尚未加载：请先调用 loadFormulaParser()（内部错误）");
  let root: MathNode;
  try {
    root = parse(source);
  } catch (e) {
    throw new ExpressionError(`公式无法解析：${(e as Error).message}`);
  }
  root.traverse((n, _path, parent) => {
    if (!NODE_TYPES.has(n.type)) throw new ExpressionError(`公式中不允许使用 ${n.type.replace(/Node$/, "")}：${n.toString()}`);
    if (n.type === "OperatorNode") {
      const op = n as unknown as { fn: string; op: string };
      if (!OPERATORS.has(op.fn)) throw new ExpressionError(`公式中不允许使用运算符 ${op.op}（可用：+ - * / 比较 and or not）`);
    }
    if (n.type === "FunctionNode") {
      const name = (n as unknown as { fn: { name?: string } }).fn.name ?? "";
      if (!FUNCTIONS.has(name)) throw new ExpressionError(`公式中不允许调用函数 ${name || n.toString()}（可用：${[...FUNCTIONS].join("、")}）`);
    }
    if (n.type === "SymbolNode") {
      const name = (n as unknown as { name: string }).name;
      const isCallee = parent?.type === "FunctionNode" && (parent as unknown as { fn: MathNode }).fn === n;
      if (!isCallee && !variables.includes(name)) {
        throw new ExpressionError(`公式中的变量 ${name} 未定义（可用：${variables.join("、")}）`);
      }
    }
  });
  const run = build(root);
  return {
    source,
    evaluate(vars) {
      const scope: Scope = {};
      for (const [k, v] of Object.entries(vars)) scope[k] = dec(v);
      const r = run(scope);
      if (typeof r === "boolean" || !r.isFinite()) throw new ExpressionError(`公式 ${source} 的结果不是有限数值`);
      return r;
    },
  };
}
