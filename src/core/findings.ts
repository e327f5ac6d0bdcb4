import { bases, basisOf, type Citing, practice, type Topic } from "./basis";
import { CENTRAL, type RuleSet } from "./rules/ruleset";

/**
 * Every problem the add-in reports is a finding: a stable code, a severity, where it is, a Chinese message for a
 * finance clerk, and the clause it rests on. Codes never change once released; messages may. What a code rests on
 * is a list of citation topics; the active rule set says which of its documents' clauses each topic cites.
 */

import type { Severity } from "./severity";

export type { Severity };

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
  group: "读取" | "覆盖" | "事前评估" | "目标表" | "运行监控" | "自评" | "复核" | "结果应用" | "整改";
  /** What the code means, in Chinese, for the docs and the report legend. */
  meaning: string;
  /** What it rests on: the rule set's citations for these topics make its 依据. */
  cites: readonly Topic[];
  /** A rule of practice behind it, said after the documents. */
  practice?: string;
}

const READING = practice("按表头文字识别表格并逐格读取，读不出的内容列为问题，不静默跳过");
const VALUES = practice("应为数值的单元格须能读成数值，读不出的指出所在单元格");

export const CATALOG: CatalogEntry[] = [
  { code: "no-recognized-table", severity: "warning", group: "读取", meaning: "工作簿中没有识别出任何绩效目标表、监控表或自评表", cites: [], practice: READING },
  { code: "file-not-read", severity: "warning", group: "读取", meaning: "文件未读取：无法打开的工作簿（错误）、旧版 .xls / .et 等须另存为 .xlsx 的表格（警告）、文件夹中不是表格的文件（提示），附原因", cites: [], practice: READING },
  { code: "sheet-skipped", severity: "info", group: "读取", meaning: "有内容的工作表不是绩效表，未处理（如填表说明）", cites: [], practice: READING },
  { code: "merge-ignored", severity: "warning", group: "读取", meaning: "工作表声明的合并区域与另一合并区域重叠（Excel 打开时会删去它），未按合并读取；问题说明两个区域", cites: [], practice: READING },
  { code: "table-incomplete", severity: "warning", group: "读取", meaning: "认出了绩效表，但缺少读取或检查所需的部分（如没有三级指标列、指标值列、实际完成值列）；问题说明找到了什么、缺什么", cites: [], practice: READING },
  { code: "unreadable-value", severity: "error", group: "读取", meaning: "应为数值的单元格无法读成数值（文字、日期、逻辑值等）", cites: [], practice: VALUES },
  { code: "formula-error", severity: "error", group: "读取", meaning: "单元格是公式错误值（#DIV/0!、#N/A、#REF! 等）", cites: [], practice: VALUES },
  { code: "monitoring-month-unknown", severity: "error", group: "读取", meaning: "监控表没有写明监控时点（1-M月 / 截至M月），也没有用 --month 指定", cites: ["dual-monitoring"] },
  { code: "indicator-name-missing", severity: "error", group: "读取", meaning: "指标行有指标值却没有三级指标名称", cites: ["measurable-targets"] },

  { code: "budget-without-target", severity: "error", group: "覆盖", meaning: "预算项目清单中的项目没有提交绩效目标表", cites: ["no-target-no-budget"] },
  { code: "monitoring-not-covered", severity: "warning", group: "覆盖", meaning: "本批有运行监控表，但预算项目清单中的某个项目没有监控表", cites: ["monitoring-coverage"] },
  { code: "self-evaluation-not-covered", severity: "warning", group: "覆盖", meaning: "本批有绩效自评表，但预算项目清单中的某个项目没有自评（自评未全覆盖）", cites: ["self-evaluation-coverage"] },

  { code: "ex-ante-missing", severity: "error", group: "事前评估", meaning: "新增重大项目（默认新增且 500 万元以上，或标为重大）没有事前绩效评估", cites: ["ex-ante-required"] },
  { code: "ex-ante-incomplete", severity: "error", group: "事前评估", meaning: "事前绩效评估缺少评估要点、某个要点没有写明理由，或没有评估结论", cites: ["ex-ante-points"] },
  { code: "ex-ante-score-invalid", severity: "error", group: "事前评估", meaning: "事前绩效评估的要点得分超出分值或不是数值，或总分不等于各要点得分之和", cites: ["ex-ante-points"] },
  { code: "ex-ante-conclusion-mismatch", severity: "error", group: "事前评估", meaning: "事前绩效评估结论与得分不符（默认 80 分以上予以支持，60–80 分调整完善后支持，60 分以下不予支持）", cites: ["ex-ante-required"], practice: practice("按得分给出结论的分数线可在规则集中修改") },

  { code: "terminate-declaration", severity: "error", group: "目标表", meaning: "建议终止申报：事前绩效评估不予支持；重新申报的表（标为修改稿、第二次申报，或同一项目填报日期较晚的一版）仍有错误；或上年结果应用为“削减或取消”而本年申请金额没有减少", cites: ["source-control"] },
  { code: "missing-field", severity: "error", group: "目标表", meaning: "缺少必填项：项目名称、主管部门、实施单位、年度资金总额或总体目标", cites: ["target-setting", "target-form"] },
  { code: "funds-mismatch", severity: "error", group: "目标表", meaning: "财政拨款 + 其他资金 ≠ 年度资金总额", cites: ["target-form", "realistic-request"] },
  { code: "no-indicators", severity: "error", group: "目标表", meaning: "没有任何绩效指标", cites: ["no-target-no-budget"] },
  { code: "missing-dimension", severity: "error", group: "目标表", meaning: "缺少必备的指标类别（产出的数量、质量、时效、成本，效益，服务对象满意度）", cites: ["target-dimensions"] },
  { code: "quantified-ratio-low", severity: "error", group: "目标表", meaning: "量化指标占比低于规则集规定的下限（默认 80%）", cites: ["quantified-targets"], practice: practice("量化指标不少于 80%，可在规则集中修改") },
  { code: "target-not-measurable", severity: "error", group: "目标表", meaning: "定量指标没有数值，指标值为空，或仍是模板占位符（**、XX 等）", cites: ["measurable-targets"] },
  { code: "missing-unit", severity: "warning", group: "目标表", meaning: "定量指标没有度量单位", cites: ["comparable-targets"] },
  { code: "missing-comparator", severity: "warning", group: "目标表", meaning: "定量指标没有指标性质（≥ ≤ = 等）", cites: ["comparable-targets"] },
  { code: "direction-mismatch", severity: "error", group: "目标表", meaning: "成本指标应为“越低越好”（≤），却写成了 ≥ 或 >", cites: ["cost-indicators"] },
  { code: "misplaced-indicator", severity: "error", group: "目标表", meaning: "资金支付率、预算执行率等不是产出或效益指标；或二级指标不属于其一级指标", cites: ["indicator-tree"] },
  { code: "duplicate-indicator", severity: "warning", group: "目标表", meaning: "同一个三级指标出现多次（如同时列在产出和效益下），只能计一次", cites: [], practice: practice("财政复核口径，同一指标只计一次") },
  { code: "vague-target", severity: "warning", group: "目标表", meaning: "指标表述笼统，无法考核（如“社会效益明显 ≥95%”、定性值只写“好”）", cites: ["measurable-targets"] },
  { code: "weight-sum", severity: "error", group: "目标表", meaning: "指标权重（或各级分值）合计不等于规则集规定的总分", cites: ["weights"], practice: practice("权重合计等于总分，各级分值之和等于上一级的权重") },
  { code: "investment-review-missing", severity: "error", group: "目标表", meaning: "建设投资类项目既没有投资评审预算报告，也没有上级领导批示", cites: ["investment-review"] },
  { code: "copied-indicators", severity: "warning", group: "目标表", meaning: "不同单位的项目指标完全相同，疑似照抄", cites: ["realistic-targets"] },

  { code: "deviation-reason-missing", severity: "error", group: "运行监控", meaning: "有偏差（完成可能性为“有可能”“完全不可能”，或自评未完成、超额 30% 以上）却没有写偏差原因", cites: ["explain-deviation", "explain-shortfall"] },
  { code: "expected-value-missing", severity: "error", group: "运行监控", meaning: "完成可能性为“有可能”“完全不可能”却没有全年预计完成值", cites: ["explain-deviation", "monitoring-form"] },
  { code: "monitoring-value-missing", severity: "error", group: "运行监控", meaning: "监控表中要紧的单元格为空：年度指标值、本期完成值（不计入红黄绿灯）", cites: ["dual-monitoring", "monitoring-form"] },
  { code: "correction-missing", severity: "error", group: "运行监控", meaning: "表中写明了偏差（偏差原因、完成可能性为“有可能”“完全不可能”）却没有填写纠偏（整改）措施", cites: ["correct-problems", "explain-deviation"] },
  { code: "execution-above-budget", severity: "error", group: "运行监控", meaning: "执行数超过预算数（合计或某一资金来源）", cites: ["dual-monitoring"], practice: practice("执行数不应超过预算数") },
  { code: "stated-rate-mismatch", severity: "warning", group: "运行监控", meaning: "表中写明的执行率与按预算数、执行数计算的不符（相差 0.5 个百分点以上；监控表和自评表）", cites: ["dual-monitoring", "self-evaluation-truth"] },
  { code: "monitoring-cannot-judge", severity: "error", group: "运行监控", meaning: "无法判定：没有读到预算数和执行数（或执行率），不给暂缓或停止拨款的建议；问题说明缺什么、怎样补", cites: ["dual-monitoring"], practice: practice("没有读到的数据不按 0 计，拨款建议须有读到的数据为据") },
  { code: "suspend-funding", severity: "error", group: "运行监控", meaning: "双监控结果建议暂缓拨款", cites: ["serious-problems", "fund-by-progress"] },
  { code: "stop-funding", severity: "error", group: "运行监控", meaning: "双监控结果建议停止拨款", cites: ["serious-problems", "fund-by-progress"] },
  { code: "monitoring-warning", severity: "warning", group: "运行监控", meaning: "双监控有黄灯或红灯，需预警", cites: ["correct-problems"] },

  { code: "score-mismatch", severity: "error", group: "自评", meaning: "单位自填的得分与按规则重算的得分相差超过 0.01", cites: ["self-evaluation-form", "self-evaluation-truth"] },
  { code: "score-above-points", severity: "error", group: "自评", meaning: "得分超过该项分值", cites: ["self-evaluation-form"] },
  { code: "qualitative-out-of-bracket", severity: "error", group: "自评", meaning: "定性指标得分不在所填档次（达成年度指标 / 部分达成年度指标并具有一定效果 / 未达成年度指标且效果较差）的分数区间内，或完成情况无法归入任何档次", cites: ["qualitative-brackets"] },
  { code: "actual-value-missing", severity: "error", group: "自评", meaning: "定量指标的实际完成值为空，得分无法按规则重算（填了得分的按未经重算处理）", cites: ["self-evaluation-form", "self-evaluation-truth"] },
  { code: "cannot-judge", severity: "error", group: "自评", meaning: "无法评定：评定等级所需的单元格没有读到（如没有实际完成值列和得分列、预算执行情况、指标的分值或得分），得分只能确定在一个区间内，且表中没有写明在此区间内的总分；不给等级和结果应用，问题说明缺什么、怎样补", cites: ["self-evaluation-form"], practice: practice("没有读到的数据不按 0 计，等级须有读到的数据为据") },
  { code: "points-sum", severity: "error", group: "自评", meaning: "各项分值合计不等于总分（默认 100），或各级分值之和不等于上一级的分值", cites: ["weights"] },

  { code: "deduction-reason-missing", severity: "error", group: "复核", meaning: "复核扣分却没有写扣分原因", cites: ["state-problems"] },
  { code: "self-evaluation-inflated", severity: "warning", group: "复核", meaning: "自评总分比复核总分高出规则集规定的分差（默认 10 分）以上", cites: ["re-evaluation", "falsification"], practice: practice("分差达到 10 分提示自评偏高，可在规则集中修改") },
  { code: "review-grade-differs", severity: "warning", group: "复核", meaning: "复核等级与自评等级不同", cites: ["re-evaluation"] },
  { code: "clue-transfer", severity: "error", group: "复核", meaning: "复核人员标注了违法违纪线索，需移交纪检监察", cites: ["clue-transfer", "discipline-referral"] },

  { code: "overlapping-projects", severity: "warning", group: "结果应用", meaning: "同一部门的项目名称基本相同或指标基本相同，疑似交叉重复，建议调整", cites: ["adjust-overlap"] },
  { code: "fragmented-projects", severity: "warning", group: "结果应用", meaning: "同一部门用途相同的小项目（默认每个 10 万元以下、3 个以上）分散安排，属于碎片化，建议整合调整", cites: ["adjust-overlap"], practice: practice("小项目的金额和个数可在规则集中修改") },
  { code: "previous-decision-not-applied", severity: "error", group: "结果应用", meaning: "上年评价结果应用为“削减或取消”，本年申请金额没有减少；或为“督促改进并核减”，本年申请金额反而增加（结果应用未落实）", cites: ["results-budget-link", "cut-ineffective"] },
  { code: "recovered-funds-reappear", severity: "error", group: "结果应用", meaning: "上年已决定收回的沉淀资金项目，本年又申请预算", cites: ["recover-idle"] },
  { code: "rectification-open", severity: "warning", group: "整改", meaning: "反馈通知书 / 再评价报告提出的问题尚未整改（未到整改期限）", cites: ["rectify"] },
  { code: "rectification-overdue", severity: "error", group: "整改", meaning: "问题过了整改期限仍未整改，或逾期才完成整改", cites: ["rectify", "rectify-promptly"] },
  { code: "rectification-unproven", severity: "warning", group: "整改", meaning: "整改情况表写明已整改，但没有完成日期或佐证材料，暂按未整改", cites: ["rectify"], practice: practice("已整改须有完成日期和佐证材料") },
];

const BY_CODE = new Map(CATALOG.map((e) => [e.code, e]));

export function catalogEntry(code: string): CatalogEntry {
  const e = BY_CODE.get(code);
  if (!e) throw new Error(`unknown finding code ${code}`);
  return e;
}

/** What a finding needs of a rule set: its severities and its citations. */
export type FindingRules = Citing & Pick<RuleSet, "severities">;

const catalogBases = new WeakMap<Citing, Map<string, string>>();

/** The 依据 of a code under a rule set: its citations for the code's topics, then the code's rule of practice. */
export function catalogBasis(code: string, rules: Citing): string {
  let cache = catalogBases.get(rules);
  if (!cache) {
    cache = new Map();
    catalogBases.set(rules, cache);
  }
  let b = cache.get(code);
  if (b === undefined) {
    const e = catalogEntry(code);
    b = basisOf(rules, e.cites, ...(e.practice ? [e.practice] : []));
    cache.set(code, b);
  }
  return b;
}

/** A finding with the rule set's basis and severity for its code. */
export function finding(
  code: string,
  where: { sheet: string | null; cell: string | null },
  message: string,
  rules: FindingRules,
  basis?: string,
): Finding {
  const e = catalogEntry(code);
  return { code, severity: rules.severities[code] ?? e.severity, sheet: where.sheet, cell: where.cell, message, basis: basis ?? catalogBasis(code, rules) };
}

/** Everything of a rule set but its name and its citations: the numbers that decide a finding. */
function parametersOf(r: RuleSet): string {
  const { id: _id, name: _name, version: _version, documents: _documents, citations: _citations, ...rest } = r;
  return JSON.stringify(rest);
}
const CENTRAL_PARAMETERS = parametersOf(CENTRAL);
const ownParameters = new WeakMap<RuleSet, boolean>();

/**
 * The catalog's basis, naming the rule set whose parameters decided the finding where they are not the Ministry's
 * (central's numbers, which shuangyashan-2020 shares, go unnamed).
 */
export function ruleBasis(code: string, rules: RuleSet): string {
  let own = ownParameters.get(rules);
  if (own === undefined) {
    own = parametersOf(rules) !== CENTRAL_PARAMETERS;
    ownParameters.set(rules, own);
  }
  const b = catalogBasis(code, rules);
  return own ? bases(b, `规则集“${rules.name}”`) : b;
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then notes; for anything that carries a severity. */
export function bySeverity(a: { severity: Severity }, b: { severity: Severity }): number {
  return ORDER[a.severity] - ORDER[b.severity];
}
