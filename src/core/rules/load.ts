import { CATALOG } from "../findings";
import { compileFormula, ExpressionError } from "./expression";
import { BUILT_IN, CENTRAL, DECISIONS, type RuleSet } from "./ruleset";

export class RuleSetError extends Error {}

/** Variables each scoring formula may use. */
export const FORMULA_VARIABLES = ["A", "B", "points"] as const;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function isObject(v: unknown): v is Record<string, Json> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Checks `value` against the shape of `example` (the built-in rule set's value at the same key), naming the first
 * bad key in Chinese. Keys the example does not have are rejected, so a misspelt key never passes silently.
 */
function checkShape(value: unknown, example: unknown, path: string, source: string): void {
  const where = `规则集 ${source} 的键 ${path || "（根）"}`;
  if (Array.isArray(example)) {
    if (!Array.isArray(value) || value.length === 0) throw new RuleSetError(`${where} 应为非空数组`);
    value.forEach((v, i) => checkShape(v, example[0], `${path}[${i}]`, source));
    return;
  }
  if (isObject(example)) {
    if (!isObject(value)) throw new RuleSetError(`${where} 应为对象`);
    const free = path === "severities";
    for (const [k, v] of Object.entries(value)) {
      const child = path ? `${path}.${k}` : k;
      if (free) {
        if (!CATALOG.some((c) => c.code === k)) throw new RuleSetError(`规则集 ${source} 的键 ${child} 不是已知的问题代码`);
        if (!["error", "warning", "info"].includes(v as string)) {
          throw new RuleSetError(`规则集 ${source} 的键 ${child} 应为 "error"、"warning" 或 "info"`);
        }
        continue;
      }
      if (!(k in example)) throw new RuleSetError(`规则集 ${source} 的键 ${child} 无法识别`);
      checkShape(v, (example as Record<string, unknown>)[k], child, source);
    }
    return;
  }
  if (typeof example === "number" && (typeof value !== "number" || !Number.isFinite(value))) {
    throw new RuleSetError(`${where} 应为数值`);
  }
  if (typeof example === "string" && typeof value !== "string") throw new RuleSetError(`${where} 应为文字`);
}

function merge(base: unknown, over: unknown): unknown {
  if (isObject(base) && isObject(over)) {
    const out: Record<string, unknown> = { ...base };
    for (const [k, v] of Object.entries(over)) out[k] = merge((base as Record<string, unknown>)[k], v);
    return out;
  }
  return over === undefined ? base : over;
}

/** Checks what a shape cannot: sums, orderings and formulas. */
export function checkRuleSet(r: RuleSet, source: string): void {
  const fail = (key: string, what: string) => {
    throw new RuleSetError(`规则集 ${source} 的键 ${key} ${what}`);
  };
  const w = r.weights;
  if (w.execution + w.output + w.benefit + w.satisfaction !== w.total) {
    fail("weights", `各项之和 ${w.execution + w.output + w.benefit + w.satisfaction} 不等于 total ${w.total}`);
  }
  r.grades.forEach((g, i) => {
    if (!["优", "良", "中", "差"].includes(g.grade)) fail(`grades[${i}].grade`, "应为 优、良、中 或 差");
    if (i > 0 && g.min >= r.grades[i - 1].min) fail(`grades[${i}].min`, "应从高到低排列");
  });
  r.qualitativeBrackets.forEach((b, i) => {
    if (b.min < 0 || b.max > 100 || b.min > b.max) fail(`qualitativeBrackets[${i}]`, "的区间应在 0–100 之间且 min ≤ max");
  });
  for (const [grade, d] of Object.entries(r.decisions)) {
    if (!DECISIONS.includes(d)) fail(`decisions.${grade}`, `应为 ${DECISIONS.join("、")} 之一`);
  }
  for (const [k, src] of Object.entries(r.scoring)) {
    try {
      const f = compileFormula(src, FORMULA_VARIABLES);
      f.evaluate({ A: 100, B: 90, points: 10 });
    } catch (e) {
      if (e instanceof ExpressionError) fail(`scoring.${k}`, `的公式有误：${e.message}`);
      throw e;
    }
  }
  if (r.quantifiedRatioMin < 0 || r.quantifiedRatioMin > 1) fail("quantifiedRatioMin", "应在 0 到 1 之间");
}

/**
 * Reads a rule set from JSON text. `extends` names the built-in set it starts from (default `central`); every
 * other key overrides the same key there.
 */
export function parseRuleSet(text: string, source: string): RuleSet {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new RuleSetError(`规则集 ${source} 不是有效的 JSON：${(e as Error).message}`);
  }
  if (!isObject(json)) throw new RuleSetError(`规则集 ${source} 应为 JSON 对象`);
  const { extends: ext, ...rest } = json;
  const baseId = ext === undefined ? CENTRAL.id : ext;
  if (typeof baseId !== "string" || !BUILT_IN[baseId]) {
    throw new RuleSetError(`规则集 ${source} 的键 extends 应为内置规则集之一：${Object.keys(BUILT_IN).join("、")}`);
  }
  checkShape(rest, { ...CENTRAL, severities: {} }, "", source);
  if (typeof rest.id !== "string" || rest.id.trim() === "") throw new RuleSetError(`规则集 ${source} 缺少键 id`);
  const r = merge(BUILT_IN[baseId], rest) as RuleSet;
  checkRuleSet(r, source);
  return r;
}

export function builtInRuleSet(id: string): RuleSet | undefined {
  return BUILT_IN[id];
}
