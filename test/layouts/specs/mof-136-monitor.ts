import type { LayoutSpec } from "../spec";

/**
 * 财预〔2019〕136号 附件 项目支出绩效目标执行监控表, reconstructed at 1-6月 (the form prints 1-7月).
 * Columns A–P. The indicator header spans two rows: 偏差原因分析 is a group over 经费保障 | 制度保障 | 人员保障 |
 * 硬件条件保障 | 其他, and 完成目标可能性 a group over 确定能 | 有可能 | 完全不可能 — the unit ticks “√” in one column;
 * the choice is the column holding the tick. 绩效指标 is ONE merged cell in column A over both header rows and every
 * indicator row. A 注 row below the table explains the ticks (not an indicator).
 * Not a defect table: one indicator is yellow, so the expected action is 预警; every field it needs is filled.
 */
const spec: LayoutSpec = {
  id: "mof-136-monitor",
  title: "项目支出绩效目标执行监控表（财预〔2019〕136号附件，1-6月）",
  source:
    "财政部《中央部门预算绩效运行监控管理暂行办法》（财预〔2019〕136号，2019年）附件“项目支出绩效目标执行监控表”（原表监控时点为1-7月）。" +
    "列集由公开代码佐证：com.braker 预算系统绩效监控明细（当前月执行情况、全年预计完成情况、经费保障/制度保障/人员保障/硬件保障/其他偏差原因、" +
    "完成目标可能性 1=确定能 2=有可能 3=完全不可能、偏差原因备注）；财政部 fasp2 pmkpi 监控模块（年初预算数、1-X月执行数、1-X月执行率、全年预计执行数；" +
    "一体化监控表 指标值、绩效指标完成情况、绩效指标全年预计完成情况、偏差原因分析、完成目标可能性）。",
  notes:
    "mof.gov.cn 原表未能在检索库中取得，按136号附件的常见印本重建：资金块（年初预算数｜1-7月执行数｜1-7月执行率｜全年预计执行数）、" +
    "年度总体目标（全年预期目标｜1-7月执行情况）、指标块（年度指标值｜1-7月执行情况｜全年预计完成情况｜偏差原因分析五栏｜完成目标可能性三栏｜备注），" +
    "按按6月监控的省份改为“1-6月”。资金行取年度资金总额/其中：财政拨款/其他资金（原表资金行的细分未能确认）。表下“注”的文字为据印本意译。示例内容为虚构。",
  sheets: [
    {
      name: "绩效监控表",
      rows: [
        ["项目支出绩效目标执行监控表"],
        ["（2026年度）"],
        ["项目名称", "2026年农村饮水安全工程维修养护"],
        ["主管部门及代码", "富锦市水务局（417）", null, null, null, null, null, "实施单位", "富锦市农村饮水安全工程管理站"],
        ["项目资金（万元）", null, null, null, "年初预算数", "1-6月执行数", "1-6月执行率", "全年预计执行数"],
        [null, "年度资金总额", null, null, 300, 132, "44%", 296], // 132/300 = 44%
        [null, "其中：财政拨款", null, null, 300, 132, "44%", 296],
        [null, "其他资金", null, null, 0, 0, null, 0],
        ["年度总体目标", "全年预期目标", null, null, null, null, null, "1-6月执行情况"],
        [
          null,
          "维修养护农村集中供水工程40处，工程验收合格率95%以上，保障5.2万农村人口饮水安全。",
          null,
          null,
          null,
          null,
          null,
          "已完成维修养护22处，合格率96%；因管材到货延迟，受益人口1.8万人。",
        ],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "1-6月执行情况", "全年预计完成情况", "偏差原因分析", null, null, null, null, "完成目标可能性", null, null, "备注"],
        [null, null, null, null, null, null, null, "经费保障", "制度保障", "人员保障", "硬件条件保障", "其他", "确定能", "有可能", "完全不可能", null],
        [null, "产出指标", "数量指标", "维修养护农村集中供水工程数量", "≥40处", "22处", "40处", null, null, null, null, null, "√", null, null, null],
        [null, null, "质量指标", "维修养护工程验收合格率", "≥95%", "96%", "96%", null, null, null, null, null, "√", null, null, null],
        [null, null, "时效指标", "报修问题按期处置率", "≥95%", "97%", "97%", null, null, null, null, null, "√", null, null, null],
        [null, null, "成本指标", "单处工程平均维修养护成本", "≤7万元", "6.6万元", "7万元", null, null, null, null, null, "√", null, null, null],
        [
          null,
          "效益指标",
          "社会效益指标",
          "受益农村人口",
          "≥5.2万人",
          "1.8万人",
          "5万人",
          null,
          null,
          null,
          "√",
          null,
          null,
          "√",
          null,
          "部分工程因管材到货延迟推迟开工，已协调供货商8月底前到货，预计全年受益5万人。",
        ],
        [null, null, "可持续影响指标", "工程设施完好率", "≥90%", "93%", "93%", null, null, null, null, null, "√", null, null, null],
        [null, "满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "92%", "92%", null, null, null, null, null, "√", null, null, null],
        [],
        [
          "注：1.偏差原因分析：针对偏差情况，从经费保障、制度保障、人员保障、硬件条件保障等方面判断，在相应栏目中打“√”，其他原因在“其他”栏说明；" +
            "2.完成目标可能性：在“确定能”“有可能”“完全不可能”中选择一项打“√”；3.备注：说明预计到年底不能完成目标的原因及拟采取的措施。",
        ],
      ],
      merges: [
        "A1:P1",
        "A2:P2",
        "B3:P3",
        "B4:G4",
        "I4:P4",
        "A5:A8", // 项目资金（万元）
        "B5:D5",
        "B6:D6",
        "B7:D7",
        "B8:D8",
        "H5:P5",
        "H6:P6",
        "H7:P7",
        "H8:P8",
        "A9:A10",
        "B9:G9",
        "H9:P9",
        "B10:G10",
        "H10:P10",
        "A11:A19", // the merged group label 绩效指标 over both header rows and 7 indicator rows
        "B11:B12",
        "C11:C12",
        "D11:D12",
        "E11:E12",
        "F11:F12",
        "G11:G12",
        "H11:L11", // 偏差原因分析
        "M11:O11", // 完成目标可能性
        "P11:P12", // 备注
        "B13:B16", // 产出指标
        "B17:B18", // 效益指标
        "A21:P21", // 注
      ],
    },
  ],
  projects: [
    {
      sheet: "绩效监控表",
      name: "2026年农村饮水安全工程维修养护",
      kind: "monitoring",
      indicators: 7, // rows 13–19
      monitoring: {
        month: 6, // 1-6月 in F5/G5, F11, H9
        executionLight: "green", // 44% ÷ (6/12) × 100 = 88 ≥ 80
        // progress = 完成值 ÷ (目标 × 6/12) × 100:
        //   22/(40×0.5) = 110 green; 96/47.5 = 202 blue; 97/47.5 = 204 blue; 成本 ≤7万元 (lower is better, 6.6 ≤ 7) not yellow/red;
        //   1.8/(5.2×0.5) = 69.2 yellow; 93/45 = 207 blue; 92/45 = 204 blue.
        // execution not red, no 完全不可能, 0 red → not 暂缓/停止; one yellow → 预警
        action: "预警",
      },
      findings: [{ code: "monitoring-warning" }],
      absent: [
        "suspend-funding",
        "stop-funding",
        "monitoring-month-unknown",
        "deviation-reason-missing", // row 17 (有可能) has the tick under 硬件条件保障 (K17) and a reason in 备注 (P17)
        "expected-value-missing", // G17 = 5万人
        "indicator-name-missing",
      ],
    },
  ],
};

export default spec;
