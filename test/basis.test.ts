/**
 * Every 依据 we print is read by officials who know the documents: it must name a clause that exists, and every
 * quoted phrase must stand in that clause of the plan (双政办发〔2020〕23号, the OCR'd seed text, with line breaks and
 * spaces removed and the OCR marks 尧 野 冶 read as 、 “ ”).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { analyze, type Analysis } from "../src/core/analyze";
import { PLAN_CLAUSES } from "../src/core/basis";
import { CATALOG } from "../src/core/findings";
import { renderReports } from "../src/core/report";
import { BUILT_IN } from "../src/core/rules/ruleset";
import type { SheetSpec, WorkbookSnapshot } from "../src/core/sheet";
import { openWorkbookFile } from "../src/hosts/node-files";

const ROOT = join(__dirname, "..");
/** The plan's text (OCR'd from the published PDF), kept in the repository so a fresh clone can check against it. */
const SEED = join(ROOT, "docs", "sources", "shuangyashan-2020-budget-performance-plan.txt");
/** The team's shared copy, where this checkout has one beside it. */
const SHARED_SEED = join(ROOT, "..", "shared", "seeds", "shuangyashan-2020-budget-performance-plan.txt");

function normalize(text: string): string {
  return text.replace(/\s+/g, "").replace(/尧/g, "、").replace(/野/g, "“").replace(/冶/g, "”");
}

/** A quote as printed in a basis, compared with the seed: nested single quotation marks are the plan's double ones. */
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

function clauses(): Map<string, string> {
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

const CLAUSE_TEXT = clauses();
const PLAN_SEGMENT = /^双政办发〔2020〕23号 ([一二三四五六七八九]\([一二三四五六七八九]\)\d?)(?:：“(.+)”)?$/;
const NATIONAL = /^财预〔(2015)〕88号|^财预〔(2019)〕136号|^财预〔(2020)〕10号|^财预〔(2021)〕101号/;
const OTHER_SEGMENTS = [
  /^黑河市“五型政府”建设实施方案 第2[78]条$/,
  /^本系统默认规则：[^A-Za-z]+$/,
  /^规则集“[^”]+”$/,
];

/** What is wrong with one basis, or null: each of its parts is a plan clause (quoted exactly), a named document, or a rule of practice. */
function basisProblem(basis: string): string | null {
  if (basis.trim() === "") return "empty basis";
  for (const part of basis.split("；")) {
    const m = PLAN_SEGMENT.exec(part);
    if (m) {
      if (!(PLAN_CLAUSES as readonly string[]).includes(m[1])) return `${part}: clause ${m[1]} does not exist`;
      if (m[2] && !CLAUSE_TEXT.get(m[1])!.includes(normalizeQuote(m[2]))) return `${part}: the quote is not in clause ${m[1]}`;
      continue;
    }
    if (part.includes("双政办发")) return `${part}: a citation of the plan must name its clause as 四(二)3`;
    if (NATIONAL.test(part)) {
      if (/[A-Za-z]/.test(part)) return `${part}: internal names in a basis`;
      continue;
    }
    if (OTHER_SEGMENTS.some((re) => re.test(part))) continue;
    return `${part}: neither a clause of a named document nor a rule of practice`;
  }
  return null;
}

describe("bases (依据) cite only clauses that exist", () => {
  it.runIf(existsSync(SHARED_SEED))("keeps the same text as the team's shared copy of the plan", () => {
    expect(readFileSync(SEED, "utf8")).toBe(readFileSync(SHARED_SEED, "utf8"));
  });

  it("finds every heading of the plan in the seed text, in order", () => {
    expect([...CLAUSE_TEXT.keys()].filter((k) => /\d|\(/.test(k))).toEqual(
      expect.arrayContaining([...PLAN_CLAUSES]),
    );
  });

  it("rejects a clause the plan does not have, a quote it does not contain, and internal names", () => {
    expect(basisProblem("双政办发〔2020〕23号 四(四)")).toMatch(/does not exist/);
    expect(basisProblem("双政办发〔2020〕23号 四(五)：“谁出错，谁负责”")).toMatch(/does not exist/);
    expect(basisProblem("双政办发〔2020〕23号 四(二)6：“违法违纪的移交纪检监察机关”")).toMatch(/not in clause/);
    // A real phrase cited under the wrong clause.
    expect(basisProblem("双政办发〔2020〕23号 四(一)1：“对存在严重问题的政策、项目要暂缓或停止拨款”")).toMatch(/not in clause/);
    expect(basisProblem("DESIGN：不静默跳过")).toMatch(/neither/);
    expect(basisProblem("规则集 central: quantifiedRatioMin")).toMatch(/neither/);
    expect(basisProblem("双政办发〔2020〕23号 四(二)3：“对存在严重问题的政策、项目要暂缓或停止拨款”")).toBeNull();
    // The OCR marks read as punctuation: the seed prints 野双监控冶 where the plan says “双监控”.
    expect(basisProblem("双政办发〔2020〕23号 四(二)3：“对绩效目标实现程度和预算执行进度实行‘双监控’”")).toBeNull();
  });

  it.each(CATALOG.map((e) => [e.code, e.basis]))("catalog entry %s cites real clauses and exact quotes", (_code, basis) => {
    expect(basisProblem(basis)).toBeNull();
  });

  describe("on the bundled samples, with every built-in rule set", () => {
    let analyses: Analysis[];
    let reports: SheetSpec[];
    beforeAll(async () => {
      const samples = join(ROOT, "samples");
      const snapshots: WorkbookSnapshot[] = [];
      for (const f of readdirSync(samples).sort()) snapshots.push(await (await openWorkbookFile(join(samples, f))).read());
      analyses = Object.values(BUILT_IN).map((rules) => analyze(snapshots, rules));
      reports = renderReports(analyses[0], snapshots, { sameWorkbook: false });
    });

    it("every finding's basis passes the same check", () => {
      const bad = new Set<string>();
      for (const a of analyses) {
        for (const f of [...a.findings, ...a.projects.flatMap((p) => p.findings)]) {
          const problem = basisProblem(f.basis);
          if (problem) bad.add(`${f.code}: ${problem}`);
        }
      }
      expect([...bad]).toEqual([]);
      expect(analyses[0].projects.flatMap((p) => p.findings).length).toBeGreaterThan(10);
    });

    it("every clause of the plan named in a report sheet exists", () => {
      const named: string[] = [];
      for (const s of reports) {
        for (const row of s.rows) {
          for (const c of row) {
            if (typeof c.value !== "string") continue;
            for (const m of c.value.matchAll(/23号）?\s*([四五三二一]\([一二三四五六七八九]\)\d?)/g)) named.push(m[1]);
          }
        }
      }
      expect(named.length).toBeGreaterThan(0);
      expect(named.filter((c) => !(PLAN_CLAUSES as readonly string[]).includes(c))).toEqual([]);
    });
  });
});
