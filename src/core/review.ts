import { dec, type Dec, sum, toNumber2 } from "./decimal";
import { finding, type Finding, ruleBasis } from "./findings";
import { directionOf, indicatorLabel, isQuantitative, readNumber, toTargetScale } from "./indicators";
import type { Project } from "./model";
import { gradeOf } from "./rules/ruleset";
import type { Scorer } from "./score";
import type { Scored } from "./self-evaluation";
import { isBlank } from "./sheet";
import { cellText } from "./text";

export interface IndicatorReview {
  level3: string;
  selfScore: Dec;
  reviewScore: Dec;
  reviewActual: string;
  deduction: string;
  clue: string;
  cell: string | null;
}

export interface Review {
  indicators: IndicatorReview[];
  score: Dec;
  grade: "优" | "良" | "中" | "差";
  /** Self score − review score. */
  delta: Dec;
  clues: IndicatorReview[];
}

const NO_CLUE = /^(无|否|没有|—|-|\/|不涉及)$/;

/**
 * The finance department's re-evaluation: per indicator, the reviewer's 复核得分, or a score computed from the
 * 复核完成值 by the same rules, or (neither given) the self score unchanged. Budget execution is taken as
 * recomputed from the unit's funds table.
 */
export function reviewProject(p: Project, self: Scored, scorer: Scorer): { result: Review; findings: Finding[] } {
  const rules = scorer.rules;
  const out: Finding[] = [];
  const at = (cell: string | null) => ({ sheet: p.sheet, cell });
  const indicators: IndicatorReview[] = [];
  for (const s of self.indicators) {
    const ind = s.indicator;
    const name = indicatorLabel(ind);
    // The total is known, so every indicator's score is.
    const own = s.score!;
    let review: Dec = own;
    const given = readNumber(p, ind.cells.reviewScore, `指标“${name}”的复核得分`, out, rules);
    const actual = readNumber(p, ind.cells.reviewActual, `指标“${name}”的复核完成值`, out, rules, true);
    if (given) review = dec(Math.min(Math.max(given.value, 0), s.points));
    else if (actual && isQuantitative(ind) && ind.target.value !== null) {
      review = scorer.quantitative(directionOf(ind), ind.target.value, toTargetScale(ind.target.percent, ind.target.value, actual), s.points);
    }
    const deduction = cellText(ind.cells.deduction?.value ?? null).trim();
    const clue = cellText(ind.cells.clue?.value ?? null).trim();
    const r: IndicatorReview = {
      level3: name,
      selfScore: own,
      reviewScore: review,
      reviewActual: cellText(ind.cells.reviewActual?.value ?? null).trim(),
      deduction,
      clue: clue && !NO_CLUE.test(clue) ? clue : "",
      cell: ind.cells.reviewScore?.cell ?? ind.cells.reviewActual?.cell ?? ind.cells.level3?.cell ?? null,
    };
    if (review.lessThan(own) && deduction === "") {
      out.push(finding("deduction-reason-missing", at(ind.cells.deduction?.cell ?? r.cell),
        `指标“${name}”复核得分 ${review.toFixed(2)} 低于自评 ${own.toFixed(2)}，须写明扣分原因。`, rules));
    }
    if (r.clue) {
      out.push(finding("clue-transfer", at(ind.cells.clue?.cell ?? r.cell), `指标“${name}”标注了违法违纪线索：${r.clue.slice(0, 60)}。须移交纪检监察机关。`, rules));
    }
    indicators.push(r);
  }
  const score = sum([self.executionScore, ...indicators.map((i) => i.reviewScore)]);
  const grade = gradeOf(toNumber2(score), rules);
  const delta = self.score.minus(score) as Dec;
  if (delta.greaterThanOrEqualTo(rules.review.inflatedDelta)) {
    out.push(finding("self-evaluation-inflated", at(p.total?.score?.cell ?? null),
      `自评 ${self.score.toFixed(2)} 分，复核 ${score.toFixed(2)} 分，高出 ${delta.toFixed(2)} 分（阈值 ${rules.review.inflatedDelta} 分）。`,
      rules, ruleBasis("self-evaluation-inflated", rules)));
  }
  if (grade !== self.grade) {
    out.push(finding("review-grade-differs", at(p.total?.score?.cell ?? null), `自评等级“${self.grade}”，复核等级“${grade}”。`, rules));
  }
  return { result: { indicators, score, grade, delta, clues: indicators.filter((i) => i.clue) }, findings: out };
}

export function hasAnyReview(p: Project): boolean {
  return p.indicators.some((i) => !isBlank(i.cells.reviewScore?.value ?? null) || !isBlank(i.cells.reviewActual?.value ?? null) || !isBlank(i.cells.clue?.value ?? null) || !isBlank(i.cells.deduction?.value ?? null));
}
