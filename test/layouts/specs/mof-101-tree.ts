import type { LayoutSpec } from "../spec";

/**
 * A 年度 target table with the 财预〔2021〕101号 indicator tree: 成本指标 is its own level 1
 * (经济成本指标 / 社会成本指标 / 生态环境成本指标), then 产出 {数量, 质量, 时效}, 效益, 满意度.
 * Header block as in the 88号 申报表 (年度 part only); indicator grid with 指标性质 | 指标值 | 度量单位 | 权重 | 指标值设定依据
 * as separate columns (101号 sets 指标值 with a 计算符号 and a 度量单位). 年度绩效指标 is ONE merged cell in column A.
 * SEEDED DEFECT: E12 — the 经济成本指标 is written with ≥ (a cost must be “lower is better”).
 */
const spec: LayoutSpec = {
  id: "mof-101-tree",
  title: "项目支出绩效目标申报表（财预〔2021〕101号指标体系，成本指标为一级指标）",
  source:
    "财政部《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》（财预〔2021〕101号，2021年8月18日），附件1 指引、附件2 中央部门本级项目支出核心绩效指标表模板；" +
    "转载页 http://lsrwf.cn/news/708af42006d811ec81694b356a0c000d 。表头部分沿用财预〔2015〕88号附件项目支出绩效目标申报表的年度部分。",
  notes:
    "101号附件2模板的原始列序未能在检索库中取得全文；此处按101号正文（指标值含计算符号、数值、度量单位，成本指标分经济/社会/生态环境成本）" +
    "和常见印本采用“一级指标|二级指标|三级指标|指标性质|指标值|度量单位|权重|指标值设定依据”。成本指标置于首位（101号正文先述成本指标）。" +
    "故意缺陷：E12 成本指标写成“≥”。示例内容为虚构。",
  sheets: [
    {
      name: "绩效目标表",
      rows: [
        ["项目支出绩效目标申报表"],
        ["（2026年度）"],
        ["项目名称", "2026年市级公共法律服务体系运行"],
        ["主管部门及代码", "鹤岗市司法局（305）", null, null, "实施单位", "鹤岗市法律援助中心"],
        ["项目属性", "延续项目", null, null, "项目期", "1年（2026年）"],
        ["项目资金（万元）", "年度资金总额", 420], // 420 = 380 + 40
        [null, "其中：财政拨款", 380],
        [null, "其他资金", 40],
        ["总体目标", "年度目标"],
        [null, "办理法律援助案件1800件以上，案件质量评估合格率95%以上，村（社区）法律顾问全覆盖，受援群众满意度95%以上，单案补贴成本控制在省定标准以内。"],
        ["年度绩效指标", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重", "指标值设定依据"],
        // row 12: SEEDED DEFECT — 成本 written with ≥
        [null, "成本指标", "经济成本指标", "单件法律援助案件平均补贴成本", "≥", 0.25, "万元/件", 10, "省定办案补贴标准"],
        [null, null, "社会成本指标", "群众申请法律援助往返跑动次数", "≤", 1, "次", 5, "“最多跑一次”改革要求"],
        [null, null, "生态环境成本指标", "公共法律服务中心年用电量", "≤", 3.5, "万千瓦时", 5, "2025年实际3.6万千瓦时"],
        [null, "产出指标", "数量指标", "办理法律援助案件数", "≥", 1800, "件", 15, "近三年平均1720件"],
        [null, null, null, "公共法律服务热线接听量", "≥", 2.4, "万人次", 10, "2025年2.3万人次"],
        [null, null, "质量指标", "法律援助案件质量评估合格率", "≥", 95, "%", 10, "部颁案件质量标准"],
        [null, null, "时效指标", "法律援助申请审查办结时限", "≤", 7, "个工作日", 10, "《法律援助法》规定"],
        [null, "效益指标", "经济效益指标", "为受援人挽回或取得经济利益", "≥", 3000, "万元", 10, "2025年2860万元"],
        [null, null, "社会效益指标", "村（社区）法律顾问覆盖率", "=", 100, "%", 10, "省级考核要求"],
        [null, "满意度指标", "服务对象满意度指标", "受援群众满意度", "≥", 95, "%", 15, "回访调查"],
      ],
      merges: [
        "A1:I1",
        "A2:I2",
        "B3:I3",
        "B4:D4",
        "F4:I4",
        "B5:D5",
        "F5:I5",
        "A6:A8",
        "C6:I6",
        "C7:I7",
        "C8:I8",
        "A9:A10",
        "B9:I9",
        "B10:I10",
        "A11:A21", // the merged group label 年度绩效指标
        "B12:B14", // 成本指标
        "B15:B18", // 产出指标
        "C15:C16", // 数量指标
        "B19:B20", // 效益指标
      ],
    },
  ],
  projects: [
    {
      sheet: "绩效目标表",
      name: "2026年市级公共法律服务体系运行",
      kind: "target",
      indicators: 10, // rows 12–21
      targetVerdict: "重新申报", // direction-mismatch is an error
      findings: [{ code: "direction-mismatch", cell: "E12" }],
      absent: [
        "missing-dimension", // 101 tree: 成本 (level 1) + 产出 数量/质量/时效 + 效益 + 满意度 all present
        "missing-field",
        "funds-mismatch", // 380 + 40 = 420
        "weight-sum", // 10+5+5+15+10+10+10+10+10+15 = 100
        "misplaced-indicator", // 经济/社会/生态环境成本指标 belong to 成本指标 in the 101 tree
        "quantified-ratio-low", // 10/10 quantified
        "target-not-measurable",
        "missing-unit",
        "missing-comparator",
        "indicator-name-missing",
      ],
    },
  ],
};

export default spec;
