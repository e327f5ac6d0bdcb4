/** What a reading is given (the month, the rule set whose severities and 依据 findings carry) and what it gives. */

import { type Finding, type FindingRules } from "../findings";
import { type Project } from "../model";
import { DEFAULT_RULES, type RuleSet } from "../rules/ruleset";
import type { BudgetItem, ExAnte, PreviousResult, Rectification } from "../results";
import type { IgnoredMerge, SheetSnapshot } from "../sheet";
import type { LayoutProfile } from "./layout";

export interface ReadOptions {
  /** Monitoring point when a sheet does not state it. */
  month?: number;
  /** Whose severities and 依据 the reading findings carry (default: the default rule set). */
  rules?: FindingRules;
  /** The day a 整改期限 is judged against (default: today). */
  today?: Date;
  /** Layout profiles the clerk made: a table whose header matches one is read as the profile says. */
  layouts?: readonly LayoutProfile[];
  /**
   * The run's rule set, where a list streamed from a big export may judge each target table as its rows are read
   * and let its indicators go (core/judge.ts); a sheet read whole is judged with the batch, as always.
   */
  settle?: RuleSet;
}

export const rulesOf = (opts: ReadOptions): FindingRules => opts.rules ?? DEFAULT_RULES;

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

export function emptyReading(): ReadResult {
  return { projects: [], budget: [], exAnte: [], previous: [], rectification: [], findings: [] };
}

/** Adds what one sheet or workbook gave to what has been read so far. */
export function addReading(into: ReadResult, got: Partial<ReadResult>): void {
  // One by one, not spread: a province's list gives more projects than a call takes arguments.
  const add = <T>(to: T[], from: T[] | undefined) => {
    for (const x of from ?? []) to.push(x);
  };
  add(into.projects, got.projects);
  add(into.budget, got.budget);
  add(into.exAnte, got.exAnte);
  add(into.previous, got.previous);
  add(into.rectification, got.rectification);
  add(into.findings, got.findings);
}

/**
 * A sheet read as a stream (read/stream.ts): its rows are only its head (title and header); what its list gave was
 * read as the rows came, and the workbook's reading takes it in the sheet's place.
 */
export interface StreamedSnapshot extends SheetSnapshot {
  /** What the list gave, and the sheet's size as a whole reading would count it (for the 工作表清单). */
  streamed?: { reading: ReadResult; rows: number; columns: number; filled: number };
  /** Merges the sheet declares over others (already set aside when the stream was read). */
  ignoredMerges?: IgnoredMerge[];
}
