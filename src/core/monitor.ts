import { basisOf } from "./basis";
import { finding, type Finding } from "./findings";
import { directionOf, indicatorLabel, isQuantitative, readNumber, toTargetScale } from "./indicators";
import type { Indicator, Project } from "./model";
import type { RuleSet } from "./rules/ruleset";
import { isBlank } from "./sheet";
import { cellText, normalizeLabel } from "./text";

export type Light = "green" | "yellow" | "red" | "blue";
export type Action = "正常" | "预警" | "暂缓拨款" | "停止拨款";
export type Possibility = "确定能" | "有可能" | "完全不可能" | null;

export interface IndicatorMonitor {
  indicator: Indicator;
  /** Progress index (higher-is-better quantitative indicators), else null. */
  index: number | null;
  light: Light | null;
  possibility: Possibility;
}

export interface Monitoring {
  month: number;
  executionRate: number | null;
  executionIndex: number | null;
  /** Execution has no blue: running ahead of the calendar is green. */
  executionLight: Exclude<Light, "blue">;
  indicators: IndicatorMonitor[];
  lights: Record<Light, number>;
  action: Action;
  grounds: string[];
}

export const LIGHT_NAMES: Record<Light, string> = { green: "绿灯", yellow: "黄灯", red: "红灯", blue: "蓝灯（超进度）" };

function possibilityOf(v: string): Possibility {
  const t = normalizeLabel(v);
  if (!t) return null;
  if (t.includes("完全不可能") || t.includes("不可能")) return "完全不可能";
  if (t.includes("有可能") || t.includes("可能")) return "有可能";
  if (t.includes("确定") || t.includes("能")) return "确定能";
  return null;
}

function executionLightOf(index: number, t: { green: number; yellow: number }): Exclude<Light, "blue"> {
  if (index >= t.green) return "green";
  if (index >= t.yellow) return "yellow";
  return "red";
}

function progressLightOf(index: number, t: { green: number; yellow: number; blue: number }): Light {
  return index >= t.blue ? "blue" : executionLightOf(index, t);
}

/**
 * 双监控: budget execution and target progress at month M, the traffic lights, and the action the rule set
 * proposes (停止拨款 / 暂缓拨款 / 预警 / 正常), with the grounds that triggered it.
 */
export function monitorProject(p: Project, rules: RuleSet): { result: Monitoring | null; findings: Finding[] } {
  const out: Finding[] = [];
  const t = rules.monitoring;
  for (const ind of p.indicators) {
    if (!ind.level3) continue;
    const poss = possibilityOf(cellText(ind.cells.possibility?.value ?? null));
    if (poss === "有可能" || poss === "完全不可能") {
      if (ind.cells.expected && isBlank(ind.cells.expected.value)) {
        out.push(finding("expected-value-missing", { sheet: p.sheet, cell: ind.cells.expected.cell }, `指标“${indicatorLabel(ind)}”选“${poss}”，须填写全年预计完成值。`, rules));
      }
      if (ind.cells.reason && isBlank(ind.cells.reason.value)) {
        out.push(finding("deviation-reason-missing", { sheet: p.sheet, cell: ind.cells.reason.cell }, `指标“${indicatorLabel(ind)}”选“${poss}”，须填写偏差原因（经费、制度、人员、硬件条件保障或其他）。`, rules));
      }
    }
  }
  if (!p.month) return { result: null, findings: out };
  const m = p.month.value;
  const share = m / 12;

  const budget = readNumber(p, p.fields.monitoringBudget, "年初预算数", out, rules);
  const executed = readNumber(p, p.fields.monitoringExecuted, `1-${m}月执行数`, out, rules);
  const statedRate = readNumber(p, p.fields.monitoringRate, "执行率", out, rules);
  let rate: number | null = null;
  if (budget && budget.value > 0 && executed) rate = executed.value / budget.value;
  else if (statedRate) rate = statedRate.percent || statedRate.value > 1.5 ? statedRate.value / 100 : statedRate.value;
  if (rate === null) {
    out.push(finding("missing-field", { sheet: p.sheet, cell: p.fields.monitoringBudget?.cell ?? null },
      "没有年初预算数和执行数（或执行率），无法监控预算执行进度，按 0 计。", rules, basisOf(rules, ["dual-monitoring"])));
  }
  const executionIndex = rate === null ? 0 : (rate / share) * 100;
  const executionLight = executionLightOf(executionIndex, t.execution);

  const indicators: IndicatorMonitor[] = [];
  for (const ind of p.indicators) {
    if (!ind.level3) continue;
    const possibility = possibilityOf(cellText(ind.cells.possibility?.value ?? null));
    let index: number | null = null;
    let light: Light | null = null;
    if (isQuantitative(ind) && directionOf(ind) !== "lower" && ind.target.value !== null && ind.target.value > 0) {
      const done = readNumber(p, ind.cells.progress, `指标“${indicatorLabel(ind)}”的 1-${m} 月完成值`, out, rules, true);
      const value = done ? toTargetScale(ind.target.percent, ind.target.value, done) : 0;
      index = (value / (ind.target.value * share)) * 100;
      light = value <= 0 ? "red" : progressLightOf(index, t.progress);
    } else if (possibility) {
      light = possibility === "完全不可能" ? "red" : possibility === "有可能" ? "yellow" : "green";
    }
    indicators.push({ indicator: ind, index, light, possibility });
  }

  const lights: Record<Light, number> = { green: 0, yellow: 0, red: 0, blue: 0 };
  for (const i of indicators) if (i.light) lights[i.light]++;
  const impossible = indicators.filter((i) => i.possibility === "完全不可能");
  const redOrImpossible = indicators.filter((i) => i.light === "red" || i.possibility === "完全不可能");
  const grounds: string[] = [];
  const execText = `预算执行率 ${rate === null ? "未知" : (rate * 100).toFixed(1) + "%"}，执行进度指数 ${executionIndex.toFixed(1)}（${LIGHT_NAMES[executionLight]}）`;
  let action: Action = "正常";
  if (executionLight === "red" && indicators.length > 0 && redOrImpossible.length / indicators.length >= t.stopRedShare) {
    action = "停止拨款";
    grounds.push(execText, `${redOrImpossible.length}/${indicators.length} 个指标为红灯或“完全不可能”（${redOrImpossible.map((i) => indicatorLabel(i.indicator)).join("、")}）`);
  } else if (executionLight === "red" || impossible.length > 0 || lights.red >= t.suspendRedCount) {
    action = "暂缓拨款";
    if (executionLight === "red") grounds.push(execText);
    if (impossible.length > 0) grounds.push(`指标“${impossible.map((i) => indicatorLabel(i.indicator)).join("、")}”完全不可能完成`);
    if (lights.red >= t.suspendRedCount) grounds.push(`${lights.red} 个指标为红灯`);
  } else if (executionLight !== "green" || lights.red > 0 || lights.yellow > 0) {
    action = "预警";
    if (executionLight !== "green") grounds.push(execText);
    if (lights.red + lights.yellow > 0) grounds.push(`${lights.red} 个指标红灯、${lights.yellow} 个指标黄灯`);
  }
  const where = { sheet: p.sheet, cell: p.fields.monitoringExecuted?.cell ?? p.fields.name?.cell ?? null };
  const text = `截至 ${m} 月：${grounds.join("；")}。`;
  if (action === "停止拨款") out.push(finding("stop-funding", where, `建议停止拨款。${text}`, rules));
  if (action === "暂缓拨款") out.push(finding("suspend-funding", where, `建议暂缓拨款。${text}`, rules));
  if (action === "预警") out.push(finding("monitoring-warning", where, `预警。${text}`, rules));
  return {
    result: { month: m, executionRate: rate, executionIndex, executionLight, indicators, lights, action, grounds },
    findings: out,
  };
}
