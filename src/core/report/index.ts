import type { Analysis } from "../analyze";
import type { SheetSpec, WorkbookSnapshot } from "../sheet";
import { inventory, renderInventory } from "../inventory";
import { projectDocuments } from "./documents";
import { renderFindings } from "./findings-sheet";
import { fitRowHeights } from "./layout";
import { cluesSheet, comparisonSheet, monitoringSheet, summarySheet } from "./sheets";

/**
 * Every sheet the full check writes, in tab order: 汇总 first (what a director reads), the working lists, the
 * public version, one document per reviewed project, and the sheet inventory last. Links point at the user's
 * cells only when the reports go into the same workbook.
 */
export function renderReports(a: Analysis, snapshots: WorkbookSnapshot[], opts: { sameWorkbook: boolean }): SheetSpec[] {
  const links = opts.sameWorkbook;
  const sheets = [
    summarySheet(a, false),
    renderFindings(a, { linkToCells: links }),
    monitoringSheet(a, links),
    comparisonSheet(a, links),
    cluesSheet(a, links),
    summarySheet(a, true),
    ...projectDocuments(a),
    renderInventory(inventory(snapshots), { linkToSheets: links }),
  ];
  return sheets.map(fitRowHeights);
}
