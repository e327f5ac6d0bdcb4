import { a1, blockAddress, columnLetters, parseArea, quoteSheetName } from "../core/address";
import type { Area, CellValue, SheetSnapshot, SheetSpec, SpecCell, WorkbookSnapshot } from "../core/sheet";
import { looksLikeFormula, STYLE_COLORS, type WorkbookHost } from "./host";

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
export type SetSupported = (name: string, minVersion?: string) => boolean;

/**
 * A host over the workbook open in Excel, through Office.js.
 *
 * The baseline is ExcelApi 1.1 (Office 2016 volume licence). Everything newer is asked for with `isSetSupported`
 * first. Reads and writes are batched: reading takes two `context.sync()` calls and writing two, however many
 * sheets, rows or projects there are.
 */
export class OfficeHost implements WorkbookHost {
  readonly kind = "office" as const;

  constructor(
    private readonly run: ExcelRun,
    private readonly isSetSupported: SetSupported,
    readonly file = "当前工作簿",
  ) {}

  async read(): Promise<WorkbookSnapshot> {
    const withMerges = this.isSetSupported("ExcelApi", "1.13");
    const sheets = await this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name,items/visibility");
      await context.sync();
      const batch = worksheets.items.map((ws) => {
        const used = ws.getUsedRange();
        used.load("address,values,valueTypes");
        const merged = withMerges ? used.getMergedAreasOrNullObject() : null;
        merged?.load("address");
        return { ws, used, merged };
      });
      await context.sync();
      return batch.map(({ ws, used, merged }) =>
        toSnapshot(ws.name, ws.visibility !== "Visible", used.address, used.values, used.valueTypes,
          merged && !merged.isNullObject ? merged.address : ""),
      );
    });
    return { file: this.file, sheets };
  }

  async write(specs: SheetSpec[]): Promise<void> {
    const can = {
      widths: this.isSetSupported("ExcelApi", "1.2"),
      links: this.isSetSupported("ExcelApi", "1.7"),
      freeze: this.isSetSupported("ExcelApi", "1.7"),
      tabColor: this.isSetSupported("ExcelApi", "1.7"),
    };
    await this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      await context.sync();
      const existing = new Set(worksheets.items.map((ws) => ws.name));
      let first: Excel.Worksheet | null = null;
      for (const spec of specs) {
        if (existing.has(spec.name)) worksheets.getItem(spec.name).delete();
        const ws = worksheets.add(spec.name);
        first ??= ws;
        writeSpec(ws, spec, can);
      }
      first?.activate();
      await context.sync();
    });
  }
}

function toSnapshot(
  name: string,
  hidden: boolean,
  address: string,
  values: unknown[][],
  types: Excel.RangeValueType[][] | string[][],
  mergedAddress: string,
): SheetSnapshot {
  const area = parseArea(address) ?? { top: 0, left: 0, bottom: 0, right: 0 };
  const rows: CellValue[][] = values.map((row, r) =>
    row.map((v, c) => {
      const t = types[r]?.[c];
      if (t === "Error") return { error: String(v) };
      if (t === "Empty" || v === "" || v === null || v === undefined) return null;
      if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
      return String(v);
    }),
  );
  const merges: Area[] = mergedAddress
    ? mergedAddress.split(",").map((a) => parseArea(a)).filter((a): a is Area => a !== null)
    : [];
  return { name, rows, top: area.top, left: area.left, merges, hidden };
}

/** What goes into `range.values`: strings that Excel would parse as formulas get the apostrophe text prefix. */
export function officeCellValue(c: SpecCell): string | number | boolean {
  if (c.value === null) return "";
  if (typeof c.value === "string" && looksLikeFormula(c.value)) return "'" + c.value;
  return c.value;
}

function writeSpec(
  ws: Excel.Worksheet,
  spec: SheetSpec,
  can: { widths: boolean; links: boolean; freeze: boolean; tabColor: boolean },
): void {
  const cols = Math.max(1, ...spec.rows.map((r) => r.length));
  const grid = spec.rows.map((row) => {
    const out: (string | number | boolean)[] = row.map(officeCellValue);
    while (out.length < cols) out.push("");
    return out;
  });
  if (grid.length === 0) return;
  // Text cells get the text format first, so Excel neither turns "1-7" into a date nor "=..." into a formula.
  const formats = spec.rows.map((row) => {
    const out = row.map((c) => c.numberFormat ?? (typeof c.value === "string" ? "@" : "General"));
    while (out.length < cols) out.push("General");
    return out;
  });
  const range = ws.getRange(blockAddress(grid.length, cols));
  range.numberFormat = formats;
  range.values = grid;

  const byStyle = new Map<keyof typeof STYLE_COLORS, string[]>();
  spec.rows.forEach((row, r) =>
    row.forEach((c, col) => {
      if (c.style) {
        const list = byStyle.get(c.style) ?? [];
        list.push(a1(r, col));
        byStyle.set(c.style, list);
      }
      if (c.link && can.links) {
        ws.getRange(a1(r, col)).hyperlink = {
          documentReference: `${quoteSheetName(c.link.sheet)}!${c.link.cell}`,
          textToDisplay: String(c.value ?? ""),
        };
      }
    }),
  );
  for (const [style, cells] of byStyle) {
    const s: { bold?: boolean; italic?: boolean; size?: number; fill?: string; font?: string } = STYLE_COLORS[style];
    for (const address of cells) {
      const f = ws.getRange(address).format;
      if (s.fill) f.fill.color = "#" + s.fill;
      if (s.font) f.font.color = "#" + s.font;
      if (s.bold) f.font.bold = true;
      if (s.italic) f.font.italic = true;
      if (s.size) f.font.size = s.size;
    }
  }
  if (can.widths) {
    // Excel measures column width in points; a character of the default font is about 7 points wide, CJK twice that.
    spec.columnWidths?.forEach((w, i) => {
      const letters = columnLetters(i);
      ws.getRange(`${letters}:${letters}`).format.columnWidth = w * 7;
    });
  }
  if (can.freeze && spec.freezeRows) ws.freezePanes.freezeRows(spec.freezeRows);
  if (can.tabColor && spec.tabColor) ws.tabColor = "#" + spec.tabColor;
}
