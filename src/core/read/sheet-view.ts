import { a1 } from "../address";
import type { Located } from "../model";
import { type Area, type CellValue, isBlank, settleMerges, type SheetSnapshot } from "../sheet";
import { normalizeLabel } from "../text";

/**
 * A sheet's merged areas indexed by column: per column, the merges over it sorted by their top row, found by a
 * binary search. A merge is clipped to the sheet's used area (its rows and columns that hold something) before it is
 * indexed, so a merge of J1:XFD1048576 beside a 20-row table costs what its 20 rows cost, not 17 billion cells.
 */
class MergeIndex {
  private readonly byColumn = new Map<number, Area[]>();

  constructor(merges: readonly Area[], bottom: number, right: number) {
    for (const m of settleMerges(merges).kept) {
      if (m.top > bottom || m.left > right) continue;
      // The top-left corner stays where it is (a merge shows its value); only the far edges are cut.
      const area = m.bottom > bottom || m.right > right ? { ...m, bottom: Math.min(m.bottom, bottom), right: Math.min(m.right, right) } : m;
      for (let c = area.left; c <= area.right; c++) {
        const list = this.byColumn.get(c);
        if (list) list.push(area);
        else this.byColumn.set(c, [area]);
      }
    }
  }

  /** The merge over (r, c), if any. */
  at(r: number, c: number): Area | null {
    const list = this.byColumn.get(c);
    if (!list) return null;
    // The last merge in this column that starts at or above r (they are sorted by top and never overlap).
    let lo = 0;
    let hi = list.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (list[mid].top <= r) lo = mid;
      else hi = mid - 1;
    }
    const m = list[lo];
    return m.top <= r && m.bottom >= r ? m : null;
  }
}

/** A sheet with merged areas resolved: a cell inside a merge reads as the merge's top-left value. */
export class Sheet {
  private readonly merges: MergeIndex | null;
  readonly maxRight: number;

  constructor(readonly snap: SheetSnapshot) {
    let w = 0;
    for (const r of snap.rows) if (r.length > w) w = r.length;
    this.maxRight = snap.left + w - 1;
    this.merges = snap.merges.length > 0 ? new MergeIndex(snap.merges, this.bottom, this.maxRight) : null;
  }

  /** The merged area (r, c) lies in, if any (clipped to the used area). */
  areaAt(r: number, c: number): Area | null {
    return this.merges ? this.merges.at(r, c) : null;
  }

  get top(): number {
    return this.snap.top;
  }
  get bottom(): number {
    return this.snap.top + this.snap.rows.length - 1 + (this.snap.gap?.rows ?? 0);
  }

  /** The index in `rows` of sheet row r (-1 for a row of a window's gap). */
  private index(r: number): number {
    const i = r - this.snap.top;
    const gap = this.snap.gap;
    if (!gap || i < gap.at) return i;
    return i < gap.at + gap.rows ? -1 : i - gap.rows;
  }
  get left(): number {
    return this.snap.left;
  }
  right(row: number): number {
    return this.snap.left + (this.snap.rows[this.index(row)]?.length ?? 0) - 1;
  }

  raw(r: number, c: number): CellValue {
    return this.snap.rows[this.index(r)]?.[c - this.snap.left] ?? null;
  }

  /** The value shown at (r, c): merged cells show their top-left value. */
  get(r: number, c: number): CellValue {
    const m = this.merges?.at(r, c);
    return m ? this.raw(m.top, m.left) : this.raw(r, c);
  }

  isMergedSlave(r: number, c: number): boolean {
    const m = this.merges?.at(r, c);
    return m ? m.top !== r || m.left !== c : false;
  }

  label(r: number, c: number): string {
    const v = this.raw(r, c);
    return typeof v === "string" ? normalizeLabel(v).replace(/[:：]$/, "") : "";
  }

  located(r: number, c: number): Located {
    return { value: this.get(r, c), cell: a1(r, c) };
  }

  rowBlank(r: number): boolean {
    const row = this.snap.rows[this.index(r)];
    return !row || row.every(isBlank);
  }
}

