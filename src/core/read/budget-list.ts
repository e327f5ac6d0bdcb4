import type { CellValue, SheetSnapshot } from "../sheet";
import { cellText, normalizeLabel } from "../text";
import { readRecords, recordText } from "../records";
import { readNumberCell } from "../values";
import type { BudgetItem } from "../results";

const COLUMNS: [RegExp, keyof Omit<BudgetItem, "file" | "sheet" | "cell">][] = [
  [/^项目(编码|代码|编号)$/, "code"],
  [/^(预算)?项目名称$/, "name"],
  [/^(实施|预算|申报)?单位(名称)?$|^部门(名称)?$/, "unit"],
  [/^(预算金额|预算数|年度预算|项目金额|金额)/, "amount"],
  [/新增|延续|项目类型|项目性质/, "isNew"],
  [/重大/, "isMajor"],
];

const YES = /^(是|√|重大|Y|y|yes)$/;
const NO = /^(否|×|一般|N|n|no)?$/;

function yesNo(v: CellValue): boolean | null {
  const t = normalizeLabel(cellText(v));
  if (YES.test(t)) return true;
  if (t && NO.test(t)) return false;
  return null;
}

/**
 * The rows of a 预算项目清单: its header row is the first with 项目名称, the rows below it up to a 合计 row are the
 * budgeted projects. Columns are found by their labels, in any order.
 */
export function readBudgetList(sheet: SheetSnapshot, file: string): BudgetItem[] {
  const table = readRecords(sheet, COLUMNS, "name");
  if (!table) return [];
  return table.rows.map((row) => {
    const amount = row.cells.amount ? readNumberCell(row.cells.amount.value) : null;
    const kind = normalizeLabel(recordText(row, "isNew"));
    return {
      file,
      sheet: sheet.name,
      cell: row.cells.name!.cell,
      code: recordText(row, "code"),
      name: recordText(row, "name"),
      unit: recordText(row, "unit"),
      amount: amount && amount.kind === "number" ? amount.value : null,
      isNew: /新增|新设|新出台/.test(kind) ? true : /延续|续建|经常/.test(kind) ? false : null,
      isMajor: row.cells.isMajor ? yesNo(row.cells.isMajor.value) : null,
      year: table.year,
    };
  });
}
