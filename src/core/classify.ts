import { a1 } from "./address";
import { isBlank, type SheetSnapshot } from "./sheet";
import { normalizeLabel } from "./text";

export type TableKind = "target" | "monitoring" | "self-evaluation";
export type SheetKind = TableKind | "empty" | "unknown";
export type Layout = "form" | "list";

export const KIND_NAMES: Record<SheetKind, string> = {
  target: "绩效目标申报表",
  monitoring: "绩效运行监控表",
  "self-evaluation": "绩效自评表",
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
}

/** How far down a sheet labels are looked for: titles and grid headers sit near the top. */
const SCAN_ROWS = 80;
/** A column header is short; a longer text that mentions a header's words is a sentence (e.g. 填表说明), not a header. */
const MAX_HEADER_LENGTH = 20;

function labelsOf(sheet: SheetSnapshot): Label[] {
  const out: Label[] = [];
  const rows = Math.min(sheet.rows.length, SCAN_ROWS);
  for (let r = 0; r < rows; r++) {
    const row = sheet.rows[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== "string" || isBlank(v)) continue;
      out.push({ text: normalizeLabel(v), raw: v.replace(/\s+/g, " ").trim(), cell: a1(sheet.top + r, sheet.left + c), row: r });
    }
  }
  return out;
}

function find(labels: Label[], test: (t: string) => boolean): Label | undefined {
  return labels.find((l) => test(l.text));
}

const has = (...parts: string[]) => (t: string) => parts.every((p) => t.includes(p));

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
  const titles: [TableKind, (t: string) => boolean][] = [
    ["self-evaluation", (t) => t.includes("自评") && t.length <= 40],
    ["monitoring", (t) => t.includes("监控") && t.includes("表") && t.length <= 40],
    ["target", (t) => (t.includes("绩效目标") && (t.includes("申报表") || t.endsWith("目标表"))) && t.length <= 40],
  ];
  for (const [kind, test] of titles) {
    const l = labels.find((x) => x.row < 6 && test(x.text));
    if (l) return title(kind, l);
  }
  const columns: [TableKind, (t: string) => boolean][] = [
    ["self-evaluation", (t) => t.includes("实际完成值") || t.includes("全年执行数")],
    ["monitoring", (t) => t.includes("完成目标可能性") || /^1-\d{1,2}月/.test(t)],
    ["target", has("三级指标")],
  ];
  for (const [kind, test] of columns) {
    const l = find(labels, (t) => t.length <= MAX_HEADER_LENGTH && test(t));
    if (l) return { kind, layout, evidence: `${l.cell} 列标题“${l.raw}”` };
  }
  return { kind: "unknown", layout: null, evidence: `前 ${SCAN_ROWS} 行没有找到绩效表的标题或指标列` };
}

/** A list layout has 项目名称 as a column header on the same row as the indicator headers. */
function detectLayout(labels: Label[]): Layout {
  const header = labels.find((l) => l.text === "三级指标");
  if (header && labels.some((l) => l.row === header.row && l.text === "项目名称")) return "list";
  return "form";
}
