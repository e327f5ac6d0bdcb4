import { describe, expect, it } from "vitest";
import { CancelledError, insertTemplate, runCheck, runInventory } from "../../src/app/actions";
import { CENTRAL } from "../../src/core/rules/ruleset";
import { INVENTORY_SHEET } from "../../src/core/inventory";
import { REGISTER_SHEET } from "../../src/core/owned";
import { OfficeHost } from "../../src/hosts/office-host";
import { FakeExcel, fakeSheet, type FakeValue } from "../fakes/fake-excel";

/** A target-table-like sheet with `rows` indicator rows. */
function bigSheet(name: string, rows: number): FakeValue[][] {
  const out: FakeValue[][] = [["绩效目标申报表"], ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"]];
  for (let i = 0; i < rows; i++) out.push(["产出指标", "数量指标", `${name}-指标${i}`, "≥", i, "个"]);
  return out;
}

function hostOn(excel: FakeExcel): OfficeHost {
  return new OfficeHost(excel.run, excel.isSetSupported);
}

describe("Office host against the recording fake", () => {
  it("reads and writes in a number of syncs that does not grow with the rows or sheets", async () => {
    const counts: number[] = [];
    for (const [sheets, rows] of [[1, 10], [3, 1_000], [5, 2_500]]) {
      const excel = new FakeExcel(Array.from({ length: sheets }, (_, i) => fakeSheet(`表${i}`, bigSheet(`表${i}`, rows))));
      const host = hostOn(excel);
      await runInventory([host], host);
      counts.push(excel.log.syncs);
    }
    expect(counts[0]).toBeGreaterThan(0);
    expect(new Set(counts).size).toBe(1);
    expect(counts[0]).toBe(5);
  });

  it("reads a sheet of more cells than one response may carry in row blocks, and gets every value", async () => {
    const rows = bigSheet("大表", 30_000);
    const excel = new FakeExcel([fakeSheet("大表", structuredClone(rows))]);
    const snap = await hostOn(excel).read();
    expect(snap.sheets[0].rows).toEqual(rows.map((r) => [...r, ...Array(6 - r.length).fill(null)]));
    // 30,002 rows × 6 columns = 180,012 cells: three blocks of at most 80,000 cells, each its own response.
    expect(excel.log.loads.filter((l) => l === "range:values,valueTypes,numberFormat")).toHaveLength(3);
    expect(excel.log.syncs).toBe(5);
  });

  it("reads only the cells holding values where formatting runs to the bottom of the sheet, and names the sheet where it cannot", async () => {
    const sheet = () => fakeSheet("目标表", bigSheet("目标表", 10), { formattedTo: { bottom: 1_048_575, right: 40 } });
    // ExcelApi 1.2 and later: the used range of values only.
    const snap = await hostOn(new FakeExcel([sheet()], "1.9")).read();
    expect(snap.sheets[0].rows).toHaveLength(12);
    // Office 2016 without updates (1.1) has no values-only used range: a sheet of 43 million cells is refused by name.
    await expect(hostOn(new FakeExcel([sheet()], "1.1")).read()).rejects.toThrow(/工作表“目标表”的已用区域 A1:AO1048576（1,048,576 行 × 41 列）超过 2,000,000 个单元格的上限，未读取。.*删除后保存/);
  });

  it("reads a date-formatted number as a date, as the exceljs host does", async () => {
    const excel = new FakeExcel([fakeSheet("表", [["填报日期", 46023, 46023]])]);
    excel.sheet("表")!.numberFormats.set("B1", "yyyy\"年\"m\"月\"d\"日\"");
    const snap = await hostOn(excel).read();
    expect(snap.sheets[0].rows[0][1]).toEqual(new Date("2026-01-01T00:00:00Z"));
    expect(snap.sheets[0].rows[0][2]).toBe(46023);
  });

  it("runs the whole check with the same number of syncs for 10 and 1,000 projects", async () => {
    const listSheet = (projects: number): FakeValue[][] => {
      const rows: FakeValue[][] = [
        ["项目绩效运行监控汇总表（截至7月）"],
        ["项目名称", "三级指标", "年度指标值", "1-7月完成值", "完成目标可能性", "偏差原因分析", "年初预算数", "1-7月执行数"],
      ];
      for (let i = 0; i < projects; i++) rows.push([`项目${i}`, "完成数量", "≥100个", 10 + (i % 90), "确定能", null, 100, i % 100]);
      return rows;
    };
    const syncs: number[] = [];
    for (const n of [10, 1_000]) {
      const user = listSheet(n);
      const excel = new FakeExcel([fakeSheet("监控", structuredClone(user))]);
      const host = hostOn(excel);
      const { analysis: a } = await runCheck([host], host, CENTRAL);
      expect(a.projects).toHaveLength(n);
      expect(excel.sheet("监控")!.cells).toEqual(user);
      expect(excel.sheets.map((s) => s.name)).toEqual(["监控", "汇总", "校验结果", "监控预警", "自评复核对比", "线索移交", "公开版", INVENTORY_SHEET, REGISTER_SHEET]);
      expect(excel.sheet(REGISTER_SHEET)!.visibility).toBe("Hidden");
      syncs.push(excel.log.syncs);
    }
    expect(syncs[0]).toBe(syncs[1]);
  });

  it("reads used ranges that do not start at A1, error values and empty cells", async () => {
    const cells: FakeValue[][] = [[], [], [null, null, "绩效自评表"], [null, null, "实际完成值", { error: "#DIV/0!" }, "", 3]];
    const excel = new FakeExcel([fakeSheet("自评", cells), fakeSheet("隐藏", [["x"]], { visibility: "Hidden" })]);
    const snap = await hostOn(excel).read();
    const s = snap.sheets[0];
    expect({ top: s.top, left: s.left }).toEqual({ top: 2, left: 2 });
    expect(s.rows).toEqual([["绩效自评表", null, null, null], ["实际完成值", { error: "#DIV/0!" }, null, 3]]);
    expect(snap.sheets[1].hidden).toBe(true);
  });

  it("reads merged areas only where ExcelApi 1.13 is supported", async () => {
    const make = (v: string) =>
      new FakeExcel([fakeSheet("目标 表", [["一级指标"], ["产出指标"], [null]], { merges: ["A2:A3"] })], v);
    const old = await hostOn(make("1.1")).read();
    expect(old.sheets[0].merges).toEqual([]);
    const modern = make("1.13");
    const snap = await hostOn(modern).read();
    expect(snap.sheets[0].merges).toEqual([{ top: 1, left: 0, bottom: 2, right: 0 }]);
    expect(modern.log.loads).toContain("mergedAreas:address");
  });

  it("writes the result sheet with one 2-D assignment and leaves the user's sheets untouched", async () => {
    const user = bigSheet("用户", 50);
    const excel = new FakeExcel([fakeSheet("用户表", structuredClone(user))]);
    const host = hostOn(excel);
    await runInventory([host], host);
    expect(excel.sheet("用户表")!.cells).toEqual(user);
    const valueWrites = excel.log.writes.filter((w) => w.startsWith("values:'工作表清单'"));
    expect(valueWrites).toHaveLength(1);
    expect(valueWrites[0]).toMatch(/^values:'工作表清单'!A1:J\d+$/);
    const out = excel.sheet(INVENTORY_SHEET)!;
    const row = out.cells.find((r) => r[1] === "用户表")!;
    expect(row[7]).toBe("绩效目标申报表");
    expect(excel.log.writes).toContain(`activate:${INVENTORY_SHEET}`);
  });

  it("replaces its own sheet on a second run instead of adding another", async () => {
    const excel = new FakeExcel([fakeSheet("用户表", [["绩效自评表"]])]);
    const host = hostOn(excel);
    await runInventory([host], host);
    await runInventory([host], host);
    expect(excel.sheets.map((s) => s.name)).toEqual(["用户表", INVENTORY_SHEET, REGISTER_SHEET]);
    expect(excel.log.writes.filter((w) => w === `delete:${INVENTORY_SHEET}`)).toHaveLength(1);
  });

  it("never replaces a user's own sheet that has a report's name, and drops the last run's stale documents", async () => {
    const mine = [["本单位汇总"], ["自己的数据", 42]];
    const excel = new FakeExcel([fakeSheet("汇总", structuredClone(mine)), fakeSheet("再评价报告-旧项目", [["x"]])]);
    const host = hostOn(excel);
    await runCheck([host], host, CENTRAL);
    expect(excel.sheet("汇总")!.cells).toEqual(mine);
    expect(excel.sheet("汇总（绩效）")!.cells[0][0]).toBe("预算绩效管理结果汇总");
    // Not written by the add-in (no register entry): left alone.
    expect(excel.sheet("再评价报告-旧项目")).toBeDefined();
    // The add-in's own sheets of a run are replaced by the next run, the user's 汇总 still untouched.
    await runCheck([host], host, CENTRAL);
    expect(excel.sheets.filter((s) => s.name.startsWith("汇总")).map((s) => s.name)).toEqual(["汇总", "汇总（绩效）"]);
    expect(excel.sheet("汇总")!.cells).toEqual(mine);
  });

  it("never lets a sheet name or text from the workbook become a formula", async () => {
    const names = ["=HYPERLINK(\"http://x\",\"a\")", "+1+2", "-A1", "@SUM(A1)"];
    const excel = new FakeExcel(names.map((n, i) => fakeSheet(`s${i}`, [[n]])));
    const host = hostOn(excel);
    await host.write([{ name: "校验结果", rows: names.map((n) => [{ value: n }, { value: -5 }]) }]);
    const out = excel.sheet("校验结果")!;
    expect(out.cells.map((r) => r[0])).toEqual(names);
    expect(out.cells.map((r) => r[1])).toEqual([-5, -5, -5, -5]);
    expect(out.numberFormats.get("A1")).toBe("@");
  });

  it("uses only ExcelApi 1.1 calls on Office 2016 and adds widths, links, freeze panes and tab colour when supported", async () => {
    const spec = {
      name: "工作表清单",
      rows: [[{ value: "表", link: { sheet: "用户表", cell: "A1" } }]],
      columnWidths: [20],
      freezeRows: 1,
      tabColor: "1F6F43",
    };
    const old = new FakeExcel([fakeSheet("用户表", [["x"]])], "1.1");
    await hostOn(old).write([spec]);
    expect(old.log.writes.some((w) => /hyperlink|freezeRows|tabColor|columnWidth/.test(w))).toBe(false);
    const modern = new FakeExcel([fakeSheet("用户表", [["x"]])], "1.7");
    await hostOn(modern).write([spec]);
    const out = modern.sheet("工作表清单")!;
    expect(out.hyperlinks.get("A1")).toEqual({ documentReference: "'用户表'!A1", textToDisplay: "表" });
    expect(out.frozenRows).toBe(1);
    expect(out.tabColor).toBe("#1F6F43");
    expect(modern.log.writes.some((w) => w.startsWith("format.columnWidth"))).toBe(true);
  });

  it("inserts a template beside the user's sheets, renaming rather than replacing, with drop-downs and protection where supported", async () => {
    const mine = [["我自己的目标表"]];
    const excel = new FakeExcel([fakeSheet("绩效目标申报表", structuredClone(mine))], "1.9");
    const names = await insertTemplate(hostOn(excel), "target");
    expect(names).toEqual(["绩效目标申报表 (2)", "填表说明"]);
    expect(excel.sheet("绩效目标申报表")!.cells).toEqual(mine);
    const t = excel.sheet("绩效目标申报表 (2)")!;
    expect(t.cells[2][0]).toBe("项目名称");
    expect(t.merges).toContain("B3:D3");
    expect(t.calls.some((c) => c.startsWith("dataValidation@'绩效目标申报表 (2)'!D12:D31.rule="))).toBe(true);
    expect(t.calls.some((c) => /^format@'绩效目标申报表 \(2\)'!B3(:[A-Z]+\d+)?\.protection\.locked=false/.test(c))).toBe(true);
    expect(t.calls).toContain("protection.protect({\"allowFormatColumns\":true,\"allowFormatRows\":true})");
    expect(t.calls.some((c) => c.startsWith("pageLayout.setPrintTitleRows"))).toBe(true);
    // Office 2016 (ExcelApi 1.1): the same template, values and styles only.
    const old = new FakeExcel([], "1.1");
    await insertTemplate(hostOn(old), "target");
    const o = old.sheet("绩效目标申报表")!;
    expect(o.cells[2][0]).toBe("项目名称");
    expect(o.calls.filter((c) => /dataValidation|protection\.protect|pageLayout|merge/.test(c))).toEqual([]);
  });

  it("splits a sheet of several megabytes into requests under Excel on the web's 5 MB limit", async () => {
    const text = "预算绩效管理".repeat(20);
    const big = { name: "校验结果", rows: Array.from({ length: 20_000 }, (_, i) => [{ value: `${i}` }, { value: text }, { value: text }]) };
    const excel = new FakeExcel([fakeSheet("用户表", [["x"]])]);
    await hostOn(excel).write([big]);
    const out = excel.sheet("校验结果")!;
    expect(out.cells).toHaveLength(20_000);
    expect(out.cells[19_999][0]).toBe("19999");
    expect(excel.log.syncs).toBeGreaterThan(2);
    expect(Math.max(...excel.log.bytesPerSync)).toBeLessThan(5 * 1024 * 1024);
    expect(excel.log.writes.filter((w) => w.startsWith("values:")).length).toBeGreaterThan(1);
    // A normal report stays one request.
    const small = new FakeExcel([fakeSheet("用户表", [["x"]])]);
    await hostOn(small).write([{ name: "校验结果", rows: [[{ value: "a" }]] }]);
    expect(small.log.syncs).toBe(2);
  });

  it("stops on cancel before anything is written, and reports progress while it works", async () => {
    const excel = new FakeExcel([fakeSheet("表", bigSheet("表", 200))]);
    const host = hostOn(excel);
    const cancel = new AbortController();
    const stages: number[] = [];
    await expect(
      runCheck([host], host, CENTRAL, {
        signal: cancel.signal,
        onProgress: (p) => {
          stages.push(p.done);
          if (p.done >= 0.3) cancel.abort();
        },
      }),
    ).rejects.toThrow(CancelledError);
    expect(stages.length).toBeGreaterThan(1);
    expect(excel.sheets.map((s) => s.name)).toEqual(["表"]);
    expect(excel.log.writes).toEqual([]);
  });
});
