// The bench's generated workbooks, shared by `npm run bench` and `npm run bench:compare`.
import ExcelJS from "exceljs";

const INDICATORS = [
  ["产出指标", "数量指标", "完成数量", "≥", "100个", "96个", 20],
  ["产出指标", "质量指标", "验收合格率", "≥", "95%", "97%", 15],
  ["产出指标", "时效指标", "完成时间", "≤", "10月", "11月", 10],
  ["产出指标", "成本指标", "单位成本", "≤", "2万元", "1.9万元", 5],
  ["效益指标", "社会效益指标", "受益人口", "≥", "5000人", "5200人", 30],
  ["满意度指标", "服务对象满意度指标", "满意度", "≥", "90%", "92%", 10],
] as const;

/** A 自评清单 with n projects, six indicators each, as a budget system exports it. */
export async function listWorkbookBytes(n: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("自评清单");
  ws.addRow(["自评清单"]);
  ws.addRow(["项目名称", "实施单位", "全年预算数", "全年执行数", "一级指标", "二级指标", "三级指标", "指标性质", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析"]);
  for (let p = 0; p < n; p++) {
    INDICATORS.forEach((ind, i) => {
      const score = ind[2] === "完成数量" ? 19.2 : ind[2] === "完成时间" ? 9.09 : ind[6];
      ws.addRow([i === 0 ? `项目${p + 1}` : null, i === 0 ? `单位${(p % 50) + 1}` : null, i === 0 ? 100 + (p % 7) : null, i === 0 ? 90 + (p % 11) : null,
        ind[0], ind[1], ind[2], ind[3], ind[4], ind[5], ind[6], score, score < ind[6] ? "进度滞后" : null]);
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A unit's workbook in form layout: one 绩效目标申报表 per sheet. */
export async function formWorkbookBytes(unit: number, projects: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (let p = 0; p < projects; p++) {
    const ws = wb.addWorksheet(`项目${p + 1}`);
    ws.addRow(["项目支出绩效目标申报表"]);
    ws.addRow(["项目名称", `单位${unit}项目${p + 1}`, null, "主管部门", "主管局"]);
    ws.addRow(["实施单位", `单位${unit}`, null, "项目属性", "经常性项目"]);
    ws.addRow(["资金情况（万元）", "年度资金总额", 100]);
    ws.addRow([null, "其中：财政拨款", 100]);
    ws.addRow([null, "其他资金", 0]);
    ws.addRow(["总体目标", "按期完成项目任务。"]);
    ws.addRow(["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重"]);
    for (const ind of INDICATORS) ws.addRow([ind[0], ind[1], `${ind[2]}${p % 3}`, ind[3], Number.parseFloat(ind[4]), ind[4].replace(/^[\d.]+/, ""), ind[6] + (ind[2] === "满意度" ? 10 : 0)]);
    ws.mergeCells("A4:A6");
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * A unit's one-project form beside merged areas (issue 23): "whole" one merge of J1:XFD1048576 (the sheet's every
 * column from J and every row), "many" 10,000 small merges of two cells each below the table. Merges are added to
 * the sheet part's XML, as a file from elsewhere could have them (exceljs itself would refuse to build the first).
 */
export async function mergedFormBytes(kind: "whole" | "many"): Promise<Buffer> {
  const { default: JSZip } = await import("jszip");
  const zip = await JSZip.loadAsync(await formWorkbookBytes(1, 1));
  const part = "xl/worksheets/sheet1.xml";
  const refs = kind === "whole" ? ["J1:XFD1048576"] : Array.from({ length: 10_000 }, (_, i) => `A${20 + i}:B${20 + i}`);
  const cells = refs.map((r) => `<mergeCell ref="${r}"/>`).join("");
  const xml = (await zip.file(part)!.async("string")).replace(/<mergeCells count="\d+">/, (m) => `${m}${cells}`).replace(/<mergeCells count="\d+"/, `<mergeCells count="${refs.length + 1}"`);
  zip.file(part, xml);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
