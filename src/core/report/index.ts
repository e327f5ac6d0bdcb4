import { inventory, renderInventory } from "../inventory";
import type { TableKind } from "../classify";
import type { SheetSpec, WorkbookSnapshot } from "../sheet";
import { projectDocuments } from "./documents";
import { renderFindings } from "./findings-sheet";
import { fitRowHeights } from "./layout";
import { accountabilitySheet, rectificationSheet } from "./cycle-sheets";
import { cluesSheet, comparisonSheet, coverageSheet, monitoringSheet, summarySheet } from "./sheets";
import type { Analysis } from "../results";

/** The task pane's steps: everything at once, or one part of the chain. */
export type ReportStep = "all" | "target" | "monitoring" | "review" | "documents" | "summary";

export const STEP_NAMES: Record<ReportStep, string> = {
  all: "全部检查",
  target: "校验目标表",
  monitoring: "运行监控",
  review: "自评与复核对比",
  documents: "生成再评价报告 / 反馈通知书",
  summary: "汇总与公开版",
};

/** Which tables a step looks at. */
const STEP_KINDS: Record<ReportStep, TableKind[]> = {
  all: ["target", "monitoring", "self-evaluation"],
  target: ["target"],
  monitoring: ["monitoring"],
  review: ["self-evaluation"],
  documents: ["self-evaluation"],
  summary: ["target", "monitoring", "self-evaluation"],
};

/** The analysis narrowed to the tables a step looks at (workbook-level findings stay). */
export function forStep(a: Analysis, step: ReportStep): Analysis {
  return { ...a, projects: a.projects.filter((r) => STEP_KINDS[step].includes(r.project.kind)) };
}

/**
 * The sheets a step writes. All of them, in tab order: 汇总 first (what a director reads), the working lists, the
 * public version, one document per reviewed project, and the sheet inventory last. Links point at the user's cells
 * only when the reports go into the same workbook.
 */
export function renderReports(a: Analysis, snapshots: WorkbookSnapshot[], opts: { sameWorkbook: boolean; step?: ReportStep }): SheetSpec[] {
  return [...reportSheets(a, snapshots, opts)];
}

/**
 * The same sheets one at a time, each made when it is asked for: a host that writes as it goes (the command line's
 * result file) holds one report sheet at a time, not a province's 汇总, 校验结果 and 公开版 at once.
 */
export function* reportSheets(a: Analysis, snapshots: WorkbookSnapshot[], opts: { sameWorkbook: boolean; step?: ReportStep }): Generator<SheetSpec> {
  const links = opts.sameWorkbook;
  const step = opts.step ?? "all";
  const part = forStep(a, step);
  const one = (make: () => SheetSpec | null) => () => {
    const s = make();
    return s ? [s] : [];
  };
  // 覆盖情况 only where the batch holds a 预算项目清单.
  const covered = one(() => (a.coverage.length > 0 ? coverageSheet(a, links) : null));
  const findings = (x: Analysis) => one(() => renderFindings(x, { linkToCells: links }));
  const pick: Record<ReportStep, (() => SheetSpec[])[]> = {
    all: [
      one(() => summarySheet(a, false)),
      covered,
      findings(a),
      one(() => monitoringSheet(a, links)),
      one(() => comparisonSheet(a, links)),
      one(() => cluesSheet(a, links)),
      one(() => rectificationSheet(a, links)),
      one(() => accountabilitySheet(a, links)),
      one(() => summarySheet(a, true)),
      () => projectDocuments(a),
      one(() => renderInventory(inventory(snapshots), { linkToSheets: links })),
    ],
    target: [findings(part)],
    monitoring: [one(() => monitoringSheet(part, links)), findings(part)],
    review: [one(() => comparisonSheet(part, links)), findings(part)],
    documents: [() => projectDocuments(part), one(() => cluesSheet(part, links)), one(() => rectificationSheet(part, links))],
    summary: [one(() => summarySheet(a, false)), covered, one(() => summarySheet(a, true))],
  };
  for (const make of pick[step]) for (const s of make()) yield fitRowHeights(s);
}
