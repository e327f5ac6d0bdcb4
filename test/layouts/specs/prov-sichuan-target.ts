import type { LayoutSpec } from "../spec";

/**
 * 四川 部门预算项目绩效目标申报表 as exported from the province's 一体化 system and published in a township's budget
 * disclosure (井研县马踏镇, 2023年度): one flat list for the whole department, 金额单位：元, columns
 * 单位名称 | 项目名称 | 预算数 | 年度目标 | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 权重 | 指标方向性,
 * a department total row first, then every project of the unit one after another. 单位名称 is written once for the unit;
 * 项目名称, 预算数 and 年度目标 once per project (merged down); 一级/二级 repeated on every row and rows not sorted by level.
 * Two projects on one sheet. Project 2 carries a seeded defect: its 成本 indicator is written with ≥ (H15).
 */
const spec: LayoutSpec = {
  id: "prov-sichuan-target",
  title: "部门预算项目绩效目标申报表（四川省一体化系统导出清单式，一表多项目）",
  source:
    "四川省预算管理一体化系统导出的《部门预算项目绩效目标申报表》，见乐山市井研县马踏镇人民政府2023年度部门预算公开 https://m.qbidia.com/jyx/zjgk/202412/baa621fd1ec74c86bf45aa16dfd0603d.shtml（井研县政务公开页转载）",
  notes:
    "列名、列序、金额单位（元）、部门合计行、单位名称只写一次、一级/二级逐行重复且不按层级排序、指标方向性（正向指标/反向指标）均照录来源；来源表头末尾另有一个空列，照录为M列空。" +
    "来源中一个项目的权重合计为90（可能是缺行），此处按规则集总分100填写，合计100。" +
    "主管部门读作部门合计行（“815-千佛镇部门”），实施单位读作单位名称列，年度资金总额读作预算数，总体目标读作年度目标（正确读法的假设）。" +
    "单位、项目、金额和指标为虚构示例。项目1无缺陷；项目2故意把成本指标“单处平均维修成本”写成“≥”（应为≤），并把方向性写成正向指标。",
  sheets: [
    {
      name: "项目绩效目标申报表",
      rows: [
        ["部门预算项目绩效目标申报表（2025年度）"], // 1
        ["金额单位：元"], // 2
        ["单位名称", "项目名称", "预算数", "年度目标", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重", "指标方向性", null], // 3
        ["815-千佛镇部门", null, 1280000], // 4: 860000 + 420000
        [
          "815001-井研县千佛镇人民政府", "场镇环境卫生保洁经费", 860000,
          "完成场镇及7个行政村主干道28公里日常保洁，生活垃圾日产日清，群众满意度达到95%以上。",
          "效益指标", "社会效益指标", "场镇环境卫生达标率", "≥", 95, "%", 15, "正向指标",
        ], // 5
        [null, null, null, null, "产出指标", "时效指标", "垃圾清运时限", "≤", 24, "小时", 10, "反向指标"], // 6
        [null, null, null, null, "产出指标", "质量指标", "垃圾清运及时率", "≥", 98, "%", 15, "正向指标"], // 7
        [null, null, null, null, "效益指标", "生态效益指标", "生活垃圾无害化处理率", "≥", 98, "%", 10, "正向指标"], // 8
        [null, null, null, null, "产出指标", "数量指标", "保洁道路长度", "≥", 28, "公里", 15, "正向指标"], // 9
        [null, null, null, null, "产出指标", "成本指标", "每公里年保洁成本", "≤", 30700, "元/公里", 10, "反向指标"], // 10
        [null, null, null, null, "效益指标", "可持续影响指标", "长效保洁机制运行年限", "≥", 3, "年", 10, "正向指标"], // 11
        [null, null, null, null, "满意度指标", "服务对象满意度指标", "群众满意度", "≥", 95, "%", 15, "正向指标"], // 12
        // project 1 weights 15+10+15+10+15+10+10+15 = 100
        [
          null, "村级公益设施维修维护经费", 420000,
          "维修维护村级文化活动室、便民服务点等公益设施20处，确保设施完好可用、群众满意。",
          "满意度指标", "服务对象满意度指标", "村民满意度", "≥", 95, "%", 20, "正向指标",
        ], // 13
        [null, null, null, null, "产出指标", "数量指标", "维修公益设施数量", "≥", 20, "处", 20, "正向指标"], // 14
        // SEEDED DEFECT: a cost indicator with ≥ (lower is better, should be ≤) -> direction-mismatch at H15
        [null, null, null, null, "产出指标", "成本指标", "单处平均维修成本", "≥", 21000, "元/处", 10, "正向指标"], // 15
        [null, null, null, null, "产出指标", "质量指标", "维修验收合格率", "=", 100, "%", 15, "正向指标"], // 16
        [null, null, null, null, "效益指标", "社会效益指标", "设施完好使用率", "≥", 95, "%", 15, "正向指标"], // 17
        [null, null, null, null, "产出指标", "时效指标", "维修任务按期完成率", "≥", 95, "%", 10, "正向指标"], // 18
        [null, null, null, null, "效益指标", "可持续影响指标", "设施正常使用年限", "≥", 5, "年", 10, "正向指标"], // 19
        // project 2 weights 20+20+10+15+15+10+10 = 100
      ],
      merges: ["A1:L1", "A2:L2", "A5:A19", "B5:B12", "C5:C12", "D5:D12", "B13:B19", "C13:C19", "D13:D19"],
    },
  ],
  projects: [
    {
      sheet: "项目绩效目标申报表",
      name: "场镇环境卫生保洁经费",
      kind: "target",
      indicators: 8, // rows 5-12
      targetVerdict: "通过", // no error-severity finding: all dimensions present, all quantified, weights 100
      absent: [
        "indicator-name-missing", "missing-field", "missing-dimension", "weight-sum", "direction-mismatch",
        "target-not-measurable", "missing-unit", "missing-comparator", "quantified-ratio-low", "copied-indicators",
      ],
    },
    {
      sheet: "项目绩效目标申报表",
      name: "村级公益设施维修维护经费",
      kind: "target",
      indicators: 7, // rows 13-19
      targetVerdict: "重新申报", // direction-mismatch is an error
      findings: [{ code: "direction-mismatch", cell: "H15" }],
      absent: ["indicator-name-missing", "missing-field", "missing-dimension", "weight-sum", "target-not-measurable", "copied-indicators"],
    },
  ],
};

export default spec;
