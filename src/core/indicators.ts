import { finding, type Finding } from "./findings";
import type { Indicator, Located, Project } from "./model";
import type { RuleSet } from "./rules/ruleset";
import { isBlank } from "./sheet";
import { cellText, normalizeLabel } from "./text";
import { type Comparator, readNature, readNumberCell } from "./values";

export type Level1 = "output" | "cost" | "benefit" | "satisfaction" | "unknown";
export type Level2 =
  | "quantity" | "quality" | "timeliness" | "cost"
  | "economic" | "social" | "ecological" | "sustainable"
  | "satisfaction" | "unknown";

export function level1Of(ind: Indicator): Level1 {
  const t = normalizeLabel(ind.level1);
  if (t.includes("产出")) return "output";
  if (t.includes("成本")) return "cost";
  if (t.includes("效益") || t.includes("效果")) return "benefit";
  if (t.includes("满意")) return "satisfaction";
  return "unknown";
}

export function level2Of(ind: Indicator): Level2 {
  const t = normalizeLabel(ind.level2);
  if (t.includes("数量")) return "quantity";
  if (t.includes("质量")) return "quality";
  if (t.includes("时效")) return "timeliness";
  if (t.includes("成本")) return "cost";
  if (t.includes("经济效益")) return "economic";
  if (t.includes("社会效益")) return "social";
  if (t.includes("生态")) return "ecological";
  if (t.includes("可持续")) return "sustainable";
  if (t.includes("满意")) return "satisfaction";
  return "unknown";
}

/** Which level 2 may stand under which level 1, in the classic tree and the 财预〔2021〕101号 tree alike. */
export const ALLOWED_LEVEL2: Record<Exclude<Level1, "unknown">, Level2[]> = {
  output: ["quantity", "quality", "timeliness", "cost"],
  cost: ["cost"],
  benefit: ["economic", "social", "ecological", "sustainable"],
  satisfaction: ["satisfaction"],
};

export const LEVEL2_NAMES: Record<Level2, string> = {
  quantity: "数量指标", quality: "质量指标", timeliness: "时效指标", cost: "成本指标", economic: "经济效益指标",
  social: "社会效益指标", ecological: "生态效益指标", sustainable: "可持续影响指标", satisfaction: "服务对象满意度指标", unknown: "未知",
};

export function isCostIndicator(ind: Indicator): boolean {
  return level1Of(ind) === "cost" || level2Of(ind) === "cost";
}

export type Direction = "higher" | "lower" | "equal";

const natures = new WeakMap<Indicator, Comparator | "定性" | "其他" | null>();

/** The indicator's nature: a comparator from the 指标性质 column, else from inside the value. Read once per indicator. */
export function natureOf(ind: Indicator): Comparator | "定性" | "其他" | null {
  if (natures.has(ind)) return natures.get(ind)!;
  const n = readNature(ind.cells.nature?.value ?? null) ?? ind.target.comparator;
  natures.set(ind, n);
  return n;
}

export function isQuantitative(ind: Indicator): boolean {
  const n = natureOf(ind);
  if (n === "定性") return false;
  if (n !== null) return true;
  return ind.target.value !== null;
}

export function directionOf(ind: Indicator): Direction {
  const n = natureOf(ind);
  if (n === "≤" || n === "<") return "lower";
  if (n === "=") return "equal";
  return "higher";
}

/** The unit stated for an indicator: the 度量单位 column, else the unit inside the value (95% counts as %). */
export function unitOf(ind: Indicator): string {
  const col = ind.cells.measure?.value;
  if (!isBlank(col ?? null)) return cellText(col ?? null).trim();
  if (ind.target.percent) return "%";
  return ind.target.unit;
}

/** A number where one is expected (`anyUnit` for indicator values such as 1260件); text, dates and booleans become unreadable-value (formula errors are reported once, on reading). */
export function readNumber(
  p: Project,
  loc: Located | null | undefined,
  what: string,
  out: Finding[],
  rules: RuleSet,
  anyUnit = false,
): { value: number; percent: boolean } | null {
  if (!loc) return null;
  const r = readNumberCell(loc.value, anyUnit);
  if (r.kind === "number") return { value: r.value, percent: r.percent };
  if (r.kind === "text") {
    out.push(finding("unreadable-value", { sheet: p.sheet, cell: loc.cell }, `${what}（${loc.cell}）应为数值，实际是“${r.text.slice(0, 40)}”。`, rules));
  }
  return null;
}

/**
 * Brings an actual value to the target's scale: a target written 95% with an actual of 0.98 (a cell formatted as
 * a percentage holds 0.98) compares as 98.
 */
export function toTargetScale(targetPercent: boolean, targetValue: number, actual: { value: number; percent: boolean }): number {
  if (targetPercent && !actual.percent && Math.abs(actual.value) <= 1.5 && Math.abs(targetValue) > 1.5) return actual.value * 100;
  if (!targetPercent && actual.percent && Math.abs(targetValue) <= 1.5) return actual.value / 100;
  return actual.value;
}

export function indicatorLabel(ind: Indicator): string {
  return ind.level3 || `第 ${ind.row + 1} 行的指标`;
}

/** A rate as written, as a fraction: 27.5% → 0.275; 0.275 stays; 27.5 (a percentage without its sign) → 0.275. */
export function rateOf(n: { value: number; percent: boolean }): number {
  return n.percent || n.value > 1.5 ? n.value / 100 : n.value;
}

/**
 * A 执行率 the form states, cross-checked with the one computed from its 预算数 and 执行数: where they differ by more
 * than half a percentage point, a finding with both numbers at the stated cell.
 */
export function checkStatedRate(p: Project, loc: Located | null | undefined, computed: number | null, out: Finding[], rules: RuleSet): number | null {
  const stated = readNumber(p, loc, "执行率", out, rules);
  if (!stated || !loc) return null;
  const rate = rateOf(stated);
  if (computed !== null && Math.abs(rate - computed) > 0.005) {
    out.push(finding("stated-rate-mismatch", { sheet: p.sheet, cell: loc.cell },
      `表中执行率 ${(rate * 100).toFixed(2)}%，按预算数和执行数计算为 ${(computed * 100).toFixed(2)}%，请核对。`, rules));
  }
  return rate;
}
