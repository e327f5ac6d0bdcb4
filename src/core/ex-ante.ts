import { finding } from "./findings";
import type { Located } from "./model";
import type { RuleSet } from "./rules/ruleset";
import { isBlank } from "./sheet";
import { cellText, normalizeLabel } from "./text";
import { numberAt } from "./values";
import type { ExAnte, ExAnteConclusion, ExAnteResult } from "./results";

/** The five points 四(三)1 names, by the word that identifies each. */
export const EX_ANTE_POINTS: [RegExp, string][] = [
  [/必要性/, "立项必要性"],
  [/经济性/, "投入经济性"],
  [/合理性/, "绩效目标合理性"],
  [/可行性/, "实施方案可行性"],
  [/合规性/, "筹资合规性"],
];

function conclusionOf(v: Located | null): ExAnteConclusion | null {
  const t = normalizeLabel(cellText(v?.value ?? null));
  if (!t) return null;
  if (/^不(予|宜)?支持|^不通过/.test(t)) return "不予支持";
  if (/调整|完善|修改后/.test(t)) return "调整完善后支持";
  if (/^(予以)?支持|^同意|^通过/.test(t)) return "予以支持";
  return null;
}

/**
 * The checks of a 事前绩效评估 (四(三)1): all five points assessed, each score within its points and each with its
 * reasoning, the total the sum of the scores, and the conclusion the one the score gives (默认 ≥ 80 予以支持,
 * 60–80 调整完善后支持, < 60 不予支持; rule-set parameters).
 */
export function assessExAnte(form: ExAnte, rules: RuleSet): ExAnteResult {
  const findings: ExAnteResult["findings"] = [];
  const push = (code: string, cell: string | null, message: string) => findings.push({ file: form.file, ...finding(code, { sheet: form.sheet, cell }, message, rules) });
  for (const [re, name] of EX_ANTE_POINTS) {
    if (!form.points.some((p) => re.test(p.label))) push("ex-ante-incomplete", form.headerCell, `事前绩效评估没有评估“${name}”。`);
  }
  let score = 0;
  for (const p of form.points) {
    const points = numberAt(p.points);
    const s = numberAt(p.score);
    if (s === null || points === null || s < 0 || s > points) {
      push("ex-ante-score-invalid", p.score.cell, `评估要点“${p.label}”得分${s === null ? "不是数值" : ` ${s} 不在 0–${points ?? "?"} 分之间`}。`);
    }
    score += Math.max(0, Math.min(s ?? 0, points ?? 0));
    if (!p.reason || isBlank(p.reason.value)) push("ex-ante-incomplete", p.reason?.cell ?? p.score.cell, `评估要点“${p.label}”没有写明评估意见（理由）。`);
  }
  score = Math.round(score * 100) / 100;
  const claimed = numberAt(form.total);
  if (claimed !== null && Math.abs(claimed - score) > rules.scoreTolerance) push("ex-ante-score-invalid", form.total!.cell, `总分填 ${claimed}，各要点得分合计为 ${score}。`);
  const c = rules.cycle;
  const expected: ExAnteConclusion = score >= c.exAnteSupport ? "予以支持" : score >= c.exAnteAdjust ? "调整完善后支持" : "不予支持";
  const conclusion = conclusionOf(form.conclusion);
  if (!form.conclusion || isBlank(form.conclusion.value)) push("ex-ante-incomplete", form.conclusion?.cell ?? null, "事前绩效评估没有评估结论（予以支持 / 调整完善后支持 / 不予支持）。");
  else if (conclusion !== expected) {
    push("ex-ante-conclusion-mismatch", form.conclusion.cell, `评估得分 ${score} 分，结论应为“${expected}”，表中写的是“${cellText(form.conclusion.value).trim()}”。`);
  }
  return { form, score, expected, conclusion, findings };
}
