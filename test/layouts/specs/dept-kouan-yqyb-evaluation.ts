import type { LayoutSpec } from "../spec";

/**
 * The 口岸 office's 疫情疫病项目支出绩效评价表 (same performance system as dept-kouan-dtg-evaluation, a different
 * special fund), reproduced WITHOUT the simplification made there: in the 项目效果 section every “是/否” indicator
 * (检验检疫是否对地方外经作出贡献 …) is ONE 三级指标 whose name, 计量单位, 目标值 and 数据项1 cells are merged down
 * over four sub-criterion rows ①②③④, each row carrying its own 分值 5 and its own 理由 — so the indicator is worth
 * 4 × 5 = 20 points, and 可持续影响 (40) holds two such indicators. A correct reading counts 5 indicators in that
 * section, not 20, and gives each the sum of its rows' points.
 *
 * The weights nest: 一级 权重 50 / 25 / 25 (total 100); inside each 一级 the 二级 分值 total 100 (75 + 25; 24 + 48 + 28;
 * 20 + 20 + 20 + 40); inside each 二级 the 三级 分值 total the 二级 分值. Σ 三级 分值 over the form is 300, which is right.
 *
 * Two 二级 blocks are laid out but empty, as published: 产出成本 (C35:C36, no 分值, two blank rows) and 服务对象满意度
 * (C59:C60). Three 目标值 are blank in the published form (进境植物疫情检出率 G19, 进口食品化妆品不合格检出率 G24,
 * 出口食品化妆品实际通报率 G25).
 *
 * The form has no per-indicator 得分 column: the unit (or the system) writes one figure in the 总分 row (D61).
 */

const HEAD: (string | null)[] = ["一级指标", "权重", "二级指标", "分值", "三级指标", "计量单位", "目标值(标准)", "分值", "采集数据项", null, "指标值"];
const SUB: (string | null)[] = [null, null, null, null, null, null, null, null, "数据项1", "数据项2", null];
const HEAD3: (string | null)[] = ["一级指标", "权重", "二级指标", "分值", "三级指标", "计量单位", "目标值(标准)", "分值", "采集数据项", null, null];
const SUB3: (string | null)[] = [null, null, null, null, null, null, null, null, "数据项1", "理由", null];

/** One “是/否” indicator of 项目效果 over four rows ①–④, 5 分 each; the first row carries the merged cells' text. */
function yesNo(first: (string | number | null)[], reasons: [string, string, string, string]): (string | number | null)[][] {
  return [
    [...first, 5, "是", `①${reasons[0]}`, null],
    [null, null, null, null, null, null, null, 5, null, `②${reasons[1]}`, null],
    [null, null, null, null, null, null, null, 5, null, `③${reasons[2]}`, null],
    [null, null, null, null, null, null, null, 5, null, `④${reasons[3]}`, null],
  ];
}

/** Merges of one yesNo block starting at row r: name, unit, target and 数据项1 down four rows; 理由 J:K per row. */
function yesNoMerges(r: number): string[] {
  const m = [`E${r}:E${r + 3}`, `F${r}:F${r + 3}`, `G${r}:G${r + 3}`, `I${r}:I${r + 3}`];
  for (let i = 0; i < 4; i++) m.push(`J${r + i}:K${r + i}`);
  return m;
}

const spec: LayoutSpec = {
  id: "dept-kouan-yqyb-evaluation",
  title: "疫情疫病项目支出绩效评价表（口岸办专项经费绩效考核，项目效果按①②③④分行计分）",
  source:
    "公开代码 GitHub hktianyi/Meeting，admin/src/main/webapp/WEB-INF/views/task/kpi/yqyb.jsp（“疫情疫病项目支出绩效评价表”，tablename=14；" +
    "commit fb3c2f20879343e88f86e10f1de8821309750e44）。同目录 dtg.jsp、dbjs.jsp、fzzl.jsp、wscgxm.jsp 为同一绩效考核系统的其他专项经费评价表。" +
    "表下填表说明第5条：项目效果凡确定为“是”的，需在理由栏中举例说明，举例要求真实恰当，举例不全或不符合要求扣减相应分值。",
  notes:
    "照录 yqyb.jsp 的全部行列与合并：标题；两行表头（采集数据项下分数据项1/数据项2）在三个一级指标前各出现一次，第三次为“数据项1 | 理由”（理由跨两列）；" +
    "预算绩效 50（预算管理 75：7+8+5+25+25+5；财务管理 25：7+13+5），项目产出 25（产出数量 24、产出质量 48、产出时效 28、产出成本空），" +
    "项目效果 25（经济效益 20、社会效益 20、环境效益 20、可持续影响 40、服务对象满意度空）；项目效果每个三级指标 rowspan=4，分值列逐行 5 分，理由逐行①②③④；" +
    "三级指标名称、计量单位、目标值照录，目标值“-0%”“5人/10万人”照录，进境植物疫情检出率、进口食品化妆品不合格检出率、出口食品化妆品实际通报率三项目标值原表即为空；" +
    "末行“总分 | 100 | 得分 | [填写框] | 空”，表下填报单位（公章）、单位负责人与填表说明六条。" +
    "采集数据项、指标值、理由和总分行的得分 93.5 为示例内容（原表为输入框）。",
  sheets: [
    {
      name: "绩效评价表",
      rows: [
        ["疫情疫病项目支出绩效评价表"], // 1
        HEAD, // 2
        SUB, // 3
        // 预算绩效 (权重 50): 预算管理 75 = 7 + 8 + 5 + 25 + 25 + 5; 财务管理 25 = 7 + 13 + 5
        ["预算绩效", 50, "预算管理", 75, "预算执行进度(7月)", "%", "40%", 7, 168, 420, "40%"], // 4: 168/420 = 40%
        [null, null, null, null, "预算执行进度（11月）", "%", "80.21%", 8, 346, 420, "82.38%"], // 5: 346/420 = 82.38%
        [null, null, null, null, "预算调整次数（实际调整数）", "次", 0, 5, 0, "/", 0], // 6
        [null, null, null, null, "项目预算资金是否被核减", "是/否", "否", 25, "否", "/", "否"], // 7
        [null, null, null, null, "结转结余资金率", "%", "-0%", 25, 0, 420, "0%"], // 8
        [null, null, null, null, "是否开展预算编报考评", "是/否", "是", 5, "是", "/", "是"], // 9
        [null, null, "财务管理", 25, "用款计划差错率", "%", "-0%", 7, 0, 12, "0%"], // 10
        [null, null, null, null, "是否存在违规行为", "是/否", "否", 13, "否", "/", "否"], // 11
        [null, null, null, null, "是否开展会计决算报表考评", "是/否", "是", 5, "是", "/", "是"], // 12
        HEAD, // 13
        SUB, // 14
        // 项目产出 (权重 25): 产出数量 24 = 8 × 3; 产出质量 48 = 5+5+2+2+2+2+3+3+6+6+6+6; 产出时效 28 = 6+6+6+5+5; 产出成本: empty
        ["项目产出", 25, "产出数量", 24, "进出境动植物检疫完成率", "%", "100%", 8, 4862, 4862, "100%"], // 15
        [null, null, null, null, "出入境人员/行李/货物/集装箱/交通工具/特殊物品/尸体骸骨/邮包卫生检疫完成率", "%", "100%", 8, 216530, 216530, "100%"], // 16
        [null, null, null, null, "食品化妆品检验检疫批次增长率", "%", "-0%", 8, 1315, 1280, "2.73%"], // 17: (1315-1280)/1280
        [null, null, "产出质量", 48, "输入性医学媒介生物截获率", "%", "100%", 5, 37, 37, "100%"], // 18
        [null, null, null, null, "进境植物疫情检出率", "%", null, 5, 26, 1950, "1.33%"], // 19: target blank as published
        [null, null, null, null, "建立并及时完善进出境重大动物疫情应急管理体系", "是/否", "是", 2, "是", "/", "是"], // 20
        [null, null, null, null, "检疫、口岸防疫和检疫处理的仪器设备和设施适应本地区工作需要", "是/否", "是", 2, "是", "/", "是"], // 21
        [null, null, null, null, "储备必要的进出境重大动物疫病诊断试剂、防护用品及防疫消毒药品", "是/否", "是", 2, "是", "/", "是"], // 22
        [null, null, null, null, "组织口岸重大动物疫情应急处置演练或培训", "是/否", "是", 2, "是", "/", "是"], // 23
        [null, null, null, null, "进口食品化妆品不合格检出率", "%", null, 3, 9, 1315, "0.68%"], // 24: target blank as published
        [null, null, null, null, "出口食品化妆品实际通报率", "%", null, 3, 0, 640, "0%"], // 25: target blank as published
        [null, null, null, null, "出入境人员检疫查验发现传染病有症状者检疫筛查率", "%", "5人/10万人", 6, 14, 216530, "6.47人/10万人"], // 26
        [null, null, null, null, "出入境人员发现有症状者排查率", "%", "100%", 6, 14, 14, "100%"], // 27
        [null, null, null, null, "旅客携带、邮寄禁止进境物截获增长率", "%", "5%", 6, 412, 388, "6.19%"], // 28
        [null, null, null, null, "旅客携带、邮寄有害生物截获增长率", "%", "5%", 6, 57, 55, "3.64%"], // 29
        [null, null, "产出时效", 28, "安全风险监控计划完成率", "%", "100%", 6, 24, 24, "100%"], // 30
        [null, null, null, null, "疫情疫病监测计划完成率", "%", "100%", 6, 1200, 1200, "100%"], // 31
        [null, null, null, null, "口岸卫生监督频次完成率", "%", "100%", 6, 96, 96, "100%"], // 32
        [null, null, null, null, "口岸医学媒介生物监测工作完成率", "%", "100%", 5, 48, 48, "100%"], // 33
        [null, null, null, null, "卫生检疫技术支撑项目完成率", "%", "100%", 5, 3, 4, "75%"], // 34
        [null, null, "产出成本", null, null, null, null, null, null, null, null], // 35: empty block, as published
        [], // 36
        HEAD3, // 37
        SUB3, // 38
        // 项目效果 (权重 25): 经济效益 20 = 4 × 5; 社会效益 20; 环境效益 20; 可持续影响 40 = 2 × (4 × 5); 服务对象满意度: empty
        ...yesNo(["项目效果", 25, "经济效益", 20, "检验检疫是否对地方外经作出贡献", "是/否", "是"], [
          "全年出具出口农产品检疫证书1.2万份，助力地方农产品出口额同比增长8%",
          "对信用良好企业实行“绿色通道”，平均通关时间缩短0.6天",
          "帮助3家企业取得出口食品生产企业备案",
          "开展技术性贸易措施培训6期，参训企业140家次",
        ]), // 39–42
        ...yesNo([null, null, "社会效益", 20, "是否有效防止疫情疫病跨境传播、是否有效防止有毒有害物质随货物传入传出", "是/否", "是"], [
          "全年未发生输入性传染病疫情传播事件",
          "截获检疫性有害生物57种次并全部除害处理",
          "对入境旅客开展体温监测21.6万人次，排查有症状者14人",
          "退运不合格进口食品9批次",
        ]), // 43–46
        ...yesNo([null, null, "环境效益", 20, "是否有利于保护生态环境", "是/否", "是"], [
          "截获外来入侵物种4种，未发生定殖扩散",
          "对入境废旧物品实施100%查验",
          "完成口岸区域医学媒介生物监测48次",
          "开展外来有害生物监测点布设12个",
        ]), // 47–50
        ...yesNo([null, null, "可持续影响", 40, "是否有利于保护农林生产安全", "是/否", "是"], [
          "进境种苗隔离检疫合格率100%",
          "全年未发生由口岸传入的重大植物疫情",
          "完成进境粮食检疫监管28批次",
          "与农业农村部门建立疫情信息通报机制",
        ]), // 51–54
        ...yesNo([null, null, null, null, "是否有利于促进人民身体健康水平提高", "是/否", "是"], [
          "国际旅行健康咨询服务3200人次",
          "口岸食品安全抽检合格率99.3%",
          "开展口岸公共卫生应急演练2次",
          "口岸从业人员健康体检覆盖率100%",
        ]), // 55–58
        [null, null, "服务对象满意度", null, null, null, null, null, null, null, null], // 59: empty block, as published
        [], // 60
        ["总分", 100, "得分", 93.5, null, null, null, null, null, null, null], // 61: the only score on the form
        [], // 62
        ["填报单位（公章）：", null, null, null, "单位负责人："], // 63
        [
          "填表说明：1、填报单位需对数据真实性、准确性、完整性负责。2、表格中所有格式（包括行、列、公式等）均不得改动。3、采集数据项量化指标只填写数值，不含中英文字符。" +
            "4、采集数据项必须严格按照计量单位填写。5、项目效果凡确定为“是”的，需在理由栏中举例说明，举例要求真实恰当，举例不全或不符合要求扣减相应分值。6、表格需盖章、签字，手续完备。",
        ], // 64
      ],
      merges: [
        "A1:K1",
        "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3", "F2:F3", "G2:G3", "H2:H3", "I2:J2", "K2:K3",
        "A4:A12", "B4:B12", "C4:C9", "D4:D9", "C10:C12", "D10:D12",
        "A13:A14", "B13:B14", "C13:C14", "D13:D14", "E13:E14", "F13:F14", "G13:G14", "H13:H14", "I13:J13", "K13:K14",
        "A15:A36", "B15:B36", "C15:C17", "D15:D17", "C18:C29", "D18:D29", "C30:C34", "D30:D34", "C35:C36", "D35:D36",
        "A37:A38", "B37:B38", "C37:C38", "D37:D38", "E37:E38", "F37:F38", "G37:G38", "H37:H38", "I37:K37", "J38:K38",
        "A39:A60", "B39:B60",
        "C39:C42", "D39:D42", ...yesNoMerges(39),
        "C43:C46", "D43:D46", ...yesNoMerges(43),
        "C47:C50", "D47:D50", ...yesNoMerges(47),
        "C51:C58", "D51:D58", ...yesNoMerges(51), ...yesNoMerges(55),
        "C59:C60", "D59:D60", "J59:K59", "J60:K60",
        "E61:K61",
        "A64:K64",
      ],
    },
  ],
  projects: [
    {
      sheet: "绩效评价表",
      name: "疫情疫病",
      nameContains: true, // the title row is the only place the project is named
      kind: "self-evaluation", // collected actuals (数据项1/2 → 指标值) and a 总分/得分 row: an evaluation
      // 三级指标: 预算绩效 6 + 3 = 9; 项目产出 3 + 12 + 5 = 20; 项目效果 1 + 1 + 1 + 2 = 5 (each over 4 rows) → 34.
      // Counting every ①–④ row as an indicator would give 9 + 20 + 20 = 49: wrong.
      indicators: 34,
      findings: [
        { code: "missing-dimension", cell: "C35" }, // 产出成本 laid out, nothing in it
        { code: "missing-dimension", cell: "C59" }, // 服务对象满意度 laid out, nothing in it
        { code: "target-not-measurable", cell: "G19" }, // blank 目标值 (as published)
        { code: "target-not-measurable", cell: "G24" },
        { code: "target-not-measurable", cell: "G25" },
      ],
      // 一级 50 + 25 + 25 = 100; 二级 within each 一级 = 100; 三级 within each 二级 = its 分值 (项目效果: 4 × 5 = 20 per
      // indicator, 2 × 20 = 40 for 可持续影响). Nothing here is a points or weight error, and the merged rows ②③④ are
      // not nameless indicators.
      absent: ["points-sum", "weight-sum", "indicator-name-missing", "misplaced-indicator", "score-mismatch", "score-above-points"],
      // The score cannot be recomputed: there is no per-indicator 得分; no target carries a comparator (“100%”, “-0%”);
      // three targets are blank; and each ①–④ row of 项目效果 is scored by judging the example given (填表说明 5).
      // The one figure is the stated 得分 93.5 in D61 → grade 优 from the form's own total (≥ 90), shown 未经重算.
      selfEvaluation: { score: null, stated: 93.5, recomputed: false, grade: "优" },
      // Decision: the stated grade's mapping under shuangyashan-2020 (优 → 优先保障). The unit answers for the truth of
      // its report (四(二)5 事终自评) and 再评价 can overturn it; a decision is withheld (null) only when no grade can be
      // given at all (无法评定). NOT 差 / 削减或取消, which is what reading the missing score as 0 would give.
      decision: "优先保障",
    },
  ],
};

export default spec;
