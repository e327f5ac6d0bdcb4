import type ExcelJS from "exceljs";
import { runInventory } from "../app/actions";
import { ExcelJsHost } from "../hosts/exceljs-host";
import { formatBytes, MAX_WORKBOOK_BYTES } from "../hosts/host";
import { describeLoadError } from "../hosts/load-error";
import { byId, setStatus, showInventory } from "./view";

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
  byId("file-section").hidden = false;
  const input = byId<HTMLInputElement>("file-input");
  const run = byId<HTMLButtonElement>("run-inventory");
  const download = byId<HTMLButtonElement>("download");
  let source: ExcelJsHost | null = null;
  let result: { bytes: ArrayBuffer; name: string } | null = null;

  input.addEventListener("change", async () => {
    const file = input.files?.[0];
    source = null;
    result = null;
    run.disabled = true;
    download.hidden = true;
    if (!file) return;
    byId("file-name").textContent = `${file.name}（${formatBytes(file.size)}）`;
    if (file.size > MAX_WORKBOOK_BYTES) {
      setStatus(`文件 ${file.name} 超过 ${formatBytes(MAX_WORKBOOK_BYTES)} 的上限，未打开。请拆分后再处理。`, true);
      return;
    }
    setStatus("正在打开工作簿…");
    const bytes = new Uint8Array(await file.arrayBuffer());
    try {
      const ExcelJs = await loadExcelJs();
      const wb = new ExcelJs.Workbook();
      await wb.xlsx.load(bytes.buffer);
      source = new ExcelJsHost(wb, file.name);
      run.disabled = false;
      setStatus(`已打开 ${file.name}，共 ${wb.worksheets.length} 张工作表。`);
    } catch (e) {
      setStatus(describeLoadError(file.name, bytes, e), true);
    }
  });

  run.addEventListener("click", async () => {
    if (!source) return;
    run.disabled = true;
    setStatus("正在处理…");
    try {
      const ExcelJs = await loadExcelJs();
      const target = new ExcelJsHost(new ExcelJs.Workbook(), "结果");
      const { rows, sheetsWritten } = await runInventory([source], target);
      result = { bytes: (await target.workbook.xlsx.writeBuffer()) as ArrayBuffer, name: resultName(source.file) };
      showInventory(rows);
      download.hidden = false;
      setStatus(`完成：${rows.length} 张工作表。结果（${sheetsWritten.join("、")}）可下载为 ${result.name}。`);
    } catch (e) {
      setStatus(`出错了：${e instanceof Error ? e.message : String(e)}`, true);
    } finally {
      run.disabled = false;
    }
  });

  download.addEventListener("click", () => {
    if (!result) return;
    const blob = new Blob([result.bytes], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = result.name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  });
}

export function resultName(sourceName: string): string {
  return sourceName.replace(/\.xlsx$/i, "") + "-绩效结果.xlsx";
}
