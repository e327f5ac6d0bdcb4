/**
 * The streaming path as the CLI takes it (hosts/stream-sheet.ts): exceljs's streaming reader walks the real file,
 * merged areas come from the sheet part itself, and the analysis is the one the whole-workbook reader gives — on
 * every bundled and corpus workbook, forced through the stream with windows of one row and of 2,000. A list past
 * the size at which a workbook is streamed is read by the command line, not refused.
 */
import ExcelJS from "exceljs";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze, analysisJson, readOptionsFor } from "../../src/core/analyze";
import { inventory } from "../../src/core/inventory";
import { DEFAULT_RULES } from "../../src/core/rules/ruleset";
import type { StreamedSnapshot } from "../../src/core/read/options";
import { STREAM_LIMITS } from "../../src/hosts/host";
import { openWorkbookFile } from "../../src/hosts/node-files";
import { partMerges } from "../../src/hosts/stream-sheet";
import { type ZipEntry, zipDirectory } from "../../src/hosts/zip-limits";
import { workbookZip } from "../corpus/generate";

const ROOT = join(__dirname, "..", "..");
const TODAY = new Date(Date.UTC(2026, 6, 31));
const files = ["samples", "test/fixtures", "test/layouts"].flatMap((d) => readdirSync(join(ROOT, d)).filter((f) => f.endsWith(".xlsx")).map((f) => join(ROOT, d, f)));
const read = readOptionsFor(DEFAULT_RULES, { today: TODAY });
const json = (wb: Awaited<ReturnType<Awaited<ReturnType<typeof openWorkbookFile>>["read"]>>) =>
  JSON.stringify([analysisJson(analyze([wb], DEFAULT_RULES, { today: TODAY }), []), inventory([wb])]);

describe("a workbook read as a stream by exceljs's streaming reader", () => {
  it("gives the whole reader's analysis on every bundled and corpus workbook", async () => {
    let lists = 0;
    for (const f of files) {
      const whole = json(await (await openWorkbookFile(f)).read());
      for (const window of [1, 2000]) {
        const wb = await (await openWorkbookFile(f, { read, streamAbove: 0, window })).read();
        if (window === 1) lists += wb.sheets.filter((s) => (s as StreamedSnapshot).streamed).length;
        expect(json(wb), `${f}, windows of ${window}`).toBe(whole);
      }
    }
    expect(lists).toBeGreaterThanOrEqual(4);
  });

  it("reads a list whose projects' rows are scattered again, each project kept whole, and gives the whole reader's analysis", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "jixiao-scattered-")), "清单.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("绩效目标清单");
    ws.addRow(["项目编码", "项目名称", "主管部门", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"]);
    const row = (p: number, l2: string, l3: string) => ws.addRow([`P${p}`, `第${p}号项目`, `第${p}局`, "产出指标", l2, l3, "≥", 100, "个"]);
    for (const p of [1, 2, 3]) row(p, "数量指标", "完成数量");
    // Project 1's other indicators come after the others', as a list sorted by indicator would have them.
    for (const p of [1, 2, 3]) row(p, "质量指标", "合格率");
    await wb.xlsx.writeFile(file);
    const whole = await (await openWorkbookFile(file)).read();
    const streamed = await (await openWorkbookFile(file, { read, streamAbove: 0, window: 1 })).read();
    expect((streamed.sheets[0] as StreamedSnapshot).streamed, "read as a stream").toBeTruthy();
    expect(json(streamed)).toBe(json(whole));
    expect(analyze([streamed], DEFAULT_RULES, { today: TODAY }).projects.map((r) => r.project.indicators.length)).toEqual([2, 2, 2]);
  });

  it("finds each sheet's merged areas in its part, as the whole reader has them", async () => {
    for (const f of files) {
      const bytes = readFileSync(f);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      const parts = (zipDirectory(bytes) as ZipEntry[]).filter((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name));
      const found = (await Promise.all(parts.map((e) => partMerges(bytes, e)))).flat().length;
      const expected = wb.worksheets.reduce((n, ws) => n + Object.keys((ws as unknown as { _merges: object })._merges).length, 0);
      expect(found, f).toBe(expected);
    }
  });

  it("is how the command line reads a list past the streaming size, whole and with its findings", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-stream-"));
    const file = join(dir, "绩效目标清单.xlsx");
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
    const ws = wb.addWorksheet("绩效目标清单");
    ws.addRow(["项目编码", "项目名称", "主管部门", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"]).commit();
    const projects = 2600;
    for (let p = 1; p <= projects; p++) {
      for (const [l1, l2, l3, v] of [["产出指标", "数量指标", "完成数量", 100], ["产出指标", "质量指标", "合格率", 95], ["产出指标", "时效指标", "按期完成率", 100],
        ["产出指标", "成本指标", "单位成本", 12], ["效益指标", "社会效益指标", "受益人数", 3000], ["效益指标", "可持续影响指标", "长效机制", 1],
        ["满意度指标", "服务对象满意度指标", "满意度", 90], ["效益指标", "经济效益指标", "带动收入", 50]] as const) {
        ws.addRow([`P${p}`, `第${p}号项目`, "某局", l1, l2, l3, "≥", v, "个"]).commit();
      }
    }
    ws.commit();
    await wb.commit();
    const sheet = (zipDirectory(readFileSync(file)) as ZipEntry[]).find((e) => e.name === "xl/worksheets/sheet1.xml")!;
    expect(sheet.uncompressedSize).toBeGreaterThan(STREAM_LIMITS.streamAbove);
    const r = spawnSync(process.execPath, [join(ROOT, "bin", "jixiao.js"), "check", file, "--json", "--date", "2026-07-31"], { encoding: "utf8", maxBuffer: 1 << 28 });
    const doc = JSON.parse(r.stdout);
    expect(doc.errors).toEqual([]);
    expect(doc.counts.tables).toBe(projects);
    expect(doc.projects[projects - 1]).toMatchObject({ name: `第${projects}号项目`, code: `P${projects}`, indicators: 8, sheet: "绩效目标清单" });
    expect(doc.projects[0].findings.map((f: { code: string }) => f.code)).toContain("missing-field");
    // The built command line parses on a thread of its own; from the sources (no thread bundle) on one: the same answer.
    const here = spawnSync(process.execPath, [join(ROOT, "bin", "jixiao.js"), "check", file, "--json", "--date", "2026-07-31"],
      { encoding: "utf8", maxBuffer: 1 << 28, env: { ...process.env, JIXIAO_SOURCE: "1" } });
    expect(here.stdout).toBe(r.stdout);
    // A damaged sheet part met on the parsing thread is the same refusal, naming the file, with nothing read.
    const bytes = readFileSync(file);
    const at = bytes.length >> 1;
    for (let i = 0; i < 64; i++) bytes[at + i] ^= 0x5a;
    const damaged = join(dir, "损坏的清单.xlsx");
    writeFileSync(damaged, bytes);
    const bad = spawnSync(process.execPath, [join(ROOT, "bin", "jixiao.js"), "check", damaged], { encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/损坏的清单\.xlsx/);
    expect(bad.stdout).not.toMatch(/张绩效表/);
  }, 180_000);

  it("gives up a file whose rows take longer than the time a file may take, naming the sheet and row", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-slow-"));
    const file = join(dir, "清单.xlsx");
    const header = `<row r="1">${["项目名称", "一级指标", "二级指标", "三级指标", "指标值"].map((t, i) => `<c r="${"ABCDE"[i]}1" t="inlineStr"><is><t>${t}</t></is></c>`).join("")}</row>`;
    const rows = Array.from({ length: 2500 }, (_, i) => {
      const r = i + 2;
      return `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>项目${Math.floor(i / 5)}</t></is></c><c r="B${r}" t="inlineStr"><is><t>产出指标</t></is></c><c r="C${r}" t="inlineStr"><is><t>数量指标</t></is></c><c r="D${r}" t="inlineStr"><is><t>完成数${i}</t></is></c><c r="E${r}"><v>${i}</v></c></row>`;
    }).join("");
    writeFileSync(file, workbookZip(Buffer.from(`<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${header}${rows}</sheetData></worksheet>`)));
    // The progress line's count: rows and projects read, told as they go and once at the end.
    const told: [number, number][] = [];
    const whole = await (await openWorkbookFile(file, { read, streamAbove: 0, onRows: (rows, projects) => told.push([rows, projects]) })).read();
    expect((whole.sheets[0] as StreamedSnapshot).streamed?.reading.projects).toHaveLength(500);
    expect(told[told.length - 1]).toEqual([2501, 500]);
    await expect(openWorkbookFile(file, { read, streamAbove: 0, seconds: 0 })).rejects.toThrow(/^文件 清单\.xlsx：读到工作表“数据”的第 1,000 行时已用时超过/);
  });
});
