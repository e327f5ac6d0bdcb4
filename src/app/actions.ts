import { analyze, type Analysis, type AnalyzeOptions } from "../core/analyze";
import { inventory, renderInventory, type InventoryRow } from "../core/inventory";
import { renderFindings } from "../core/report/findings-sheet";
import type { RuleSet } from "../core/rules/ruleset";
import type { WorkbookSnapshot } from "../core/sheet";
import type { WorkbookHost } from "../hosts/host";

export interface InventoryResult {
  rows: InventoryRow[];
  sheetsWritten: string[];
}

/**
 * The first end-to-end path, the same in every host: read every sheet, let the core describe them, write the
 * 工作表清单 sheet. `target` is where results go: the same workbook inside Excel, a fresh one for the CLI and the
 * standalone page (links to the user's sheets only make sense in the first case).
 */
export async function runInventory(sources: WorkbookHost[] | WorkbookSnapshot[], target: WorkbookHost): Promise<InventoryResult> {
  const snapshots: WorkbookSnapshot[] = [];
  for (const s of sources) snapshots.push("read" in s ? await s.read() : s);
  const rows = inventory(snapshots);
  const sameWorkbook = sources.length === 1 && sources[0] === target;
  const spec = renderInventory(rows, { linkToSheets: sameWorkbook });
  await target.write([spec]);
  return { rows, sheetsWritten: [spec.name] };
}

/** Reads, analyses the whole chain, and writes the report sheets (校验结果 for now; the reports issue adds the rest). */
export async function runCheck(
  sources: WorkbookHost[] | WorkbookSnapshot[],
  target: WorkbookHost,
  rules: RuleSet,
  opts: AnalyzeOptions = {},
): Promise<Analysis> {
  const snapshots: WorkbookSnapshot[] = [];
  for (const s of sources) snapshots.push("read" in s ? await s.read() : s);
  const analysis = analyze(snapshots, rules, opts);
  const sameWorkbook = sources.length === 1 && sources[0] === target;
  await target.write([
    renderFindings(analysis, { linkToCells: sameWorkbook }),
    renderInventory(inventory(snapshots), { linkToSheets: sameWorkbook }),
  ]);
  return analysis;
}
