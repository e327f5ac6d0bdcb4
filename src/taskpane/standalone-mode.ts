import type ExcelJS from "exceljs";
import { templateBook } from "../core/templates";
import { ExcelJsHost, openWorkbookBytes } from "../hosts/exceljs-host";
import { breathe, formatBytes, MAX_WORKBOOK_BYTES, PAGE_LIMITS } from "../hosts/host";
import { inflateStartInBrowser, streamLimitProblem, workbookLimitProblem, zipDirectory } from "../hosts/zip-limits";
import { CancelledError } from "../app/actions";
import { STEP_NAMES } from "../core/report";
import { checkOpened, type CheckedWorkbook } from "./check-run";
import type { CheckRequest, WorkerMessage } from "./check-worker";
import { workerFromPage } from "./offline-page";
import { type Cancel, type CheckOptions, wireActions } from "./controller";
import type { CheckView } from "./view";
import { byId, setStatus } from "./view";
import { offerDownload } from "./dom";
import { offerDocuments } from "./documents-button";
import type { Progress } from "../core/results";

type ExcelJsModule = typeof ExcelJS;

/** exceljs is loaded only here, on demand, so the Excel mode never downloads it. */
async function loadExcelJs(): Promise<ExcelJsModule> {
  const mod = await import(/* webpackChunkName: "exceljs" */ "exceljs");
  return (mod.default ?? mod) as ExcelJsModule;
}

/**
 * In a plain browser (or WPS users without Excel): the user opens an .xlsx file, the same actions run on it in
 * the page, and the results are offered as a new workbook to download. The chosen file is never written.
 */
export function startStandaloneMode(reason: string): void {
  byId("mode").textContent = `独立网页模式（${reason}）`;
  if ((window as unknown as { __jixiaoLegacyBrowser?: boolean }).__jixiaoLegacyBrowser) {
    // exceljs, which reads and writes the files here, needs ES2015 and more: it is not built for old browsers.
    setStatus("独立网页需要较新的浏览器：请用 Chrome、新版 Edge（Chromium 内核）、Firefox 或 WPS 自带的浏览器打开本页。在 Excel 中使用加载项不受此限制。", true);
    return;
  }
  byId("file-section").hidden = false;
  const input = byId<HTMLInputElement>("file-input");
  const download = byId<HTMLButtonElement>("download");
  let source: ExcelJsHost | null = null;
  let lastYear: ExcelJsHost | null = null;
  // The chosen files' bytes, for the worker that checks them (each run gets copies: they are moved, not shared).
  let sourceBytes: Uint8Array | null = null;
  let lastYearBytes: Uint8Array | null = null;
  let result: { bytes: ArrayBuffer; name: string } | null = null;

  const actions = wireActions({
    source: () => source,
    previous: () => lastYear,
    sheetNames: async () => (source ? source.sheetNames() : []),
    newTarget: async () => new ExcelJsHost(new (await loadExcelJs()).Workbook(), "结果"),
    template: async (id) => {
      const book = templateBook(id);
      if (!book) throw new Error(`没有这个模板：${id}`);
      const host = new ExcelJsHost(new (await loadExcelJs()).Workbook(), book.file);
      await host.write(book.sheets);
      saveFile((await host.workbook.xlsx.writeBuffer()) as ArrayBuffer, book.file);
      return `已下载模板 ${book.file}，可用 Excel 或 WPS 打开填写。`;
    },
    check,
    finish: async (target, sheets) => {
      result = { bytes: (await (target as ExcelJsHost).workbook.xlsx.writeBuffer()) as ArrayBuffer, name: resultName(source!.file) };
      download.hidden = false;
      return `结果（${sheets.join("、")}）可下载为 ${result.name}。`;
    },
  });

  input.addEventListener("change", async () => {
    const file = input.files?.[0];
    source = null;
    result = null;
    actions.enable(false);
    download.hidden = true;
    offerDocuments(null);
    if (!file) return;
    byId("file-name").textContent = `${file.name}（${formatBytes(file.size)}）`;
    setStatus("正在打开工作簿…");
    const opened = await openChosen(file);
    if ("problem" in opened) {
      setStatus(opened.problem, true);
      return;
    }
    source = opened.host;
    sourceBytes = opened.bytes;
    actions.enable(true);
    actions.refreshSheets();
    setStatus(`已打开 ${file.name}，共 ${opened.host.workbook.worksheets.length} 张工作表。`);
  });

  // Last year's result workbook (the add-in's own, or a bureau's list), read beside the chosen one.
  const previousInput = byId<HTMLInputElement>("previous-input");
  previousInput.addEventListener("change", async () => {
    const file = previousInput.files?.[0];
    lastYear = null;
    lastYearBytes = null;
    byId("previous-name").textContent = "";
    if (!file) return;
    const opened = await openChosen(file);
    if ("problem" in opened) {
      setStatus(`上年结果：${opened.problem}`, true);
      return;
    }
    lastYear = opened.host;
    lastYearBytes = opened.bytes;
    byId("previous-name").textContent = `上年结果：${file.name}`;
    setStatus(`已打开上年结果 ${file.name}，检查时据此核对结果应用是否落实。`);
  });

  /**
   * 全部检查 and its steps run in a Web Worker (check-worker.ts): exceljs's reading and the analysis never hold the
   * page, so progress and 取消 keep working on a 10,000-project workbook. Where no worker can start (a file:// page
   * refuses one from a file; a browser may have none, or not give it its program), the page checks by itself instead,
   * yielding between steps. A check that fails becomes a Chinese message; the page stays usable.
   */
  function check(request: CheckOptions, onProgress: (p: Progress) => void, signal: Cancel): Promise<{ view: CheckView; message: string }> {
    if (!source || !sourceBytes) return Promise.reject(new Error("请先选择工作簿。"));
    const name = source.file;
    const finished = (done: CheckedWorkbook) => {
      result = { bytes: done.bytes, name: resultName(name) };
      download.hidden = false;
      offerDocuments(done.documents, `${name.replace(/\.xlsx$/i, "")}-公文.zip`);
      const words = done.documents.length > 0 ? `；${done.documents.length} 份公文可点“下载公文”下载` : "";
      return { view: done.view, message: `结果（${done.sheets.join("、")}）可下载为 ${result.name}${words}。` };
    };
    return checkInWorker(request, onProgress, signal).then(finished, (e: unknown) => {
      if (!(e instanceof NoWorker)) throw e;
      console.warn(`后台检查无法启动，改在本页中检查：${e.message}`);
      return checkHere(request, onProgress, signal).then(finished);
    });
  }

  function checkInWorker(request: CheckOptions, onProgress: (p: Progress) => void, signal: Cancel): Promise<CheckedWorkbook> {
    return new Promise((resolve, reject) => {
      let worker: Worker;
      try {
        // The offline page carries the worker's code; the served page has it beside itself.
        // The standalone page asks old browsers for a newer one before anything runs (startStandaloneMode): URL is there.
        // eslint-disable-next-line compat/compat
        worker = workerFromPage() ?? new Worker(/* webpackChunkName: "check-worker" */ new URL("./check-worker.ts", import.meta.url));
      } catch (e) {
        return reject(new NoWorker(e instanceof Error ? e.message : String(e)));
      }
      let ready = false;
      const stop = (e: Error | null, value?: CheckedWorkbook) => {
        signal.onAbort = undefined;
        worker.terminate();
        if (e) reject(e);
        else resolve(value!);
      };
      signal.onAbort = () => (ready ? worker.postMessage({ type: "cancel" }) : stop(new CancelledError()));
      worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
        const m = e.data;
        if (m.type === "ready") {
          ready = true;
          post(worker, request);
        } else if (m.type === "unavailable") stop(new NoWorker(m.message));
        else if (m.type === "progress") onProgress({ stage: m.stage, done: m.done });
        else if (m.type === "done") stop(null, m);
        else if (m.type === "cancelled") stop(new CancelledError());
        else stop(new Error(m.message));
      };
      worker.onerror = (e) => {
        e.preventDefault();
        // Before "ready" the worker's own program did not load or run: the page checks by itself.
        if (!ready) stop(new NoWorker(e.message || "无法加载检查程序"));
        else stop(new Error(`后台检查出错（${e.message || "无法加载检查程序"}），页面仍可使用；请刷新页面后重试。`));
      };
    });
  }

  function post(worker: Worker, request: CheckOptions): void {
    const file = sourceBytes!.slice().buffer;
    const previous = lastYearBytes ? lastYearBytes.slice().buffer : null;
    const message: CheckRequest = {
      type: "check", file: { name: source!.file, bytes: file }, previous: previous && lastYear ? { name: lastYear.file, bytes: previous } : null,
      ruleSet: request.ruleSet, month: request.month, step: request.step, previousSheets: request.previousSheets, layouts: request.layouts,
    };
    worker.postMessage(message, previous ? [file, previous] : [file]);
  }

  /** The same check in the page: slower to answer on a large workbook, but it finishes. */
  async function checkHere(request: CheckOptions, onProgress: (p: Progress) => void, signal: Cancel): Promise<CheckedWorkbook> {
    setStatus(`${STEP_NAMES[request.step]}：本浏览器不能在后台检查，改在本页中检查，请稍候…`);
    const step = (p: Progress) => onProgress({ stage: `正在检查…${p.stage}`, done: p.done });
    step({ stage: "读取工作簿", done: 0 });
    // The status and the first progress line are painted before the work begins.
    await breathe();
    return checkOpened(await loadExcelJs(), source!, lastYear, request, signal, step);
  }

  download.addEventListener("click", () => {
    if (result) saveFile(result.bytes, result.name);
  });
  byId("insert-template").textContent = "下载模板";
}

/**
 * A chosen file opened in the page, or why not: over the size limit, over WORKBOOK_LIMITS by its zip directory and
 * its sheets' first bytes (checked before exceljs unzips anything), or not a workbook exceljs can read.
 */
async function openChosen(file: File): Promise<{ host: ExcelJsHost; bytes: Uint8Array } | { problem: string }> {
  if (file.size > MAX_WORKBOOK_BYTES) return { problem: `文件 ${file.name} 超过 ${formatBytes(MAX_WORKBOOK_BYTES)} 的上限，网页中未打开。${commandLineHint(file.name)}` };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const over = await workbookLimitProblem(file.name, bytes, inflateStartInBrowser, PAGE_LIMITS);
  if (over) {
    // Too big for the page, not dangerous: the command line reads it as a stream.
    const entries = zipDirectory(bytes);
    const streamable = Array.isArray(entries) && (await streamLimitProblem(file.name, bytes, entries, inflateStartInBrowser)) === null;
    return { problem: streamable ? `${over.replace(/请拆分后再处理[^。]*。$/, "")}${commandLineHint(file.name)}` : over };
  }
  let ExcelJs: ExcelJsModule;
  try {
    ExcelJs = await loadExcelJs();
  } catch (e) {
    return { problem: `无法加载读取工作簿的程序（${e instanceof Error ? e.message : String(e)}），请刷新页面后重试。` };
  }
  try {
    return { host: await openWorkbookBytes(ExcelJs, file.name, bytes), bytes };
  } catch (e) {
    return { problem: e instanceof Error ? e.message : String(e) };
  }
}

/** Where a workbook too big for the page can be checked: the command line, which reads a list as a stream. */
function commandLineHint(name: string): string {
  return `网页一次读入整个工作簿，最多处理解压后 ${formatBytes(PAGE_LIMITS.uncompressedBytes)}；更大的清单（如全省导出的项目清单）请用命令行检查，它逐行读取、不受此限：jixiao check "${name}" --out 结果.xlsx（安装方法见使用说明）。`;
}

/** Offers the result workbook's bytes as a file download. */
function saveFile(bytes: ArrayBuffer, name: string): void {
  offerDownload(new Blob([bytes], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }), name);
}

/** No worker could start, or it could not load its program: the page checks by itself. */
class NoWorker extends Error {}

export function resultName(sourceName: string): string {
  return sourceName.replace(/\.xlsx$/i, "") + "-绩效结果.xlsx";
}
