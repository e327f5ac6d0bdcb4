import type { LayoutSpec } from "../spec";

/**
 * A department's own 项目支出绩效评价表 (an 口岸 office's performance system, several special funds each with its
 * own form): the title names the project and there is no 项目名称 field; the two-row header
 * (一级指标 | 权重 | 二级指标 | 分值 | 三级指标 | 计量单位 | 目标值(标准) | 分值 | 采集数据项: 数据项1, 数据项2 | 指标值)
 * is repeated before each 一级指标 section, the third time with 采集数据项 = 数据项1 | 理由; the weights are
 * per level: each 一级指标 has a 权重 (50/25/25, total 100), and inside it the 二级 分值 total 100 and the 三级 分值
 * add up to their 二级 分值 — so the 三级 分值 of the whole form add up to 300, not 100. The form collects data
 * (数据项1/2 → 指标值 is the ACTUAL value, not the target) and ends with a 总分 100 | 得分 row.
 *
 * SEEDED DEFECT: the 产出成本 block, blank in the published form, is given an indicator whose 目标值 is empty (G14).
 */

const HEAD: (string | null)[] = ["一级指标", "权重", "二级指标", "分值", "三级指标", "计量单位", "目标值(标准)", "分值", "采集数据项", null, "指标值"];
const SUB: (string | null)[] = [null, null, null, null, null, null, null, null, "数据项1", "数据项2", null];
const HEAD3: (string | null)[] = ["一级指标", "权重", "二级指标", "分值", "三级指标", "计量单位", "目标值(标准)", "分值", "采集数据项", null, null];
const SUB3: (string | null)[] = [null, null, null, null, null, null, null, null, "数据项1", "理由", null];

const spec: LayoutSpec = {
  id: "dept-kouan-dtg-evaluation",
  title: "大通关(电子监管)项目支出绩效评价表（口岸办专项经费绩效考核）",
  source:
    "公开代码 GitHub hktianyi/Meeting，admin/src/main/webapp/WEB-INF/views/task/kpi/dtg.jsp（“大通关(电子监管)项目支出绩效评价表”，同目录还有 " +
    "dbjs.jsp“提升口岸核心能力达标建设专项经费支出绩效评价表”、fzzl.jsp“长吉图发展战略专项经费绩效评价表”等同一版式；commit fb3c2f20879343e88f86e10f1de8821309750e44）。" +
    "表下填表说明：采集数据项量化指标只填写数值；项目效果凡确定为“是”的，需在理由栏中举例说明。",
  notes:
    "版式照录：标题行、两行表头（采集数据项下分数据项1/数据项2）、每个一级指标前重复表头、第三段表头为“数据项1 | 理由”、一级权重50/25/25、二级分值每段合计100、末行“总分 100 | 得分”。" +
    "为控制在十余个指标，删去了部分三级指标并按段内合计100重新分配三级分值（原表：预算管理6项、财务管理3项、产出数量5项、产出质量2项、产出时效1项；项目效果每个“是/否”指标拆成5行各5分）。" +
    "原表“结转结余资金率”目标写作“-0%”，此处写“0%”。原表产出成本、环境效益、可持续影响、服务对象满意度均为空行；这里只在产出成本补了一个指标且故意不填目标值（G14）。" +
    "采集数据项与指标值为示例数据；得分格留空（原表由系统计算）。",
  sheets: [
    {
      name: "绩效评价表",
      rows: [
        ["大通关(电子监管)项目支出绩效评价表"],
        HEAD,
        SUB,
        // 预算绩效 (权重 50): 预算管理 75 = 25 + 25 + 25; 财务管理 25 = 25
        ["预算绩效", 50, "预算管理", 75, "预算执行进度（11月）", "%", "80.21%", 25, 396, 480, "82.5%"],
        [null, null, null, null, "预算调整次数（实际调整数）", "次", 0, 25, 0, "/", 0],
        [null, null, null, null, "结转结余资金率", "%", "0%", 25, 0, 480, "0%"],
        [null, null, "财务管理", 25, "是否存在违规行为", "是/否", "否", 25, "否", "/", "否"],
        HEAD,
        SUB,
        // 项目产出 (权重 25): 产出数量 60 = 30 + 30; 产出质量 30 = 30; 产出时效 10 = 10; 产出成本 (no 分值, as published)
        ["项目产出", 25, "产出数量", 60, "电子通关率", "%", "100%", 30, 18600, 18600, "100%"],
        [null, null, null, null, "电子申报率", "%", "100%", 30, 18600, 18600, "100%"],
        [null, null, "产出质量", 30, "核心业务系统的瘫痪次数", "次", 0, 30, 0, "/", 0],
        [null, null, "产出时效", 10, "核心业务数据是否及时准确传输", "是/否", "是", 10, "是", "/", "是"],
        // SEEDED DEFECT: target G14 empty -> target-not-measurable at G14.
        [null, null, "产出成本", null, "单票通关信息化运维成本", "元/票", null, null, 860000, 18600, 46.24],
        HEAD3,
        SUB3,
        // 项目效果 (权重 25): 经济效益 50 = 50; 社会效益 50 = 50
        ["项目效果", 25, "经济效益", 50, "是否减少了企业通关成本", "是/否", "是", 50, "是", "①企业免于往返现场递单，单票节约费用约120元；②电子转单减少重复查验。", null],
        [null, null, "社会效益", 50, "是否提高了企业通关速度", "是/否", "是", 50, "是", "①平均通关时间由1.5天缩短至0.5天；②实现7×24小时网上申报。", null],
        ["总分", 100, "得分", null, null, null, null, null, null, null, null],
        [],
        ["填报单位（公章）：", null, null, null, "单位负责人："],
        ["填表说明：1、填报单位需对数据真实性、准确性、完整性负责。2、表格中所有格式（包括行、列、公式等）均不得改动。3、采集数据项量化指标只填写数值，不含中英文字符。4、采集数据项必须严格按照计量单位填写。5、项目效果凡确定为“是”的，需在理由栏中举例说明。"],
      ],
      merges: [
        "A1:K1",
        "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3", "F2:F3", "G2:G3", "H2:H3", "I2:J2", "K2:K3",
        "A4:A7", "B4:B7", "C4:C6", "D4:D6",
        "A8:A9", "B8:B9", "C8:C9", "D8:D9", "E8:E9", "F8:F9", "G8:G9", "H8:H9", "I8:J8", "K8:K9",
        "A10:A14", "B10:B14", "C10:C11", "D10:D11",
        "A15:A16", "B15:B16", "C15:C16", "D15:D16", "E15:E16", "F15:F16", "G15:G16", "H15:H16", "I15:K15", "J16:K16",
        "A17:A18", "B17:B18", "J17:K17", "J18:K18",
        "E19:K19",
        "A22:K22",
      ],
    },
  ],
  projects: [
    {
      sheet: "绩效评价表",
      // Title row "大通关(电子监管)项目支出绩效评价表" is the only place the project is named.
      name: "大通关",
      nameContains: true,
      // 数据项/指标值 are collected actuals and the form ends with 总分/得分: an evaluation, not a target table.
      kind: "self-evaluation",
      // 三级指标 rows: 4 (预算绩效) + 5 (项目产出, incl. the seeded one) + 2 (项目效果) = 11
      indicators: 11,
      // Expected total: none asserted. The form gives no per-indicator 得分 and leaves the 得分 cell to the system;
      // its "是/否" indicators and the 100%/0 targets carry no 指标性质, so the default rules cannot score them
      // without guessing a direction. What a correct reading must get right is the per-level weighting:
      // 一级 权重 50 + 25 + 25 = 100, and within each 一级 the 三级 分值 total 100 (75+25, 60+30+10, 50+50),
      // i.e. total = Σ 一级权重 × (section score / 100). Summing all 三级 分值 (100+100+100 = 300) is wrong, so
      // neither points-sum nor weight-sum may be raised.
      findings: [{ code: "target-not-measurable", cell: "G14" }],
      absent: ["points-sum", "weight-sum", "misplaced-indicator"],
    },
  ],
};

export default spec;
