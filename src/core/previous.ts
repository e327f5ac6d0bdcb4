import type { ProjectResult } from "./analyze";
import type { BudgetItem } from "./budget";
import { type MatchedBy, ProjectIndex, projectIdentity, yearless } from "./coverage";
import { finding, type Finding } from "./findings";
import { type ListedProject, readRecords, recordText } from "./records";
import type { Decision } from "./rules/ruleset";
import { DECISIONS, type RuleSet } from "./rules/ruleset";
import type { SheetSnapshot } from "./sheet";
import { fileName, normalizeLabel } from "./text";
import { numberAt, readNumberCell } from "./values";

type Grade = "优" | "良" | "中" | "差";

/** One project of last year's result workbook: the add-in's own 汇总, or a bureau's plain list. */
export interface PreviousResult extends ListedProject {
  /** The grade that counted: the review's where the list has one, else the self-evaluation's or the plain 等级. */
  grade: Grade | null;
  decision: Decision | null;
  /** Last year's amount in 万元. */
  amount: number | null;
  year: number | null;
}

type Column = "code" | "name" | "unit" | "reviewGrade" | "grade" | "selfGrade" | "decision" | "amount" | "year";

const COLUMNS: [RegExp, Column][] = [
  [/^项目(编码|代码|编号)$/, "code"],
  [/^(预算)?项目(名称)?$/, "name"],
  [/^(实施|预算|申报)?单位(名称)?$/, "unit"],
  [/^(复核|再评价|财政评价)等级$/, "reviewGrade"],
  [/^自评等级$/, "selfGrade"],
  [/^(评价|考评|绩效|最终)?等级$|^评价(结果|等级)$/, "grade"],
  [/^结果应用|^(处理|应用)意见$/, "decision"],
  [/金额|资金|预算数/, "amount"],
  [/^(年度|评价年度)$/, "year"],
];

/** 优秀/良好/达标 (黑河 clause 28) and 10号's 优/良/中/差, with the words bureaus use for them. */
function gradeOf(text: string): Grade | null {
  const t = normalizeLabel(text);
  if (/^优/.test(t)) return "优";
  if (/^良/.test(t)) return "良";
  if (/^(差|不合格|未达标|不达标|较差)/.test(t)) return "差";
  if (/^(中|一般|合格|达标)/.test(t)) return "中";
  return null;
}

/** Words of the add-in's 结果应用 line that are not decisions: last year's result or 整改 not carried out. */
const NOT_DECISIONS = /结果应用未落实|收回资金又申请|整改未完成/g;

/**
 * A 结果应用 as the list writes it: one of the decisions, or a word of one (削减, 取消, 核减, 收回). Where it names
 * several (the add-in's 汇总 lists them strongest first), the first one written counts.
 */
function decisionOf(text: string): Decision | null {
  const t = normalizeLabel(text).replace(NOT_DECISIONS, " ");
  const written = DECISIONS.map((d) => [d, t.indexOf(d)] as const).filter(([, at]) => at >= 0).sort((a, b) => a[1] - b[1]);
  if (written.length > 0) return written[0][0];
  if (/收回/.test(t)) return "收回";
  if (/削减|取消|压减/.test(t)) return "削减或取消";
  if (/核减|督促改进/.test(t)) return "督促改进并核减";
  if (/调整|整合|合并/.test(t)) return "调整";
  if (/优先/.test(t)) return "优先保障";
  if (/保障/.test(t)) return "据实合理保障";
  return null;
}

/**
 * The projects of last year's results: the header is the first row with a project column; a row counts when it
 * names a project (not a number: the grade table under the add-in's 汇总) and states a grade or a 结果应用.
 */
export function readPreviousResults(sheet: SheetSnapshot, file: string): PreviousResult[] {
  const table = readRecords(sheet, COLUMNS, "name");
  if (!table) return [];
  const out: PreviousResult[] = [];
  for (const row of table.rows) {
    const name = recordText(row, "name");
    if (/^[\d.]+$/.test(name)) continue;
    const grade = gradeOf(recordText(row, "reviewGrade")) ?? gradeOf(recordText(row, "grade")) ?? gradeOf(recordText(row, "selfGrade"));
    const decision = decisionOf(recordText(row, "decision"));
    if (!grade && !decision) continue;
    const amount = row.cells.amount ? readNumberCell(row.cells.amount.value) : null;
    const year = /^(20\d{2})/.exec(recordText(row, "year"));
    out.push({
      file, sheet: sheet.name, cell: row.cells.name!.cell, code: recordText(row, "code"), name, unit: recordText(row, "unit"),
      grade, decision, amount: amount?.kind === "number" ? amount.value : null, year: year ? Number(year[1]) : table.year,
    });
  }
  return out;
}

/** Last year's result of a project, and what this year's batch holds for it. */
export interface PreviousLink {
  previous: PreviousResult;
  /** This year's budget-list row and target table for the project, where the batch holds them. */
  budget: BudgetItem | null;
  target: ProjectResult | null;
  matchedBy: MatchedBy | null;
  /** What the project asks for this year, in 万元: the budget list's amount, else the target table's 年度资金总额. */
  amount: number | null;
  /** What this year's request makes of last year's result, where it goes against it (the finding's code says which). */
  outcome: PreviousOutcome | null;
}

/** Last year's result not carried out: a cut not applied, or funds taken back asked for again. */
export type PreviousOutcome = "结果应用未落实" | "收回资金又申请";
const OUTCOME: Record<string, PreviousOutcome> = { "previous-decision-not-applied": "结果应用未落实", "recovered-funds-reappear": "收回资金又申请" };


/**
 * Across years (四(三)5, DOMAIN §9): a project last rated 削减或取消 that asks for no less money, or 督促改进并核减
 * that asks for more, has not applied the result (previous-decision-not-applied); a project whose 沉淀资金 was 收回
 * and that asks for money again is an error (recovered-funds-reappear). The finding goes to this year's target table
 * where there is one, else to the budget-list row. Returns the links, the loose findings, and the 终止申报 grounds
 * for target tables that did not apply a 削减或取消.
 */
export function applyPrevious(previous: PreviousResult[], budget: BudgetItem[], results: ProjectResult[], rules: RuleSet) {
  const links: PreviousLink[] = [];
  const findings: (Finding & { file: string })[] = [];
  const terminate = new Map<ProjectResult, string>();
  // Last year's result is matched without the year: it is last year's by definition.
  const budgetIndex = new ProjectIndex(budget, yearless);
  const targetIndex = new ProjectIndex(results.filter((r) => r.project.kind === "target"), (r) => yearless(projectIdentity(r)));
  for (const prev of previous) {
    const id = yearless(prev);
    const inBudget = budgetIndex.first(id);
    const inTargets = targetIndex.first(id);
    const item = inBudget?.item ?? null;
    const target = inTargets?.item ?? null;
    const matchedBy = inBudget?.matchedBy ?? inTargets?.matchedBy ?? null;
    const amount = item?.amount ?? (target ? numberAt(target.project.fields.fundsTotal) : null);
    const link: PreviousLink = { previous: prev, budget: item, target, matchedBy, amount, outcome: null };
    links.push(link);
    if (!item && !target) continue;
    const last = `上年（${fileName(prev.file)}“${prev.sheet}”${prev.cell}）评价${prev.grade ? `等级“${prev.grade}”，` : ""}结果应用为“${prev.decision}”`;
    const asks = amount !== null ? `本年申请 ${amount} 万元` : "本年又申请预算";
    const was = prev.amount !== null ? `（上年 ${prev.amount} 万元）` : "";
    let code: string | null = null;
    let message = "";
    if (prev.decision === "收回") {
      code = "recovered-funds-reappear";
      message = `${last}，${asks}${was}：已收回的沉淀资金项目又申请预算。`;
    } else if (prev.decision === "削减或取消" && amount !== null && prev.amount !== null && amount >= prev.amount) {
      code = "previous-decision-not-applied";
      message = `${last}，${asks}${was}，没有削减，结果应用未落实。`;
      if (target) terminate.set(target, `上年结果应用为“削减或取消”，本年申请 ${amount} 万元不少于上年 ${prev.amount} 万元`);
    } else if (prev.decision === "督促改进并核减" && amount !== null && prev.amount !== null && amount > prev.amount) {
      code = "previous-decision-not-applied";
      message = `${last}，${asks}${was}，不减反增，结果应用未落实。`;
    }
    if (!code) continue;
    link.outcome = OUTCOME[code];
    if (target) target.findings.push(finding(code, { sheet: target.project.sheet, cell: target.project.fields.fundsTotal?.cell ?? null }, message, rules));
    else findings.push({ file: item!.file, ...finding(code, { sheet: item!.sheet, cell: item!.cell }, message, rules) });
  }
  return { links, findings, terminate };
}
