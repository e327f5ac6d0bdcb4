import type { Layout, TableKind } from "./classify";
import type { Finding } from "./findings";
import type { CellValue } from "./sheet";
import type { Target } from "./values";

/** A value read from the sheet with the cell it came from (A1), so every finding can point at it. */
export interface Located {
  value: CellValue;
  cell: string;
}

export type IndicatorColumn =
  | "level1"
  | "level2"
  | "level3"
  /** Points given per level: the 权重 of the indicator's 一级指标 and the 分值 of its 二级指标 (merged cells read as shown). */
  | "level1Weight"
  | "level2Weight"
  | "nature"
  | "target"
  | "measure"
  | "weight"
  | "actual"
  | "score"
  | "reason"
  | "progress"
  | "expected"
  | "possibility"
  | "reviewActual"
  | "reviewScore"
  | "deduction"
  | "clue"
  /** 纠偏措施 / 整改措施 beside the 偏差原因 of a monitoring table. */
  | "correction";

/** Roles a column of an indicator grid can play: an indicator's own column, a project field (list layout), or funds. */
export type FundsColumn = "fundsInitial" | "fundsBudget" | "fundsExecuted" | "fundsPoints" | "fundsRate" | "fundsScore";
export type ColumnRole = IndicatorColumn | FieldKey | FundsColumn | "ignore";

/** How a table was read, for the 读取方式 view: each header column with the role it was given, and the profile used. */
export interface Reading {
  header: string[];
  fingerprint: string;
  /** The header's row (as Excel numbers it) and the sheet's first column. */
  row: number;
  left: number;
  columns: { column: number; letter: string; label: string; role: ColumnRole | null }[];
  profile: string | null;
}

export interface Indicator {
  /** 0-based sheet row. */
  row: number;
  level1: string;
  level2: string;
  level3: string;
  target: Target;
  /** Every column the grid has for this row, by role (over sub-criterion rows: points and scores summed). */
  cells: Partial<Record<IndicatorColumn, Located>>;
  /** Rows the indicator takes: its name cell merged down over sub-criterion rows (①②③④) makes it more than one. */
  span?: number;
}

export type FieldKey =
  | "name"
  | "projectCode"
  | "unitCode"
  | "department"
  | "unit"
  | "organization"
  | "attribute"
  | "period"
  | "fundsTotal"
  | "fundsFiscal"
  | "fundsOther"
  | "fundsOwn"
  | "goal"
  | "investmentReview"
  | "leaderApproval"
  | "projectType"
  | "responsible"
  | "contact"
  | "monitoringBudget"
  | "monitoringExecuted"
  | "monitoringRate"
  | "monitoringExpected"
  /** 调整后预算数: wins over the 年初预算数 for the execution rate. */
  | "monitoringAdjusted"
  | "month"
  | "year"
  | "filedOn"
  | "confirmation"
  /** A form's own stated total score outside a 总分 row (项目总得分, 自评得分 written in the header). */
  | "statedScore"
  /** A form's own stated grade (自评等级：优). */
  | "statedGrade";

/** Chinese names of the fields, for messages. */
export const FIELD_NAMES: Record<FieldKey, string> = {
  name: "项目名称",
  projectCode: "项目编码",
  unitCode: "单位编码",
  department: "主管部门",
  unit: "实施单位",
  organization: "部门（单位）名称",
  attribute: "项目属性",
  period: "项目期",
  fundsTotal: "年度资金总额",
  fundsFiscal: "财政拨款",
  fundsOther: "其他资金",
  fundsOwn: "自有资金",
  goal: "总体目标",
  investmentReview: "投资评审报告",
  leaderApproval: "上级领导批示",
  projectType: "项目类型",
  responsible: "负责人",
  contact: "联系方式",
  monitoringBudget: "年初预算数",
  monitoringExecuted: "执行数",
  monitoringRate: "执行率",
  monitoringExpected: "全年预计执行数",
  monitoringAdjusted: "调整后预算数",
  month: "监控时点",
  year: "年度",
  filedOn: "填报日期",
  confirmation: "单位确认",
  statedScore: "总得分",
  statedGrade: "自评等级",
};

/** The self-evaluation's funds block, one row of it. */
export interface FundsRow {
  label: string;
  initial: Located | null;
  budget: Located | null;
  executed: Located | null;
  points: Located | null;
  rate: Located | null;
  score: Located | null;
}

export interface Project {
  file: string;
  sheet: string;
  kind: TableKind;
  layout: Layout;
  fields: Partial<Record<FieldKey, Located>>;
  indicators: Indicator[];
  /** Self-evaluation: 年度资金总额 row first, then 其中 rows. */
  funds: FundsRow[];
  /** 一级 / 二级 blocks the form lays out with no indicator rows beside them, where their cell names them. */
  emptyBlocks: { level: "level1" | "level2"; label: string; cell: string }[];
  /** The 总分 row's claimed points and score, if the table has one. */
  total: { points: Located | null; score: Located | null } | null;
  /** The budget year the table is for, where its title or a 年度 field says it (2026年度, （2025年度）). */
  year: number | null;
  /** Monitoring point, 1–12, and where it was stated. */
  month: { value: number; cell: string | null } | null;
  /** A project's table, or a department's 整体支出 table (部门（单位）名称, 部门整体支出…表). */
  scope: "project" | "department";
  /** Whether the grid carries the reviewer's columns. */
  hasReview: boolean;
  /** How the table was read: its header's columns and the role each was given (the 读取方式 view), and the profile used. */
  reading?: Reading;
  /** Problems met while reading this table. */
  findings: Finding[];
  /**
   * A target table of a list streamed from a province's export, judged as soon as its rows were read (core/judge.ts):
   * its indicators are gone, and this is what the rest of the analysis needs of them.
   */
  settled?: Settled;
}

/** What a target table's indicators told the analysis, kept where the indicators themselves are let go. */
export interface Settled {
  /** The table's findings before copies across projects are known: reading findings, then the target checks, then empty blocks. */
  findings: Finding[];
  /** Where the copied-indicators finding goes in `findings` once the whole batch is known (after the target checks). */
  copiedAt: number;
  /** The indicator set as checkCopiedIndicators compares it, or null where too small to compare. */
  copy: CopyKey | null;
  /** The 三级指标 names, in order (the 调整 check compares them across projects). */
  level3: string[];
  /** Indicators were read but no 指标值 column: the table is 无法评定. */
  noTargetColumn: boolean;
}

/** A target table's indicator set as copies across projects are found: its signature, its size and its first 三级指标 cell. */
export interface CopyKey {
  key: string;
  count: number;
  cell: string | null;
}

/** The table's 三级指标 names, in order, whether its indicators are held or were settled as read. */
export function level3Names(p: Project): string[] {
  return p.settled?.level3 ?? p.indicators.filter((i) => i.level3).map((i) => i.level3);
}

export function fieldText(p: Project, key: FieldKey): string {
  const f = p.fields[key];
  if (!f || f.value === null) return "";
  return typeof f.value === "string" ? f.value.trim() : String(f.value);
}
