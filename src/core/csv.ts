import type { CellValue, WorkbookSnapshot } from "./sheet";

/**
 * CSV files as budget systems export them: one list per file, in UTF-8 (with or without a byte-order mark) or, from
 * older Windows systems and from Excel's "CSV" on a Chinese Windows, in GBK; Excel's "Unicode text" is UTF-16 with
 * tabs (hosts/csv-text.ts tells which). A CSV becomes a workbook of one sheet named after the file, as Excel opens it.
 */

/** The field separator: whichever of comma, tab and semicolon the first line holds most of, outside quotes. */
function separatorOf(text: string): string {
  const counts: Record<string, number> = { ",": 0, "\t": 0, ";": 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) break;
    else if (!quoted && c in counts) counts[c]++;
  }
  return counts["\t"] > counts[","] && counts["\t"] >= counts[";"] ? "\t" : counts[";"] > counts[","] ? ";" : ",";
}

/** RFC 4180 fields: quoted fields may hold separators, doubled quotes and line breaks; CRLF, LF and CR all end a record. */
export function parseCsv(text: string): string[][] {
  const sep = separatorOf(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === "") quoted = true;
    else if (c === sep) {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      if (c === "\r" && text[i + 1] === "\n") i++;
    } else field += c;
    i++;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * A field as Excel would hold it once opened: a plain decimal becomes a number (up to 15 digits, so a long 项目编码
 * stays text, and one with leading zeros keeps them); everything else stays text for the readers to interpret.
 */
function fieldValue(s: string): CellValue {
  const t = s.trim();
  if (t === "") return null;
  if (/^-?(0|[1-9]\d{0,14})(\.\d+)?$/.test(t)) return Number(t);
  return s;
}

/** Excel's sheet name for a CSV: the file name without its extension, cut to 31 characters, without the characters Excel forbids. */
export function csvSheetName(file: string): string {
  const base = file.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "").replace(/[:\\/?*[\]]/g, "_") || "Sheet1";
  return Array.from(base).reduce((name, ch) => (name.length + ch.length <= 31 ? name + ch : name), "");
}

/** A CSV file's text (decoded by the host: hosts/csv-text.ts) as a workbook of one sheet. */
export function csvWorkbook(file: string, text: string): WorkbookSnapshot {
  const rows = parseCsv(text).map((r) => r.map(fieldValue));
  while (rows.length > 0 && rows[rows.length - 1].every((v) => v === null)) rows.pop();
  return { file, sheets: [{ name: csvSheetName(file), rows, top: 0, left: 0, merges: [], hidden: false }] };
}
