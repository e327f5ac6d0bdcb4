import { bySeverity, type Severity } from "../findings";
import { fieldText } from "../model";
import { cell, type CellStyle, type SheetSpec, type SpecCell } from "../sheet";
import { summarize } from "./summary";
import type { Analysis } from "../results";

export const FINDINGS_SHEET = "校验结果";

const SEVERITY: Record<string, [string, CellStyle]> = {
  error: ["错误", "error"],
  warning: ["警告", "warning"],
  info: ["提示", "info"],
};

/**
 * 校验结果: every finding, errors first, each naming its file, sheet and cell; the cell links to the place it is
 * about when the findings are written into the same workbook.
 */
export function renderFindings(a: Analysis, opts: { linkToCells: boolean }): SheetSpec {
  type Row = { file: string; project: string; unit: string; severity: Severity; code: string; sheet: string | null; cell: string | null; message: string; basis: string };
  const rows: Row[] = [];
  for (const r of a.projects) {
    for (const f of r.findings) {
      rows.push({ file: r.project.file, project: fieldText(r.project, "name"), unit: fieldText(r.project, "unit"), ...f });
    }
  }
  for (const f of a.findings) rows.push({ project: "", unit: "", ...f });
  rows.sort(bySeverity);
  const counts = { error: 0, warning: 0, info: 0 } as Record<string, number>;
  for (const r of rows) counts[r.severity]++;
  const body: SpecCell[][] = rows.map((r) => {
    const [label, style] = SEVERITY[r.severity];
    const where: SpecCell = { value: r.cell ? `${r.sheet}!${r.cell}` : r.sheet ?? "" };
    if (opts.linkToCells && r.sheet && r.cell) where.link = { sheet: r.sheet, cell: r.cell };
    return [cell(r.file), cell(r.project), cell(r.unit), cell(label, style), cell(r.code), where, cell(r.message), cell(r.basis)];
  });
  return {
    name: FINDINGS_SHEET,
    rows: [
      [cell("校验结果", "title")],
      [cell(`规则集：${a.ruleSet.name}（${a.ruleSet.id}）。共 ${a.projects.length} 张表（${summarize(a).length} 个项目）；错误 ${counts.error} 条，警告 ${counts.warning} 条，提示 ${counts.info} 条。`, "note")],
      ["文件", "项目", "实施单位", "级别", "代码", "位置", "问题", "依据"].map((h) => cell(h, "header")),
      ...body,
    ],
    columnWidths: [24, 24, 18, 6, 22, 18, 60, 36],
    freezeRows: 3,
    tabColor: "C00000",
    print: { orientation: "landscape", fitToWidth: true, titleRows: [3, 3] },
  };
}
