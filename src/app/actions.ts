import { analyze, type Analysis, type AnalyzeOptions } from "../core/analyze";
import { inventory, renderInventory, type InventoryRow } from "../core/inventory";
import { planWrite, REGISTER_SHEET } from "../core/owned";
import { renderReports } from "../core/report";
import { templateBook } from "../core/templates";
import type { RuleSet } from "../core/rules/ruleset";
import type { SheetSpec, WorkbookSnapshot } from "../core/sheet";
import type { WorkbookHost } from "../hosts/host";

type Sources = WorkbookHost[] | WorkbookSnapshot[];

async function readAll(sources: Sources): Promise<WorkbookSnapshot[]> {
  const snapshots: WorkbookSnapshot[] = [];
  for (const s of sources) snapshots.push("read" in s ? await s.read() : s);
  return snapshots;
}

/**
 * Writes report sheets the safe way: into the workbook that was read (inside Excel) a report never overwrites a
 * user's sheet of the same name, and only the add-in's own sheets of an earlier run are replaced. Returns the
 * names the reports got.
 */
async function writeReports(
  sources: Sources,
  snapshots: WorkbookSnapshot[],
  target: WorkbookHost,
  specs: SheetSpec[],
  keepEarlierReports: boolean,
): Promise<string[]> {
  const sameWorkbook = sources.length === 1 && sources[0] === target;
  const plan = planWrite(sameWorkbook ? snapshots[0] : null, specs, () => keepEarlierReports);
  await target.write(plan.specs, { remove: plan.remove });
  return plan.specs.map((s) => s.name).filter((n) => n !== REGISTER_SHEET);
}

export interface InventoryResult {
  rows: InventoryRow[];
  sheetsWritten: string[];
}

/**
 * The first end-to-end path, the same in every host: read every sheet, let the core describe them, write the
 * 工作表清单 sheet. `target` is where results go: the same workbook inside Excel, a fresh one for the CLI and the
 * standalone page (links to the user's sheets only make sense in the first case).
 */
export async function runInventory(sources: Sources, target: WorkbookHost): Promise<InventoryResult> {
  const snapshots = await readAll(sources);
  const rows = inventory(snapshots);
  const sameWorkbook = sources.length === 1 && sources[0] === target;
  const sheetsWritten = await writeReports(sources, snapshots, target, [renderInventory(rows, { linkToSheets: sameWorkbook })], true);
  return { rows, sheetsWritten };
}

export interface CheckResult {
  analysis: Analysis;
  sheetsWritten: string[];
}

/** Reads, analyses the whole chain, and writes every report sheet, replacing those of the last run. */
export async function runCheck(sources: Sources, target: WorkbookHost, rules: RuleSet, opts: AnalyzeOptions = {}): Promise<CheckResult> {
  const snapshots = await readAll(sources);
  const analysis = analyze(snapshots, rules, opts);
  const sameWorkbook = sources.length === 1 && sources[0] === target;
  const sheetsWritten = await writeReports(sources, snapshots, target, renderReports(analysis, snapshots, { sameWorkbook }), false);
  return { analysis, sheetsWritten };
}

/**
 * Inserts a template's sheets into a workbook for the user to fill. They become the user's sheets (not registered
 * as the add-in's); a name already taken gets a number, so nothing in the workbook is replaced.
 */
export async function insertTemplate(target: WorkbookHost, id: string): Promise<string[]> {
  const book = templateBook(id);
  if (!book) throw new Error(`没有这个模板：${id}`);
  const taken = new Set(await target.sheetNames());
  const specs = book.sheets.map((spec) => {
    let name = spec.name;
    for (let i = 2; taken.has(name); i++) name = `${spec.name} (${i})`;
    taken.add(name);
    return { ...spec, name };
  });
  await target.write(specs);
  return specs.map((s) => s.name);
}
