import { CATALOG } from "../findings";

const SEVERITY = { error: "错误", warning: "警告", info: "提示" } as const;

/** docs/FINDINGS.md, generated from the catalog so the docs never drift from the code. */
export function catalogMarkdown(): string {
  const lines = [
    "# 问题代码一览",
    "",
    "由 `src/core/findings.ts` 中的目录生成（`npm run docs`），请勿手工编辑。代码一经发布不再更改；级别是中央通用规则集（central）的默认值，",
    "各地规则集可在 `severities` 中调整。",
    "",
  ];
  for (const group of [...new Set(CATALOG.map((c) => c.group))]) {
    lines.push(`## ${group}`, "", "| 代码 | 默认级别 | 含义 | 依据 |", "|---|---|---|---|");
    for (const c of CATALOG.filter((x) => x.group === group)) {
      lines.push(`| \`${c.code}\` | ${SEVERITY[c.severity]} | ${c.meaning} | ${c.basis} |`);
    }
    lines.push("");
  }
  return lines.join("\n");
}
