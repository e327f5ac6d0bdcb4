import type { TableKind } from "./classify";
import { finding, type Finding } from "./findings";
import { fieldText, type Located } from "./model";
import type { RuleSet } from "./rules/ruleset";
import { cellText, normalizeLabel } from "./text";
import { selfScoreText } from "./self-evaluation";
import type { BudgetItem, CoverageRow, ExAnteResult, Identity, MatchedBy, PreviousLink, ProjectResult, Rectification } from "./results";

const key = (s: string) => normalizeLabel(s).replace(/[()（）]/g, "");

const text = (v: Located | undefined) => cellText(v?.value ?? null).trim();

export const projectIdentity = (r: ProjectResult): Identity => ({
  code: fieldText(r.project, "projectCode"), name: fieldText(r.project, "name"), unit: fieldText(r.project, "unit"), year: r.project.year,
});

export const exAnteIdentity = (e: ExAnteResult): Identity => ({
  code: text(e.form.fields.projectCode), name: text(e.form.fields.name), unit: text(e.form.fields.unit), year: e.form.year,
});

/** Who a project is, whatever the year: last year's results and 整改 answers name this year's projects. */
export const yearless = (i: Pick<Identity, "code" | "name" | "unit">): Identity => ({ code: i.code, name: i.name, unit: i.unit, year: null });

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
 * Items findable by who they are, as sameProject decides: looked up by 项目编码 and by name, then checked with
 * sameProject, so a batch of 10,000 budgeted projects and 10,000 tables costs a lookup each, not a scan each.
 */
export class ProjectIndex<T> {
  private byCode = new Map<string, T[]>();
  private byName = new Map<string, T[]>();
  private ids = new Map<T, Identity>();
  private rank = new Map<T, number>();

  constructor(items: Iterable<T>, identity: (item: T) => Identity) {
    for (const item of items) {
      const id = identity(item);
      this.ids.set(item, id);
      this.rank.set(item, this.rank.size);
      const add = (map: Map<string, T[]>, k: string) => {
        if (!k) return;
        const list = map.get(k);
        if (list) list.push(item);
        else map.set(k, [item]);
      };
      add(this.byCode, key(id.code));
      add(this.byName, key(id.name));
    }
  }

  /** Every item naming the same project as `id`, in the order given, with how it matched. */
  all(id: Identity): { item: T; matchedBy: MatchedBy }[] {
    const seen = new Set<T>();
    const out: { item: T; matchedBy: MatchedBy }[] = [];
    for (const list of [this.byCode.get(key(id.code)) ?? [], this.byName.get(key(id.name)) ?? []]) {
      for (const item of list) {
        if (seen.has(item)) continue;
        seen.add(item);
        const m = sameProject(id, this.ids.get(item)!);
        if (m) out.push({ item, matchedBy: m });
      }
    }
    if (out.length > 1) out.sort((a, b) => this.rank.get(a.item)! - this.rank.get(b.item)!);
    return out;
  }

  /** The first item (in the order given) naming the same project as `id`. */
  first(id: Identity): { item: T; matchedBy: MatchedBy } | null {
    return this.all(id)[0] ?? null;
  }
}

/**
 * Coverage of the budget list (DOMAIN §9): a budgeted project without a target table may not be funded
 * (四(三)2); where the batch holds monitoring tables (a monitoring point) or self-evaluations (after the year), a
 * budgeted project without one is not covered (四(三)3, 四(三)4).
 */
export function coverage(
  items: BudgetItem[], results: ProjectResult[], exAnte: ExAnteResult[], rules: RuleSet, previous: PreviousLink[] = [], rectification: Rectification[] = [],
): { rows: CoverageRow[]; findings: (Finding & { file: string })[] } {
  const findings: (Finding & { file: string })[] = [];
  const tables = new Map<TableKind, ProjectIndex<ProjectResult>>();
  for (const kind of ["target", "monitoring", "self-evaluation"] as TableKind[]) tables.set(kind, new ProjectIndex(results.filter((r) => r.project.kind === kind), projectIdentity));
  const assessments = new ProjectIndex(exAnte, exAnteIdentity);
  const problemsOf = new ProjectIndex(rectification, yearless);
  const lastOf = new Map(previous.filter((l) => l.budget).map((l) => [l.budget!, l.previous] as const));
  const years = (kind: TableKind) => new Set(results.filter((r) => r.project.kind === kind).map((r) => r.project.year));
  const seenYears = { monitoring: years("monitoring"), selfEvaluation: years("self-evaluation") };
  // The batch is at a monitoring point (or after the year) when it holds monitoring tables (self-evaluations) of the list's year.
  const atPoint = (ys: Set<number | null>, year: number | null) => ys.size > 0 && (year === null || ys.has(null) || ys.has(year));
  const rows = items.map((item): CoverageRow => {
    const phase = { monitoring: atPoint(seenYears.monitoring, item.year), selfEvaluation: atPoint(seenYears.selfEvaluation, item.year) };
    const matchedBy: CoverageRow["matchedBy"] = {};
    const find = (kind: TableKind) => {
      const hit = tables.get(kind)!.first(item);
      if (hit) matchedBy[kind] = hit.matchedBy;
      return hit?.item ?? null;
    };
    const assessment = assessments.first(item)?.item ?? null;
    // A new major project needs its 事前绩效评估 before it may ask for a budget (四(三)1).
    const needsExAnte = item.isNew === true && (item.isMajor === true || (item.amount ?? 0) >= rules.cycle.majorNewAmount);
    const target = find("target");
    const monitoring = find("monitoring");
    const selfEvaluation = find("self-evaluation");
    const what = `预算项目清单中的“${item.name}”${item.code ? `（${item.code}）` : ""}${item.amount !== null ? `安排预算 ${item.amount} 万元` : ""}`;
    const at = { sheet: item.sheet, cell: item.cell };
    if (needsExAnte && !assessment) findings.push({ file: item.file, ...finding("ex-ante-missing", at, `${what}，是新增重大项目，但没有事前绩效评估，评估结果是申请预算的必备要件。`, rules) });
    if (!target) findings.push({ file: item.file, ...finding("budget-without-target", at, `${what}，但没有提交绩效目标表，未按要求设置绩效目标的项目不得安排预算。`, rules) });
    if (phase.monitoring && !monitoring) findings.push({ file: item.file, ...finding("monitoring-not-covered", at, `${what}，本批有运行监控表，但没有这个项目的监控表。`, rules) });
    if (phase.selfEvaluation && !selfEvaluation) findings.push({ file: item.file, ...finding("self-evaluation-not-covered", at, `${what}，本批有绩效自评表，但这个项目没有自评，自评未全覆盖。`, rules) });
    const review = selfEvaluation?.review;
    const last = lastOf.get(item);
    const problems = problemsOf.all(yearless(item)).map((x) => x.item);
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
        selfEvaluation: selfEvaluation ? `已提交（${selfEvaluation.selfEvaluation ? `${selfScoreText(selfEvaluation.selfEvaluation).replace(/^自评 /, "")}，${selfEvaluation.selfEvaluation.grade}` : "无法评分"}）` : phase.selfEvaluation ? "未提交" : "本批无自评表",
        review: review ? `已复核（${review.score.toFixed(2)} 分，${review.grade}）` : selfEvaluation ? "未复核" : "—",
        rectification: problems.length === 0 ? "—" : `${problems.length} 个问题：已整改 ${count("已整改")}，未整改 ${count("未整改")}，逾期 ${count("逾期")}`,
        previous: last ? `${last.grade ?? "—"}，${last.decision ?? "—"}${last.amount !== null ? `（${last.amount} 万元）` : ""}` : "—",
      },
    };
  });
  return { rows, findings };
}
