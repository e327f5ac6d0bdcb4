/**
 * Plain data that crosses the boundary between a host (Office.js, exceljs) and the core.
 * Nothing here knows where the workbook came from.
 */

/** A cell that holds an Excel error value such as #DIV/0! or #N/A. */
export interface CellError {
  error: string;
}

export type CellValue = string | number | boolean | Date | CellError | null;

/** A rectangular area, 0-based and inclusive, in sheet coordinates. */
export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A merged area a sheet declares that overlaps one declared before it (Excel drops such a merge when it opens the file). */
export interface IgnoredMerge {
  area: Area;
  overlaps: Area;
}

/**
 * A sheet's merged areas as Excel would keep them: each one once, with its corners in order (a reversed ref such as
 * D5:A1 is the area A1:D5), and those overlapping an earlier one (by top row, then left column) set aside. Time
 * grows with the number of merges, never with the area they claim: a sweep down the rows compares each merge only
 * with the kept ones still open beside it (at most one per column, usually a handful).
 */
export function settleMerges(merges: readonly Area[]): { kept: Area[]; ignored: IgnoredMerge[] } {
  const sorted = merges
    .map((m) => ({ top: Math.min(m.top, m.bottom), left: Math.min(m.left, m.right), bottom: Math.max(m.top, m.bottom), right: Math.max(m.left, m.right) }))
    .sort((a, b) => a.top - b.top || a.left - b.left);
  const kept: Area[] = [];
  const ignored: IgnoredMerge[] = [];
  let open: Area[] = [];
  for (const m of sorted) {
    if (open.length > 0 && open.some((a) => a.bottom < m.top)) open = open.filter((a) => a.bottom >= m.top);
    const hit = open.find((a) => a.left <= m.right && m.left <= a.right);
    if (hit) {
      // The same ref written twice is one merge; anything else overlapping is a conflict.
      if (hit.top !== m.top || hit.left !== m.left || hit.bottom !== m.bottom || hit.right !== m.right) ignored.push({ area: m, overlaps: hit });
      continue;
    }
    kept.push(m);
    open.push(m);
  }
  return { kept, ignored };
}

/** One worksheet as read by a host: the used range's values, where it starts, and its merged areas. */
export interface SheetSnapshot {
  name: string;
  /** Values of the used range, row by row; `rows[0][0]` is the cell at (`top`, `left`). */
  rows: CellValue[][];
  /** 0-based sheet row of `rows[0]`. */
  top: number;
  /** 0-based sheet column of `rows[x][0]`. */
  left: number;
  merges: Area[];
  hidden: boolean;
  /**
   * A window on a sheet read as a stream (hosts/stream-sheet.ts): `rows[gap.at]` onwards stand `gap.rows` rows lower
   * than their index says; the rows skipped are not held (they were read before). Absent on every whole sheet.
   */
  gap?: { at: number; rows: number };
}

/** A workbook as read by a host: the file it came from (if any) and its sheets in tab order. */
export interface WorkbookSnapshot {
  file: string;
  /** Given as last year's result workbook (jixiao --previous, the page's 上年结果 choice): only its results are read. */
  previous?: boolean;
  sheets: SheetSnapshot[];
}

/**
 * Named styles; each host maps them to its own formatting (see hosts/styles.ts). Colours always come with a
 * shape or word, so a black-and-white printout still tells them apart.
 */
export type CellStyle =
  | "title"
  | "subtitle"
  | "header"
  | "label"
  | "input"
  | "hint"
  | "text"
  | "number"
  | "section"
  | "review"
  | "reviewHeader"
  | "error"
  | "warning"
  | "info"
  | "ok"
  | "note"
  | "green"
  | "yellow"
  | "red"
  | "blue";

/** Styles whose text wraps within the cell; row heights are fitted to them (report/layout.ts). */
export const WRAPPED_STYLES: ReadonlySet<CellStyle> = new Set<CellStyle>([
  "header", "label", "input", "hint", "text", "review", "reviewHeader", "error", "warning", "info", "ok",
]);

export interface SpecCell {
  value: string | number | boolean | null;
  style?: CellStyle;
  /** A link to a cell of the same workbook. */
  link?: { sheet: string; cell: string };
  /** Excel number format, e.g. "0.00" or "0.00%". */
  numberFormat?: string;
  /** A cell the user fills: left unlocked when the sheet is protected. */
  input?: boolean;
}

/** A drop-down list on a range of input cells. */
export interface ListValidation {
  /** A1 range, e.g. "D11:D40". */
  range: string;
  values: string[];
  /** Shown when the cell is selected. */
  prompt?: string;
  /** Warn on a value outside the list (default). False: the list only offers choices, any value may be typed. */
  strict?: boolean;
}

export interface PrintSetup {
  orientation: "portrait" | "landscape";
  /** Fit all columns on the page width. */
  fitToWidth: boolean;
  /** 1-based rows repeated at the top of every printed page. */
  titleRows?: [number, number];
}

/** A sheet the add-in writes: plain rows of cells, plus layout. Hosts render it; nothing else decides its content. */
export interface SheetSpec {
  name: string;
  rows: SpecCell[][];
  /** Column widths in characters, by column index. */
  columnWidths?: number[];
  /** Row heights in points, by 0-based row index. */
  rowHeights?: Record<number, number>;
  /** Rows of `rowHeights` estimated for wrapped text (report/layout.ts), which a host that fits rows itself may leave out. */
  estimatedHeights?: number[];
  /** Rows (from the top) to keep visible when scrolling. */
  freezeRows?: number;
  tabColor?: string;
  /** Hidden from the tab bar (the add-in's register). */
  hidden?: boolean;
  /** Merged areas, A1 ranges. */
  merges?: string[];
  validations?: ListValidation[];
  /** Protect the sheet without a password: labels are locked, `input` cells stay editable. */
  protect?: boolean;
  print?: PrintSetup;
  /** In-cell data bars over numeric ranges (conditional formatting), where the host supports them. */
  dataBars?: { range: string; color: string }[];
  /** A chart drawn where the host can draw one (exceljs cannot; Excel can). */
  chart?: { type: "column" | "pie"; range: string; title: string; anchor: string };
  /** Charts shown as pictures where the host draws no chart of its own (the command line's workbook), 0-based top-left cell. */
  pictures?: { chart: ChartSpec; row: number; col: number }[];
}

/** A chart as data (core/report/charts.ts makes them): each host draws it its own way. */
export interface ChartSpec {
  id: "grades" | "execution" | "review-delta";
  title: string;
  categories: string[];
  series: { name: string; values: number[]; color: string }[];
  /** What the values are counted in: shown on the axis and after each value label. */
  unit: "个" | "%" | "分";
  /** A reference line across the bars (the 序时进度 of the monitoring month). */
  line?: { name: string; value: number };
  /** What was left out, in a sentence under the chart; empty where nothing was. */
  note: string;
  /** Bars laid sideways (long category names: units, projects). */
  horizontal?: boolean;
}

export function isCellError(v: unknown): v is CellError {
  return typeof v === "object" && v !== null && !(v instanceof Date) && typeof (v as CellError).error === "string";
}

export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

export function cell(value: SpecCell["value"], style?: CellStyle): SpecCell {
  return style ? { value, style } : { value };
}

/** Number of non-blank cells in a snapshot. */
export function countFilled(sheet: SheetSnapshot): number {
  let n = 0;
  for (const row of sheet.rows) for (const v of row) if (!isBlank(v)) n++;
  return n;
}

/** Width of the widest row of a snapshot. */
export function snapshotWidth(sheet: SheetSnapshot): number {
  let w = 0;
  for (const row of sheet.rows) if (row.length > w) w = row.length;
  return w;
}
