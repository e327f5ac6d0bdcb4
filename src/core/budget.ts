import { a1 } from "./address";
import type { CellValue, SheetSnapshot } from "./sheet";
import { cellText, normalizeLabel } from "./text";
import { readNumberCell } from "./values";

/** One row of a finance bureau's 预算项目清单: a project the budget funds. */
export interface BudgetItem {
  file: string;
  sheet: string;
  /** A1 address of the row's 项目名称 cell, for findings. */
  cell: string;
  code: string;
  name: string;
  unit: string;
  /** 预算金额 in 万元, or null where it cannot be read. */
  amount: number | null;
  /** 新增 (true) or 延续 (false); null where the list does not say. */
  isNew: boolean | null;
  /** 是否重大 as the list states it; null where it does not say. */
  isMajor: boolean | null;
  /** The budget year in the list's title (2026年度…清单), where it says. */
  year: number | null;
}

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
  const at = (r: number, c: number) => sheet.rows[r]?.[c] ?? null;
  let year: number | null = null;
  for (let r = 0; r < sheet.rows.length; r++) {
    const cols = new Map<string, number>();
    sheet.rows[r].forEach((v, c) => {
      if (typeof v !== "string") return;
      const l = normalizeLabel(v).replace(/\((万元|元)\)$/, "");
      const hit = COLUMNS.find(([re]) => re.test(l));
      if (hit && !cols.has(hit[1])) cols.set(hit[1], c);
    });
    if (!cols.has("name")) {
      const title = sheet.rows[r].find((v) => typeof v === "string" && /(20\d{2})\s*年/.test(v));
      if (year === null && typeof title === "string") year = Number(/(20\d{2})\s*年/.exec(title)![1]);
      continue;
    }
    const out: BudgetItem[] = [];
    for (let rr = r + 1; rr < sheet.rows.length; rr++) {
      const name = cellText(at(rr, cols.get("name")!)).trim();
      if (!name) continue;
      if (/^(合计|总计|小计)$/.test(normalizeLabel(name))) break;
      const text = (k: string) => (cols.has(k) ? cellText(at(rr, cols.get(k)!)).trim() : "");
      const amount = cols.has("amount") ? readNumberCell(at(rr, cols.get("amount")!)) : null;
      const kind = normalizeLabel(text("isNew"));
      out.push({
        file,
        sheet: sheet.name,
        cell: a1(sheet.top + rr, sheet.left + cols.get("name")!),
        code: text("code"),
        name,
        unit: text("unit"),
        amount: amount && amount.kind === "number" ? amount.value : null,
        isNew: /新增|新设|新出台/.test(kind) ? true : /延续|续建|经常/.test(kind) ? false : null,
        isMajor: cols.has("isMajor") ? yesNo(at(rr, cols.get("isMajor")!)) : null,
        year,
      });
    }
    return out;
  }
  return [];
}
