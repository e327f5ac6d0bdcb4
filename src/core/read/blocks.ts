import { a1 } from "../address";
import type { Indicator, IndicatorColumn, Located } from "../model";
import { isBlank } from "../sheet";
import { cellText } from "../text";
import { readNumberCell } from "../values";
import type { Sheet } from "./sheet-view";

/**
 * Two things a form's grid says by its shape rather than its words: an indicator whose name cell is merged down over
 * several sub-criterion rows (①②③④, each with its own points) is one indicator; and a dimension the form lays out
 * (a 一级 or 二级 cell) with no indicator rows beside it is a dimension left empty.
 */

/** Columns whose numbers add up over an indicator's sub-criterion rows. */
const SUMMED: IndicatorColumn[] = ["weight", "score", "reviewScore"];
/** Columns whose first written value stands for the whole indicator. */
const FIRST: IndicatorColumn[] = ["target", "actual", "progress", "expected", "reason", "reviewActual", "deduction", "clue", "nature", "measure", "possibility", "correction"];

/**
 * The indicator a row belongs to as one of its sub-criteria: the row's 三级指标 cell lies in a merge that starts on an
 * earlier row holding that indicator. Null for a row of its own.
 */
export function subCriterionOwner(s: Sheet, r: number, level3Column: number | undefined, earlier: Indicator[]): Indicator | null {
  if (level3Column === undefined) return null;
  const m = s.areaAt(r, level3Column);
  if (!m || m.top >= r) return null;
  for (let i = earlier.length - 1; i >= 0; i--) if (earlier[i].row === m.top) return earlier[i];
  return null;
}

/**
 * Folds a sub-criterion row into its indicator: points and scores add up (a cell merged over the rows counts once,
 * as its merge shows it), other columns keep the first value written. A cell that is not a number is left for the
 * reader's own checks on the indicator's first row.
 */
export function foldSubCriterion(s: Sheet, owner: Indicator, r: number, cells: Partial<Record<IndicatorColumn, Located>>, columnOf: (role: IndicatorColumn) => number | undefined): void {
  owner.span = (owner.span ?? 1) + 1;
  for (const role of SUMMED) {
    const c = columnOf(role);
    const loc = cells[role];
    if (c === undefined || !loc || isBlank(loc.value)) continue;
    const m = s.areaAt(r, c);
    if (m && m.top < r && m.top <= owner.row) continue;
    const here = readNumberCell(loc.value, false);
    const base = owner.cells[role];
    const before = base && !isBlank(base.value) ? readNumberCell(base.value, false) : { kind: "number" as const, value: 0, percent: false };
    if (here.kind !== "number" || before.kind !== "number") continue;
    owner.cells[role] = { value: Math.round((before.value + here.value) * 1e6) / 1e6, cell: base?.cell ?? loc.cell };
  }
  for (const role of FIRST) {
    const loc = cells[role];
    if (!loc || isBlank(loc.value)) continue;
    const base = owner.cells[role];
    if (!base || isBlank(base.value)) owner.cells[role] = loc;
  }
}

/** A 一级 or 二级 block of a grid, from the cell that names it, with how many indicator rows it holds. */
export interface Block {
  level: "level1" | "level2";
  label: string;
  cell: string;
  count: number;
  /** A 二级 block's 一级 block. */
  parent?: Block;
}

/** Tracks the blocks a grid lays out as its rows are walked. */
export class BlockTracker {
  readonly blocks: Block[] = [];
  private open: Partial<Record<Block["level"], Block>> = {};

  /** A row's level cells: a written value that differs from the open block's starts a new block there. */
  visit(s: Sheet, r: number, columns: Partial<Record<Block["level"], number>>): void {
    for (const level of ["level1", "level2"] as const) {
      const c = columns[level];
      if (c === undefined || s.isMergedSlave(r, c)) continue;
      const v = s.raw(r, c);
      if (isBlank(v)) continue;
      const label = cellText(v).trim();
      if (this.open[level]?.label === label) continue;
      const b: Block = { level, label, cell: a1(r, c), count: 0, parent: level === "level2" ? this.open.level1 : undefined };
      this.blocks.push(b);
      this.open[level] = b;
      if (level === "level1") delete this.open.level2;
    }
  }

  /** An indicator row counts for the blocks open above it. */
  count(): void {
    for (const b of Object.values(this.open)) if (b) b.count++;
  }

  /** The blocks without any indicator row; a 二级 block of an empty 一级 block is that block's. */
  empty(): Block[] {
    return this.blocks.filter((b) => b.count === 0 && !(b.parent && b.parent.count === 0));
  }
}

/** Points written inside a label: 相关性（5分）, 产出指标(50分), 部门决策（25 分） → 5, 50, 25; else null. */
export function pointsInLabel(text: string): number | null {
  const m = /[(（]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]\s*$/.exec(text.trim());
  return m ? Number(m[1]) : null;
}

/**
 * A grid without a 分值 / 权重 column that writes its points inside the names at every level (部门决策（25分） ⊃
 * 目标任务（15分） ⊃ 相关性（5分））: the points are read from the names, each at the cell that states it. The levels'
 * points count only where the 三级 names carry theirs too.
 */
export function pointsFromNames(s: Sheet, r: number, cells: Partial<Record<IndicatorColumn, Located>>, levelColumns: Partial<Record<"level1" | "level2", number>>): void {
  const l3 = cells.level3;
  const own = l3 ? pointsInLabel(cellText(l3.value)) : null;
  if (own === null || !l3) return;
  cells.weight = { value: own, cell: l3.cell };
  for (const level of ["level1", "level2"] as const) {
    const c = levelColumns[level];
    if (c === undefined) continue;
    const m = s.areaAt(r, c);
    const points = pointsInLabel(cellText(s.get(r, c)));
    if (points !== null) cells[level === "level1" ? "level1Weight" : "level2Weight"] = { value: points, cell: m ? a1(m.top, m.left) : a1(r, c) };
  }
}
