import { insertTemplate } from "../app/actions";
import type { WorkbookHost } from "../hosts/host";
import { OfficeHost } from "../hosts/office-host";
import { wireActions } from "./controller";
import { byId, setStatus } from "./view";

/**
 * The pane over the workbook open in its host application (Excel, WPS 表格): results are written into it as sheets
 * the add-in owns, templates are inserted into it, and a finding's cell is shown there.
 */
export function startInWorkbook(mode: string, host: WorkbookHost, select: (sheet: string, cell: string) => Promise<void>): void {
  byId("mode").textContent = mode;
  const actions = wireActions({
    source: () => host,
    newTarget: async () => host,
    finish: async (_t, sheets) => `结果已写入“${sheets.join("”“")}”表。`,
    sheetNames: () => host.sheetNames(),
    template: async (id) => `已插入“${(await insertTemplate(host, id)).join("”“")}”表，请在白色单元格中填写。`,
    select: (sheet, cell) => {
      select(sheet, cell).catch((e) => setStatus(`无法定位到 ${sheet}!${cell}：${e instanceof Error ? e.message : String(e)}`, true));
    },
  });
  actions.enable(true);
  actions.refreshSheets();
}

/** Inside Excel: the workbook is the one open in Excel, through Office.js. */
export function startOfficeMode(): void {
  const host = new OfficeHost(
    (batch) => Excel.run(batch),
    (name, version) => Office.context.requirements.isSetSupported(name, version),
  );
  startInWorkbook("Excel 模式：处理当前工作簿", host, (sheet, cell) =>
    Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem(sheet).getRange(cell);
      range.worksheet.activate();
      range.select();
      await context.sync();
    }),
  );
}
