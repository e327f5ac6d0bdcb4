import { a1 } from "./address";
import { isBlank, type SheetSnapshot } from "./sheet";
import { normalizeLabel } from "./text";

export type TableKind = "target" | "monitoring" | "self-evaluation";
export type SheetKind = TableKind | "budget-list" | "ex-ante" | "previous-results" | "rectification" | "empty" | "unknown";
export type Layout = "form" | "list";

export const KIND_NAMES: Record<SheetKind, string> = {
  target: "绩效目标申报表",
  monitoring: "绩效运行监控表",
  "self-evaluation": "绩效自评表",
  "budget-list": "预算项目清单",
  "ex-ante": "事前绩效评估表",
  "previous-results": "上年评价结果",
  rectification: "整改情况表",
  empty: "空表",
  unknown: "未识别",
};

export interface Classification {
  kind: SheetKind;
  layout: Layout | null;
  /** Why: the label that decided it and the cell it stands in, for the user to check. */
  evidence: string;
}

interface Label {
  text: string;
  raw: string;
  cell: string;
  row: number;
  /** Among the first rows that hold anything, where a title stands. */
  titleRow: boolean;
}

/** A column header is short; a longer text that mentions a header's words is a sentence (e.g. 填表说明), not a header. */
const MAX_HEADER_LENGTH = 24;
/** Titles stand in the first few rows that hold anything. */
const TITLE_ROWS = 6;
/** Only cells with one of these words can decide a sheet's kind; the rest are never normalised (speed on big lists). */
const KIND_HINT = /自评|评价|监控|目标|指标|执行|完成|可能性|月|得分|总分|合计|项目名称|项目编码|实际|预算|金额|清单|评估|结果|等级|整改/;

/** Rows read past the first indicator header: a second header row, and the first data row. */
const HEADER_TAIL = 2;

/**
 * Labels from the top of the used range down to just past the first indicator header, wherever it stands: a table
 * may start far below the top. Below the header come data rows, which never decide the kind (a 10,000-row list is
 * not read twice).
 */
function labelsOf(sheet: SheetSnapshot): Label[] {
  const out: Label[] = [];
  let nonBlankRows = 0;
  let stopAt = sheet.rows.length;
  for (let r = 0; r < Math.min(sheet.rows.length, stopAt); r++) {
    const row = sheet.rows[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== "string" || isBlank(v) || !KIND_HINT.test(v)) continue;
      const text = normalizeLabel(v);
      out.push({ text, raw: v.replace(/\s+/g, " ").trim(), cell: a1(sheet.top + r, sheet.left + c), row: r, titleRow: nonBlankRows < TITLE_ROWS });
      if (stopAt === sheet.rows.length && isLevel3(text)) stopAt = r + 1 + HEADER_TAIL;
    }
    if (row.some((v) => !isBlank(v))) nonBlankRows++;
  }
  return out;
}

/** A 总分 / 合计 row anywhere below `from`: only its first text is looked at. */
function totalRow(sheet: SheetSnapshot, from: number): Label | undefined {
  for (let r = from; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    const c = row.findIndex((v) => typeof v === "string" && !isBlank(v));
    if (c < 0) continue;
    const text = normalizeLabel(row[c] as string);
    if (TOTAL_ROW.test(text)) return { text, raw: text, cell: a1(sheet.top + r, sheet.left + c), row: r, titleRow: false };
  }
  return undefined;
}

const TOTAL_ROW = /^(总分|合计|总计|综合得分)/;

function find(labels: Label[], test: (t: string) => boolean): Label | undefined {
  return labels.find((l) => test(l.text));
}

/**
 * Recognises a sheet by its labels, never by coordinates. Titles win; without a title the indicator grid's
 * column headers decide (actual values and scores → self-evaluation; 完成目标可能性 or 1-M月 progress → monitoring;
 * 三级指标 with a target value → target table).
 */
export function classifySheet(sheet: SheetSnapshot): Classification {
  const labels = labelsOf(sheet);
  if (labels.length === 0 && sheet.rows.every((r) => r.every(isBlank))) {
    return { kind: "empty", layout: null, evidence: "没有内容" };
  }
  const layout = detectLayout(labels);
  const title = (kind: TableKind, l: Label): Classification => ({
    kind,
    layout,
    evidence: `${l.cell} 标题“${l.raw}”`,
  });
  // A 事前绩效评估表 (四(三)1): scored points of assessment, no indicator grid.
  const exAnte = labels.find((l) => l.titleRow && /事前(绩效)?评估/.test(l.text) && /表$/.test(l.text) && l.text.length <= 40);
  if (exAnte && !labels.some((l) => isLevel3(l.text))) return { kind: "ex-ante", layout: "form", evidence: `${exAnte.cell} 标题“${exAnte.raw}”` };
  if (!labels.some((l) => isLevel3(l.text))) {
    // A 整改情况表: the unit's answer to each problem, by its 整改措施 and 整改结果 columns or its title.
    const fix = labels.find((l) => l.titleRow && /整改(情况|落实情况|台账)/.test(l.text) && l.text.length <= 40)
      ?? labels.find((l) => /^整改措施/.test(l.text) && labels.some((m) => m.row === l.row && /^整改(结果|情况|完成情况)/.test(m.text)));
    if (fix) return { kind: "rectification", layout: "list", evidence: `${fix.cell}${/^整改措施/.test(fix.text) ? " 列标题" : " 标题"}“${fix.raw}”` };
    // Last year's results (the add-in's own 汇总, or a bureau's list): a 结果应用 column beside a 等级 column, or such a title.
    const results = labels.find((l) => l.titleRow && /结果汇总|评价结果(表|清单|汇总)?$|结果应用(情况)?(表|清单)$/.test(l.text) && l.text.length <= 40)
      ?? labels.find((l) => /^结果应用/.test(l.text) && labels.some((m) => m.row === l.row && /等级$/.test(m.text)));
    if (results) return { kind: "previous-results", layout: "list", evidence: `${results.cell}${/^结果应用/.test(results.text) ? " 列标题" : " 标题"}“${results.raw}”` };
    // A finance bureau's list of budgeted projects: project names with amounts, and no indicator grid anywhere.
    const list = labels.find((l) => l.titleRow && /预算项目清单|项目预算清单|预算项目表/.test(l.text) && l.text.length <= 40);
    const name = labels.find((l) => /^(项目名称|预算项目名称)$/.test(l.text));
    const amount = name && labels.find((l) => l.row === name.row && /^(预算金额|预算数|年度预算|项目金额|金额)/.test(l.text));
    if (list || amount) return { kind: "budget-list", layout: "list", evidence: list ? `${list.cell} 标题“${list.raw}”` : `${amount!.cell} 列标题“${amount!.raw}”` };
  }
  const titles: [TableKind, (t: string) => boolean][] = [
    ["self-evaluation", (t) => t.includes("自评") && t.length <= 60],
    // A 绩效评价表 or 评价指标体系 with scores is an evaluation, whoever made it.
    ["self-evaluation", (t) => /评价/.test(t) && /(表|体系)$/.test(t) && !t.includes("目标") && t.length <= 60],
    ["monitoring", (t) => t.includes("监控") && t.includes("表") && t.length <= 60],
    ["target", (t) => (t.includes("绩效目标") && (t.includes("申报表") || t.endsWith("目标表"))) && t.length <= 60],
  ];
  for (const [kind, test] of titles) {
    const l = labels.find((x) => x.titleRow && test(x.text));
    if (l) return title(kind, l);
  }
  const header = (test: (t: string) => boolean) => find(labels, (t) => t.length <= MAX_HEADER_LENGTH && test(t));
  const columns: [TableKind, (t: string) => boolean][] = [
    ["self-evaluation", (t) => /实际完成值|全年执行数|实际值$|^采集数据/.test(t)],
    ["monitoring", (t) => t.includes("完成目标可能性") || /^1-\d{1,2}月/.test(t)],
  ];
  for (const [kind, test] of columns) {
    const l = header(test);
    if (l) return { kind, layout, evidence: `${l.cell} 列标题“${l.raw}”` };
  }
  // A grid with a 得分 column and a 总分 / 合计 row is an evaluation, not a target table.
  const score = header((t) => /^得分|得分$/.test(t));
  const total = score ? totalRow(sheet, score.row + 1) : undefined;
  if (score && total && header(isLevel3)) return { kind: "self-evaluation", layout, evidence: `${score.cell} 列标题“${score.raw}”与 ${total.cell}“${total.raw}”` };
  const l3 = header(isLevel3);
  if (l3) return { kind: "target", layout, evidence: `${l3.cell} 列标题“${l3.raw}”` };
  return { kind: "unknown", layout: null, evidence: "没有找到绩效表的标题或指标列（三级指标、指标名称）" };
}

const isLevel3 = (t: string) => /^三级指标|^指标名称$|^指标内容$/.test(t);

/** A cell that heads an indicator grid's 三级指标 column, as the classifier sees it (where its labels stop). */
export const isLevel3Cell = (v: unknown): boolean => typeof v === "string" && KIND_HINT.test(v) && isLevel3(normalizeLabel(v));

/** A short 得分 label: with a 总分 row anywhere below it, a grid is an evaluation (so its kind needs the whole sheet). */
export const isScoreCell = (v: unknown): boolean => typeof v === "string" && KIND_HINT.test(v) && normalizeLabel(v).length <= MAX_HEADER_LENGTH && /^得分|得分$/.test(normalizeLabel(v));

/** A list layout has 项目名称 (or 项目编码) as a column header on the same row as the indicator headers. */
function detectLayout(labels: Label[]): Layout {
  const header = labels.find((l) => isLevel3(l.text));
  if (header && labels.some((l) => l.row === header.row && /^(支出)?项目(名称|编码|代码)$/.test(l.text))) return "list";
  return "form";
}
