import { compact, TOPICS } from "../basis";
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
    // Documents and citations are the bureau's own: checkCitations reads them.
    if (path === "") for (const k of ["documents", "citations"]) if (k in value && !isObject(value[k])) throw new RuleSetError(`规则集 ${source} 的键 ${k} 应为对象`);
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
      if (path === "" && (k === "documents" || k === "citations")) continue;
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

const DOCUMENT_KEYS = ["title", "number", "clauses"];

/**
 * Checks a rule set's documents and citations: every document has a title, a 文号 (or "") and its clauses; every
 * citation names a known topic, a document the set holds and a clause that document lists, and quotes only words
 * that stand in that clause's text.
 */
export function checkCitations(r: RuleSet, source: string): void {
  const fail = (key: string, what: string) => {
    throw new RuleSetError(`规则集 ${source} 的键 ${key} ${what}`);
  };
  for (const [id, d] of Object.entries(r.documents as Record<string, unknown>)) {
    const key = `documents.${id}`;
    if (!isObject(d)) fail(key, "应为对象，写明 title（文件名称）、number（文号）和 clauses（条款）");
    const doc = d as Record<string, unknown>;
    for (const k of Object.keys(doc)) if (!DOCUMENT_KEYS.includes(k)) fail(`${key}.${k}`, "无法识别（文件只有 title、number、clauses 三项）");
    if (typeof doc.title !== "string" || doc.title.trim() === "") fail(`${key}.title`, "应为文件名称（不带书名号）");
    if (doc.number !== undefined && typeof doc.number !== "string") fail(`${key}.number`, "应为文号（文字），没有文号的写 \"\"");
    if (!isObject(doc.clauses)) fail(`${key}.clauses`, "应为对象：以条款（如 \"四(二)3\"、\"第十条\"）为键，值为该条原文（不引用原话的写 \"\"）");
    for (const [c, text] of Object.entries(doc.clauses as Record<string, unknown>)) {
      if (typeof text !== "string") fail(`${key}.clauses.${c}`, "应为该条原文（文字），不引用原话的写 \"\"");
    }
  }
  for (const [topic, list] of Object.entries(r.citations as Record<string, unknown>)) {
    const key = `citations.${topic}`;
    if (!(topic in TOPICS)) fail(key, "不是已知的引用主题（主题列表见 docs/FINDINGS.md）");
    if (!Array.isArray(list) || list.length === 0) fail(key, "应为非空数组，每项是一条引用");
    (list as unknown[]).forEach((c, i) => {
      const at = `${key}[${i}]`;
      if (!isObject(c)) fail(at, "应为对象：{ \"document\": 文件简称, \"clause\": 条款, \"quote\": 原话 } 或 { \"practice\": 本系统默认规则的说明 }");
      const cite = c as Record<string, unknown>;
      if ("practice" in cite) {
        if (typeof cite.practice !== "string" || cite.practice.trim() === "") fail(`${at}.practice`, "应为文字");
        if (Object.keys(cite).length > 1) fail(at, "写了 practice 就不能再写 document、clause 或 quote");
        return;
      }
      for (const k of Object.keys(cite)) if (!["document", "clause", "quote"].includes(k)) fail(`${at}.${k}`, "无法识别（引用只有 document、clause、quote 或 practice）");
      if (typeof cite.document !== "string") fail(`${at}.document`, "应为 documents 中的文件简称");
      const doc = r.documents[cite.document as string];
      if (!doc) fail(`${at}.document`, `“${String(cite.document)}”不在 documents 中（现有：${Object.keys(r.documents).join("、")}）`);
      if (cite.clause !== undefined) {
        if (typeof cite.clause !== "string") fail(`${at}.clause`, "应为文字");
        if (!((cite.clause as string) in doc.clauses)) fail(`${at}.clause`, `“${String(cite.clause)}”不是文件《${doc.title}》的 clauses 中列出的条款`);
      }
      if (cite.quote === undefined) return;
      const quotes = Array.isArray(cite.quote) ? cite.quote : [cite.quote];
      if (cite.clause === undefined) fail(`${at}.quote`, "引用原话须写明条款（clause）");
      const text = compact(doc.clauses[cite.clause as string]);
      if (text === "") fail(`${at}.quote`, `引用了原话，但文件《${doc.title}》${String(cite.clause)} 没有原文：请在 clauses 中写入该条原文，或去掉 quote`);
      for (const q of quotes) {
        if (typeof q !== "string" || q.trim() === "") fail(`${at}.quote`, "应为原话（文字）或原话的数组");
        if (!text.includes(compact(q as string))) fail(`${at}.quote`, `“${String(q)}”不在文件《${doc.title}》${String(cite.clause)} 的原文中`);
      }
    });
  }
  for (const topic of Object.keys(TOPICS)) if (!(topic in r.citations)) fail(`citations.${topic}`, "缺少（每个引用主题都须有依据）");
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
  checkCitations(r, source);
}

/**
 * Reads a rule set from JSON text. `extends` names the built-in set it starts from (default `central`, whose 依据
 * are the Ministry's documents); every other key overrides the same key there. `documents` adds the bureau's own
 * documents to those of the set it extends (the same id replaces one); `citations` replaces, topic by topic, what
 * that set cites, so a topic the bureau does not cover keeps the extended set's citations.
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
  const base = BUILT_IN[baseId];
  const r = merge(base, rest) as RuleSet;
  // A bureau's documents join the extended set's; one with the same id replaces it whole.
  if (isObject(rest.documents)) r.documents = { ...base.documents, ...(rest.documents as unknown as RuleSet["documents"]) };
  checkRuleSet(r, source);
  return r;
}

export function builtInRuleSet(id: string): RuleSet | undefined {
  return BUILT_IN[id];
}
