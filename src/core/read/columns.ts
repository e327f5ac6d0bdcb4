/** Stage 2 — map the columns to roles: which column of a header row is the 三级指标, the 指标值, the 实际完成值, the 得分 … */

import { a1 } from "../address";
import { KIND_NAMES, type TableKind } from "../classify";
import { finding } from "../findings";
import { type Project } from "../model";
import { isBlank } from "../sheet";
import { cellText, normalizeLabel } from "../text";
import type { Sheet } from "./sheet-view";
import { type ColumnRole, columnRole, rankedRole } from "./labels";
import { isGroupLabel } from "./headers";
import { type ReadOptions, rulesOf } from "./options";
import { NEEDS } from "./needs";
import { type LayoutProfile, profileColumn } from "./layout";

export interface Columns {
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

export const TICK = /^(√|✓|✔|☑|■|●|是|v|V)$/;

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

/** Words that make a value column a target: 目标值, 年度指标值, 预期指标值, 计划值, 目标值(标准). */
const TARGET_WORDS = /目标|预期|计划|年度指标值|年初/;

export function mapColumns(s: Sheet, header: number, profile: LayoutProfile | null = null): Columns {
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
  // A target column and a plain 指标值 beside it (an evaluation form: 目标值(标准) | … | 指标值): the 指标值 is the value
  // collected, not a second target — the header's meaning within its table, not its word alone.
  const targets = candidates.filter((x) => x.role === "target");
  if (targets.length >= 2 && !candidates.some((x) => x.role === "actual")) {
    const label = (x: { c: number }) => s.label(header, x.c) || s.label(second, x.c);
    const named = targets.filter((x) => TARGET_WORDS.test(label(x)));
    const plain = targets.filter((x) => /^指标值$/.test(label(x)));
    if (named.length >= 1 && plain.length === 1 && plain[0].c > named[0].c) plain[0].role = "actual";
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
  if (profile) applyProfile(s, profile, roles, byRole, levelWeights);
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

/** What a grid lacks for its kind of table: the columns without which its checks cannot run. */
function missingColumns(kind: TableKind, columns: Columns): string | null {
  const has = (role: ColumnRole) => columns.byRole.has(role) || columns.choices.has(role);
  const unmet = NEEDS[kind].groups.filter((g) => !g.roles.some(has));
  return unmet.length === 0 ? null : unmet.map((g) => g.name).join("、");
}

export function reportMissingColumns(s: Sheet, p: Project, header: number, columns: Columns, opts: ReadOptions): void {
  const missing = missingColumns(p.kind, columns);
  if (!missing) return;
  const found = [...columns.roles.keys()].map((c) => s.label(header, c) || normalizeLabel(cellText(s.get(header, c)))).filter((l) => l);
  p.findings.push(finding("table-incomplete", { sheet: p.sheet, cell: a1(header, s.left) },
    `找到指标表头（第 ${header + 1} 行：${found.join("、")}），但没有${missing}，${KIND_NAMES[p.kind]}的相应检查无法进行。如果表中有这样的列而没有认出，请在“读取方式”中指定（命令行用 --layout 版式文件）。`, rulesOf(opts)));
}

export function hasReviewColumns(columns: Columns): boolean {
  return columns.byRole.has("reviewActual") || columns.byRole.has("reviewScore");
}

/** A layout profile's roles over the guessed ones: each listed column gets its role, and no other column keeps it. */
function applyProfile(s: Sheet, profile: LayoutProfile, roles: Map<number, ColumnRole>, byRole: Map<ColumnRole, number>, levelWeights: Columns["levelWeights"]): void {
  for (const { column, role } of profile.roles) {
    const c = profileColumn(s, column);
    const before = roles.get(c);
    if (before !== undefined) byRole.delete(before);
    roles.delete(c);
    if (levelWeights.level1 === c) delete levelWeights.level1;
    if (levelWeights.level2 === c) delete levelWeights.level2;
    if (role === "ignore") continue;
    const other = byRole.get(role);
    if (other !== undefined) roles.delete(other);
    roles.set(c, role);
    byRole.set(role, c);
  }
}
