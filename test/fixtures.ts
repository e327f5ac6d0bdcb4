/**
 * Small, readable tables in the official layouts, built with exceljs and read back from real .xlsx bytes.
 * Each builder returns a clean table; tests change one thing and look for the one finding it should cause.
 */
import ExcelJS from "exceljs";
import type { WorkbookSnapshot } from "../src/core/sheet";
import { ExcelJsHost } from "../src/hosts/exceljs-host";

export type Row = (string | number | null | { formula: string; result?: unknown })[];

export interface SheetDef {
  name: string;
  rows: Row[];
  merges?: string[];
  hidden?: boolean;
}

export async function buildWorkbook(sheets: SheetDef[]): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, s.hidden ? { state: "hidden" } : {});
    s.rows.forEach((r, i) => {
      r.forEach((v, c) => {
        if (v !== null) ws.getCell(i + 1, c + 1).value = v as ExcelJS.CellValue;
      });
    });
    for (const m of s.merges ?? []) ws.mergeCells(m);
  }
  return wb;
}

/** Writes the sheets to .xlsx bytes and reads them back through the exceljs host, as the CLI does. */
export async function snapshot(sheets: SheetDef[], file = "测试.xlsx"): Promise<WorkbookSnapshot> {
  const wb = await buildWorkbook(sheets);
  const bytes = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(bytes as ArrayBuffer);
  return new ExcelJsHost(back, file).read();
}

/** 绩效目标申报表, classic tree, official layout with merged 一级/二级 cells. Clean: no finding at all. */
export function targetSheet(): SheetDef {
  return {
    name: "绩效目标申报表",
    rows: [
      ["项目支出绩效目标申报表"],
      ["（2026年度）"],
      ["项目名称", "基层政务公开标准化规范化", null, null, "主管部门及编码", "双鸭山市人民政府办公室 101"],
      ["实施单位", "双鸭山市政务公开办公室", null, null, "项目属性", "经常性项目"],
      ["项目期", "2026年1月-2026年12月"],
      ["资金情况（万元）", "年度资金总额", 80],
      [null, "其中：财政拨款", 80],
      [null, "其他资金", 0],
      ["总体目标", "编制基层政务公开事项目录30个，信息公开准确率达到98%以上，群众知晓率达到85%。"],
      ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重", "指标值设定依据"],
      ["产出指标", "数量指标", "公开事项目录编制数", "≥", 30, "个", 15, "2025年为25个"],
      [null, "质量指标", "信息公开准确率", "≥", 98, "%", 15, null],
      [null, null, "政务公开平台可用率", "≥", 99, "%", 10, null],
      [null, "时效指标", "主动公开信息时限", "≤", 20, "工作日", 10, null],
      [null, "成本指标", "平台运维单价", "≤", 12, "万元/年", 10, null],
      ["效益指标", "社会效益指标", "政务公开知晓率", "≥", 85, "%", 15, null],
      [null, "可持续影响指标", "公开制度执行年限", "≥", 3, "年", 10, null],
      ["满意度指标", "服务对象满意度指标", "群众满意度", "≥", 90, "%", 15, null],
      [],
      ["填表人：王某", null, null, "联系电话：0469-0000000"],
    ],
    merges: ["A1:H1", "A2:H2", "B3:D3", "F3:H3", "B4:D4", "F4:H4", "B5:H5", "A6:A8", "B9:H9", "A11:A15", "B12:B13", "A16:A17"],
  };
}

/** 绩效自评表 with the reviewer's columns (empty). Clean: recomputes to 94.54, as the unit wrote. */
export function selfEvaluationSheet(): SheetDef {
  return {
    name: "绩效自评表",
    rows: [
      ["项目支出绩效自评表（2025年度）"],
      ["项目名称", "网民留言办理平台运维", null, null, "实施单位", "双鸭山市政务服务中心"],
      ["主管部门", "双鸭山市人民政府办公室"],
      ["项目资金（万元）", null, "年初预算数", "全年预算数（A）", "全年执行数（B）", "分值", "执行率（B/A）", "得分"],
      [null, "年度资金总额", 50, 50, 45, 10, "90%", 9],
      [null, "其中：当年财政拨款", 50, 50, 45, null, "90%", null],
      [null, "上年结转资金", 0, 0, 0, null, null, null],
      ["年度总体目标", "预期目标", "全年办结网民留言1200件以上。", null, "实际完成情况", "办结1260件。"],
      ["一级指标", "二级指标", "三级指标", "指标性质", "年度指标值（A）", "实际完成值（B）", "分值", "得分", "偏差原因分析及改进措施", "复核完成值", "复核得分", "扣分原因", "违法违纪线索"],
      ["产出指标", "数量指标", "留言办结数", "≥", "1200件", "1260件", 20, 20, null],
      [null, "质量指标", "留言办结率", "≥", "95%", "90%", 15, 14.21, "部分留言涉及多部门，已建立会商机制"],
      [null, "时效指标", "平均办理时长", "≤", "10天", "12天", 10, 8.33, "高峰期人员不足，已增配坐席"],
      [null, "成本指标", "年度运维成本", "≤", "50万元", "45万元", 5, 5, null],
      ["效益指标", "社会效益指标", "群众诉求解决情况", "定性", "有效解决", "达成年度指标", 15, 13, null],
      [null, "可持续影响指标", "平台持续运行年限", "≥", "3年", "3年", 15, 15, null],
      ["满意度指标", "服务对象满意度指标", "留言人满意度", "≥", "90%", "93%", 10, 10, null],
      ["总分", null, null, null, null, null, 100, 94.54],
    ],
    merges: ["A1:M1", "A4:A7", "A10:A13", "A14:A15"],
  };
}

/** 绩效运行监控表 at 1-7月, form layout. Clean: execution 60% at month 7 is green, every indicator on track. */
export function monitoringSheet(): SheetDef {
  return {
    name: "运行监控表",
    rows: [
      ["项目绩效运行监控表"],
      ["监控时点：2026年1-7月"],
      ["项目名称", "城乡公共消防设施运维", null, "实施单位", "双鸭山市消防救援支队"],
      ["年初预算数", "1-7月执行数", "执行率", "全年预计执行数"],
      [100, 60, "60%", 100],
      ["一级指标", "二级指标", "三级指标", "年度指标值", "1-7月完成值", "全年预计完成值", "完成目标可能性", "偏差原因分析"],
      ["产出指标", "数量指标", "消火栓维护数量", "≥120个", 80, 120, "确定能", null],
      [null, "质量指标", "设施完好率", "≥95%", "96%", "96%", "确定能", null],
      ["效益指标", "社会效益指标", "火灾扑救用水保障率", "≥98%", "99%", "99%", "确定能", null],
      ["满意度指标", "服务对象满意度指标", "居民满意度", "≥90%", "91%", "91%", "确定能", null],
    ],
    merges: ["A7:A8"],
  };
}

/** Rows of a sheet as a mutable copy, to change one cell in a test. */
export function withCell(def: SheetDef, address: string, value: Row[number]): SheetDef {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const row = Number(m[2]) - 1;
  const rows = def.rows.map((r) => [...r]);
  while (rows.length <= row) rows.push([]);
  while (rows[row].length <= col) rows[row].push(null);
  rows[row][col] = value;
  return { ...def, rows };
}

/** 考核结果 holds the actual values and 评分 the scores: neither word is one the reader knows. */
export function countySelfEvaluation(): SheetDef {
  return {
    name: "自评表",
    rows: [
      ["2025年度乡村道路养护项目支出绩效自评表"],
      ["项目名称", "乡村道路养护", null, "实施单位", "县公路事业发展中心"],
      ["项目资金（万元）", "全年预算数", "全年执行数"],
      ["年度资金总额", 100, 100],
      ["一级指标", "三级指标", "分值", "年度指标值", "考核结果", "评分"],
      // 30 + 30 + 20 + 10 = 90 points; all reached: 90; execution 100% × 10 = 10; total 100, 优.
      ["产出指标", "养护里程", 30, "≥50公里", "52公里", 30],
      [null, "路面完好率", 30, "≥90%", "93%", 30],
      ["效益指标", "通行条件改善", 20, "明显改善", "达成年度指标", 20],
      ["满意度指标", "群众满意度", 10, "≥85%", "90%", 10],
    ],
    merges: ["A1:F1", "B2:C2", "A6:A7"],
  };
}
