import { basisOf, type Topic } from "./basis";
import { ProjectIndex, projectIdentity, yearless } from "./coverage";
import { fieldText } from "./model";
import { chineseDate } from "./records";
import type { RuleSet } from "./rules/ruleset";
import { toNumber2 } from "./decimal";
import { selfScoreText } from "./self-evaluation";
import type { Accountability, AccountabilityGround, PreviousResult, ProjectResult, Rectification } from "./results";

/** What each ground rests on; the rule set says which of its documents' clauses that is. */
export const ACCOUNTABILITY_TOPICS: Record<AccountabilityGround, Topic> = {
  自评结果失实: "falsification",
  违法违纪线索: "discipline-referral",
  预算执行与绩效目标严重背离: "serious-deviation",
  连续两年考评未达标: "two-year-failure",
  整改逾期: "accountability",
};

/**
 * The 问责 list (五(四), DOMAIN §9): units whose self-evaluation the review found inflated (delta ≥
 * review.inflatedDelta), with a clue handed to 纪检, whose year-end execution is red while the evaluation is 差
 * (严重背离), rated 差 this year and last (黑河 clause 28, where the rule set adopts it), or with a problem past its 整改期限.
 */
export function accountability(results: ProjectResult[], previous: PreviousResult[], rectification: Rectification[], rules: RuleSet): Accountability[] {
  const out: Accountability[] = [];
  const basis = (ground: AccountabilityGround) => basisOf(rules, [ACCOUNTABILITY_TOPICS[ground]]);
  const add = (r: ProjectResult, ground: AccountabilityGround, facts: string, cell: string | null) => out.push({
    unit: fieldText(r.project, "unit") || fieldText(r.project, "department"), project: fieldText(r.project, "name") || r.project.sheet,
    ground, facts, basis: basis(ground), file: r.project.file, sheet: r.project.sheet, cell,
  });
  const lastYear = new ProjectIndex(previous, yearless);
  for (const r of results) {
    const s = r.selfEvaluation;
    if (!s) continue;
    const rv = r.review;
    const where = r.project.fields.name?.cell ?? null;
    if (rv && toNumber2(rv.delta) >= rules.review.inflatedDelta) {
      add(r, "自评结果失实", `${selfScoreText(s)}，复核 ${toNumber2(rv.score)} 分，自评高出 ${toNumber2(rv.delta)} 分（达到 ${rules.review.inflatedDelta} 分）`, where);
    }
    for (const c of rv?.clues ?? []) add(r, "违法违纪线索", `“${c.level3}”：${c.clue}，已列入线索移交清单`, c.cell ?? where);
    const grade = rv?.grade ?? s.grade;
    // At the year's end (M = 12) the execution index is the execution rate itself.
    if (grade === "差" && s.executionRate !== null && s.executionRate * 100 < rules.monitoring.execution.yellow) {
      add(r, "预算执行与绩效目标严重背离", `全年预算执行率 ${(s.executionRate * 100).toFixed(1)}%（红灯，低于 ${rules.monitoring.execution.yellow}%），评价等级“差”`, where);
    }
    const last = lastYear.first(yearless(projectIdentity(r)))?.item;
    if (grade === "差" && last?.grade === "差") {
      add(r, "连续两年考评未达标", `本年评价等级“差”，上年（${last.file}“${last.sheet}”）等级也是“差”`, where);
    }
  }
  for (const it of rectification) {
    if (it.status !== "逾期") continue;
    const r = it.projects[0];
    const facts = `问题“${it.problem}”整改期限 ${it.deadline ? chineseDate(it.deadline) : "—"}，${it.doneDate && it.evidence ? `${chineseDate(it.doneDate)} 才完成` : "逾期未整改"}`;
    out.push({
      unit: it.unit || (r ? fieldText(r.project, "unit") : ""), project: it.name || (r ? fieldText(r.project, "name") : ""), ground: "整改逾期", facts,
      basis: basis("整改逾期"), file: it.file, sheet: it.sheet, cell: it.cell,
    });
  }
  return out;
}
