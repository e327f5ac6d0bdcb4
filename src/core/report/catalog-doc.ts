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
    "## 无法评定、未经重算和读取方式",
    "",
    "- **判定只凭读到的数据。** 没有读到的实际完成值、得分、预算执行情况从不按 0 计：得分只能确定在一个区间内时，整个区间同属一个等级才给等级；",
    "  表中写明的总分落在区间内时按表中总分给等级并注明“未经重算”；否则为**无法评定**（`cannot-judge`），不给等级、结果应用和问责，问题中写明缺什么、怎样补。",
    "- **表中写明的数字在原处读出并核对**：总分/合计行的得分、表头的总得分、执行率；与重算不一致时报 `score-mismatch` 并写出两个数。",
    "  减少资金的结果应用（督促改进并核减、削减或取消、收回）只凭重算的得分给出。",
    "- **双监控**：预算数和执行数（或执行率）没有读到时为**无法判定**（`monitoring-cannot-judge`），不建议暂缓或停止拨款；红黄绿灯只数读到了本期完成值的指标。",
    "- **每个判定都有依据**：结果工作簿的“汇总”“监控预警”、任务窗格和网页的“依据”列、`--json` 的 `basis` 写明读了哪些列和单元格、指标读到几行、是按表中数据重算还是未经重算。",
    "- **读取方式**：表头写法没见过、读不全时，在任务窗格或网页的“读取方式”中为每项内容选定列，存为版式文件（按表头指纹对应），",
    "  各单位导入或命令行 `--layout` 使用。版式只说明数据在哪一列，不关闭任何检查。",
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
