import type { Area, SheetSpec, SpecCell } from "../core/sheet";
import { fitCellText, looksLikeFormula } from "./host";
import { utf8Length } from "../core/text";

export type SetSupported = (name: string, minVersion?: string) => boolean;

/** What the Office host needs around its batches: cell values and formats, the features a host has, request sizes. */
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
export const OP_BYTES = 96;

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
