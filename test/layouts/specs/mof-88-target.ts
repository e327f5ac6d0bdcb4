import type { LayoutSpec } from "../spec";

/**
 * 财预〔2015〕88号 附件 项目支出绩效目标申报表, as printed: the 中期 and 年度 parts sit side by side.
 * Indicator block: ONE merged cell 绩效指标 in column A over the header row and every indicator row; 一级指标 (B)
 * is shared; 中期 uses C–E (二级指标 | 三级指标 | 指标值) and 年度 uses F–H (二级指标 | 三级指标 | 指标值). The header
 * row itself does not say 中期/年度: only the 总体目标 row above (中期目标 over B–E, 年度目标 over F–H) does.
 * Clean table: both the 中期 and the 年度 set are complete and consistent.
 */
const spec: LayoutSpec = {
  id: "mof-88-target",
  title: "项目支出绩效目标申报表（财预〔2015〕88号附件，中期/年度并列）",
  source:
    "财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号，2015年）附件“项目支出绩效目标申报表”。" +
    "版式要素（项目名称、主管部门及代码、实施单位、项目属性、项目期；项目资金（万元）下中期资金总额/年度资金总额、其中：财政拨款、其他资金；" +
    "总体目标下中期目标（20××年—20××年）/年度目标；绩效指标下一级指标共用、中期与年度各设二级指标/三级指标/指标值）" +
    "由公开代码佐证：com.cloudinte…EducationProjectPerformance“项目支出绩效目标申报Entity”（主管部门及代码、项目周期、中期/年度资金总额与财政拨款/其他资金、" +
    "一级指标共用，中期与短期二级指标、三级指标、指标值分列）；com.braker.icontrol TProGoal 及其 JSP（中期资金总额（万元）、其中：财政拨款、其他资金、中期目标/年度目标）。" +
    "mof.gov.cn 原文页未能在检索库中取得。",
  notes:
    "按88号附件的常见印本重建：中期与年度指标并列、一级指标共用。原件每个二级指标下印有“指标1：指标2：……”占位行，此处以实际指标替换。" +
    "示例内容（佳木斯市学生视力筛查项目、金额、指标）为虚构。中期值为三年累计，年度值为2026年度。两套指标行一一对应，故三级指标行数为8。",
  sheets: [
    {
      name: "项目支出绩效目标申报表",
      rows: [
        ["项目支出绩效目标申报表"],
        ["（2026年度）"],
        ["项目名称", "全市中小学生视力健康筛查与干预"],
        ["主管部门及代码", "佳木斯市教育局（112）", null, null, "实施单位", "佳木斯市中小学卫生保健所"],
        ["项目属性", "新增项目", null, null, "项目期", "3年（2026年—2028年）"],
        // row 6–8: 项目资金（万元）: 中期 540 = 480 + 60; 年度 180 = 160 + 20
        ["项目资金（万元）", "中期资金总额", 540, null, null, "年度资金总额", 180],
        [null, "其中：财政拨款", 480, null, null, "其中：财政拨款", 160],
        [null, "其他资金", 60, null, null, "其他资金", 20],
        ["总体目标", "中期目标（2026年—2028年）", null, null, null, "年度目标"],
        [
          null,
          "目标1：三年累计完成全市中小学生视力筛查45万人次；目标2：建立覆盖全部中小学校的学生视力健康电子档案；目标3：全市学生近视率较2025年下降1.5个百分点。",
          null,
          null,
          null,
          "目标1：完成全市中小学生视力筛查15万人次，筛查覆盖率98%以上；目标2：视力异常学生转介复查2万人次；目标3：学生近视率较上年下降0.5个百分点。",
        ],
        // row 11: indicator header; A11:A19 is the one merged 绩效指标 cell
        ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "二级指标", "三级指标", "指标值"],
        [null, "产出指标", "数量指标", "视力筛查学生人次", "≥45万人次", "数量指标", "视力筛查学生人次", "≥15万人次"],
        [null, null, null, "视力异常学生转介复查人次", "≥6万人次", null, "视力异常学生转介复查人次", "≥2万人次"],
        [null, null, "质量指标", "筛查覆盖率", "≥98%", "质量指标", "筛查覆盖率", "≥98%"],
        [null, null, "时效指标", "筛查结果反馈时限", "≤10个工作日", "时效指标", "筛查结果反馈时限", "≤10个工作日"],
        [null, null, "成本指标", "人均筛查成本", "≤12元/人次", "成本指标", "人均筛查成本", "≤12元/人次"],
        [null, "效益指标", "社会效益指标", "学生近视率下降幅度", "≥1.5个百分点", "社会效益指标", "学生近视率下降幅度", "≥0.5个百分点"],
        [null, null, "可持续影响指标", "视力健康档案动态更新率", "≥95%", "可持续影响指标", "视力健康档案动态更新率", "≥95%"],
        [null, "满意度指标", "服务对象满意度指标", "学生家长满意度", "≥90%", "服务对象满意度指标", "学生家长满意度", "≥90%"],
      ],
      merges: [
        "A1:H1",
        "A2:H2",
        "B3:H3",
        "B4:D4",
        "F4:H4",
        "B5:D5",
        "F5:H5",
        "A6:A8",
        "C6:E6",
        "G6:H6",
        "C7:E7",
        "G7:H7",
        "C8:E8",
        "G8:H8",
        "A9:A10",
        "B9:E9",
        "F9:H9",
        "B10:E10",
        "F10:H10",
        "A11:A19", // the merged group label 绩效指标
        "B12:B16", // 产出指标
        "C12:C13", // 中期 数量指标
        "F12:F13", // 年度 数量指标
        "B17:B18", // 效益指标
      ],
    },
  ],
  projects: [
    {
      sheet: "项目支出绩效目标申报表",
      name: "全市中小学生视力健康筛查与干预",
      kind: "target",
      indicators: 8, // rows 12–19, each holding one 中期 and one 年度 三级指标
      targetVerdict: "通过", // no error: 年度 180 = 160 + 20, 中期 540 = 480 + 60; 数量/质量/时效/成本/效益/满意度 all present; 8/8 quantified
      absent: [
        "missing-field",
        "funds-mismatch", // must not pair the 中期 其中：财政拨款 (480) with the 年度资金总额 (180)
        "missing-dimension",
        "indicator-name-missing",
        "no-indicators",
        "target-not-measurable",
        "quantified-ratio-low",
        "direction-mismatch",
        "duplicate-indicator", // the same name in the 中期 and 年度 columns is one indicator per period, not a duplicate
        "misplaced-indicator",
      ],
    },
  ],
};

export default spec;
