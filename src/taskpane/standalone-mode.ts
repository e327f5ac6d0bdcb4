import type ExcelJS from "exceljs";
import { templateBook } from "../core/templates";
import { ExcelJsHost } from "../hosts/exceljs-host";
import { formatBytes, MAX_WORKBOOK_BYTES } from "../hosts/host";
import { describeLoadError } from "../hosts/load-error";
import { inflateStartInBrowser, workbookLimitProblem } from "../hosts/zip-limits";
import { wireActions } from "./controller";
import { byId, setStatus } from "./view";

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
    if (!file) return;
    byId("file-name").textContent = `${file.name}（${formatBytes(file.size)}）`;
    if (file.size > MAX_WORKBOOK_BYTES) {
      setStatus(`文件 ${file.name} 超过 ${formatBytes(MAX_WORKBOOK_BYTES)} 的上限，未打开。请拆分后再处理。`, true);
      return;
    }
    setStatus("正在打开工作簿…");
    const bytes = new Uint8Array(await file.arrayBuffer());
    // Refused from its zip directory and its sheets' first bytes before exceljs unzips anything.
    const over = await workbookLimitProblem(file.name, bytes, inflateStartInBrowser);
    if (over) {
      setStatus(over, true);
      return;
    }
    try {
      const ExcelJs = await loadExcelJs();
      const wb = new ExcelJs.Workbook();
      await wb.xlsx.load(bytes.buffer);
      source = new ExcelJsHost(wb, file.name);
      actions.enable(true);
      actions.refreshSheets();
      setStatus(`已打开 ${file.name}，共 ${wb.worksheets.length} 张工作表。`);
    } catch (e) {
      setStatus(describeLoadError(file.name, bytes, e), true);
    }
  });

  // Last year's result workbook (the add-in's own, or a bureau's list), read beside the chosen one.
  const previousInput = byId<HTMLInputElement>("previous-input");
  previousInput.addEventListener("change", async () => {
    const file = previousInput.files?.[0];
    lastYear = null;
    byId("previous-name").textContent = "";
    if (!file) return;
    if (file.size > MAX_WORKBOOK_BYTES) {
      setStatus(`上年结果文件 ${file.name} 超过 ${formatBytes(MAX_WORKBOOK_BYTES)} 的上限，未打开。`, true);
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const over = await workbookLimitProblem(file.name, bytes, inflateStartInBrowser);
    if (over) {
      setStatus(`上年结果：${over}`, true);
      return;
    }
    try {
      const wb = new (await loadExcelJs()).Workbook();
      await wb.xlsx.load(bytes.buffer);
      lastYear = new ExcelJsHost(wb, file.name);
      byId("previous-name").textContent = `上年结果：${file.name}`;
      setStatus(`已打开上年结果 ${file.name}，检查时据此核对结果应用是否落实。`);
    } catch (e) {
      setStatus(describeLoadError(file.name, bytes, e), true);
    }
  });

  download.addEventListener("click", () => {
    if (result) saveFile(result.bytes, result.name);
  });
  byId("insert-template").textContent = "下载模板";
}

/** Offers bytes as a file download; nothing leaves the machine. */
// The standalone page asks for a modern browser (it says so in an old one, see startStandaloneMode): URL is fine here.
/* eslint-disable compat/compat */
function saveFile(bytes: ArrayBuffer, name: string): void {
  const blob = new Blob([bytes], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  document.body.removeChild(a);
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
/* eslint-enable compat/compat */

export function resultName(sourceName: string): string {
  return sourceName.replace(/\.xlsx$/i, "") + "-绩效结果.xlsx";
}
