import { WpsHost } from "../hosts/wps-host";
import type { EtApplication } from "../hosts/wps-types";
import { startInWorkbook } from "./office-mode";

/** Inside WPS 表格 (a WPS 加载项's task pane): the workbook is WPS's active workbook, through its object model. */
export function startWpsMode(app: EtApplication): void {
  const host = new WpsHost(app);
  startInWorkbook("WPS 模式：处理当前工作簿", host, async (sheet, cell) => host.select(sheet, cell));
}
