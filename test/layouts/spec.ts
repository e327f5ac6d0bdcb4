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
  selfEvaluation?: { executionScore?: number; score: number; grade: "优" | "良" | "中" | "差" };
  review?: { score: number; grade: "优" | "良" | "中" | "差"; delta?: number };
  monitoring?: { month: number; executionLight?: "green" | "yellow" | "red"; action: "正常" | "预警" | "暂缓拨款" | "停止拨款" };
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
