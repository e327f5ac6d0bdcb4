import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runInventory } from "../../src/app/actions";
import { INVENTORY_SHEET } from "../../src/core/inventory";
import type { SheetSpec } from "../../src/core/sheet";
import { ExcelJsHost } from "../../src/hosts/exceljs-host";
import { openWorkbookFile, StreamingFileHost, WorkbookOpenError } from "../../src/hosts/node-files";

const dir = mkdtempSync(join(tmpdir(), "jixiao-host-"));

/** A real .xlsx on disk with the shapes users' tables have: merged cells, formulas, errors, rich text, a hidden sheet. */
async function userWorkbook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("绩效自评表");
  ws.addRow(["项目支出绩效自评表"]);
  ws.addRow(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]);
  ws.addRow(["产出指标", "数量指标", "培训人次", "≥3000人次", 3200, 20, 20]);
  ws.addRow([null, null, "合格率", "≥95%", "98%", 20, { formula: "F4", result: 20 }]);
  ws.addRow([null, "质量指标", "执行率", 1, { formula: "1/0", result: { error: "#DIV/0!" } }, 10, null]);
  ws.getCell("C6").value = { richText: [{ text: "满意" }, { text: "度" }] };
  ws.getCell("D6").value = { text: "见附件", hyperlink: "https://example.invalid/" };
  ws.mergeCells("A3:A5");
  ws.mergeCells("B3:B4");
  const hidden = wb.addWorksheet("参数", { state: "hidden" });
  hidden.getCell("B2").value = "central";
  await wb.xlsx.writeFile(path);
}

describe("exceljs host", () => {
  it("reads a real workbook into snapshots: values, formula results, errors, rich text, merges, hidden sheets", async () => {
    const path = join(dir, "user.xlsx");
    await userWorkbook(path);
    const snap = await (await openWorkbookFile(path)).read();
    expect(snap.file).toBe("user.xlsx");
    expect(snap.sheets.map((s) => [s.name, s.hidden])).toEqual([["绩效自评表", false], ["参数", true]]);
    const s = snap.sheets[0];
    expect(s.rows[2].slice(0, 7)).toEqual(["产出指标", "数量指标", "培训人次", "≥3000人次", 3200, 20, 20]);
    // The merged area's other cells read as empty, as in Excel; the top-left keeps the text.
    expect(s.rows[3][0]).toBeNull();
    expect(s.rows[4][0]).toBeNull();
    expect(s.rows[3][6]).toBe(20);
    expect(s.rows[4][4]).toEqual({ error: "#DIV/0!" });
    expect(s.rows[5][2]).toBe("满意度");
    expect(s.rows[5][3]).toBe("见附件");
    expect(s.merges).toContainEqual({ top: 2, left: 0, bottom: 4, right: 0 });
    expect(s.merges).toContainEqual({ top: 2, left: 1, bottom: 3, right: 1 });
    expect(snap.sheets[1].rows[1][1]).toBe("central");
  });

  it("streams the inventory into a separate result workbook and never rewrites the user's file", async () => {
    const path = join(dir, "user2.xlsx");
    await userWorkbook(path);
    const before = readFileSync(path);
    const source = await openWorkbookFile(path);
    const out = join(dir, "out", "result.xlsx");
    await runInventory([source], new StreamingFileHost(out));
    expect(readFileSync(path).equals(before)).toBe(true);

    const check = new ExcelJS.Workbook();
    await check.xlsx.readFile(out);
    const ws = check.getWorksheet(INVENTORY_SHEET)!;
    expect(ws).toBeDefined();
    const rows: string[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ""))));
    const body = rows.filter((r) => r[0] === "user2.xlsx");
    expect(body.map((r) => [r[1], r[7]])).toEqual([["绩效自评表", "绩效自评表"], ["参数", "未识别"]]);
    expect(body[0][3]).toBe("A1:G6");
  });

  it("streams a long report row by row yet keeps its merges, drop-downs, heights and values as the in-memory writer does", async () => {
    // Rows are written out as they are filled; a merge spanning rows 3 to 7 (and one at the end) must hold its rows
    // back until it closes, and a merged cell's value must stay the master's.
    const rows: SheetSpec["rows"] = [[{ value: "标题", style: "title" }, { value: null, style: "title" }]];
    for (let r = 1; r < 2_000; r++) rows.push([{ value: r === 2 ? "合并的一级" : null, style: "label" }, { value: `第${r}行`, style: r % 2 ? "input" : "error", input: r % 2 === 1 }, { value: r, numberFormat: "0.00" }]);
    const spec: SheetSpec = {
      name: "长表",
      rows,
      merges: ["A1:C1", "A3:A7", "B1999:C2000"],
      validations: [{ range: "D2:D1500", values: ["是", "否"] }],
      rowHeights: { 0: 30, 4: 40, 2_100: 18 },
    };
    const streamed = join(dir, "streamed.xlsx");
    await new StreamingFileHost(streamed).write([spec]);
    const memory = new ExcelJS.Workbook();
    await new ExcelJsHost(memory, "内存").write([spec]);
    const a = new ExcelJS.Workbook();
    await a.xlsx.readFile(streamed);
    const b = new ExcelJS.Workbook();
    await b.xlsx.load(await memory.xlsx.writeBuffer());
    const dump = (ws: ExcelJS.Worksheet) => {
      const out: string[] = [];
      ws.eachRow((row, n) => {
        if (row.height) out.push(`${n}:${row.height}`);
        row.eachCell((c) => out.push(`${c.address}=${JSON.stringify(c.value)} ${c.isMerged ? c.master.address : ""} ${c.style.numFmt ?? ""} ${c.dataValidation?.formulae ?? ""}`));
      });
      return out;
    };
    const [sa, sb] = [dump(a.getWorksheet("长表")!), dump(b.getWorksheet("长表")!)];
    expect(sa).toEqual(sb);
    expect(sa).toContain('A3="合并的一级" A3  ');
    expect(sa).toContain('A7="合并的一级" A3  ');
    for (const wb of [a, b]) {
      const ws = wb.getWorksheet("长表")!;
      expect([ws.getCell("D2").dataValidation?.formulae, ws.getCell("D1500").dataValidation?.formulae, ws.getCell("D1501").dataValidation]).toEqual([['"是,否"'], ['"是,否"'], undefined]);
    }
    expect(sa).toContain("5:40");
    expect(a.getWorksheet("长表")!.getCell("C2000").isMerged).toBe(true);
  });

  it("keeps formula-like text as text and replaces a sheet of the same name", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("用户表").getCell("A1").value = "原值";
    const host = new ExcelJsHost(wb, "x.xlsx");
    const spec = (v: string): SheetSpec => ({ name: "工作表清单", rows: [[{ value: v }, { value: "+1" }, { value: "@SUM(A1)" }]] });
    await host.write([spec("旧")]);
    await host.write([spec("=HYPERLINK(\"http://x\",\"点我\")")]);
    const path = join(dir, "inj.xlsx");
    writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(path);
    expect(back.worksheets.map((w) => w.name)).toEqual(["用户表", "工作表清单"]);
    const c = back.getWorksheet("工作表清单")!;
    expect(c.getCell("A1").value).toBe("=HYPERLINK(\"http://x\",\"点我\")");
    expect(c.getCell("A1").formula).toBeUndefined();
    expect(c.getCell("B1").value).toBe("+1");
    expect(back.getWorksheet("用户表")!.getCell("A1").value).toBe("原值");
  });

  it("writes links to cells as internal hyperlinks", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("目标 表");
    await new ExcelJsHost(wb, "x").write([{ name: "校验结果", rows: [[{ value: "目标 表", link: { sheet: "目标 表", cell: "B3" } }]] }]);
    expect(wb.getWorksheet("校验结果")!.getCell("A1").value).toEqual({ text: "目标 表", hyperlink: "#'目标 表'!B3" });
  });

  it("refuses a file that is not a workbook with a message naming it", async () => {
    const path = join(dir, "报表.xlsx");
    writeFileSync(path, "这不是工作簿");
    await expect(openWorkbookFile(path)).rejects.toThrow(WorkbookOpenError);
    await expect(openWorkbookFile(path)).rejects.toThrow(/报表\.xlsx.*不是 \.xlsx 工作簿/);
    const ole = join(dir, "加密.xlsx");
    writeFileSync(ole, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    await expect(openWorkbookFile(ole)).rejects.toThrow(/加密\.xlsx.*密码/);
  });
});
