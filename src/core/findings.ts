/**
 * Every problem the add-in reports is a finding: a stable code, a severity, where it is, a Chinese message for a
 * finance clerk, and the clause it rests on. Codes never change once released; messages may.
 */

export type Severity = "error" | "warning" | "info";

export interface Finding {
  code: string;
  severity: Severity;
  sheet: string | null;
  /** A1 address, or null when the finding is about the whole table. */
  cell: string | null;
  message: string;
  basis: string;
}

export interface CatalogEntry {
  code: string;
  severity: Severity;
  /** Which step of the chain it belongs to. */
  group: "读取" | "目标表" | "运行监控" | "自评" | "复核";
  /** What the code means, in Chinese, for the docs and the report legend. */
  meaning: string;
  basis: string;
}

const PLAN = "双政办发〔2020〕23号";
const MOF_SELF = "财预〔2020〕10号";
const MOF_2021 = "财预〔2021〕101号";

export const CATALOG: CatalogEntry[] = [
  { code: "no-recognized-table", severity: "warning", group: "读取", meaning: "工作簿中没有识别出任何绩效目标表、监控表或自评表", basis: "DESIGN：按标签识别表格" },
  { code: "sheet-skipped", severity: "info", group: "读取", meaning: "有内容的工作表不是绩效表，未处理（如填表说明）", basis: "DESIGN：不静默跳过" },
  { code: "unreadable-value", severity: "error", group: "读取", meaning: "应为数值的单元格无法读成数值（文字、日期、逻辑值等）", basis: "DESIGN：读取真实表格" },
  { code: "formula-error", severity: "error", group: "读取", meaning: "单元格是公式错误值（#DIV/0!、#N/A、#REF! 等）", basis: "DESIGN：读取真实表格" },
  { code: "monitoring-month-unknown", severity: "error", group: "读取", meaning: "监控表没有写明监控时点（1-M月 / 截至M月），也没有用 --month 指定", basis: `${PLAN} 四(四)` },
  { code: "indicator-name-missing", severity: "error", group: "读取", meaning: "指标行有指标值却没有三级指标名称", basis: `${PLAN} 四(一)` },

  { code: "missing-field", severity: "error", group: "目标表", meaning: "缺少必填项：项目名称、主管部门、实施单位、年度资金总额或总体目标", basis: `${PLAN} 四(一)` },
  { code: "funds-mismatch", severity: "error", group: "目标表", meaning: "财政拨款 + 其他资金 ≠ 年度资金总额", basis: `${PLAN} 四(一)；绩效目标申报表填报要求` },
  { code: "no-indicators", severity: "error", group: "目标表", meaning: "没有任何绩效指标", basis: `${PLAN} 四(一)` },
  { code: "missing-dimension", severity: "error", group: "目标表", meaning: "缺少必备的指标类别（产出的数量、质量、时效、成本，效益，服务对象满意度）", basis: `${PLAN} 三(一)：不仅要包括产出、成本，还要包括经济效益、社会效益、生态效益、可持续影响和服务对象满意度；${MOF_2021}` },
  { code: "quantified-ratio-low", severity: "error", group: "目标表", meaning: "量化指标占比低于规则集规定的下限（默认 80%）", basis: "黑河市实施方案 第27条；规则集 quantifiedRatioMin" },
  { code: "target-not-measurable", severity: "error", group: "目标表", meaning: "定量指标没有数值，或指标值仍是模板占位符（**、XX 等）", basis: `${PLAN} 四(一)：细化量化、可比可测` },
  { code: "missing-unit", severity: "warning", group: "目标表", meaning: "定量指标没有度量单位", basis: `${PLAN} 四(一)：可比可测` },
  { code: "missing-comparator", severity: "warning", group: "目标表", meaning: "定量指标没有指标性质（≥ ≤ = 等）", basis: `${PLAN} 四(一)：可比可测` },
  { code: "direction-mismatch", severity: "error", group: "目标表", meaning: "成本指标应为“越低越好”（≤），却写成了 ≥ 或 >", basis: `${MOF_2021} 成本指标` },
  { code: "misplaced-indicator", severity: "error", group: "目标表", meaning: "资金支付率、预算执行率等不是产出或效益指标；或二级指标不属于其一级指标", basis: `${MOF_2021}；${MOF_SELF}` },
  { code: "duplicate-indicator", severity: "warning", group: "目标表", meaning: "同一个三级指标出现多次（如同时列在产出和效益下），只能计一次", basis: "再评价复核口径：同一指标只计一次" },
  { code: "vague-target", severity: "warning", group: "目标表", meaning: "指标表述笼统，无法考核（如“社会效益明显 ≥95%”、定性值只写“好”）", basis: `${PLAN} 四(一)：细化量化、可比可测` },
  { code: "weight-sum", severity: "error", group: "目标表", meaning: "指标权重合计不等于规则集规定的总分", basis: "规则集 weights.total" },
  { code: "investment-review-missing", severity: "error", group: "目标表", meaning: "建设投资类项目既没有投资评审预算报告，也没有上级领导批示", basis: `${PLAN} 四(二)2 严控投资` },
  { code: "copied-indicators", severity: "warning", group: "目标表", meaning: "不同单位的项目指标完全相同，疑似照抄", basis: `${PLAN} 四(一)：实事求是` },

  { code: "deviation-reason-missing", severity: "error", group: "运行监控", meaning: "有偏差（完成可能性为“有可能”“完全不可能”，或自评未完成、超额 30% 以上）却没有写偏差原因", basis: `${PLAN} 四(四)；${MOF_SELF}` },
  { code: "expected-value-missing", severity: "error", group: "运行监控", meaning: "完成可能性为“有可能”“完全不可能”却没有全年预计完成值", basis: `${PLAN} 四(四)` },
  { code: "suspend-funding", severity: "error", group: "运行监控", meaning: "双监控结果建议暂缓拨款", basis: `${PLAN} 四(四)：对存在严重问题的政策、项目要暂缓或停止拨款` },
  { code: "stop-funding", severity: "error", group: "运行监控", meaning: "双监控结果建议停止拨款", basis: `${PLAN} 四(四)：对存在严重问题的政策、项目要暂缓或停止拨款` },
  { code: "monitoring-warning", severity: "warning", group: "运行监控", meaning: "双监控有黄灯或红灯，需预警", basis: `${PLAN} 四(四)` },

  { code: "score-mismatch", severity: "error", group: "自评", meaning: "单位自填的得分与按规则重算的得分相差超过 0.01", basis: `${MOF_SELF} 评分规则` },
  { code: "score-above-points", severity: "error", group: "自评", meaning: "得分超过该项分值", basis: `${MOF_SELF}` },
  { code: "qualitative-out-of-bracket", severity: "error", group: "自评", meaning: "定性指标得分不在所选档次（达成 / 部分达成 / 未达成）的分数区间内", basis: `${MOF_SELF}；规则集 qualitativeBrackets` },
  { code: "points-sum", severity: "error", group: "自评", meaning: "各项分值合计不等于总分（默认 100）", basis: `${MOF_SELF}；规则集 weights` },

  { code: "deduction-reason-missing", severity: "error", group: "复核", meaning: "复核扣分却没有写扣分原因", basis: `${PLAN} 四(五)：谁出错，谁负责` },
  { code: "self-evaluation-inflated", severity: "warning", group: "复核", meaning: "自评总分比复核总分高出规则集规定的分差（默认 10 分）以上", basis: `${PLAN} 四(五)；规则集 review.inflatedDelta` },
  { code: "review-grade-differs", severity: "warning", group: "复核", meaning: "复核等级与自评等级不同", basis: `${PLAN} 四(五)` },
  { code: "clue-transfer", severity: "error", group: "复核", meaning: "复核人员标注了违法违纪线索，需移交纪检监察", basis: `${PLAN} 四(五)：违法违纪的移交纪检监察机关` },
];

const BY_CODE = new Map(CATALOG.map((e) => [e.code, e]));

export function catalogEntry(code: string): CatalogEntry {
  const e = BY_CODE.get(code);
  if (!e) throw new Error(`unknown finding code ${code}`);
  return e;
}

/** A finding with the catalog's basis and the rule set's severity for its code. */
export function finding(
  code: string,
  where: { sheet: string | null; cell: string | null },
  message: string,
  severities: Record<string, Severity> = {},
  basis?: string,
): Finding {
  const e = catalogEntry(code);
  return { code, severity: severities[code] ?? e.severity, sheet: where.sheet, cell: where.cell, message, basis: basis ?? e.basis };
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then notes; for anything that carries a severity. */
export function bySeverity(a: { severity: Severity }, b: { severity: Severity }): number {
  return ORDER[a.severity] - ORDER[b.severity];
}
