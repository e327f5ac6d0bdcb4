import type { MathNode } from "mathjs";
import { dec, math, type Dec } from "../decimal";

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

/**
 * Compiles a province's scoring formula, e.g. `B <= A ? points : points * A / B`, over the named variables only.
 * Whitelisted node types and functions: no assignment, function definition, property access, matrices or ranges,
 * so a formula can neither reach outside the instance nor loop.
 */
export function compileFormula(source: string, variables: readonly string[]): Formula {
  if (typeof source !== "string" || source.trim() === "") throw new ExpressionError("公式为空");
  if (source.length > MAX_LENGTH) throw new ExpressionError(`公式超过 ${MAX_LENGTH} 个字符`);
  let node: MathNode;
  try {
    node = math.parse(source);
  } catch (e) {
    throw new ExpressionError(`公式无法解析：${(e as Error).message}`);
  }
  node.traverse((n, _path, parent) => {
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
  const compiled = node.compile();
  return {
    source,
    evaluate(vars) {
      const scope: Record<string, Dec> = {};
      for (const [k, v] of Object.entries(vars)) scope[k] = dec(v);
      const r = compiled.evaluate(scope);
      if (r === null || typeof r !== "object" || typeof (r as Dec).isFinite !== "function" || !(r as Dec).isFinite()) {
        throw new ExpressionError(`公式 ${source} 的结果不是有限数值`);
      }
      return r as Dec;
    },
  };
}
