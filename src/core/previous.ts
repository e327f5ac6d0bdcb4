import { ProjectIndex, projectIdentity, yearless } from "./coverage";
import { finding, type Finding } from "./findings";
import { type RuleSet } from "./rules/ruleset";
import { fileName } from "./text";
import { numberAt } from "./values";
import type { BudgetItem, PreviousLink, PreviousOutcome, PreviousResult, ProjectResult } from "./results";

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
