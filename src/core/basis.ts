/**
 * The 依据 printed beside every finding. Officials who know the documents read them, so a basis names only clauses
 * that exist and quotes only words that stand in the plan's text. Bases are built here, from the clause map of the city
 * plan (双政办发〔2020〕23号, DOMAIN.md §8) and the named national documents; a rule that comes from practice says so
 * in plain words. A test reads every basis back and checks each clause and quote against the plan's text.
 */

export const PLAN = "双政办发〔2020〕23号";
export const HEIHE = "黑河市“五型政府”建设实施方案";
export const MOF_TARGET = "财预〔2015〕88号";
export const MOF_SELF = "财预〔2020〕10号";
export const MOF_MONITOR = "财预〔2019〕136号";
export const MOF_2021 = "财预〔2021〕101号";

/** The clauses the plan has: §四 has (一) 1–2, (二) 1–7, (三) 1–5; §五 has (一)–(四). */
export const PLAN_CLAUSES = [
  "四(一)1", "四(一)2",
  "四(二)1", "四(二)2", "四(二)3", "四(二)4", "四(二)5", "四(二)6", "四(二)7",
  "四(三)1", "四(三)2", "四(三)3", "四(三)4", "四(三)5",
  "五(一)", "五(二)", "五(三)", "五(四)",
] as const;
export type PlanClause = (typeof PLAN_CLAUSES)[number];

/**
 * A clause of the plan, with the words it says, quoted exactly as the plan prints them; quotation marks inside the
 * quote become single ones (“实行‘双监控’”), as Chinese typesetting nests them.
 */
export function plan(clause: PlanClause, quote?: string): string {
  return `${PLAN} ${clause}${quote ? `：“${quote.replace(/“/g, "‘").replace(/”/g, "’")}”` : ""}`;
}

/** A national document, named by number and what in it applies (not quoted: its text is not held here). */
export function mof(doc: string, part?: string): string {
  return part ? `${doc} ${part}` : doc;
}

/** The 黑河 plan's clause 27 (量化目标不少于目标总数的80%) or 28 (考评档次比例, 问责). */
export function heihe(clause: 27 | 28): string {
  return `${HEIHE} 第${clause}条`;
}

/** A rule of practice, not of a document: says so, in words a clerk understands. */
export function practice(what: string): string {
  return `本系统默认规则：${what}`;
}

/** A rule-set parameter behind a finding, named as the 参数 sheet names it. */
export function parameter(ruleSetName: string, meaning: string): string {
  return `规则集“${ruleSetName}”的参数“${meaning}”（可在规则集中修改）`;
}

/** Several bases for one finding. */
export function bases(...parts: string[]): string {
  return parts.join("；");
}
