import type { SpecCell } from "../sheet";

/** Building blocks of the templates: labels are locked, inputs are not, numbers carry their formats. */

export const label = (value: string): SpecCell => ({ value, style: "label" });
export const header = (value: string): SpecCell => ({ value, style: "header" });
export const reviewHeader = (value: string): SpecCell => ({ value, style: "reviewHeader" });
export const input = (value: string | number | null = null, numberFormat?: string): SpecCell =>
  numberFormat ? { value, style: "input", input: true, numberFormat } : { value, style: "input", input: true };
export const reviewInput = (): SpecCell => ({ value: null, style: "review", input: true });
export const blank = (): SpecCell => ({ value: null });
export const title = (value: string): SpecCell => ({ value, style: "title" });
export const note = (value: string): SpecCell => ({ value, style: "note" });

/** 万元 amounts and percentages as the official forms show them. */
export const WAN_YUAN = "#,##0.00";
export const PERCENT = "0.00%";

export const LEVEL1 = ["产出指标", "成本指标", "效益指标", "满意度指标"];
export const LEVEL2 = [
  "数量指标", "质量指标", "时效指标", "成本指标", "经济成本指标", "社会成本指标", "生态环境成本指标",
  "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标", "服务对象满意度指标",
];
export const NATURE = ["≥", ">", "≤", "<", "=", "定性", "定量（其他）"];
export const POSSIBILITY = ["确定能", "有可能", "完全不可能"];
export const DEVIATION = ["经费保障", "制度保障", "人员保障", "硬件条件保障", "其他"];
/** 财预〔2020〕10号's own words for the three qualitative result categories. */
export const QUALITATIVE = ["达成年度指标", "部分达成年度指标并具有一定效果", "未达成年度指标且效果较差"];
export const ATTRIBUTE = ["新增项目", "延续项目", "经常性项目"];
export const PROJECT_TYPE = ["一般项目", "建设投资项目"];

/**
 * The skeleton of an indicator grid: one row per category the rules require (DOMAIN.md §2), so a unit sees
 * at once what it must cover; rows left without a 三级指标 are ignored by the engine.
 */
export const SKELETON: [string, string][] = [
  ["产出指标", "数量指标"],
  ["产出指标", "数量指标"],
  ["产出指标", "质量指标"],
  ["产出指标", "质量指标"],
  ["产出指标", "时效指标"],
  ["产出指标", "成本指标"],
  ["效益指标", "经济效益指标"],
  ["效益指标", "社会效益指标"],
  ["效益指标", "生态效益指标"],
  ["效益指标", "可持续影响指标"],
  ["满意度指标", "服务对象满意度指标"],
  ["满意度指标", "服务对象满意度指标"],
];

/** A department's 整体支出 tables: the provinces' four areas (履职效能, 管理效率, 社会效应, 服务对象满意度). */
export const DEPT_LEVEL1 = ["履职效能", "管理效率", "社会效应", "服务对象满意度"];
export const DEPT_LEVEL2 = ["重点工作履行情况", "履职质量", "履职时效", "预算管理", "资产管理", "内控管理", "社会效益", "经济效益", "可持续影响", "服务对象满意度"];
export const DEPT_SKELETON: [string, string][] = [
  ["履职效能", "重点工作履行情况"],
  ["履职效能", "重点工作履行情况"],
  ["履职效能", "履职质量"],
  ["履职效能", "履职时效"],
  ["管理效率", "预算管理"],
  ["管理效率", "资产管理"],
  ["管理效率", "内控管理"],
  ["社会效应", "社会效益"],
  ["社会效应", "可持续影响"],
  ["服务对象满意度", "服务对象满意度"],
];

/** Pads a row to `width` cells so every row of a form has the same borders. */
export function row(cells: SpecCell[], width: number, fill: () => SpecCell = blank): SpecCell[] {
  const out = [...cells];
  while (out.length < width) out.push(fill());
  return out;
}
