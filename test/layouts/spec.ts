/**
 * The layout corpus: workbooks reconstructed from published forms (the Ministry's, provinces', departments' and
 * vendors'), each with its source named, and what a correct reading of it gives, worked out by hand from the rules
 * in ../shared/DOMAIN.md — never copied from what the engine printed.
 */
import type { SheetDef } from "../fixtures";

export interface ExpectedFinding {
  code: string;
  /** A1 cell the finding must point at, when it points at one. */
  cell?: string;
  /** A phrase its message must contain. */
  message?: string;
}

export interface ExpectedProject {
  sheet: string;
  /** The 项目名称 as read (trimmed), or a phrase it must contain when `nameContains` is set. */
  name: string;
  nameContains?: boolean;
  kind: "target" | "monitoring" | "self-evaluation";
  /** How many 三级指标 rows the reading must find. */
  indicators: number;
  targetVerdict?: "通过" | "重新申报";
  /** Findings that must be among the project's. */
  findings?: ExpectedFinding[];
  /** Codes that must not be among the project's. */
  absent?: string[];
  /**
   * The self-evaluation as a correct reading gives it. `score` is the recomputed total, or null where it cannot be
   * recomputed (a column the score needs was not read); `grade` is then the form's own stated grade or 无法评定.
   * `stated` is the form's own 总分/得分 figure, read where it stands. `recomputed` says whether the tool could
   * recompute the score from the cells (false: only the stated figure, shown 未经重算).
   */
  selfEvaluation?: {
    executionScore?: number | null;
    score: number | null;
    grade: "优" | "良" | "中" | "差" | "无法评定";
    stated?: number | null;
    recomputed?: boolean;
  };
  review?: { score: number; grade: "优" | "良" | "中" | "差"; delta?: number };
  /**
   * 双监控 as a correct reading gives it: `executionRate` as a fraction (0.4 for 40%) or null when it was not read;
   * `action` 无法判定 where a figure the action needs was not read; `lights` counts only indicators whose values were read.
   */
  monitoring?: {
    month: number;
    executionLight?: "green" | "yellow" | "red" | null;
    executionRate?: number | null;
    action: "正常" | "预警" | "暂缓拨款" | "停止拨款" | "无法判定";
    lights?: { green: number; yellow: number; red: number; blue: number };
  };
  /** 结果应用 as a correct reading gives it; null where no decision may be taken (无法评定, or not a self-evaluation). */
  decision?: string | null;
}

export interface LayoutSpec {
  /** File name without .xlsx: ASCII, kebab-case. */
  id: string;
  /** What the form is, in Chinese. */
  title: string;
  /** Where the layout is published: document number or the province's notice, year, and where it was found. */
  source: string;
  /** What is reconstructed exactly and what was filled in as example content. */
  notes?: string;
  sheets: SheetDef[];
  /** Every project the reading must give, in order. */
  projects: ExpectedProject[];
  /** Workbook-level finding codes that must appear (e.g. sheet-skipped). */
  workbookFindings?: string[];
}
