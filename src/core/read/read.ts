import { a1 } from "../address";
import { readBudgetList } from "./budget-list";
import { readPreviousResults } from "./previous-results";
import { readRectification } from "./rectification";
import { classifySheet, KIND_NAMES, type Layout, type TableKind } from "../classify";
import { finding, type Finding, type FindingRules } from "../findings";
import { FIELD_NAMES, type FieldKey, type Indicator, type IndicatorColumn, type Located, type Project } from "../model";
import { ownedSheets } from "../owned";
import { isBlank, isCellError, type WorkbookSnapshot } from "../sheet";
import { cellText, normalizeLabel } from "../text";
import { parseTarget, readNumberCell } from "../values";
import { DEFAULT_RULES } from "../rules/ruleset";
import { type Block, BlockTracker, foldSubCriterion, pointsFromNames, subCriterionOwner } from "./blocks";
import { readFunds } from "./funds";
import { Sheet } from "./sheet-view";
import { totalRow } from "./totals";
import { type ColumnRole, columnRole, FIELD_ROLES, fieldOf, FOOTER, type FundsColumn, rankedRole, SUB_LABELS, TOTAL } from "./labels";
import type { BudgetItem, ExAnte, PreviousResult, Rectification } from "../results";

export interface ReadOptions {
  /** Monitoring point when a sheet does not state it. */
  month?: number;
  /** Whose severities and 依据 the reading findings carry (default: the default rule set). */
  rules?: FindingRules;
  /** The day a 整改期限 is judged against (default: today). */
  today?: Date;
}

const rulesOf = (opts: ReadOptions): FindingRules => opts.rules ?? DEFAULT_RULES;

export interface ReadResult {
  projects: Project[];
  /** Rows of the finance bureau's 预算项目清单, where the workbook has one. */
  budget: BudgetItem[];
  /** 事前绩效评估表s. */
  exAnte: ExAnte[];
  /** Last year's results (上年评价结果), from a sheet of this kind or a workbook given as last year's. */
  previous: PreviousResult[];
  /** 整改情况表 rows, each with where it stands. */
  rectification: Rectification[];
  /** Findings about sheets or the workbook rather than a project. */
  findings: (Finding & { file: string })[];
}

function isLabelText(s: Sheet, r: number, c: number): boolean {
  const l = s.label(r, c);
  return l !== "" && (fieldOf(l) !== null || SUB_LABELS.test(l) || columnRole(l) !== null);
}

/** The value belonging to the label at (r, c): the next non-blank cell to the right, or else the cell below. */
function valueOf(s: Sheet, r: number, c: number): Located | null {
  for (let x = c + 1; x <= s.right(r); x++) {
    if (s.isMergedSlave(r, x)) continue;
    const v = s.raw(r, x);
    if (isBlank(v)) continue;
    if (isLabelText(s, r, x)) {
      if (SUB_LABELS.test(s.label(r, x))) continue;
      break;
    }
    return s.located(r, x);
  }
  let below = r + 1;
  while (s.isMergedSlave(below, c) && below <= s.bottom) below++;
  const v = s.raw(below, c);
  if (!isBlank(v) && !isLabelText(s, below, c)) return s.located(below, c);
  return null;
}

const LEVEL3_HINT = /三\s*级|指\s*标\s*名\s*称|指\s*标\s*内\s*容|绩\s*效\s*指\s*标/;

/**
 * A merged label that runs from its row down past the header's own two rows, as 绩效指标 does beside the whole grid
 * of the MoF forms (or 项目资金 beside the funds rows): it groups what stands to its right and is not a column.
 */
function isGroupLabel(s: Sheet, r: number, c: number): boolean {
  const m = s.areaAt(r, c);
  return m !== null && m.left === c && m.bottom >= r + 2;
}

/** A label merged down over two rows or more with short labels beside it in at least two of those rows: a group. */
function isGroupOfLabels(s: Sheet, r: number, c: number): boolean {
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
function findHeaderRows(s: Sheet): number[] {
  const rows: number[] = [];
  let previous: { row: number; rank: number } | null = null;
  for (let r = s.top; r <= s.bottom; r++) {
    const rank = level3Rank(s, r);
    if (rank === null) continue;
    if (previous && previous.row === r - 1 && rank < previous.rank) rows.pop();
    rows.push(r);
    previous = { row: r, rank };
  }
  return rows;
}

interface Columns {
  roles: Map<number, ColumnRole>;
  byRole: Map<ColumnRole, number>;
  /** Points columns by the level they weigh: a 权重/分值 column weighs the nearest indicator level to its left. */
  levelWeights: { level1?: number; level2?: number };
  /**
   * Tick-box groups: a label over several columns whose second-row labels are the choices (完成目标可能性 over
   * 确定能 | 有可能 | 完全不可能, 偏差原因分析 over 经费保障 | 制度保障 …); the unit ticks (√) the column that applies.
   */
  choices: Map<ColumnRole, { columns: number[]; labels: string[] }>;
  dataStart: number;
}

const TICK = /^(√|✓|✔|☑|■|●|是|v|V)$/;

/** A label merged across columns whose every column has a second-row label naming no role of its own: a tick-box group. */
function choiceGroup(s: Sheet, header: number, c: number): { columns: number[]; labels: string[] } | null {
  const m = s.areaAt(header, c);
  if (!m || m.top !== header || m.left !== c || m.right === m.left || m.bottom > header) return null;
  const columns: number[] = [];
  const labels: string[] = [];
  for (let x = m.left; x <= m.right; x++) {
    const l = s.label(header + 1, x);
    if (!l || columnRole(l) !== null) return null;
    columns.push(x);
    labels.push(l);
  }
  return { columns, labels };
}

/** Words above a column that say which period it is for: the budget year's columns win over the medium term's. */
function periodOf(s: Sheet, header: number, c: number): "year" | "medium" | null {
  // The label itself may say it (年度财政拨款 beside 中期财政拨款 in a system's export), else the words above it.
  for (let r = header; r >= Math.max(s.top, header - 8); r--) {
    const t = normalizeLabel(cellText(s.get(r, c)));
    if (!t) continue;
    if (/^(中期|中长期|长期)/.test(t)) return "medium";
    if (/^(年度|本年|当年)/.test(t)) return "year";
  }
  return null;
}

/** Maps the grid's columns to roles, reading a second header row where the first leaves a column unnamed or grouped. */
function mapColumns(s: Sheet, header: number): Columns {
  const second = header + 1;
  let usesSecond = false;
  const candidates: { c: number; role: ColumnRole; rank: number; period: number }[] = [];
  const choices: Columns["choices"] = new Map();
  for (let c = s.left; c <= s.maxRight; c++) {
    if (isGroupLabel(s, header, c)) continue;
    const group = s.isMergedSlave(header, c) ? null : choiceGroup(s, header, c);
    const groupRole = group ? columnRole(s.label(header, c)) : null;
    if (group && (groupRole === "possibility" || groupRole === "reason")) {
      if (!choices.has(groupRole)) choices.set(groupRole, group);
      usesSecond = true;
      c = group.columns[group.columns.length - 1];
      continue;
    }
    const top = s.label(header, c) || (s.isMergedSlave(header, c) ? normalizeLabel(cellText(s.get(header, c))) : "");
    const below = s.label(second, c);
    let hit = top ? rankedRole(top) : null;
    const belowHit = below ? rankedRole(below) : null;
    // A group header such as 财政复核 over 复核完成值 / 复核得分 / 扣分原因, or a unit line such as (A) under a name.
    if (belowHit && belowHit.role !== "level3" && (hit === null || (s.isMergedSlave(header, c) || isMergedAcross(s, header, c)))) {
      hit = belowHit;
      usesSecond = true;
    }
    if (!hit || hit.role === "ignore") continue;
    candidates.push({ c, ...hit, period: 1 });
  }
  // Where a role has several columns (中期 and 年度 side by side), the words above them say which is the year's.
  const count = new Map<ColumnRole, number>();
  for (const x of candidates) count.set(x.role, (count.get(x.role) ?? 0) + 1);
  for (const x of candidates) {
    if (count.get(x.role)! < 2) continue;
    const period = periodOf(s, header, x.c);
    x.period = period === "year" ? 0 : period === null ? 1 : 2;
  }
  // Each role goes to its most specific column (三级指标 before 绩效指标); among equals the budget year's, then the leftmost.
  const ordered = [...candidates].sort((a, b) => a.rank - b.rank || a.period - b.period || a.c - b.c);
  const roles = new Map<number, ColumnRole>();
  const byRole = new Map<ColumnRole, number>();
  const points: number[] = [];
  for (const x of ordered) {
    if (x.role === "weight") points.push(x.c);
    else if (!byRole.has(x.role) && !roles.has(x.c)) {
      roles.set(x.c, x.role);
      byRole.set(x.role, x.c);
    }
  }
  const levelWeights: Columns["levelWeights"] = {};
  for (const c of points.sort((a, b) => a - b)) {
    if (roles.has(c)) continue;
    // With several points columns, each weighs the nearest indicator level to its left (权重 of the 一级, 分值 of the 二级 …).
    const level = points.length > 1 ? nearestLevelLeftOf(c, byRole) : "level3";
    if (level === "level1" || level === "level2") {
      levelWeights[level] ??= c;
    } else if (!byRole.has("weight")) {
      roles.set(c, "weight");
      byRole.set("weight", c);
    }
  }
  const sorted = new Map([...roles].sort((a, b) => a[0] - b[0]));
  return { roles: sorted, byRole, levelWeights, choices, dataStart: usesSecond && !hasIndicatorName(s, second, byRole) ? header + 2 : header + 1 };
}

function nearestLevelLeftOf(c: number, byRole: Map<ColumnRole, number>): "level1" | "level2" | "level3" | null {
  let nearest: "level1" | "level2" | "level3" | null = null;
  let at = -1;
  for (const level of ["level1", "level2", "level3"] as const) {
    const lc = byRole.get(level);
    if (lc !== undefined && lc < c && lc > at) {
      at = lc;
      nearest = level;
    }
  }
  return nearest;
}

function isMergedAcross(s: Sheet, r: number, c: number): boolean {
  const m = s.areaAt(r, c);
  return m !== null && m.top === r && m.left === c && m.right > m.left;
}

function hasIndicatorName(s: Sheet, r: number, byRole: Map<ColumnRole, number>): boolean {
  const c = byRole.get("level3");
  return c !== undefined && !isBlank(s.raw(r, c)) && columnRole(s.label(r, c)) === null;
}

interface GridRow {
  row: number;
  indicator: Indicator | null;
  fields: Partial<Record<FieldKey, Located>>;
  funds: Partial<Record<FundsColumn, Located>>;
}

interface Grid {
  columns: Columns;
  rows: GridRow[];
  total: Project["total"];
  end: number;
  /** 一级 / 二级 blocks the grid lays out with no indicator rows in them. */
  emptyBlocks: Block[];
}

function firstText(s: Sheet, r: number): string {
  for (let c = s.left; c <= s.right(r); c++) {
    const l = s.label(r, c);
    if (l) return l;
  }
  return "";
}

const PLACEHOLDER_ROW = /^([.…。·、]+|等|其他……|\.{3,})$/;

/** Reads indicator rows from `columns.dataStart` until the next header row, a footer, or `limit`. */
function readGrid(s: Sheet, columns: Columns, limit: number, fillNames: boolean): Grid {
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

function monthIn(text: string): number | null {
  const t = normalizeLabel(text);
  const m = /(?:^|[^\d])(?:1|一)[-—~至到－]+(\d{1,2})月/.exec(t) ?? /截至(?:\d{4}年)?(\d{1,2})月/.exec(t) ?? /(\d{1,2})月(?:底|末)/.exec(t);
  if (!m) return null;
  const n = Number(m[1]);
  return n >= 1 && n <= 12 ? n : null;
}

function findMonth(s: Sheet, from: number, to: number): Project["month"] {
  for (let r = from; r <= to; r++) {
    for (let c = s.left; c <= s.right(r); c++) {
      const v = s.raw(r, c);
      if (typeof v !== "string") continue;
      const m = monthIn(v);
      if (m) return { value: m, cell: a1(r, c) };
    }
  }
  return null;
}

/** Header-block fields of a form: every known label between `from` and `to` with the value beside it. */
function readFields(s: Sheet, from: number, to: number): Partial<Record<FieldKey, Located>> {
  const fields: Partial<Record<FieldKey, Located>> = {};
  /** The column each field's label stands in: 其中 rows belong to the total in their own column (年度, not 中期). */
  const labelColumn = new Map<FieldKey, number>();
  let fundsGroup: { column: number; top: number; bottom: number } | null = null;
  for (let r = from; r <= to; r++) {
    for (let c = s.left; c <= s.right(r); c++) {
      const raw = s.raw(r, c);
      // "联系电话：0469-1234567" holds label and value in one cell.
      const inline = typeof raw === "string" ? /^([^:：]{2,12})[:：]\s*(\S.*)$/s.exec(raw.trim()) : null;
      const inlineKey = inline ? fieldOf(normalizeLabel(inline[1])) : null;
      if (inline && inlineKey) {
        if (!fields[inlineKey] || isBlank(fields[inlineKey]!.value)) fields[inlineKey] = { value: inline[2].trim(), cell: a1(r, c) };
        continue;
      }
      let key = fieldOf(s.label(r, c));
      // A label merged down beside several sub-labels (年度资金总额及构成 over 总额 / 一、财政拨款 / 二、其他) groups them;
      // the sub-labels name the fields, and a bare 总额 beside the funds group is the total.
      if (key && isGroupOfLabels(s, r, c)) {
        if (key === "fundsTotal") fundsGroup = { column: c + 1, top: r, bottom: s.areaAt(r, c)!.bottom };
        continue;
      }
      if (!key && fundsGroup && c === fundsGroup.column && r >= fundsGroup.top && r <= fundsGroup.bottom && /^(总额|合计|小计)$/.test(s.label(r, c))) key = "fundsTotal";
      if (!key) continue;
      const totalColumn = labelColumn.get("fundsTotal");
      const partOfTotal = (key === "fundsFiscal" || key === "fundsOther") && totalColumn !== undefined;
      if (fields[key] && !isBlank(fields[key]!.value) && !(partOfTotal && c === totalColumn && labelColumn.get(key) !== totalColumn)) continue;
      labelColumn.set(key, c);
      // An empty field still records where its value belongs, so a finding can point at the cell to fill.
      fields[key] = valueOf(s, r, c) ?? { value: null, cell: a1(r, c + 1) };
    }
  }
  return fields;
}

function newProject(file: string, sheet: string, kind: TableKind, layout: Layout): Project {
  return { file, sheet, kind, layout, fields: {}, indicators: [], funds: [], emptyBlocks: [], total: null, year: null, month: null, scope: "project", hasReview: false, findings: [] };
}

function hasReviewColumns(columns: Columns): boolean {
  return columns.byRole.has("reviewActual") || columns.byRole.has("reviewScore");
}

/** Whether a grid is the medium-term one (长期 / 中期绩效指标), by the group label beside it or the line above it. */
function gridPeriod(s: Sheet, header: number): "medium" | "year" | null {
  const texts: string[] = [];
  for (let c = s.left; c <= s.right(header); c++) if (isGroupLabel(s, header, c)) texts.push(s.label(header, c));
  if (header - 1 >= s.top) {
    const above = [...Array(s.right(header - 1) - s.left + 1).keys()].map((i) => s.label(header - 1, s.left + i)).filter((t) => t);
    if (above.length === 1) texts.push(above[0]);
  }
  for (const t of texts) {
    if (/^(长期|中期|中长期)(绩效)?(指标|目标)/.test(t)) return "medium";
    if (/^(年度|本年|当年)(绩效)?(指标|目标)/.test(t)) return "year";
  }
  return null;
}

/** Rows between two grids that start a new form: a project's own labels (项目名称, 项目编码 …) or a title. */
function startsNewForm(s: Sheet, from: number, to: number): boolean {
  for (let r = from; r <= to; r++) {
    if (isTitleLine(s, r)) return true;
    for (let c = s.left; c <= s.right(r); c++) {
      const key = fieldOf(s.label(r, c));
      if (key === "name" || key === "projectCode" || key === "department" || key === "unit" || key === "organization") return true;
    }
  }
  return false;
}

/** A form's title line: …绩效目标申报表, …绩效自评表, …绩效评价表, …监控表, …评价指标体系. */
const FORM_TITLE = /绩效.*(表|体系)$/;

function isTitleLine(s: Sheet, r: number): boolean {
  let at = -1;
  for (let c = s.left; c <= s.right(r); c++) {
    if (isBlank(s.raw(r, c))) continue;
    if (at >= 0) return false;
    at = c;
  }
  return at >= 0 && FORM_TITLE.test(s.label(r, at));
}

interface FormTable {
  /** The first row of the form: its title and fields start here. */
  start: number;
  grids: { header: number; columns: Columns; grid: Grid; limit: number; medium: boolean }[];
}

/**
 * Groups the grids of a sheet into forms. A grid continues the form before it when nothing between them starts
 * a new form: a header repeated before each 一级指标 section, or the 年度 grid after the 长期 one.
 */
function formTables(s: Sheet, headers: number[]): FormTable[] {
  const tables: FormTable[] = [];
  let blockStart = s.top;
  headers.forEach((h, i) => {
    const limit = i + 1 < headers.length ? headers[i + 1] - 1 : s.bottom;
    const columns = mapColumns(s, h);
    const grid = readGrid(s, columns, limit, false);
    const entry = { header: h, columns, grid, limit, medium: false };
    const last = tables[tables.length - 1];
    if (last && !startsNewForm(s, blockStart, h - 1)) last.grids.push(entry);
    else tables.push({ start: blockStart, grids: [entry] });
    blockStart = grid.end;
  });
  // Which grid is the medium-term one matters only where a form has several.
  for (const t of tables) if (t.grids.length > 1) for (const g of t.grids) g.medium = gridPeriod(s, g.header) === "medium";
  return tables;
}

/** A year in a title line or a line of its own: 2026年度…表, （2025年度）, 2025年. */
const YEAR = /(20\d{2})\s*年/;

/** A 年度 field's value as a year: 2026, "2026", "2026年". */
function statedYear(loc: Located | undefined): number | null {
  const m = loc ? /^(20\d{2})(年度?)?$/.exec(normalizeLabel(cellText(loc.value))) : null;
  return m ? Number(m[1]) : null;
}

/** The budget year a form states in its first lines, where it does. */
function yearOf(s: Sheet, from: number, to: number): number | null {
  for (let r = from; r <= Math.min(to, from + 4); r++) {
    let text = "";
    let count = 0;
    for (let c = s.left; c <= s.right(r); c++) {
      const l = s.label(r, c);
      if (!l) continue;
      count++;
      text = l;
    }
    const m = count === 1 ? YEAR.exec(text) : null;
    if (m) return Number(m[1]);
  }
  return null;
}

/** Words around a project's name in a form's title: the year before it, the form's own name after it. */
const TITLE_SUFFIX = /(项目)?(支出)?(绩效)?(评价|自评|目标|监控|运行监控)?(指标体系)?(及)?(评分|评价|自评|申报|目标|监控|考核)?(表|情况表|评分表)?$/;

/**
 * Funds given as a table's 合计 row under 总额 / 财政拨款 / 其他资金 columns (the 年度主要任务 block of a department's
 * form), where the form has no 年度资金总额 field of its own.
 */
function fundsFromTable(s: Sheet, from: number, to: number, p: Project): void {
  if (p.fields.fundsTotal && !isBlank(p.fields.fundsTotal.value)) return;
  const columns: [FieldKey, RegExp][] = [["fundsTotal", /^(总额|合计|金额合计|资金总额)$/], ["fundsFiscal", /^财政拨款/], ["fundsOther", /^其他资金/]];
  for (let r = from; r <= to; r++) {
    const at = new Map<FieldKey, number>();
    for (let c = s.left; c <= s.right(r); c++) {
      const hit = columns.find(([, re]) => re.test(s.label(r, c)));
      if (hit && !at.has(hit[0])) at.set(hit[0], c);
    }
    if (!at.has("fundsTotal") || !at.has("fundsFiscal")) continue;
    for (let rr = r + 1; rr <= to; rr++) {
      const labels = [...Array(at.get("fundsTotal")! - s.left).keys()].map((i) => s.label(rr, s.left + i));
      if (!labels.some((l) => /^(金额)?合计$|^总计$/.test(l))) continue;
      for (const [key, c] of at) p.fields[key] = s.located(rr, c);
      return;
    }
  }
}

/** A department's 整体支出 form: it names a 部门（单位）, or its title says 部门整体 / 整体支出, and it names no project. */
function isDepartmentForm(s: Sheet, from: number, to: number, p: Project): boolean {
  if (p.fields.name && !isBlank(p.fields.name.value)) return false;
  if (p.fields.organization && !isBlank(p.fields.organization.value)) return true;
  for (let r = from; r <= Math.min(to, from + 5); r++) {
    for (let c = s.left; c <= s.right(r); c++) if (/部门(\(单位\))?整体|整体支出/.test(s.label(r, c))) return true;
  }
  return false;
}

/**
 * A form without a 项目名称 field names its project in the title (XX项目绩效评价表, 2025年度XX项目支出绩效自评表);
 * a department's form names the department (部门（单位）名称), which is then also its unit.
 */
function nameFromTitle(s: Sheet, from: number, to: number, p: Project): void {
  if (p.fields.name && !isBlank(p.fields.name.value)) return;
  const org = p.fields.organization && !isBlank(p.fields.organization.value) ? p.fields.organization : p.scope === "department" ? p.fields.unit : undefined;
  if (org && !isBlank(org.value)) {
    p.fields.name = org;
    p.fields.department ??= org;
    p.fields.unit ??= org;
    return;
  }
  for (let r = from; r <= Math.min(to, from + 5); r++) {
    const texts: [number, string][] = [];
    for (let c = s.left; c <= s.right(r); c++) if (!s.isMergedSlave(r, c) && typeof s.raw(r, c) === "string" && s.label(r, c)) texts.push([c, s.label(r, c)]);
    if (texts.length !== 1) continue;
    const [c, t] = texts[0];
    if (!/项目/.test(t) || !/(表|体系)$/.test(t) || t.length > 60) continue;
    const name = t.replace(TITLE_SUFFIX, "").replace(/^(附件\d*[:：]?)/, "").trim();
    if (name.length >= 1) {
      p.fields.name = { value: name.endsWith("项目") ? name : `${name}项目`, cell: a1(r, c) };
      return;
    }
  }
}

function readForm(s: Sheet, file: string, kind: TableKind, headers: number[], opts: ReadOptions): Project[] {
  return formTables(s, headers).map((t) => {
    const first = t.grids[0];
    const h = first.header;
    const p = newProject(file, s.snap.name, kind, "form");
    // A second project on the same sheet starts at its own 项目名称 label after the previous grid.
    let start = t.start;
    for (let r = t.start; r < h; r++) if (s.label(r, s.left) === "项目名称" || firstText(s, r) === "项目名称") start = Math.min(start, r);
    p.fields = readFields(s, start, h - 1);
    // The medium-term grid (长期绩效指标) is not the year's target when the form has the year's grid too.
    const counted = t.grids.some((g) => !g.medium) ? t.grids.filter((g) => !g.medium) : t.grids;
    p.indicators = counted.flatMap((g) => g.grid.rows.flatMap((row) => (row.indicator ? [row.indicator] : [])));
    const lastGrid = t.grids[t.grids.length - 1];
    // Below the grid: attachments (投资评审报告, 领导批示) and the signature lines (负责人, 联系电话).
    const tailStart = (p.indicators.length > 0 ? p.indicators[p.indicators.length - 1].row : lastGrid.columns.dataStart) + 1;
    for (const [k, v] of Object.entries(readFields(s, tailStart, lastGrid.limit)) as [FieldKey, Located][]) {
      // Below the grid a 总分 is the 总分 row's (its points), read with the grid; a stated total stands above it.
      if (k === "statedScore") continue;
      if (!p.fields[k] || (isBlank(p.fields[k]!.value) && !isBlank(v.value))) p.fields[k] = v;
    }
    p.total = [...t.grids].reverse().find((g) => g.grid.total)?.grid.total ?? null;
    p.emptyBlocks = counted.flatMap((g) => g.grid.emptyBlocks.map((b) => ({ level: b.level, label: b.label, cell: b.cell })));
    p.hasReview = counted.some((g) => hasReviewColumns(g.columns));
    p.scope = isDepartmentForm(s, start, h - 1, p) ? "department" : "project";
    nameFromTitle(s, start, h - 1, p);
    fundsFromTable(s, start, h - 1, p);
    p.year = statedYear(p.fields.year) ?? yearOf(s, start, h - 1);
    reportMissingColumns(s, p, counted[0].header, counted[0].columns, opts);
    if (kind === "self-evaluation" || kind === "monitoring") p.funds = readFunds(s, start, h - 1);
    if (kind === "monitoring") p.month = monthAt(s, start, h + 1, opts, p);
    return p;
  });
}

function monthAt(s: Sheet, from: number, to: number, opts: ReadOptions, p: Project): Project["month"] {
  // A 监控时点 field holding a month number (the template's drop-down) wins over text such as 1-7月.
  const field = p.fields.month ?? readFields(s, from, to).month;
  const n = field ? Number(typeof field.value === "string" ? (monthIn(`1-${field.value}`) ?? field.value) : field.value) : NaN;
  if (field && Number.isInteger(n) && n >= 1 && n <= 12) return { value: n, cell: field.cell };
  const m = findMonth(s, from, to);
  if (m) return m;
  if (opts.month) return { value: opts.month, cell: null };
  p.findings.push(
    finding("monitoring-month-unknown", { sheet: s.snap.name, cell: null }, `工作表“${s.snap.name}”没有写明监控截至几月（如“1-7月”），请在表中注明或用 --month 指定。`, rulesOf(opts)),
  );
  return null;
}

function readList(s: Sheet, file: string, kind: TableKind, headers: number[], opts: ReadOptions): Project[] {
  const projects: Project[] = [];
  headers.forEach((h, i) => {
    const limit = i + 1 < headers.length ? headers[i + 1] - 1 : s.bottom;
    const columns = mapColumns(s, h);
    const grid = readGrid(s, columns, limit, true);
    const before = projects.length;
    const byName = new Map<string, Project>();
    /** A row with a unit or department and no project (815-千佛镇部门 with its total) heads the projects below it. */
    let group: Located | null = null;
    for (const g of grid.rows) {
      const name = cellText(g.fields.name?.value ?? null).trim();
      const code = cellText(g.fields.projectCode?.value ?? null).trim();
      if (!name && !code && !g.indicator) {
        group = g.fields.department ?? g.fields.unit ?? group;
        continue;
      }
      // Rows of one project share its 项目编码 where the export has one, else its name.
      const key = code ? `code:${code}` : `name:${name}`;
      let p = byName.get(key);
      if (!p) {
        p = newProject(file, s.snap.name, kind, "list");
        p.year = yearOf(s, s.top, h - 1);
        p.hasReview = hasReviewColumns(columns);
        if (kind === "monitoring") p.month = monthAt(s, s.top, h + 1, opts, p);
        byName.set(key, p);
        projects.push(p);
        if (group && !g.fields.department) p.fields.department = group;
      }
      for (const [k, v] of Object.entries(g.fields) as [FieldKey, Located][]) if (!p.fields[k] || isBlank(p.fields[k]!.value)) p.fields[k] = v;
      if (g.indicator) p.indicators.push(g.indicator);
    }
    // Said once per list, on its first project, not once per project.
    if (projects.length > before) reportMissingColumns(s, projects[before], h, columns, opts);
    for (const p of projects) listFunds(p);
  });
  return projects;
}

/** A list-layout self-evaluation carries its funds as project columns: 年初预算数 / 执行数 become the funds row. */
function listFunds(p: Project): void {
  if (p.kind !== "self-evaluation" || p.funds.length > 0) return;
  const budget = p.fields.monitoringBudget ?? p.fields.fundsTotal ?? null;
  const executed = p.fields.monitoringExecuted ?? null;
  if (budget || executed) {
    p.funds.push({ label: "年度资金总额", initial: null, budget, executed, points: null, rate: p.fields.monitoringRate ?? null, score: null });
  }
}

const GRID_HINT = /指标|值|分|单位|性质|符号|权重|原因|可能/;

/** The row that looks most like an indicator header although it has no level-3 column, for the user to check. */
function gridWithoutLevel3(s: Sheet): { row: number; cell: string; labels: string[] } | null {
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

/** What a grid lacks for its kind of table: the columns without which its checks cannot run. */
function missingColumns(kind: TableKind, columns: Columns): string | null {
  const has = (role: ColumnRole) => columns.byRole.has(role) || columns.choices.has(role);
  if (kind === "target" && !has("target")) return "指标值列（指标值、年度指标值、目标值）";
  if (kind === "self-evaluation" && !has("actual") && !has("score")) return "实际完成值列和得分列";
  if (kind === "monitoring" && !has("progress") && !has("possibility")) return "1-M月完成值列和完成目标可能性列";
  return null;
}

function reportMissingColumns(s: Sheet, p: Project, header: number, columns: Columns, opts: ReadOptions): void {
  const missing = missingColumns(p.kind, columns);
  if (!missing) return;
  const found = [...columns.roles.keys()].map((c) => s.label(header, c) || normalizeLabel(cellText(s.get(header, c)))).filter((l) => l);
  p.findings.push(finding("table-incomplete", { sheet: p.sheet, cell: a1(header, s.left) },
    `找到指标表头（第 ${header + 1} 行：${found.join("、")}），但没有${missing}，${KIND_NAMES[p.kind]}的相应检查无法进行。`, rulesOf(opts)));
}

const EX_ANTE_HEADER = /^(评估要点|评估内容|评估项目|评估指标|论证要点|评估维度)$/;

/**
 * A 事前绩效评估表: its fields above, a header row with 评估要点 / 分值 / 得分 (and 评估意见), one row per point down
 * to the 总分 row, and the 评估结论 below.
 */
function readExAnte(s: Sheet, file: string): ExAnte | null {
  for (let r = s.top; r <= s.bottom; r++) {
    const cols: Record<string, number> = {};
    for (let c = s.left; c <= s.right(r); c++) {
      const l = s.label(r, c);
      if (EX_ANTE_HEADER.test(l)) cols.label ??= c;
      else if (/^(分值|权重|标准分)/.test(l)) cols.points ??= c;
      else if (/^(得分|评分|评估得分)/.test(l)) cols.score ??= c;
      else if (/评估意见|理由|说明|评估情况|论证情况/.test(l)) cols.reason ??= c;
    }
    if (cols.label === undefined || cols.points === undefined || cols.score === undefined) continue;
    const form: ExAnte = {
      file, sheet: s.snap.name, fields: readFields(s, s.top, r - 1), year: null, points: [], total: null, conclusion: null, headerCell: a1(r, cols.label),
    };
    form.year = statedYear(form.fields.year) ?? yearOf(s, s.top, r - 1);
    let rr = r + 1;
    for (; rr <= s.bottom; rr++) {
      const label = s.label(rr, cols.label);
      const first = firstText(s, rr);
      if (TOTAL.test(first) || TOTAL.test(label)) {
        form.total = s.located(rr, cols.score);
        rr++;
        break;
      }
      if (!label) {
        if (s.rowBlank(rr)) continue;
        break;
      }
      form.points.push({ label, points: s.located(rr, cols.points), score: s.located(rr, cols.score), reason: cols.reason === undefined ? null : s.located(rr, cols.reason) });
    }
    const tail = readFields(s, rr, s.bottom);
    form.conclusion = findConclusion(s, r, s.bottom) ?? null;
    for (const [k, v] of Object.entries(tail) as [FieldKey, Located][]) form.fields[k] ??= v;
    return form;
  }
  return null;
}

/** The 评估结论: the value beside (or after) a 评估结论 label, or written inline as 评估结论：予以支持. */
function findConclusion(s: Sheet, from: number, to: number): Located | null {
  for (let r = from; r <= to; r++) {
    for (let c = s.left; c <= s.right(r); c++) {
      const raw = s.raw(r, c);
      if (typeof raw !== "string") continue;
      const inline = /^(评估结论|结论)[:：]\s*(\S.*)$/s.exec(raw.trim());
      if (inline) return { value: inline[2].trim(), cell: a1(r, c) };
      if (/^(评估结论|结论)$/.test(s.label(r, c))) return valueOf(s, r, c) ?? { value: null, cell: a1(r, c + 1) };
    }
  }
  return null;
}

/**
 * Reads every table of a workbook into projects. Sheets the add-in owns are skipped; a sheet with content that is
 * not a performance table is reported (sheet-skipped), never silently dropped.
 */
export function readWorkbook(wb: WorkbookSnapshot, opts: ReadOptions = {}): ReadResult {
  const projects: Project[] = [];
  const budget: BudgetItem[] = [];
  const exAnte: ExAnte[] = [];
  const previous: PreviousResult[] = [];
  const rectification: Rectification[] = [];
  const findings: ReadResult["findings"] = [];
  if (wb.previous) return readPreviousWorkbook(wb, opts);
  const owned = ownedSheets(wb);
  for (const snap of wb.sheets) {
    if (owned.has(snap.name)) continue;
    const cls = classifySheet(snap);
    if (cls.kind === "empty") continue;
    if (cls.kind === "previous-results") {
      const rows = readPreviousResults(snap, wb.file);
      previous.push(...rows);
      if (rows.length === 0) findings.push({ file: wb.file, ...finding("table-incomplete", { sheet: snap.name, cell: null }, `工作表“${snap.name}”看起来是上年评价结果（${cls.evidence}），但没有找到写明等级或结果应用的项目。`, rulesOf(opts)) });
      continue;
    }
    if (cls.kind === "rectification") {
      const r = readRectification(snap, wb.file, opts.today ?? new Date(), rulesOf(opts));
      rectification.push(...r.items);
      findings.push(...r.findings);
      if (r.items.length === 0) findings.push({ file: wb.file, ...finding("table-incomplete", { sheet: snap.name, cell: null }, `工作表“${snap.name}”看起来是整改情况表（${cls.evidence}），但没有找到“问题”列下的问题。`, rulesOf(opts)) });
      continue;
    }
    if (cls.kind === "ex-ante") {
      const form = readExAnte(new Sheet(snap), wb.file);
      if (form) exAnte.push(form);
      else findings.push({ file: wb.file, ...finding("table-incomplete", { sheet: snap.name, cell: null }, `工作表“${snap.name}”看起来是事前绩效评估表（${cls.evidence}），但没有找到“评估要点 / 分值 / 得分”表头。`, rulesOf(opts)) });
      continue;
    }
    if (cls.kind === "budget-list") {
      const items = readBudgetList(snap, wb.file);
      budget.push(...items);
      if (items.length === 0) {
        findings.push({ file: wb.file, ...finding("table-incomplete", { sheet: snap.name, cell: null }, `工作表“${snap.name}”看起来是预算项目清单（${cls.evidence}），但没有找到“项目名称”列下的项目。`, rulesOf(opts)) });
      }
      continue;
    }
    const s = new Sheet(snap);
    const headers = findHeaderRows(s);
    if (cls.kind === "unknown") {
      findings.push({
        file: wb.file,
        ...finding("sheet-skipped", { sheet: snap.name, cell: null }, `工作表“${snap.name}”不是绩效目标表、监控表或自评表，未处理（${cls.evidence}）。`, rulesOf(opts)),
      });
      continue;
    }
    if (headers.length === 0) {
      const near = gridWithoutLevel3(s);
      findings.push({
        file: wb.file,
        ...finding("table-incomplete", { sheet: snap.name, cell: near?.cell ?? null },
          `工作表“${snap.name}”看起来是${KIND_NAMES[cls.kind]}（${cls.evidence}），但${near ? `找到的指标表头（第 ${near.row} 行：${near.labels.join("、")}）没有三级指标列` : "没有找到指标表头"}（应有“三级指标”或“指标名称”列），未处理。`,
          rulesOf(opts)),
      });
      continue;
    }
    const read = cls.layout === "list" ? readList : readForm;
    projects.push(...read(s, wb.file, cls.kind, headers, opts));
  }
  if (projects.length === 0 && budget.length === 0 && exAnte.length === 0 && previous.length === 0 && rectification.length === 0) {
    findings.push({
      file: wb.file,
      ...finding("no-recognized-table", { sheet: null, cell: null }, `工作簿 ${wb.file} 中没有识别出绩效目标表、运行监控表或自评表。`, rulesOf(opts)),
    });
  }
  for (const p of projects) checkCells(p, opts);
  return { projects, budget, exAnte, previous, rectification, findings };
}

/**
 * A workbook given as last year's results (jixiao --previous, the page's 上年结果 choices): every sheet that lists
 * projects with a grade or a 结果应用 counts, whatever its title, the add-in's own 汇总 included (a result workbook
 * registers it as owned).
 */
function readPreviousWorkbook(wb: WorkbookSnapshot, opts: ReadOptions): ReadResult {
  const previous: PreviousResult[] = [];
  const seen = new Set<string>();
  for (const snap of wb.sheets) {
    for (const p of readPreviousResults(snap, wb.file)) {
      // The 公开版 repeats the 汇总: a project is taken once.
      const key = `${p.code}|${p.name}|${p.unit}`;
      if (!seen.has(key)) previous.push(p);
      seen.add(key);
    }
  }
  const findings: ReadResult["findings"] = previous.length > 0 ? [] : [{
    file: wb.file,
    ...finding("no-recognized-table", { sheet: null, cell: null }, `上年结果 ${wb.file} 中没有找到上年评价结果（应有项目名称列，以及等级或结果应用列）。`, rulesOf(opts)),
  }];
  return { projects: [], budget: [], exAnte: [], previous, rectification: [], findings };
}

/** Formula errors anywhere in what was read. */
function checkCells(p: Project, opts: ReadOptions): void {
  const seen = new Set<string>();
  // The description is written only for an error cell: a 60,000-row list has almost none.
  const visit = (loc: Located | null | undefined, what: (cell: string) => string) => {
    if (!loc || !isCellError(loc.value) || seen.has(loc.cell)) return;
    seen.add(loc.cell);
    p.findings.push(finding("formula-error", { sheet: p.sheet, cell: loc.cell }, `${what(loc.cell)}是公式错误值 ${loc.value.error}，请修正公式后再报送。`, rulesOf(opts)));
  };
  for (const [k, v] of Object.entries(p.fields) as [FieldKey, Located][]) visit(v, (cell) => `“${FIELD_NAMES[k]}”（${cell}）`);
  for (const f of p.funds) for (const loc of [f.initial, f.budget, f.executed, f.points, f.rate, f.score]) visit(loc, (cell) => `资金“${f.label}”的单元格 ${cell}`);
  for (const ind of p.indicators) for (const loc of Object.values(ind.cells)) visit(loc, (cell) => `指标“${ind.level3}”的单元格 ${cell}`);
  if (p.total) for (const loc of [p.total.points, p.total.score]) visit(loc, (cell) => `总分行的单元格 ${cell}`);
}
