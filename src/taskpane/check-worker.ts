// The standalone page's checks run here, in a Web Worker, so the page stays responsive (progress, 取消) while
// exceljs reads a large workbook and the engine analyses it. The worker first loads what it needs and says "ready"
// (or "unavailable": then the page checks by itself); the page then posts the file's bytes and the options; the
// worker posts progress, then the result workbook's bytes and what the pane shows, or a Chinese error.
import type ExcelJS from "exceljs";
import { CancelledError } from "../app/actions";
import { loadFormulaParser } from "../core/rules/expression";
import { openWorkbookBytes } from "../hosts/exceljs-host";
import { checkOpened, type CheckedWorkbook } from "./check-run";
import type { CheckOptions } from "./controller";

export interface CheckRequest extends CheckOptions {
  type: "check";
  file: { name: string; bytes: ArrayBuffer };
  previous: { name: string; bytes: ArrayBuffer } | null;
}

export type WorkerMessage =
  | { type: "ready" }
  | { type: "unavailable"; message: string }
  | { type: "progress"; stage: string; done: number }
  | ({ type: "done" } & CheckedWorkbook)
  | { type: "cancelled"; message: string }
  | { type: "error"; message: string };

interface WorkerScope {
  onmessage: ((e: { data: CheckRequest | { type: "cancel" } }) => void) | null;
  postMessage(message: WorkerMessage, transfer?: ArrayBuffer[]): void;
}

const scope = self as unknown as WorkerScope;
let signal: { aborted: boolean } = { aborted: false };

async function load(): Promise<typeof ExcelJS> {
  const mod = await import(/* webpackChunkName: "exceljs" */ "exceljs");
  await loadFormulaParser();
  return ((mod as unknown as { default?: typeof ExcelJS }).default ?? mod) as typeof ExcelJS;
}

async function check(ExcelJs: typeof ExcelJS, req: CheckRequest): Promise<void> {
  signal = { aborted: false };
  const source = await openWorkbookBytes(ExcelJs, req.file.name, new Uint8Array(req.file.bytes));
  const lastYear = req.previous ? await openWorkbookBytes(ExcelJs, req.previous.name, new Uint8Array(req.previous.bytes)) : null;
  const done = await checkOpened(ExcelJs, source, lastYear, req, signal, (p) => scope.postMessage({ type: "progress", stage: p.stage, done: p.done }));
  scope.postMessage({ type: "done", ...done }, [done.bytes]);
}

load().then(
  (ExcelJs) => {
    scope.onmessage = (e) => {
      const msg = e.data;
      if (msg.type === "cancel") {
        signal.aborted = true;
        return;
      }
      check(ExcelJs, msg).catch((err: unknown) => {
        if (err instanceof CancelledError) scope.postMessage({ type: "cancelled", message: err.message });
        else scope.postMessage({ type: "error", message: err instanceof Error ? err.message : String(err) });
      });
    };
    scope.postMessage({ type: "ready" });
  },
  // Its program could not load (a chunk the browser would not give it): not a failure of the check.
  (err: unknown) => scope.postMessage({ type: "unavailable", message: err instanceof Error ? err.message : String(err) }),
);
