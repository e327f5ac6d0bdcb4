import { type CellValue, isCellError } from "./sheet";

/**
 * Folds what users type into one comparable form: full-width ASCII to half-width (`％ ≥ ， （` and digits),
 * the ideographic space to a space, line breaks and runs of spaces removed for labels.
 */
export function toHalfWidth(s: string): string {
  let out = "";
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += " ";
    else out += ch;
  }
  return out;
}

/** A label as used for matching: half-width, no whitespace at all (`年度\n指标值` → `年度指标值`). */
export function normalizeLabel(s: string): string {
  return toHalfWidth(s).replace(/\s+/g, "");
}

/** The text a user sees in a cell, for labels and messages. */
export function cellText(v: CellValue): string {
  if (v === null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (isCellError(v)) return v.error;
  return "";
}
