/**
 * A chart description (core/report/charts.ts) drawn by Apache ECharts, server-side, to SVG: no browser, no canvas
 * (ECharts' SSR renderer). The same option serves every host that needs a picture; PNG comes from the SVG
 * (hosts/chart-png.ts in Node). Every bar carries its value, so a printed page needs no axis reading.
 */
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, MarkLineComponent, TitleComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer, SVGRenderer } from "echarts/renderers";

// Only what these charts use (ECharts' own way to keep its bundle small): bars, the reference line, title, legend.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, SVGRenderer, CanvasRenderer]);
import type { ChartSpec } from "../core/report/charts";

export const CHART_SIZE = { width: 800, height: 450 };
const FONT = "Microsoft YaHei, PingFang SC, Noto Sans CJK SC, WenQuanYi Micro Hei, SimHei, sans-serif";

/** The ECharts option that draws a chart description: the same in SVG (here) and on a canvas (the page). */
export function chartOption(c: ChartSpec): echarts.EChartsCoreOption {
  const suffix = c.unit === "%" ? "%" : ` ${c.unit}`;
  const categoryAxis = { type: "category" as const, data: c.categories, axisLabel: { fontSize: 13, width: 170, overflow: "truncate" as const }, inverse: c.horizontal };
  const valueAxis = { type: "value" as const, name: c.unit, axisLabel: { fontSize: 12 } };
  return {
    animation: false,
    textStyle: { fontFamily: FONT },
    backgroundColor: "#ffffff",
    title: { text: c.title, left: "center", top: 8, textStyle: { fontSize: 20, fontWeight: "bold" }, subtext: c.note, subtextStyle: { fontSize: 12, color: "#595959" } },
    grid: { left: c.horizontal ? 190 : 60, right: 70, top: (c.note ? 86 : 64) + (c.line ? 26 : 0), bottom: 40 },
    legend: c.line ? { top: c.note ? 62 : 42, data: [c.series[0].name, c.line.name] } : undefined,
    xAxis: c.horizontal ? valueAxis : categoryAxis,
    yAxis: c.horizontal ? categoryAxis : valueAxis,
    series: [
      ...c.series.map((s, i) => ({
        type: "bar" as const, name: s.name, data: s.values, itemStyle: { color: `#${s.color}` }, barMaxWidth: 48,
        label: { show: true, position: (c.horizontal ? "right" : "top") as "right" | "top", fontSize: 13, formatter: (p: { value: unknown }) => `${p.value}${suffix}` },
        markLine: i === 0 && c.line ? {
          symbol: "none", silent: true, lineStyle: { color: "#C00000", type: "dashed" as const, width: 2 },
          label: { formatter: `${c.line.name} ${c.line.value}${suffix}`, color: "#C00000", fontSize: 13, position: "insideEndTop" as const },
          data: [c.horizontal ? { xAxis: c.line.value } : { yAxis: c.line.value }],
        } : undefined,
      })),
      // The reference line's own legend entry.
      ...(c.line ? [{ type: "line" as const, name: c.line.name, data: [], itemStyle: { color: "#C00000" }, lineStyle: { type: "dashed" as const } }] : []),
    ],
  };
}

/** The chart as an SVG document of CHART_SIZE. */
export function chartSvg(c: ChartSpec): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, ...CHART_SIZE });
  try {
    chart.setOption(chartOption(c));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
