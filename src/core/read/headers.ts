/** Stage 1 — find the headers: the rows that head an indicator grid, the form titles that start a new form. */

import { a1 } from "../address";
import { isBlank } from "../sheet";
import { normalizeLabel } from "../text";
import { readNumberCell } from "../values";
import type { Sheet } from "./sheet-view";
import { columnRole, FIELD_ROLES, rankedRole } from "./labels";
import { fingerprint, headerLabels, type LayoutProfile } from "./layout";

const LEVEL3_HINT = /三\s*级|指\s*标\s*名\s*称|指\s*标\s*内\s*容|绩\s*效\s*指\s*标/;

/**
 * A merged label that runs from its row down past the header's own two rows, as 绩效指标 does beside the whole grid
 * of the MoF forms (or 项目资金 beside the funds rows): it groups what stands to its right and is not a column.
 */
export function isGroupLabel(s: Sheet, r: number, c: number): boolean {
  const m = s.areaAt(r, c);
  return m !== null && m.left === c && m.bottom >= r + 2;
}

/** A label merged down over two rows or more with short labels beside it in at least two of those rows: a group. */
export function isGroupOfLabels(s: Sheet, r: number, c: number): boolean {
  const m = s.areaAt(r, c);
  if (!m || m.top !== r || m.left !== c || m.bottom < r + 1) return false;
  let labels = 0;
  for (let y = m.top; y <= m.bottom; y++) {
    const v = s.raw(y, m.right + 1);
    if (typeof v === "string" && normalizeLabel(v).length <= 10 && readNumberCell(v).kind === "text") labels++;
  }
  return labels >= 2;
}

/** The most specific level-3 label of a row (its rank; lower is more specific), ignoring group labels. */
function level3Rank(s: Sheet, r: number): number | null {
  let best: number | null = null;
  for (let c = s.left; c <= s.right(r); c++) {
    const v = s.raw(r, c);
    // Only a cell that could be a level-3 header (三级指标, 指标名称, 绩效指标) is worth normalising.
    if (typeof v !== "string" || !LEVEL3_HINT.test(v) || isGroupLabel(s, r, c)) continue;
    const hit = rankedRole(s.label(r, c));
    if (hit?.role === "level3" && (best === null || hit.rank < best)) best = hit.rank;
  }
  return best;
}

/**
 * Rows that head an indicator grid, anywhere in the used range. Where a row holds only a general label
 * (绩效指标 over the columns) and the row below it a more specific one (三级指标), the lower row is the header.
 */
export function findHeaderRows(s: Sheet, profiles?: readonly LayoutProfile[]): number[] {
  const scan = new HeaderScan(profiles);
  for (let r = s.top; r <= s.bottom; r++) scan.visit(s, r);
  return scan.rows;
}

/**
 * findHeaderRows one row at a time, for a sheet read as a stream: each row is judged by itself (and, for a header a
 * layout profile describes, the row below it), and a more specific header right below a general one takes its place.
 */
export class HeaderScan {
  readonly rows: number[] = [];
  private previous: { row: number; rank: number } | null = null;
  /** A header the clerk described in a layout profile is a header, whatever its words. */
  private readonly described: Set<string>;

  constructor(profiles?: readonly LayoutProfile[]) {
    this.described = new Set((profiles ?? []).filter((p) => p.roles.some((x) => x.role === "level3")).map((p) => p.fingerprint));
  }

  /** Whether a row of these values could be a header at all (else visit would find nothing in it). */
  mayHold(values: readonly unknown[]): boolean {
    return this.described.size > 0 || values.some((v) => typeof v === "string" && LEVEL3_HINT.test(v));
  }

  /** Judges row r of `s`; true when it is (for now) a header. */
  visit(s: Sheet, r: number): boolean {
    const { described } = this;
    const rank = level3Rank(s, r) ?? (described.size > 0 && !s.rowBlank(r) && described.has(fingerprint(headerLabels(s, r))) ? 0 : null);
    if (rank === null) return false;
    if (this.previous && this.previous.row === r - 1 && rank < this.previous.rank) this.rows.pop();
    this.rows.push(r);
    this.previous = { row: r, rank };
    return true;
  }
}

const GRID_HINT = /指标|值|分|单位|性质|符号|权重|原因|可能/;

/** The row that looks most like an indicator header although it has no level-3 column, for the user to check. */
export function gridWithoutLevel3(s: Sheet): { row: number; cell: string; labels: string[] } | null {
  let best: { row: number; cell: string; labels: string[] } | null = null;
  for (let r = s.top; r <= s.bottom; r++) {
    const labels: string[] = [];
    let first = -1;
    for (let c = s.left; c <= s.right(r); c++) {
      const v = s.raw(r, c);
      // Only short texts with a header's words are worth matching (a huge sheet without a header stays fast).
      if (typeof v !== "string" || v.length > 30 || !GRID_HINT.test(v)) continue;
      const l = s.label(r, c);
      const role = l ? columnRole(l) : null;
      if (role && role !== "ignore" && !FIELD_ROLES.has(role)) {
        labels.push(l);
        if (first < 0) first = c;
      }
    }
    if (labels.length >= 2 && (!best || labels.length > best.labels.length)) best = { row: r + 1, cell: a1(r, first), labels };
  }
  return best;
}

/** A form's title line: …绩效目标申报表, …绩效自评表, …绩效评价表, …监控表, …评价指标体系. */
const FORM_TITLE = /绩效.*(表|体系)$/;

export function isTitleLine(s: Sheet, r: number): boolean {
  let at = -1;
  for (let c = s.left; c <= s.right(r); c++) {
    if (isBlank(s.raw(r, c))) continue;
    if (at >= 0) return false;
    at = c;
  }
  return at >= 0 && FORM_TITLE.test(s.label(r, at));
}

export function firstText(s: Sheet, r: number): string {
  for (let c = s.left; c <= s.right(r); c++) {
    const l = s.label(r, c);
    if (l) return l;
  }
  return "";
}
