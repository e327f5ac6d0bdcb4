import ExcelJS from "exceljs";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCheck } from "../src/app/actions";
import { parseA1 } from "../src/core/address";
import { analyze } from "../src/core/analyze";
import { CENTRAL } from "../src/core/rules/ruleset";
import type { WorkbookSnapshot } from "../src/core/sheet";
import { ExcelJsHost } from "../src/hosts/exceljs-host";
import { openWorkbookFile } from "../src/hosts/node-files";
import { OfficeHost } from "../src/hosts/office-host";
import { FakeExcel, fakeSheet, type FakeValue } from "./fakes/fake-excel";

const SAMPLES = join(__dirname, "..", "samples");
const PAYLOADS = ["=HYPERLINK(\"http://example.invalid\",\"点我\")", "+cmd|' /C calc'!A0", "-2+3+cmd|'/C calc'!A0", "@SUM(1+1)*cmd|'/C calc'!A0", "\t=1+1", "\r=1+1"];

/** Every free-text field the reports repeat (names, units, goals, reasons, deductions, clues, contacts), set to a formula-like payload. */
function poison(wb: WorkbookSnapshot): { wb: WorkbookSnapshot; count: number } {
  const copy = structuredClone(wb);
  let count = 0;
  const done = new Set<string>();
  const set = (sheet: string, cell: string | undefined, original: unknown) => {
    if (!cell || typeof original !== "string" || original.trim() === "" || done.has(`${sheet}!${cell}`)) return;
    // A department's form names it once for name, department and unit: poisoned once.
    done.add(`${sheet}!${cell}`);
    const s = copy.sheets.find((x) => x.name === sheet)!;
    const at = parseA1(cell)!;
    s.rows[at.row - s.top][at.col - s.left] = `${PAYLOADS[count % PAYLOADS.length]}${original}`;
    count++;
  };
  const analysis = analyze([wb], CENTRAL);
  // The budget list's project names are repeated in 覆盖情况 and in the findings.
  for (const c of analysis.coverage) set(c.item.sheet, c.item.cell, c.item.name);
  // A 整改情况表's problems are listed again on 整改台账.
  for (const r of analysis.rectification) set(r.sheet, r.cell, r.problem);
  // An assessment's conclusion is quoted back in its findings.
  for (const e of analysis.exAnte) set(e.form.sheet, e.form.conclusion?.cell, e.form.conclusion?.value);
  for (const r of analysis.projects) {
    const p = r.project;
    for (const k of ["name", "department", "unit", "goal", "responsible", "contact"] as const) set(p.sheet, p.fields[k]?.cell, p.fields[k]?.value);
    for (const i of p.indicators) for (const k of ["level3", "reason", "deduction", "clue"] as const) set(p.sheet, i.cells[k]?.cell, i.cells[k]?.value);
  }
  return { wb: copy, count };
}

describe("formula injection: workbook text written back into reports stays text", async () => {
  const books: WorkbookSnapshot[] = [];
  /** Workbooks with no free text that reaches a report (last year's results list only grades and amounts). */
  const plain = new Set<WorkbookSnapshot>();
  for (const f of readdirSync(SAMPLES).sort()) {
    const { wb, count } = poison(await (await openWorkbookFile(join(SAMPLES, f))).read());
    books.push(wb);
    if (count === 0) plain.add(wb);
  }

  it("poisons every free-text field of the samples", () => {
    const text = JSON.stringify(books);
    for (const p of PAYLOADS) expect(text).toContain(JSON.stringify(p).slice(1, -1));
  });

  it("in the exceljs host (CLI and standalone page): no report cell is a formula after a save and reload", async () => {
    const target = new ExcelJsHost(new ExcelJS.Workbook(), "结果");
    await runCheck(books, target, CENTRAL);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await target.workbook.xlsx.writeBuffer()) as ArrayBuffer);
    let seen = 0;
    back.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((c) => {
          expect(c.type, `${ws.name}!${c.address}`).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof c.value === "string" && PAYLOADS.some((p) => c.value === p || String(c.value).startsWith(p))) seen++;
        }),
      ),
    );
    expect(seen).toBeGreaterThan(20);
  });

  it("in the Office host: every report cell holds the text, none a formula", async () => {
    for (const wb of books) {
      const excel = new FakeExcel(wb.sheets.map((s) => fakeSheet(s.name, s.rows.map((r) => r.map((v) => (v instanceof Date ? v.toISOString() : v) as FakeValue)))), "1.9");
      const host = new OfficeHost(excel.run, excel.isSetSupported);
      const userNames = excel.sheets.map((s) => s.name);
      const before = structuredClone(excel.sheets.map((s) => s.cells));
      await runCheck([host], host, CENTRAL);
      expect(excel.sheets.slice(0, userNames.length).map((s) => s.cells)).toEqual(before);
      const reports = excel.sheets.filter((s) => !userNames.includes(s.name));
      for (const s of reports) for (const row of s.cells) for (const v of row) expect(typeof v === "object" && v !== null && "formula" in v, `${s.name}: ${JSON.stringify(v)}`).toBe(false);
      if (!plain.has(wb)) expect(JSON.stringify(reports.map((s) => s.cells))).toContain(JSON.stringify(PAYLOADS[0]).slice(1, -1));
    }
  });
});
