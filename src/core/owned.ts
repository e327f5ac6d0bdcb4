/**
 * Sheets the add-in owns. Running again replaces these and nothing else; every other sheet is the user's
 * and is never written to.
 */
export const OWNED_SHEETS = ["工作表清单", "校验结果", "监控预警", "自评复核对比", "线索移交", "汇总", "公开版"] as const;

/** Per-project document sheets carry the project name after one of these prefixes. */
export const OWNED_PREFIXES = ["再评价报告-", "反馈通知书-"] as const;

export function isOwnedSheet(name: string): boolean {
  return (OWNED_SHEETS as readonly string[]).includes(name) || OWNED_PREFIXES.some((p) => name.startsWith(p));
}

/** Excel's limits on sheet names: at most 31 characters, none of : \ / ? * [ ], not blank, not starting or ending with '. */
export function safeSheetName(wanted: string): string {
  let s = wanted.replace(/[:\\/?*[\]]/g, "_").replace(/^'+|'+$/g, "");
  if (s.trim() === "") s = "Sheet";
  return Array.from(s).slice(0, 31).join("");
}
