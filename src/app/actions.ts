import { loadFormulaParser } from "../core/rules/expression";
import { analyzeSteps } from "../core/analyze";
import { inventory, renderInventory, type InventoryRow } from "../core/inventory";
import { OWNED_PREFIXES, planWrite, REGISTER_SHEET, registerSpec, sheetNameKey, uniqueSheetName } from "../core/owned";
import { renderReports, reportSheets, type ReportStep } from "../core/report";
import { RuleSetError } from "../core/rules/load";
import type { RuleSet } from "../core/rules/ruleset";
import { PARAMETER_SHEET, ruleSetFromSheet } from "../core/rules/sheet";
import type { SheetSpec, WorkbookSnapshot } from "../core/sheet";
import { templateBook } from "../core/templates";
import { breathe, type WorkbookHost } from "../hosts/host";
import type { Analysis, AnalyzeOptions, Progress } from "../core/results";

type Sources = WorkbookHost[] | WorkbookSnapshot[];

/** Thrown when the user cancels; the workbook is left as it was before the write began. */
export class CancelledError extends Error {
  constructor() {
    super("已取消，工作簿未作改动。");
  }
}

/** Set by the 取消 button; read between steps. (AbortController is missing in the webviews of Office 2016/2019.) */
export interface CancelSignal {
  readonly aborted: boolean;
}

export interface RunOptions extends AnalyzeOptions {
  /** Sheets of the sources that hold last year's results (the task pane's 上年结果 choice). */
  previousSheets?: string[];
  /** Workbooks of last year's results (jixiao --previous, the page's 上年结果文件). */
  previous?: Sources;
  step?: ReportStep;
  signal?: CancelSignal;
  onProgress?: (p: Progress) => void;
}


async function readAll(sources: Sources, opts: RunOptions): Promise<WorkbookSnapshot[]> {
  const snapshots: WorkbookSnapshot[] = [];
  for (const s of sources) {
    opts.onProgress?.({ stage: "读取工作簿", done: 0 });
    snapshots.push("read" in s ? await s.read() : s);
    if (opts.signal?.aborted) throw new CancelledError();
  }
  return snapshots;
}

/** The sheets chosen as last year's results, each workbook's moved into a workbook of their own marked previous. */
function splitPrevious(snapshots: WorkbookSnapshot[], sheets: string[]): WorkbookSnapshot[] {
  if (sheets.length === 0) return snapshots;
  return snapshots.flatMap((s) => {
    const chosen = s.sheets.filter((x) => sheets.includes(x.name));
    if (chosen.length === 0) return [s];
    return [{ ...s, sheets: s.sheets.filter((x) => !sheets.includes(x.name)) }, { file: s.file, sheets: chosen, previous: true }];
  });
}

/** Runs the analysis in steps, yielding to the event loop about every 50 ms so a large batch never freezes Excel. */
async function analyzeAsync(snapshots: WorkbookSnapshot[], rules: RuleSet, opts: RunOptions): Promise<Analysis> {
  const steps = analyzeSteps(snapshots, rules, opts);
  let last = Date.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    opts.onProgress?.(next.value);
    if (Date.now() - last > 50) {
      await breathe();
      last = Date.now();
    }
    if (opts.signal?.aborted) throw new CancelledError();
  }
}

/** Reports go into the workbook they were read from (inside Excel): only then do links to its cells make sense. */
const intoSource = (sources: Sources, target: WorkbookHost) => sources.length === 1 && sources[0] === target;

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
  keep: (ownedSheet: string) => boolean,
): Promise<string[]> {
  const plan = planWrite(intoSource(sources, target) ? snapshots[0] : null, specs, keep);
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
  const snapshots = await readAll(sources, {});
  const rows = inventory(snapshots);
  const sheetsWritten = await writeReports(sources, snapshots, target, [renderInventory(rows, { linkToSheets: intoSource(sources, target) })], () => true);
  return { rows, sheetsWritten };
}

export interface CheckResult {
  analysis: Analysis;
  sheetsWritten: string[];
}

/** The rule set kept in the workbook's 参数 sheet (the first workbook's, when several are checked). */
function rulesFromWorkbook(snapshots: WorkbookSnapshot[]): RuleSet {
  const sheet = snapshots.flatMap((w) => w.sheets).find((s) => s.name === PARAMETER_SHEET);
  if (!sheet) throw new RuleSetError(`工作簿中没有“${PARAMETER_SHEET}”表。可在“模板”中插入“规则参数表”后填写。`);
  return ruleSetFromSheet(sheet);
}

const isDocument = (name: string) => OWNED_PREFIXES.some((p) => name.startsWith(p));

/**
 * Reads, analyses the chain and writes the report sheets of a step (all of them by default). The full run
 * replaces every report of the last run; a single step keeps the others, except that the documents step drops
 * documents of projects no longer reviewed.
 */
export async function runCheck(sources: Sources, target: WorkbookHost, ruleSet: RuleSet | "sheet", opts: RunOptions = {}): Promise<CheckResult> {
  await loadFormulaParser();
  const snapshots = await readAll(sources, opts);
  const rules = ruleSet === "sheet" ? rulesFromWorkbook(snapshots) : ruleSet;
  const lastYear = opts.previous ? (await readAll(opts.previous, opts)).map((s) => ({ ...s, previous: true })) : [];
  const analysis = await analyzeAsync([...splitPrevious(snapshots, opts.previousSheets ?? []), ...lastYear], rules, opts);
  const step = opts.step ?? "all";
  // A breath before each long step, so that a page running the check itself paints its progress and stays usable.
  await breathe();
  if (target.writeEach && !intoSource(sources, target)) {
    // A fresh file written as it goes: each report sheet is made, written and let go before the next.
    opts.onProgress?.({ stage: "写入报告表", done: 1 });
    const names: string[] = [];
    await target.writeEach(freshWorkbook(reportSheets(analysis, snapshots, { sameWorkbook: false, step }), names));
    return { analysis, sheetsWritten: names };
  }
  const specs = renderReports(analysis, snapshots, { sameWorkbook: intoSource(sources, target), step });
  if (opts.signal?.aborted) throw new CancelledError();
  opts.onProgress?.({ stage: `写入 ${specs.length} 张报告表`, done: 1 });
  await breathe();
  const keep = step === "all" ? () => false : step === "documents" ? (n: string) => !isDocument(n) : () => true;
  const sheetsWritten = await writeReports(sources, snapshots, target, specs, keep);
  return { analysis, sheetsWritten };
}

/** A fresh workbook's sheets as planWrite(null, …) plans them, one at a time: each report, then the register naming them. */
function* freshWorkbook(specs: Iterable<SheetSpec>, names: string[]): Generator<SheetSpec> {
  for (const s of specs) {
    names.push(s.name);
    yield s;
  }
  yield registerSpec(names);
}

/**
 * Inserts a template's sheets into a workbook for the user to fill. They become the user's sheets (not registered
 * as the add-in's); a name already taken gets a number, so nothing in the workbook is replaced.
 */
export async function insertTemplate(target: WorkbookHost, id: string): Promise<string[]> {
  const book = templateBook(id);
  if (!book) throw new Error(`没有这个模板：${id}`);
  const taken = new Set((await target.sheetNames()).map(sheetNameKey));
  const specs = book.sheets.map((spec) => {
    const name = uniqueSheetName(spec.name, (n) => taken.has(sheetNameKey(n)), (i) => ` (${i})`);
    taken.add(sheetNameKey(name));
    return { ...spec, name };
  });
  await target.write(specs);
  return specs.map((s) => s.name);
}
