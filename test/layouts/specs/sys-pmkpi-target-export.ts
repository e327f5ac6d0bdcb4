import type { LayoutSpec } from "../spec";

/**
 * A flat indicator export from a 预算管理一体化 system's 预算绩效 (pmkpi) module: one row per 三级指标, the project's
 * columns repeated on every row, three projects of three units in one sheet.
 *
 * Columns: the project/unit data items of the 一体化 standard (项目代码 PRO_CODE, 单位代码 AGENCY_CODE, 项目名称) and
 * the indicator grid of the vendor's PM_PERF_INDICATOR page (/pmkpi/program/report/treeindex): 一级指标 (FINDEX),
 * 二级指标 (SINDEX), 指标名称 (NAME), 计算符号 (COMPUTESIGN), 指标值 (INDEXVAL), 计量单位 (METERUNIT),
 * 指标值解释 (VALUE_REMARK), 权重 (WEIGHT).
 *
 * Project 1 and 3 are clean. Project 2 carries ONE seeded defect: an empty 指标值 (M10).
 */

const H = [
  "序号", "主管部门", "单位编码", "单位名称", "项目编码", "项目名称", "年度资金总额（万元）", "年度绩效目标",
  "一级指标", "二级指标", "三级指标", "计算符号", "指标值", "计量单位", "指标值解释", "权重",
];

// Project columns B..H, repeated on every indicator row (flat list export).
const p1 = ["双鸭山市卫生健康委员会", "118003", "双鸭山市疾病预防控制中心", "230500250000000118001", "免疫规划疫苗接种服务", 120,
  "全年完成适龄儿童免疫规划疫苗接种8.5万剂次以上，接种率保持在95%以上，受种者家长满意度达到90%。"];
const p2 = ["双鸭山市农业农村局", "121002", "双鸭山市农业技术推广中心", "230500250000000121004", "高标准农田设施管护", 300,
  "完成12万亩高标准农田设施管护，设施完好率保持较高水平，管护区粮食亩产不低于500公斤。"];
const p3 = ["双鸭山市民政局", "125001", "双鸭山市社会福利院", "230500250000000125002", "特困人员集中供养服务", 260,
  "集中供养特困人员180人以上，供养金按月足额发放，特困人员基本生活全部得到保障。"];

const spec: LayoutSpec = {
  id: "sys-pmkpi-target-export",
  title: "预算管理一体化系统 项目绩效指标导出（绩效目标，多项目）",
  source:
    "财政部《预算管理一体化规范（试行）》财办〔2020〕13号 与《预算管理一体化系统技术标准V2.0》（业务要素“项目代码”“项目名称”“单位代码”，" +
    "见 https://blog.csdn.net/qq_43595030/article/details/140858163 对技术标准第一章的转述）；列名取自公开代码中一体化系统预算绩效模块 " +
    "gov.mof.fasp2.pmkpi 的配置脚本：表 PM_PERF_INDICATOR 的 busfw_t_uicolumn（/pmkpi/program/report/treeindex：指标名称、计算符号、指标值、计量单位、权重）、" +
    "bus_t_diccolumn（VALUE_REMARK 指标值解释、INDEXSTANDARDS 指标值确定依据）、perf_t_impexpsub 模板 traceordprogram（单位名称、项目编码、支出项目名称、年初预算数、绩效目标）。",
  notes:
    "列集合是上述数据项的组合：系统页面分“总体/年度绩效指标”两页，导出列表把项目列（单位编码、单位名称、项目编码、项目名称）与指标列放在同一行。" +
    "“主管部门”列按一体化单位树的部门级（单位编码前3位）另列一列，是最常见的读法；系统里“单位名称”也有“编码-名称”合并成一格的格式（#code-#name），此处按题意分列。" +
    "计算符号取值按 ≥ ≤ = 符号书写（字典 PMKPIZBXS 的具体取值未见到）。项目编码、单位编码为示例值。金额单位万元。" +
    "项目2 故意留空一个指标值（M10）。",
  sheets: [
    {
      name: "年度绩效指标",
      rows: [
        H,
        // Project 1 — clean; weights 20+15+10+10+20+15+10 = 100.
        [1, ...p1, "产出指标", "数量指标", "适龄儿童免疫规划疫苗接种剂次", "≥", 85000, "剂次", "按辖区适龄儿童数测算", 20],
        [2, ...p1, "产出指标", "质量指标", "免疫规划疫苗接种率", "≥", 95, "%", "国家免疫规划要求", 15],
        [3, ...p1, "产出指标", "时效指标", "疫苗入库验收及时率", "=", 100, "%", null, 10],
        [4, ...p1, "产出指标", "成本指标", "冷链运维成本", "≤", 18, "万元", "按上年决算数核定", 10],
        [5, ...p1, "效益指标", "社会效益指标", "麻疹报告发病率", "≤", 1, "/10万", null, 20],
        [6, ...p1, "效益指标", "可持续影响指标", "冷链设备完好率", "≥", 98, "%", null, 15],
        [7, ...p1, "满意度指标", "服务对象满意度指标", "受种者家长满意度", "≥", 90, "%", "问卷调查", 10],
        // Project 2 — SEEDED DEFECT: 指标值 of 管护设施完好率 left empty (M10) -> target-not-measurable.
        // Weights 20+15+10+10+20+15+10 = 100, so no weight-sum.
        [8, ...p2, "产出指标", "数量指标", "管护高标准农田面积", "≥", 12, "万亩", null, 20],
        [9, ...p2, "产出指标", "质量指标", "管护设施完好率", "≥", null, "%", null, 15],
        [10, ...p2, "产出指标", "时效指标", "问题设施修复时限", "≤", 15, "天", null, 10],
        [11, ...p2, "产出指标", "成本指标", "亩均管护成本", "≤", 25, "元/亩", "300万元÷12万亩", 10],
        [12, ...p2, "效益指标", "经济效益指标", "管护区粮食亩产", "≥", 500, "公斤", null, 20],
        [13, ...p2, "效益指标", "生态效益指标", "化肥使用量较上年减少", "≥", 2, "%", null, 15],
        [14, ...p2, "满意度指标", "服务对象满意度指标", "受益农户满意度", "≥", 90, "%", null, 10],
        // Project 3 — clean, 财预〔2021〕101号 tree (成本指标 as its own level 1); weights sum to 100.
        [15, ...p3, "产出指标", "数量指标", "集中供养特困人员数", "≥", 180, "人", null, 20],
        [16, ...p3, "产出指标", "质量指标", "护理服务达标率", "≥", 95, "%", null, 15],
        [17, ...p3, "产出指标", "时效指标", "供养金按月发放及时率", "=", 100, "%", null, 10],
        [18, ...p3, "成本指标", "经济成本指标", "人均年供养成本", "≤", 1.4, "万元", "按上年实际供养成本核定", 10],
        [19, ...p3, "效益指标", "社会效益指标", "特困人员基本生活保障率", "=", 100, "%", null, 20],
        [20, ...p3, "效益指标", "可持续影响指标", "护理人员持证上岗率", "≥", 90, "%", null, 15],
        [21, ...p3, "满意度指标", "服务对象满意度指标", "供养对象满意度", "≥", 92, "%", null, 10],
      ],
    },
  ],
  projects: [
    {
      sheet: "年度绩效指标",
      name: "免疫规划疫苗接种服务",
      kind: "target",
      indicators: 7,
      // No error: all four 产出 dimensions, 效益 and 满意度 present, 7/7 quantified, weights 100, 成本 is ≤.
      targetVerdict: "通过",
      absent: ["missing-field", "target-not-measurable", "missing-dimension", "weight-sum", "direction-mismatch", "missing-unit", "missing-comparator", "copied-indicators"],
    },
    {
      sheet: "年度绩效指标",
      name: "高标准农田设施管护",
      kind: "target",
      indicators: 7,
      // target-not-measurable is error severity -> 重新申报.
      targetVerdict: "重新申报",
      findings: [{ code: "target-not-measurable", cell: "M10" }],
      absent: ["missing-field", "weight-sum", "missing-dimension", "direction-mismatch", "investment-review-missing"],
    },
    {
      sheet: "年度绩效指标",
      name: "特困人员集中供养服务",
      kind: "target",
      indicators: 7,
      targetVerdict: "通过",
      absent: ["missing-field", "target-not-measurable", "missing-dimension", "weight-sum", "direction-mismatch", "copied-indicators"],
    },
  ],
};

export default spec;
