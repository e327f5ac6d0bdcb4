import { a1, areaAddress, columnLetters, parseArea, quoteSheetName } from "../core/address";
import type { Area, CellStyle, CellValue, SheetSnapshot, SheetSpec, SpecCell, WorkbookSnapshot } from "../core/sheet";
import { fitCellText, looksLikeFormula, usedRangeTooLarge, type WorkbookHost, type WriteOptions } from "./host";
import { utf8Length } from "../core/text";
import { STYLES } from "./styles";

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
export type SetSupported = (name: string, minVersion?: string) => boolean;

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

/** A number format that shows a date: y, m with d, or 年/月/日, outside quoted text and [colour] sections. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format || format === "General" || format === "@") return false;
  const f = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  return /[yY]|[dD]|年|月|日/.test(f) && !/^[#0.,%]+$/.test(f);
}

/** Excel's 1900 date system: serial 25569 is 1970-01-01 (UTC, as exceljs reads dates). */
export function serialToDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86400000));
}

/** What goes into `range.values`: strings that Excel would parse as formulas get the apostrophe text prefix. */
export function officeCellValue(c: SpecCell): string | number | boolean {
  if (c.value === null) return "";
  if (typeof c.value === "string") return looksLikeFormula(c.value) ? "'" + fitCellText(c.value) : fitCellText(c.value);
  return c.value;
}

/**
 * Feature flags from `isSetSupported`, asked once per write. Enum values are passed as their string forms, which
 * Office.js accepts, so nothing here needs the `Excel` global outside Excel.
 */
export interface OfficeFeatures {
  widths: boolean;
  merges: boolean;
  protection: boolean;
  links: boolean;
  freeze: boolean;
  tabColor: boolean;
  validation: boolean;
  dataBars: boolean;
  pageLayout: boolean;
  charts: boolean;
}

export function officeFeatures(isSetSupported: SetSupported): OfficeFeatures {
  const v = (x: string) => isSetSupported("ExcelApi", x);
  return {
    widths: v("1.2"),
    merges: v("1.2"),
    protection: v("1.2"),
    links: v("1.7"),
    freeze: v("1.7"),
    tabColor: v("1.7"),
    validation: v("1.8"),
    dataBars: v("1.6"),
    pageLayout: v("1.9"),
    charts: v("1.1"),
  };
}

/**
 * Rectangles of cells that share a key (a style, or "input"): runs along each row, stacked down while the rows below
 * repeat the same run. A 6,000-row findings list becomes a handful of ranges, not 6,000 format calls.
 */
export function areasBy(spec: SheetSpec, keyOf: (c: SpecCell) => string | null): Map<string, Area[]> {
  const done = new Map<string, Area[]>();
  let open = new Map<string, Area>();
  // Pushed, not copied: a 10,000-project report closes tens of thousands of areas of one style.
  const close = (k: string, a: Area) => {
    const style = k.slice(0, k.indexOf("|"));
    const list = done.get(style);
    if (list) list.push(a);
    else done.set(style, [a]);
  };
  spec.rows.forEach((row, r) => {
    const next = new Map<string, Area>();
    let c = 0;
    while (c < row.length) {
      const key = row[c] ? keyOf(row[c]) : null;
      if (!key) {
        c++;
        continue;
      }
      let end = c;
      while (end + 1 < row.length && row[end + 1] && keyOf(row[end + 1]) === key) end++;
      const id = `${key}|${c}|${end}`;
      const prev = open.get(id);
      if (prev && prev.bottom === r - 1) {
        prev.bottom = r;
        next.set(id, prev);
        open.delete(id);
      } else next.set(id, { top: r, left: c, bottom: r, right: end });
      c = end + 1;
    }
    for (const [k, a] of open) close(k, a);
    open = next;
  });
  for (const [k, a] of open) close(k, a);
  return done;
}


/**
 * Keeps every request under Excel on the web's 5 MB: callers announce what an operation will add before queueing
 * it, and a sync goes out first when it would not fit.
 */
export class RequestBudget {
  private pending = 0;

  constructor(
    private readonly sync: () => Promise<void>,
    readonly limit = MAX_REQUEST_BYTES,
  ) {}

  async spend(bytes: number): Promise<void> {
    if (this.pending > 0 && this.pending + bytes > this.limit) {
      await this.sync();
      this.pending = 0;
    }
    this.pending += bytes;
  }
}

/** What one queued property assignment or call (an address, a name and a small value) costs in a request, at most. */
const OP_BYTES = 96;

/**
 * Cells read per sync: values, their types and number formats come to about 40 bytes a cell, so a response stays
 * well under the 5 MB Excel on the web allows.
 */
export const MAX_CELLS_PER_READ = 80_000;

/**
 * Excel on the web refuses a request over 5 MB. What a write queues is counted (values and formats exactly, as UTF-8
 * JSON; other calls by an estimate), and a sync goes out before the count would pass this; ordinary reports fit in
 * one request, so the number of syncs only grows for reports of several megabytes.
 */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;


/** Row blocks [from, to) whose values and formats together stay under `limit`, with their size in bytes. */
export function rowBlocks(grid: unknown[][], formats: unknown[][], limit = MAX_REQUEST_BYTES): [number, number, number][] {
  const blocks: [number, number, number][] = [];
  let start = 0;
  let size = 0;
  grid.forEach((row, r) => {
    const bytes = utf8Length(JSON.stringify(row)) + utf8Length(JSON.stringify(formats[r])) + 2;
    if (size + bytes > limit && r > start) {
      blocks.push([start, r, size]);
      start = r;
      size = 0;
    }
    size += bytes;
  });
  blocks.push([start, grid.length, size]);
  return blocks;
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
