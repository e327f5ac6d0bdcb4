/**
 * A recording fake of the WPS 表格 object model subset the WPS host uses (src/hosts/wps-types.ts), written from WPS's
 * documentation of the ET API and from wpsjs's 表格 template:
 * - https://airsheet.wps.cn/docs/apiV2/excel/workbook/Range/属性/Value2 属性.html — Value2 differs from Value only in
 *   not using the Date and Currency types: a date cell's Value2 is its serial number, its Value a date;
 * - https://airsheet.wps.cn/docs/apiV2/excel/workbook/Range/属性/MergeArea 属性.html — MergeArea applies to a single
 *   cell and gives its merged area (or the cell); `Address()` is a method;
 * - https://airsheet.wps.cn/docs/apiV2/excel/workbook/Range/属性/MergeCells 属性.html — true when the range holds merged cells;
 * - the VBA object model WPS mirrors: 1-based collections (`Item(1)` is the first sheet, `Item(0)` is an error),
 *   one cell's Value2 is a scalar and a range's a 2-D array, the non-top-left cells of a merge are empty, an error
 *   cell's value is its COM error code (0x800A07D0 + xlErr), deleting a sheet asks the user unless DisplayAlerts is
 *   off, a string written to a cell that is not text-formatted is parsed as a number, and a leading apostrophe
 *   keeps a string as text.
 *
 * It counts every property read or write and every method call (`log.calls`, `log.members`), so a test can show
 * that a run's calls do not grow with the rows.
 *
 * Conservative where WPS's behaviour is not documented: a string starting with = + or @ always becomes a formula
 * unless it has the apostrophe prefix (in Excel a text-formatted cell would keep it as text); `-` followed by a
 * letter too. What it cannot prove: how WPS renders, how fast its calls really are, its webview, and whether WPS's
 * JavaScript bridge gives a date cell's Value as a Date object (assumed) or as text (the host accepts both).
 */

import { isCellError, type SheetSnapshot } from "../../src/core/sheet";
import { ERROR_CODES, type EtValue } from "../../src/hosts/wps-types";

type Area = { top: number; left: number; bottom: number; right: number };

export interface FakeWpsSheet {
  name: string;
  visible: number;
  /** Values, 0-based, dense from A1. */
  cells: EtValue[][];
  numberFormats: Map<string, string>;
  formulas: Map<string, string>;
  /** Cells holding text written with the apostrophe prefix. */
  prefixed: Set<string>;
  merges: Area[];
  /** Every formatting write, in order: "A1:C3 Interior.Color=15917529". */
  formatOps: string[];
  links: { cell: string; subAddress: string; text: string }[];
  protected: boolean;
  /** Empty cells formatted out to here (0-based): WPS, like Excel, counts them in UsedRange. */
  formattedTo?: { bottom: number; right: number };
}

export interface FakeWpsLog {
  calls: number;
  members: Map<string, number>;
  /** Times a sheet deletion would have asked the user (DisplayAlerts left on). */
  prompts: number;
}

const key = (r: number, c: number) => `${r},${c}`;

function letters(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function columnOf(s: string): number {
  let n = 0;
  for (const ch of s.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

/** "A1", "$A$1:$C$3", "A:A" (a column), "3:5" (rows) as a 0-based area. */
function parse(address: string): Area {
  const one = (s: string) => {
    const m = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/.exec(s.trim());
    if (!m || (!m[1] && !m[2])) throw new Error(`无效的区域地址：${address}`);
    return { row: m[2] ? Number(m[2]) - 1 : -1, col: m[1] ? columnOf(m[1]) : -1 };
  };
  const [a, b = a] = address.split(":").map(one);
  const top = Math.min(a.row, b.row);
  const left = Math.min(a.col, b.col);
  return {
    top: top < 0 ? 0 : top,
    left: left < 0 ? 0 : left,
    bottom: a.row < 0 ? 1_048_575 : Math.max(a.row, b.row),
    right: a.col < 0 ? 16_383 : Math.max(a.col, b.col),
  };
}

const abs = (r: number, c: number) => `$${letters(c)}$${r + 1}`;
const addressOf = (a: Area) => (a.top === a.bottom && a.left === a.right ? abs(a.top, a.left) : `${abs(a.top, a.left)}:${abs(a.bottom, a.right)}`);
const intersects = (a: Area, b: Area) => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

function isDateFormat(f: string | undefined): boolean {
  return !!f && /[yd]|年|月|日/i.test(f.replace(/"[^"]*"|\[[^\]]*\]/g, ""));
}

export function fakeWpsSheet(name: string, cells: EtValue[][], opts: Partial<FakeWpsSheet> = {}): FakeWpsSheet {
  return { name, visible: -1, cells, numberFormats: new Map(), formulas: new Map(), prefixed: new Set(), merges: [], formatOps: [], links: [], protected: false, ...opts };
}

const CODE_OF = new Map(Object.entries(ERROR_CODES).map(([code, text]) => [text, Number(code)]));

/** A sheet read from a file (the exceljs host's snapshot) as WPS would hold it: dates as serials with a date format, errors as COM codes. */
export function wpsSheetOf(s: SheetSnapshot): FakeWpsSheet {
  const sheet = fakeWpsSheet(s.name, [], { visible: s.hidden ? 0 : -1, merges: s.merges.map((m) => ({ ...m })) });
  s.rows.forEach((row, r) => {
    const cells: EtValue[] = (sheet.cells[s.top + r] = []);
    row.forEach((v, c) => {
      if (v instanceof Date) {
        cells[s.left + c] = v.getTime() / 86400000 + 25569;
        sheet.numberFormats.set(key(s.top + r, s.left + c), "yyyy-mm-dd");
      } else cells[s.left + c] = isCellError(v) ? (CODE_OF.get(v.error) ?? CODE_OF.get("#VALUE!")!) : (v as EtValue);
    });
  });
  for (let r = 0; r < sheet.cells.length; r++) sheet.cells[r] ??= [];
  return sheet;
}

/** A recorder of property reads and writes, shared by every object of one fake. */
class Counter {
  constructor(readonly log: FakeWpsLog) {}
  hit(member: string): void {
    this.log.calls++;
    this.log.members.set(member, (this.log.members.get(member) ?? 0) + 1);
  }
}

/** An object whose listed properties record every read and write. */
function recording<T extends object>(counter: Counter, name: string, onSet: (prop: string, value: unknown) => void, props: string[], get: (prop: string) => unknown = () => undefined): T {
  const o = {};
  for (const p of props) {
    Object.defineProperty(o, p, {
      get: () => {
        counter.hit(`${name}.${p}`);
        return get(p);
      },
      set: (v: unknown) => {
        counter.hit(`${name}.${p}=`);
        onSet(p, v);
      },
      enumerable: true,
    });
  }
  return o as T;
}

class FakeRange {
  readonly area: Area;

  /** Several areas for a multi-area address ("A1:B2,D4"); the first is the range's own, as in Excel. */
  constructor(
    private readonly wps: FakeWps,
    private readonly sheet: FakeWpsSheet,
    readonly areas: Area[],
  ) {
    this.area = areas[0];
  }

  private hit(m: string) {
    this.wps.counter.hit(`Range.${m}`);
  }
  private get single() {
    return this.area.top === this.area.bottom && this.area.left === this.area.right;
  }
  private op(what: string) {
    for (const a of this.areas) this.sheet.formatOps.push(`${addressOf(a).replace(/\$/g, "")} ${what}`);
  }
  private each(f: (r: number, c: number) => void) {
    for (const a of this.areas) for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) f(r, c);
  }
  private one(what: string) {
    if (this.areas.length > 1) throw new Error(`${what} 不能用于多个区域`);
  }
  private matrix(read: (r: number, c: number) => unknown): unknown {
    if (this.single) return read(this.area.top, this.area.left);
    const out: unknown[][] = [];
    for (let r = this.area.top; r <= this.area.bottom; r++) {
      const row: unknown[] = [];
      for (let c = this.area.left; c <= this.area.right; c++) row.push(read(r, c));
      out.push(row);
    }
    return out;
  }
  private raw(r: number, c: number): EtValue {
    const v = this.sheet.cells[r]?.[c];
    return v === undefined ? null : v;
  }

  Address(): string {
    this.hit("Address");
    return addressOf(this.area);
  }
  get Row(): number {
    this.hit("Row");
    return this.area.top + 1;
  }
  get Column(): number {
    this.hit("Column");
    return this.area.left + 1;
  }
  /** Only what the host asks: "*" searched backwards (xlPrevious = 2), by rows (1) or by columns (2). */
  Find(what: string, _after?: unknown, _lookIn?: number, _lookAt?: number, order = 1, direction = 1): FakeRange | null {
    this.hit("Find");
    if (what !== "*" || direction !== 2) throw new Error("模拟只支持 Find(\"*\", …, xlPrevious)");
    let best: [number, number] | null = null;
    const a = this.area;
    const filled = (r: number, c: number) => {
      const v = this.sheet.cells[r]?.[c];
      return (v !== null && v !== undefined && v !== "") || this.sheet.formulas.has(key(r, c));
    };
    for (let r = a.top; r <= Math.min(a.bottom, this.sheet.cells.length - 1); r++) {
      for (let c = a.left; c <= Math.min(a.right, (this.sheet.cells[r]?.length ?? 0) - 1); c++) {
        if (!filled(r, c)) continue;
        if (!best || (order === 1 ? r > best[0] || (r === best[0] && c > best[1]) : c > best[1] || (c === best[1] && r > best[0]))) best = [r, c];
      }
    }
    return best ? new FakeRange(this.wps, this.sheet, [{ top: best[0], left: best[1], bottom: best[0], right: best[1] }]) : null;
  }
  get Value2(): unknown {
    this.hit("Value2");
    this.one("Value2");
    return this.matrix((r, c) => this.raw(r, c));
  }
  set Value2(v: unknown) {
    this.hit("Value2=");
    this.one("Value2");
    const rows = this.area.bottom - this.area.top + 1;
    const cols = this.area.right - this.area.left + 1;
    const at = (r: number, c: number): unknown => {
      if (!Array.isArray(v)) return v;
      const row = v[r - this.area.top];
      if (!Array.isArray(row) || v.length !== rows || row.length !== cols) throw new Error(`数组大小（${v.length} 行）与区域 ${addressOf(this.area)}（${rows} 行 × ${cols} 列）不一致`);
      return row[c - this.area.left];
    };
    this.each((r, c) => this.put(r, c, at(r, c)));
  }
  private put(r: number, c: number, v: unknown): void {
    const k = key(r, c);
    const s = this.sheet;
    s.formulas.delete(k);
    s.prefixed.delete(k);
    let value: EtValue = v === undefined || v === "" ? null : (v as EtValue);
    if (typeof value === "string") {
      const text = s.numberFormats.get(k) === "@";
      if (value.startsWith("'")) {
        value = value.slice(1);
        s.prefixed.add(k);
      } else if (/^[=+@]/.test(value) || /^-[^\d.\s]/.test(value)) {
        s.formulas.set(k, value);
        value = null;
      } else if (!text && /^\s*[-+]?\d+(\.\d+)?\s*$/.test(value)) {
        value = Number(value);
      }
    }
    while (s.cells.length <= r) s.cells.push([]);
    const row = s.cells[r];
    while (row.length <= c) row.push(null);
    row[c] = value;
  }
  get Value(): unknown {
    this.hit("Value");
    return this.matrix((r, c) => {
      const v = this.raw(r, c);
      return typeof v === "number" && isDateFormat(this.sheet.numberFormats.get(key(r, c))) ? new Date(Math.round((v - 25569) * 86400000)) : v;
    });
  }
  get NumberFormat(): string | null {
    this.hit("NumberFormat");
    const seen = new Set<string>();
    this.each((r, c) => seen.add(this.sheet.numberFormats.get(key(r, c)) ?? "General"));
    return seen.size === 1 ? [...seen][0] : null;
  }
  set NumberFormat(f: string | null) {
    this.hit("NumberFormat=");
    this.each((r, c) => this.sheet.numberFormats.set(key(r, c), f ?? "General"));
  }
  get MergeCells(): boolean {
    this.hit("MergeCells");
    return this.sheet.merges.some((m) => this.areas.some((a) => intersects(m, a)));
  }
  get MergeArea(): FakeRange {
    this.hit("MergeArea");
    if (!this.single) throw new Error("MergeArea 属性只应用于单个单元格区域");
    const m = this.sheet.merges.find((x) => intersects(x, this.area));
    return new FakeRange(this.wps, this.sheet, [m ?? this.area]);
  }
  Merge(): void {
    this.hit("Merge");
    this.one("Merge");
    if (this.sheet.merges.some((m) => intersects(m, this.area))) throw new Error(`区域 ${addressOf(this.area)} 与已合并的区域重叠`);
    this.sheet.merges.push({ ...this.area });
  }
  get Interior() {
    this.hit("Interior");
    return recording(this.wps.counter, "Interior", (p, v) => this.op(`Interior.${p}=${v}`), ["Color"]);
  }
  get Font() {
    this.hit("Font");
    return recording(this.wps.counter, "Font", (p, v) => this.op(`Font.${p}=${v}`), ["Bold", "Italic", "Size", "Color", "Underline"]);
  }
  get Borders() {
    this.hit("Borders");
    return recording(this.wps.counter, "Borders", (p, v) => this.op(`Borders.${p}=${v}`), ["LineStyle", "Color"]);
  }
  set WrapText(v: boolean) {
    this.hit("WrapText=");
    this.op(`WrapText=${v}`);
  }
  set HorizontalAlignment(v: number) {
    this.hit("HorizontalAlignment=");
    this.op(`HorizontalAlignment=${v}`);
  }
  set VerticalAlignment(v: number) {
    this.hit("VerticalAlignment=");
    this.op(`VerticalAlignment=${v}`);
  }
  set Locked(v: boolean) {
    this.hit("Locked=");
    this.op(`Locked=${v}`);
  }
  set ColumnWidth(v: number) {
    this.hit("ColumnWidth=");
    this.op(`ColumnWidth=${v}`);
  }
  set RowHeight(v: number) {
    this.hit("RowHeight=");
    this.op(`RowHeight=${v}`);
  }
  get Rows() {
    this.hit("Rows");
    return { Count: this.area.bottom - this.area.top + 1, AutoFit: () => (this.wps.counter.hit("Rows.AutoFit"), this.op("Rows.AutoFit()")) };
  }
  get Columns() {
    this.hit("Columns");
    return { Count: this.area.right - this.area.left + 1 };
  }
  get Validation() {
    this.hit("Validation");
    const v = recording<Record<string, unknown>>(this.wps.counter, "Validation", (p, x) => this.op(`Validation.${p}=${x}`), ["InputMessage", "ErrorMessage", "ShowInput", "ShowError"]);
    v.Delete = () => (this.wps.counter.hit("Validation.Delete"), this.op("Validation.Delete()"));
    v.Add = (...args: unknown[]) => (this.wps.counter.hit("Validation.Add"), this.op(`Validation.Add(${args.join(";")})`));
    return v;
  }
  get FormatConditions() {
    this.hit("FormatConditions");
    return {
      AddDatabar: () => {
        this.wps.counter.hit("FormatConditions.AddDatabar");
        return { BarColor: recording(this.wps.counter, "BarColor", (p, v) => this.op(`Databar.${p}=${v}`), ["Color"]) };
      },
    };
  }
  Select(): void {
    this.hit("Select");
    if (this.wps.active !== this.sheet) throw new Error("只能选择活动工作表上的单元格");
    this.wps.selection = { sheet: this.sheet.name, address: addressOf(this.area).replace(/\$/g, "") };
  }
  Activate(): void {
    this.hit("Activate");
  }
}

class FakeWorksheet {
  constructor(
    private readonly wps: FakeWps,
    readonly sheet: FakeWpsSheet,
  ) {}
  private hit(m: string) {
    this.wps.counter.hit(`Worksheet.${m}`);
  }
  get Name(): string {
    this.hit("Name");
    return this.sheet.name;
  }
  set Name(v: string) {
    this.hit("Name=");
    if (!v || v.length > 31 || /[[\]:*?/\\]/.test(v)) throw new Error(`工作表名称无效：${v}`);
    if (this.wps.sheets.some((s) => s !== this.sheet && s.name.toLowerCase() === v.toLowerCase())) throw new Error(`工作表名称已存在：${v}`);
    this.sheet.name = v;
  }
  get Visible(): number {
    this.hit("Visible");
    return this.sheet.visible;
  }
  set Visible(v: number) {
    this.hit("Visible=");
    this.sheet.visible = v;
  }
  get UsedRange(): FakeRange {
    this.hit("UsedRange");
    let bottom = -1;
    let right = -1;
    let top = Infinity;
    let left = Infinity;
    const mark = (r: number, c: number) => {
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    };
    this.sheet.cells.forEach((row, r) => row.forEach((v, c) => v !== null && v !== undefined && mark(r, c)));
    for (const k of this.sheet.formulas.keys()) mark(...(k.split(",").map(Number) as [number, number]));
    for (const m of this.sheet.merges) {
      mark(m.top, m.left);
      mark(m.bottom, m.right);
    }
    if (this.sheet.formattedTo) mark(this.sheet.formattedTo.bottom, this.sheet.formattedTo.right);
    const area = bottom < 0 ? { top: 0, left: 0, bottom: 0, right: 0 } : { top, left, bottom, right };
    return new FakeRange(this.wps, this.sheet, [area]);
  }
  Range(address: string): FakeRange {
    this.hit("Range");
    // Excel's VBA takes addresses of at most 255 characters; WPS is assumed to do the same.
    if (address.length > 255) throw new Error(`区域地址超过 255 个字符：${address.slice(0, 40)}…`);
    return new FakeRange(this.wps, this.sheet, address.split(",").map(parse));
  }
  get Hyperlinks() {
    this.hit("Hyperlinks");
    return {
      Add: (anchor: FakeRange, _address: string, subAddress = "", _tip = "", text = "") => {
        this.wps.counter.hit("Hyperlinks.Add");
        this.sheet.links.push({ cell: addressOf(anchor.area).replace(/\$/g, ""), subAddress, text });
      },
    };
  }
  get Tab() {
    this.hit("Tab");
    return recording(this.wps.counter, "Tab", (p, v) => this.sheet.formatOps.push(`Tab.${p}=${v}`), ["Color"]);
  }
  get PageSetup() {
    this.hit("PageSetup");
    return recording(this.wps.counter, "PageSetup", (p, v) => this.sheet.formatOps.push(`PageSetup.${p}=${v}`), ["Orientation", "PaperSize", "Zoom", "FitToPagesWide", "FitToPagesTall", "PrintTitleRows"]);
  }
  Activate(): void {
    this.hit("Activate");
    this.wps.active = this.sheet;
  }
  Delete(): void {
    this.hit("Delete");
    if (this.wps.alerts) this.wps.log.prompts++;
    if (this.sheet.visible === -1 && this.wps.sheets.filter((s) => s.visible === -1).length === 1) throw new Error("工作簿中至少要有一张可见的工作表");
    this.wps.sheets.splice(this.wps.sheets.indexOf(this.sheet), 1);
    if (this.wps.active === this.sheet) this.wps.active = this.wps.sheets.find((s) => s.visible === -1) ?? null;
  }
  Protect(): void {
    this.hit("Protect");
    this.sheet.protected = true;
  }
}

/** The whole fake: `app` is what WPS puts in `window.Application`. */
export class FakeWps {
  readonly log: FakeWpsLog = { calls: 0, members: new Map(), prompts: 0 };
  readonly counter = new Counter(this.log);
  active: FakeWpsSheet | null;
  selection: { sheet: string; address: string } | null = null;
  alerts = true;
  screenUpdating = true;
  readonly panes: { ID: number; url: string; Visible: boolean }[] = [];
  readonly storage = new Map<string, unknown>();
  readonly app: Record<string, unknown>;
  private added = 0;

  constructor(
    readonly sheets: FakeWpsSheet[],
    readonly bookName = "工作簿1.xlsx",
  ) {
    this.active = sheets.find((s) => s.visible === -1) ?? null;
    // The collections and the application are plain objects with getters, as WPS's are; they close over the fake.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const wps = this;
    const c = this.counter;
    const worksheets = {
      get Count() {
        c.hit("Worksheets.Count");
        return wps.sheets.length;
      },
      Item(i: number | string) {
        c.hit("Worksheets.Item");
        const s = typeof i === "number" ? wps.sheets[i - 1] : wps.sheets.find((x) => x.name.toLowerCase() === String(i).toLowerCase());
        if (typeof i === "number" && (!Number.isInteger(i) || i < 1)) throw new Error(`下标越界：${i}（集合从 1 开始）`);
        if (!s) throw new Error(`下标越界：${i}`);
        return new FakeWorksheet(wps, s);
      },
      Add(before?: FakeWorksheet | null, after?: FakeWorksheet | null) {
        c.hit("Worksheets.Add");
        let name = "";
        do name = `Sheet${++wps.added}`;
        while (wps.sheets.some((s) => s.name === name));
        const sheet = fakeWpsSheet(name, []);
        const at = after ? wps.sheets.indexOf(after.sheet) + 1 : before ? wps.sheets.indexOf(before.sheet) : wps.active ? wps.sheets.indexOf(wps.active) : 0;
        wps.sheets.splice(at, 0, sheet);
        wps.active = sheet;
        return new FakeWorksheet(wps, sheet);
      },
    };
    const workbook = {
      get Name() {
        c.hit("Workbook.Name");
        return wps.bookName;
      },
      get Worksheets() {
        c.hit("Workbook.Worksheets");
        return worksheets;
      },
    };
    const window = recording<Record<string, unknown>>(c, "Window", (p, v) => wps.active?.formatOps.push(`Window.${p}=${v}`), ["SplitRow", "SplitColumn", "FreezePanes"], () => 0);
    this.app = {
      get ActiveWorkbook() {
        c.hit("Application.ActiveWorkbook");
        return workbook;
      },
      get ActiveWindow() {
        c.hit("Application.ActiveWindow");
        return window;
      },
      get DisplayAlerts() {
        c.hit("Application.DisplayAlerts");
        return wps.alerts;
      },
      set DisplayAlerts(v: boolean) {
        c.hit("Application.DisplayAlerts=");
        wps.alerts = v;
      },
      get ScreenUpdating() {
        c.hit("Application.ScreenUpdating");
        return wps.screenUpdating;
      },
      set ScreenUpdating(v: boolean) {
        c.hit("Application.ScreenUpdating=");
        wps.screenUpdating = v;
      },
      CreateTaskPane(url: string) {
        c.hit("Application.CreateTaskPane");
        const pane = { ID: wps.panes.length + 1, url, Visible: false };
        wps.panes.push(pane);
        return pane;
      },
      GetTaskPane(id: number) {
        c.hit("Application.GetTaskPane");
        const pane = wps.panes.find((p) => p.ID === id);
        if (!pane) throw new Error(`没有这个任务窗格：${id}`);
        return pane;
      },
      PluginStorage: { getItem: (k: string) => wps.storage.get(k) ?? null, setItem: (k: string, v: unknown) => void wps.storage.set(k, v) },
    };
  }

  sheet(name: string): FakeWpsSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** A sheet's whole state as JSON, to compare before and after a run. */
  dump(name: string): string {
    const s = this.sheet(name);
    if (!s) return "";
    return JSON.stringify({ ...s, numberFormats: [...s.numberFormats], formulas: [...s.formulas], prefixed: [...s.prefixed] });
  }
}
