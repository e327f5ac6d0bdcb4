// One check of opened workbooks into a new result workbook: what the page's worker runs, and what the page itself
// runs when no worker can start (a browser or a file:// page that refuses one).
import type ExcelJS from "exceljs";
import { type CancelSignal, CancelledError, runCheck } from "../app/actions";
import { type IssuedDocument, issuedDocuments } from "../core/report/run-report";
import { builtInRuleSet } from "../core/rules/load";
import { DEFAULT_RULES } from "../core/rules/ruleset";
import { ExcelJsHost } from "../hosts/exceljs-host";
import { breathe } from "../hosts/host";
import type { CheckOptions } from "./controller";
import { checkView } from "./view";
import type { Progress } from "../core/results";

export interface CheckedWorkbook {
  /** The result workbook's own bytes. */
  bytes: ArrayBuffer;
  sheets: string[];
  view: ReturnType<typeof checkView>;
  /** The 公文 the run issues, as content (laid out as Word documents only when the user asks for them). */
  documents: IssuedDocument[];
}

export async function checkOpened(
  ExcelJs: typeof ExcelJS,
  source: ExcelJsHost,
  lastYear: ExcelJsHost | null,
  request: CheckOptions,
  signal: CancelSignal,
  onProgress: (p: Progress) => void,
): Promise<CheckedWorkbook> {
  const target = new ExcelJsHost(new ExcelJs.Workbook(), "结果");
  const rules = request.ruleSet === "sheet" ? "sheet" : builtInRuleSet(request.ruleSet) ?? DEFAULT_RULES;
  const { analysis, sheetsWritten } = await runCheck([source], target, rules, {
    month: request.month, step: request.step, signal, previousSheets: request.previousSheets, previous: lastYear ? [lastYear] : undefined, layouts: request.layouts,
    onProgress,
  });
  onProgress({ stage: "生成结果工作簿", done: 1 });
  await breathe();
  if (signal.aborted) throw new CancelledError();
  // exceljs gives a Buffer (a view on a larger pool in some builds): the result's own bytes are what is moved.
  const written = new Uint8Array((await target.workbook.xlsx.writeBuffer()) as ArrayBuffer);
  const bytes = written.buffer.slice(written.byteOffset, written.byteOffset + written.byteLength) as ArrayBuffer;
  return { bytes, sheets: sheetsWritten, view: checkView(analysis), documents: issuedDocuments(analysis, request.step) };
}
