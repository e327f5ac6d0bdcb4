import { dec, type Dec, round2, sum, toNumber2 } from "./decimal";
import { basisOf } from "./basis";
import { nestedPointsProblems, pointsOf } from "./checks/points";
import { finding, type Finding, ruleBasis } from "./findings";
import { directionOf, indicatorLabel, isQuantitative, readNumber, toTargetScale } from "./indicators";
import type { Indicator, Located, Project } from "./model";
import { compileFormula, type Formula } from "./rules/expression";
import { FORMULA_VARIABLES } from "./rules/load";
import { gradeOf, type RuleSet } from "./rules/ruleset";
import { isBlank } from "./sheet";
import { cellText, normalizeLabel } from "./text";

export interface IndicatorScore {
  indicator: Indicator;
  points: number;
  /** The unit's own score, as written. */
  claimed: number | null;
  /** The score by the rule set's rules, rounded to 2 decimals. */
  score: Dec;
  actual: string;
  /** For qualitative indicators: the chosen result category. */
  bracket: string | null;
}

export interface SelfEvaluation {
  executionRate: number | null;
  executionPoints: number;
  executionScore: Dec;
  indicators: IndicatorScore[];
  score: Dec;
  grade: "优" | "良" | "中" | "差";
  claimedTotal: number | null;
}

/** Compiled formulas of a rule set, compiled once per run. */
export class Scorer {
  private readonly formulas: Record<"execution" | "higher" | "lower" | "equal", Formula>;

  constructor(readonly rules: RuleSet) {
    const f = (k: keyof RuleSet["scoring"]) => compileFormula(rules.scoring[k], FORMULA_VARIABLES);
    this.formulas = { execution: f("execution"), higher: f("higher"), lower: f("lower"), equal: f("equal") };
  }

  execution(budget: number, executed: number, points: number): Dec {
    if (budget <= 0) return dec(0);
    return round2(this.formulas.execution.evaluate({ A: budget, B: executed, points }));
  }

  /** A quantitative indicator's score, never above its points nor below zero. */
  quantitative(direction: "higher" | "lower" | "equal", target: number, actual: number, points: number): Dec {
    let s: Dec;
    try {
      s = this.formulas[direction].evaluate({ A: target, B: actual, points });
    } catch {
      // A division by zero (target or actual of 0 where the formula divides) earns nothing rather than stopping the run.
      s = dec(0);
    }
    if (s.greaterThan(points)) s = dec(points);
    if (s.isNegative()) s = dec(0);
    return round2(s);
  }
}

/**
 * Qualitative results in 财预〔2020〕10号's words (达成年度指标 / 部分达成年度指标并具有一定效果 / 未达成年度指标且效果较差),
 * their short forms, and the plain words that leave no doubt (完成 / 基本完成 / 未完成). Order matters: a "not" or
 * "partly" reading is tried before "fully", since 未达成年度指标 and 部分达成年度指标 both contain 达成年度指标.
 */
const NOT_REACHED = /^(未|没有|没|尚未)(能)?(达成|完成|达到|实现)|效果较差/;
const PARTLY_REACHED = /^(部分|基本|大部分|大部)(达成|完成|达到|实现)/;
const FULLY_REACHED = /^(已|已经|全部|全面|均已|已全部|全部已)?(达成|完成|达到|实现)(年度|全年)?(指标|目标|预期|预期目标|任务|要求|指标值)?(要求)?$/;

/**
 * Which of the rule set's categories (best first) the written result names, or null where the words leave doubt
 * (好, 较好, 有效, a number): such a result cannot be placed, and saying so is the caller's finding.
 */
export function bracketOf(text: string, rules: RuleSet): RuleSet["qualitativeBrackets"][number] | null {
  const t = normalizeLabel(text).replace(/[。.，,；;！!]+$/, "");
  if (!t) return null;
  const brackets = rules.qualitativeBrackets;
  const exact = brackets.find((b) => normalizeLabel(b.label) === t);
  if (exact) return exact;
  if (NOT_REACHED.test(t)) return brackets[brackets.length - 1];
  if (PARTLY_REACHED.test(t)) return brackets.length > 2 ? brackets[1] : null;
  if (FULLY_REACHED.test(t)) return brackets[0];
  return null;
}

function num(p: Project, loc: Located | null | undefined, what: string, out: Finding[], rules: RuleSet): number | null {
  return readNumber(p, loc, what, out, rules)?.value ?? null;
}

/**
 * Recomputes a self-evaluation: budget execution, every indicator, the total and the grade, and reports where the
 * unit's own arithmetic or reasons fall short.
 */
export function scoreSelfEvaluation(p: Project, scorer: Scorer): { result: SelfEvaluation; findings: Finding[] } {
  const rules = scorer.rules;
  const out: Finding[] = [];
  const at = (cell: string | null) => ({ sheet: p.sheet, cell });

  // Budget execution: the 年度资金总额 row. A table whose indicator points alone make the total (a 决策/过程/产出/效益
  // evaluation, or a province that shows execution without scoring it) has no separate execution score.
  const funds = p.funds.find((f) => /^(年度)?资金总额|^总额|^合计/.test(f.label)) ?? p.funds[0];
  const nested = nestedPointsProblems(p.indicators, rules.weights.total);
  const flatPoints = p.indicators.filter((i) => i.level3).reduce((s, i) => s + (pointsOf(i.cells.weight) ?? 0), 0);
  const selfContained = Math.abs((nested ? nested.levelTotal : flatPoints) - rules.weights.total) < 0.005 && !funds?.points;
  if (!funds && !selfContained) {
    out.push(finding("missing-field", at(null), "没有找到项目资金表（全年预算数、全年执行数），预算执行率按 0 分计。", rules, basisOf(rules, ["self-evaluation-form"])));
  }
  const budget = num(p, funds?.budget, "全年预算数", out, rules);
  const executed = num(p, funds?.executed, "全年执行数", out, rules);
  const executionPoints = num(p, funds?.points, "预算执行率分值", out, rules) ?? (selfContained ? 0 : rules.weights.execution);
  const executionRate = budget && budget > 0 && executed !== null ? executed / budget : null;
  const executionScore = budget !== null && executed !== null && executionPoints > 0 ? scorer.execution(budget, executed, executionPoints) : dec(0);
  const claimedExecution = num(p, funds?.score, "预算执行率得分", out, rules);
  if (claimedExecution !== null && executionRate !== null && Math.abs(claimedExecution - executionScore.toNumber()) > rules.scoreTolerance) {
    out.push(finding("score-mismatch", at(funds!.score!.cell),
      `预算执行率得分填 ${claimedExecution}，按执行率 ${(executionRate * 100).toFixed(2)}% 计算应为 ${executionScore.toFixed(2)}。`, rules));
  }

  const indicators: IndicatorScore[] = [];
  for (const ind of p.indicators) {
    if (!ind.level3) continue;
    const name = indicatorLabel(ind);
    const points = num(p, ind.cells.weight, `指标“${name}”的分值`, out, rules) ?? 0;
    const claimed = num(p, ind.cells.score, `指标“${name}”的得分`, out, rules);
    const actualText = cellText(ind.cells.actual?.value ?? null).trim();
    let score: Dec;
    let bracket: string | null = null;
    let shortfall = false;
    let over = false;
    if (ind.cells.target && (ind.target.raw.trim() === "" || ind.target.placeholder)) {
      out.push(finding("target-not-measurable", at(ind.cells.target.cell),
        `指标“${name}”的年度指标值${ind.target.placeholder ? `仍是占位符“${ind.target.raw.trim()}”` : "为空"}，无法核对完成情况。`, rules));
    }
    if (isQuantitative(ind) && ind.target.value !== null) {
      const actual = readNumber(p, ind.cells.actual, `指标“${name}”的实际完成值`, out, rules, true);
      if (actual) {
        const b = toTargetScale(ind.target.percent, ind.target.value, actual);
        const direction = directionOf(ind);
        score = scorer.quantitative(direction, ind.target.value, b, points);
        shortfall = score.lessThan(points);
        over = direction === "higher" && ind.target.value > 0 && b >= ind.target.value * rules.overAchievementRatio;
      } else {
        score = dec(0);
        shortfall = true;
      }
    } else {
      const b = bracketOf(actualText, rules);
      bracket = b?.label ?? null;
      if (b && claimed !== null) {
        const lo = dec(points).times(b.min).div(100);
        const hi = dec(points).times(b.max).div(100);
        if (dec(claimed).lessThan(lo) || dec(claimed).greaterThan(hi)) {
          out.push(finding("qualitative-out-of-bracket", at(ind.cells.score!.cell),
            `定性指标“${name}”选“${b.label}”，得分应在 ${round2(lo).toFixed(2)}–${round2(hi).toFixed(2)} 之间（分值 ${points} 的 ${b.min}%–${b.max}%），实际填 ${claimed}。`,
            rules, ruleBasis("qualitative-out-of-bracket", rules)));
        }
        score = round2(dec(Math.min(Math.max(claimed, lo.toNumber()), hi.toNumber())));
      } else {
        score = round2(dec(Math.min(Math.max(claimed ?? 0, 0), points)));
        // Only where the grid has a result column: an evaluation framework's scores are the evaluators' judgement.
        if (claimed !== null && ind.cells.score && ind.cells.actual && !isQuantitative(ind)) {
          out.push(finding("qualitative-out-of-bracket", at(ind.cells.actual?.cell ?? ind.cells.score.cell),
            actualText
              ? `定性指标“${name}”的完成情况“${actualText}”无法归入档次（${rules.qualitativeBrackets.map((x) => x.label).join(" / ")}），无法核对得分 ${claimed}，请改用其中之一。`
              : `定性指标“${name}”没有填写完成情况，无法核对得分 ${claimed}，请填写完成档次（${rules.qualitativeBrackets.map((x) => x.label).join(" / ")}）。`,
            rules, ruleBasis("qualitative-out-of-bracket", rules)));
        }
      }
      shortfall = b !== null && b !== rules.qualitativeBrackets[0];
    }
    if (claimed !== null && claimed > points + rules.scoreTolerance) {
      out.push(finding("score-above-points", at(ind.cells.score!.cell), `指标“${name}”得分 ${claimed} 超过分值 ${points}。`, rules));
    } else if (claimed !== null && isQuantitative(ind) && Math.abs(claimed - score.toNumber()) > rules.scoreTolerance) {
      out.push(finding("score-mismatch", at(ind.cells.score!.cell),
        `指标“${name}”自评得分 ${claimed}，按指标值 ${ind.target.raw.trim()}、实际完成值 ${actualText || "（空）"} 计算应为 ${score.toFixed(2)}。`, rules));
    }
    const reason = ind.cells.reason?.value ?? null;
    if ((shortfall || over) && ind.cells.reason !== undefined && isBlank(reason)) {
      out.push(finding("deviation-reason-missing", at(ind.cells.reason.cell),
        over
          ? `指标“${name}”实际完成值 ${actualText} 达到指标值的 ${Math.round(rules.overAchievementRatio * 100)}% 以上，须说明原因（目标是否偏低）。`
          : `指标“${name}”未完全达成（${actualText || "未填实际完成值"}），须填写偏差原因分析及改进措施。`,
        rules));
    }
    indicators.push({ indicator: ind, points, claimed, score, actual: actualText, bracket });
  }

  const indicatorPoints = indicators.reduce((s, i) => s + i.points, 0);
  if (nested) {
    for (const x of nested.problems) out.push(finding("points-sum", at(x.cell), x.message, rules, ruleBasis("points-sum", rules)));
  } else if (indicators.length > 0 && Math.abs(indicatorPoints + executionPoints - rules.weights.total) > rules.scoreTolerance) {
    out.push(finding("points-sum", at(p.total?.points?.cell ?? indicators[0].indicator.cells.weight?.cell ?? null),
      `分值合计 ${Math.round((indicatorPoints + executionPoints) * 100) / 100}（指标 ${Math.round(indicatorPoints * 100) / 100} + 预算执行率 ${executionPoints}），应为 ${rules.weights.total}。`,
      rules, ruleBasis("points-sum", rules)));
  }
  const score = sum([executionScore, ...indicators.map((i) => i.score)]);
  const claimedTotal = num(p, p.total?.score, "总分", out, rules);
  if (claimedTotal !== null && Math.abs(claimedTotal - score.toNumber()) > rules.scoreTolerance) {
    out.push(finding("score-mismatch", at(p.total!.score!.cell), `总分填 ${claimedTotal}，按规则重算为 ${score.toFixed(2)}。`, rules));
  }
  return {
    result: { executionRate, executionPoints, executionScore, indicators, score, grade: gradeOf(toNumber2(score), rules), claimedTotal },
    findings: out,
  };
}
