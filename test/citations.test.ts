/**
 * The rule set speaks for itself: every 依据 a run prints (a finding's basis, a 问责 row, a report sheet's note, a
 * 反馈通知书 or 再评价报告) comes from the active rule set's documents. A local document (the 双鸭山 plan, the 黑河
 * plan) appears only where the rule set adopts it; `central` and `hubei-2020` cite the Ministry's documents.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { analyze } from "../src/core/analyze";
import { catalogBasis } from "../src/core/findings";
import { renderReports } from "../src/core/report";
import { parseRuleSet } from "../src/core/rules/load";
import { BUILT_IN, type RuleSet } from "../src/core/rules/ruleset";
import type { SheetSpec, WorkbookSnapshot } from "../src/core/sheet";
import { openWorkbookFile } from "../src/hosts/node-files";
import type { Analysis } from "../src/core/results";

const ROOT = join(__dirname, "..");

interface HeldDocument { title: string; number: string }
const documentsOf = (rules: RuleSet): HeldDocument[] =>
  Object.values((rules as unknown as { documents?: Record<string, HeldDocument> }).documents ?? {});

/**
 * The local documents, how a rule set adopts each, and how a citation of it shows: in a basis any mention counts; in a
 * report cell only the document's own name, since the samples' units are 双鸭山's (双鸭山市政务服务中心 is data, not a citation).
 */
const LOCAL = [
  {
    name: "双政办发〔2020〕23号",
    adopted: (rules: RuleSet) => documentsOf(rules).some((d) => d.number === "双政办发〔2020〕23号"),
    inBasis: /双政办发|双鸭山/,
    inCell: /双政办发|双鸭山市全面实施预算绩效管理|双鸭山市预算绩效管理规则/,
    /** The samples raise findings that rest on the plan, so a set that adopts it cites it. */
    surelyCited: true,
  },
  {
    name: "黑河市“五型政府”建设实施方案",
    adopted: (rules: RuleSet) => documentsOf(rules).some((d) => d.title.includes("黑河")),
    inBasis: /黑河/,
    inCell: /黑河/,
    /** Clauses 27 and 28 back findings the samples may not raise. */
    surelyCited: false,
  },
];

let snapshots: WorkbookSnapshot[];
beforeAll(async () => {
  const samples = join(ROOT, "samples");
  snapshots = [];
  for (const f of readdirSync(samples).sort()) snapshots.push(await (await openWorkbookFile(join(samples, f))).read());
});

function texts(reports: SheetSpec[]): { sheet: string; text: string }[] {
  const out: { sheet: string; text: string }[] = [];
  for (const s of reports) for (const row of s.rows) for (const c of row) if (typeof c.value === "string") out.push({ sheet: s.name, text: c.value });
  return out;
}

describe.each(Object.values(BUILT_IN).map((r) => [r.id, r] as const))("rule set %s cites only the documents it adopts", (_id, rules) => {
  let analysis: Analysis;
  let reports: SheetSpec[];
  beforeAll(() => {
    analysis = analyze(snapshots, rules, { today: new Date("2026-11-30T00:00:00Z") });
    reports = renderReports(analysis, snapshots, { sameWorkbook: false });
  });

  it("runs the samples into findings, 问责 rows and documents", () => {
    expect(analysis.projects.flatMap((p) => p.findings).length).toBeGreaterThan(10);
    expect(analysis.accountability.length).toBeGreaterThan(0);
    expect(reports.some((s) => s.name.startsWith("再评价报告") || s.name.startsWith("反馈通知书"))).toBe(true);
  });

  for (const doc of LOCAL) {
    it(`cites ${doc.name} in a basis only if it adopts it`, () => {
      const bases = [
        ...analysis.findings, ...analysis.projects.flatMap((p) => p.findings), ...analysis.accountability,
      ].map((f) => f.basis);
      const citing = [...new Set(bases.filter((b) => doc.inBasis.test(b)))];
      if (!doc.adopted(rules)) expect(citing).toEqual([]);
      else if (doc.surelyCited) expect(citing.length).toBeGreaterThan(0);
    });

    it(`names ${doc.name} in a report sheet or document only if it adopts it`, () => {
      const citing = texts(reports).filter((t) => doc.inCell.test(t.text)).map((t) => `${t.sheet}: ${t.text.slice(0, 60)}`);
      if (!doc.adopted(rules)) expect([...new Set(citing)]).toEqual([]);
      else if (doc.surelyCited) expect(citing.length).toBeGreaterThan(0);
    });
  }

  it("cites only named documents or rules of practice in the notes of its report sheets", () => {
    const notes = texts(reports).filter((t) => /^(依据|根据)./.test(t.text)).map((t) => t.text);
    expect(notes.length).toBeGreaterThan(0);
    for (const n of notes) expect(n).toMatch(/《[^》]+》|本系统默认规则|规则集“/);
  });
});

describe("the README's rule sets", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## 规则集"), readme.indexOf("\n## ", readme.indexOf("## 规则集")));
  const examples = [...section.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]);

  it("load as they are shown, and the bureau's document is cited where it says", () => {
    expect(examples.length).toBe(2);
    for (const e of examples) expect(() => parseRuleSet(e, "README.md")).not.toThrow();
    const own = parseRuleSet(examples[1], "README.md");
    expect(catalogBasis("monitoring-month-unknown", own)).toBe("本财绩〔2026〕1号 第十条：“实行双监控”");
    expect(catalogBasis("suspend-funding", own)).toContain("本财绩〔2026〕1号 第十二条；中发〔2018〕34号 绩效运行监控");
  });
});
