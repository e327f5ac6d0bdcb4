import type { LayoutSpec } from "../spec";

/**
 * A self-evaluation indicator export from the same 一体化 预算绩效 module: the vendor's import/export template
 * "自评指标（项目支出）" (perf_t_impexpsub, mainguid 'selfprogram'), whose column headers carry their filling
 * instructions ("*实际完成值（定量填数字，定性填达成、部分达成、未达成）", "*分值 数量(20)、质量(10)、时效(10)、
 * 成本(10)、效益(30)、满意度(10)" ...), widened with the project and budget columns so two projects sit in one sheet.
 *
 * The indicator points total 90 as the template's own header says; the other 10 are the 预算执行率 points, scored
 * from 全年预算数 / 全年执行数 (DOMAIN §3 default rule set). Project 1 is clean; project 2 has ONE seeded defect: the
 * unit kept full points for an unmet quantity (P9).
 */

const H = [
  "序号", "单位编码", "单位名称", "项目编码", "项目名称", "全年预算数（万元）", "全年执行数（万元）",
  "一级指标", "二级指标", "三级指标名称", "计算符号", "指标值",
  "*实际完成值（定量填数字，定性填达成、部分达成、未达成）", "计量单位",
  "*分值 数量(20)、质量(10)、时效(10)、成本(10)、效益(30)、满意度(10)",
  "*指标得分（定量系统自动计算，定性必填，所填值为原指标得分，不包含扣减分数。）", "扣减分数",
  "完成情况简要描述（定量选填，定性必填）", "偏差原因及改进措施（指标未完成时必填）",
];

const q1 = ["131004", "双鸭山市图书馆", "230500240000000131007", "公共图书馆免费开放", 80, 76];
const q2 = ["114006", "双鸭山市环境卫生管理处", "230500240000000114003", "城区道路清扫保洁", 450, 396];

const spec: LayoutSpec = {
  id: "sys-pmkpi-selfeval-export",
  title: "预算管理一体化系统 项目支出绩效自评指标导出（多项目）",
  source:
    "公开代码中一体化系统预算绩效模块 gov.mof.fasp2.pmkpi 的导入导出模板配置：perf_t_impexpmain “自评指标（项目支出）”（表 PERF_T_SELFPERFINDEX）及其 " +
    "perf_t_impexpsub 列：一级指标、二级指标、三级指标名称、计算符号、指标值、*实际完成值（定量填数字，定性填达成、部分达成、未达成）、计量单位、" +
    "*分值 数量(20)、质量(10)、时效(10)、成本(10)、效益(30)、满意度(10)、*指标得分（…）、扣减分数、完成情况简要描述、偏差原因及改进措施；" +
    "项目列取自同模块 traceordprogram 模板（单位名称、项目编码、支出项目名称、年初预算数）；评分口径财预〔2020〕10号。",
  notes:
    "列名与顺序照录模板（含列头里的填报说明）。模板本身按单个项目导出，这里在左侧加了单位编码、单位名称、项目编码、项目名称、全年预算数、全年执行数，" +
    "使两个项目可并列于一张表，这是最常见的多项目导出读法。预算执行率的10分不在指标行里，按默认规则由全年预算数/执行数计算。扣减分数均为空。" +
    "项目2 故意把未完成的数量指标仍填满分（P9）。",
  sheets: [
    {
      name: "自评指标",
      rows: [
        H,
        // Project 1 — clean. Indicator points 20+10+10+10+15+15+10 = 90.
        [1, ...q1, "产出指标", "数量指标", "年接待读者人次", "≥", 30, 32, "万人次", 20, 20, null, null, null],
        // 57 < 60 -> 10 × 57/60 = 9.5
        [2, ...q1, "产出指标", "质量指标", "馆藏文献流通率", "≥", 60, 57, "%", 10, 9.5, null, null, "新馆搬迁期间闭馆一个月，已延长周末开放时间"],
        [3, ...q1, "产出指标", "时效指标", "新书上架周期", "≤", 15, 12, "天", 10, 10, null, null, null],
        [4, ...q1, "产出指标", "成本指标", "免费开放运行成本", "≤", 80, 76, "万元", 10, 10, null, null, null],
        [5, ...q1, "效益指标", "社会效益指标", "全民阅读活动参与人次", "≥", 5, 5.6, "万人次", 15, 15, null, null, null],
        // 90 < 100 -> 15 × 90/100 = 13.5
        [6, ...q1, "效益指标", "可持续影响指标", "数字资源年访问量", "≥", 100, 90, "万次", 15, 13.5, null, null, "数字资源平台升级停机，下年增加移动端入口"],
        [7, ...q1, "满意度指标", "服务对象满意度指标", "读者满意度", "≥", 90, 95, "%", 10, 10, null, "发放问卷1200份", null],
        // Project 2 — SEEDED DEFECT at P9: 480 < 600 -> 20 × 480/600 = 16, the unit wrote 20.
        [8, ...q2, "产出指标", "数量指标", "机械化清扫面积", "≥", 600, 480, "万平方米", 20, 20, null, null, "两台清扫车大修停用，已签订租赁补充协议"],
        [9, ...q2, "产出指标", "质量指标", "道路保洁达标率", "≥", 95, 96, "%", 10, 10, null, null, null],
        [10, ...q2, "产出指标", "时效指标", "垃圾日产日清率", "=", 100, 100, "%", 10, 10, null, null, null],
        // lower is better, 0.825 > 0.75 -> 10 × 0.75/0.825 = 9.0909… -> 9.09 (unit's figure is right)
        [11, ...q2, "产出指标", "成本指标", "单位面积年保洁成本", "≤", 0.75, 0.825, "元/平方米", 10, 9.09, null, null, "清扫面积减少而人员成本刚性，下年优化作业排班"],
        // lower is better, 240 ≤ 300 -> full 15
        [12, ...q2, "效益指标", "社会效益指标", "市容环境卫生投诉量", "≤", 300, 240, "件", 15, 15, null, null, null],
        // qualitative, 部分达成 -> bracket 60–80% of 15 = 9–12; unit's 10 is inside -> kept
        [13, ...q2, "效益指标", "生态效益指标", "道路扬尘污染状况", "定性", "有效改善", "部分达成", null, 15, 10, null, "主干道扬尘明显减少，背街小巷仍有反弹", "增加洒水频次，背街小巷纳入机械化作业"],
        [14, ...q2, "满意度指标", "服务对象满意度指标", "市民满意度", "≥", 85, 88, "%", 10, 10, null, "第三方电话调查", null],
      ],
    },
  ],
  projects: [
    {
      sheet: "自评指标",
      name: "公共图书馆免费开放",
      kind: "self-evaluation",
      indicators: 7,
      // execution: min(76/80, 1) × 10 = 0.95 × 10 = 9.5
      // indicators: 20 + 9.5 + 10 + 10 + 15 + 13.5 + 10 = 88
      // total: 9.5 + 88 = 97.5 -> 优 (≥ 90)
      selfEvaluation: { executionScore: 9.5, score: 97.5, grade: "优" },
      absent: ["score-mismatch", "score-above-points", "points-sum", "qualitative-out-of-bracket", "deviation-reason-missing"],
    },
    {
      sheet: "自评指标",
      name: "城区道路清扫保洁",
      kind: "self-evaluation",
      indicators: 7,
      // execution: min(396/450, 1) × 10 = 0.88 × 10 = 8.8
      // indicators recomputed: 16 (not the unit's 20) + 10 + 10 + 9.09 + 15 + 10 + 10 = 80.09
      // total: 8.8 + 80.09 = 88.89 -> 良 (80–<90); the unit's own figures would give 92.89 (优)
      selfEvaluation: { executionScore: 8.8, score: 88.89, grade: "良" },
      findings: [{ code: "score-mismatch", cell: "P9" }],
      absent: ["points-sum", "score-above-points", "qualitative-out-of-bracket", "deviation-reason-missing"],
    },
  ],
};

export default spec;
