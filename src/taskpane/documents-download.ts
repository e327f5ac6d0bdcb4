/**
 * 下载公文 in the page (issue 22): the run's 公文 laid out as Word documents (hosts/docx-document.ts) with their
 * charts drawn by ECharts on a canvas of the page (the same option the command line draws to SVG), in one .zip.
 * Loaded only when the button is clicked: docx and ECharts are large, and most runs never need them.
 */
import * as echarts from "echarts/core";
import JSZip from "jszip";
import type { ChartSpec } from "../core/sheet";
import { CHART_SIZE, chartOption } from "../hosts/chart-render";
import { officialDocx } from "../hosts/docx-document";
import { documentCharts, type IssuedDocument } from "../core/report/run-report";

/** A chart as PNG bytes, drawn at twice its size on a canvas that is never shown. */
function canvasPng(c: ChartSpec): Uint8Array {
  const box = document.createElement("div");
  const chart = echarts.init(box, null, { renderer: "canvas", ...CHART_SIZE });
  try {
    chart.setOption(chartOption(c));
    const url = chart.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#ffffff" });
    const bin = atob(url.slice(url.indexOf(",") + 1));
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } finally {
    chart.dispose();
  }
}

export async function documentsZip(documents: IssuedDocument[]): Promise<Uint8Array> {
  const drawn = new Map(documentCharts(documents).map((c) => [c.id, canvasPng(c)]));
  const zip = new JSZip();
  for (const d of documents) zip.file(d.file, await officialDocx(d.content, (c) => drawn.get(c.id)!));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
