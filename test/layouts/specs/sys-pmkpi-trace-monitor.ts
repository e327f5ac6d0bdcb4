import type { LayoutSpec } from "../spec";

/**
 * 项目支出绩效运行监控表 as the Ministry's 预算管理一体化 system (pmkpi 绩效运行监控 module) lays it out when a unit's
 * monitoring report is printed: 一、基本信息 (项目名称, 项目编码, 单位名称, 单位编码, 监控阶段, 项目总额, 年度绩效目标);
 * 二、预算执行情况 by 资金来源 — rows 合计 / 中央补助资金 / 省级补助资金 / 市县配套资金, a two-row header
 * 预算数 {年初预算数 | 调整预算数 | 调整后预算数} | 1-7月执行情况 {执行数 | 执行率} | 全年预计执行数; 三、绩效指标完成情况 —
 * 一级 | 二级 | 三级 | 计算符号 | 年度指标值 | 计量单位 | 1-7月执行情况（当前完成值） | 全年预计完成值 | 完成可能性 |
 * 偏差分析 {偏差原因 | 纠偏措施} | 备注; 四、监控分析 (绩效目标执行情况, 未达到支出进度和绩效目标原因分析, 下一步工作措施).
 *
 * The execution rate is read from the 合计 row against the ADJUSTED budget (调整后预算数 2000, not 年初 2400).
 * SEEDED PROBLEMS (all realistic): 市县配套资金 spent 236 of 200 (E14, over budget); a blank 年度指标值 (E23); a blank
 * current value (G24); a stated deviation with no 纠偏措施 (K25). The text 按计划推进 in G20/G21/G23 is qualitative
 * progress, not an unreadable number.
 */
const spec: LayoutSpec = {
  id: "sys-pmkpi-trace-monitor",
  title: "项目支出绩效运行监控表（预算管理一体化系统 绩效运行监控模块，1-7月）",
  source:
    "财政部《预算管理一体化规范（试行）》（财办〔2020〕13号）下的一体化预算绩效模块 gov.mof.fasp2.pmkpi 的公开代码：" +
    "监控填报页签“基本信息 / 预算执行情况 / 绩效指标完成情况 / 监控分析”（/pmkpi/trace/report/deptedit，监控分析 v_perf_t_protraceanalysis）；" +
    "预算执行情况列（/pmkpi/program/trace/report/edit/fund）：资金来源、年初预算、调整预算数、调整后预算数、预算执行数（1-X月执行数）、预算执行率(%)（注释：1-X月执行数/调整后预算数）、全年预计执行数；" +
    "绩效指标完成情况列（/pmkpi/program/trace/report/edit/indextarget，PERF_T_PROINDEXTRACE）：一级指标、二级指标、指标名称、年度指标值、当前完成值、计算符号、计量单位、" +
    "完成可能性分析、全年预计完成情况、序时进度预警、偏差原因分析、其他原因、备注；接口 DTO PerfMonitorInfo / BudgetExecutionTrace / MonitorIndex" +
    "（项目编码、项目名称、单位编码、单位名称、监控阶段、年度绩效目标、绩效目标执行情况、项目总额）。监控时点、红黄灯口径见财预〔2019〕136号。",
  notes:
    "列名与页签照上列配置；打印成一张表时的分区标题（一、二、三、四）、两行表头的分组（预算数、1-7月执行情况、偏差分析）和列序是按省级打印样式重建的。" +
    "“纠偏措施”列：模块配置中未见该列名（有“其他原因”“备注”，136号附件要求在备注说明拟采取的措施），各省打印样式多单列“纠偏措施”，此处单列。" +
    "资金来源行（中央补助、省级补助、市县配套）为一体化导出中常见的资金来源层级，示例取三行加合计。序时进度预警列由系统计算，打印时不出，此处不列。" +
    "项目、单位、编码、金额、指标和文字均为虚构。",
  sheets: [
    {
      name: "绩效运行监控表",
      rows: [
        ["项目支出绩效运行监控表"], // 1
        ["（2026年度 1-7月）"], // 2
        ["一、基本信息"], // 3
        ["项目名称", "2026年高标准农田建设项目", null, null, null, null, "项目编码", "23052126T000000000318"], // 4
        ["单位名称", "集贤县农业农村局", null, null, null, null, "单位编码", "305001"], // 5
        ["监控阶段", "1-7月", null, null, null, null, "项目总额（万元）", 2000], // 6
        ["年度绩效目标", "新建高标准农田3.2万亩，配套灌排渠道45公里，项目区粮食亩均增产50公斤，受益农户6000户，节水灌溉面积占比60%，农户满意度90%以上。"], // 7
        ["二、预算执行情况（万元）"], // 8
        ["资金来源", "预算数", null, null, "1-7月执行情况", null, "全年预计执行数", "备注"], // 9
        [null, "年初预算数", "调整预算数", "调整后预算数", "执行数", "执行率"], // 10
        // 合计: 2400 − 400 = 2000 adjusted; executed 300 + 60 + 236 = 596; 596 / 2000 = 29.80%
        ["合计", 2400, -400, 2000, 596, "29.80%", 2036], // 11
        ["中央补助资金", 1400, 0, 1400, 300, "21.43%", 1400], // 12: 300/1400
        ["省级补助资金", 600, -200, 400, 60, "15.00%", 400], // 13: 60/400
        // SEEDED: executed 236 > adjusted budget 200 → execution-above-budget at E14
        ["市县配套资金", 400, -200, 200, 236, "118.00%", 236, "含支付2025年度田间工程尾款36万元，已申请调整预算"], // 14
        ["三、绩效指标完成情况"], // 15
        ["一级指标", "二级指标", "三级指标", "计算符号", "年度指标值", "计量单位", "1-7月执行情况", "全年预计完成值", "完成可能性", "偏差分析", null, "备注"], // 16
        [null, null, null, null, null, null, "当前完成值", null, null, "偏差原因", "纠偏措施", null], // 17
        [
          "产出指标", "数量指标", "新建高标准农田面积", "≥", 3.2, "万亩", 1.1, 3, "有可能",
          "春季低温多雨，4个标段推迟开工约40天", "8月起增加施工班组两班作业，9月底前完成田间工程",
        ], // 18
        [null, null, "配套灌排渠道长度", "≥", 45, "公里", 24, 45, "确定能"], // 19
        [null, "质量指标", "工程验收合格率", "≥", 95, "%", "按计划推进", 95, "确定能"], // 20: qualitative progress
        [null, "时效指标", "年度建设任务完成时限", "≤", 11, "月", "按计划推进", 11, "确定能"], // 21
        [null, "成本指标", "亩均建设成本", "≤", 1500, "元", 1480, 1500, "确定能"], // 22
        // SEEDED: 年度指标值 blank → monitoring-value-missing at E23
        ["效益指标", "经济效益指标", "项目区粮食亩均增产", "≥", null, "公斤", "按计划推进", 50, "确定能"], // 23
        // SEEDED: current value blank → monitoring-value-missing at G24
        [null, "社会效益指标", "受益农户数", "≥", 6000, "户", null, 6000, "确定能"], // 24
        // SEEDED: deviation stated (J25), 纠偏措施 blank → correction-missing at K25
        [null, "生态效益指标", "节水灌溉面积占比", "≥", 60, "%", 25, 55, "有可能", "喷灌设备政府采购流标一次，设备尚未到货", null], // 25
        ["满意度指标", "服务对象满意度指标", "项目区农户满意度", "≥", 90, "%", 92, 92, "确定能", null, null, "6月阶段性问卷调查"], // 26
        ["四、监控分析"], // 27
        ["绩效目标执行情况", "1-7月完成高标准农田1.1万亩、灌排渠道24公里，资金执行596万元，执行率29.80%，低于序时进度。"], // 28
        ["未达到支出进度和绩效目标原因分析", "一是春季低温多雨推迟开工；二是喷灌设备采购流标；三是中央、省级资金按工程进度拨付，前期支付较少。"], // 29
        ["下一步工作措施", "倒排工期、增加施工力量，8月底前完成设备重新采购，按进度及时支付工程款。"], // 30
        [], // 31
        ["填报人：", null, null, "联系电话：", null, null, "单位负责人："], // 32
      ],
      merges: [
        "A1:L1", "A2:L2", "A3:L3",
        "B4:F4", "H4:L4", "B5:F5", "H5:L5", "B6:F6", "H6:L6", "B7:L7",
        "A8:L8",
        "A9:A10", "B9:D9", "E9:F9", "G9:G10", "H9:L10",
        "H11:L11", "H12:L12", "H13:L13", "H14:L14",
        "A15:L15",
        "A16:A17", "B16:B17", "C16:C17", "D16:D17", "E16:E17", "F16:F17", "H16:H17", "I16:I17", "J16:K16", "L16:L17",
        "A18:A22", "B18:B19", "A23:A25",
        "A27:L27", "B28:L28", "B29:L29", "B30:L30",
      ],
    },
  ],
  projects: [
    {
      sheet: "绩效运行监控表",
      name: "2026年高标准农田建设项目",
      kind: "monitoring",
      indicators: 9, // rows 18–26
      monitoring: {
        month: 7, // 1-7月 (A2, B6, E9, G16)
        // 合计 row, adjusted budget: 596 / 2000 = 0.298 (年初 2400 would give 0.2483 — the adjusted budget wins)
        executionRate: 0.298,
        // execution index = 29.8 ÷ (7/12) = 51.09 < 60 → red
        executionLight: "red",
        // progress = 当前完成值 ÷ (年度指标值 × 7/12) × 100, higher-is-better quantitative indicators only:
        //   新建面积 1.1 / (3.2 × 7/12) = 1.1 / 1.8667 = 58.93 → red
        //   渠道 24 / (45 × 7/12) = 24 / 26.25 = 91.43 → green
        //   节水占比 25 / (60 × 7/12) = 25 / 35 = 71.43 → yellow
        //   满意度 92 / (90 × 7/12) = 92 / 52.5 = 175.24 → blue (≥ 120)
        //   no light: 合格率 and 完成时限 (按计划推进, qualitative progress), 亩均成本 (≤, not higher-is-better),
        //   亩均增产 (no target), 受益农户 (no current value)
        lights: { green: 1, yellow: 1, red: 1, blue: 1 },
        // 停止拨款 needs execution red AND at least half of the indicators red or 完全不可能: 1 red, no 完全不可能 —
        // 1 of 9 indicators, 1 of the 4 with a light: not half either way. Execution red → 暂缓拨款.
        action: "暂缓拨款",
      },
      findings: [
        { code: "execution-above-budget", cell: "E14" }, // 市县配套资金 236 > 200
        { code: "monitoring-value-missing", cell: "E23" }, // 年度指标值 blank
        { code: "monitoring-value-missing", cell: "G24" }, // 当前完成值 blank
        { code: "correction-missing", cell: "K25" }, // deviation stated in J25, no 纠偏措施
        { code: "suspend-funding" },
      ],
      absent: [
        "stop-funding",
        "unreadable-value", // 按计划推进 is qualitative progress
        "monitoring-month-unknown",
        "expected-value-missing", // both 有可能 rows have 全年预计完成值 (H18, H25)
        "deviation-reason-missing", // both 有可能 rows state a reason (J18, J25)
        "indicator-name-missing",
      ],
    },
  ],
};

export default spec;
