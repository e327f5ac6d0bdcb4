import type { FundsRow } from "../model";
import type { FundsColumn } from "./labels";
import type { Sheet } from "./sheet-view";

const FUNDS_HEADERS: [RegExp, FundsColumn][] = [
  [/^年初预算(数)?/, "fundsInitial"],
  [/^全年预算(数)?|^调整后(的)?预算(数)?|^调整预算(数)?$|^全年(可用)?预算/, "fundsBudget"],
  [/^全年执行(数)?|^(预算|实际|全年实际)执行数|^执行数|^(1|一)[-—~至到]\d{1,2}月(预算)?执行(数|金额)?|^截至.{0,8}执行(数|金额)|^累计执行(数|金额)?|^实际支出(数|金额)?$|^已支出/, "fundsExecuted"],
  [/^分值|^权重/, "fundsPoints"],
  [/^(预算)?执行率/, "fundsRate"],
  [/^得分$|^得分\(/, "fundsScore"],
];
const FUNDS_ROWS = /^(年度资金总额|资金总额|总额|合计|总计|其中[:：]?(当年|本年)?财政拨款|(其中[:：]?)?(当年|本年)财政拨款|上年结转(资金)?|其他资金|基本支出|项目支出)/;
/** Rows of a budget-execution block by 资金来源 (预算管理一体化 monitoring): the sources of a project's funds. */
const SOURCE_ROWS = /^(其中[:：]?)?(中央|省级?|市级?|县级?|区级?|市县|市、县|市本级|县本级|本级|上级|地方|配套|一般公共预算|政府性基金|国有资本经营预算|财政专户|财政资金|财政拨款|单位资金|单位自筹|自筹|事业收入|其他)/;
/** The row that totals a funds block. */
export const FUNDS_TOTAL = /^(年度资金总额|资金总额|总额|合计|总计)/;

/** The self-evaluation's funds block: a header row with 全年预算数 / 全年执行数, then one row per source of funds. */
export function readFunds(s: Sheet, from: number, to: number): FundsRow[] {
  for (let r = from; r <= to; r++) {
    const cols = new Map<FundsColumn, number>();
    for (let c = s.left; c <= s.right(r); c++) {
      const l = s.label(r, c);
      const hit = FUNDS_HEADERS.find(([re]) => re.test(l));
      if (hit && !cols.has(hit[1])) cols.set(hit[1], c);
    }
    // Without a 全年预算数 column, the budget is the 年初预算数 (the 部门整体 forms).
    if (!cols.has("fundsBudget") && cols.has("fundsInitial")) cols.set("fundsBudget", cols.get("fundsInitial")!);
    if (!cols.has("fundsBudget") || !cols.has("fundsExecuted")) continue;
    const out: FundsRow[] = [];
    for (let rr = r + 1; rr <= to; rr++) {
      for (let c = s.left; c < Math.min(...cols.values()); c++) {
        const l = s.label(rr, c);
        if (!FUNDS_ROWS.test(l) && !SOURCE_ROWS.test(l)) continue;
        const at = (k: FundsColumn) => (cols.has(k) ? s.located(rr, cols.get(k)!) : null);
        out.push({
          label: l.replace(/^其中[:：]?/, ""),
          initial: at("fundsInitial"),
          budget: at("fundsBudget"),
          executed: at("fundsExecuted"),
          points: at("fundsPoints"),
          rate: at("fundsRate"),
          score: at("fundsScore"),
        });
        break;
      }
    }
    return out;
  }
  return [];
}

