import { readPreviousResults } from "./previous-results";
import { classifySheet } from "../classify";
import { KINDS, type SheetReading } from "./kinds";
import { finding } from "../findings";
import { FIELD_NAMES, type FieldKey, type Located, type Project } from "../model";
import { ownedSheets } from "../owned";
import { isCellError, settleMerges, type WorkbookSnapshot } from "../sheet";
import { areaAddress } from "../address";
import type { PreviousResult } from "../results";
import { addReading, emptyReading, type ReadOptions, type ReadResult, rulesOf, type StreamedSnapshot } from "./options";

/**
 * Reads every table of a workbook into projects. Sheets the add-in owns are skipped; a sheet with content that is
 * not a performance table is reported (sheet-skipped), never silently dropped.
 */
export function readWorkbook(wb: WorkbookSnapshot, opts: ReadOptions = {}): ReadResult {
  if (wb.previous) return readPreviousWorkbook(wb, opts);
  const read = emptyReading();
  const { projects, findings } = read;
  const owned = ownedSheets(wb);
  for (const snap of wb.sheets) {
    if (owned.has(snap.name)) continue;
    const cls = classifySheet(snap);
    if (cls.kind === "empty") continue;
    if (cls.kind === "unknown") {
      findings.push({
        file: wb.file,
        ...finding("sheet-skipped", { sheet: snap.name, cell: null }, `工作表“${snap.name}”不是绩效目标表、监控表或自评表，未处理（${cls.evidence}）。`, rulesOf(opts)),
      });
      continue;
    }
    // Merges declared over others: Excel drops them when it opens the file, and so does the reading; the clerk is told.
    for (const { area, overlaps } of (snap as StreamedSnapshot).ignoredMerges ?? settleMerges(snap.merges).ignored) {
      const cell = areaAddress(area);
      findings.push({
        file: wb.file,
        ...finding("merge-ignored", { sheet: snap.name, cell }, `工作表“${snap.name}”的合并区域 ${cell} 与合并区域 ${areaAddress(overlaps)} 重叠（Excel 打开时会删去它），这里也不按合并读取，请核对该处内容。`, rulesOf(opts)),
      });
    }
    // A list read as its rows streamed past (read/stream.ts) has its reading already.
    const streamed = (snap as StreamedSnapshot).streamed?.reading;
    // Its projects are the workbook's as the caller names it (the CLI gives the path as typed).
    for (const p of streamed?.projects ?? []) p.file = wb.file;
    const got: SheetReading = streamed ?? KINDS[cls.kind].read(snap, { file: wb.file, layout: cls.layout, evidence: cls.evidence, opts });
    addReading(read, got);
    if (got.nothing) findings.push({ file: wb.file, ...finding("table-incomplete", { sheet: snap.name, cell: got.nothing.cell }, got.nothing.message, rulesOf(opts)) });
  }
  if (projects.length === 0 && read.budget.length === 0 && read.exAnte.length === 0 && read.previous.length === 0 && read.rectification.length === 0) {
    findings.push({
      file: wb.file,
      ...finding("no-recognized-table", { sheet: null, cell: null }, `工作簿 ${wb.file} 中没有识别出绩效目标表、运行监控表或自评表。`, rulesOf(opts)),
    });
  }
  for (const p of projects) checkCells(p, opts);
  return read;
}

/**
 * A workbook given as last year's results (jixiao --previous, the page's 上年结果 choices): every sheet that lists
 * projects with a grade or a 结果应用 counts, whatever its title, the add-in's own 汇总 included (a result workbook
 * registers it as owned).
 */
function readPreviousWorkbook(wb: WorkbookSnapshot, opts: ReadOptions): ReadResult {
  const previous: PreviousResult[] = [];
  const seen = new Set<string>();
  for (const snap of wb.sheets) {
    for (const p of readPreviousResults(snap, wb.file)) {
      // The 公开版 repeats the 汇总: a project is taken once.
      const key = `${p.code}|${p.name}|${p.unit}`;
      if (!seen.has(key)) previous.push(p);
      seen.add(key);
    }
  }
  const findings: ReadResult["findings"] = previous.length > 0 ? [] : [{
    file: wb.file,
    ...finding("no-recognized-table", { sheet: null, cell: null }, `上年结果 ${wb.file} 中没有找到上年评价结果（应有项目名称列，以及等级或结果应用列）。`, rulesOf(opts)),
  }];
  return { ...emptyReading(), previous, findings };
}

/** Formula errors anywhere in what was read. */
function checkCells(p: Project, opts: ReadOptions): void {
  const seen = new Set<string>();
  // The description is written only for an error cell: a 60,000-row list has almost none.
  const visit = (loc: Located | null | undefined, what: (cell: string) => string) => {
    if (!loc || !isCellError(loc.value) || seen.has(loc.cell)) return;
    seen.add(loc.cell);
    p.findings.push(finding("formula-error", { sheet: p.sheet, cell: loc.cell }, `${what(loc.cell)}是公式错误值 ${loc.value.error}，请修正公式后再报送。`, rulesOf(opts)));
  };
  for (const [k, v] of Object.entries(p.fields) as [FieldKey, Located][]) visit(v, (cell) => `“${FIELD_NAMES[k]}”（${cell}）`);
  for (const f of p.funds) for (const loc of [f.initial, f.budget, f.executed, f.points, f.rate, f.score]) visit(loc, (cell) => `资金“${f.label}”的单元格 ${cell}`);
  for (const ind of p.indicators) for (const loc of Object.values(ind.cells)) visit(loc, (cell) => `指标“${ind.level3}”的单元格 ${cell}`);
  if (p.total) for (const loc of [p.total.points, p.total.score]) visit(loc, (cell) => `总分行的单元格 ${cell}`);
}
