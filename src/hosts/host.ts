import type { SheetSpec, WorkbookSnapshot } from "../core/sheet";

/**
 * The only thing that touches a workbook. The core reads snapshots from it and hands it sheet specs to write;
 * a host never writes anywhere but the sheets it is given, and replaces a sheet of the same name.
 */
export interface WorkbookHost {
  readonly kind: "office" | "exceljs";
  read(): Promise<WorkbookSnapshot>;
  write(specs: SheetSpec[]): Promise<void>;
}

/**
 * Text that Excel would take for a formula (or that a CSV consumer would) when typed into a cell:
 * = + - @ at the start, or a leading tab or carriage return.
 */
export function looksLikeFormula(s: string): boolean {
  return /^[=+\-@\t\r]/.test(s);
}

/** Largest workbook the CLI and the standalone page open (bytes). Larger files are refused before they are parsed. */
export const MAX_WORKBOOK_BYTES = 50 * 1024 * 1024;

/** Fill and font colours (RGB hex) for the core's named styles, shared by every host. */
export const STYLE_COLORS = {
  title: { bold: true, size: 14 },
  header: { bold: true, fill: "D9E1F2" },
  error: { fill: "FFC7CE", font: "9C0006" },
  warning: { fill: "FFEB9C", font: "9C5700" },
  ok: { fill: "C6EFCE", font: "006100" },
  info: { fill: "DDEBF7", font: "1F4E78" },
  note: { italic: true, font: "595959" },
} as const satisfies Record<string, { bold?: boolean; italic?: boolean; size?: number; fill?: string; font?: string }>;

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} B`;
}
