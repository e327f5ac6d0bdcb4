import type { CellStyle } from "../core/sheet";

/** What a named style looks like, in terms both hosts can render. Colours are RGB hex without '#'. */
export interface StyleDef {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  fill?: string;
  font?: string;
  border?: boolean;
  wrap?: boolean;
  align?: "left" | "center" | "right";
}

export const STYLES: Record<CellStyle, StyleDef> = {
  title: { bold: true, size: 16, align: "center" },
  subtitle: { size: 11, align: "center", font: "404040" },
  header: { bold: true, fill: "D9E1F2", border: true, wrap: true, align: "center" },
  label: { bold: true, fill: "F2F2F2", border: true, wrap: true },
  input: { border: true, wrap: true },
  hint: { italic: true, font: "808080", border: true, wrap: true },
  text: { wrap: true },
  number: { border: true, align: "right" },
  section: { bold: true, size: 12 },
  review: { fill: "E2EFDA", border: true, wrap: true },
  reviewHeader: { bold: true, fill: "A9D08E", border: true, wrap: true, align: "center" },
  error: { fill: "FFC7CE", font: "9C0006", border: true, wrap: true },
  warning: { fill: "FFEB9C", font: "9C5700", border: true, wrap: true },
  info: { fill: "DDEBF7", font: "1F4E78", border: true, wrap: true },
  ok: { fill: "C6EFCE", font: "006100", border: true, wrap: true },
  note: { italic: true, font: "595959" },
  green: { fill: "C6EFCE", font: "006100", border: true, align: "center" },
  yellow: { fill: "FFEB9C", font: "9C5700", border: true, align: "center" },
  red: { fill: "FFC7CE", font: "9C0006", border: true, bold: true, align: "center" },
  blue: { fill: "BDD7EE", font: "1F4E78", border: true, align: "center" },
};
