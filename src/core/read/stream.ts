/**
 * Stage 0 for a sheet that arrives as a stream of rows (a province's export, read by hosts/stream-sheet.ts): its
 * first rows decide what it is; a list (a header, then one row per indicator or project) is read window by window
 * as the rows come, and nothing holds the whole sheet; anything else is kept whole and read as every sheet is.
 *
 * The windows give the projects a whole-sheet reading gives, by construction: a window is cut only between rows no
 * merge spans and never within the three rows that start a header, the header scan and the list reader carry their
 * state across windows (read/headers.ts HeaderScan, read/list.ts ListReader), and every window is a Sheet holding
 * the rows above the data (title and header) and its own rows, at their sheet row numbers.
 */

import { classifySheet, isLevel3Cell, isScoreCell, type TableKind } from "../classify";
import { Interner } from "../intern";
import { settleTarget } from "../judge";
import type { Project } from "../model";
import { type Area, type CellValue, type IgnoredMerge, isBlank, settleMerges, type SheetSnapshot } from "../sheet";
import { HeaderScan } from "./headers";
import { ListReader } from "./list";
import { emptyReading, type ReadOptions, type StreamedSnapshot } from "./options";
import { Sheet } from "./sheet-view";

/** Rows searched for an indicator header before a sheet is kept whole instead. */
const HEAD_SEARCH = 1000;
/** Rows read past the first indicator header before the sheet's kind is decided (classify.ts reads as far). */
const HEADER_TAIL = 2;
const TABLES = new Set<string>(["target", "monitoring", "self-evaluation"]);

/** A sheet the stream cannot read as it should: too big to keep whole, or rows out of order. Chinese message. */
export class SheetStreamError extends Error {}

export interface SheetStreamOptions {
  /** Rows per window (at least; a window grows until it can be cut). */
  window?: number;
  /** Cells a sheet that is not a list may hold, kept whole. */
  wholeCells: number;
  /** Last year's results: always kept whole (they are read as a table of their own). */
  whole?: boolean;
}

export class SheetStream {
  private phase: "head" | "list" | "whole" = "head";
  /** The head (title and header rows), or the whole sheet once it is kept whole. */
  private readonly rows: CellValue[][] = [];
  private level3At = -1;
  private headMerges: Area[] = [];
  private kind: TableKind = "target";
  /** The window being gathered: rows from `pendingFrom` on. */
  private pending: CellValue[][] = [];
  private pendingFrom = 0;
  private readonly merges: Area[];
  private readonly ignoredMerges: IgnoredMerge[];
  private nextMerge = 0;
  /** The first merge that can start in the next window (merges are sorted by their top row). */
  private windowMerge = 0;
  /** Merges that touch the rows around the newest one. */
  private active: Area[] = [];
  private readonly scan: HeaderScan;
  /** Rows the scan found headers on lately (the cut rule looks three rows back). */
  private readonly headerRows = new Set<number>();
  private processed = -1;
  private reader: ListReader | null = null;
  private settle: ((p: Project) => Project) | undefined;
  private readonly reading = emptyReading();
  private cells = 0;
  private next = 0;
  /** The sheet's size, counted as the rows pass: rows up to the last that holds something, widest row, filled cells. */
  private used = { rows: 0, columns: 0, filled: 0 };

  constructor(
    private readonly name: string,
    private readonly hidden: boolean,
    merges: Area[],
    private readonly file: string,
    private readonly read: ReadOptions,
    private readonly opts: SheetStreamOptions,
  ) {
    // Each merge once, corners in order, overlapping ones set aside as Excel sets them aside (and reported).
    const settled = settleMerges(merges);
    this.merges = settled.kept;
    this.ignoredMerges = settled.ignored;
    this.scan = new HeaderScan(read.layouts);
  }

  /** Rows taken so far. */
  get rowCount(): number {
    return this.next;
  }

  /** Projects read so far (a list's; a sheet kept whole is read after its last row). */
  get projectCount(): number {
    return this.reading.projects.length + (this.reader?.projects.length ?? 0);
  }

  /** Row r (0-based) with its values from column A; rows come in order, blank ones may be left out. */
  push(r: number, values: CellValue[]): void {
    if (r < this.next) throw new SheetStreamError(`工作表“${this.name}”的第 ${r + 1} 行出现在第 ${this.next} 行之后（文件中的行顺序错乱），无法按顺序读取。`);
    while (this.next < r) this.take(this.next, []);
    this.take(r, values);
  }

  private take(r: number, values: CellValue[]): void {
    this.next = r + 1;
    while (this.nextMerge < this.merges.length && this.merges[this.nextMerge].top <= r) this.active.push(this.merges[this.nextMerge++]);
    if (this.active.length > 0) this.active = this.active.filter((m) => m.bottom >= r - 1);
    // A merged cell other than the top-left one reads as empty, as it does in Excel; only the cells the row has are
    // touched, so a merge as wide as the sheet costs what the row holds.
    for (const m of this.active) {
      if (m.top > r || m.bottom < r) continue;
      for (let c = r === m.top ? m.left + 1 : m.left; c <= m.right && c < values.length; c++) values[c] = null;
    }
    let filled = 0;
    for (const v of values) if (!isBlank(v)) filled++;
    if (filled > 0) this.used.rows = r + 1;
    this.used.filled += filled;
    this.used.columns = Math.max(this.used.columns, values.length);
    if (this.phase === "list") return this.listRow(r, values);
    this.cells += values.length;
    if (this.cells > this.opts.wholeCells) {
      throw new SheetStreamError(`工作表“${this.name}”不是一行一个指标（或一个项目）的清单，需整表读入，但已超过 ${this.opts.wholeCells.toLocaleString("en-US")} 个单元格的上限，未读取。请拆分后再处理。`);
    }
    this.rows.push(values);
    if (this.phase !== "head") return;
    if (this.level3At < 0 && values.some(isLevel3Cell)) this.level3At = r;
    if (this.opts.whole || (this.level3At < 0 && r >= HEAD_SEARCH)) this.phase = "whole";
    else if (this.level3At >= 0 && r === this.level3At + HEADER_TAIL) this.decide(r);
  }

  /** The head is in: a list of a project table goes on as a stream; anything else is kept whole. */
  private decide(r: number): void {
    this.headMerges = this.merges.filter((m) => m.top <= r);
    const head = new Sheet(this.snapshot(this.headMerges));
    const cls = classifySheet(head.snap);
    // A target-looking grid with a 得分 column is an evaluation if a 总分 row comes anywhere below: not decided yet.
    const undecided = cls.kind === "target" && this.rows.some((row) => row.some(isScoreCell));
    if (!TABLES.has(cls.kind) || cls.layout !== "list" || undecided) {
      this.phase = "whole";
      return;
    }
    this.kind = cls.kind as TableKind;
    this.phase = "list";
    // A list of target tables is judged project by project as it streams, where the run's rules are given.
    const rules = this.read.settle;
    if (this.kind === "target" && rules) {
      const strings = new Interner(2000, 200_000);
      this.settle = (p) => settleTarget(p, rules, strings);
    }
    // The head's rows but its last are judged now; the last when the row after it comes.
    for (let x = 0; x < r; x++) this.visit(head, x);
    this.pendingFrom = r + 1;
  }

  private visit(s: Sheet, x: number): void {
    const values = s.snap.rows[x - s.snap.top] ?? [];
    if (this.scan.mayHold(values) && this.scan.visit(s, x)) this.headerRows.add(x);
  }

  /** Judges row x, given its values and the next row's (a header a layout profile describes may take two rows). */
  private judge(x: number, rows: CellValue[][]): void {
    if (!this.scan.mayHold(rows[0])) return;
    const around = this.active.filter((m) => m.top <= x + rows.length - 1 && m.bottom >= x);
    this.visit(new Sheet({ name: this.name, rows, top: x, left: 0, merges: around, hidden: this.hidden }), x);
  }

  private listRow(r: number, values: CellValue[]): void {
    this.pending.push(values);
    // Row r-1 is judged with the row below it.
    const x = r - 1;
    this.judge(x, [this.held(x), values]);
    // A cut before row x: none of x, x-1, x-2 starts a header (so a header's own rows stay together), no merge
    // spans x-1 and x, and the window is long enough.
    const long = x - this.pendingFrom >= (this.opts.window ?? 2000);
    if (!long || this.headerRows.has(x) || this.headerRows.has(x - 1) || this.headerRows.has(x - 2)) return;
    if (this.active.some((m) => m.top <= x - 1 && m.bottom >= x)) return;
    this.flush(x - 1);
  }

  /** Reads the pending rows up to `to` (a sheet row) as one window. */
  private flush(to: number): void {
    const count = to - this.pendingFrom + 1;
    const window = this.pending.slice(0, count);
    const headEnd = this.rows.length - 1;
    while (this.windowMerge < this.merges.length && this.merges[this.windowMerge].top < this.pendingFrom) this.windowMerge++;
    const merges = [...this.headMerges];
    for (let i = this.windowMerge; i < this.merges.length && this.merges[i].top <= to; i++) merges.push(this.merges[i]);
    const snap = this.snapshot(merges, window);
    if (this.pendingFrom > headEnd + 1) snap.gap = { at: headEnd + 1, rows: this.pendingFrom - headEnd - 1 };
    const s = new Sheet(snap);
    for (const h of this.scan.rows) {
      if (h <= this.processed || h > to) continue;
      this.reader?.read(s, h - 1);
      this.closeReader();
      this.reader = new ListReader(s, this.file, this.kind, h, this.read, this.settle);
    }
    this.reader?.read(s, to);
    this.processed = to;
    this.pending = this.pending.slice(count);
    this.pendingFrom = to + 1;
    for (const h of this.headerRows) if (h < to - 3) this.headerRows.delete(h);
  }

  /** Row x as it was taken: in the window being gathered, or in the head. */
  private held(x: number): CellValue[] {
    return (x >= this.pendingFrom ? this.pending[x - this.pendingFrom] : this.rows[x]) ?? [];
  }

  /** The list under the current header is done: its projects join the sheet's. */
  private closeReader(): void {
    for (const p of this.reader?.finish() ?? []) this.reading.projects.push(p);
    this.reader = null;
  }

  private snapshot(merges: Area[], more: CellValue[][] = []): SheetSnapshot {
    return { name: this.name, rows: more.length > 0 ? [...this.rows, ...more] : this.rows, top: 0, left: 0, merges, hidden: this.hidden };
  }

  /**
   * The sheet once every row is in: a list's head with what its rows gave (`streamed`), or the whole sheet as a host
   * that reads whole would give it (trailing blank rows dropped).
   */
  end(): StreamedSnapshot {
    if (this.phase === "list") {
      const last = this.next - 1;
      this.judge(last, [this.held(last)]);
      if (last > this.processed) this.flush(last);
      this.closeReader();
      return { ...this.snapshot(this.headMerges), streamed: { reading: this.reading, ...this.used }, ignoredMerges: this.ignoredMerges };
    }
    let last = this.rows.length;
    while (last > 0 && this.rows[last - 1].every((v) => v === null)) last--;
    this.rows.length = last;
    return { ...this.snapshot(this.merges), ignoredMerges: this.ignoredMerges };
  }
}
