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
  const rows: GridRow[] = [];
  let total: Project["total"] = null;
  let level1 = "";
  let level2 = "";
  let name = "";
  let r = columns.dataStart;
  const tracker = new BlockTracker();
  const levelColumns = { level1: columns.byRole.get("level1"), level2: columns.byRole.get("level2") };
  const indicators: Indicator[] = [];
  for (; r <= limit; r++) {
    if (s.rowBlank(r)) continue;
    const first = firstText(s, r);
    if (FOOTER.test(first)) break;
    // The next form on the sheet: its title line, or its 项目名称 (a form's grid, not a list's rows).
    if (!fillNames && (/^项目名称/.test(first) || isTitleLine(s, r))) break;
    if (TOTAL.test(first)) {
      total = totalRow(s, r, columns.byRole.get("weight"), columns.byRole.get("score"));
      continue;
    }
    const cells: Partial<Record<IndicatorColumn, Located>> = {};
    const fields: Partial<Record<FieldKey, Located>> = {};
    for (const [c, role] of columns.roles) {
      const loc: Located = { value: s.raw(r, c), cell: a1(r, c) };
      if (FIELD_ROLES.has(role)) {
        if (role === "name" && fillNames) {
          const v = s.get(r, c);
          if (!isBlank(v)) name = cellText(v).trim();
          fields.name = { value: name || null, cell: loc.cell };
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
    tracker.visit(s, r, levelColumns);
    if (!columns.byRole.has("weight") && columns.levelWeights.level1 === undefined && columns.levelWeights.level2 === undefined) {
      pointsFromNames(s, r, cells, levelColumns);
    }
    const l1 = cells.level1 ? s.get(r, columns.byRole.get("level1")!) : null;
    const l2 = cells.level2 ? s.get(r, columns.byRole.get("level2")!) : null;
    if (!isBlank(l1)) {
      const t = cellText(l1).trim();
      if (t !== level1) level2 = "";
      level1 = t;
    }
    if (!isBlank(l2)) level2 = cellText(l2).trim();
    // A row the form prints as a placeholder (……, …, 等) holds nothing.
    const filled = (loc: Located | undefined) => Boolean(loc) && !isBlank(loc!.value) && !PLACEHOLDER_ROW.test(cellText(loc!.value).trim());
    const l3 = filled(cells.level3) ? cellText(cells.level3!.value).trim() : "";
    const hasData = (["target", "actual", "progress", "score"] as const).some((k) => filled(cells[k]));
    const indicator: Indicator | null =
      l3 || hasData
        ? { row: r, level1, level2, level3: l3, target: parseTarget(cells.target?.value ?? null), cells }
        : null;
    if (indicator) {
      indicators.push(indicator);
      tracker.count();
    }
    rows.push({ row: r, indicator, fields, funds: {} });
  }
  return { columns, rows, total, end: r, emptyBlocks: tracker.empty() };
}
