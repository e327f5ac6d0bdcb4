/**
 * The text of a CSV file. Budget systems write UTF-8 (with or without a byte-order mark); older Windows systems and
 * Excel's "CSV" on a Chinese Windows write GBK; Excel's "Unicode text" is UTF-16. Kept out of the core: TextDecoder is
 * missing in the task pane's oldest webviews, and only the CLI and the standalone page read CSV files.
 */
export type CsvEncoding = "UTF-8" | "GBK" | "UTF-16LE" | "UTF-16BE";

/** The text of a CSV file and the encoding it was read in: a byte-order mark decides, then whether the bytes are valid UTF-8. */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "UTF-8" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "UTF-16LE" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "UTF-16BE" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "UTF-8" };
  } catch {
    // Not UTF-8: the other encoding Chinese systems write. WHATWG's gbk decoder reads GB18030, a superset.
    return { text: new TextDecoder("gbk").decode(bytes), encoding: "GBK" };
  }
}

