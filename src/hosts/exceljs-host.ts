import type ExcelJS from "exceljs";
import { parseArea, quoteSheetName } from "../core/address";
import { type Area, type CellValue, settleMerges, type SheetSnapshot, type SheetSpec, type SpecCell, type WorkbookSnapshot } from "../core/sheet";
import { dropDownError, fitCellText, type WorkbookHost, type WriteOptions } from "./host";
import { describeLoadError } from "./load-error";
import { asUtf8Workbook } from "./xml-encoding";
import { type Crc32, type InflateStart, inflateStartInBrowser, zipDirectory, zipIntegrityProblem } from "./zip-limits";
import { type StyleDef, STYLES } from "./styles";

/**
 * A host over an exceljs workbook: used by the CLI in Node and by the standalone page in the browser.
 * The exceljs module itself is not imported here, so the browser can load it on demand.
 */
export class ExcelJsHost implements WorkbookHost {
  readonly kind = "exceljs" as const;

  constructor(
    readonly workbook: ExcelJS.Workbook,
    readonly file: string,
  ) {}

  async read(): Promise<WorkbookSnapshot> {
    return { file: this.file, sheets: this.workbook.worksheets.map(snapshotOf) };
  }

  async sheetNames(): Promise<string[]> {
    return this.workbook.worksheets.map((w) => w.name);
  }

  async write(specs: SheetSpec[], opts: WriteOptions = {}): Promise<void> {
    const remove = opts.remove;
    if (remove) for (const ws of this.workbook.worksheets.filter((w) => remove(w.name))) this.workbook.removeWorksheet(ws.id);
    for (const spec of specs) writeSpec(this.workbook, spec);
  }
}

/**
 * A workbook's bytes opened with the exceljs module given (passed in, so the page loads it only when needed), or an
 * Error whose Chinese message names the file and says what is wrong with it (describeLoadError).
 */
export async function openWorkbookBytes(ExcelJs: typeof ExcelJS, name: string, given: Uint8Array, opts: { crc?: Crc32; verified?: boolean; inflate?: InflateStart } = {}): Promise<ExcelJsHost> {
  let bytes = given;
  const entries = zipDirectory(bytes);
  if (Array.isArray(entries)) {
    // Every part's checksum first: findings that are official acts are never built on corrupted bytes.
    const broken = opts.verified ? null : await zipIntegrityProblem(name, bytes, entries, opts.crc);
    if (broken) throw new Error(broken);
    bytes = (await asUtf8Workbook(bytes, entries, opts.inflate ?? inflateStartInBrowser))?.bytes ?? bytes;
  }
  const wb = new ExcelJs.Workbook();
  readAsFound(ExcelJs, wb);
  // A view on the whole of its buffer goes as that buffer; a view on part of one (Node's pooled Buffers) as itself.
  const data = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer : bytes;
  try {
    await wb.xlsx.load(data as ArrayBuffer);
  } catch (e) {
    throw new Error(describeLoadError(name, bytes, e));
  }
  return new ExcelJsHost(wb, name);
}

/** Workbooks opened from a user's bytes: read as the file has them (see readAsFound). */
const asFound = new WeakSet<object>();
/** Worksheet prototypes already taught to read as found (one per exceljs module: Node's, the page's). */
const taught = new WeakSet<object>();

type LoadedSheet = { _workbook?: object; _name?: string; __rawMerges?: string[] };

/**
 * exceljs, loading a file, expands every merged area into cells (a merge of J1:XFD1048576 is 17 billion cells, and
 * the machine runs out of memory) and refuses overlapping merges and sheet names Excel itself opens (with "/" in
 * them, say) as if the file were damaged. For a workbook opened only to be read, its sheets keep their merges as
 * the ranges the file gives and their names as written; a workbook the tool builds to write goes through exceljs's
 * own checks as before. If a later exceljs reshapes these internals, its own behaviour simply stays.
 */
function readAsFound(ExcelJs: typeof ExcelJS, wb: ExcelJS.Workbook): void {
  asFound.add(wb);
  const proto = Object.getPrototypeOf(new ExcelJs.Workbook().addWorksheet("x")) as Record<string, unknown>;
  if (taught.has(proto)) return;
  taught.add(proto);
  const parse = proto._parseMergeCells;
  if (typeof parse === "function") {
    proto._parseMergeCells = function (this: LoadedSheet, model: { mergeCells?: unknown }) {
      if (!this._workbook || !asFound.has(this._workbook)) return parse.call(this, model);
      this.__rawMerges = Array.isArray(model?.mergeCells) ? model.mergeCells.filter((m): m is string => typeof m === "string") : [];
    };
  }
  const name = Object.getOwnPropertyDescriptor(proto, "name");
  if (name?.set && name.get) {
    const set = name.set;
    Object.defineProperty(proto, "name", {
      ...name,
      set(this: LoadedSheet & { _workbook?: { _worksheets?: ({ name: string } | undefined)[] } }, value: unknown) {
        if (!this._workbook || !asFound.has(this._workbook) || typeof value !== "string" || value === "") return set.call(this, value);
        // Names as the file has them; only two sheets of one name (Excel compares without case) stay refused.
        const lower = value.toLowerCase();
        if (this._workbook._worksheets?.some((w) => w && w !== this && w.name.toLowerCase() === lower)) throw new Error(`Worksheet name already exists: ${value}`);
        this._name = value;
      },
    });
  }
}

function snapshotOf(ws: ExcelJS.Worksheet): SheetSnapshot {
  const rows: CellValue[][] = [];
  let last = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (c, colNumber) => {
      // A merged cell other than the top-left one reads as empty, as it does in Excel.
      const v = c.isMerged && c.master !== c ? null : toCellValue(c.value);
      values[colNumber - 1] = v;
    });
    for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = null;
    rows[rowNumber - 1] = values;
    if (values.some((v) => v !== null)) last = rowNumber;
  });
  const merges = mergesOf(ws);
  // Merges kept as ranges: their cells other than the top-left read as empty too, over the cells the rows have.
  if ((ws as unknown as LoadedSheet).__rawMerges) {
    for (const m of settleMerges(merges).kept) {
      for (let r = m.top; r <= m.bottom && r < rows.length; r++) {
        const values = rows[r];
        if (!values) continue;
        for (let c = r === m.top ? m.left + 1 : m.left; c <= m.right && c < values.length; c++) values[c] = null;
      }
    }
    last = 0;
    for (let r = rows.length - 1; r >= 0 && last === 0; r--) if (rows[r]?.some((v) => v !== null)) last = r + 1;
  }
  rows.length = last;
  for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
  return { name: ws.name, rows, top: 0, left: 0, merges, hidden: ws.state !== "visible" };
}

function mergesOf(ws: ExcelJS.Worksheet): Area[] {
  const raw = (ws as unknown as LoadedSheet).__rawMerges;
  if (raw) return raw.flatMap((ref) => parseArea(ref) ?? []);
  // exceljs keeps merges in a private map keyed by the top-left cell; its public `model` rebuilds the whole sheet.
  const merges = (ws as unknown as { _merges?: Record<string, { range?: string; tl?: string; br?: string }> })._merges;
  const out: Area[] = [];
  for (const m of Object.values(merges ?? {})) {
    const area = parseArea(m.range ?? `${m.tl}:${m.br}`);
    if (area) out.push(area);
  }
  return out;
}

/** exceljs's many value shapes folded to the snapshot's few. */
export function toCellValue(v: ExcelJS.CellValue | undefined): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return v;
  if (typeof v === "object") {
    if ("error" in v && typeof v.error === "string") return { error: v.error };
    if ("richText" in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join("");
    if ("formula" in v || "sharedFormula" in v) {
      const result = (v as { result?: ExcelJS.CellValue }).result;
      return toCellValue(result as ExcelJS.CellValue);
    }
    if ("hyperlink" in v) return toCellValue((v as { text?: ExcelJS.CellValue }).text as ExcelJS.CellValue);
  }
  return String(v);
}

function writeSpec(wb: ExcelJS.Workbook, spec: SheetSpec): void {
  const existing = wb.getWorksheet(spec.name);
  if (existing) wb.removeWorksheet(existing.id);
  fillSheet(wb.addWorksheet(spec.name, sheetOptions(spec)), spec);
}

/** Sheet-level options of a spec, for exceljs's in-memory workbook and its streaming writer alike. */
export function sheetOptions(spec: SheetSpec): Partial<ExcelJS.AddWorksheetOptions> {
  // Given at creation: exceljs's streaming writer writes a sheet's properties as soon as the sheet exists.
  return {
    state: spec.hidden ? "hidden" : "visible",
    properties: spec.tabColor ? { tabColor: { argb: "FF" + spec.tabColor } } : {},
    views: spec.freezeRows ? [{ state: "frozen", ySplit: spec.freezeRows }] : [],
    ...(spec.print
      ? {
          pageSetup: {
            paperSize: 9,
            orientation: spec.print.orientation,
            fitToPage: spec.print.fitToWidth,
            fitToWidth: 1,
            fitToHeight: 0,
            margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
            ...(spec.print.titleRows ? { printTitlesRow: `${spec.print.titleRows[0]}:${spec.print.titleRows[1]}` } : {}),
          },
        }
      : {}),
  };
}

/**
 * Everything of a spec that goes into a sheet once it exists: cells, styles, merges, drop-downs, print setup, protection.
 * Row by row: a merge is made once its last row is filled (exceljs gives a merged cell's value to its master, so the
 * cells come first) and a drop-down with its row. With `commitRows` (exceljs's streaming writer), each row is written
 * out as soon as no merge still open needs it, so a 90,000-row report never sits in memory whole.
 */
export function fillSheet(ws: ExcelJS.Worksheet, spec: SheetSpec, commitRows = false): void {
  spec.columnWidths?.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const heights = spec.rowHeights ?? {};
  const merges = (spec.merges ?? []).flatMap((range) => {
    const area = parseArea(range);
    return area ? [{ range, area }] : [];
  });
  const validations = (spec.validations ?? []).flatMap((v) => {
    const area = parseArea(v.range);
    return area ? [{ area, rule: validationRule(v) }] : [];
  });
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  let rowCount = spec.rows.length;
  for (const { area } of [...merges, ...validations]) rowCount = Math.max(rowCount, area.bottom + 1);
  for (const r of Object.keys(heights)) rowCount = Math.max(rowCount, Number(r) + 1);
  // Merges by their first row; those begun and not yet closed are `open` (a handful), so a row costs no scan of all.
  const byTop = [...merges].sort((x, y) => x.area.top - y.area.top);
  let next = 0;
  let open: typeof merges = [];
  let lastFilled = 0;
  let committed = 0;
  for (let r = 0; r < rowCount; r++) {
    const row = spec.rows[r] ?? [];
    if (heights[r] !== undefined) {
      ws.getRow(r + 1).height = heights[r];
      lastFilled = r + 1;
    }
    row.forEach((c, col) => {
      if (c.value === null && !c.style && !c.input) return;
      const target = ws.getCell(r + 1, col + 1);
      lastFilled = r + 1;
      // A string is always stored as a string: exceljs never turns "=..." into a formula.
      const value = typeof c.value === "string" ? fitCellText(c.value) : c.value;
      target.value = c.link && value !== null
        ? { text: String(value), hyperlink: `#${quoteSheetName(c.link.sheet)}!${c.link.cell}` }
        : value;
      // Cells that look alike share one style object: a 70,000-row report then costs one object per look, not per cell.
      const key = `${c.style ?? ""}|${c.numberFormat ?? ""}|${c.link ? 1 : 0}|${c.input ? 1 : 0}`;
      let style = styles.get(key);
      if (!style) {
        style = styleOf(c);
        styles.set(key, style);
      }
      target.style = style;
    });
    while (next < byTop.length && byTop[next].area.top <= r) open.push(byTop[next++]);
    for (const m of open) if (m.area.bottom === r) ws.mergeCells(m.range);
    open = open.filter((m) => m.area.bottom > r);
    for (const v of validations) {
      if (r < v.area.top || r > v.area.bottom) continue;
      for (let c = v.area.left; c <= v.area.right; c++) ws.getCell(r + 1, c + 1).dataValidation = v.rule;
      lastFilled = r + 1;
    }
    if (!commitRows) continue;
    // Rows from the top of a merge still open stay until it closes.
    const held = open.reduce((top, m) => Math.min(top, m.area.top), Infinity);
    const upTo = Math.min(lastFilled, held === Infinity ? r + 1 : held);
    if (upTo > committed) {
      ws.getRow(upTo).commit();
      committed = upTo;
    }
  }
  for (const bar of spec.dataBars ?? []) {
    ws.addConditionalFormatting({
      ref: bar.range,
      rules: [{ type: "dataBar", priority: 1, cfvo: [{ type: "min" }, { type: "max" }], color: { argb: "FF" + bar.color } } as unknown as ExcelJS.ConditionalFormattingRule],
    });
  }
  // Protection without a password: it keeps labels from being typed over, and anyone can lift it.
  if (spec.protect) void ws.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
}

function validationRule(v: NonNullable<SheetSpec["validations"]>[number]): ExcelJS.DataValidation {
  return {
    type: "list",
    allowBlank: true,
    formulae: [`"${v.values.join(",")}"`],
    showErrorMessage: v.strict !== false,
    errorStyle: "warning",
    error: dropDownError(v.values),
    ...(v.prompt ? { showInputMessage: true, prompt: v.prompt.slice(0, 255) } : {}),
  };
}

const THIN = { style: "thin" as const, color: { argb: "FF8C8C8C" } };

function styleOf(c: SpecCell): Partial<ExcelJS.Style> {
  const s: StyleDef = c.style ? STYLES[c.style] : {};
  const style: Partial<ExcelJS.Style> = {
    font: {
      bold: s.bold,
      italic: s.italic,
      size: s.size,
      ...(s.font ? { color: { argb: "FF" + s.font } } : {}),
      ...(c.link ? { color: { argb: "FF0563C1" }, underline: true } : {}),
    },
  };
  if (c.numberFormat) style.numFmt = c.numberFormat;
  if (s.fill) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF" + s.fill } };
  if (s.border) style.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (s.wrap || s.align) style.alignment = { vertical: "middle", wrapText: s.wrap, horizontal: s.align };
  if (c.input) style.protection = { locked: false };
  return style;
}
