/**
 * The subset of WPS 表格's JavaScript object model (the "ET" API of WPS 加载项) that the WPS host uses, typed as the
 * documentation describes it. The object model mirrors Excel's VBA one: collections are 1-based (`Item(1)` is the
 * first sheet), `Address` is a method, colours are BGR numbers (RGB(r, g, b) = r + g·256 + b·65536), and a sheet's
 * visibility is -1 (visible), 0 (hidden) or 2 (very hidden).
 *
 * Sources (WPS 开放平台, 表格 API; the same object model serves WPS 加载项 and AirScript):
 * - https://airsheet.wps.cn/docs/apiV2/excel/workbook/Range/属性/MergeArea 属性.html (MergeArea applies to one cell; `Address()`)
 * - https://airsheet.wps.cn/docs/apiV2/excel/workbook/Range/属性/MergeCells 属性.html (true when the range holds merged cells)
 * - https://airsheet.wps.cn/docs/apiV2/excel/workbook/Range/属性/Value2 属性.html (Value2 differs from Value only in not using the Currency and Date types)
 * - https://airsheet.wps.cn/docs/apiV2/excel/workbook/Worksheets/方法/Add 方法.html (Add(Before, After, Count, Type); the new
 *   sheet becomes the active one; `Worksheets.Add(null, Worksheets.Item(1), 2).Name = "成绩表"`)
 * - wpsjs 2.2.3's own 表格 template (npm package wpsjs, packages/@wps-jsapi/et/: ribbon.xml, index.html, js/ribbon.js):
 *   OnAddinLoad, OnAction(control.Id), `Application.CreateTaskPane(url)` with `.ID` and `.Visible`, `GetTaskPane(id)`,
 *   `Application.PluginStorage.getItem/setItem`
 * - Excel VBA's Range.Value2 (learn.microsoft.com/office/vba/api/excel.range.value2), which WPS's page repeats, and
 *   Excel's CVErr codes for error cells
 */

/** A cell value as Value2 gives it: dates are serial numbers, an error is a COM error code (see ERROR_CODES). */
export type EtValue = string | number | boolean | null | undefined;

export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook | null;
  DisplayAlerts: boolean;
  ScreenUpdating: boolean;
  readonly ActiveWindow: EtWindow | null;
  CreateTaskPane(url: string, title?: string): EtTaskPane;
  GetTaskPane(id: number | string): EtTaskPane;
  readonly PluginStorage: { getItem(key: string): unknown; setItem(key: string, value: unknown): void };
}

export interface EtTaskPane {
  readonly ID: number | string;
  Visible: boolean;
  DockPosition?: number;
}

export interface EtWindow {
  SplitRow: number;
  SplitColumn: number;
  FreezePanes: boolean;
}

export interface EtWorkbook {
  readonly Name: string;
  readonly Worksheets: EtSheets;
}

export interface EtSheets {
  readonly Count: number;
  /** 1-based index, or a sheet's name. */
  Item(index: number | string): EtWorksheet;
  /** A new sheet, placed before `before` or after `after` (Excel's Worksheets.Add(Before, After, Count, Type)). */
  Add(before?: EtWorksheet | null, after?: EtWorksheet | null): EtWorksheet;
}

export interface EtWorksheet {
  Name: string;
  /** -1 xlSheetVisible, 0 xlSheetHidden, 2 xlSheetVeryHidden. */
  Visible: number;
  readonly UsedRange: EtRange;
  Range(address: string): EtRange;
  readonly Hyperlinks: { Add(anchor: EtRange, address: string, subAddress?: string, screenTip?: string, textToDisplay?: string): unknown };
  readonly Tab: { Color: number };
  readonly PageSetup: EtPageSetup;
  Activate(): void;
  Delete(): void;
  Protect(password?: string): void;
}

export interface EtPageSetup {
  /** 1 xlPortrait, 2 xlLandscape. */
  Orientation: number;
  /** 9 xlPaperA4. */
  PaperSize: number;
  Zoom: number | boolean;
  FitToPagesWide: number | boolean;
  FitToPagesTall: number | boolean;
  PrintTitleRows: string;
}

export interface EtRange {
  Address(): string;
  /** 1-based row and column of the range's first cell. */
  readonly Row: number;
  readonly Column: number;
  /**
   * Excel's Range.Find(What, After, LookIn, LookAt, SearchOrder, SearchDirection): the first cell found, or null
   * (VBA's Nothing). `Find("*", null, xlFormulas, xlPart, xlByRows, xlPrevious)` is the last row holding anything.
   */
  Find(what: string, after?: EtRange | null, lookIn?: number, lookAt?: number, searchOrder?: number, searchDirection?: number): EtRange | null;
  /** One cell: its value; several: a 2-D array, rows first, 0-based in JavaScript. */
  Value2: EtValue | EtValue[][];
  /** As Value2, but a date-formatted cell gives a date (and a currency cell a currency) instead of a number. */
  readonly Value: unknown;
  NumberFormat: string | null;
  /** True when the range holds merged cells (null in Excel's VBA when only some are). */
  readonly MergeCells: boolean | null;
  /** For one cell: the merged area it lies in, or the cell itself. */
  readonly MergeArea: EtRange;
  Merge(across?: boolean): void;
  readonly Interior: { Color: number };
  readonly Font: { Bold: boolean; Italic: boolean; Size: number; Color: number; Underline: number | boolean };
  WrapText: boolean;
  /** -4108 xlCenter, -4131 xlLeft, -4152 xlRight. */
  HorizontalAlignment: number;
  /** -4108 xlCenter. */
  VerticalAlignment: number;
  /** Borders of every edge and inside line of the range at once. */
  readonly Borders: { LineStyle: number; Color: number };
  Locked: boolean;
  ColumnWidth: number;
  RowHeight: number;
  readonly Rows: { readonly Count: number; AutoFit(): void };
  readonly Columns: { readonly Count: number };
  readonly Validation: { Delete(): void; Add(type: number, alertStyle?: number, operator?: number, formula1?: string): void; InputMessage: string; ErrorMessage: string; ShowInput: boolean; ShowError: boolean };
  readonly FormatConditions: { AddDatabar(): { BarColor: { Color: number } } };
  Select(): void;
  Activate(): void;
}

/** Excel's COM error codes (CVErr), as a VT_ERROR cell reaches script: 0x800A07D0 + the xlErr number. */
export const ERROR_CODES: Record<number, string> = {
  [-2146826288]: "#NULL!",
  [-2146826281]: "#DIV/0!",
  [-2146826273]: "#VALUE!",
  [-2146826265]: "#REF!",
  [-2146826259]: "#NAME?",
  [-2146826252]: "#NUM!",
  [-2146826246]: "#N/A",
};
