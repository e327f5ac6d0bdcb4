import type { ColumnRole, FieldKey, FundsColumn } from "../model";

export type { ColumnRole, FundsColumn };

/**
 * Grid header labels (normalised: half-width, no whitespace) and their roles, most specific first.
 * Covers the official forms, the 101号 tree, provincial systems' exports and the reviewers' workbooks.
 */
export const COLUMN_LABELS: [RegExp, ColumnRole][] = [
  [/设定依据|指标解释|指标值(解释|说明)|取值依据|确定依据|评分标准|评价标准|评分细则|计算方法|评分方法|指标说明/, "ignore"],
  [/复核.*完成值|核定完成值|复核值|再评价完成值/, "reviewActual"],
  [/复核.*得分|复核分|再评价得分/, "reviewScore"],
  [/扣分原因|扣分理由|复核意见|复核说明/, "deduction"],
  [/线索|违法违纪/, "clue"],
  [/偏离度/, "ignore"],
  [/^一级指标/, "level1"],
  [/^二级指标/, "level2"],
  // The most specific label wins a role: 三级指标 over 指标名称 over 绩效指标 (the latter is often a group label).
  [/^三级指标/, "level3"],
  [/^指标名称$|^指标内容$/, "level3"],
  [/^(年度)?绩效指标$/, "level3"],
  [/指标性质|计算符号|指标方向|^符号$/, "nature"],
  [/全年预计完成/, "expected"],
  [/完成目标可能性|完成可能性/, "possibility"],
  [/^(1|一)[-—~至到]\d{1,2}月.*完成|^(1|一)[-—~至到]\d{1,2}月(实际)?执行情况$|^截至.{0,8}完成|^累计完成/, "progress"],
  [/实际完成|自评完成值|^完成值|实际值|^采集数据$|^实际数/, "actual"],
  [/指标值|目标值/, "target"],
  [/度量单位|计量单位|^单位$/, "measure"],
  [/权重|分值/, "weight"],
  [/得分/, "score"],
  [/纠偏|整改措施|^(拟)?采取的?措施$|^改进措施$/, "correction"],
  [/偏差原因|原因分析|改进措施/, "reason"],
  [/^项目(编码|代码|编号)$/, "projectCode"],
  [/^单位(编码|代码)$/, "unitCode"],
  [/^项目名称$|^支出项目名称$/, "name"],
  [/^主管部门/, "department"],
  [/^(项目)?实施单位$|^预算单位$|^单位名称$/, "unit"],
  [/全年预计执行数/, "monitoringExpected"],
  [/^(1|一)[-—~至到]\d{1,2}月执行|^截至.{0,8}执行数|^累计执行数|^全年执行数/, "monitoringExecuted"],
  [/^执行率/, "monitoringRate"],
  [/^调整后(的)?预算(数|金额)?|^调整预算(数|金额)?$/, "monitoringAdjusted"],
  [/^年初预算数|^年度预算数?$|^全年预算数/, "monitoringBudget"],
  [/^年度资金总额|^资金总额|^预算数$|^预算金额|^项目预算(数|金额)?$/, "fundsTotal"],
  [/财政拨款/, "fundsFiscal"],
  [/^其他资金/, "fundsOther"],
  [/总体目标|^年度目标|^(年度)?绩效目标$/, "goal"],
];

/** Column roles that belong to the project rather than to one indicator (list layout). */
export const FIELD_ROLES = new Set<ColumnRole>([
  "name", "projectCode", "unitCode", "department", "unit", "monitoringBudget", "monitoringAdjusted", "monitoringExecuted", "monitoringRate", "monitoringExpected",
  "fundsTotal", "fundsFiscal", "fundsOther", "goal",
]);

export function columnRole(label: string): ColumnRole | null {
  return rankedRole(label)?.role ?? null;
}

/** A label's role and how specific the label is for it (lower is more specific: its place in COLUMN_LABELS). */
export function rankedRole(label: string): { role: ColumnRole; rank: number } | null {
  for (let i = 0; i < COLUMN_LABELS.length; i++) if (COLUMN_LABELS[i][0].test(label)) return { role: COLUMN_LABELS[i][1], rank: i };
  return null;
}

/** Header-block labels of a form (label → value to its right, or below). */
export const FIELD_LABELS: [RegExp, FieldKey][] = [
  [/^项目名称$/, "name"],
  [/^项目(编码|代码|编号)$/, "projectCode"],
  [/^单位(编码|代码)$/, "unitCode"],
  [/^主管部门/, "department"],
  [/^(项目)?实施单位$|^预算单位$|^项目单位$|^(项目)?承担单位$|^单位名称$/, "unit"],
  [/^部门(\(单位\))?名称$/, "organization"],
  [/^项目属性$/, "attribute"],
  [/^项目(期|周期)$|^(项目)?起止时间$|^实施期限$/, "period"],
  [/^(年度)?资金总额/, "fundsTotal"],
  [/^(其中[:：]?)?(当年)?财政拨款/, "fundsFiscal"],
  [/^其他资金|^其他$/, "fundsOther"],
  [/^(其中[:：]?)?(单位)?自有资金|^(单位)?自筹资金|^事业收入/, "fundsOwn"],
  [/^(年度)?总体目标|^年度目标$|^绩效目标$/, "goal"],
  [/投资评审/, "investmentReview"],
  [/领导批示|上级批示/, "leaderApproval"],
  [/^项目(类型|类别)$/, "projectType"],
  [/^(项目|部门|单位)?负责人|^(部门|单位)主要负责人|^责任人/, "responsible"],
  [/^联系(人|电话|方式)/, "contact"],
  [/^调整后(的)?预算(数|金额)?|^调整预算(数|金额)?$/, "monitoringAdjusted"],
  [/^年初预算数|^全年预算数?$/, "monitoringBudget"],
  [/^(1|一)[-—~至到]\d{1,2}月执行数|^截至.{0,8}执行数|^累计执行数|^全年(实际)?执行数/, "monitoringExecuted"],
  [/^执行率/, "monitoringRate"],
  [/^全年预计执行数/, "monitoringExpected"],
  [/^监控(时点|月份)|^截至月份/, "month"],
  [/^单位确认|^反馈确认/, "confirmation"],
  [/^(自评|评价|绩效|考核)(结果)?等级$|^(评价|自评)结论等级$/, "statedGrade"],
  [/^(项目)?(自评|评价)?总得分$|^(自评|评价|综合)得分$|^(自评|评价)?总分$/, "statedScore"],
  [/^(填报|预算|评价|评估|所属|项目)?年度$/, "year"],
  [/^(填报|填表|申报)日期$/, "filedOn"],
];

/** Labels that head a value of their own and are never a field's value. */
export const SUB_LABELS = /^(预期目标|全年预期目标|实际完成情况|年度目标|中期目标|中长期目标|长期目标|资金情况|项目资金|万元|\(万元\)|（万元）)(\(.*\))?$/;

/** A label's trailing note in brackets: 项目名称（全称）, 实施单位（盖章）, 年度资金总额（万元）. */
const LABEL_NOTE = /\((全称|盖章|公章|签章|签字|万元|元|必填|选填)\)$/;

/** A list number before a label: 一、 1. （一） ①. */
const LABEL_NUMBER = /^([一二三四五六七八九十]+、|\d+[.、]|\([一二三四五六七八九十\d]+\)|[①-⑩])/;

export function fieldOf(label: string): FieldKey | null {
  for (const [re, key] of FIELD_LABELS) if (re.test(label)) return key;
  const bare = label.replace(LABEL_NOTE, "").replace(LABEL_NUMBER, "");
  if (bare === label) return null;
  for (const [re, key] of FIELD_LABELS) if (re.test(bare)) return key;
  return null;
}

/** Rows after the grid that end it: signatures and notes. */
export const FOOTER = /^(填表人|填报人|联系电话|单位负责人|项目负责人|部门负责人|审核人|财务负责人|填报日期|填表日期|单位确认|填报单位|评价人|评分人|评价机构|评价日期|评价组|说明[:：]|备注[:：]|注[:：])/;
/** A row that totals the grid. */
export const TOTAL = /^(总分|合计|总计|综合得分)/;
