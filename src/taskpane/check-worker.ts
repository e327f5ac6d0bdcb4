// The standalone page's checks run here, in a Web Worker, so the page stays responsive (progress, 取消) while
// exceljs reads a large workbook and the engine analyses it. The page posts the file's bytes and the options; the
// worker posts progress, then the result workbook's bytes and what the pane shows, or a Chinese error.
import type ExcelJS from "exceljs";
import { CancelledError, runCheck } from "../app/actions";
import type { ReportStep } from "../core/report";
import { builtInRuleSet } from "../core/rules/load";
import { DEFAULT_RULES } from "../core/rules/ruleset";
import { ExcelJsHost, openWorkbookBytes } from "../hosts/exceljs-host";
import { checkView } from "./view";

export interface CheckRequest {
  type: "check";
  file: { name: string; bytes: ArrayBuffer };
  previous: { name: string; bytes: ArrayBuffer } | null;
  ruleSet: string;
  month?: number;
  step: ReportStep;
  previousSheets: string[];
}

export type WorkerMessage =
  | { type: "progress"; stage: string; done: number }
  | { type: "done"; bytes: ArrayBuffer; sheets: string[]; view: ReturnType<typeof checkView> }
  | { type: "cancelled"; message: string }
  | { type: "error"; message: string };

interface WorkerScope {
  onmessage: ((e: { data: CheckRequest | { type: "cancel" } }) => void) | null;
  postMessage(message: WorkerMessage, transfer?: ArrayBuffer[]): void;
}

const scope = self as unknown as WorkerScope;
let signal: { aborted: boolean } = { aborted: false };

async function check(req: CheckRequest): Promise<void> {
  signal = { aborted: false };
  const mod = await import(/* webpackChunkName: "exceljs" */ "exceljs");
  const ExcelJs = ((mod as unknown as { default?: typeof ExcelJS }).default ?? mod) as typeof ExcelJS;
  const source = await openWorkbookBytes(ExcelJs, req.file.name, new Uint8Array(req.file.bytes));
  const lastYear = req.previous ? await openWorkbookBytes(ExcelJs, req.previous.name, new Uint8Array(req.previous.bytes)) : null;
  const target = new ExcelJsHost(new ExcelJs.Workbook(), "结果");
  const rules = req.ruleSet === "sheet" ? "sheet" : builtInRuleSet(req.ruleSet) ?? DEFAULT_RULES;
  const { analysis, sheetsWritten } = await runCheck([source], target, rules, {
    month: req.month, step: req.step, signal, previousSheets: req.previousSheets, previous: lastYear ? [lastYear] : undefined,
    onProgress: (p) => scope.postMessage({ type: "progress", stage: p.stage, done: p.done }),
  });
  scope.postMessage({ type: "progress", stage: "生成结果工作簿", done: 1 });
  // exceljs gives a Buffer (a view on a larger pool in some builds): the result's own bytes are what is moved.
  const written = new Uint8Array((await target.workbook.xlsx.writeBuffer()) as ArrayBuffer);
  const bytes = written.buffer.slice(written.byteOffset, written.byteOffset + written.byteLength) as ArrayBuffer;
  scope.postMessage({ type: "done", bytes, sheets: sheetsWritten, view: checkView(analysis) }, [bytes]);
}

scope.onmessage = (e) => {
  const msg = e.data;
  if (msg.type === "cancel") {
    signal.aborted = true;
    return;
  }
  check(msg).catch((err: unknown) => {
    if (err instanceof CancelledError) scope.postMessage({ type: "cancelled", message: err.message });
    else scope.postMessage({ type: "error", message: err instanceof Error ? err.message : String(err) });
  });
};
