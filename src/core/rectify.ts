import type { ProjectResult } from "./analyze";
import { ProjectIndex, projectIdentity, yearless } from "./coverage";
import { finding, type Finding, type FindingRules } from "./findings";
import { chineseDate, type ListedProject, readDate, readRecords, recordText } from "./records";
import { DEFAULT_RULES } from "./rules/ruleset";
import type { SheetSnapshot } from "./sheet";
import { normalizeLabel } from "./text";

export type RectificationStatus = "已整改" | "未整改" | "逾期";

/** One problem of a 反馈通知书 / 再评价报告 and the unit's answer to it, from a 整改情况表. */
export interface Rectification extends ListedProject {
  problem: string;
  deadline: Date | null;
  measures: string;
  result: string;
  doneDate: Date | null;
  evidence: string;
  status: RectificationStatus;
  /** This batch's tables of the project the problem belongs to. */
  projects: ProjectResult[];
}

type Column = "code" | "name" | "unit" | "problem" | "deadline" | "measures" | "result" | "doneDate" | "evidence";

const COLUMNS: [RegExp, Column][] = [
  [/^项目(编码|代码|编号)$/, "code"],
  [/^(预算)?项目(名称)?$/, "name"],
  [/^(实施|预算|责任)?单位(名称)?$/, "unit"],
  [/^(存在的?|发现的?|反馈的?)?问题(描述|内容|事项)?$/, "problem"],
  [/^整改(期限|时限)|^(完成)?时限$/, "deadline"],
  [/^整改措施/, "measures"],
  [/^整改(结果|情况|完成情况|成效)$|^完成情况$/, "result"],
  [/^(整改)?完成(日期|时间)$|^实际完成(日期|时间)$/, "doneDate"],
  [/^佐证(材料)?|^证明材料|^附件$/, "evidence"],
];

const NOT_DONE = /未|尚未|正在|整改中|推进中|部分|无法/;
const DONE = /已整改|已完成|完成整改|整改完成|已落实|整改到位|已办结|^完成$/;

/**
 * The rows of a 整改情况表 and where each stands on `today` (DOMAIN §9): 已整改 when the answer says done with a
 * completion date and evidence by the deadline; 逾期 when the deadline passed first; otherwise 未整改.
 */
export function readRectification(sheet: SheetSnapshot, file: string, today: Date, rules: FindingRules = DEFAULT_RULES): { items: Rectification[]; findings: (Finding & { file: string })[] } {
  const table = readRecords(sheet, COLUMNS, "problem");
  const items: Rectification[] = [];
  const findings: (Finding & { file: string })[] = [];
  if (!table) return { items, findings };
  const day = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  for (const row of table.rows) {
    const problem = recordText(row, "problem");
    // A header repeated further down (the 整改台账's second part) is not a problem.
    if (COLUMNS.some(([re, role]) => role === "problem" && re.test(normalizeLabel(problem)))) continue;
    const result = recordText(row, "result");
    const deadline = row.cells.deadline ? readDate(row.cells.deadline.value) : null;
    const doneDate = row.cells.doneDate ? readDate(row.cells.doneDate.value) : null;
    const evidence = recordText(row, "evidence");
    const t = normalizeLabel(result);
    const claimed = DONE.test(t) && !NOT_DONE.test(t);
    const proven = claimed && doneDate !== null && evidence !== "";
    const at = { sheet: sheet.name, cell: row.cells.result?.cell ?? row.cells.problem!.cell };
    const short = problem.length > 40 ? `${problem.slice(0, 40)}…` : problem;
    const what = `${recordText(row, "name") ? `“${recordText(row, "name")}”的` : ""}问题（${short}）`;
    const limit = deadline ? `整改期限 ${chineseDate(deadline)}` : "没有写明整改期限";
    let status: RectificationStatus;
    if (proven && deadline && doneDate!.getTime() > deadline.getTime()) {
      status = "逾期";
      findings.push({ file, ...finding("rectification-overdue", at, `${what}${limit}，${chineseDate(doneDate!)} 才完成，逾期完成。`, rules) });
    } else if (proven) {
      status = "已整改";
    } else {
      if (claimed) findings.push({ file, ...finding("rectification-unproven", at, `${what}写明“${result}”，但没有${doneDate ? "" : "完成日期"}${!doneDate && !evidence ? "和" : ""}${evidence ? "" : "佐证材料"}，暂按未整改。`, rules) });
      if (deadline && day > deadline.getTime()) {
        status = "逾期";
        findings.push({ file, ...finding("rectification-overdue", at, `${what}${limit}，到 ${chineseDate(today)} 仍未整改。`, rules) });
      } else {
        status = "未整改";
        if (!claimed) findings.push({ file, ...finding("rectification-open", at, `${what}尚未整改（${limit}${result ? `；单位填写“${result}”` : ""}）。`, rules) });
      }
    }
    items.push({
      file, sheet: sheet.name, cell: row.cells.problem!.cell, code: recordText(row, "code"), name: recordText(row, "name"), unit: recordText(row, "unit"),
      problem, deadline, measures: recordText(row, "measures"), result, doneDate, evidence, status, projects: [],
    });
  }
  return { items, findings };
}

/** Each problem's project among the batch's tables (by 项目编码, else name and unit; any year). */
export function linkRectification(items: Rectification[], results: ProjectResult[]): void {
  const index = new ProjectIndex(results, (r) => yearless(projectIdentity(r)));
  for (const it of items) {
    if (!it.name && !it.code) continue;
    it.projects = index.all(yearless(it)).map((x) => x.item);
  }
}

/**
 * Open problems reach 结果应用 (四(三)5 反馈、整改、提升): every table of the batch for the project gets the count of
 * its unfinished problems among its decision's grounds.
 */
export function addRectificationGrounds(items: Rectification[]): void {
  const openOf = new Map<ProjectResult, Rectification[]>();
  for (const i of items) {
    if (i.status === "已整改") continue;
    for (const r of i.projects) {
      const list = openOf.get(r);
      if (list) list.push(i);
      else openOf.set(r, [i]);
    }
  }
  for (const [r, open] of openOf) {
    if (open.length === 0 || !r.decision) continue;
    r.decisionGrounds.push(openProblems(open));
  }
}

/** Problems not yet put right, in a few words: how many, and how many of them past their deadline. */
export function openProblems(open: Rectification[]): string {
  const late = open.filter((i) => i.status === "逾期").length;
  return `有 ${open.length} 个问题未完成整改${late ? `（其中逾期 ${late} 个）` : ""}`;
}
