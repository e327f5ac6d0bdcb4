/**
 * Every 依据 we print is read by officials who know the documents: it must name a part of a document the active rule
 * set holds, and every quoted phrase must stand in that part. Where we hold a document's text (the 双鸭山 plan, the
 * 黑河 excerpt, in docs/sources/), each clause text a rule set carries must stand in that clause of the source (line
 * breaks and spaces removed, the OCR marks 尧 野 冶 read as 、 “ ”); documents whose text we do not hold (the
 * Ministry's) are cited by part and never quoted.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { analyze } from "../src/core/analyze";
import { basisOf, citeLong, REPORT_TOPICS, type RuleDocument, TOPIC_IDS } from "../src/core/basis";
import { CATALOG, catalogBasis } from "../src/core/findings";
import { renderReports } from "../src/core/report";
import { checkRuleSet } from "../src/core/rules/load";
import { BUILT_IN, CENTRAL, DEFAULT_RULES, type RuleSet, SHUANGYASHAN_2020 } from "../src/core/rules/ruleset";
import type { SheetSpec, WorkbookSnapshot } from "../src/core/sheet";
import { openWorkbookFile } from "../src/hosts/node-files";
import type { Analysis } from "../src/core/results";

const ROOT = join(__dirname, "..");
/** The plan's text (OCR'd from the published PDF), kept in the repository so a fresh clone can check against it. */
const SEED = join(ROOT, "docs", "sources", "shuangyashan-2020-budget-performance-plan.txt");
/** The 黑河 plan's clauses 27 and 28 (and others), as the team holds them. */
const RELATED = join(ROOT, "docs", "sources", "related-clauses.txt");
/** The team's shared copies, where this checkout has them beside it. */
const SHARED = join(ROOT, "..", "shared", "seeds");

function normalize(text: string): string {
  return text.replace(/\s+/g, "").replace(/尧/g, "、").replace(/野/g, "“").replace(/冶/g, "”");
}

/** A quote as printed in a basis, compared with the text: nested single quotation marks are the document's double ones. */
function normalizeQuote(text: string): string {
  return normalize(text).replace(/‘/g, "“").replace(/’/g, "”");
}

/**
 * The plan's clauses as they begin in the seed text, in order. Each clause runs to the start of the next; this list
 * is read off the seed by hand, and the test fails if a heading is not found where it should be.
 */
const HEADINGS: [string, string][] = [
  ["四、资金使用与绩效管理链条", "四"],
  ["（一）上级资金", "四(一)"],
  ["1.目标申报。", "四(一)1"],
  ["2.绩效监管。", "四(一)2"],
  ["（二）地方财政预算资金。", "四(二)"],
  ["1.请资申报。", "四(二)1"],
  ["2.源头把关。", "四(二)2"],
  ["3.运行监管。", "四(二)3"],
  ["4.严控投资。", "四(二)4"],
  ["5.事终自评。", "四(二)5"],
  ["6.评价验收。", "四(二)6"],
  ["7.结果应用。", "四(二)7"],
  ["（三）建立全过程预算绩效管理链条。", "四(三)"],
  ["1.在预算申请环节开展事前绩效评估。", "四(三)1"],
  ["2.在预算编制环节强化绩效目标管理。", "四(三)2"],
  ["3.在预算执行环节加强绩效运行监控。", "四(三)3"],
  ["4.在决算环节全面开展绩效评价。", "四(三)4"],
  ["5.在结果应用环节强化刚性约束。", "四(三)5"],
  ["五、保障措施", "五"],
  ["（一）预算执行单位", "五(一)"],
  ["（二）各级财政部门要精准落实改革", "五(二)"],
  ["（三）加大宣传力度", "五(三)"],
  ["（四）强化监督职责。", "五(四)"],
];

/** The clauses of DOMAIN.md §8: what the plan has, and all a citation of it may name. */
const PLAN_CLAUSES = [
  "四(一)1", "四(一)2",
  "四(二)1", "四(二)2", "四(二)3", "四(二)4", "四(二)5", "四(二)6", "四(二)7",
  "四(三)1", "四(三)2", "四(三)3", "四(三)4", "四(三)5",
  "五(一)", "五(二)", "五(三)", "五(四)",
];

function planClauses(): Map<string, string> {
  const text = normalize(readFileSync(SEED, "utf8"));
  const out = new Map<string, string>();
  let from = 0;
  const starts: [number, string][] = [];
  for (const [heading, id] of HEADINGS) {
    const at = text.indexOf(heading, from);
    if (at < 0) throw new Error(`heading ${heading} not found in the seed after position ${from}`);
    starts.push([at, id]);
    from = at + heading.length;
  }
  starts.forEach(([at, id], i) => out.set(id, text.slice(at, i + 1 < starts.length ? starts[i + 1][0] : text.length)));
  return out;
}

/** The 黑河 plan's numbered clauses in the excerpt: “  27.落实…” → 第27条. */
function heiheClauses(): Map<string, string> {
  const out = new Map<string, string>();
  const text = readFileSync(RELATED, "utf8");
  const block = text.slice(text.indexOf("黑河"), text.indexOf("# ", text.indexOf("黑河")));
  for (const m of block.matchAll(/^\s*(\d+)\.(.+)$/gm)) out.set(`第${m[1]}条`, normalize(m[2]));
  return out;
}

const PLAN_TEXT = planClauses();
const HEIHE_TEXT = heiheClauses();

/** The source text of a document, by clause, where we hold it. */
function sourceOf(d: RuleDocument): Map<string, string> | null {
  if (d.number === "双政办发〔2020〕23号") return PLAN_TEXT;
  if (d.title.startsWith("黑河市")) return HEIHE_TEXT;
  return null;
}

/** What is wrong with one quote of a clause, or null: it stands in the rule set's clause text and, where held, in the source. */
function quoteProblem(d: RuleDocument, clause: string, quote: string): string | null {
  const held = normalize(d.clauses[clause] ?? "");
  if (held === "") return `${d.number || d.title} ${clause}: quoted, but the rule set holds no text of the clause`;
  if (!held.includes(normalizeQuote(quote))) return `${d.number || d.title} ${clause}: “${quote}” is not in the clause text`;
  const source = sourceOf(d);
  if (source && !source.get(clause)?.includes(normalizeQuote(quote))) return `${d.number || d.title} ${clause}: “${quote}” is not in the source`;
  return null;
}

const QUOTES = /“([^”]*)”/g;

/**
 * What is wrong with one basis under a rule set, or null: each of its parts cites a document the set holds (a clause
 * it lists, quoted exactly), or is a rule of practice, or names the rule set.
 */
function basisProblem(basis: string, rules: RuleSet): string | null {
  if (basis.trim() === "") return "empty basis";
  if (/[A-Za-z]/.test(basis.replace(/规则集“[^”]+”/g, ""))) return `${basis}: internal names in a basis`;
  for (const part of basis.split("；")) {
    if (/^本系统默认规则：.+$/.test(part) || part === `规则集“${rules.name}”`) continue;
    const doc = Object.values(rules.documents).find((d) => part.startsWith(d.number || d.title));
    if (!doc) return `${part}: neither a document the rule set holds nor a rule of practice`;
    const rest = part.slice((doc.number || doc.title).length);
    if (rest === "") continue;
    const m = /^ ([^：]+)(?:：((?:“[^”]*”)+))?$/.exec(rest);
    if (!m) return `${part}: not a clause and a quote`;
    if (!(m[1] in doc.clauses)) return `${part}: clause ${m[1]} is not one the document has`;
    if (doc.number === "双政办发〔2020〕23号" && !PLAN_CLAUSES.includes(m[1])) return `${part}: clause ${m[1]} does not exist`;
    for (const q of (m[2] ?? "").matchAll(QUOTES)) {
      const problem = quoteProblem(doc, m[1], q[1]);
      if (problem) return problem;
    }
  }
  return null;
}

/** Splits text at any of `seps` that stands outside a quotation. */
function splitOutside(text: string, seps: string): string[] {
  const out = [""];
  let depth = 0;
  for (const ch of text) {
    if (ch === "“") depth++;
    if (ch === "”") depth--;
    if (depth === 0 && seps.includes(ch)) out.push("");
    else out[out.length - 1] += ch;
  }
  return out;
}

/**
 * What is wrong with the citations of a note, or null. “依据《…》（…）四(三)1：“…”；四(三)2：“…”；《…》…。” names
 * documents and their parts up to the first full stop; “根据《…》（…）、《…》，…” names documents only.
 */
function noteProblem(note: string, rules: RuleSet): string | null {
  const docs = Object.values(rules.documents);
  const nameOf = (d: RuleDocument) => `《${d.title}》${d.number ? `（${d.number}）` : ""}`;
  if (note.startsWith("根据")) {
    for (const name of splitOutside(splitOutside(note.slice(2), "，")[0], "、")) {
      if (!docs.some((d) => nameOf(d) === name) && name !== `规则集“${rules.name}”`) return `${name}: not a document the rule set holds`;
    }
    return null;
  }
  let doc: RuleDocument | null = null;
  for (let group of splitOutside(splitOutside(note.slice(2), "。")[0], "；")) {
    if (/^本系统默认规则：/.test(group)) continue;
    if (group.startsWith("《")) {
      doc = docs.find((d) => group.startsWith(nameOf(d))) ?? null;
      if (!doc) return `${group}: not a document the rule set holds`;
      group = group.slice(nameOf(doc).length);
    }
    if (!doc) return `${group}: a part with no document`;
    for (const item of group === "" ? [] : splitOutside(group, "、")) {
      const m = /^([^：]+)(?:：((?:“[^”]*”)+))?$/.exec(item);
      if (!m) return `${item}: not a clause and a quote`;
      if (!(m[1] in doc.clauses)) return `${nameOf(doc)}${item}: clause ${m[1]} is not one the document has`;
      for (const q of (m[2] ?? "").matchAll(QUOTES)) {
        const problem = quoteProblem(doc, m[1], q[1]);
        if (problem) return problem;
      }
    }
  }
  return null;
}

describe("the sources of the bases", () => {
  it.runIf(existsSync(SHARED))("keeps the same text as the team's shared copies", () => {
    expect(readFileSync(SEED, "utf8")).toBe(readFileSync(join(SHARED, "shuangyashan-2020-budget-performance-plan.txt"), "utf8"));
    expect(readFileSync(RELATED, "utf8")).toBe(readFileSync(join(SHARED, "related-clauses.txt"), "utf8"));
  });

  it("finds every heading of the plan in the seed text, in order, and 黑河 clauses 27 and 28 in the excerpt", () => {
    expect([...PLAN_TEXT.keys()].filter((k) => /\d|\(/.test(k))).toEqual(expect.arrayContaining(PLAN_CLAUSES));
    expect(HEIHE_TEXT.get("第27条")).toContain("量化目标不少于目标总数的80%");
    expect(HEIHE_TEXT.get("第28条")).toContain("连续两年考评未达标单位");
  });

  it("rejects a clause the plan does not have, a quote it does not contain, a document the set does not hold, and internal names", () => {
    const shy = SHUANGYASHAN_2020;
    expect(basisProblem("双政办发〔2020〕23号 四(四)", shy)).toMatch(/not one the document has/);
    expect(basisProblem("双政办发〔2020〕23号 四(五)：“谁出错，谁负责”", shy)).toMatch(/not one the document has/);
    expect(basisProblem("双政办发〔2020〕23号 四(二)6：“违法违纪的移交纪检监察机关”", shy)).toMatch(/not in the clause text/);
    // A real phrase cited under the wrong clause.
    expect(basisProblem("双政办发〔2020〕23号 四(一)1：“对存在严重问题的政策、项目要暂缓或停止拨款”", shy)).toMatch(/not in the clause text/);
    expect(basisProblem("设计说明：不静默跳过", shy)).toMatch(/neither/);
    expect(basisProblem("DESIGN：不静默跳过", shy)).toMatch(/internal names/);
    expect(basisProblem("规则集 central: quantifiedRatioMin", shy)).toMatch(/internal names/);
    expect(basisProblem("双政办发〔2020〕23号 四(二)3：“对存在严重问题的政策、项目要暂缓或停止拨款”", shy)).toBeNull();
    // The OCR marks read as punctuation: the seed prints 野双监控冶 where the plan says “双监控”.
    expect(basisProblem("双政办发〔2020〕23号 四(二)3：“对绩效目标实现程度和预算执行进度实行‘双监控’”", shy)).toBeNull();
    // central holds no text of the Ministry's documents, and not the plan at all.
    expect(basisProblem("双政办发〔2020〕23号 四(二)3：“对存在严重问题的政策、项目要暂缓或停止拨款”", CENTRAL)).toMatch(/neither/);
    expect(basisProblem("财预〔2020〕10号 单位自评：“单位自评”", CENTRAL)).toMatch(/holds no text/);
    expect(basisProblem("财预〔2020〕10号 单位自评", CENTRAL)).toBeNull();
    // And so in a note.
    const plan = "《双鸭山市全面实施预算绩效管理的实施方案》（双政办发〔2020〕23号）";
    expect(noteProblem(`依据${plan}四(四)：“谁出错，谁负责”。以下…`, shy)).toMatch(/not one the document has/);
    expect(noteProblem(`依据${plan}四(二)6：“谁出错，谁负责”；四(三)5：“一律收回”。`, shy)).toMatch(/not in the clause text/);
    expect(noteProblem(`依据${plan}四(二)6：“谁出错，谁负责”。`, CENTRAL)).toMatch(/not a document/);
    expect(noteProblem(`根据${plan}，我局…`, CENTRAL)).toMatch(/not a document/);
    expect(noteProblem(`依据${plan}四(二)6：“谁出错，谁负责”；四(三)5：“对长期沉淀资金予以收回”。本次…`, shy)).toBeNull();
  });
});

describe.each(Object.values(BUILT_IN).map((r) => [r.id, r] as const))("the bases of rule set %s", (_id, rules) => {
  it("passes the rule-set check of its documents and citations", () => {
    expect(() => checkRuleSet(rules, rules.id)).not.toThrow();
  });

  it("holds a document's words only where we hold its source, and then exactly as the source prints them", () => {
    const bad: string[] = [];
    for (const d of Object.values(rules.documents)) {
      const source = sourceOf(d);
      for (const [clause, text] of Object.entries(d.clauses)) {
        if (text === "") continue;
        if (!source) bad.push(`${d.title} ${clause}: text held without a source`);
        // A clause text may leave out the clause's heading: it must stand in the clause as a whole.
        else if (!source.get(clause)?.includes(normalize(text))) bad.push(`${d.title} ${clause}: not in the source`);
      }
    }
    expect(bad).toEqual([]);
  });

  it.each(CATALOG.map((e) => [e.code]))("catalog entry %s cites real clauses and exact quotes", (code) => {
    expect(basisProblem(catalogBasis(code, rules), rules)).toBeNull();
  });

  it.each(TOPIC_IDS.map((t) => [t]))("cites real clauses and exact quotes for topic %s", (t) => {
    expect(rules.citations[t].length).toBeGreaterThan(0);
    expect(basisProblem(basisOf(rules, [t]), rules)).toBeNull();
  });
});

describe("on the bundled samples, with every built-in rule set", () => {
  let snapshots: WorkbookSnapshot[];
  let runs: { rules: RuleSet; analysis: Analysis; reports: SheetSpec[] }[];
  beforeAll(async () => {
    const samples = join(ROOT, "samples");
    snapshots = [];
    for (const f of readdirSync(samples).sort()) snapshots.push(await (await openWorkbookFile(join(samples, f))).read());
    runs = Object.values(BUILT_IN).map((rules) => {
      const analysis = analyze(snapshots, rules, { today: new Date("2026-11-30T00:00:00Z") });
      return { rules, analysis, reports: renderReports(analysis, snapshots, { sameWorkbook: false }) };
    });
  });

  it("every finding's and every 问责 row's basis passes the same check", () => {
    const bad = new Set<string>();
    for (const { rules, analysis: a } of runs) {
      for (const f of [...a.findings, ...a.projects.flatMap((p) => p.findings), ...a.accountability]) {
        const problem = basisProblem(f.basis, rules);
        if (problem) bad.add(`${rules.id} ${"code" in f ? f.code : f.ground}: ${problem}`);
      }
    }
    expect([...bad]).toEqual([]);
    expect(runs[0].analysis.projects.flatMap((p) => p.findings).length).toBeGreaterThan(10);
  });

  it("every clause named in a report sheet's note exists, and its quote stands in it", () => {
    for (const { rules, reports } of runs) {
      const notes = reports.flatMap((s) => s.rows.flat()).map((c) => c.value).filter((v): v is string => typeof v === "string" && /^依据《|^根据《/.test(v));
      expect(notes.length).toBeGreaterThan(0);
      expect(notes.map((n) => noteProblem(n, rules)).filter((p) => p !== null)).toEqual([]);
    }
  });

  it("the default rule set's notes say what the plan says, as before", () => {
    const { reports } = runs.find((r) => r.rules === DEFAULT_RULES)!;
    const cells = reports.flatMap((s) => s.rows.flat()).map((c) => c.value);
    expect(cells).toContain(`依据${citeLong(DEFAULT_RULES, REPORT_TOPICS.覆盖情况表)}。`);
    expect(citeLong(DEFAULT_RULES, REPORT_TOPICS.覆盖情况表)).toBe(
      "《双鸭山市全面实施预算绩效管理的实施方案》（双政办发〔2020〕23号）四(三)1：“评估结果作为申请预算的必备要件”；" +
      "四(三)2：“未按要求设置绩效目标的项目，不得安排预算”；四(三)4：“加快实现政策和项目绩效自评全覆盖”；" +
      "四(三)5：“认真落实绩效评价结果反馈和绩效问题整改责任制，形成反馈、整改、提升的良性循环”",
    );
  });
});
