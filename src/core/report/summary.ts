import { toNumber2 } from "../decimal";
import { fieldText, type Project } from "../model";
import type { Action } from "../monitor";
import { openProblems } from "../rectify";
import { isBlank } from "../sheet";
import { normalizeLabel } from "../text";
import { readNumberCell } from "../values";
import { type Grade, selfScoreText } from "../self-evaluation";
import { orNull } from "../decimal";
import type { Analysis, PreviousLink, ProjectResult, Rectification } from "../results";

/** Where a project's decision comes from: a step of the chain on one of its tables, or the cycle around them. */
export type DecisionStep = "target" | "monitoring" | "self-evaluation" | "review" | "result" | "previous" | "rectification";

/** One decision a project earned, with its grounds and the table it was taken on. */
export interface ProjectDecision {
  step: DecisionStep;
  /** 通过 / 重新申报 / 终止申报, a monitoring action, a grade, a 结果应用, 结果应用未落实 / 收回资金又申请, 整改未完成 / 已整改. */
  decision: string;
  /** Why, in a few words. */
  grounds: string;
  file: string;
  sheet: string;
}

/**
 * The 结果应用 a project's decisions combine into: all of them, strongest first. Last year's result or this
 * year's 整改 not carried out come first (they must be carried out before anything else), then the decisions of
 * 四(三)5 from the heaviest (the project cut or cancelled) to the lightest.
 */
export const OUTCOME_ORDER = ["收回资金又申请", "结果应用未落实", "整改未完成", "削减或取消", "收回", "调整", "督促改进并核减", "据实合理保障", "优先保障"] as const;
const ACTION_ORDER: Action[] = ["停止拨款", "暂缓拨款", "无法判定", "预警", "正常"];
const STEP_ORDER: DecisionStep[] = ["result", "previous", "rectification", "target", "monitoring", "self-evaluation", "review"];

/** One project across its tables: the target table, the monitoring and the self-evaluation meet here. */
export interface ProjectSummary {
  name: string;
  department: string;
  unit: string;
  responsible: string;
  contact: string;
  funds: number | null;
  executionRate: number | null;
  /** Every table of the project in the batch, in the batch's order. */
  tables: ProjectResult[];
  /** The last target table (a later version answers for the earlier ones). */
  target: ProjectResult | null;
  /** The monitoring table with the strongest action. */
  monitoring: ProjectResult | null;
  /** The last self-evaluation. */
  self: ProjectResult | null;
  /** Every decision of every table and of the cycle: the 结果应用 ones strongest first, then the steps in the chain's order. */
  decisions: ProjectDecision[];
  /** The 结果应用 line: each 结果应用 once, strongest first (OUTCOME_ORDER). */
  outcome: string[];
  errors: number;
  warnings: number;
}

function key(p: Project): string {
  return normalizeLabel(fieldText(p, "name")) || `${p.file}|${p.sheet}`;
}

function firstText(results: ProjectResult[], k: Parameters<typeof fieldText>[1]): string {
  for (const r of results) {
    const t = fieldText(r.project, k);
    if (t) return t;
  }
  return "";
}

function amount(p: Project | undefined): number | null {
  if (!p) return null;
  const cells = [p.fields.fundsTotal, p.funds[0]?.budget, p.fields.monitoringBudget];
  for (const c of cells) {
    if (!c || isBlank(c.value)) continue;
    const r = readNumberCell(c.value);
    if (r.kind === "number") return r.value;
  }
  return null;
}

const summaries = new WeakMap<Analysis, ProjectSummary[]>();

/** Groups every table of the batch by project name, in the order projects first appear (once per analysis). */
export function summarize(a: Analysis): ProjectSummary[] {
  const known = summaries.get(a);
  if (known) return known;
  const list = group(a);
  summaries.set(a, list);
  return list;
}

/** The cycle's facts by the table they concern, looked up once per analysis (a batch may hold thousands of projects). */
interface Cycle {
  previous: Map<ProjectResult, PreviousLink[]>;
  problems: Map<ProjectResult, Rectification[]>;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

function group(a: Analysis): ProjectSummary[] {
  const groups = new Map<string, ProjectResult[]>();
  for (const r of a.projects) push(groups, key(r.project), r);
  const cycle: Cycle = { previous: new Map(), problems: new Map() };
  for (const l of a.previous) if (l.outcome && l.target) push(cycle.previous, l.target, l);
  for (const i of a.rectification) for (const r of i.projects) push(cycle.problems, r, i);
  return [...groups.values()].map((rs) => {
    const last = (k: Project["kind"]) => rs.filter((r) => r.project.kind === k).at(-1) ?? null;
    const target = last("target");
    const self = last("self-evaluation");
    const rank = (r: ProjectResult) => ACTION_ORDER.indexOf(r.monitoring!.action);
    const monitoring = rs.filter((r) => r.monitoring).reduce<ProjectResult | null>((m, r) => (m && rank(m) < rank(r) ? m : r), null) ?? last("monitoring");
    const decisions = decisionsOf(rs, cycle);
    const all = rs.flatMap((r) => r.findings);
    return {
      name: firstText(rs, "name") || rs[0].project.sheet,
      department: firstText(rs, "department"),
      unit: firstText(rs, "unit"),
      responsible: firstText(rs, "responsible"),
      contact: firstText(rs, "contact"),
      funds: amount(target?.project) ?? amount(self?.project) ?? amount(monitoring?.project),
      executionRate: self?.selfEvaluation?.executionRate ?? monitoring?.monitoring?.executionRate ?? null,
      tables: rs,
      target,
      monitoring,
      self,
      decisions,
      outcome: [...new Set(decisions.filter(isOutcome).map((d) => d.decision))],
      errors: all.filter((f) => f.severity === "error").length,
      warnings: all.filter((f) => f.severity === "warning").length,
    };
  });
}

const outcomeRank = (d: ProjectDecision) => (OUTCOME_ORDER as readonly string[]).indexOf(d.decision);
/** A decision that goes into the 结果应用 line (a grade, a verdict, a monitoring action or 已整改 does not). */
export const isOutcome = (d: ProjectDecision) => ["result", "previous", "rectification"].includes(d.step) && outcomeRank(d) >= 0;

/** What each table of the project decided, what last year's result and the 整改 answers add, in the summary's order. */
function decisionsOf(rs: ProjectResult[], cycle: Cycle): ProjectDecision[] {
  const out: ProjectDecision[] = [];
  const at = (r: ProjectResult) => ({ file: r.project.file, sheet: r.project.sheet });
  const openOf = (r: ProjectResult) => (cycle.problems.get(r) ?? []).filter((i) => i.status !== "已整改");
  for (const r of rs) {
    if (r.targetVerdict) out.push({ step: "target", decision: r.targetVerdict, grounds: verdictGrounds(r), ...at(r) });
    const m = r.monitoring;
    if (m) out.push({ step: "monitoring", decision: m.action, grounds: `截至 ${m.month} 月，${m.grounds.join("；") || "执行进度和指标进度正常"}`, ...at(r) });
    const s = r.selfEvaluation;
    if (s) out.push({ step: "self-evaluation", decision: s.grade, grounds: selfScoreText(s) + (s.grade === "无法评定" ? `，缺${s.evidence.missing.join("、")}` : s.evidence.source === "stated" ? "（未经重算）" : ""), ...at(r) });
    const v = r.review;
    if (v) {
      const d = toNumber2(v.delta);
      out.push({ step: "review", decision: v.grade, grounds: `复核 ${toNumber2(v.score)} 分，${d > 0 ? `比自评低 ${d} 分` : d < 0 ? `比自评高 ${-d} 分` : "与自评相同"}`, ...at(r) });
    }
    if (r.decision) {
      // Open 整改 problems are a decision of their own below, not a ground of this one.
      const open = openOf(r);
      const grounds = r.decisionGrounds.filter((g) => open.length === 0 || g !== openProblems(open));
      out.push({ step: "result", decision: r.decision, grounds: grounds.join("；"), ...at(r) });
    }
  }
  for (const l of rs.flatMap((r) => cycle.previous.get(r) ?? [])) {
    const p = l.previous;
    const asks = l.amount !== null ? `本年申请 ${l.amount} 万元${p.amount !== null ? `（上年 ${p.amount} 万元）` : ""}` : "本年又申请预算";
    const what = p.decision === "收回" ? "已收回的沉淀资金又申请预算" : p.decision === "削减或取消" ? "没有削减" : "不减反增";
    out.push({ step: "previous", decision: l.outcome!, grounds: `上年评价${p.grade ? `等级“${p.grade}”，` : ""}结果应用为“${p.decision}”，${asks}，${what}`, ...at(l.target!) });
  }
  const problems = [...new Set(rs.flatMap((r) => cycle.problems.get(r) ?? []))];
  if (problems.length > 0) {
    const open = problems.filter((i) => i.status !== "已整改");
    const where = { file: problems[0].file, sheet: problems[0].sheet };
    if (open.length > 0) out.push({ step: "rectification", decision: "整改未完成", grounds: `整改情况表${openProblems(open)}`, ...where });
    else out.push({ step: "rectification", decision: "已整改", grounds: `整改情况表的 ${problems.length} 个问题均已整改`, ...where });
  }
  // Stable: decisions of one rank keep the tables' order.
  return out
    .map((d, i) => ({ d, i }))
    .sort((x, y) => {
      const [a1, b1] = [x.d, y.d].map((d) => (isOutcome(d) ? 0 : 1));
      if (a1 !== b1) return a1 - b1;
      if (a1 === 0 && outcomeRank(x.d) !== outcomeRank(y.d)) return outcomeRank(x.d) - outcomeRank(y.d);
      return STEP_ORDER.indexOf(x.d.step) - STEP_ORDER.indexOf(y.d.step) || x.i - y.i;
    })
    .map((x) => x.d);
}

/** Why a target table passed or not: its errors by cell (the 校验结果 sheet has them in full), or why it is stopped. */
function verdictGrounds(r: ProjectResult): string {
  const errors = r.findings.filter((f) => f.severity === "error");
  if (r.targetVerdict === "无法评定") return "没有读到指标值列，指标是否细化量化、可比可测无法审核；请在“读取方式”中指定指标值所在的列";
  if (r.targetVerdict === "终止申报") {
    const stop = r.findings.find((f) => f.code === "terminate-declaration");
    if (stop) return stop.message.replace(/^建议终止申报：/, "").replace(/。$/, "");
  }
  if (errors.length > 0) {
    const cells = [...new Set(errors.map((f) => f.cell).filter((c): c is string => c !== null))];
    const shown = cells.length > 5 ? `${cells.slice(0, 5).join("、")}等` : cells.join("、");
    return `目标表有 ${errors.length} 个错误${shown ? `（${r.project.sheet} ${shown}）` : ""}，详见“校验结果”`;
  }
  const warnings = r.findings.filter((f) => f.severity === "warning").length;
  return warnings > 0 ? `目标表没有错误，有 ${warnings} 个警告` : "目标表没有错误";
}

/**
 * The run's headline counts, as 汇总, the grade chart and the leaders' report all state them: grades that count
 * (finalGrade), 无法评定 apart (never in the distribution), 重新申报 / 终止申报 targets, 暂缓 or 停止拨款 advice.
 */
export function runCounts(a: Analysis): { grades: Record<"优" | "良" | "中" | "差", number>; graded: number; unjudged: number; redo: number; stop: number; suspended: number } {
  const list = summarize(a);
  const finals = list.map(finalGrade);
  const grades = { 优: 0, 良: 0, 中: 0, 差: 0 };
  for (const g of finals) if (g !== null && g !== "无法评定") grades[g]++;
  return {
    grades,
    graded: grades.优 + grades.良 + grades.中 + grades.差,
    unjudged: finals.filter((g) => g === "无法评定").length,
    redo: list.filter((s) => s.target?.targetVerdict === "重新申报").length,
    stop: list.filter((s) => s.target?.targetVerdict === "终止申报").length,
    suspended: list.filter((s) => s.monitoring?.monitoring && ["暂缓拨款", "停止拨款"].includes(s.monitoring.monitoring.action)).length,
  };
}

/** The grade that counts: the review's where there is one, else the self-evaluation's. */
export function finalGrade(s: ProjectSummary): Grade | "无法评定" | null {
  return s.self?.review?.grade ?? s.self?.selfEvaluation?.grade ?? null;
}

export function selfScore(s: ProjectSummary): number | null {
  return s.self?.selfEvaluation ? orNull(s.self.selfEvaluation.score) : null;
}

export function reviewScore(s: ProjectSummary): number | null {
  return s.self?.review ? toNumber2(s.self.review.score) : null;
}
