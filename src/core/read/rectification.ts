import { finding, type Finding, type FindingRules } from "../findings";
import { chineseDate, readDate, readRecords, recordText } from "../records";
import { DEFAULT_RULES } from "../rules/ruleset";
import type { SheetSnapshot } from "../sheet";
import { normalizeLabel } from "../text";
import type { Rectification, RectificationStatus } from "../results";

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
