import { a1 } from "../address";
import type { Located } from "../model";
import { type Area, type CellValue, isBlank, type SheetSnapshot } from "../sheet";
import { normalizeLabel } from "../text";

/** One number per cell for the maps below (a sheet has at most 16,384 columns). */
const cellKey = (r: number, c: number) => r * 16384 + c;

/** A sheet with merged areas resolved: a cell inside a merge reads as the merge's top-left value. */
export class Sheet {
  private readonly master = new Map<number, [number, number]>();
  private readonly areas = new Map<number, Area>();

  constructor(readonly snap: SheetSnapshot) {
    for (const m of snap.merges) {
      if ((m.bottom - m.top + 1) * (m.right - m.left + 1) > 20_000) continue;
      this.areas.set(cellKey(m.top, m.left), m);
      for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) this.master.set(cellKey(r, c), [m.top, m.left]);
    }
  }

  /** The merged area (r, c) lies in, if any. */
  areaAt(r: number, c: number): Area | null {
    const m = this.master.get(cellKey(r, c));
    return this.areas.get(m ? cellKey(m[0], m[1]) : cellKey(r, c)) ?? null;
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
  get maxRight(): number {
    let w = 0;
    for (const r of this.snap.rows) w = Math.max(w, r.length);
    return this.snap.left + w - 1;
  }

  raw(r: number, c: number): CellValue {
    return this.snap.rows[this.index(r)]?.[c - this.snap.left] ?? null;
  }

  /** The value shown at (r, c): merged cells show their top-left value. */
  get(r: number, c: number): CellValue {
    const m = this.master.get(cellKey(r, c));
    return m ? this.raw(m[0], m[1]) : this.raw(r, c);
  }

  isMergedSlave(r: number, c: number): boolean {
    return this.master.has(cellKey(r, c));
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

