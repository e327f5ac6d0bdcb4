/** Stage 3 — walk the indicator rows under a header, to the next header, a footer or the end of the form. */

import { a1 } from "../address";
import { type FieldKey, type Indicator, type IndicatorColumn, type Located, type Project } from "../model";
import { isBlank } from "../sheet";
import { cellText, normalizeLabel } from "../text";
import { parseTarget } from "../values";
import { type Block, BlockTracker, foldSubCriterion, pointsFromNames, subCriterionOwner } from "./blocks";
import type { Sheet } from "./sheet-view";
import { totalRow } from "./totals";
import { FIELD_ROLES, FOOTER, type FundsColumn, TOTAL } from "./labels";
import { type Columns, TICK } from "./columns";
import { firstText, isTitleLine } from "./headers";

interface GridRow {
  row: number;
  indicator: Indicator | null;
  fields: Partial<Record<FieldKey, Located>>;
  funds: Partial<Record<FundsColumn, Located>>;
}

export interface Grid {
  columns: Columns;
  rows: GridRow[];
  total: Project["total"];
  end: number;
  /** 一级 / 二级 blocks the grid lays out with no indicator rows in them. */
  emptyBlocks: Block[];
}

const PLACEHOLDER_ROW = /^([.…。·、]+|等|其他……|\.{3,})$/;

/** Reads indicator rows from `columns.dataStart` until the next header row, a footer, or `limit`. */
export function readGrid(s: Sheet, columns: Columns, limit: number, fillNames: boolean): Grid {
  const walker = new GridWalker(columns, fillNames);
  const rows = walker.walk(s, limit);
  return { columns, rows, total: walker.total, end: walker.end, emptyBlocks: walker.emptyBlocks() };
}

/**
 * The walk over a grid's rows, resumable: a list read as a stream is walked window by window (read/list.ts), each
 * call going on from the row the last one stopped at with the same carried state (the 一级 / 二级 names written
 * once above their rows, the project name merged or written once, the blocks, the indicators a merge folds into),
 * so that the rows it gives are the rows a walk over the whole sheet gives.
 */
export class GridWalker {
  total: Project["total"] = null;
  /** The row the next walk starts at; past `limit` when a footer or the next form ended the grid. */
  end: number;
  private stopped = false;
  private level1 = "";
  private level2 = "";
  private name = "";
  private readonly tracker = new BlockTracker();
  private readonly indicators: Indicator[] = [];
  private readonly levelColumns: { level1?: number; level2?: number };

  constructor(
    readonly columns: Columns,
    private readonly fillNames: boolean,
  ) {
    this.end = columns.dataStart;
    this.levelColumns = { level1: columns.byRole.get("level1"), level2: columns.byRole.get("level2") };
  }

  /** 一级 / 二级 blocks laid out with no indicator rows in them, so far. */
  emptyBlocks(): Block[] {
    return this.tracker.empty();
  }

  /** The rows from where the last walk stopped to `limit`, or to a footer (after which no walk gives any). */
  walk(s: Sheet, limit: number): GridRow[] {
    const rows: GridRow[] = [];
    if (this.stopped) return rows;
    const { columns, fillNames, tracker, indicators, levelColumns } = this;
    let r = this.end;
    for (; r <= limit; r++) {
      if (s.rowBlank(r)) continue;
      const first = firstText(s, r);
      if (FOOTER.test(first) || (!fillNames && (/^项目名称/.test(first) || isTitleLine(s, r)))) {
        // The next form on the sheet: its title line, or its 项目名称 (a form's grid, not a list's rows).
        this.stopped = true;
        break;
      }
      if (TOTAL.test(first)) {
        this.total = totalRow(s, r, columns.byRole.get("weight"), columns.byRole.get("score"));
        continue;
      }
      const cells: Partial<Record<IndicatorColumn, Located>> = {};
      const fields: Partial<Record<FieldKey, Located>> = {};
      for (const [c, role] of columns.roles) {
        const loc: Located = { value: s.raw(r, c), cell: a1(r, c) };
        if (FIELD_ROLES.has(role)) {
          if (role === "name" && fillNames) {
            const v = s.get(r, c);
            if (!isBlank(v)) this.name = cellText(v).trim();
            fields.name = { value: this.name || null, cell: loc.cell };
          } else if (!isBlank(loc.value)) fields[role as FieldKey] = loc;
          // A project column merged down over its rows shows its value on each of them.
          else if (s.isMergedSlave(r, c) && !isBlank(s.get(r, c))) fields[role as FieldKey] = { value: s.get(r, c), cell: loc.cell };
        } else {
          cells[role as IndicatorColumn] = loc;
        }
      }
      for (const level of ["level1", "level2"] as const) {
        const c = columns.levelWeights[level];
        if (c === undefined) continue;
        const m = s.areaAt(r, c);
        cells[level === "level1" ? "level1Weight" : "level2Weight"] = { value: s.get(r, c), cell: m ? a1(m.top, m.left) : a1(r, c) };
      }
      for (const [role, group] of columns.choices) {
        if (cells[role as IndicatorColumn] && !isBlank(cells[role as IndicatorColumn]!.value)) continue;
        const ticked = group.columns.flatMap((c, i) => (TICK.test(normalizeLabel(cellText(s.raw(r, c)))) ? [{ c, label: group.labels[i] }] : []));
        const other = group.columns.find((c, i) => /其他/.test(group.labels[i]) && !isBlank(s.raw(r, c)) && !TICK.test(normalizeLabel(cellText(s.raw(r, c)))));
        const value = [...ticked.map((t) => t.label), ...(other !== undefined ? [cellText(s.raw(r, other))] : [])].join("、");
        cells[role as IndicatorColumn] = { value: value || null, cell: a1(r, ticked[0]?.c ?? other ?? group.columns[0]) };
      }
      const owner = subCriterionOwner(s, r, columns.byRole.get("level3"), indicators);
      if (owner) {
        foldSubCriterion(s, owner, r, cells, (role) => columns.byRole.get(role));
        rows.push({ row: r, indicator: null, fields, funds: {} });
        continue;
      }
      // A list's rows are many projects' indicators: its blocks are not a form's layout, so they are not tracked.
      if (!fillNames) tracker.visit(s, r, levelColumns);
      if (!columns.byRole.has("weight") && columns.levelWeights.level1 === undefined && columns.levelWeights.level2 === undefined) {
        pointsFromNames(s, r, cells, levelColumns);
      }
      const l1 = cells.level1 ? s.get(r, columns.byRole.get("level1")!) : null;
      const l2 = cells.level2 ? s.get(r, columns.byRole.get("level2")!) : null;
      if (!isBlank(l1)) {
        const t = cellText(l1).trim();
        if (t !== this.level1) this.level2 = "";
        this.level1 = t;
      }
      if (!isBlank(l2)) this.level2 = cellText(l2).trim();
      // A row the form prints as a placeholder (……, …, 等) holds nothing.
      const filled = (loc: Located | undefined) => Boolean(loc) && !isBlank(loc!.value) && !PLACEHOLDER_ROW.test(cellText(loc!.value).trim());
      const l3 = filled(cells.level3) ? cellText(cells.level3!.value).trim() : "";
      const hasData = (["target", "actual", "progress", "score"] as const).some((k) => filled(cells[k]));
      const indicator: Indicator | null =
        l3 || hasData
          ? { row: r, level1: this.level1, level2: this.level2, level3: l3, target: parseTarget(cells.target?.value ?? null), cells }
          : null;
      if (indicator) {
        indicators.push(indicator);
        if (!fillNames) tracker.count();
      }
      rows.push({ row: r, indicator, fields, funds: {} });
    }
    this.end = r;
    this.forget(s, r);
    return rows;
  }

  /**
   * The indicators a later row can still fold into: those whose 三级指标 cell is merged down past the rows walked.
   * A stream's windows are cut where no merge spans the cut, so between windows that is none, and a list of a
   * province's projects is not held twice (once here, once in its projects).
   */
  private forget(s: Sheet, next: number): void {
    const c = this.columns.byRole.get("level3");
    const open = this.indicators.filter((i) => {
      const m = c === undefined ? null : s.areaAt(i.row, c);
      return m !== null && m.top === i.row && m.bottom >= next;
    });
    this.indicators.length = 0;
    this.indicators.push(...open);
  }
}
