import { a1 } from "./address";
import type { StreamedSnapshot } from "./read/options";
import { classifySheet, KIND_NAMES, type Classification } from "./classify";
import { ownedSheets } from "./owned";
import { cell, countFilled, snapshotWidth, type SheetSpec, type SpecCell, type WorkbookSnapshot } from "./sheet";

export const INVENTORY_SHEET = "工作表清单";

export interface InventoryRow {
  file: string;
  sheet: string;
  hidden: boolean;
  /** The used range as A1 address, or null for an empty sheet. */
  usedRange: string | null;
  rows: number;
  columns: number;
  filled: number;
  classification: Classification;
}

/** Every user sheet of every workbook, with its used size and what kind of table it looks like. Owned sheets are skipped. */
export function inventory(workbooks: WorkbookSnapshot[]): InventoryRow[] {
  const out: InventoryRow[] = [];
  for (const wb of workbooks) {
    const owned = ownedSheets(wb);
    for (const s of wb.sheets) {
      if (owned.has(s.name)) continue;
      // A list read as a stream holds only its head: its size was counted as its rows passed.
      const streamed = (s as StreamedSnapshot).streamed;
      const filled = streamed?.filled ?? countFilled(s);
      const width = streamed?.columns ?? snapshotWidth(s);
      const rows = streamed?.rows ?? s.rows.length;
      out.push({
        file: wb.file,
        sheet: s.name,
        hidden: s.hidden,
        usedRange: filled > 0 ? `${a1(s.top, s.left)}:${a1(s.top + rows - 1, s.left + Math.max(width, 1) - 1)}` : null,
        rows: filled > 0 ? rows : 0,
        columns: filled > 0 ? width : 0,
        filled,
        classification: classifySheet(s),
      });
    }
  }
  return out;
}

const HEADERS = ["文件", "工作表", "隐藏", "已用区域", "行数", "列数", "非空单元格", "识别为", "版式", "识别依据"];

/** The 工作表清单 sheet: a title, a header row, one row per sheet, each sheet name linking to the sheet itself when it is in the same workbook. */
export function renderInventory(rows: InventoryRow[], opts: { linkToSheets: boolean }): SheetSpec {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const name = KIND_NAMES[r.classification.kind];
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const summary = [...counts].map(([k, n]) => `${k} ${n} 张`).join("，");
  const body: SpecCell[][] = rows.map((r) => {
    const kindStyle = r.classification.kind === "unknown" ? "warning" : r.classification.kind === "empty" ? "note" : "ok";
    const sheetCell: SpecCell = { value: r.sheet };
    if (opts.linkToSheets && r.usedRange) sheetCell.link = { sheet: r.sheet, cell: r.usedRange.split(":")[0] };
    return [
      cell(r.file),
      sheetCell,
      cell(r.hidden ? "是" : "否"),
      cell(r.usedRange ?? "（空）"),
      cell(r.rows),
      cell(r.columns),
      cell(r.filled),
      cell(KIND_NAMES[r.classification.kind], kindStyle),
      cell(r.classification.layout === "list" ? "清单式（多项目）" : r.classification.layout === "form" ? "表单式（单项目）" : ""),
      cell(r.classification.evidence),
    ];
  });
  return {
    name: INVENTORY_SHEET,
    rows: [
      [cell("工作表清单", "title")],
      [cell(`共 ${rows.length} 张工作表${summary ? "：" + summary : ""}`, "note")],
      HEADERS.map((h) => cell(h, "header")),
      ...body,
    ],
    columnWidths: [28, 22, 6, 14, 8, 8, 10, 16, 18, 48],
    freezeRows: 3,
    tabColor: "1F6F43",
    print: { orientation: "landscape", fitToWidth: true, titleRows: [3, 3] },
  };
}
