import type { ProjectResult } from "./analyze";
import type { BudgetItem } from "./budget";
import type { TableKind } from "./classify";
import type { ExAnteResult } from "./ex-ante";
import { finding, type Finding } from "./findings";
import { fieldText, type Located } from "./model";
import type { PreviousLink } from "./previous";
import { type Rectification, rectificationIdentity } from "./rectify";
import type { RuleSet } from "./rules/ruleset";
import { cellText, normalizeLabel } from "./text";

/** How a budgeted project was matched to its tables: by 项目编码 where both have one, else by name (and unit). */
export type MatchedBy = "项目编码" | "名称和单位" | "名称";

/** One budgeted project and what the batch holds for it, step by step (全过程、全覆盖). */
export interface CoverageRow {
  item: BudgetItem;
  target: ProjectResult | null;
  monitoring: ProjectResult | null;
  selfEvaluation: ProjectResult | null;
  /** How each table was found, for the clerk to check. */
  matchedBy: Partial<Record<TableKind, MatchedBy>>;
  /** The project's 事前绩效评估, where the batch holds one. */
  exAnte: ExAnteResult | null;
  /** What the 覆盖情况 sheet shows per step. */
  states: { exAnte: string; target: string; monitoring: string; selfEvaluation: string; review: string; rectification: string; previous: string };
}

const key = (s: string) => normalizeLabel(s).replace(/[()（）]/g, "");

/** What names a project across tables: its 项目编码, name, unit and budget year (each may be unknown). */
export interface Identity {
  code: string;
  name: string;
  unit: string;
  year: number | null;
}

const text = (v: Located | undefined) => cellText(v?.value ?? null).trim();

export const projectIdentity = (r: ProjectResult): Identity => ({
  code: fieldText(r.project, "projectCode"), name: fieldText(r.project, "name"), unit: fieldText(r.project, "unit"), year: r.project.year,
});

export const exAnteIdentity = (e: ExAnteResult): Identity => ({
  code: text(e.form.fields.projectCode), name: text(e.form.fields.name), unit: text(e.form.fields.unit), year: e.form.year,
});

/** Two tables are of the same budget year unless both state a year and they differ (a 2025 自评 beside a 2026 list). */
function sameYear(a: Identity, b: Identity): boolean {
  return a.year === null || b.year === null || a.year === b.year;
}

/** Whether two tables name the same project, and how: by 项目编码 where both have one, else by name (and unit). */
export function sameProject(a: Identity, b: Identity): MatchedBy | null {
  if (!sameYear(a, b)) return null;
  if (a.code && b.code) return key(a.code) === key(b.code) ? "项目编码" : null;
  if (key(a.name) !== key(b.name)) return null;
  return a.unit && b.unit ? (key(a.unit) === key(b.unit) ? "名称和单位" : null) : "名称";
}

/**
 * Coverage of the budget list (DOMAIN §9): a budgeted project without a target table may not be funded
 * (四(三)2); where the batch holds monitoring tables (a monitoring point) or self-evaluations (after the year), a
 * budgeted project without one is not covered (四(三)3, 四(三)4).
 */
export function coverage(
  items: BudgetItem[], results: ProjectResult[], exAnte: ExAnteResult[], rules: RuleSet, previous: PreviousLink[] = [], rectification: Rectification[] = [],
): { rows: CoverageRow[]; findings: (Finding & { file: string })[] } {
  const severities = rules.severities;
  const findings: (Finding & { file: string })[] = [];
  const rows = items.map((item): CoverageRow => {
    // The batch is at a monitoring point (or after the year) when it holds monitoring tables (self-evaluations) of the list's year.
    const phase = {
      monitoring: results.some((r) => r.project.kind === "monitoring" && sameYear(item, projectIdentity(r))),
      selfEvaluation: results.some((r) => r.project.kind === "self-evaluation" && sameYear(item, projectIdentity(r))),
    };
    const matchedBy: CoverageRow["matchedBy"] = {};
    const find = (kind: TableKind) => {
      for (const r of results) {
        if (r.project.kind !== kind) continue;
        const m = sameProject(item, projectIdentity(r));
        if (m) {
          matchedBy[kind] = m;
          return r;
        }
      }
      return null;
    };
    const assessment = exAnte.find((e) => sameProject(item, exAnteIdentity(e))) ?? null;
    // A new major project needs its 事前绩效评估 before it may ask for a budget (四(三)1).
    const needsExAnte = item.isNew === true && (item.isMajor === true || (item.amount ?? 0) >= rules.cycle.majorNewAmount);
    const target = find("target");
    const monitoring = find("monitoring");
    const selfEvaluation = find("self-evaluation");
    const what = `预算项目清单中的“${item.name}”${item.code ? `（${item.code}）` : ""}${item.amount !== null ? `安排预算 ${item.amount} 万元` : ""}`;
    const at = { sheet: item.sheet, cell: item.cell };
    if (needsExAnte && !assessment) findings.push({ file: item.file, ...finding("ex-ante-missing", at, `${what}，是新增重大项目，但没有事前绩效评估，评估结果是申请预算的必备要件。`, severities) });
    if (!target) findings.push({ file: item.file, ...finding("budget-without-target", at, `${what}，但没有提交绩效目标表，未按要求设置绩效目标的项目不得安排预算。`, severities) });
    if (phase.monitoring && !monitoring) findings.push({ file: item.file, ...finding("monitoring-not-covered", at, `${what}，本批有运行监控表，但没有这个项目的监控表。`, severities) });
    if (phase.selfEvaluation && !selfEvaluation) findings.push({ file: item.file, ...finding("self-evaluation-not-covered", at, `${what}，本批有绩效自评表，但这个项目没有自评，自评未全覆盖。`, severities) });
    const review = selfEvaluation?.review;
    const last = previous.find((l) => l.budget === item)?.previous;
    const problems = rectification.filter((it) => sameProject({ ...item, year: null }, rectificationIdentity(it)));
    const count = (s: string) => problems.filter((p) => p.status === s).length;
    return {
      item,
      target,
      monitoring,
      selfEvaluation,
      exAnte: assessment,
      matchedBy,
      states: {
        exAnte: assessment ? `已提交（${assessment.score} 分，${assessment.conclusion ?? "无结论"}）` : needsExAnte ? "未提交" : "不需要",
        target: target ? `已提交（${target.targetVerdict}）` : "未提交",
        monitoring: monitoring ? `已提交（${monitoring.monitoring?.action ?? "无法监控"}）` : phase.monitoring ? "未提交" : "本批无监控表",
        selfEvaluation: selfEvaluation ? `已提交（${selfEvaluation.selfEvaluation ? `${selfEvaluation.selfEvaluation.score.toFixed(2)} 分，${selfEvaluation.selfEvaluation.grade}` : "无法评分"}）` : phase.selfEvaluation ? "未提交" : "本批无自评表",
        review: review ? `已复核（${review.score.toFixed(2)} 分，${review.grade}）` : selfEvaluation ? "未复核" : "—",
        rectification: problems.length === 0 ? "—" : `${problems.length} 个问题：已整改 ${count("已整改")}，未整改 ${count("未整改")}，逾期 ${count("逾期")}`,
        previous: last ? `${last.grade ?? "—"}，${last.decision ?? "—"}${last.amount !== null ? `（${last.amount} 万元）` : ""}` : "—",
      },
    };
  });
  return { rows, findings };
}
