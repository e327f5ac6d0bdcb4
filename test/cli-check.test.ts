import ExcelJS from "exceljs";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CATALOG } from "../src/core/findings";
import { catalogMarkdown } from "../src/core/report/catalog-doc";

const ROOT = join(__dirname, "..");
const FIXTURES = join(ROOT, "test", "fixtures");

function jixiao(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "jixiao.js"), ...args], { encoding: "utf8", timeout: 60_000, cwd: ROOT });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const VERDICTS = ["通过", "重新申报", "终止申报", "无法评定", null];
const LIGHTS = ["green", "yellow", "red", null];
const ACTIONS = ["正常", "预警", "暂缓拨款", "停止拨款", "无法判定"];
const GRADES = ["优", "良", "中", "差", "无法评定"];
const DECISIONS = ["优先保障", "据实合理保障", "督促改进并核减", "调整", "削减或取消", "收回", null];

describe("jixiao check: the command line contract", () => {
  const r = jixiao("check", FIXTURES, "--json");
  const doc = JSON.parse(r.out);

  it("prints exactly one JSON document and exits 1 when some finding is an error", () => {
    expect(r.code).toBe(1);
    expect(Object.keys(doc).sort()).toEqual(["accountability", "counts", "coverage", "errors", "exAnte", "findings", "previous", "projects", "rectification", "ruleSet", "summary"]);
    expect(doc.ruleSet).toBe("shuangyashan-2020");
    expect(doc.errors).toEqual([]);
    expect(doc.projects).toHaveLength(5);
    // `projects` has one entry per table, `summary` one per project (the 汇总's rows).
    expect(doc.counts).toEqual({ tables: doc.projects.length, projects: doc.summary.length });
  });

  it("tells each project's story as the 汇总 does: its tables, its 结果应用 strongest first, each decision with grounds", () => {
    const STEPS = ["target", "monitoring", "self-evaluation", "review", "result", "previous", "rectification"];
    for (const s of doc.summary) {
      expect(Object.keys(s).sort()).toEqual(["decisions", "department", "name", "outcome", "tables", "unit"]);
      for (const t of s.tables) expect(Object.keys(t).sort()).toEqual(["file", "kind", "sheet"]);
      for (const d of s.decisions) {
        expect(Object.keys(d).sort()).toEqual(["decision", "file", "grounds", "sheet", "step"]);
        expect(STEPS).toContain(d.step);
        expect(d.grounds).not.toBe("");
      }
    }
    expect(doc.summary.flatMap((s: { tables: unknown[] }) => s.tables)).toHaveLength(doc.projects.length);
    const self = doc.summary.find((s: { name: string }) => s.name === "网民留言办理平台运维");
    // Reviewed down to 中: 督促改进并核减, on the grounds of the review.
    expect(self.outcome).toEqual(["督促改进并核减"]);
    expect(self.decisions).toContainEqual({ step: "result", decision: "督促改进并核减", grounds: "复核 68.54 分，等级“中”", file: expect.stringContaining("自评表"), sheet: expect.any(String) });
  });

  it("gives every project the contract's keys and value sets", () => {
    for (const p of doc.projects) {
      expect(Object.keys(p).sort()).toEqual(
        ["code", "decision", "decisionGrounds", "file", "findings", "indicators", "kind", "monitoring", "name", "reading", "review", "scope", "selfEvaluation", "sheet", "targetVerdict", "unit"],
      );
      expect(["target", "monitoring", "self-evaluation"]).toContain(p.kind);
      expect(VERDICTS).toContain(p.targetVerdict);
      expect(DECISIONS).toContain(p.decision);
      for (const f of p.findings) {
        expect(Object.keys(f).sort()).toEqual(["basis", "cell", "code", "message", "severity", "sheet"]);
        expect(CATALOG.map((c) => c.code)).toContain(f.code);
        expect(f.cell === null || /^[A-Z]+\d+$/.test(f.cell)).toBe(true);
      }
      if (p.monitoring) {
        expect(LIGHTS).toContain(p.monitoring.executionLight);
        expect(Object.keys(p.monitoring.lights).sort()).toEqual(["blue", "green", "red", "yellow"]);
        expect(ACTIONS).toContain(p.monitoring.action);
        expect(Object.keys(p.monitoring.basis).sort()).toEqual(["missing", "read", "rows", "source"]);
      }
      if (p.selfEvaluation) {
        expect(GRADES).toContain(p.selfEvaluation.grade);
        // Every verdict carries what it rests on; a grade with nothing read behind it is 无法评定.
        expect(["recomputed", "stated", "none"]).toContain(p.selfEvaluation.basis.source);
        expect(p.selfEvaluation.basis.source === "none").toBe(p.selfEvaluation.grade === "无法评定");
      }
    }
  });

  it("reports the fixtures' problems where they are", () => {
    const by = (name: string) => doc.projects.find((p: { name: string }) => p.name === name);
    expect(by("基层政务公开标准化规范化").targetVerdict).toBe("通过");
    expect(by("基层政务公开标准化规范化").findings.map((f: { code: string }) => f.code)).toEqual(["copied-indicators"]);
    const revised = by("政务新媒体矩阵运维（二期）");
    // Declared again (the file says 修改稿) and still wrong: 终止申报 by the default policy (DOMAIN §9, 四(二)2).
    expect(revised.targetVerdict).toBe("终止申报");
    expect(revised.findings[0].code).toBe("terminate-declaration");
    expect(revised.findings[0].message).toContain("修改稿");
    expect(revised.findings.map((f: { code: string; cell: string }) => [f.code, f.cell])).toContainEqual(["direction-mismatch", "D15"]);
    const self = by("网民留言办理平台运维");
    expect(self.selfEvaluation).toMatchObject({ executionRate: 0.9, executionScore: 9, score: 94.54, range: [94.54, 94.54], grade: "优", stated: 94.54, recomputed: true });
    expect(self.selfEvaluation.basis).toMatchObject({ source: "recomputed", rows: { read: 7, found: 7 }, missing: [] });
    expect(self.selfEvaluation.basis.read).toEqual(["分值 G10:G16", "实际完成值 F10:F16", "得分 H10:H16", "项目资金 D5、E5", "表中总分 H17"]);
    expect(self.review).toEqual({ score: 68.54, grade: "中", delta: 26 });
    expect(self.decision).toBe("督促改进并核减");
    expect(self.findings.map((f: { code: string }) => f.code).sort()).toEqual(["clue-transfer", "review-grade-differs", "self-evaluation-inflated"]);
    const mon = by("城乡公共消防设施运维");
    expect(mon.monitoring).toMatchObject({ month: 7, executionRate: 0.2, executionLight: "red", lights: { green: 1, yellow: 0, red: 0, blue: 3 }, action: "暂缓拨款" });
    expect(mon.monitoring.basis).toMatchObject({ source: "recomputed", rows: { read: 4, found: 4 }, missing: [] });
  });

  it("prints a Chinese summary table without --json and writes 校验结果 with --out", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "jixiao-check-")), "结果.xlsx");
    const t = jixiao("check", FIXTURES, "--out", out);
    expect(t.code).toBe(1);
    expect(t.out).toContain("暂缓拨款");
    expect(t.out).toContain("[clue-transfer]");
    // Nothing but the summary: the bundled dependencies' old Buffer calls once printed a DeprecationWarning here.
    expect(t.err).toBe("");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("校验结果")!;
    const codes: string[] = [];
    ws.eachRow((row, i) => {
      if (i > 3) codes.push(String(row.getCell(5).value));
    });
    expect(codes.slice(0, 4).sort()).toEqual(["clue-transfer", "direction-mismatch", "suspend-funding", "terminate-declaration"]);
  });

  it("exits 0 when nothing is an error, and scores under another rule set", () => {
    const clean = jixiao("check", join(FIXTURES, "政务公开办-绩效目标申报表.xlsx"), "--json", "--rules", "hubei-2020");
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.out).ruleSet).toBe("hubei-2020");
  });

  it("cites the documents of the rule set named, the city plan only in the default", () => {
    const bases = (d: { projects: { findings: { basis: string }[] }[]; findings: { basis: string }[] }) =>
      [...d.findings, ...d.projects.flatMap((p) => p.findings)].map((f) => f.basis).join("\n");
    expect(bases(doc)).toContain("双政办发〔2020〕23号");
    const central = JSON.parse(jixiao("check", FIXTURES, "--json", "--rules", "central").out);
    expect(central.ruleSet).toBe("central");
    expect(bases(central)).toContain("财预〔2020〕10号");
    expect(bases(central)).not.toMatch(/双政办发|双鸭山|黑河/);
  });

  it("loads a rule set from JSON and rejects a malformed one naming the key, exit 2", () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-rules-"));
    writeFileSync(join(dir, "本局.json"), JSON.stringify({ id: "benju", review: { inflatedDelta: 30 } }));
    const ok = jixiao("check", join(FIXTURES, "政务服务中心-绩效自评表（含复核）.xlsx"), "--json", "--rules", join(dir, "本局.json"));
    const p = JSON.parse(ok.out).projects[0];
    expect(p.findings.map((f: { code: string }) => f.code)).not.toContain("self-evaluation-inflated");
    writeFileSync(join(dir, "坏.json"), JSON.stringify({ id: "bad", review: { inflated: 30 } }));
    const bad = jixiao("check", FIXTURES, "--rules", join(dir, "坏.json"));
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("review.inflated 无法识别");
    expect(jixiao("check", FIXTURES, "--rules", "guangxi").code).toBe(2);
    expect(jixiao("check", FIXTURES, "--month", "13").code).toBe(2);
  });

  it("exits 2 for a file that cannot be opened, still checking the others", () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-bad-"));
    writeFileSync(join(dir, "损坏.xlsx"), "PK\u0003\u0004 truncated");
    const r2 = jixiao("check", dir, join(FIXTURES, "政务公开办-绩效目标申报表.xlsx"), "--json");
    expect(r2.code).toBe(2);
    const d = JSON.parse(r2.out);
    expect(d.errors[0].message).toContain("损坏.xlsx");
    expect(d.projects).toHaveLength(1);
  });
});

describe("finding catalog", () => {
  it("docs/FINDINGS.md is generated from the catalog (run `npm run docs` after changing it)", () => {
    expect(readFileSync(join(ROOT, "docs", "FINDINGS.md"), "utf8")).toBe(catalogMarkdown());
  });

  it("has unique kebab-case codes, each exercised by a test", () => {
    const codes = CATALOG.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    const tests = ["target-checks", "score", "monitor", "review", "read", "coverage", "ex-ante", "cycle", "trust"].map((f) => readFileSync(join(ROOT, "test", "core", `${f}.test.ts`), "utf8")).join("\n");
    for (const c of codes) {
      expect(c).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(tests.includes(`"${c}"`), `no test names ${c}`).toBe(true);
    }
  });
});
