/**
 * The shapes of what the chain produces — a table's result, the batch's analysis, the cycle's records — in one module
 * that the readers, the judgement and the reports import, so that none of them imports another for a type.
 */
import type { Finding } from "./findings";
import type { LayoutProfile } from "./read/layout";
import type { FieldKey, Located, Project } from "./model";
import type { TableKind } from "./classify";
import type { Monitoring } from "./monitor";
import type { ListedProject } from "./records";
import type { Review } from "./review";
import type { Decision, RuleSet } from "./rules/ruleset";
import type { Grade, SelfEvaluation } from "./self-evaluation";

export interface ProjectResult {
  project: Project;
  findings: Finding[];
  /** 源头把关 (四(二)2): 通过, 重新申报, or 终止申报 where re-declaring would not help (see terminate()). */
  targetVerdict: "通过" | "重新申报" | "终止申报" | "无法评定" | null;
  monitoring: Monitoring | null;
  selfEvaluation: SelfEvaluation | null;
  review: Review | null;
  decision: Decision | null;
  /** Why the decision was taken. */
  decisionGrounds: string[];
}

export interface Analysis {
  ruleSet: RuleSet;
  projects: ProjectResult[];
  /** The 预算项目清单's projects, each with what the batch holds for it; empty without a budget list. */
  coverage: CoverageRow[];
  /** Every 事前绩效评估表 of the batch, checked and scored. */
  exAnte: ExAnteResult[];
  /** Last year's results, each with this year's budget row and target table for the project (across years). */
  previous: PreviousLink[];
  /** Every problem of the batch's 整改情况表s, with where it stands. */
  rectification: Rectification[];
  /** Findings about a workbook or sheet rather than a project. */
  findings: (Finding & { file: string })[];
  /** Units named for 问责, with the grounds (五(四)). */
  accountability: Accountability[];
  /** The day of the check (UTC midnight): 整改期限 count from it and are judged against it. */
  checkedOn: Date;
}

export interface AnalyzeOptions {
  month?: number;
  /**
   * Files the host passed over or could not open (a folder's .xls, a damaged workbook): they are findings like any
   * other, so the result workbook and every listing name them, never dropping them in silence.
   */
  notRead?: { file: string; message: string; severity: "error" | "warning" | "info" }[];
  /** The day the check is made: 整改期限 are judged against it (default: today). */
  today?: Date;
  /** Layout profiles (读取方式) to apply before guessing a table's columns. */
  layouts?: readonly LayoutProfile[];
}

/** Where a long analysis is: what it is doing, and how far through it is (0–1). */
export interface Progress {
  stage: string;
  done: number;
}

/** How a budgeted project was matched to its tables: by 项目编码 where both have one, else by name (and unit). */
export type MatchedBy = "项目编码" | "名称和单位" | "名称";

/** One budgeted project and what the batch holds for it, step by step (全过程、全覆盖). */
export interface CoverageRow {
  item: BudgetItem;
  target: ProjectResult | null;
  monitoring: ProjectResult | null;
  selfEvaluation: ProjectResult | null;
  /** How each table was found, for the clerk to check. */
  matchedBy: Partial<Record<TableKind, MatchedBy>>;
  /** The project's 事前绩效评估, where the batch holds one. */
  exAnte: ExAnteResult | null;
  /** What the 覆盖情况 sheet shows per step. */
  states: { exAnte: string; target: string; monitoring: string; selfEvaluation: string; review: string; rectification: string; previous: string };
}

/** What names a project across tables: its 项目编码, name, unit and budget year (each may be unknown). */
export interface Identity {
  code: string;
  name: string;
  unit: string;
  year: number | null;
}

/** One project of last year's result workbook: the add-in's own 汇总, or a bureau's plain list. */
export interface PreviousResult extends ListedProject {
  /** The grade that counted: the review's where the list has one, else the self-evaluation's or the plain 等级. */
  grade: Grade | null;
  decision: Decision | null;
  /** Last year's amount in 万元. */
  amount: number | null;
  year: number | null;
}

/** Last year's result of a project, and what this year's batch holds for it. */
export interface PreviousLink {
  previous: PreviousResult;
  /** This year's budget-list row and target table for the project, where the batch holds them. */
  budget: BudgetItem | null;
  target: ProjectResult | null;
  matchedBy: MatchedBy | null;
  /** What the project asks for this year, in 万元: the budget list's amount, else the target table's 年度资金总额. */
  amount: number | null;
  /** What this year's request makes of last year's result, where it goes against it (the finding's code says which). */
  outcome: PreviousOutcome | null;
}

/** Last year's result not carried out: a cut not applied, or funds taken back asked for again. */
export type PreviousOutcome = "结果应用未落实" | "收回资金又申请";

export type RectificationStatus = "已整改" | "未整改" | "逾期";

/** One problem of a 反馈通知书 / 再评价报告 and the unit's answer to it, from a 整改情况表. */
export interface Rectification extends ListedProject {
  problem: string;
  deadline: Date | null;
  measures: string;
  result: string;
  doneDate: Date | null;
  evidence: string;
  status: RectificationStatus;
  /** This batch's tables of the project the problem belongs to. */
  projects: ProjectResult[];
}

/** Why a unit is named for 问责 (五(四), DOMAIN §9). */
export type AccountabilityGround = "自评结果失实" | "违法违纪线索" | "预算执行与绩效目标严重背离" | "连续两年考评未达标" | "整改逾期";

export interface Accountability {
  unit: string;
  project: string;
  ground: AccountabilityGround;
  /** What happened, with the figures, in a sentence. */
  facts: string;
  basis: string;
  file: string;
  sheet: string;
  cell: string | null;
}

/** One point of a 事前绩效评估 (立项必要性 …): its points, the score given, and the reasoning written for it. */
export interface ExAntePoint {
  label: string;
  points: Located;
  score: Located;
  reason: Located | null;
}

/** A 事前绩效评估表 as read: the project, the scored points, the total and the conclusion. */
export interface ExAnte {
  file: string;
  sheet: string;
  fields: Partial<Record<FieldKey, Located>>;
  year: number | null;
  points: ExAntePoint[];
  total: Located | null;
  conclusion: Located | null;
  /** Where the table's header stands, for findings about the table as a whole. */
  headerCell: string;
}

export type ExAnteConclusion = "予以支持" | "调整完善后支持" | "不予支持";

export interface ExAnteResult {
  form: ExAnte;
  score: number;
  /** What the score concludes under the rule set. */
  expected: ExAnteConclusion;
  /** What the form concludes, where it can be read. */
  conclusion: ExAnteConclusion | null;
  findings: (Finding & { file: string })[];
}

/** One row of a finance bureau's 预算项目清单: a project the budget funds. */
export interface BudgetItem extends ListedProject {
  /** 预算金额 in 万元, or null where it cannot be read. */
  amount: number | null;
  /** 新增 (true) or 延续 (false); null where the list does not say. */
  isNew: boolean | null;
  /** 是否重大 as the list states it; null where it does not say. */
  isMajor: boolean | null;
  /** The budget year in the list's title (2026年度…清单), where it says. */
  year: number | null;
}
