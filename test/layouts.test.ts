/**
 * The layout corpus (test/layouts/): workbooks reconstructed from published forms, read by the CLI exactly as a user
 * runs it (`jixiao check test/layouts --json`), compared with expectations worked out by hand from the rules.
 */
import ExcelJS from "exceljs";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ExcelJsHost } from "../src/hosts/exceljs-host";
import { buildWorkbook } from "./fixtures";
import { LAYOUT_DIR, loadSpecs } from "./layouts/build";
import type { ExpectedProject, LayoutSpec } from "./layouts/spec";

const BIN = join(__dirname, "..", "bin", "jixiao.js");

interface JsonProject {
  file: string;
  sheet: string;
  name: string;
  kind: string;
  indicators: number;
  findings: { code: string; severity: string; cell: string | null; message: string }[];
  targetVerdict: string | null;
  monitoring: { month: number; executionLight: string | null; executionRate: number | null; action: string; lights: Record<string, number> } | null;
  selfEvaluation: { executionScore: number | null; score: number | null; grade: string; stated: number | null; recomputed: boolean } | null;
  decision: string | null;
  review: { score: number; grade: string; delta: number } | null;
}

let specs: LayoutSpec[];
let doc: { projects: JsonProject[]; findings: { file: string; code: string; message: string }[]; errors: unknown[] };

beforeAll(async () => {
  specs = await loadSpecs();
  const r = spawnSync(process.execPath, [BIN, "check", LAYOUT_DIR, "--json", "--exit-zero"], { encoding: "utf8", timeout: 120_000, maxBuffer: 64 << 20 });
  expect(r.status, r.stderr).toBe(0);
  doc = JSON.parse(r.stdout);
});

/** What differs between what the reading gave and what the hand-worked expectation says; empty when they agree. */
function differences(e: ExpectedProject, p: JsonProject | undefined): string[] {
  if (!p) return [`sheet ${e.sheet}: no project read`];
  const out: string[] = [];
  const name = p.name.trim();
  if (e.nameContains ? !name.includes(e.name) : name !== e.name) out.push(`name: expected ${e.name}, read ${name}`);
  if (p.kind !== e.kind) out.push(`kind: expected ${e.kind}, read ${p.kind}`);
  if (p.indicators !== e.indicators) out.push(`indicators: expected ${e.indicators}, read ${p.indicators}`);
  if (e.targetVerdict && p.targetVerdict !== e.targetVerdict) out.push(`targetVerdict: expected ${e.targetVerdict}, got ${p.targetVerdict}`);
  for (const f of e.findings ?? []) {
    const hit = p.findings.find((x) => x.code === f.code && (f.cell === undefined || x.cell === f.cell) && (f.message === undefined || x.message.includes(f.message)));
    if (!hit) out.push(`missing finding ${f.code}${f.cell ? ` at ${f.cell}` : ""}${f.message ? ` saying ${f.message}` : ""}`);
  }
  for (const code of e.absent ?? []) {
    const hit = p.findings.find((x) => x.code === code);
    if (hit) out.push(`unexpected ${code} at ${hit.cell}: ${hit.message}`);
  }
  if (e.selfEvaluation) {
    const s = p.selfEvaluation;
    if (!s) out.push("no self-evaluation score");
    else {
      if (s.score !== e.selfEvaluation.score) out.push(`score: expected ${e.selfEvaluation.score}, got ${s.score}`);
      if (s.grade !== e.selfEvaluation.grade) out.push(`grade: expected ${e.selfEvaluation.grade}, got ${s.grade}`);
      if (e.selfEvaluation.executionScore !== undefined && s.executionScore !== e.selfEvaluation.executionScore) {
        out.push(`executionScore: expected ${e.selfEvaluation.executionScore}, got ${s.executionScore}`);
      }
      if (e.selfEvaluation.stated !== undefined && s.stated !== e.selfEvaluation.stated) out.push(`stated: expected ${e.selfEvaluation.stated}, got ${s.stated}`);
      if (e.selfEvaluation.recomputed !== undefined && s.recomputed !== e.selfEvaluation.recomputed) {
        out.push(`recomputed: expected ${e.selfEvaluation.recomputed}, got ${s.recomputed}`);
      }
    }
  }
  if (e.review) {
    const r = p.review;
    if (!r) out.push("no review");
    else {
      if (r.score !== e.review.score || r.grade !== e.review.grade) out.push(`review: expected ${e.review.score}/${e.review.grade}, got ${r.score}/${r.grade}`);
      if (e.review.delta !== undefined && r.delta !== e.review.delta) out.push(`review delta: expected ${e.review.delta}, got ${r.delta}`);
    }
  }
  if (e.monitoring) {
    const m = p.monitoring;
    if (!m) out.push("no monitoring result");
    else {
      if (m.month !== e.monitoring.month) out.push(`month: expected ${e.monitoring.month}, got ${m.month}`);
      if (m.action !== e.monitoring.action) out.push(`action: expected ${e.monitoring.action}, got ${m.action}`);
      if (e.monitoring.executionLight !== undefined && m.executionLight !== e.monitoring.executionLight) out.push(`executionLight: expected ${e.monitoring.executionLight}, got ${m.executionLight}`);
      if (e.monitoring.executionRate !== undefined && (e.monitoring.executionRate === null ? m.executionRate !== null : m.executionRate === null || Math.abs(m.executionRate - e.monitoring.executionRate) > 0.0005)) {
        out.push(`executionRate: expected ${e.monitoring.executionRate}, got ${m.executionRate}`);
      }
      if (e.monitoring.lights && JSON.stringify(m.lights) !== JSON.stringify(e.monitoring.lights)) out.push(`lights: expected ${JSON.stringify(e.monitoring.lights)}, got ${JSON.stringify(m.lights)}`);
    }
  }
  if (e.decision !== undefined && p.decision !== e.decision) out.push(`decision: expected ${e.decision}, got ${p.decision}`);
  return out;
}

describe("layout corpus: official, provincial, system and vendor forms", () => {
  it("holds at least 15 workbooks, each with its source and a README row", () => {
    expect(specs.length).toBeGreaterThanOrEqual(15);
    const readme = readFileSync(join(LAYOUT_DIR, "README.md"), "utf8");
    for (const s of specs) {
      expect(s.source.length, s.id).toBeGreaterThan(20);
      expect(readme, `README row for ${s.id}`).toContain(`\`${s.id}\``);
    }
    const files = readdirSync(LAYOUT_DIR).filter((f) => f.endsWith(".xlsx")).sort();
    expect(files).toEqual(specs.map((s) => `${s.id}.xlsx`).sort());
  });

  it("committed workbooks hold what their specs say (run `npm run layouts` after changing a spec)", async () => {
    for (const spec of specs) {
      const committed = new ExcelJS.Workbook();
      await committed.xlsx.readFile(join(LAYOUT_DIR, `${spec.id}.xlsx`));
      const fresh = new ExcelJS.Workbook();
      await fresh.xlsx.load((await (await buildWorkbook(spec.sheets)).xlsx.writeBuffer()) as ArrayBuffer);
      expect(new ExcelJsHost(committed, spec.id).read(), spec.id).toEqual(new ExcelJsHost(fresh, spec.id).read());
    }
  });

  it("opens every workbook without an error", () => {
    expect(doc.errors).toEqual([]);
  });

  it.each([["each"]])("reads every form as its expectation says (%s)", () => {
    const problems: string[] = [];
    for (const spec of specs) {
      const file = `${spec.id}.xlsx`;
      const read = doc.projects.filter((p) => basename(p.file) === file);
      spec.projects.forEach((e, i) => {
        const p = read.filter((x) => x.sheet === e.sheet)[spec.projects.filter((x, j) => j < i && x.sheet === e.sheet).length];
        for (const d of differences(e, p)) problems.push(`${spec.id} / ${e.sheet} #${i + 1}: ${d}`);
      });
      if (read.length !== spec.projects.length) problems.push(`${spec.id}: expected ${spec.projects.length} projects, read ${read.length}`);
      for (const code of spec.workbookFindings ?? []) {
        if (!doc.findings.some((f) => basename(f.file) === file && f.code === code)) problems.push(`${spec.id}: missing workbook finding ${code}`);
      }
    }
    expect(problems.join("\n")).toBe("");
  });
});
