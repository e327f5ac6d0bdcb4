import { columnsRead, type Evidence } from "./evidence";
import { finding, type Finding } from "./findings";
import { checkStatedRate, directionOf, indicatorLabel, isQuantitative, readNumber, toTargetScale } from "./indicators";
import type { Indicator, Located, Project } from "./model";
import type { RuleSet } from "./rules/ruleset";
import { isBlank } from "./sheet";
import { cellText, normalizeLabel } from "./text";
import { readNumberCell } from "./values";
import { FUNDS_TOTAL } from "./read/funds";

export type Light = "green" | "yellow" | "red" | "blue";
export type Action = "正常" | "预警" | "暂缓拨款" | "停止拨款" | "无法判定";
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
  /** Null where neither 预算数 and 执行数 nor a stated 执行率 was read: never counted as 0. */
  executionRate: number | null;
  executionIndex: number | null;
  /** Execution has no blue: running ahead of the calendar is green. Null where the rate was not read. */
  executionLight: Exclude<Light, "blue"> | null;
  indicators: IndicatorMonitor[];
  /** Lights of the indicators whose values were read; an indicator not read has none. */
  lights: Record<Light, number>;
  action: Action;
  grounds: string[];
  evidence: Evidence;
}

/** The period's completion: its 1-M月 column, or a 实际完成值 column, which in a monitoring table is this period's. */
function progressCell(ind: Indicator): Located | undefined {
  return ind.cells.progress ?? ind.cells.actual;
}

/** The period's completion as a number, or null where it is blank or written in words (按计划推进, a date). */
function progressNumber(ind: Indicator): { value: number; percent: boolean } | null {
  const loc = progressCell(ind);
  if (!loc) return null;
  const r = readNumberCell(loc.value, true);
  return r.kind === "number" ? { value: r.value, percent: r.percent } : null;
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
  const at = (cell: string | null) => ({ sheet: p.sheet, cell });
  const items = p.indicators.filter((i) => i.level3);
  for (const ind of items) {
    const name = indicatorLabel(ind);
    if (ind.cells.target && isBlank(ind.cells.target.value)) {
      out.push(finding("monitoring-value-missing", at(ind.cells.target.cell), `指标“${name}”的年度指标值为空，无法判断完成进度。`, rules));
    }
    const progress = progressCell(ind);
    if (progress && isBlank(progress.value)) {
      out.push(finding("monitoring-value-missing", at(progress.cell), `指标“${name}”没有填写本期完成情况，不计入红黄绿灯。`, rules));
    }
    const poss = possibilityOf(cellText(ind.cells.possibility?.value ?? null));
    const deviates = poss === "有可能" || poss === "完全不可能" || (ind.cells.reason !== undefined && !isBlank(ind.cells.reason.value));
    if (deviates && ind.cells.correction && isBlank(ind.cells.correction.value)) {
      out.push(finding("correction-missing", at(ind.cells.correction.cell), `指标“${name}”有偏差${poss ? `（完成可能性“${poss}”）` : "（已写偏差原因）"}，须填写纠偏（整改）措施。`, rules));
    }
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

  // A budget-execution block by 资金来源 (its 合计 row, or the sum of its source rows) is the project's; else the
  // fields. An adjusted budget (调整后预算数, 全年预算数) wins over the initial one.
  const block = executionBlock(p, m, out, rules);
  const adjusted = p.fields.monitoringAdjusted && !isBlank(p.fields.monitoringAdjusted.value) ? p.fields.monitoringAdjusted : undefined;
  const budgetField = block?.budget ?? adjusted ?? p.fields.monitoringBudget;
  const budget = block ? block.budgetValue : readNumber(p, budgetField, budgetField === adjusted ? "调整后预算数" : "年初预算数", out, rules);
  const executedField = block?.executed ?? p.fields.monitoringExecuted;
  const executed = block ? block.executedValue : readNumber(p, executedField, `1-${m}月执行数`, out, rules);
  const computed = budget && budget.value > 0 && executed ? executed.value / budget.value : null;
  const statedRate = checkStatedRate(p, block?.rate ?? p.fields.monitoringRate, computed, out, rules);
  const rate: number | null = computed ?? statedRate;
  if (!block && budget && executed && executed.value > budget.value + 1e-9) {
    out.push(finding("execution-above-budget", at(executedField?.cell ?? null),
      `1-${m}月执行数 ${executed.value} 超过预算数 ${budget.value}（${budgetField?.cell ?? ""}），请核对。`, rules));
  }
  // An unread rate is unknown: the action below is then 无法判定, and its one finding names what is missing.
  const executionIndex = rate === null ? null : (rate / share) * 100;
  const executionLight = executionIndex === null ? null : executionLightOf(executionIndex, t.execution);

  const indicators: IndicatorMonitor[] = [];
  for (const ind of items) {
    const possibility = possibilityOf(cellText(ind.cells.possibility?.value ?? null));
    let index: number | null = null;
    let light: Light | null = null;
    // A progress written in words (按计划推进, a date) is qualitative progress: read, but not a number to index.
    const done = progressNumber(ind);
    if (isQuantitative(ind) && directionOf(ind) !== "lower" && ind.target.value !== null && ind.target.value > 0 && done) {
      const value = toTargetScale(ind.target.percent, ind.target.value, done);
      index = (value / (ind.target.value * share)) * 100;
      light = value <= 0 ? "red" : progressLightOf(index, t.progress);
    }
    // Lights come from the progress index alone (DOMAIN §4); the unit's 完成可能性 weighs in the action, not as a light.
    indicators.push({ indicator: ind, index, light, possibility });
  }

  const lights: Record<Light, number> = { green: 0, yellow: 0, red: 0, blue: 0 };
  for (const i of indicators) if (i.light) lights[i.light]++;
  // An indicator is assessed where its progress gave a light or the unit stated its 完成可能性.
  const lit = indicators.filter((i) => i.light || i.possibility);
  const unread = indicators.length - lit.length;
  const impossible = indicators.filter((i) => i.possibility === "完全不可能");
  const doubtful = indicators.filter((i) => i.possibility === "有可能");
  const redOrImpossible = indicators.filter((i) => i.light === "red" || i.possibility === "完全不可能");
  const grounds: string[] = [];
  const execText = rate === null ? "预算执行率未读到" : `预算执行率 ${(rate * 100).toFixed(1)}%，执行进度指数 ${executionIndex!.toFixed(1)}（${LIGHT_NAMES[executionLight!]}）`;
  const missing: string[] = [];
  if (rate === null) missing.push("预算数和执行数（或执行率）");
  if (unread > 0) missing.push(`${unread} 个指标的本期完成值或完成可能性`);
  // 停止拨款 needs most of the indicators read: red or 完全不可能 among those read, and no more unread than read.
  const stopProven = lit.length > 0 && unread <= lit.length && redOrImpossible.length / lit.length >= t.stopRedShare;
  let action: Action = "正常";
  if (executionLight === "red" && stopProven) {
    action = "停止拨款";
    const names = redOrImpossible.map((i) => indicatorLabel(i.indicator)).join("、");
    grounds.push(execText, unread === 0
      ? `${redOrImpossible.length}/${lit.length} 个指标为红灯或“完全不可能”（${names}）`
      : `读到的 ${lit.length} 个指标中 ${redOrImpossible.length} 个为红灯或“完全不可能”（${names}）`);
  } else if (rate === null) {
    action = "无法判定";
    grounds.push(`没有读到${missing.join("、")}`);
    if (lights.red + lights.yellow > 0) grounds.push(`读到的指标中 ${lights.red} 个红灯、${lights.yellow} 个黄灯`);
  } else if (executionLight === "red" || impossible.length > 0 || lights.red >= t.suspendRedCount) {
    action = "暂缓拨款";
    if (executionLight === "red") grounds.push(execText);
    if (impossible.length > 0) grounds.push(`指标“${impossible.map((i) => indicatorLabel(i.indicator)).join("、")}”完全不可能完成`);
    if (lights.red >= t.suspendRedCount) grounds.push(`${lights.red} 个指标为红灯`);
  } else if (executionLight !== "green" || lights.red > 0 || lights.yellow > 0 || doubtful.length > 0) {
    action = "预警";
    if (executionLight !== "green") grounds.push(execText);
    if (lights.red + lights.yellow > 0) grounds.push(`${lights.red} 个指标红灯、${lights.yellow} 个指标黄灯`);
    if (doubtful.length > 0) grounds.push(`指标“${doubtful.map((i) => indicatorLabel(i.indicator)).join("、")}”完成可能性为“有可能”`);
  }
  if ((action === "暂缓拨款" || action === "预警" || action === "正常") && unread > 0 && indicators.length > 0) {
    grounds.push(`${unread}/${indicators.length} 个指标的进度和完成可能性都未读到`);
  }
  const where = { sheet: p.sheet, cell: p.fields.monitoringExecuted?.cell ?? p.fields.name?.cell ?? null };
  const text = `截至 ${m} 月：${grounds.join("；")}。`;
  if (action === "无法判定") {
    out.push(finding("monitoring-cannot-judge", at(budgetField?.cell ?? where.cell),
      `无法判定是否暂缓或停止拨款：${grounds.join("；")}。请补填预算数、${m}月执行数（或执行率）后重新检查；表中有而没有认出的，请在“读取方式”中指定（命令行用 --layout）。`, rules));
  }
  if (action === "停止拨款") out.push(finding("stop-funding", where, `建议停止拨款。${text}`, rules));
  if (action === "暂缓拨款") out.push(finding("suspend-funding", where, `建议暂缓拨款。${text}`, rules));
  if (action === "预警") out.push(finding("monitoring-warning", where, `预警。${text}`, rules));
  return {
    result: {
      month: m, executionRate: rate, executionIndex, executionLight, indicators, lights, action, grounds,
      evidence: {
        source: action === "无法判定" ? "none" : "recomputed",
        read: [
          ...[budgetField, executedField, block?.rate ?? p.fields.monitoringRate].filter((f) => f && !isBlank(f.value)).map((f) => f!.cell),
          ...columnsRead(items, [["target", "年度指标值"], ["progress", `1-${m}月完成值`], ["possibility", "完成可能性"]]),
        ],
        rows: { read: lit.length, found: indicators.length },
        missing: action === "无法判定" ? missing : [],
      },
    },
    findings: out,
  };
}

interface ExecutionBlock {
  budget: Located | undefined;
  executed: Located | undefined;
  rate: Located | undefined;
  budgetValue: { value: number; percent: boolean } | null;
  executedValue: { value: number; percent: boolean } | null;
}

/**
 * The monitoring table's budget-execution block by 资金来源: its 合计 row, or the sum of its source rows where it has
 * none. Each row whose 执行数 exceeds its 预算数 (the adjusted one where given) is a finding at that cell.
 */
function executionBlock(p: Project, m: number, out: Finding[], rules: RuleSet): ExecutionBlock | null {
  const rows = p.funds.filter((f) => f.budget || f.initial);
  if (rows.length === 0 || !rows.some((f) => f.executed)) return null;
  const read = rows.map((f) => {
    const loc = f.budget && !isBlank(f.budget.value) ? f.budget : f.initial ?? undefined;
    return {
      f, loc,
      budget: readNumber(p, loc, `${f.label}的预算数`, out, rules),
      executed: readNumber(p, f.executed, `${f.label}的1-${m}月执行数`, out, rules),
    };
  });
  for (const x of read) {
    if (x.budget && x.executed && x.executed.value > x.budget.value + 1e-9) {
      out.push(finding("execution-above-budget", { sheet: p.sheet, cell: x.f.executed!.cell },
        `${x.f.label}：1-${m}月执行数 ${x.executed.value} 超过预算数 ${x.budget.value}（${x.loc!.cell}），请核对。`, rules));
    }
  }
  const total = read.find((x) => FUNDS_TOTAL.test(x.f.label));
  if (total) {
    return { budget: total.loc, executed: total.f.executed ?? undefined, rate: total.f.rate ?? undefined, budgetValue: total.budget, executedValue: total.executed };
  }
  const sources = read.filter((x) => !/^其中/.test(x.f.label));
  if (sources.some((x) => !x.budget || !x.executed)) return { budget: sources[0].loc, executed: sources[0].f.executed ?? undefined, rate: undefined, budgetValue: null, executedValue: null };
  const sum = (k: "budget" | "executed") => ({ value: sources.reduce((s, x) => s + x[k]!.value, 0), percent: false });
  return { budget: sources[0].loc, executed: sources[0].f.executed ?? undefined, rate: undefined, budgetValue: sum("budget"), executedValue: sum("executed") };
}
