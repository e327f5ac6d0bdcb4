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
  | "clue";

export interface Indicator {
  /** 0-based sheet row. */
  row: number;
  level1: string;
  level2: string;
  level3: string;
  target: Target;
  /** Every column the grid has for this row, by role. */
  cells: Partial<Record<IndicatorColumn, Located>>;
}

export type FieldKey =
  | "name"
  | "department"
  | "unit"
  | "attribute"
  | "period"
  | "fundsTotal"
  | "fundsFiscal"
  | "fundsOther"
  | "goal"
  | "investmentReview"
  | "leaderApproval"
  | "projectType"
  | "responsible"
  | "contact"
  | "monitoringBudget"
  | "monitoringExecuted"
  | "monitoringRate"
  | "monitoringExpected";

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
  /** The 总分 row's claimed points and score, if the table has one. */
  total: { points: Located | null; score: Located | null } | null;
  /** Monitoring point, 1–12, and where it was stated. */
  month: { value: number; cell: string | null } | null;
  /** Whether the grid carries the reviewer's columns. */
  hasReview: boolean;
  /** Problems met while reading this table. */
  findings: Finding[];
}

export function fieldText(p: Project, key: FieldKey): string {
  const f = p.fields[key];
  if (!f || f.value === null) return "";
  return typeof f.value === "string" ? f.value.trim() : String(f.value);
}
