/** A1-style addresses. Rows and columns are 0-based in code and 1-based in the addresses users see. */

export function columnLetters(col: number): string {
  if (!Number.isInteger(col) || col < 0) throw new RangeError(`bad column index ${col}`);
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Column letters of the first 256 columns, computed once: a1() runs for every cell a large list reads. */
const LETTERS: string[] = Array.from({ length: 256 }, (_, c) => columnLetters(c));

export function a1(row: number, col: number): string {
  return (LETTERS[col] ?? columnLetters(col)) + (row + 1);
}

/** An area as Excel writes it: "B3" for one cell, "A1:C3" for several. */
export function areaAddress(a: { top: number; left: number; bottom: number; right: number }): string {
  return a.top === a.bottom && a.left === a.right ? a1(a.top, a.left) : `${a1(a.top, a.left)}:${a1(a.bottom, a.right)}`;
}

/** Parses "B12" (optionally with $ signs) into 0-based coordinates; null when it is not a cell address. */
export function parseA1(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (row < 1) return null;
  return { row: row - 1, col: col - 1 };
}

/** Parses "A1:C3" or "Sheet1!A1:C3" (or a single cell) into a 0-based inclusive area. */
export function parseArea(address: string): { top: number; left: number; bottom: number; right: number } | null {
  const bang = address.lastIndexOf("!");
  const local = bang >= 0 ? address.slice(bang + 1) : address;
  const [from, to] = local.split(":");
  const a = parseA1(from);
  const b = to === undefined ? a : parseA1(to);
  if (!a || !b) return null;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/** "A1:D7" for a block of the given size starting at A1. */
export function blockAddress(rows: number, cols: number): string {
  return `A1:${a1(Math.max(rows, 1) - 1, Math.max(cols, 1) - 1)}`;
}

/** Quotes a sheet name for use in a formula or hyperlink: 'My Sheet'!A1. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
