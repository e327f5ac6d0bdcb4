/** Stage 5a — assemble a form (one project per form, fields around its grids) into a project. */

import { a1 } from "../address";
import { type Layout, type TableKind } from "../classify";
import { finding } from "../findings";
import { type FieldKey, type Located, type Project } from "../model";
import { isBlank } from "../sheet";
import { readFunds } from "./funds";
import type { Sheet } from "./sheet-view";
import { fieldOf } from "./labels";
import { Columns, hasReviewColumns, mapColumns, reportMissingColumns } from "./columns";
import { findMonth, monthIn, readFields, statedYear, yearOf } from "./fields";
import { Grid, readGrid } from "./grid";
import { firstText, isGroupLabel, isTitleLine } from "./headers";
import { type ReadOptions, rulesOf } from "./options";
import { describeReading, type LayoutProfile, profileFor } from "./layout";

export function newProject(file: string, sheet: string, kind: TableKind, layout: Layout): Project {
  return { file, sheet, kind, layout, fields: {}, indicators: [], funds: [], emptyBlocks: [], total: null, year: null, month: null, scope: "project", hasReview: false, findings: [] };
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

interface FormTable {
  /** The first row of the form: its title and fields start here. */
  start: number;
  grids: { header: number; columns: Columns; grid: Grid; limit: number; medium: boolean; profile: LayoutProfile | null }[];
}

/**
 * Groups the grids of a sheet into forms. A grid continues the form before it when nothing between them starts
 * a new form: a header repeated before each 一级指标 section, or the 年度 grid after the 长期 one.
 */
function formTables(s: Sheet, headers: number[], profiles?: readonly LayoutProfile[]): FormTable[] {
  const tables: FormTable[] = [];
  let blockStart = s.top;
  headers.forEach((h, i) => {
    const limit = i + 1 < headers.length ? headers[i + 1] - 1 : s.bottom;
    const profile = profileFor(s, h, profiles);
    const columns = mapColumns(s, h, profile);
    const grid = readGrid(s, columns, limit, false);
    const entry = { header: h, columns, grid, limit, medium: false, profile };
    const last = tables[tables.length - 1];
    if (last && !startsNewForm(s, blockStart, h - 1)) last.grids.push(entry);
    else tables.push({ start: blockStart, grids: [entry] });
    blockStart = grid.end;
  });
  // Which grid is the medium-term one matters only where a form has several.
  for (const t of tables) if (t.grids.length > 1) for (const g of t.grids) g.medium = gridPeriod(s, g.header) === "medium";
  return tables;
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

export function readForm(s: Sheet, file: string, kind: TableKind, headers: number[], opts: ReadOptions): Project[] {
  return formTables(s, headers, opts.layouts).map((t) => {
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
    p.reading = describeReading(s, counted[0].header, counted[0].columns.roles, counted[0].profile);
    if (kind === "self-evaluation" || kind === "monitoring") p.funds = readFunds(s, start, h - 1);
    if (kind === "monitoring") p.month = monthAt(s, start, h + 1, opts, p);
    return p;
  });
}

export function monthAt(s: Sheet, from: number, to: number, opts: ReadOptions, p: Project): Project["month"] {
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
