import { runInventory } from "../app/actions";
import { OfficeHost } from "../hosts/office-host";
import { byId, setStatus, showInventory } from "./view";

/** Inside Excel: the workbook is the one open in Excel; results are written into it as sheets the add-in owns. */
export function startOfficeMode(): void {
  byId("mode").textContent = "Excel 模式：处理当前工作簿";
  const host = new OfficeHost(
    (batch) => Excel.run(batch),
    (name, version) => Office.context.requirements.isSetSupported(name, version),
  );
  const button = byId<HTMLButtonElement>("run-inventory");
  button.disabled = false;
  button.addEventListener("click", async () => {
    button.disabled = true;
    setStatus("正在读取工作簿…");
    try {
      const { rows, sheetsWritten } = await runInventory([host], host);
      showInventory(rows);
      setStatus(`完成：${rows.length} 张工作表，结果已写入“${sheetsWritten.join("、")}”表。`);
    } catch (e) {
      setStatus(`出错了：${e instanceof Error ? e.message : String(e)}`, true);
    } finally {
      button.disabled = false;
    }
  });
}
