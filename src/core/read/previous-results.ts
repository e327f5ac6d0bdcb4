import { readRecords, recordText } from "../records";
import { gradeWord } from "../self-evaluation";
import type { Decision } from "../rules/ruleset";
import { DECISIONS } from "../rules/ruleset";
import type { SheetSnapshot } from "../sheet";
import { normalizeLabel } from "../text";
import { readNumberCell } from "../values";
import type { PreviousResult } from "../results";

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
    const grade = gradeWord(recordText(row, "reviewGrade")) ?? gradeWord(recordText(row, "grade")) ?? gradeWord(recordText(row, "selfGrade"));
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
