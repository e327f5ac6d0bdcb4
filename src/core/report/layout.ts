import { parseArea } from "../address";
import { type SheetSpec, WRAPPED_STYLES } from "../sheet";
import { textWidth } from "../text";

const LINE_HEIGHT = 15;
const DEFAULT_WIDTH = 9;

/**
 * Sets a row height wherever wrapped text needs more than one line, since neither exceljs nor every spreadsheet
 * program fits rows to wrapped text on opening. Merged areas count their full width; explicit heights are kept.
 */
export function fitRowHeights(spec: SheetSpec): SheetSpec {
  const widths = spec.columnWidths ?? [];
  const colWidth = (c: number) => widths[c] ?? DEFAULT_WIDTH;
  const mergedWidth = new Map<number, number>();
  const key = (r: number, c: number) => r * 16384 + c;
  const mergedRows = new Set<number>();
  for (const m of spec.merges ?? []) {
    const a = parseArea(m);
    if (!a) continue;
    if (a.bottom > a.top) for (let r = a.top; r <= a.bottom; r++) mergedRows.add(r);
    let w = 0;
    for (let c = a.left; c <= a.right; c++) w += colWidth(c);
    mergedWidth.set(key(a.top, a.left), w);
  }
  const heights: Record<number, number> = { ...spec.rowHeights };
  const estimated: number[] = [];
  spec.rows.forEach((row, r) => {
    if (heights[r] !== undefined || mergedRows.has(r)) return;
    let lines = 1;
    row.forEach((c, col) => {
      if (typeof c.value !== "string" || c.value === "" || !c.style || !WRAPPED_STYLES.has(c.style)) return;
      const width = Math.max(1, (mergedWidth.get(key(r, col)) ?? colWidth(col)) - 1);
      const needed = c.value.includes("\n")
        ? c.value.split("\n").reduce((n, part) => n + Math.max(1, Math.ceil(textWidth(part) / width)), 0)
        : Math.max(1, Math.ceil(textWidth(c.value) / width));
      lines = Math.max(lines, needed);
    });
    if (lines > 1) {
      heights[r] = Math.min(409, lines * LINE_HEIGHT);
      estimated.push(r);
    }
  });
  return { ...spec, rowHeights: heights, ...(estimated.length ? { estimatedHeights: estimated } : {}) };
}
