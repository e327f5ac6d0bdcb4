import ExcelJS from "exceljs";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { insertTemplate, runCheck, runInventory } from "../../src/app/actions";
import { REGISTER_SHEET } from "../../src/core/owned";
import { CENTRAL } from "../../src/core/rules/ruleset";
import type { CellValue, SheetSnapshot } from "../../src/core/sheet";
import { ExcelJsHost, openWorkbookBytes } from "../../src/hosts/exceljs-host";
import { openWorkbookFile } from "../../src/hosts/node-files";
import { bgr, cellValue, findMerges, MAX_LINKS, WpsHost, wpsApplication, inOtherWpsApp } from "../../src/hosts/wps-host";
import type { EtApplication, EtValue } from "../../src/hosts/wps-types";
import { generateCorpus } from "../corpus/generate";
import { FakeWps, fakeWpsSheet, type FakeWpsSheet, wpsSheetOf } from "../fakes/fake-wps";

const SAMPLES = join(__dirname, "..", "..", "samples");

async function sample(file: string) {
  const host = await openWorkbookFile(join(SAMPLES, file));
  const snap = await host.read();
  return { host, snap, wps: new FakeWps(snap.sheets.map(wpsSheetOf), file) };
}

const hostOn = (wps: FakeWps) => new WpsHost(wps.app as unknown as EtApplication, "当前工作簿");

/** A target-table-like sheet with `rows` indicator rows and merged title and group cells. */
function bigSheet(name: string, rows: number): FakeWpsSheet {
  const cells: EtValue[][] = [["绩效目标申报表"], ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"]];
  for (let i = 0; i < rows; i++) cells.push([i === 0 ? "产出指标" : null, i === 0 ? "数量指标" : null, `${name}-指标${i}`, "≥", i, "个"]);
  return fakeWpsSheet(name, cells, { merges: [{ top: 0, left: 0, bottom: 0, right: 5 }, { top: 2, left: 0, bottom: 4, right: 0 }] });
}

/** Report sheets' values as exceljs wrote them into the same workbook, by sheet name. */
async function exceljsReports(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(SAMPLES, file));
  const host = new ExcelJsHost(wb, file);
  const { analysis } = await runCheck([host], host, CENTRAL, { today: new Date("2026-11-30T00:00:00Z") });
  const snap = await host.read();
  return { analysis, snap };
}

const plainRows = (rows: CellValue[][]) => rows.map((r) => r.map((v) => (v instanceof Date ? v.toISOString() : v)));

/** A sheet's values where they stand on the sheet, without trailing empty cells and rows. */
function absolute(s: SheetSnapshot): unknown[][] {
  const out: unknown[][] = [];
  // An empty string is an empty cell in WPS, as in Excel.
  plainRows(s.rows).forEach((r, i) => (out[s.top + i] = [...Array(s.left).fill(null), ...r.map((v) => (v === "" ? null : v))]));
  for (let i = 0; i < out.length; i++) {
    const row = out[i] ?? [];
    while (row.length && (row[row.length - 1] === null || row[row.length - 1] === "")) row.pop();
    out[i] = row;
  }
  while (out.length && out[out.length - 1].length === 0) out.pop();
  return out;
}

describe("WPS host against the recording fake of the ET object model", () => {
  it("reads every sheet of every sample as the exceljs host reads the file: values, dates, merges, hidden sheets", async () => {
    for (const file of readdirSync(SAMPLES).filter((f) => f.endsWith(".xlsx"))) {
      const { snap, wps } = await sample(file);
      const read = await hostOn(wps).read();
      expect(read.sheets.map((s) => s.name), file).toEqual(snap.sheets.map((s) => s.name));
      for (const [i, s] of read.sheets.entries()) {
        const want = snap.sheets[i];
        expect(absolute(s), `${file} ${s.name}`).toEqual(absolute(want));
        expect(s.merges, `${file} ${s.name} merges`).toEqual([...want.merges].sort((x, y) => x.top - y.top || x.left - y.left));
        expect(s.hidden).toBe(want.hidden);
      }
    }
  });

  it("runs 全部检查 on the samples with the same findings, decisions and report cells as the exceljs host", async () => {
    for (const file of ["政务服务中心-网民留言平台.xlsx", "消防救援支队-城乡公共消防设施建设.xlsx", "文化广电和旅游局等-绩效目标清单.xlsx"]) {
      const { snap, wps } = await sample(file);
      const host = hostOn(wps);
      const { analysis } = await runCheck([host], host, CENTRAL, { today: new Date("2026-11-30T00:00:00Z") });
      const want = await exceljsReports(file);
      const brief = (a: typeof analysis) => JSON.stringify(a.projects.map((p) => [p.project.sheet, p.project.fields.name?.value, p.decision, p.targetVerdict, p.findings.map((f) => `${f.code}@${f.sheet}!${f.cell}`)]));
      expect(brief(analysis), file).toBe(brief(want.analysis));
      const reports = want.snap.sheets.filter((s) => !snap.sheets.some((u) => u.name === s.name));
      expect(reports.length).toBeGreaterThan(3);
      const written = await hostOn(wps).read();
      for (const r of reports) {
        const got = written.sheets.find((x) => x.name === r.name);
        expect(got, `${file} ${r.name}`).toBeDefined();
        expect(absolute(got!), `${file} ${r.name}`).toEqual(absolute(r));
      }
    }
  });

  it("runs the hostile corpus in WPS as the exceljs host runs it in the file: same findings and report cells, user sheets untouched", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-wps-corpus-"));
    const entries = (await generateCorpus(dir)).filter((e) => e.expect !== "error");
    expect(entries.length).toBeGreaterThanOrEqual(12);
    for (const e of entries) {
      const file = join(dir, e.file);
      const snap = await (await openWorkbookFile(file)).read();
      const wps = new FakeWps(snap.sheets.map(wpsSheetOf), e.file);
      const before = snap.sheets.map((s) => wps.dump(s.name));
      const host = hostOn(wps);
      const today = new Date("2026-11-30T00:00:00Z");
      const { analysis } = await runCheck([host], host, CENTRAL, { today });
      // Opened as the tool opens a user's file: merges kept as ranges (plain exceljs expands J1:XFD1048576 into cells).
      const same = await openWorkbookBytes(ExcelJS, e.file, readFileSync(file));
      const want = await runCheck([same], same, CENTRAL, { today });
      const codes = (a: typeof analysis) => JSON.stringify(a.projects.map((p) => [p.project.sheet, p.decision, p.findings.map((f) => `${f.code}@${f.cell}`)]));
      expect(codes(analysis), e.file).toBe(codes(want.analysis));
      expect(snap.sheets.map((s) => wps.dump(s.name)), e.file).toEqual(before);
      const written = await hostOn(wps).read();
      const reference = await same.read();
      for (const r of reference.sheets.filter((x) => !snap.sheets.some((u) => u.name === x.name))) {
        expect(absolute(written.sheets.find((x) => x.name === r.name)!), `${e.file} ${r.name}`).toEqual(absolute(r));
      }
    }
  }, 120_000);

  it("leaves the user's sheets exactly as they were, hides its register, and replaces its own sheets on a second run without asking", async () => {
    const { snap, wps } = await sample("消防救援支队-城乡公共消防设施建设.xlsx");
    const before = snap.sheets.map((s) => wps.dump(s.name));
    const host = hostOn(wps);
    await runCheck([host], host, CENTRAL);
    const names = wps.sheets.map((s) => s.name);
    await runCheck([host], host, CENTRAL);
    expect(wps.sheets.map((s) => s.name)).toEqual(names);
    expect(snap.sheets.map((s) => wps.dump(s.name))).toEqual(before);
    expect(wps.sheet(REGISTER_SHEET)!.visible).toBe(0);
    expect(names.filter((n) => n === "汇总")).toHaveLength(1);
    expect(wps.log.prompts).toBe(0);
    expect(wps.alerts).toBe(true);
    expect(wps.screenUpdating).toBe(true);
    // The first report is what the user sees afterwards.
    expect(wps.active!.name).toBe("汇总");
  });

  it("writes text that looks like a formula as text, with the apostrophe prefix, and text that looks like a number as text", async () => {
    const { wps } = await sample("政务服务中心-网民留言平台.xlsx");
    const target = wps.sheets[0];
    const at = target.cells.findIndex((r) => r.some((v) => v === "项目名称"));
    const col = target.cells[at].indexOf("项目名称");
    target.cells[at][col + 1] = "=HYPERLINK(\"http://example.invalid\",\"点我\")";
    const host = hostOn(wps);
    await runCheck([host], host, CENTRAL);
    const reports = wps.sheets.filter((s) => !["绩效目标申报表", "绩效自评表"].includes(s.name));
    for (const s of reports) expect([...s.formulas.keys()], s.name).toEqual([]);
    const summary = wps.sheet("汇总")!;
    const cell = [...summary.prefixed].find((k) => String(summary.cells[Number(k.split(",")[0])][Number(k.split(",")[1])]).startsWith("=HYPERLINK("));
    expect(cell).toBeDefined();
    // 项目编码-like text stays text: a text cell is formatted as text before its value is written.
    const inventory = await runInventory([host], host);
    expect(inventory.sheetsWritten).toContain("工作表清单");
    expect([...wps.sheet("工作表清单")!.numberFormats.values()]).toContain("@");
  });

  it("makes a number of object-model calls that does not grow with the rows", async () => {
    const counts: number[] = [];
    for (const rows of [10, 1_000, 5_000]) {
      // Without merged cells, as budget systems export lists (merged areas: the next test).
      const plain = (name: string) => ({ ...bigSheet(name, rows), merges: [] });
      const wps = new FakeWps([plain("表1"), plain("表2")]);
      const host = hostOn(wps);
      await runInventory([host], host);
      counts.push(wps.log.calls);
    }
    expect(counts[0]).toBeGreaterThan(20);
    expect(new Set(counts).size).toBe(1);

    const listSheet = (projects: number): FakeWpsSheet => {
      const cells: EtValue[][] = [
        ["项目绩效运行监控汇总表（截至7月）"],
        ["项目名称", "三级指标", "年度指标值", "1-7月完成值", "完成目标可能性", "偏差原因分析", "年初预算数", "1-7月执行数"],
      ];
      for (let i = 0; i < projects; i++) cells.push([`项目${i}`, "完成数量", "≥100个", 10 + (i % 90), "确定能", null, 100, i % 100]);
      return fakeWpsSheet("运行监控清单", cells);
    };
    const check: number[] = [];
    for (const n of [1_000, 3_000]) {
      const wps = new FakeWps([listSheet(n)]);
      const host = hostOn(wps);
      await runCheck([host], host, CENTRAL, { month: 7 });
      check.push(wps.log.calls);
      // Each sheet's values are read with two calls (Value2, Value), however many rows it has.
      expect([wps.log.members.get("Range.Value2"), wps.log.members.get("Range.Value")]).toEqual([1, 1]);
      // Every link to a user's cell is a call: there are at most MAX_LINKS.
      expect(wps.log.members.get("Hyperlinks.Add") ?? 0).toBeLessThanOrEqual(MAX_LINKS);
      expect(wps.log.members.get("Range.Value2=")).toBe(wps.sheets.length - 1);
    }
    // Rows whose traffic-light colour differs from the row above are rectangles of their own; they go about two
    // dozen to a call (multi-area addresses), so three times the projects cost under a tenth more calls.
    expect(check[1] / check[0]).toBeLessThan(1.1);
  });

  it("reads a date cell as a date, an error cell as an error, and a used range that does not start at A1", async () => {
    const sheet = fakeWpsSheet("表", []);
    sheet.cells[3] = [null, null, "填报日期", 46023, -2146826281, 46023];
    sheet.numberFormats.set("3,3", 'yyyy"年"m"月"d"日"');
    const wps = new FakeWps([sheet, fakeWpsSheet("空表", [])]);
    const snap = await hostOn(wps).read();
    expect(snap.sheets[0]).toMatchObject({ top: 3, left: 2, rows: [["填报日期", new Date("2026-01-01T00:00:00Z"), { error: "#DIV/0!" }, 46023]] });
    expect(snap.sheets[1]).toMatchObject({ name: "空表", rows: [], merges: [] });
    expect(cellValue(46023, "2026/1/1")).toEqual(new Date("2026-01-01T00:00:00Z"));
    expect(cellValue(12.5, 12.5)).toBe(12.5);
    expect(cellValue(46023, "2026年1月1日")).toEqual(new Date("2026-01-01T00:00:00Z"));
    // A currency cell, should WPS give its Value as text, is still an amount.
    expect(cellValue(1200, "¥1,200.00")).toBe(1200);
  });

  it("reads only the cells holding something where formatting runs to the bottom of the sheet, and names a sheet too large to read", async () => {
    const ghost = { ...bigSheet("目标表", 10), formattedTo: { bottom: 1_048_575, right: 40 } };
    const wps = new FakeWps([ghost]);
    const snap = await hostOn(wps).read();
    expect(snap.sheets[0].rows).toHaveLength(12);
    expect(snap.sheets[0].rows[11]).toEqual([null, null, "目标表-指标9", "≥", 9, "个"]);
    expect(wps.log.members.get("Range.Find")).toBe(2);

    // Values really spread over three million cells: refused, naming the sheet, before a value is asked for.
    const huge = fakeWpsSheet("大表", [["项目名称", "金额", "备注"]]);
    huge.cells[999_999] = ["最后一行", 1, "尾"];
    const big = new FakeWps([huge]);
    await expect(hostOn(big).read()).rejects.toThrow(/工作表“大表”的已用区域 A1:C1000000（1,000,000 行 × 3 列）超过 2,000,000 个单元格的上限/);
    expect(big.log.members.get("Range.Value2")).toBeUndefined();
  });

  it("says so, naming the sheet, when WPS gives a range's values as something other than rows", async () => {
    const used = { Address: () => "$A$1:$B$2", Value2: "（不是数组）", Value: "（不是数组）" };
    const app = { ActiveWorkbook: { Name: "工作簿1", Worksheets: { Count: 1, Item: () => ({ Name: "表1", Visible: -1, UsedRange: used }) } } };
    await expect(new WpsHost(app as unknown as EtApplication).read()).rejects.toThrow("无法读取工作表“表1”：WPS 返回的区域值不是二维数组");
  });

  it("finds merged areas with calls in proportion to the merges, not to the cells", async () => {
    const small = bigSheet("表", 10);
    const large = bigSheet("表", 20_000);
    const calls: number[] = [];
    for (const s of [small, large]) {
      const wps = new FakeWps([s]);
      const ws = (wps.app as unknown as EtApplication).ActiveWorkbook!.Worksheets.Item(1);
      const before = wps.log.calls;
      const merges = findMerges(ws, { top: 0, left: 0, bottom: s.cells.length - 1, right: 5 });
      calls.push(wps.log.calls - before);
      expect(merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 5 }, { top: 2, left: 0, bottom: 4, right: 0 }]);
    }
    // Halving 20,000 rows takes a dozen more steps than halving 10 rows: the cost grows with log2 of the rows.
    expect(calls[1] - calls[0]).toBeLessThanOrEqual(4 * Math.ceil(Math.log2(20_000 / 10)));
  });

  it("inserts a template with its drop-downs, unlocked input cells and protection, and selects a finding's cell", async () => {
    const wps = new FakeWps([fakeWpsSheet("我的表", [["自己的数据"]])]);
    const host = hostOn(wps);
    const names = await insertTemplate(host, "target");
    expect(names.length).toBeGreaterThan(0);
    const t = wps.sheet(names[0])!;
    expect(t.formatOps.some((o) => o.includes("Validation.Add(3;"))).toBe(true);
    expect(t.formatOps.some((o) => o.endsWith("Locked=false"))).toBe(true);
    expect(t.protected).toBe(true);
    expect(t.merges.length).toBeGreaterThan(0);
    expect(t.formatOps.some((o) => o.endsWith(`Interior.Color=${bgr("F2F2F2")}`))).toBe(true);
    expect(wps.dump("我的表")).toContain("自己的数据");
    host.select("我的表", "A1");
    expect(wps.selection).toEqual({ sheet: "我的表", address: "A1" });
  });

  it("tells WPS 表格 from WPS 文字 and from a plain browser", () => {
    const wps = new FakeWps([]);
    expect(wpsApplication({ Application: wps.app })).toBe(wps.app);
    expect(wpsApplication({ wps: { Application: wps.app } })).toBe(wps.app);
    expect(wpsApplication({ Application: { ActiveDocument: {} } })).toBeNull();
    expect(inOtherWpsApp({ Application: { ActiveDocument: {} } })).toBe(true);
    expect(wpsApplication({})).toBeNull();
    expect(bgr("FF0000")).toBe(255);
    expect(bgr("0000FF")).toBe(255 * 65536);
  });
});
