/**
 * The run's pictures, as descriptions (issue 22): the grade distribution, execution against 序时进度 by unit, and the
 * largest 自评–复核 differences. One description per chart; each host draws it its own way (hosts/chart-render.ts
 * renders it with Apache ECharts to SVG and PNG for the workbook and the Word documents). Only what was read is
 * drawn: a project whose grade or execution rate is unknown is left out and counted in the chart's note.
 */
import { toNumber2 } from "../decimal";
import type { Analysis } from "../results";
import type { ChartSpec } from "../sheet";
import { runCounts, summarize } from "./summary";

export type { ChartSpec };

const GRADES = ["优", "良", "中", "差"] as const;

/** The charts the analysis has data for (a run without reviews has no 自评–复核 chart, and so on). */
export function reportCharts(a: Analysis, most = 10): ChartSpec[] {
  const list = summarize(a);
  const charts: ChartSpec[] = [];
  const { grades, graded, unjudged } = runCounts(a);
  if (graded > 0) {
    charts.push({
      id: "grades", title: "绩效评价等级分布", unit: "个", categories: [...GRADES],
      series: [{ name: "项目数", values: GRADES.map((g) => grades[g]), color: "2F5597" }],
      note: unjudged > 0 ? `另有 ${unjudged} 个项目无法评定（评定所需的数据没有读到），未计入。` : "",
    });
  }
  // Execution by unit: the mean rate of its monitored projects whose rate was read.
  const byUnit = new Map<string, number[]>();
  let month = 0;
  let unread = 0;
  for (const s of list) {
    const m = s.monitoring?.monitoring;
    if (!m) continue;
    if (m.executionRate === null) {
      unread++;
      continue;
    }
    month = Math.max(month, m.month);
    const unit = s.unit || "（未写明单位）";
    byUnit.set(unit, [...(byUnit.get(unit) ?? []), m.executionRate]);
  }
  if (byUnit.size > 0) {
    const units = [...byUnit].map(([unit, rates]) => ({ unit, rate: rates.reduce((x, y) => x + y, 0) / rates.length })).sort((x, y) => x.rate - y.rate).slice(0, most);
    charts.push({
      id: "execution", title: `预算执行率与序时进度（截至${month}月）`, unit: "%", horizontal: true,
      categories: units.map((u) => u.unit),
      series: [{ name: "预算执行率", values: units.map((u) => Math.round(u.rate * 1000) / 10), color: "C55A11" }],
      line: { name: "序时进度", value: Math.round((month / 12) * 1000) / 10 },
      note: [byUnit.size > most ? `执行率最低的 ${most} 个单位（共 ${byUnit.size} 个）。` : "", unread > 0 ? `${unread} 个项目的执行率没有读到，未计入。` : ""].join(""),
    });
  }
  const reviewed = list.filter((s) => s.self?.review).map((s) => ({ name: s.name, delta: toNumber2(s.self!.review!.delta) }));
  if (reviewed.length > 0) {
    const top = reviewed.sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta)).slice(0, most);
    charts.push({
      id: "review-delta", title: "自评与复核得分差异最大的项目", unit: "分", horizontal: true,
      categories: top.map((t) => t.name),
      series: [{ name: "自评减复核", values: top.map((t) => t.delta), color: "70AD47" }],
      note: reviewed.length > most ? `差异最大的 ${most} 个项目（共复核 ${reviewed.length} 个）。` : "",
    });
  }
  return charts;
}
