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

/**
 * Width of text in columns, as a terminal or Excel's column unit counts it: CJK and full-width characters take
 * two, others one.
 */
export function textWidth(s: string): number {
  let w = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (
      (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0xd800 && c <= 0xdbff)
    ) w++;
  }
  return w;
}

/**
 * The length of a string in UTF-8 bytes, as a request to Excel counts it. Written out rather than taken from
 * TextEncoder, which the Internet Explorer webview of Office 2016/2019 does not have.
 */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** A path's last part, the file's own name, for messages: 单位/2025/结果.xlsx → 结果.xlsx (either slash). */
export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
