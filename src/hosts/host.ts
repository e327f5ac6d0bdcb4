import type { SheetSpec, WorkbookSnapshot } from "../core/sheet";

/**
 * The only thing that touches a workbook. The core reads snapshots from it and hands it sheet specs to write;
 * a host never writes anywhere but the sheets it is given, and replaces a sheet of the same name.
 */
export interface WorkbookHost {
  readonly kind: "office" | "exceljs" | "wps";
  read(): Promise<WorkbookSnapshot>;
  /** The sheet names in tab order, without reading their content. */
  sheetNames(): Promise<string[]>;
  /**
   * Writes the sheets, replacing any of the same name. `remove` also deletes other existing sheets it accepts
   * (the previous run's report sheets); it is only ever given sheets the add-in owns.
   */
  write(specs: SheetSpec[], opts?: WriteOptions): Promise<void>;
  /**
   * A fresh workbook written sheet by sheet as the specs are made (a file streamed to disk): each spec is asked for
   * only when the one before is written. Hosts that write into a workbook that is open leave it out.
   */
  writeEach?(specs: Iterable<SheetSpec>): Promise<void>;
}

export interface WriteOptions {
  remove?: (sheetName: string) => boolean;
}

/**
 * Text that Excel would take for a formula (or that a CSV consumer would) when typed into a cell:
 * = + - @ at the start, or a leading tab or carriage return.
 */
export function looksLikeFormula(s: string): boolean {
  return /^[=+\-@\t\r]/.test(s);
}

/** Excel holds at most 32,767 characters in a cell; a longer text would make the file need repair. */
export const MAX_CELL_TEXT = 32_767;

/** Text cut to what a cell can hold, with a mark that it was cut. */
export function fitCellText(s: string): string {
  return s.length <= MAX_CELL_TEXT ? s : s.slice(0, MAX_CELL_TEXT - 20) + "…（超长，已截断）";
}

/** Largest workbook the CLI and the standalone page open (bytes). Larger files are refused before they are parsed. */
export const MAX_WORKBOOK_BYTES = 50 * 1024 * 1024;

/**
 * What a workbook may hold once unzipped, checked from its zip directory before anything is parsed (zip-limits.ts).
 * Chosen from measurement: the bench's largest workbook (10,000 projects, 60,000 rows) unzips to 20.6 MB at 10:1 and
 * declares 780,000 cells, and reading it takes about 1 GB; past these budgets a file would take several.
 */
export const WORKBOOK_LIMITS = {
  /** All parts together, unzipped. */
  uncompressedBytes: 32 * 1024 * 1024,
  /** Unzipped ÷ zipped for any part over 1 MB unzipped (XML zips about 10:1; a zip bomb 1000:1). */
  partRatio: 100,
  /** Rows × columns a sheet declares in its dimension (A1:Z1000000). */
  declaredCells: 2_000_000,
};

/**
 * What the standalone page opens (in its worker, with exceljs, whole): twice the CLI's whole-read budget, so that a
 * city's list — 10,000 projects × 8 indicators unzips to 38.6 MB with shared strings, 55 MB with inline ones — is
 * read; past it the page names the command line, which streams a list of any size.
 */
export const PAGE_LIMITS = { ...WORKBOOK_LIMITS, uncompressedBytes: 64 * 1024 * 1024, declaredCells: 4_000_000 };

/** Excel's grid: rows and columns a worksheet can have. */
export const EXCEL_ROWS = 1_048_576;
export const EXCEL_COLUMNS = 16_384;

/**
 * What a workbook read as a stream may hold (Node: a workbook beyond WORKBOOK_LIMITS, or with a sheet part over
 * `streamAbove`). Rows pass through and are not kept, so the limits are on what is dangerous, not on size: the
 * parts held whole while the rows stream (shared strings, styles), a sheet part beyond what 1,048,576 rows of
 * XML come to, ratios only a zip bomb has. Measured: a budget system's list is about 500 bytes of XML per row.
 */
export const STREAM_LIMITS = {
  /** One sheet part, unzipped: 1,048,576 rows at 2 KB each. */
  sheetPartBytes: 2 * 1024 * 1024 * 1024,
  /** xl/sharedStrings.xml unzipped: every string is held while the rows stream. */
  sharedStringsBytes: 512 * 1024 * 1024,
  /** Any other part (styles, workbook, drawings), parsed whole. */
  otherPartBytes: 64 * 1024 * 1024,
  partRatio: WORKBOOK_LIMITS.partRatio,
  /** Cells a sheet that is not a list may hold when it is kept whole (a result workbook's 校验结果 of 400,000 rows). */
  wholeCells: 5_000_000,
  /** A sheet part larger than this (unzipped) is read as a stream even where the workbook is within WORKBOOK_LIMITS. */
  streamAbove: 8 * 1024 * 1024,
  /** Time a workbook's rows may take: a province's 130,000 projects take about two minutes here. */
  seconds: 30 * 60,
};

/** Largest file the CLI reads as a stream: the bytes are held (zipped) while the rows are read. */
export const MAX_STREAMED_FILE_BYTES = 1024 * 1024 * 1024;

/**
 * A sheet open in Excel or WPS whose used range is larger than a file may declare (WORKBOOK_LIMITS.declaredCells) is
 * not read: its values would not fit in the pane's memory. The Chinese message names the sheet and says what to do.
 */
export function usedRangeTooLarge(sheet: string, address: string, rows: number, columns: number): string | null {
  if (rows * columns <= WORKBOOK_LIMITS.declaredCells) return null;
  return `工作表“${sheet}”的已用区域 ${address.replace(/\$/g, "").replace(/^.*!/, "")}（${rows.toLocaleString("en-US")} 行 × ${columns} 列）超过 ${WORKBOOK_LIMITS.declaredCells.toLocaleString("en-US")} 个单元格的上限，未读取。` +
    "多半是表格下方或右侧有大片设了格式的空白单元格：请选中数据下方的空行和右侧的空列，删除后保存，再检查。";
}

/** What a drop-down says when something else is typed (Excel and WPS cap the message at 255 characters). */
export function dropDownError(values: string[]): string {
  return `请从下拉列表中选择：${values.join("、")}`.slice(0, 255);
}

/** Gives the page (and Excel or WPS) a breath between pieces of work: a macrotask, not a microtask. */
export const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} B`;
}
