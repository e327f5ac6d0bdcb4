import { a1, areaAddress, columnLetters, parseArea, quoteSheetName } from "../core/address";
import type { Area, CellStyle, CellValue, SheetSnapshot, SheetSpec, WorkbookSnapshot } from "../core/sheet";
import { fitCellText, usedRangeTooLarge, type WorkbookHost, type WriteOptions } from "./host";
import { utf8Length } from "../core/text";
import { STYLES } from "./styles";
import { areasBy, isDateFormat, MAX_CELLS_PER_READ, officeCellValue, type OfficeFeatures, officeFeatures, OP_BYTES, RequestBudget, rowBlocks, serialToDate, type SetSupported } from "./office-support";

export { areasBy, isDateFormat, MAX_CELLS_PER_READ, MAX_REQUEST_BYTES, officeCellValue, officeFeatures, RequestBudget, rowBlocks, serialToDate } from "./office-support";
export type { OfficeFeatures, SetSupported } from "./office-support";

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/**
 * A host over the workbook open in Excel, through Office.js.
 *
 * The baseline is ExcelApi 1.1 (Office 2016 volume licence). Everything newer is asked for with `isSetSupported`
 * first. Reads and writes are batched: an ordinary workbook takes three `context.sync()` calls to read and two to write, however many
 * sheets, rows or projects there are.
 */
export class OfficeHost implements WorkbookHost {
  readonly kind = "office" as const;

  constructor(
    private readonly run: ExcelRun,
    private readonly isSetSupported: SetSupported,
    readonly file = "当前工作簿",
  ) {}

  async read(): Promise<WorkbookSnapshot> {
    const withMerges = this.isSetSupported("ExcelApi", "1.13");
    // Cells with values only (ExcelApi 1.2): formatting copied far below a table does not make Excel read it.
    const valuesOnly = this.isSetSupported("ExcelApi", "1.2");
    const sheets = await this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name,items/visibility");
      await context.sync();
      // First where each sheet's used range is, then its values: in row blocks, so that no response passes
      // Excel on the web's 5 MB either. An ordinary workbook is one block: three syncs in all.
      const used = worksheets.items.map((ws) => {
        const range = valuesOnly ? ws.getUsedRange(true) : ws.getUsedRange();
        range.load("address");
        const merged = withMerges ? range.getMergedAreasOrNullObject() : null;
        merged?.load("address");
        return { ws, range, merged };
      });
      await context.sync();
      const blocks: { sheet: number; range: Excel.Range }[] = [];
      let cells = 0;
      for (const [sheet, { ws, range }] of used.entries()) {
        const area = parseArea(range.address) ?? { top: 0, left: 0, bottom: 0, right: 0 };
        const width = area.right - area.left + 1;
        const tooLarge = usedRangeTooLarge(ws.name, range.address, area.bottom - area.top + 1, width);
        if (tooLarge) throw new Error(tooLarge);
        const rowsPerBlock = Math.max(1, Math.floor(MAX_CELLS_PER_READ / width));
        for (let top = area.top; top <= area.bottom; top += rowsPerBlock) {
          const bottom = Math.min(area.bottom, top + rowsPerBlock - 1);
          const n = (bottom - top + 1) * width;
          if (cells > 0 && cells + n > MAX_CELLS_PER_READ) {
            await context.sync();
            cells = 0;
          }
          const r = ws.getRange(`${a1(top, area.left)}:${a1(bottom, area.right)}`);
          r.load("values,valueTypes,numberFormat");
          blocks.push({ sheet, range: r });
          cells += n;
        }
      }
      await context.sync();
      return used.map(({ ws, range, merged }, sheet) => {
        const mine = blocks.filter((b) => b.sheet === sheet);
        return toSnapshot(ws.name, ws.visibility !== "Visible", range.address, mine.flatMap((b) => b.range.values), mine.flatMap((b) => b.range.valueTypes),
          mine.flatMap((b) => b.range.numberFormat as string[][]), merged && !merged.isNullObject ? merged.address : "");
      });
    });
    return { file: this.file, sheets };
  }

  async sheetNames(): Promise<string[]> {
    return this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      await context.sync();
      return worksheets.items.map((w) => w.name);
    });
  }

  async write(specs: SheetSpec[], opts: WriteOptions = {}): Promise<void> {
    const can = officeFeatures(this.isSetSupported);
    await this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      await context.sync();
      const existing = new Set(worksheets.items.map((ws) => ws.name));
      const names = new Set(specs.map((s) => s.name));
      for (const name of existing) if (!names.has(name) && opts.remove?.(name)) worksheets.getItem(name).delete();
      let first: Excel.Worksheet | null = null;
      const budget = new RequestBudget(() => context.sync());
      for (const spec of specs) {
        if (existing.has(spec.name)) worksheets.getItem(spec.name).delete();
        const ws = worksheets.add(spec.name);
        if (!spec.hidden) first ??= ws;
        await writeSpec(ws, spec, can, budget);
        if (spec.hidden) ws.visibility = "Hidden";
      }
      first?.activate();
      await context.sync();
    });
  }
}

function toSnapshot(
  name: string,
  hidden: boolean,
  address: string,
  values: unknown[][],
  types: Excel.RangeValueType[][] | string[][],
  formats: string[][],
  mergedAddress: string,
): SheetSnapshot {
  const area = parseArea(address) ?? { top: 0, left: 0, bottom: 0, right: 0 };
  const rows: CellValue[][] = values.map((row, r) =>
    row.map((v, c) => {
      const t = types[r]?.[c];
      if (t === "Error") return { error: String(v) };
      if (t === "Empty" || v === "" || v === null || v === undefined) return null;
      // A date is a serial number to Office.js; its number format says it is a date, as exceljs reads it.
      if (typeof v === "number" && isDateFormat(formats[r]?.[c])) return serialToDate(v);
      if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
      return String(v);
    }),
  );
  const merges: Area[] = mergedAddress
    ? mergedAddress.split(",").map((a) => parseArea(a)).filter((a): a is Area => a !== null)
    : [];
  return { name, rows, top: area.top, left: area.left, merges, hidden };
}

async function writeSpec(ws: Excel.Worksheet, spec: SheetSpec, can: OfficeFeatures, budget: RequestBudget): Promise<void> {
  const cols = Math.max(1, ...spec.rows.map((r) => r.length));
  const grid = spec.rows.map((row) => {
    const out: (string | number | boolean)[] = row.map(officeCellValue);
    while (out.length < cols) out.push("");
    return out;
  });
  if (grid.length === 0) return;
  // Text cells get the text format first, so Excel neither turns "1-7" into a date nor "=..." into a formula.
  const formats = spec.rows.map((row) => {
    const out = row.map((c) => c.numberFormat ?? (typeof c.value === "string" ? "@" : "General"));
    while (out.length < cols) out.push("General");
    return out;
  });
  for (const [from, to, bytes] of rowBlocks(grid, formats)) {
    await budget.spend(bytes);
    const range = ws.getRange(`A${from + 1}:${columnLetters(cols - 1)}${to}`);
    range.numberFormat = formats.slice(from, to);
    range.values = grid.slice(from, to);
  }
  const op = () => budget.spend(OP_BYTES);

  for (const [style, areas] of areasBy(spec, (c) => c.style ?? null)) {
    const s = STYLES[style as CellStyle];
    const props = [s.fill, s.font, s.bold, s.italic, s.size, s.wrap, s.align].filter(Boolean).length;
    for (const area of areas) {
      await budget.spend(OP_BYTES * (props + 1));
      const f = ws.getRange(areaAddress(area)).format;
      if (s.fill) f.fill.color = "#" + s.fill;
      if (s.font) f.font.color = "#" + s.font;
      if (s.bold) f.font.bold = true;
      if (s.italic) f.font.italic = true;
      if (s.size) f.font.size = s.size;
      if (s.wrap) f.wrapText = true;
      if (s.align) f.horizontalAlignment = s.align === "center" ? "Center" : s.align === "right" ? "Right" : "Left";
    }
  }
  // Borders once per block of bordered cells (a whole table is one block), not once per style.
  for (const area of areasBy(spec, (c) => (c.style && STYLES[c.style].border ? "border" : null)).get("border") ?? []) {
    const borders = ws.getRange(areaAddress(area)).format.borders;
    for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"] as const) {
      await budget.spend(OP_BYTES * 3);
      const b = borders.getItem(edge);
      b.style = "Continuous";
      b.color = "#8C8C8C";
    }
  }
  if (can.protection) {
    for (const area of areasBy(spec, (c) => (c.input ? "input" : null)).get("input") ?? []) {
      await op();
      ws.getRange(areaAddress(area)).format.protection.locked = false;
    }
  }
  if (can.links) {
    for (const [r, row] of spec.rows.entries()) {
      for (const [col, c] of row.entries()) {
        if (!c.link) continue;
        const link = { documentReference: `${quoteSheetName(c.link.sheet)}!${c.link.cell}`, textToDisplay: fitCellText(String(c.value ?? "")) };
        await budget.spend(OP_BYTES * 2 + utf8Length(JSON.stringify(link)));
        ws.getRange(a1(r, col)).hyperlink = link;
      }
    }
  }
  if (can.merges) {
    for (const m of spec.merges ?? []) {
      await op();
      ws.getRange(m).merge(false);
    }
  }
  if (can.widths) {
    // Excel measures column width in points; a character of the default font is about 7 points wide.
    for (const [i, w] of (spec.columnWidths ?? []).entries()) {
      await op();
      const letters = columnLetters(i);
      ws.getRange(`${letters}:${letters}`).format.columnWidth = w * 7;
    }
    for (const [r, h] of Object.entries(spec.rowHeights ?? {})) {
      await op();
      ws.getRange(`${Number(r) + 1}:${Number(r) + 1}`).format.rowHeight = h;
    }
  }
  if (can.validation) {
    for (const v of spec.validations ?? []) {
      await budget.spend(OP_BYTES * 3 + v.values.join(",").length * 3);
      const dv = ws.getRange(v.range).dataValidation;
      dv.rule = { list: { inCellDropDown: true, source: v.values.join(",") } };
      if (v.prompt) dv.prompt = { showPrompt: true, message: v.prompt.slice(0, 255), title: "填写提示" };
      dv.errorAlert = v.strict === false
        ? { showAlert: false, style: "Information", title: "", message: "" }
        : { showAlert: true, style: "Warning", title: "请从列表中选择", message: `可选：${v.values.join("、")}`.slice(0, 255) };
    }
  }
  await budget.spend(OP_BYTES * 12);
  if (can.dataBars) {
    for (const bar of spec.dataBars ?? []) {
      const cf = ws.getRange(bar.range).conditionalFormats.add("DataBar");
      cf.dataBar.barDirection = "LeftToRight";
      cf.dataBar.positiveFormat.fillColor = "#" + bar.color;
    }
  }
  if (can.pageLayout && spec.print) {
    const layout = ws.pageLayout;
    layout.orientation = spec.print.orientation === "landscape" ? "Landscape" : "Portrait";
    layout.paperSize = "A4";
    if (spec.print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    if (spec.print.titleRows) layout.setPrintTitleRows(`$${spec.print.titleRows[0]}:$${spec.print.titleRows[1]}`);
  }
  if (can.charts && spec.chart) {
    const chart = ws.charts.add(spec.chart.type === "pie" ? "Pie" : "ColumnClustered", ws.getRange(spec.chart.range), "Columns");
    chart.title.text = spec.chart.title;
    chart.setPosition(spec.chart.anchor);
  }
  if (can.freeze && spec.freezeRows) ws.freezePanes.freezeRows(spec.freezeRows);
  if (can.tabColor && spec.tabColor) ws.tabColor = "#" + spec.tabColor;
  if (can.protection && spec.protect) ws.protection.protect({ allowFormatColumns: true, allowFormatRows: true });
}
