import type { LayoutSpec } from "../spec";

/**
 * 河北 宁晋县 项目绩效评价指标表, as the county 教育局 published it with its 决算 (2019年度, 2020-12-02): one merged
 * 评价指标 cell “项目年度绩效目标（定量指标）”, then 评价内容 | 指标名称 | 指标说明 | 目标值 | 分值 | 备注, and a 总分 row whose
 * only figure, 100, stands in the 分值 column. There is NO column for the actual value and NO 得分 column.
 *
 * Sheet 1 is the published table: a self-evaluation table on which nothing can be scored and nothing is stated —
 * the 100 is the sum of the 分值, not a score → 无法评定, no decision.
 * Sheet 2 is the same layout for a second project whose unit wrote its own score into the 备注 of the 总分 row
 * (“自评得分96.5分”): still no actual value and no per-indicator 得分 → the score cannot be recomputed; the stated 96.5
 * gives the grade 优, shown 未经重算.
 */

function sheet(title: string, rows: (string | number | null)[][], total: string | null): (string | number | null)[][] {
  return [
    [title],
    ["评价指标", "评价内容", "指标名称", "指标说明", "目标值", "分值", "备注"],
    ...rows,
    ["总分", null, null, null, null, 100, total],
  ];
}

const MERGES = ["A1:G1", "A3:A9", "B4:B5", "B6:B7", "A10:E10"];

const spec: LayoutSpec = {
  id: "county-ningjin-indicator",
  title: "项目绩效评价指标表（河北宁晋县决算公开样式：只有目标值与分值，无完成值、无得分列）",
  source:
    "河北省宁晋县教育局《2019年度宁晋县高中助学金项目绩效评价指标表》（xlsx附件，2020-12-02发布，体裁分类：决算信息），" +
    "https://www.ningjin.gov.cn/content/26279.html",
  notes:
    "表1照录来源：表题；列 评价指标 | 评价内容 | 指标名称 | 指标说明 | 目标值 | 分值 | 备注；“项目年度绩效目标（定量指标）”一格跨全部指标行；" +
    "制度指标 规章制度/建立与否（目标值格空）20，产出数量指标 享受资助人数 2100 10、资金支出率 95% 10，质量指标 建档立卡学生/全面覆盖 100% 10、资助对象满意度 95%以上 10，" +
    "时效指标 及时发放率 100% 20，成本指标 资助标准达标率 100% 20；总分行只在分值列写100。评价内容格的合并方式据来源文本顺序推断。" +
    "表2（学前教育资助）为同一样式的示例项目，指标照表1改写；总分行备注格“自评得分96.5分”为示例内容（来源表该格为空）。",
  sheets: [
    {
      name: "高中助学金",
      rows: sheet(
        "2019年度宁晋县高中助学金项目绩效评价指标表",
        [
          ["项目年度绩效目标（定量指标）", "制度指标", "规章制度", "建立与否", null, 20], // 3
          [null, "产出数量指标", "享受资助人数", "达到预计值", 2100, 10], // 4
          [null, null, "资金支出率", "达到目标值", "95%", 10], // 5
          [null, "质量指标", "建档立卡学生", "全面覆盖", "100%", 10], // 6
          [null, null, "资助对象满意度", "达到目标值", "95%以上", 10], // 7
          [null, "时效指标", "及时发放率", "达到目标值", "100%", 20], // 8
          [null, "成本指标", "资助标准达标率", null, "100%", 20], // 9
        ],
        null, // 10: 总分 | … | 100 | (备注 empty) — as published
      ),
      merges: MERGES,
    },
    {
      name: "学前教育资助",
      rows: sheet(
        "2019年度宁晋县学前教育资助项目绩效评价指标表",
        [
          ["项目年度绩效目标（定量指标）", "制度指标", "规章制度", "建立与否", null, 20],
          [null, "产出数量指标", "享受资助幼儿人数", "达到预计值", 1350, 10],
          [null, null, "资金支出率", "达到目标值", "95%", 10],
          [null, "质量指标", "建档立卡家庭幼儿", "全面覆盖", "100%", 10],
          [null, null, "资助对象满意度", "达到目标值", "95%以上", 10],
          [null, "时效指标", "及时发放率", "达到目标值", "100%", 20],
          [null, "成本指标", "资助标准达标率", null, "100%", 20],
        ],
        "自评得分96.5分", // G10: the unit's own score, written where the form has room for it
      ),
      merges: MERGES,
    },
  ],
  projects: [
    {
      sheet: "高中助学金",
      name: "高中助学金",
      nameContains: true, // no 项目名称 field; the title names the project
      // titled 绩效评价指标表 and published with the 决算 after the year: an evaluation table, not a target declaration
      kind: "self-evaluation",
      indicators: 7, // rows 3–9
      absent: ["points-sum"], // 20 + 10 + 10 + 10 + 10 + 20 + 20 = 100, as the 总分 row says
      // No 完成值 column, no 得分 column, nothing stated: the 100 in F10 is the sum of the 分值, not a score.
      // → 无法评定; NOT 差 (a missing score is not a score of 0).
      selfEvaluation: { score: null, stated: null, recomputed: false, grade: "无法评定" },
      decision: null, // no grade, no 结果应用
    },
    {
      sheet: "学前教育资助",
      name: "学前教育资助",
      nameContains: true,
      kind: "self-evaluation",
      indicators: 7,
      absent: ["points-sum"],
      // Same table, but G10 states 自评得分 96.5 → stated 96.5, grade 优 (≥ 90) from the form's own total, 未经重算:
      // without actual values nothing can be recomputed.
      selfEvaluation: { score: null, stated: 96.5, recomputed: false, grade: "优" },
      // Decision: the stated grade's mapping under shuangyashan-2020 (优 → 优先保障): the unit answers for its report
      // (四(二)5); finance's 再评价 can still overturn it. Withholding the decision here would treat a stated grade like
      // 无法评定. NOT 削减或取消.
      decision: "优先保障",
    },
  ],
};

export default spec;
