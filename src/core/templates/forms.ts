import type { SheetSpec, SpecCell } from "../sheet";
import {
  ATTRIBUTE, blank, DEPT_LEVEL1, DEPT_LEVEL2, DEPT_SKELETON, DEVIATION, header, input, label, LEVEL1, LEVEL2, NATURE, note, PERCENT, POSSIBILITY, PROJECT_TYPE,
  QUALITATIVE, reviewHeader, reviewInput, row, SKELETON, title, WAN_YUAN,
} from "./parts";

/** Rows of indicators a form offers beyond the skeleton, for a unit with more to say. */
const EXTRA_ROWS = 8;

function indicatorRows(width: number, fills: (level1: string, level2: string) => SpecCell[], skeleton = SKELETON): SpecCell[][] {
  const rows: SpecCell[][] = skeleton.map(([l1, l2]) => row([input(l1), input(l2), ...fills(l1, l2)], width, () => input()));
  for (let i = 0; i < EXTRA_ROWS; i++) rows.push(row([input(), input(), ...fills("", "")], width, () => input()));
  return rows;
}

/** 项目支出绩效目标申报表, form layout (one project per sheet), as the official form. */
export function targetTemplate(): SheetSpec {
  const W = 8;
  const rows: SpecCell[][] = [
    row([title("项目支出绩效目标申报表")], W),
    row([label("填报年度"), input(null, "0"), blank(), blank(), label("填报日期"), input(null, "yyyy-mm-dd")], W, blank),
    row([label("项目名称"), input(), input(), input(), label("主管部门及编码"), input(), input(), input()], W),
    row([label("实施单位"), input(), input(), input(), label("项目属性"), input(), input(), input()], W),
    row([label("项目期"), input(), input(), input(), label("项目类型"), input(), input(), input()], W),
    row([label("投资评审报告"), input(), input(), input(), label("上级领导批示"), input(), input(), input()], W),
    row([label("资金情况（万元）"), label("年度资金总额"), input(null, WAN_YUAN), blank(), blank(), blank(), blank(), blank()], W),
    row([label(""), label("其中：财政拨款"), input(null, WAN_YUAN)], W, blank),
    row([label(""), label("其他资金"), input(null, WAN_YUAN)], W, blank),
    row([label("总体目标"), input(), input(), input(), input(), input(), input(), input()], W),
    ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重", "指标值设定依据"].map(header),
  ];
  const gridTop = rows.length;
  rows.push(...indicatorRows(W, () => []));
  const end = rows.length;
  rows.push([], row([label("项目负责人"), input(), label("联系电话"), input(), label("填表人"), input(), blank(), blank()], W, blank));
  return {
    name: "绩效目标申报表",
    rows,
    columnWidths: [16, 20, 28, 10, 14, 12, 8, 26],
    rowHeights: { 0: 30, 9: 60 },
    merges: ["A1:H1", "B3:D3", "F3:H3", "B4:D4", "F4:H4", "B5:D5", "F5:H5", "B6:D6", "F6:H6", "A7:A9", "B10:H10"],
    validations: [
      { range: "F4", values: ATTRIBUTE, prompt: "新增项目、延续项目或经常性项目" },
      { range: "F5", values: PROJECT_TYPE, prompt: "建设投资项目须先附投资评审预算报告，紧急情况须有上级领导批示" },
      { range: `A${gridTop + 1}:A${end}`, values: LEVEL1 },
      { range: `B${gridTop + 1}:B${end}`, values: LEVEL2 },
      { range: `D${gridTop + 1}:D${end}`, values: NATURE, prompt: "定量指标选 ≥ ≤ = 等；成本指标应为 ≤" },
    ],
    protect: true,
    print: { orientation: "portrait", fitToWidth: true, titleRows: [gridTop, gridTop] },
    tabColor: "2F5597",
  };
}

/** 项目支出绩效自评表, with the finance reviewer's columns at the right, set apart in green. */
export function selfEvaluationTemplate(): SheetSpec {
  const W = 13;
  const rows: SpecCell[][] = [
    row([title("项目支出绩效自评表")], W),
    row([label("评价年度"), input(null, "0")], W, blank),
    row([label("项目名称"), input(), input(), input(), label("实施单位"), input(), input(), input()], W, blank),
    row([label("主管部门"), input(), input(), input(), label("项目负责人"), input(), input(), input()], W, blank),
    row([label("项目资金（万元）"), label(""), header("年初预算数"), header("全年预算数（A）"), header("全年执行数（B）"), header("分值"), header("执行率（B/A）"), header("得分")], W, blank),
    ...["年度资金总额", "其中：当年财政拨款", "上年结转资金", "其他资金"].map((l, i) =>
      row([label(""), label(l), input(null, WAN_YUAN), input(null, WAN_YUAN), input(null, WAN_YUAN), i === 0 ? input(10, "0") : label(""), input(null, PERCENT), i === 0 ? input(null, "0.00") : label("")], W, blank),
    ),
    row([label("年度总体目标"), label("预期目标"), input(), input(), label("实际完成情况"), input(), input(), input()], W, blank),
    row([blank(), blank(), blank(), blank(), blank(), blank(), blank(), blank(), blank(), reviewHeader("财政复核（由财政部门填写）"), reviewHeader(""), reviewHeader(""), reviewHeader("")], W),
    [
      ...["一级指标", "二级指标", "三级指标", "指标性质", "年度指标值（A）", "实际完成值（B）", "分值", "得分", "偏差原因分析及改进措施"].map(header),
      ...["复核完成值", "复核得分", "扣分原因", "违法违纪线索"].map(reviewHeader),
    ],
  ];
  const gridTop = rows.length;
  rows.push(...indicatorRows(W, () => []).map((r) => [...r.slice(0, 9), reviewInput(), reviewInput(), reviewInput(), reviewInput()]));
  const end = rows.length;
  rows.push(
    row([label("总分"), label(""), label(""), label(""), label(""), label(""), input(100, "0"), input(null, "0.00"), label(""), reviewHeader(""), reviewInput(), reviewHeader(""), reviewHeader("")], W),
    [],
    row([label("单位确认"), input(), input(), input()], W, blank),
    row([label("填表人"), input(), label("联系电话"), input()], W, blank),
    row([note("“单位确认”：收到评价结果反馈通知书后填写“已确认”，或写明异议。")], W, blank),
  );
  return {
    name: "绩效自评表",
    rows,
    columnWidths: [14, 16, 24, 10, 14, 14, 8, 8, 30, 12, 10, 24, 20],
    rowHeights: { 0: 30 },
    merges: ["A1:M1", "B3:D3", "F3:H3", "B4:D4", "F4:H4", "A5:A9", "C10:D10", "F10:H10", `J${gridTop - 1}:M${gridTop - 1}`, "B" + (end + 3) + ":D" + (end + 3)],
    validations: [
      { range: `A${gridTop + 1}:A${end}`, values: LEVEL1 },
      { range: `B${gridTop + 1}:B${end}`, values: LEVEL2 },
      { range: `D${gridTop + 1}:D${end}`, values: NATURE },
      { range: `F${gridTop + 1}:F${end}`, values: QUALITATIVE, prompt: "定量指标填数值；定性指标从下拉列表选择完成档次", strict: false },
    ],
    protect: true,
    print: { orientation: "landscape", fitToWidth: true, titleRows: [gridTop, gridTop] },
    tabColor: "548235",
  };
}

/** 项目绩效运行监控表 ("双监控"): budget execution and target progress at a monitoring point. */
export function monitoringTemplate(): SheetSpec {
  const W = 8;
  const rows: SpecCell[][] = [
    row([title("项目绩效运行监控表")], W),
    row([label("监控时点（截至月份）"), input(7, "0"), note("通常为 1-7 月，8 月报送")], W, blank),
    row([label("项目名称"), input(), input(), label("实施单位"), input(), input(), label("主管部门"), input()], W),
    row([header("年初预算数"), header("截至监控时点执行数"), header("执行率"), header("全年预计执行数")], W, blank),
    row([input(null, WAN_YUAN), input(null, WAN_YUAN), input(null, PERCENT), input(null, WAN_YUAN)], W, blank),
    ["一级指标", "二级指标", "三级指标", "年度指标值", "截至监控时点完成值", "全年预计完成值", "完成目标可能性", "偏差原因分析"].map(header),
  ];
  const gridTop = rows.length;
  rows.push(...indicatorRows(W, () => []));
  const end = rows.length;
  rows.push([], row([label("填表人"), input(), label("联系电话"), input()], W, blank));
  return {
    name: "绩效运行监控表",
    rows,
    columnWidths: [14, 16, 26, 14, 16, 14, 14, 30],
    rowHeights: { 0: 30 },
    merges: ["A1:H1", "B3:C3", "E3:F3"],
    validations: [
      { range: "B2", values: Array.from({ length: 12 }, (_, i) => String(i + 1)), prompt: "截至几月（1-12）" },
      { range: `A${gridTop + 1}:A${end}`, values: LEVEL1 },
      { range: `B${gridTop + 1}:B${end}`, values: LEVEL2 },
      { range: `G${gridTop + 1}:G${end}`, values: POSSIBILITY, prompt: "选“有可能”或“完全不可能”时，须填写全年预计完成值和偏差原因" },
      { range: `H${gridTop + 1}:H${end}`, values: DEVIATION, prompt: "选择原因类别，或直接写明原因", strict: false },
    ],
    protect: true,
    print: { orientation: "landscape", fitToWidth: true, titleRows: [gridTop, gridTop] },
    tabColor: "BF8F00",
  };
}

/** Many projects on one sheet, one indicator per row, as budget systems export them. */
export function listTemplates(): SheetSpec[] {
  const make = (name: string, labels: string[], widths: number[], validations: SheetSpec["validations"], reviewFrom?: number): SheetSpec => {
    const rows: SpecCell[][] = [
      row([title(name)], labels.length),
      labels.map((h, i) => (reviewFrom !== undefined && i >= reviewFrom ? reviewHeader(h) : header(h))),
    ];
    for (let i = 0; i < 60; i++) rows.push(labels.map((_, c) => (reviewFrom !== undefined && c >= reviewFrom ? reviewInput() : input())));
    return {
      name,
      rows,
      columnWidths: widths,
      freezeRows: 2,
      validations,
      protect: true,
      print: { orientation: "landscape", fitToWidth: true, titleRows: [2, 2] },
    };
  };
  const col = (labels: string[], h: string) => String.fromCharCode(65 + labels.indexOf(h));
  const grid = (labels: string[], h: string) => `${col(labels, h)}3:${col(labels, h)}62`;
  const target = ["项目名称", "主管部门", "实施单位", "年度资金总额", "财政拨款", "其他资金", "总体目标", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重"];
  const monitor = ["项目名称", "实施单位", "年初预算数", "截至监控时点执行数", "一级指标", "二级指标", "三级指标", "年度指标值", "截至监控时点完成值", "全年预计完成值", "完成目标可能性", "偏差原因分析"];
  const self = ["项目名称", "实施单位", "全年预算数", "全年执行数", "一级指标", "二级指标", "三级指标", "指标性质", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析", "复核完成值", "复核得分", "扣分原因", "违法违纪线索"];
  const levels = (h: string[]) => [
    { range: grid(h, "一级指标"), values: LEVEL1 },
    { range: grid(h, "二级指标"), values: LEVEL2 },
  ];
  const monitorSheet = make("运行监控清单", monitor, [22, 18, 12, 14, 12, 14, 22, 12, 14, 14, 12, 24], [
    ...levels(monitor),
    { range: grid(monitor, "完成目标可能性"), values: POSSIBILITY },
  ]);
  monitorSheet.rows[0] = row([title("运行监控清单"), blank(), blank(), blank(), blank(), blank(), blank(), label("监控时点（截至月份）"), input(7, "0")], monitor.length);
  return [
    make("绩效目标清单", target, [22, 16, 18, 12, 12, 10, 30, 12, 14, 22, 10, 12, 10, 8], [...levels(target), { range: grid(target, "指标性质"), values: NATURE }]),
    monitorSheet,
    make("自评清单", self, [22, 18, 12, 12, 12, 14, 22, 10, 12, 12, 8, 8, 24, 12, 10, 20, 18], [
      ...levels(self),
      { range: grid(self, "指标性质"), values: NATURE },
      { range: grid(self, "实际完成值"), values: QUALITATIVE, strict: false },
    ], self.indexOf("复核完成值")),
  ];
}

/** The finance bureau's 预算项目清单: the projects the budget funds, against which coverage is checked. */
export function budgetListTemplate(): SheetSpec {
  const labels = ["项目编码", "项目名称", "单位", "预算金额（万元）", "新增/延续", "是否重大", "备注"];
  const rows: SpecCell[][] = [row([title("预算项目清单")], labels.length), labels.map(header)];
  for (let i = 0; i < 100; i++) rows.push([input(), input(), input(), input(null, WAN_YUAN), input(), input(), input()]);
  const column = (h: string) => String.fromCharCode(65 + labels.indexOf(h));
  return {
    name: "预算项目清单",
    rows,
    columnWidths: [22, 30, 26, 14, 10, 10, 24],
    freezeRows: 2,
    validations: [
      { range: `${column("新增/延续")}3:${column("新增/延续")}102`, values: ["新增", "延续"] },
      { range: `${column("是否重大")}3:${column("是否重大")}102`, values: ["是", "否"] },
    ],
    protect: true,
    print: { orientation: "landscape", fitToWidth: true, titleRows: [2, 2] },
  };
}

/** 事前绩效评估表 (四(三)1): the five points, 20 points each by default, with the reasoning for each and the conclusion. */
export function exAnteTemplate(): SheetSpec {
  const points = ["立项必要性", "投入经济性", "绩效目标合理性", "实施方案可行性", "筹资合规性"];
  const rows: SpecCell[][] = [
    row([title("事前绩效评估表")], 4),
    [label("项目名称"), input(), label("项目编码"), input()],
    [label("主管部门"), input(), label("实施单位"), input()],
    [label("申请金额（万元）"), input(null, WAN_YUAN), label("评估年度"), input(null, "0")],
    [header("评估要点"), header("分值"), header("得分"), header("评估意见（理由）")],
    ...points.map((p): SpecCell[] => [label(p), { value: 20, style: "label" }, input(null, "0.00"), input()]),
    [label("总分"), { value: 100, style: "label" }, input(null, "0.00"), blank()],
    [label("评估结论"), input(), note("80 分以上予以支持，60–80 分调整完善后支持，60 分以下不予支持"), blank()],
    [label("评估人"), input(), label("评估日期"), input(null, "yyyy-mm-dd")],
  ];
  return {
    name: "事前绩效评估表",
    rows,
    columnWidths: [20, 28, 16, 60],
    merges: ["A1:D1"],
    validations: [{ range: "B12", values: ["予以支持", "调整完善后支持", "不予支持"] }],
    protect: true,
    print: { orientation: "portrait", fitToWidth: true },
  };
}

/** The columns of a 整改情况表, shared by the template a unit fills and the 整改台账 the add-in writes. */
export const RECTIFICATION_COLUMNS = ["序号", "项目编码", "项目名称", "实施单位", "问题", "整改期限", "整改措施", "整改结果", "完成日期", "佐证材料"];

/** 整改情况表 (四(三)5): the unit answers each problem of its 反馈通知书 / 再评价报告. */
export function rectificationTemplate(): SheetSpec {
  const labels = RECTIFICATION_COLUMNS;
  const rows: SpecCell[][] = [row([title("整改情况表")], labels.length), labels.map(header)];
  const column = (h: string) => String.fromCharCode(65 + labels.indexOf(h));
  for (let i = 0; i < 50; i++) {
    rows.push(labels.map((h) => (h === "整改期限" || h === "完成日期" ? input(null, "yyyy-mm-dd") : h === "序号" ? input(null, "0") : input())));
  }
  return {
    name: "整改情况表",
    rows,
    columnWidths: [6, 18, 26, 22, 40, 12, 36, 14, 12, 26],
    freezeRows: 2,
    validations: [{ range: `${column("整改结果")}3:${column("整改结果")}52`, values: ["已整改", "整改中", "未整改"], prompt: "已整改的须填写完成日期和佐证材料" }],
    protect: true,
    print: { orientation: "landscape", fitToWidth: true, titleRows: [2, 2] },
  };
}

/**
 * 部门（单位）整体支出绩效目标申报表 (88号 附件 with the provinces' four areas): 部门职责, the 年度主要任务 with their
 * funds and 金额合计, the 年度总体目标 and the indicators.
 */
export function departmentTargetTemplate(): SheetSpec {
  const W = 8;
  const TASKS = 6;
  const rows: SpecCell[][] = [
    row([title("部门（单位）整体支出绩效目标申报表")], W),
    row([label("填报年度"), input(null, "0")], W, blank),
    row([label("部门（单位）名称"), input(), input(), input(), input(), input(), input(), input()], W),
    row([label("部门职责"), input(), input(), input(), input(), input(), input(), input()], W),
    row([label("年度主要任务"), header("任务名称"), header("主要内容"), header("预算金额（万元）"), header(""), header(""), blank(), blank()], W, blank),
    row([label(""), header(""), header(""), header("总额"), header("财政拨款"), header("其他资金")], W, blank),
  ];
  for (let i = 0; i < TASKS; i++) rows.push(row([label(""), input(), input(), input(null, WAN_YUAN), input(null, WAN_YUAN), input(null, WAN_YUAN)], W, blank));
  rows.push(row([label(""), label("金额合计"), label(""), input(null, WAN_YUAN), input(null, WAN_YUAN), input(null, WAN_YUAN)], W, blank));
  const total = rows.length;
  rows.push(row([label("年度总体目标"), input(), input(), input(), input(), input(), input(), input()], W));
  rows.push(["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重", "指标值设定依据"].map(header));
  const gridTop = rows.length;
  rows.push(...indicatorRows(W, () => [], DEPT_SKELETON));
  const end = rows.length;
  rows.push([], row([label("部门负责人"), input(), label("联系电话"), input(), label("填表人"), input(), blank(), blank()], W, blank));
  return {
    name: "部门整体绩效目标申报表",
    rows,
    columnWidths: [16, 20, 30, 12, 12, 12, 8, 26],
    rowHeights: { 0: 30, 3: 48, [total]: 60 },
    merges: ["A1:H1", "B3:H3", "B4:H4", `A5:A${total}`, "B5:B6", "C5:C6", "D5:F5", `B${total + 1}:H${total + 1}`],
    validations: [
      { range: `A${gridTop + 1}:A${end}`, values: DEPT_LEVEL1, prompt: "部门整体绩效指标须覆盖履职效能、管理效率、社会效应和服务对象满意度" },
      { range: `B${gridTop + 1}:B${end}`, values: DEPT_LEVEL2, strict: false },
      { range: `D${gridTop + 1}:D${end}`, values: NATURE },
    ],
    protect: true,
    print: { orientation: "portrait", fitToWidth: true, titleRows: [gridTop, gridTop] },
    tabColor: "2F5597",
  };
}

/** 部门（单位）整体支出绩效自评表: the project form's funds block and grid under the department's name and duties. */
export function departmentSelfEvaluationTemplate(): SheetSpec {
  const base = selfEvaluationTemplate();
  const W = 13;
  const rows = base.rows.map((r) => [...r]);
  rows[0] = row([title("部门（单位）整体支出绩效自评表")], W);
  rows[2] = row([label("部门（单位）名称"), input(), input(), input(), label("部门负责人"), input(), input(), input()], W, blank);
  rows[3] = row([label("部门职责"), input(), input(), input(), input(), input(), input(), input()], W, blank);
  const gridTop = rows.findIndex((r) => r[0]?.value === "一级指标") + 1;
  DEPT_SKELETON.forEach(([l1, l2], i) => {
    rows[gridTop + i] = [input(l1), input(l2), ...rows[gridTop + i].slice(2)];
  });
  // The project skeleton has two rows more than the department's: they stay as free rows.
  for (let i = DEPT_SKELETON.length; i < SKELETON.length; i++) rows[gridTop + i] = [input(), input(), ...rows[gridTop + i].slice(2)];
  return {
    ...base,
    name: "部门整体绩效自评表",
    rows,
    merges: (base.merges ?? []).map((m) => (m === "B4:D4" ? "B4:H4" : m)).filter((m) => m !== "F4:H4"),
    validations: (base.validations ?? []).map((v) =>
      v.values === LEVEL1 ? { ...v, values: DEPT_LEVEL1 } : v.values === LEVEL2 ? { ...v, values: DEPT_LEVEL2, strict: false } : v),
  };
}
