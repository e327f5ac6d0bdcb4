import type { LayoutSpec } from "../spec";

/**
 * 四川 达州 部门整体支出绩效评价得分表: four columns only — 一级指标 | 二级指标 | 三级指标 | 得分 — and the points are
 * written INTO the names at every level: “部门决策（25分）” ⊃ “目标任务（15分）” ⊃ “相关性（5分）”. There is no 分值
 * column. A correct reading takes each 三级指标's points from its own “（N分）”, sees that the 二级 and 一级 figures are
 * subtotals (25 + 30 + 45 = 100), and totals the 三级 得分.
 * Under 履职成效（20分） the template prints 部门特性指标 rows for the unit to fill in; here the unit has filled them.
 * Clean table; the total lands just under 90.
 */
const spec: LayoutSpec = {
  id: "city-dazhou-overall-score",
  title: "部门整体支出绩效评价得分表（四川达州式样：分值写在各级指标名称内，只有得分列）",
  source:
    "四川省达州市农业农村局公开的《部门整体支出绩效评价得分表》，http://nyj.dazhou.gov.cn/xxgk-show-16453.html" +
    "（一级指标 | 二级指标 | 三级指标 | 得分；部门决策(25分)：目标任务(15分)[相关性、明确性、合理性各5分]、预算编制(10分)[测算依据5、目标管理5]；" +
    "综合管理(30分)：专项资金分配时限(2分)、中期评估(2分)、绩效监控(5分)、非税收入执收情况(2分)、资产管理(6分)、内控制度管理(2分)、信息公开(6分)、绩效评价(5分)；" +
    "部门绩效情况(45分)：履职成效(20分)[部门特性指标]、可持续发展能力(15分)、满意度(10分)）。同一得分表的2017年填报本转载见 https://wanglu.net/thread/t12-491155-4.html 。",
  notes:
    "一级、二级、三级指标及括号内分值照录来源（其中“市级财力专项预算分配时限”来源如此，转载本作“省级财力专项预算分配时限”）。" +
    "来源表在履职成效（20分）下只印“部门特性指标”三行空行，由单位自填；示例填入三项本部门特性指标（8+6+6=20分）。" +
    "来源页未见表题、单位名称行和总分行，示例按同页项目支出得分表（“单位名称/项目名称”、“总分”）补入。单位名称与全部得分为虚构。" +
    "同页另有项目支出绩效评价得分表（一级/二级/三级/分值/得分，项目效益下列六个“可选项”共40分），本规格未收。",
  sheets: [
    {
      name: "部门整体得分表",
      rows: [
        ["2024年度部门整体支出绩效评价得分表"], // 1
        ["单位名称", "达州市农业综合服务中心"], // 2
        ["一级指标", "二级指标", "三级指标", "得分"], // 3
        // 部门决策（25分）: 5 + 5 + 5 + 5 + 5 = 25; scores 5 + 5 + 4 + 4 + 5 = 23
        ["部门决策（25分）", "目标任务（15分）", "相关性（5分）", 5], // 4
        [null, null, "明确性（5分）", 5], // 5
        [null, null, "合理性（5分）", 4], // 6
        [null, "预算编制（10分）", "测算依据（5分）", 4], // 7
        [null, null, "目标管理（5分）", 5], // 8
        // 综合管理（30分）: 2 + 2 + 5 + 2 + 6 + 2 + 6 + 5 = 30;
        // scores 1 + 1 + 2 + 1.5 + 3 + 1 + 1 + 2 + 2 + 1.5 + 2 + 2 + 2 + 1 + 2 + 2 = 27
        ["综合管理（30分）", "专项资金分配时限（2分）", "市级财力专项预算分配时限（1分）", 1], // 9
        [null, null, "中央专款分配合规率（1分）", 1], // 10
        [null, "中期评估（2分）", "执行中期评估（2分）", 2], // 11
        [null, "绩效监控（5分）", "预算执行进度监控（2分）", 1.5], // 12
        [null, null, "绩效目标动态监控（3分）", 3], // 13
        [null, "非税收入执收情况（2分）", "非税收入征收情况（1分）", 1], // 14
        [null, null, "非税收入上缴情况（1分）", 1], // 15
        [null, "资产管理（6分）", "资产管理信息化情况（2分）", 2], // 16
        [null, null, "行政事业单位资产报告情况（2分）", 2], // 17
        [null, null, "资产管理与预算管理相结合（2分）", 1.5], // 18
        [null, "内控制度管理（2分）", "内部控制度健全完整（2分）", 2], // 19
        [null, "信息公开（6分）", "预算公开（2分）", 2], // 20
        [null, null, "决算公开（2分）", 2], // 21
        [null, null, "绩效信息公开（2分）", 1], // 22
        [null, "绩效评价（5分）", "绩效评价开展（2分）", 2], // 23
        [null, null, "评价结果应用（3分）", 2], // 24
        // 部门绩效情况（45分）: 20 + 15 + 10 = 45; scores (8 + 5 + 4) + (5 + 4 + 4) + (3 + 2.5 + 3.5) = 17 + 13 + 9 = 39
        ["部门绩效情况（45分）", "履职成效（20分）", "粮食作物良种推广面积完成率（8分）", 8], // 25: 部门特性指标, filled by the unit
        [null, null, "农作物病虫害统防统治覆盖率（6分）", 5], // 26
        [null, null, "基层农技人员年度培训任务完成率（6分）", 4], // 27
        [null, "可持续发展能力（15分）", "重点改革（重点工作）完成情况（5分）", 5], // 28
        [null, null, "科技（制度、方法、机制等）创新（5分）", 4], // 29
        [null, null, "人才培养（5分）", 4], // 30
        [null, "满意度（10分）", "协作部门满意度（3分）", 3], // 31
        [null, null, "管理对象满意度（3分）", 2.5], // 32
        [null, null, "社会公众满意度（4分）", 3.5], // 33
        ["总分", null, null, 89], // 34: 23 + 27 + 39 = 89
      ],
      merges: [
        "A1:D1", "B2:D2",
        "A4:A8", "B4:B6", "B7:B8",
        "A9:A24", "B9:B10", "B12:B13", "B14:B15", "B16:B18", "B20:B22", "B23:B24",
        "A25:A33", "B25:B27", "B28:B30", "B31:B33",
        "A34:C34",
      ],
    },
  ],
  projects: [
    {
      sheet: "部门整体得分表",
      name: "达州市农业综合服务中心",
      kind: "self-evaluation",
      indicators: 30, // rows 4–33
      // Σ 三级 points (from the names) = 25 + 30 + 45 = 100; adding the 二级 and 一级 figures as well would triple it.
      absent: ["points-sum", "weight-sum", "score-above-points", "score-mismatch", "indicator-name-missing"],
      // Each 三级 得分 is the unit's judgement against its points (no target/actual to recompute from); every one is
      // within its points, so the total is Σ 三级 得分 = 23 + 27 + 39 = 89 — as stated in D34 → 良 (80 ≤ 89 < 90).
      selfEvaluation: { score: 89, grade: "良", stated: 89, recomputed: true },
      decision: "据实合理保障", // 良 → 据实合理保障 (shuangyashan-2020; the 达州 mapping of DOMAIN §6)
    },
  ],
};

export default spec;
