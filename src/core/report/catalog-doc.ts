import { ACCOUNTABILITY_TOPICS } from "../accountability";
import { REPORT_TOPICS, TOPIC_IDS, TOPICS } from "../basis";
import { CATALOG, catalogBasis } from "../findings";
import { CENTRAL, DEFAULT_RULES } from "../rules/ruleset";

const SEVERITY = { error: "错误", warning: "警告", info: "提示" } as const;

/** docs/FINDINGS.md, generated from the catalog so the docs never drift from the code. */
export function catalogMarkdown(): string {
  const lines = [
    "# 问题代码一览",
    "",
    "由 `src/core/findings.ts` 中的目录生成（`npm run docs`），请勿手工编辑。代码一经发布不再更改；级别是内置规则集的默认值，",
    "各地规则集可在 `severities` 中调整。",
    "",
    "**依据随规则集而定。** 每个代码列出它所依据的引用主题（见文末），所用规则集为每个主题写明引用哪份文件的哪一条。",
    `下表列出默认规则集 \`${DEFAULT_RULES.id}\`（${DEFAULT_RULES.name}）和 \`${CENTRAL.id}\`（只引用中央文件）下的依据；`,
    "`hubei-2020` 的依据与 `central` 相同，由规则集参数决定的问题另注明规则集名称。本局的 JSON 规则集可在 `documents` 和 `citations` 中写入自己的文件和条款（见 README“规则集”一节）。",
    "",
  ];
  for (const group of [...new Set(CATALOG.map((c) => c.group))]) {
    lines.push(
      `## ${group}`, "",
      `| 代码 | 默认级别 | 含义 | 引用主题 | 依据（${DEFAULT_RULES.id}，默认） | 依据（${CENTRAL.id}） |`,
      "|---|---|---|---|---|---|",
    );
    for (const c of CATALOG.filter((x) => x.group === group)) {
      const topics = c.cites.map((t) => `\`${t}\``).join(" ") || "—";
      lines.push(`| \`${c.code}\` | ${SEVERITY[c.severity]} | ${c.meaning} | ${topics} | ${catalogBasis(c.code, DEFAULT_RULES)} | ${catalogBasis(c.code, CENTRAL)} |`);
    }
    lines.push("");
  }
  lines.push(
    "## 引用主题", "",
    "规则集的 `citations` 以这些主题为键。本局规则集没有写到的主题沿用 `extends` 所指的内置规则集（默认 `central`，即中央文件）。", "",
    "| 主题 | 含义 | 用于 |", "|---|---|---|",
  );
  for (const t of TOPIC_IDS) {
    const codes = CATALOG.filter((c) => c.cites.includes(t)).map((c) => `\`${c.code}\``);
    const sheets = Object.entries(REPORT_TOPICS).filter(([, ts]) => (ts as readonly string[]).includes(t)).map(([s]) => s);
    const grounds = Object.entries(ACCOUNTABILITY_TOPICS).filter(([, x]) => x === t).map(([g]) => `问责情形“${g}”`);
    lines.push(`| \`${t}\` | ${TOPICS[t]} | ${[...codes, ...sheets, ...grounds].join(" ")} |`);
  }
  lines.push("");
  return lines.join("\n");
}
