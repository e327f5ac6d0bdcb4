import { type CellStyle, WRAPPED_STYLES } from "../core/sheet";

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

const LOOKS: Record<CellStyle, Omit<StyleDef, "wrap">> = {
  title: { bold: true, size: 16, align: "center" },
  subtitle: { size: 11, align: "center", font: "404040" },
  header: { bold: true, fill: "D9E1F2", border: true, align: "center" },
  label: { bold: true, fill: "F2F2F2", border: true },
  input: { border: true },
  hint: { italic: true, font: "808080", border: true },
  text: {},
  number: { border: true, align: "right" },
  section: { bold: true, size: 12 },
  review: { fill: "E2EFDA", border: true },
  reviewHeader: { bold: true, fill: "A9D08E", border: true, align: "center" },
  error: { fill: "FFC7CE", font: "9C0006", border: true },
  warning: { fill: "FFEB9C", font: "9C5700", border: true },
  info: { fill: "DDEBF7", font: "1F4E78", border: true },
  ok: { fill: "C6EFCE", font: "006100", border: true },
  note: { italic: true, font: "595959" },
  green: { fill: "C6EFCE", font: "006100", border: true, align: "center" },
  yellow: { fill: "FFEB9C", font: "9C5700", border: true, align: "center" },
  red: { fill: "FFC7CE", font: "9C0006", border: true, bold: true, align: "center" },
  blue: { fill: "BDD7EE", font: "1F4E78", border: true, align: "center" },
};

/** The looks, with wrapping decided in one place (the core's WRAPPED_STYLES, which row heights also follow). */
export const STYLES = Object.fromEntries(
  (Object.keys(LOOKS) as CellStyle[]).map((k) => [k, { ...LOOKS[k], wrap: WRAPPED_STYLES.has(k) }]),
) as Record<CellStyle, StyleDef>;
