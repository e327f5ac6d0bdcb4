import type { LayoutSpec } from "../spec";

/**
 * 财预〔2015〕88号 附件 部门（单位）整体支出绩效目标申报表, as printed (columns A–F):
 * 部门（单位）名称; 年度主要任务 merged on the left over a two-row header (任务名称 | 主要内容 | 预算金额（万元）→ 总额 | 财政拨款 |
 * 其他资金), the task rows and 金额合计; 年度总体目标; 年度绩效指标 as ONE merged cell in column A over the header row and every
 * indicator row, with 一级指标 | 二级指标 | 三级指标 | 指标值 (指标值 merged over E:F, comparator and unit inside the value).
 * Clean table.
 */
const spec: LayoutSpec = {
  id: "mof-dept-target",
  title: "部门（单位）整体支出绩效目标申报表（财预〔2015〕88号附件）",
  source:
    "财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号，2015年）附件“部门（单位）整体支出绩效目标申报表”。" +
    "mof.gov.cn 原文页未能在检索库中取得；版式按88号附件的常见印本重建。",
  notes:
    "预算金额（万元）下分总额/财政拨款/其他资金三栏、年度绩效指标一栏指标值，为88号附件印本的通常读法；原件每个二级指标下的“指标1：指标2：……”" +
    "占位行以实际指标替换。部门表没有项目名称/主管部门/实施单位，读取时以部门（单位）名称为名称、金额合计为年度资金总额。示例内容为虚构。",
  sheets: [
    {
      name: "部门整体支出绩效目标申报表",
      rows: [
        ["部门（单位）整体支出绩效目标申报表"],
        ["（2026年度）"],
        ["部门（单位）名称", "佳木斯市市场监督管理局"],
        ["年度主要任务", "任务名称", "主要内容", "预算金额（万元）"],
        [null, null, null, "总额", "财政拨款", "其他资金"],
        [null, "食品安全抽检监测", "全年完成食品安全监督抽检4000批次，不合格食品核查处置", 260, 260, 0],
        [null, "特种设备安全监察", "电梯、锅炉、压力容器等特种设备监督检查和隐患治理", 120, 120, 0],
        [null, "知识产权保护与运用", "专利申请资助、知识产权维权援助和执法", 80, 60, 20],
        [null, "机关运行保障", "人员经费及日常公用经费", 540, 520, 20],
        // 260+120+80+540 = 1000; 260+120+60+520 = 960; 0+0+20+20 = 40; 960 + 40 = 1000
        [null, "金额合计", null, 1000, 960, 40],
        ["年度总体目标", "目标1：食品安全监督抽检4000批次以上，评价性抽检合格率98%以上；目标2：特种设备监督检查1500台次，隐患整改闭环；目标3：新增市场主体1.2万户，有效发明专利拥有量增长10%以上。"],
        ["年度绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
        [null, "产出指标", "数量指标", "食品安全监督抽检批次", "≥4000批次"],
        [null, null, null, "特种设备监督检查台次", "≥1500台次"],
        [null, null, "质量指标", "抽检不合格食品核查处置率", "=100%"],
        [null, null, "时效指标", "企业开办办理时限", "≤1个工作日"],
        [null, null, "成本指标", "单批次食品抽检平均成本", "≤0.065万元"],
        [null, "效益指标", "经济效益指标", "全市新增市场主体数", "≥1.2万户"],
        [null, null, "社会效益指标", "全市食品安全评价性抽检合格率", "≥98%"],
        [null, null, "可持续影响指标", "有效发明专利拥有量年增长率", "≥10%"],
        [null, "满意度指标", "服务对象满意度指标", "群众对市场监管工作满意度", "≥90%"],
      ],
      merges: [
        "A1:F1",
        "A2:F2",
        "B3:F3",
        "A4:A10", // 年度主要任务 over the header, 4 tasks and 金额合计
        "B4:B5",
        "C4:C5",
        "D4:F4",
        "B10:C10",
        "B11:F11",
        "A12:A21", // the merged group label 年度绩效指标
        "E12:F12",
        "B13:B17",
        "C13:C14",
        "E13:F13",
        "E14:F14",
        "E15:F15",
        "E16:F16",
        "E17:F17",
        "B18:B20",
        "E18:F18",
        "E19:F19",
        "E20:F20",
        "E21:F21",
      ],
    },
  ],
  projects: [
    {
      sheet: "部门整体支出绩效目标申报表",
      name: "佳木斯市市场监督管理局",
      kind: "target",
      indicators: 9, // rows 13–21
      targetVerdict: "通过",
      absent: [
        "missing-field", // a department form has 部门（单位）名称 and 金额合计 in place of 项目名称/主管部门/实施单位/年度资金总额
        "funds-mismatch", // 960 + 40 = 1000, and every task row adds up
        "missing-dimension",
        "indicator-name-missing",
        "target-not-measurable",
        "quantified-ratio-low", // 9/9 quantified
        "direction-mismatch",
        "misplaced-indicator",
      ],
    },
  ],
};

export default spec;
