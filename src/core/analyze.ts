import { accountability } from "./accountability";
import { adjustments } from "./adjust";
import { applyPrevious } from "./previous";
import { addRectificationGrounds, linkRectification } from "./rectify";
import { emptyBlockFindings } from "./checks/empty-blocks";
import { checkCopiedIndicators } from "./checks/target";
import { judgeTarget, targetFindings } from "./judge";
import { coverage, exAnteIdentity, ProjectIndex, projectIdentity } from "./coverage";
import { assessExAnte } from "./ex-ante";
import { orNull, toNumber2 } from "./decimal";
import { bySeverity, finding, type Finding } from "./findings";
import { fieldText, level3Names, type Project } from "./model";
import { monitorProject, type Monitoring } from "./monitor";
import { addReading, emptyReading, type ReadOptions } from "./read/options";
import { readWorkbook } from "./read/workbook";
import { type ProjectSummary, summarize } from "./report/summary";
import { chineseDate, readDate } from "./records";
import { hasAnyReview, type Review, reviewProject } from "./review";
import type { Decision, RuleSet } from "./rules/ruleset";
import { Scorer } from "./score";
import { isScored, scoreSelfEvaluation, type SelfEvaluation, selfScoreText } from "./self-evaluation";
import type { WorkbookSnapshot } from "./sheet";
import { cellText, fileName } from "./text";
import type { Analysis, AnalyzeOptions, ExAnteResult, Progress, ProjectResult } from "./results";

/**
 * The whole chain as steps: it yields after each workbook read and each project analysed, so a caller inside
 * Excel can report progress, give the browser a breath (Excel restarts an add-in that blocks for 5 s) or stop.
 * The final value is the analysis.
 */
/** Compiled scoring formulas per rule set: the first compile pays mathjs's one-time parser set-up (about 80 ms). */
const scorers = new WeakMap<RuleSet, Scorer>();

function scorerFor(rules: RuleSet): Scorer {
  let s = scorers.get(rules);
  if (!s) {
    s = new Scorer(rules);
    scorers.set(rules, s);
  }
  return s;
}

export function* analyzeSteps(workbooks: WorkbookSnapshot[], rules: RuleSet, opts: AnalyzeOptions = {}): Generator<Progress, Analysis> {
  const scorer = scorerFor(rules);
  const read = emptyReading();
  const { projects, budget, exAnte: forms, previous: lastYear, rectification } = read;
  const findings: Analysis["findings"] = read.findings;
  const readOpts = readOptionsFor(rules, opts);
  const checkedOn = readOpts.today!;
  for (const [i, wb] of workbooks.entries()) {
    addReading(read, readWorkbook(wb, readOpts));
    yield { stage: `读取表格 ${i + 1}/${workbooks.length}`, done: ((i + 1) / workbooks.length) * 0.3 };
  }
  for (const u of opts.notRead ?? []) {
    const f = finding("file-not-read", { sheet: null, cell: null }, u.message, rules);
    findings.push({ file: u.file, ...f, severity: rules.severities["file-not-read"] ?? u.severity });
  }
  const copied = checkCopiedIndicators(projects, rules);
  const exAnte = forms.map((f) => assessExAnte(f, rules));
  const results: ProjectResult[] = [];
  for (const [i, p] of projects.entries()) {
    results.push(analyzeProject(p, rules, scorer, copied.get(p) ?? []));
    if (i % 20 === 19 || i === projects.length - 1) yield { stage: `分析项目 ${i + 1}/${projects.length}`, done: 0.3 + ((i + 1) / projects.length) * 0.7 };
  }
  for (const e of exAnte) findings.push(...e.findings);
  const previous = applyPrevious(lastYear, budget, results, rules);
  findings.push(...previous.findings);
  const later = laterVersions(results);
  const assessments = new ProjectIndex(exAnte, exAnteIdentity);
  for (const r of results) {
    if (r.targetVerdict && r.targetVerdict !== "无法评定") terminate(r, assessments, rules, previous.terminate.get(r), later.get(r));
    // A table the cycle found an error in (last year's cut not applied) is declared again, with the error put right.
    if (r.targetVerdict === "通过" && r.findings.some((f) => f.severity === "error")) r.targetVerdict = "重新申报";
  }
  linkRectification(rectification, results);
  const covered = coverage(budget, results, exAnte, rules, previous.links, rectification);
  findings.push(...covered.findings, ...adjustments(results, covered.rows, rules));
  addRectificationGrounds(rectification);
  for (const r of results) r.findings.sort(bySeverity);
  return { ruleSet: rules, projects: results, coverage: covered.rows, exAnte, previous: previous.links, rectification, findings, checkedOn,
    accountability: accountability(results, lastYear, rectification, rules),
  };
}

/**
 * What the tables of a run are read with: the month, the rule set, the day (its date, in UTC) and the layouts. A
 * host that reads a list as it streams (hosts/stream-sheet.ts) reads it with these, as the run would.
 */
export function readOptionsFor(rules: RuleSet, opts: AnalyzeOptions): ReadOptions {
  const now = opts.today ?? new Date();
  return { month: opts.month, rules, settle: rules, today: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())), layouts: opts.layouts };
}

/**
 * The whole chain for a batch of workbooks: read every table, check targets, monitor, score, compare the review,
 * decide. Pure: snapshots in, plain results out.
 */
export function analyze(workbooks: WorkbookSnapshot[], rules: RuleSet, opts: AnalyzeOptions = {}): Analysis {
  const steps = analyzeSteps(workbooks, rules, opts);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

function analyzeProject(p: Project, rules: RuleSet, scorer: Scorer, extra: Finding[]): ProjectResult {
  let monitoring: Monitoring | null = null;
  let selfEvaluation: SelfEvaluation | null = null;
  let review: Review | null = null;
  // A target table is judged on its own (or was, as its rows streamed past); copies across the batch go in after.
  const judged = p.kind === "target" ? p.settled ?? judgeTarget(p, rules) : null;
  const findings: Finding[] = judged ? targetFindings(judged, extra) : [...p.findings];
  if (!judged) findings.push(...emptyBlockFindings(p, rules, findings));
  const empty = p.kind !== "target" && !p.indicators.some((i) => i.level3);
  if (empty) findings.push(finding("no-indicators", { sheet: p.sheet, cell: null }, "没有填写任何绩效指标，无法监控或评分。", rules));
  if (p.kind === "monitoring" && !empty) {
    const m = monitorProject(p, rules);
    monitoring = m.result;
    findings.push(...m.findings);
  }
  if (p.kind === "self-evaluation" && !empty) {
    const s = scoreSelfEvaluation(p, scorer);
    selfEvaluation = s.result;
    findings.push(...s.findings);
    if (p.hasReview && hasAnyReview(p) && isScored(s.result)) {
      const r = reviewProject(p, s.result, scorer);
      review = r.result;
      findings.push(...r.findings);
    }
  }
  findings.sort(bySeverity);
  const { decision, grounds } = decide(p, rules, selfEvaluation, review, monitoring);
  return {
    project: p,
    findings,
    targetVerdict: judged ? targetVerdictOf(judged.noTargetColumn, findings) : null,
    monitoring,
    selfEvaluation,
    review,
    decision,
    decisionGrounds: grounds,
  };
}

/**
 * 源头把关 on what was read: a target table whose 指标值 column was not found cannot be passed or sent back on its
 * targets — it is 无法评定, and its table-incomplete finding says what is missing.
 */
function targetVerdictOf(noTargetColumn: boolean, findings: Finding[]): ProjectResult["targetVerdict"] {
  if (noTargetColumn) return "无法评定";
  return findings.some((f) => f.severity === "error") ? "重新申报" : "通过";
}

/** A table marked as declared again: 修改稿, 第二次, 二次申报, 再次申报, 重新申报稿. */
const RESUBMITTED = /修改稿|第二次|二次申报|再次申报|重新申报/;

/**
 * 终止申报 (四(二)2, DOMAIN §9 default): the project's 事前绩效评估 does not support it, a table declared again
 * (marked 修改稿 / 第二次 …) still has errors, or last year's 削减或取消 was not applied (asks for no less money). The grounds are a finding of their own.
 */
/**
 * Target tables of one project declared more than once in the batch, each dated (填报日期): every one but the
 * earliest is a later version, mapped to the date of the version before it.
 */
function laterVersions(results: ProjectResult[]): Map<ProjectResult, { filed: Date; before: Date }> {
  const dated = results
    .filter((r) => r.project.kind === "target")
    .map((r) => ({ r, filed: readDate(r.project.fields.filedOn?.value ?? null) }))
    .filter((x): x is { r: ProjectResult; filed: Date } => x.filed !== null);
  const index = new ProjectIndex(dated, (x) => projectIdentity(x.r));
  const out = new Map<ProjectResult, { filed: Date; before: Date }>();
  for (const x of dated) {
    const earlier = index.all(projectIdentity(x.r)).map((y) => y.item).filter((y) => y !== x && y.filed.getTime() < x.filed.getTime());
    if (earlier.length === 0) continue;
    out.set(x.r, { filed: x.filed, before: new Date(Math.max(...earlier.map((y) => y.filed.getTime()))) });
  }
  return out;
}

function terminate(r: ProjectResult, exAnte: ProjectIndex<ExAnteResult>, rules: RuleSet, lastYear?: string, later?: { filed: Date; before: Date }): void {
  const p = r.project;
  const grounds: string[] = lastYear ? [lastYear] : [];
  const assessment = exAnte.first(projectIdentity(r))?.item;
  if (assessment && (assessment.expected === "不予支持" || assessment.conclusion === "不予支持")) {
    grounds.push(`事前绩效评估（${assessment.form.sheet}）${assessment.score} 分，结论为“不予支持”`);
  }
  const marked = [fileName(p.file), p.sheet, fieldText(p, "name")].find((t) => RESUBMITTED.test(t));
  const errors = r.findings.filter((f) => f.severity === "error").length;
  if (marked && errors > 0) grounds.push(`这是重新申报的表（“${marked}”），仍有 ${errors} 个错误`);
  else if (later && errors > 0) grounds.push(`这是同一项目较晚报送的一版（填报日期 ${chineseDate(later.filed)}，前一版 ${chineseDate(later.before)}），仍有 ${errors} 个错误`);
  if (grounds.length === 0) return;
  r.targetVerdict = "终止申报";
  r.findings.unshift(finding("terminate-declaration", { sheet: p.sheet, cell: null }, `建议终止申报：${grounds.join("；")}。`, rules));
}

/**
 * 结果应用: the review grade decides where there is a review, else the self-evaluation grade; 停止拨款 in
 * monitoring forces 削减或取消; carried-over funds left wholly unspent are 收回.
 */
function decide(
  p: Project,
  rules: RuleSet,
  self: SelfEvaluation | null,
  review: Review | null,
  monitoring: Monitoring | null,
): { decision: Decision | null; grounds: string[] } {
  if (monitoring?.action === "停止拨款") return { decision: "削减或取消", grounds: ["运行监控建议停止拨款"] };
  if (!self) return { decision: null, grounds: [] };
  const carried = p.funds.find((f) => f.label.includes("结转"));
  if (carried) {
    const a = Number(carried.budget?.value);
    const b = Number(carried.executed?.value ?? 0);
    if (Number.isFinite(a) && a > 0 && Number.isFinite(b) && b <= 0) {
      return { decision: "收回", grounds: [`上年结转资金 ${a} 万元全年未执行（${carried.executed?.cell ?? ""}），属沉淀资金`] };
    }
  }
  if (review) return { decision: rules.decisions[review.grade], grounds: [`复核 ${toNumber2(review.score)} 分，等级“${review.grade}”`] };
  if (self.grade === "无法评定") return { decision: null, grounds: [`无法评定：没有读到${self.evidence.missing.join("、")}`] };
  const decision = rules.decisions[self.grade];
  const scored = selfScoreText(self);
  // A decision that takes money away rests on figures the tool recomputed, never on the unit's word alone.
  if (self.evidence.source === "stated" && CUTS.has(decision)) {
    return { decision: null, grounds: [`${scored}，等级“${self.grade}”未经重算，须核实后再定结果应用（按等级应为“${decision}”）`] };
  }
  return { decision, grounds: [`${scored}，等级“${self.grade}”${self.evidence.source === "stated" ? "（未经重算）" : ""}`] };
}

/** Decisions that take a unit's money away. */
const CUTS = new Set<Decision>(["督促改进并核减", "削减或取消", "收回"]);

/** The command line's JSON contract for one project (issue 3); keys and value sets are stable. */
export function projectJson(r: ProjectResult) {
  const p = r.project;
  return {
    file: p.file,
    sheet: p.sheet,
    name: fieldText(p, "name"),
    code: fieldText(p, "projectCode"),
    unit: fieldText(p, "unit"),
    kind: p.kind,
    scope: p.scope,
    indicators: level3Names(p).length,
    findings: r.findings.map((f) => ({ code: f.code, severity: f.severity, sheet: f.sheet, cell: f.cell, message: f.message, basis: f.basis })),
    targetVerdict: r.targetVerdict,
    monitoring: r.monitoring
      ? {
          month: r.monitoring.month, executionRate: r.monitoring.executionRate === null ? null : Math.round(r.monitoring.executionRate * 10000) / 10000,
          executionLight: r.monitoring.executionLight, lights: r.monitoring.lights, action: r.monitoring.action, grounds: r.monitoring.grounds, basis: r.monitoring.evidence,
        }
      : null,
    selfEvaluation: r.selfEvaluation
      ? {
          executionRate: r.selfEvaluation.executionRate === null ? null : toNumber2(r.selfEvaluation.executionRate),
          executionScore: orNull(r.selfEvaluation.executionScore),
          score: orNull(r.selfEvaluation.score),
          range: r.selfEvaluation.range,
          grade: r.selfEvaluation.grade,
          stated: r.selfEvaluation.claimedTotal,
          recomputed: r.selfEvaluation.evidence.source === "recomputed",
          basis: r.selfEvaluation.evidence,
        }
      : null,
    review: r.review ? { score: toNumber2(r.review.score), grade: r.review.grade, delta: toNumber2(r.review.delta) } : null,
    decision: r.decision,
    decisionGrounds: r.decisionGrounds,
    reading: p.reading ?? null,
  };
}

/**
 * One project across its tables, as the 汇总 tells it: its tables, its 结果应用 line (strongest first) and every
 * decision with its grounds and the table it was taken on.
 */
export function summaryJson(s: ProjectSummary) {
  return {
    name: s.name,
    department: s.department,
    unit: s.unit,
    tables: s.tables.map((r) => ({ file: r.project.file, sheet: r.project.sheet, kind: r.project.kind })),
    outcome: s.outcome,
    decisions: s.decisions.map((d) => ({ step: d.step, decision: d.decision, grounds: d.grounds, file: d.file, sheet: d.sheet })),
  };
}

export function analysisJson(a: Analysis, errors: { file: string; message: string }[]) {
  const stories = summarize(a);
  return {
    ruleSet: a.ruleSet.id,
    /** `projects` holds one entry per table; `summary` one per project. */
    counts: { tables: a.projects.length, projects: stories.length },
    projects: a.projects.map(projectJson),
    summary: stories.map(summaryJson),
    findings: a.findings.map((f) => ({ file: f.file, code: f.code, severity: f.severity, sheet: f.sheet, cell: f.cell, message: f.message, basis: f.basis })),
    coverage: a.coverage.map((c) => ({
      code: c.item.code, name: c.item.name, unit: c.item.unit, amount: c.item.amount, sheet: c.item.sheet, cell: c.item.cell,
      matchedBy: c.matchedBy, exAnte: c.states.exAnte, target: c.states.target, monitoring: c.states.monitoring, selfEvaluation: c.states.selfEvaluation, review: c.states.review,
      rectification: c.states.rectification, previous: c.states.previous,
    })),
    exAnte: a.exAnte.map((e) => ({
      file: e.form.file, sheet: e.form.sheet, name: cellText(e.form.fields.name?.value ?? null).trim(), code: cellText(e.form.fields.projectCode?.value ?? null).trim(),
      score: e.score, expected: e.expected, conclusion: e.conclusion,
    })),
    previous: a.previous.map((l) => ({
      file: l.previous.file, sheet: l.previous.sheet, cell: l.previous.cell, code: l.previous.code, name: l.previous.name, unit: l.previous.unit,
      grade: l.previous.grade, decision: l.previous.decision, amount: l.previous.amount, matchedBy: l.matchedBy, amountThisYear: l.amount,
    })),
    accountability: a.accountability.map((x) => ({ unit: x.unit, project: x.project, ground: x.ground, facts: x.facts, basis: x.basis, file: x.file, sheet: x.sheet, cell: x.cell })),
    rectification: a.rectification.map((r) => ({
      file: r.file, sheet: r.sheet, cell: r.cell, code: r.code, name: r.name, unit: r.unit, problem: r.problem,
      deadline: r.deadline ? r.deadline.toISOString().slice(0, 10) : null, doneDate: r.doneDate ? r.doneDate.toISOString().slice(0, 10) : null, status: r.status,
    })),
    errors,
  };
}
