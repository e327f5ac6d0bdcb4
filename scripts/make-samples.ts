// Writes the bundled sample workbooks in samples/ (the demo's data). Run with `npm run samples`; the files are committed.
// Projects are of the kind the 双鸭山 plan and the 黑河 clauses describe; names of people are invented.
import ExcelJS from "exceljs";
import { mkdirSync } from "node:fs";

type Row = (string | number | null)[];

function sheetFrom(wb: ExcelJS.Workbook, name: string, rows: Row[], merges: string[] = [], widths: number[] = []): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  rows.forEach((r) => ws.addRow(r));
  merges.forEach((m) => ws.mergeCells(m));
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.getRow(1).font = { bold: true, size: 14 };
  return ws;
}

async function targetWorkbook(): Promise<void> {
  const wb = new ExcelJS.Workbook();
  sheetFrom(
    wb,
    "绩效目标申报表",
    [
      ["项目支出绩效目标申报表（2026年度）"],
      ["项目名称", "城乡公共消防设施建设", null, "主管部门及编码", "双鸭山市应急管理局 401"],
      ["实施单位", "双鸭山市消防救援支队", null, "项目属性", "延续项目"],
      ["项目期", "2026年1月-2026年12月"],
      ["资金情况（万元）", "年度资金总额", 1200, "其中：财政拨款", 1000, "其他资金", 200],
      ["总体目标", "新建市政消火栓120个，改造老旧小区消防通道8处，城区消防供水覆盖率达到95%以上。"],
      [],
      ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重"],
      ["产出指标", "数量指标", "新建市政消火栓数量", "≥", 120, "个", 20],
      [null, null, "改造消防通道数量", "≥", 8, "处", 10],
      [null, "质量指标", "工程验收合格率", "=", 100, "%", 10],
      [null, "时效指标", "项目完工时间", "≤", 12, "月", 5],
      [null, "成本指标", "消火栓单位造价", "≤", 2.5, "万元/个", 5],
      ["效益指标", "社会效益指标", "城区消防供水覆盖率", "≥", 95, "%", 20],
      [null, "可持续影响指标", "设施使用年限", "≥", 10, "年", 10],
      ["满意度指标", "服务对象满意度指标", "周边居民满意度", "≥", 90, "%", 20],
    ],
    ["A9:A13", "A14:A15", "B9:B10"],
    [16, 18, 26, 10, 10, 10, 8],
  );
  await wb.xlsx.writeFile("samples/应急管理局-绩效目标申报表.xlsx");
}

async function selfEvaluationWorkbook(): Promise<void> {
  const wb = new ExcelJS.Workbook();
  sheetFrom(
    wb,
    "绩效自评表",
    [
      ["项目支出绩效自评表（2025年度）"],
      ["项目名称", "第一次全国自然灾害综合风险普查经费"],
      ["主管部门", "双鸭山市应急管理局", null, "实施单位", "双鸭山市减灾中心"],
      ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      [null, "年度资金总额", 300, 300, 270, 10, 0.9, 9],
      [null, "其中：当年财政拨款", 300, 300, 270, null, 0.9, null],
      ["年度总体目标", "预期目标", "完成全市自然灾害风险普查数据采集与审核。", null, "实际完成情况", "完成数据采集与审核，形成普查成果报告。"],
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
      ["产出指标", "数量指标", "普查调查对象覆盖率", "≥95%", "98%", 25, 25, null],
      [null, "质量指标", "数据质检合格率", "≥90%", "85%", 25, 23.61, "部分乡镇数据返工，已整改"],
      ["效益指标", "社会效益指标", "风险底数掌握程度", "明显提高", "达成年度指标", 30, 27, null],
      ["满意度指标", "服务对象满意度指标", "相关部门满意度", "≥90%", "92%", 10, 10, null],
      ["总分", null, null, null, null, 100, 94.61, null],
    ],
    ["A4:A6", "A9:A10", "A7:A7"],
    [16, 20, 24, 12, 14, 8, 8, 30],
  );
  await wb.xlsx.writeFile("samples/减灾中心-绩效自评表.xlsx");
}

async function monitoringWorkbook(): Promise<void> {
  const wb = new ExcelJS.Workbook();
  sheetFrom(
    wb,
    "运行监控",
    [
      ["项目绩效运行监控表（截至2026年7月）"],
      ["项目名称", "一级指标", "二级指标", "三级指标", "年度指标值", "1-7月完成值", "全年预计完成值", "完成目标可能性", "偏差原因分析", "年初预算数", "1-7月执行数"],
      ["基层政务公开标准化规范化", "产出指标", "数量指标", "公开事项目录编制数", "≥30个", 20, 32, "确定能", null, 80, 52],
      ["基层政务公开标准化规范化", "效益指标", "社会效益指标", "政务公开知晓率", "≥85%", "80%", "86%", "确定能", null, null, null],
      ["网民留言办理平台运维", "产出指标", "数量指标", "留言办结率", "≥95%", "60%", "80%", "有可能", "人员", 45, 9],
      ["网民留言办理平台运维", "产出指标", "时效指标", "平均办理时长", "≤10天", "18天", "15天", "完全不可能", "制度", null, null],
    ],
    [],
    [26, 10, 14, 20, 12, 12, 14, 14, 14, 10, 12],
  );
  const hidden = wb.addWorksheet("填表说明", { state: "hidden" });
  hidden.addRow(["完成目标可能性选择“有可能”或“完全不可能”时，须填写全年预计完成值和偏差原因。"]);
  await wb.xlsx.writeFile("samples/政务服务中心-绩效运行监控表.xlsx");
}

mkdirSync("samples", { recursive: true });
await targetWorkbook();
await selfEvaluationWorkbook();
await monitoringWorkbook();
console.log("samples/ 已生成 3 个示例工作簿");
