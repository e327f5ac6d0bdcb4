import { basisOf } from "./basis";
import { nestedPointsProblems, pointsOf } from "./checks/points";
import { dec, type Dec, round2, sum, toNumber2 } from "./decimal";
import { columnsRead, type Evidence } from "./evidence";
import { finding, type Finding, ruleBasis } from "./findings";
import { checkStatedRate, directionOf, indicatorLabel, isQuantitative, readNumber, toTargetScale } from "./indicators";
import type { FundsRow, Indicator, Located, Project } from "./model";
import { gradeOf, type RuleSet } from "./rules/ruleset";
import { bracketOf, type Scorer } from "./score";
import { isBlank } from "./sheet";
import { cellText, normalizeLabel } from "./text";

export type Grade = "优" | "良" | "中" | "差";

export interface IndicatorScore {
  indicator: Indicator;
  /** Its points as read, 0 where the points cell was not read (then `range` is open above). */
  points: number;
  /** The unit's own score, as written. */
  claimed: number | null;
  /** The score: recomputed by the rule set's rules (rounded to 2 decimals), or the unit's where it could not be; null where unknown. */
  score: Dec | null;
  /** What the score can be, given what was read: [score, score] where known. */
  range: [number, number];
  /** Whether the score was recomputed from the value read, rather than taken as the unit wrote it. */
  recomputed: boolean;
  actual: string;
  /** For qualitative indicators: the chosen result category. */
  bracket: string | null;
}

export interface SelfEvaluation {
  executionRate: number | null;
  executionPoints: number;
  /** Null where the funds table was not read: the execution score is then unknown, within [0, executionPoints]. */
  executionScore: Dec | null;
  indicators: IndicatorScore[];
  /** The total: recomputed, or the sum of the unit's scores where values were not read (see evidence); null where unknown. */
  score: Dec | null;
  /** What the total can be, given what was read; a single point where it is known. */
  range: [number, number];
  /** The grade, from the total, from its range where every score in it has one grade, or from the stated total; else 无法评定. */
  grade: Grade | "无法评定";
  /** What the grade was taken from: the total, its range, the form's stated total; null for 无法评定. */
  gradeFrom: "score" | "range" | "stated" | null;
  /** The form's own stated total (总分/合计 row's 得分, or a 总得分 field), and where it stands. */
  claimedTotal: number | null;
  claimedCell: string | null;
  evidence: Evidence;
}

/** A self-evaluation whose total is known: every indicator's score and the execution score were read or recomputed. */
export type Scored = SelfEvaluation & { score: Dec; executionScore: Dec };

export function isScored(s: SelfEvaluation): s is Scored {
  return s.score !== null && s.executionScore !== null;
}

const ACTUAL_ROLES: [keyof Indicator["cells"], string][] = [["weight", "分值"], ["actual", "实际完成值"], ["score", "得分"]];

function num(p: Project, loc: Located | null | undefined, what: string, out: Finding[], rules: RuleSet): number | null {
  return readNumber(p, loc, what, out, rules)?.value ?? null;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(Math.max(x, lo), hi);

/**
 * Recomputes a self-evaluation: budget execution, every indicator, the total and the grade, and reports where the
 * unit's own arithmetic or reasons fall short. Nothing that was not read counts as 0: an unread part of the score is
 * a range, and a grade is given only where the whole range has one grade, or the form's own stated total (read where it
 * stands, 未经重算) lies in it. Otherwise the grade is 无法评定, with a finding naming what is missing.
 */
export function scoreSelfEvaluation(p: Project, scorer: Scorer): { result: SelfEvaluation; findings: Finding[] } {
  const rules = scorer.rules;
  const out: Finding[] = [];
  const at = (cell: string | null) => ({ sheet: p.sheet, cell });
  const items = p.indicators.filter((i) => i.level3);
  const missing: string[] = [];

  // Budget execution: the 年度资金总额 row. A table whose indicator points alone make the total (a 决策/过程/产出/效益
  // evaluation, or a province that shows execution without scoring it) has no separate execution score.
  // Where the form writes its funds as labelled fields (全年预算数 200 | 全年执行数 190) rather than as a block, they are the row.
  const funds = p.funds.find((f) => /^(年度)?资金总额|^总额|^合计/.test(f.label)) ?? p.funds[0] ?? fundsFromFields(p);
  const nested = nestedPointsProblems(p.indicators, rules.weights.total);
  const flatPoints = items.reduce((s, i) => s + (pointsOf(i.cells.weight) ?? 0), 0);
  const selfContained = Math.abs((nested ? nested.levelTotal : flatPoints) - rules.weights.total) < 0.005 && !funds?.points;
  const budget = num(p, funds?.budget, "全年预算数", out, rules);
  const executed = num(p, funds?.executed, "全年执行数", out, rules);
  const executionPoints = num(p, funds?.points, "预算执行率分值", out, rules) ?? (selfContained ? 0 : rules.weights.execution);
  const computedRate = budget && budget > 0 && executed !== null ? executed / budget : null;
  const statedRate = checkStatedRate(p, funds?.rate, computedRate, out, rules);
  const executionRate = computedRate ?? statedRate;
  const claimedExecution = num(p, funds?.score, "预算执行率得分", out, rules);
  let executionScore: Dec | null = null;
  let executionRecomputed = true;
  if (executionPoints === 0) executionScore = dec(0);
  else if (budget !== null && executed !== null) executionScore = scorer.execution(budget, executed, executionPoints);
  else if (statedRate !== null) {
    // Only the rate is written: the score follows from it, as the form states it (未经重算).
    executionScore = scorer.execution(1, statedRate, executionPoints);
    executionRecomputed = false;
  } else if (claimedExecution !== null) {
    executionScore = round2(clamp(claimedExecution, 0, executionPoints));
    executionRecomputed = false;
  } else {
    missing.push("预算执行情况（全年预算数、全年执行数）");
    out.push(finding("missing-field", at(funds?.budget?.cell ?? null),
      `没有读到${funds ? "项目资金表的全年预算数和全年执行数" : "项目资金表（全年预算数、全年执行数）"}，预算执行率得分（${executionPoints} 分）无法计算，不按 0 分计。`,
      rules, basisOf(rules, ["self-evaluation-form"])));
  }
  if (claimedExecution !== null && executionRate !== null && executionScore && Math.abs(claimedExecution - executionScore.toNumber()) > rules.scoreTolerance) {
    out.push(finding("score-mismatch", at(funds!.score!.cell),
      `预算执行率得分填 ${claimedExecution}，按执行率 ${(executionRate * 100).toFixed(2)}% 计算应为 ${executionScore.toFixed(2)}。`, rules));
  }

  // A scoring sheet (得分 per indicator, no value column at all: an evaluation framework's 评分表) gives its scores as
  // the evaluators' judgement; they are the evidence, summed and checked, not values to recompute them from.
  const scoringSheet = !items.some((i) => i.cells.actual);
  const indicators = items.map((ind) => scoreIndicator(p, ind, scorer, out, scoringSheet));
  checkPointsSum(p, indicators, executionPoints, nested, rules, out);

  const known = indicators.filter((i) => i.score !== null);
  const lo = round2(sum([executionScore ?? 0, ...indicators.map((i) => i.range[0])])).toNumber();
  const hiRaw = (executionScore?.toNumber() ?? executionPoints) + indicators.reduce((s, i) => s + i.range[1], 0);
  const hi = toNumber2(Math.min(hiRaw, Math.max(rules.weights.total, lo)));
  const score = known.length === indicators.length && executionScore !== null ? sum([executionScore, ...known.map((i) => i.score!)]) : null;
  // The form's own total: its 总分 row's score, else a 总得分 written in its header; the cell is the one that gave it.
  const stated = (loc: Located | null | undefined, what: string) => {
    const value = readNumber(p, loc, what, out, rules, true)?.value ?? null;
    return value === null || !loc ? null : { value, cell: loc.cell };
  };
  const statedTotal = stated(p.total?.score, "总分") ?? stated(p.fields.statedScore, "总得分");
  const claimedTotal = statedTotal?.value ?? null;
  const claimedCell = statedTotal?.cell ?? null;
  const unknownRows = indicators.filter((i) => i.score === null);
  if (unknownRows.length > 0) missing.push(`${unknownRows.length} 个指标的实际完成值或得分`);
  if (indicators.length > 0 && !indicators.some((i) => i.indicator.cells.actual) && !indicators.some((i) => i.indicator.cells.score)) {
    missing.unshift("实际完成值列和得分列");
  }

  let grade: Grade | "无法评定" = "无法评定";
  let gradeFrom: SelfEvaluation["gradeFrom"] = null;
  let source: Evidence["source"] = "none";
  const recomputed = executionRecomputed && indicators.every((i) => i.recomputed);
  if (score !== null) {
    grade = gradeOf(toNumber2(score), rules);
    gradeFrom = "score";
    source = recomputed ? "recomputed" : "stated";
    if (claimedTotal !== null && Math.abs(claimedTotal - score.toNumber()) > rules.scoreTolerance) {
      out.push(finding("score-mismatch", at(claimedCell), `总分填 ${claimedTotal}，按规则重算为 ${score.toFixed(2)}。`, rules));
    }
  } else if (indicators.length > 0 && gradeOf(lo, rules) === gradeOf(hi, rules)) {
    grade = gradeOf(lo, rules);
    gradeFrom = "range";
    source = recomputed ? "recomputed" : "stated";
  } else if (claimedTotal !== null && claimedTotal >= lo - rules.scoreTolerance && claimedTotal <= hi + rules.scoreTolerance) {
    grade = gradeOf(claimedTotal, rules);
    gradeFrom = "stated";
    source = "stated";
  } else if (claimedTotal !== null) {
    out.push(finding("score-mismatch", at(claimedCell),
      `总分填 ${claimedTotal}，按已读到的数据，总分应在 ${lo}–${hi} 分之间。`, rules));
  }
  // A grade the form states (自评等级：优): checked against the grade computed, or — where none could be — taken as stated
  // when the score read can lie in its band.
  const statedGrade = gradeWord(cellText(p.fields.statedGrade?.value ?? null));
  if (statedGrade && grade !== "无法评定" && gradeFrom !== "stated" && statedGrade !== grade) {
    out.push(finding("score-mismatch", at(p.fields.statedGrade!.cell), `表中写明等级“${statedGrade}”，按${gradeFrom === "range" ? "读到的数据" : "规则重算"}应为“${grade}”。`, rules));
  } else if (statedGrade && grade === "无法评定" && inBand(statedGrade, lo, hi, rules)) {
    grade = statedGrade;
    gradeFrom = "stated";
    source = "stated";
  }
  if (grade === "无法评定") {
    out.push(finding("cannot-judge", at(claimedCell ?? p.fields.name?.cell ?? null),
      `无法评定：没有读到${missing.join("、")}，得分只能确定在 ${lo}–${hi} 分之间${claimedTotal !== null ? `（表中总分 ${claimedTotal} 不在此区间）` : "，表中也没有写明总分"}。` +
        "不给等级和结果应用；请补填这些单元格；如果表中有这些列而没有认出，请在任务窗格或网页的“读取方式”中指定它们（命令行用 --layout 版式文件），再重新检查。",
      rules));
  }
  const evidence: Evidence = {
    source,
    read: [
      ...columnsRead(items, ACTUAL_ROLES),
      ...(executionScore !== null && funds ? [`项目资金 ${[funds.budget?.cell, funds.executed?.cell].filter(Boolean).join("、")}`] : []),
      ...(claimedTotal !== null && claimedCell ? [`表中总分 ${claimedCell}`] : []),
    ],
    rows: { read: known.length, found: indicators.length },
    missing: grade === "无法评定" ? missing : [],
  };
  return {
    result: { executionRate, executionPoints, executionScore, indicators, score, range: [lo, hi], grade, gradeFrom, claimedTotal, claimedCell, evidence },
    findings: out,
  };
}

/** One indicator's score, or its range where its value or score was not read. */
function scoreIndicator(p: Project, ind: Indicator, scorer: Scorer, out: Finding[], scoringSheet: boolean): IndicatorScore {
  const rules = scorer.rules;
  const at = (cell: string | null) => ({ sheet: p.sheet, cell });
  const name = indicatorLabel(ind);
  const pointsRead = num(p, ind.cells.weight, `指标“${name}”的分值`, out, rules);
  const points = pointsRead ?? 0;
  const top = pointsRead ?? rules.weights.total;
  const claimed = num(p, ind.cells.score, `指标“${name}”的得分`, out, rules);
  const actualText = cellText(ind.cells.actual?.value ?? null).trim();
  const stated = (): Pick<IndicatorScore, "score" | "range" | "recomputed"> =>
    claimed !== null
      ? { score: round2(clamp(claimed, 0, top)), range: [clamp(claimed, 0, top), clamp(claimed, 0, top)], recomputed: scoringSheet }
      : { score: null, range: [0, top], recomputed: false };
  let result: Pick<IndicatorScore, "score" | "range" | "recomputed">;
  let bracket: string | null = null;
  let shortfall = false;
  let over = false;
  if (ind.cells.target && (ind.target.raw.trim() === "" || ind.target.placeholder)) {
    out.push(finding("target-not-measurable", at(ind.cells.target.cell),
      `指标“${name}”的年度指标值${ind.target.placeholder ? `仍是占位符“${ind.target.raw.trim()}”` : "为空"}，无法核对完成情况。`, rules));
  }
  if (isQuantitative(ind) && ind.target.value !== null) {
    const actual = readNumber(p, ind.cells.actual, `指标“${name}”的实际完成值`, out, rules, true);
    if (actual && pointsRead !== null) {
      const b = toTargetScale(ind.target.percent, ind.target.value, actual);
      const direction = directionOf(ind);
      const s = scorer.quantitative(direction, ind.target.value, b, points);
      result = { score: s, range: [s.toNumber(), s.toNumber()], recomputed: true };
      shortfall = s.lessThan(points);
      over = direction === "higher" && ind.target.value > 0 && b >= ind.target.value * rules.overAchievementRatio;
      if (claimed !== null && claimed <= points + rules.scoreTolerance && Math.abs(claimed - s.toNumber()) > rules.scoreTolerance) {
        out.push(finding("score-mismatch", at(ind.cells.score!.cell),
          `指标“${name}”自评得分 ${claimed}，按指标值 ${ind.target.raw.trim()}、实际完成值 ${actualText} 计算应为 ${s.toFixed(2)}。`, rules));
      }
    } else {
      result = stated();
      if (ind.cells.actual && isBlank(ind.cells.actual.value)) {
        out.push(finding("actual-value-missing", at(ind.cells.actual.cell),
          `指标“${name}”没有填写实际完成值，${claimed !== null ? `得分 ${claimed} 无法核对（未经重算）` : "得分无法计算"}。`, rules));
      }
    }
  } else {
    const b = bracketOf(actualText, rules);
    bracket = b?.label ?? null;
    if (b && pointsRead !== null) {
      const lo = round2(dec(points).times(b.min).div(100));
      const hi = round2(dec(points).times(b.max).div(100));
      if (claimed !== null) {
        if (dec(claimed).lessThan(lo) || dec(claimed).greaterThan(hi)) {
          out.push(finding("qualitative-out-of-bracket", at(ind.cells.score!.cell),
            `定性指标“${name}”选“${b.label}”，得分应在 ${lo.toFixed(2)}–${hi.toFixed(2)} 之间（分值 ${points} 的 ${b.min}%–${b.max}%），实际填 ${claimed}。`,
            rules, ruleBasis("qualitative-out-of-bracket", rules)));
        }
        const s = round2(clamp(claimed, lo.toNumber(), hi.toNumber()));
        result = { score: s, range: [s.toNumber(), s.toNumber()], recomputed: true };
      } else {
        // The category is read but no score: the score lies in the category's range.
        result = lo.equals(hi) ? { score: lo, range: [lo.toNumber(), lo.toNumber()], recomputed: true } : { score: null, range: [lo.toNumber(), hi.toNumber()], recomputed: true };
      }
    } else {
      result = stated();
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
  if (claimed !== null && pointsRead !== null && claimed > points + rules.scoreTolerance) {
    out.push(finding("score-above-points", at(ind.cells.score!.cell), `指标“${name}”得分 ${claimed} 超过分值 ${points}。`, rules));
  }
  const reason = ind.cells.reason?.value ?? null;
  if ((shortfall || over) && ind.cells.reason !== undefined && isBlank(reason)) {
    out.push(finding("deviation-reason-missing", at(ind.cells.reason.cell),
      over
        ? `指标“${name}”实际完成值 ${actualText} 达到指标值的 ${Math.round(rules.overAchievementRatio * 100)}% 以上，须说明原因（目标是否偏低）。`
        : `指标“${name}”未完全达成（${actualText}），须填写偏差原因分析及改进措施。`,
      rules));
  }
  return { indicator: ind, points, claimed, ...result, actual: actualText, bracket };
}

function checkPointsSum(
  p: Project,
  indicators: IndicatorScore[],
  executionPoints: number,
  nested: ReturnType<typeof nestedPointsProblems>,
  rules: RuleSet,
  out: Finding[],
): void {
  const at = (cell: string | null) => ({ sheet: p.sheet, cell });
  const indicatorPoints = indicators.reduce((s, i) => s + i.points, 0);
  if (nested) {
    for (const x of nested.problems) out.push(finding("points-sum", at(x.cell), x.message, rules, ruleBasis("points-sum", rules)));
  } else if (indicators.length > 0 && indicators.some((i) => i.indicator.cells.weight) && Math.abs(indicatorPoints + executionPoints - rules.weights.total) > rules.scoreTolerance) {
    out.push(finding("points-sum", at(p.total?.points?.cell ?? indicators[0].indicator.cells.weight?.cell ?? null),
      `分值合计 ${Math.round((indicatorPoints + executionPoints) * 100) / 100}（指标 ${Math.round(indicatorPoints * 100) / 100} + 预算执行率 ${executionPoints}），应为 ${rules.weights.total}。`,
      rules, ruleBasis("points-sum", rules)));
  }
}

/** 自评 96.5 分, 自评 80–90 分 (a range where parts were not read), 表中总分 96.5 分 (stated, not recomputed). */
export function selfScoreText(s: SelfEvaluation): string {
  if (s.score !== null) return `自评 ${toNumber2(s.score)} 分`;
  if (s.gradeFrom === "stated") return `表中总分 ${s.claimedTotal} 分`;
  return `自评 ${s.range[0]}–${s.range[1]} 分`;
}


/** The funds written as labelled fields around the grid, as one funds row; null where neither figure is there. */
function fundsFromFields(p: Project): FundsRow | undefined {
  const f = p.fields;
  const budget = f.monitoringAdjusted && !isBlank(f.monitoringAdjusted.value) ? f.monitoringAdjusted : f.monitoringBudget;
  if (!budget || !f.monitoringExecuted) return undefined;
  return { label: "资金总额", initial: f.monitoringBudget ?? null, budget, executed: f.monitoringExecuted, points: null, rate: f.monitoringRate ?? null, score: null };
}

/** 优秀/良好/达标 (黑河 clause 28) and 10号's 优/良/中/差, with the words bureaus use for them. */
export function gradeWord(text: string): Grade | null {
  const t = normalizeLabel(text);
  if (/^优/.test(t)) return "优";
  if (/^良/.test(t)) return "良";
  if (/^(差|不合格|未达标|不达标|较差)/.test(t)) return "差";
  if (/^(中|一般|合格|达标)/.test(t)) return "中";
  return null;
}


/** Whether a score in [lo, hi] can have the grade: the grade's band of scores meets the range. */
function inBand(grade: Grade, lo: number, hi: number, rules: RuleSet): boolean {
  const bands = [...rules.grades].sort((a, b) => b.min - a.min);
  const i = bands.findIndex((b) => b.grade === grade);
  if (i < 0) return false;
  const upper = i === 0 ? Infinity : bands[i - 1].min;
  return hi >= bands[i].min && lo < upper;
}
