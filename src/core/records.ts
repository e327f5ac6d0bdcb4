import { a1 } from "./address";
import type { Located } from "./model";
import type { CellValue, SheetSnapshot } from "./sheet";
import { cellText, normalizeLabel } from "./text";

/** A project as a list sheet names it (预算项目清单, 上年评价结果, 整改情况表): where its row is, and who it is. */
export interface ListedProject {
  file: string;
  sheet: string;
  /** A1 address of the row's key cell (项目名称, or the 问题 of a 整改情况表), for findings. */
  cell: string;
  code: string;
  name: string;
  unit: string;
}

/** One data row of a list sheet, its cells by role. */
export interface RecordRow<K extends string> {
  /** 0-based row in the snapshot. */
  row: number;
  cells: Partial<Record<K, Located>>;
}

export interface RecordTable<K extends string> {
  /** The budget or evaluation year a title above the header names (2026年度…), where one does. */
  year: number | null;
  /** A1 address of the header row's first label. */
  header: string;
  rows: RecordRow<K>[];
}

const TOTAL = /^(合计|总计|小计)$/;
const YEAR = /(20\d{2})\s*年/;

/**
 * A list sheet read by its labels (预算项目清单, 上年评价结果, 整改情况表): the header is the first row holding the
 * `key` column's label, every column is found by its label in any order, and the rows below run to a 合计 row.
 * A row without the key is skipped, not an end: lists carry blank spacer rows.
 */
export function readRecords<K extends string>(sheet: SheetSnapshot, columns: [RegExp, K][], key: K): RecordTable<K> | null {
  let year: number | null = null;
  for (let r = 0; r < sheet.rows.length; r++) {
    const cols = new Map<K, number>();
    let first = -1;
    sheet.rows[r].forEach((v, c) => {
      if (typeof v !== "string") return;
      const l = normalizeLabel(v).replace(/\((万元|元)\)$/, "");
      const hit = columns.find(([re]) => re.test(l));
      if (hit && !cols.has(hit[1])) {
        cols.set(hit[1], c);
        if (first < 0) first = c;
      }
    });
    if (!cols.has(key)) {
      const title = sheet.rows[r].find((v) => typeof v === "string" && YEAR.test(v));
      if (year === null && typeof title === "string") year = Number(YEAR.exec(title)![1]);
      continue;
    }
    const rows: RecordRow<K>[] = [];
    const keyCol = cols.get(key)!;
    for (let rr = r + 1; rr < sheet.rows.length; rr++) {
      const k = cellText(sheet.rows[rr]?.[keyCol] ?? null).trim();
      if (!k) continue;
      if (TOTAL.test(normalizeLabel(k))) break;
      const cells: Partial<Record<K, Located>> = {};
      for (const [role, c] of cols) cells[role] = { value: sheet.rows[rr]?.[c] ?? null, cell: a1(sheet.top + rr, sheet.left + c) };
      rows.push({ row: rr, cells });
    }
    return { year, header: a1(sheet.top + r, sheet.left + Math.max(first, 0)), rows };
  }
  return null;
}

/** The trimmed text of a record's cell ("" where the list has no such column). */
export function recordText<K extends string>(row: RecordRow<K>, role: K): string {
  return cellText(row.cells[role]?.value ?? null).trim();
}

const DAY = 86_400_000;
/** Excel's day 0 is 1899-12-30 in the 1900 date system (serial 60 is the fictitious 1900-02-29). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * A date as a clerk writes it: a date cell, an Excel serial (hosts that read values give 46022 for 2026-01-01), or
 * text 2026-12-20, 2026/12/20, 2026.12.20, 2026年12月20日. Returns UTC midnight, or null.
 */
export function readDate(v: CellValue): Date | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : new Date(Date.UTC(v.getUTCFullYear(), v.getUTCMonth(), v.getUTCDate()));
  if (typeof v === "number") return v >= 20000 && v < 80000 ? new Date(EXCEL_EPOCH + Math.floor(v) * DAY) : null;
  if (typeof v !== "string") return null;
  const m = /(20\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(v);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? date : null;
}

export const addDays = (d: Date, days: number): Date => new Date(d.getTime() + days * DAY);

/** 2026年12月31日 */
export function chineseDate(d: Date): string {
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}
