// The thread that draws the result workbook's charts (cli/painter.ts): it loads ECharts and resvg as the check
// starts, while the main thread reads and analyses, and draws each chart it is sent as a PNG.
import { parentPort } from "node:worker_threads";
import type { ChartSpec } from "../core/sheet";
import { chartPng } from "../hosts/chart-png";

parentPort!.on("message", (m: { id: number; chart: ChartSpec }) => {
  try {
    const png = chartPng(m.chart);
    parentPort!.postMessage({ id: m.id, png }, [png.buffer as ArrayBuffer]);
  } catch (e) {
    parentPort!.postMessage({ id: m.id, error: e instanceof Error ? e.message : String(e) });
  }
});
