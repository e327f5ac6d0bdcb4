import { a1, areaAddress, columnLetters, parseArea, quoteSheetName } from "../core/address";
import type { Area, CellStyle, CellValue, SheetSnapshot, SheetSpec, WorkbookSnapshot } from "../core/sheet";
import { breathe, dropDownError, fitCellText, usedRangeTooLarge, type WorkbookHost, type WriteOptions } from "./host";
import { areasBy, officeCellValue, serialToDate } from "./office-host";
import { STYLES } from "./styles";
import { ERROR_CODES, type EtApplication, type EtValue, type EtWorkbook, type EtWorksheet } from "./wps-types";

/**
 * Merged-area probes a sheet may cost (each is two or four object-model calls). Finding merges costs calls in
 * proportion to the merged areas, not to the rows: a form's few dozen take a few hundred probes; past this budget
 * the rest of a sheet's merges are not looked for (the core still fills a list's blank cells down).
 */
export const MAX_MERGE_PROBES = 10_000;

/** Links to the user's cells written per run: each is one call in WPS, so past this the cells keep their address text only. */
export const MAX_LINKS = 300;

/** Used ranges of more cells than this are narrowed to the cells holding something before they are read. */
const NARROW_FROM = 200_000;

const XL_FORMULAS = -4123;
const XL_PART = 2;
const XL_BY_ROWS = 1;
const XL_BY_COLUMNS = 2;
const XL_PREVIOUS = 2;
const XL_VISIBLE = -1;
const XL_HIDDEN = 0;
const XL_CENTER = -4108;
const XL_LEFT = -4131;
const XL_RIGHT = -4152;
const XL_CONTINUOUS = 1;
const XL_VALIDATE_LIST = 3;
const XL_ALERT_WARNING = 2;
const XL_ALERT_INFORMATION = 3;
const XL_BETWEEN = 1;

/** A colour as hex RGB ("D9E1F2") in the object model's BGR number. */
export function bgr(hex: string): number {
  const n = parseInt(hex, 16);
  return ((n >> 16) & 0xff) + (((n >> 8) & 0xff) << 8) + ((n & 0xff) << 16);
}

/** What WPS puts in a WPS 加载项's pages: `window.Application` (or `window.wps.Application`), if anything. */
function wpsGlobal(w: unknown): Record<string, unknown> | null {
  const g = w as { Application?: unknown; wps?: { Application?: unknown } } | null;
  const app = g?.Application ?? g?.wps?.Application;
  return app && (typeof app === "object" || typeof app === "function") ? (app as Record<string, unknown>) : null;
}

/**
 * WPS 表格's `Application`, when the page runs inside WPS (a WPS 加载项's task pane): the ET object model, with
 * `ActiveWorkbook`. WPS 文字 and 演示 have `ActiveDocument` / `ActivePresentation` instead and get null.
 */
export function wpsApplication(w: unknown): EtApplication | null {
  const app = wpsGlobal(w);
  if (!app) return null;
  try {
    return "ActiveWorkbook" in app || app.ActiveWorkbook !== undefined ? (app as unknown as EtApplication) : null;
  } catch {
    return null;
  }
}

/** True when the page runs in a WPS component other than 表格 (文字, 演示): the add-in cannot work there. */
export function inOtherWpsApp(w: unknown): boolean {
  const app = wpsGlobal(w);
  return !!app && ("ActiveDocument" in app || "ActivePresentation" in app);
}

/**
 * A host over the workbook open in WPS 表格, through the ET object model of a WPS 加载项 (see wps-types.ts).
 *
 * Every property read or write is a call into WPS, so the host reads a sheet's used range with two calls (Value2
 * and Value, which differ only for dates and currency) and writes a report's cells with one 2-D assignment; styles,
 * formats, borders and locks go by rectangles of like cells, as in the Office host. Calls grow with sheets, merged
 * areas and styled rectangles, not with rows (finding merged areas by halving adds a few per doubling of the rows).
 */
export class WpsHost implements WorkbookHost {
  readonly kind = "wps" as const;

  constructor(
    private readonly app: EtApplication,
    readonly file = "当前工作簿",
  ) {}

  private book(): EtWorkbook {
    const wb = this.app.ActiveWorkbook;
    if (!wb) throw new Error("WPS 表格中没有打开的工作簿。请先打开要检查的工作簿，再点“全部检查”。");
    return wb;
  }

  async read(): Promise<WorkbookSnapshot> {
    const book = this.book();
    const sheets = book.Worksheets;
    const n = sheets.Count;
    const out: SheetSnapshot[] = [];
    for (let i = 1; i <= n; i++) {
      out.push(readSheet(sheets.Item(i)));
      // WPS runs the page's script on its own thread: let the pane repaint between sheets.
      await breathe();
    }
    // The workbook's own name (工作簿1 before it is saved) is what the user knows it by.
    return { file: book.Name || this.file, sheets: out };
  }

  async sheetNames(): Promise<string[]> {
    const sheets = this.book().Worksheets;
    const names: string[] = [];
    for (let i = 1, n = sheets.Count; i <= n; i++) names.push(sheets.Item(i).Name);
    return names;
  }

  async write(specs: SheetSpec[], opts: WriteOptions = {}): Promise<void> {
    const app = this.app;
    const sheets = this.book().Worksheets;
    const alerts = app.DisplayAlerts;
    const screen = app.ScreenUpdating;
    // Deleting a sheet asks the user to confirm unless alerts are off; drawing each change is what makes big writes slow.
    app.DisplayAlerts = false;
    app.ScreenUpdating = false;
    try {
      const existing = new Set(await this.sheetNames());
      const names = new Set(specs.map((s) => s.name));
      for (const name of existing) if (!names.has(name) && opts.remove?.(name)) sheets.Item(name).Delete();
      let first: EtWorksheet | null = null;
      const links = { left: MAX_LINKS };
      for (const spec of specs) {
        if (existing.has(spec.name)) sheets.Item(spec.name).Delete();
        // As WPS's own example passes it: null for the Before it leaves out.
        const count = sheets.Count;
        const ws = count > 0 ? sheets.Add(null, sheets.Item(count)) : sheets.Add();
        ws.Name = spec.name;
        writeSheet(app, ws, spec, links);
        if (spec.hidden) ws.Visible = XL_HIDDEN;
        else first ??= ws;
        await breathe();
      }
      first?.Activate();
    } finally {
      app.ScreenUpdating = screen;
      app.DisplayAlerts = alerts;
    }
  }

  /** Shows a cell to the user: its sheet activated, the cell selected. */
  select(sheet: string, cell: string): void {
    const ws = this.book().Worksheets.Item(sheet);
    ws.Activate();
    ws.Range(cell).Select();
  }
}

/** A 2-D array from what Value2 / Value return: a scalar for one cell, rows of values for several. */
function grid(sheet: string, v: unknown, rows: number, cols: number): unknown[][] {
  if (Array.isArray(v)) return v.map((r) => (Array.isArray(r) ? r : [r]));
  if (rows === 1 && cols === 1) return [[v]];
  // Never an empty sheet in silence: a WPS whose bridge gives something else is said to be unsupported.
  throw new Error(`无法读取工作表“${sheet}”：WPS 返回的区域值不是二维数组（${typeof v}）。请升级 WPS，或改用独立网页检查另存的 .xlsx 文件。`);
}

function readSheet(ws: EtWorksheet): SheetSnapshot {
  const name = ws.Name;
  const hidden = ws.Visible !== XL_VISIBLE;
  let used = ws.UsedRange;
  let area = parseArea(used.Address()) ?? { top: 0, left: 0, bottom: 0, right: 0 };
  if ((area.bottom - area.top + 1) * (area.right - area.left + 1) > NARROW_FROM) {
    // WPS counts formatted empty cells as used: formatting pasted down to row 1,048,576 would make a sheet of
    // billions of cells. The last row and column holding anything bound what is read.
    const lastRow = used.Find("*", null, XL_FORMULAS, XL_PART, XL_BY_ROWS, XL_PREVIOUS);
    const lastColumn = used.Find("*", null, XL_FORMULAS, XL_PART, XL_BY_COLUMNS, XL_PREVIOUS);
    if (!lastRow || !lastColumn) return { name, rows: [], top: 0, left: 0, merges: [], hidden };
    area = { ...area, bottom: Math.max(area.top, lastRow.Row - 1), right: Math.max(area.left, lastColumn.Column - 1) };
    used = ws.Range(areaAddress(area));
  }
  const height = area.bottom - area.top + 1;
  const width = area.right - area.left + 1;
  const tooLarge = usedRangeTooLarge(name, areaAddress(area), height, width);
  if (tooLarge) throw new Error(tooLarge);
  const values2 = grid(name, used.Value2, height, width);
  const values = grid(name, used.Value, height, width);
  const rows: CellValue[][] = values2.map((row, r) => row.map((v, c) => cellValue(v as EtValue, values[r]?.[c])));
  // A sheet of one empty cell is an empty sheet.
  const empty = rows.every((row) => row.every((v) => v === null));
  return { name, rows: empty ? [] : rows, top: empty ? 0 : area.top, left: empty ? 0 : area.left, merges: empty ? [] : findMerges(ws, area), hidden };
}

/** How a date or time reads as text: 2026/1/1, 2026-01-01, 2026年1月1日, 1月1日, 8:30. */
const DATE_TEXT = /^\s*(\d{1,4}[-/.年]\d{1,2}|\d{1,2}月\d{1,2}日|\d{1,2}:\d{2})/;

/** One cell as the snapshot holds it, from its Value2 and its Value. */
export function cellValue(v2: EtValue, v: unknown): CellValue {
  if (v2 === null || v2 === undefined || v2 === "") return null;
  if (typeof v2 === "number") {
    if (ERROR_CODES[v2]) return { error: ERROR_CODES[v2] };
    // Value gives a date where the cell's format makes it one (a Date, or the date's text), Value2 its serial. A
    // currency cell's Value is a currency: it stays the number it is.
    if (v instanceof Date || (typeof v === "string" && DATE_TEXT.test(v))) return serialToDate(v2);
    return v2;
  }
  if (typeof v2 === "boolean" || typeof v2 === "string") return v2;
  return String(v2);
}

/**
 * The merged areas of a used range, found by halving: a part whose MergeCells is false holds none; a single cell
 * that holds one gives the whole area by its MergeArea. Parts inside areas already found are not asked again.
 */
export function findMerges(ws: EtWorksheet, area: Area, budget = MAX_MERGE_PROBES): Area[] {
  const found: Area[] = [];
  const within = (a: Area) => found.some((m) => a.top >= m.top && a.bottom <= m.bottom && a.left >= m.left && a.right <= m.right);
  const stack: Area[] = [area];
  let probes = 0;
  while (stack.length > 0 && probes < budget) {
    const a = stack.pop()!;
    if (within(a)) continue;
    probes++;
    const range = ws.Range(areaAddress(a));
    if (range.MergeCells === false) continue;
    if (a.top === a.bottom && a.left === a.right) {
      const m = parseArea(range.MergeArea.Address());
      if (m && (m.bottom > m.top || m.right > m.left) && !within(m)) found.push(m);
      continue;
    }
    // Halve the longer side; the first half is looked at first.
    if (a.bottom - a.top >= a.right - a.left) {
      const mid = Math.floor((a.top + a.bottom) / 2);
      stack.push({ ...a, top: mid + 1 }, { ...a, bottom: mid });
    } else {
      const mid = Math.floor((a.left + a.right) / 2);
      stack.push({ ...a, left: mid + 1 }, { ...a, right: mid });
    }
  }
  return found.sort((x, y) => x.top - y.top || x.left - y.left);
}

/** Longest address Range() takes (Excel's VBA limit, which WPS mirrors). */
const MAX_ADDRESS = 255;

/**
 * Rectangles joined into multi-area addresses ("A3:F3,A7:F9,…") of at most MAX_ADDRESS characters: one call then
 * formats a couple of dozen of them, so a report whose rows alternate colours costs calls by the couple of dozen.
 */
export function unions(areas: Area[]): string[] {
  const out: string[] = [];
  let current = "";
  for (const a of areas) {
    const one = areaAddress(a);
    if (current && current.length + 1 + one.length > MAX_ADDRESS) {
      out.push(current);
      current = "";
    }
    current = current ? `${current},${one}` : one;
  }
  if (current) out.push(current);
  return out;
}

const ALIGN = { center: XL_CENTER, left: XL_LEFT, right: XL_RIGHT } as const;

function writeSheet(app: EtApplication, ws: EtWorksheet, spec: SheetSpec, links: { left: number }): void {
  const cols = Math.max(1, ...spec.rows.map((r) => r.length));
  if (spec.rows.length > 0) {
    // Formats first: text cells as text, so WPS neither reads "1-7" as a date nor a long code as a number.
    for (const [format, areas] of areasBy(spec, (c) => c.numberFormat ?? (typeof c.value === "string" ? "@" : null))) {
      for (const where of unions(areas)) ws.Range(where).NumberFormat = format;
    }
    // One assignment for every cell; text that WPS would take for a formula gets the apostrophe prefix.
    const values = spec.rows.map((row) => {
      const out: (string | number | boolean)[] = row.map(officeCellValue);
      while (out.length < cols) out.push("");
      return out;
    });
    ws.Range(`A1:${a1(spec.rows.length - 1, cols - 1)}`).Value2 = values;
  }
  for (const [style, areas] of areasBy(spec, (c) => c.style ?? null)) {
    const s = STYLES[style as CellStyle];
    for (const where of unions(areas)) {
      const r = ws.Range(where);
      if (s.fill) r.Interior.Color = bgr(s.fill);
      if (s.font || s.bold || s.italic || s.size) {
        const f = r.Font;
        if (s.font) f.Color = bgr(s.font);
        if (s.bold) f.Bold = true;
        if (s.italic) f.Italic = true;
        if (s.size) f.Size = s.size;
      }
      if (s.wrap) r.WrapText = true;
      if (s.align) r.HorizontalAlignment = ALIGN[s.align];
      if (s.wrap || s.align) r.VerticalAlignment = XL_CENTER;
    }
  }
  for (const where of unions(areasBy(spec, (c) => (c.style && STYLES[c.style].border ? "border" : null)).get("border") ?? [])) {
    const b = ws.Range(where).Borders;
    b.LineStyle = XL_CONTINUOUS;
    b.Color = bgr("8C8C8C");
  }
  for (const where of unions(areasBy(spec, (c) => (c.input ? "input" : null)).get("input") ?? [])) ws.Range(where).Locked = false;
  spec.rows.forEach((row, r) => {
    row.forEach((c, col) => {
      if (!c.link || links.left <= 0) return;
      links.left--;
      const anchor = ws.Range(a1(r, col));
      ws.Hyperlinks.Add(anchor, "", `${quoteSheetName(c.link.sheet)}!${c.link.cell}`, "", fitCellText(String(c.value ?? "")));
    });
  });
  for (const m of spec.merges ?? []) ws.Range(m).Merge();
  // WPS measures column width in characters of the standard font, as the spec does.
  (spec.columnWidths ?? []).forEach((w, i) => {
    const letters = columnLetters(i);
    ws.Range(`${letters}:${letters}`).ColumnWidth = w;
  });
  // WPS fits wrapped rows itself (the heights the core estimated are for hosts that cannot); the spec's own heights follow.
  if (spec.rows.length > 0) ws.Range(`A1:${a1(spec.rows.length - 1, cols - 1)}`).Rows.AutoFit();
  const estimated = new Set(spec.estimatedHeights ?? []);
  for (const [r, h] of Object.entries(spec.rowHeights ?? {})) {
    if (estimated.has(Number(r))) continue;
    ws.Range(`${Number(r) + 1}:${Number(r) + 1}`).RowHeight = h;
  }
  for (const v of spec.validations ?? []) {
    const dv = ws.Range(v.range).Validation;
    dv.Delete();
    dv.Add(XL_VALIDATE_LIST, v.strict === false ? XL_ALERT_INFORMATION : XL_ALERT_WARNING, XL_BETWEEN, v.values.join(","));
    dv.ErrorMessage = dropDownError(v.values);
    if (v.prompt) {
      dv.InputMessage = v.prompt.slice(0, 255);
      dv.ShowInput = true;
    }
  }
  for (const bar of spec.dataBars ?? []) ws.Range(bar.range).FormatConditions.AddDatabar().BarColor.Color = bgr(bar.color);
  if (spec.print) {
    const p = ws.PageSetup;
    p.Orientation = spec.print.orientation === "landscape" ? 2 : 1;
    p.PaperSize = 9;
    if (spec.print.fitToWidth) {
      p.Zoom = false;
      p.FitToPagesWide = 1;
      p.FitToPagesTall = false;
    }
    if (spec.print.titleRows) p.PrintTitleRows = `$${spec.print.titleRows[0]}:$${spec.print.titleRows[1]}`;
  }
  if (spec.freezeRows) {
    ws.Activate();
    const w = app.ActiveWindow;
    if (w) {
      w.FreezePanes = false;
      w.SplitColumn = 0;
      w.SplitRow = spec.freezeRows;
      w.FreezePanes = true;
    }
  }
  if (spec.tabColor) ws.Tab.Color = bgr(spec.tabColor);
  if (spec.protect) ws.Protect("");
}

export type { EtApplication };
