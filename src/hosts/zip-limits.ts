import { EXCEL_COLUMNS, EXCEL_ROWS, formatBytes, STREAM_LIMITS, WORKBOOK_LIMITS } from "./host";

/** One part of a zip, as its central directory lists it. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** The CRC-32 of the part's bytes unzipped. */
  crc32: number;
  /** Where the part's local header starts. */
  headerOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64 = 0xffffffff;

/**
 * The central directory of a zip (PKWARE APPNOTE 4.3.12 and 4.3.16), read without inflating anything. Returns null
 * for bytes that are not a zip (exceljs then says what they are), and "zip64" for a zip that needs ZIP64 (a part or
 * the whole over 4 GB, or over 65,535 parts): no legitimate workbook here does.
 */
export function zipDirectory(bytes: Uint8Array): ZipEntry[] | "zip64" | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => view.getUint32(at, true);
  const u16 = (at: number) => view.getUint16(at, true);
  // The end record is in the last 22 + 65,535 bytes (its comment is at most 65,535 bytes).
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at--) {
    if (u32(at) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const count = u16(end + 10);
  const size = u32(end + 12);
  const offset = u32(end + 16);
  if (count === 0xffff || size === ZIP64 || offset === ZIP64) return "zip64";
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(at) !== CENTRAL) return null;
    const nameLength = u16(at + 28);
    const entry: ZipEntry = {
      method: u16(at + 10),
      crc32: u32(at + 16),
      compressedSize: u32(at + 20),
      uncompressedSize: u32(at + 24),
      headerOffset: u32(at + 42),
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    };
    if (entry.compressedSize === ZIP64 || entry.uncompressedSize === ZIP64 || entry.headerOffset === ZIP64) return "zip64";
    entries.push(entry);
    at += 46 + nameLength + u16(at + 30) + u16(at + 32);
  }
  return entries;
}

/** Inflates the start of a raw-deflate stream (at most a few hundred KB out), or null where it cannot. */
export type InflateStart = (deflated: Uint8Array) => Uint8Array | null | Promise<Uint8Array | null>;

/** How much of a sheet's zipped data is inflated to find its dimension: its start, never the whole part. */
const DIMENSION_PROBE = 4096;

/** A cell reference's column letters as a number: A = 1, Z = 26, AA = 27. */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** The rows × columns a sheet's <dimension ref="A1:Z1000"/> declares, from the first bytes of its XML. */
export function declaredSize(xmlStart: string): { rows: number; columns: number; ref: string } | null {
  const m = /<(?:\w+:)?dimension\b[^>]*\bref="([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?"/.exec(xmlStart);
  if (!m) return null;
  const c1 = m[1];
  const r1 = Number(m[2]);
  const c2 = m[3] ?? c1;
  const r2 = m[4] !== undefined ? Number(m[4]) : r1;
  return { rows: Math.abs(r2 - r1) + 1, columns: Math.abs(columnNumber(c2) - columnNumber(c1)) + 1, ref: m[3] ? `${c1}${r1}:${c2}${r2}` : `${c1}${r1}` };
}

const mb = (n: number) => formatBytes(n);

/**
 * Whether a workbook's bytes stay within WORKBOOK_LIMITS, from its zip directory and, where `inflate` is given, the
 * first bytes of each sheet: a Chinese sentence naming the file, the part and the limit, or null when it may be
 * parsed. Nothing is unzipped whole, so a zip bomb costs what its directory costs.
 */
export async function workbookLimitProblem(file: string, bytes: Uint8Array, inflate?: InflateStart, limits = WORKBOOK_LIMITS): Promise<string | null> {
  const entries = zipDirectory(bytes);
  if (entries === null) return null;
  if (entries === "zip64") return `文件 ${file} 使用 ZIP64 格式（单个部分或整个文件解压后超过 4 GB），超过工作簿的上限，未打开。`;
  const total = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (total > limits.uncompressedBytes) {
    return `文件 ${file} 解压后有 ${mb(total)}，超过 ${mb(limits.uncompressedBytes)} 的上限，未打开。请拆分后再处理（如按单位分成几个工作簿）。`;
  }
  for (const e of entries) {
    const bomb = ratioProblem(file, e, limits.partRatio);
    if (bomb) return bomb;
  }
  return inflate ? declaredProblem(file, bytes, entries, inflate, (size) => size.rows * size.columns > limits.declaredCells
    ? `超过 ${limits.declaredCells.toLocaleString("en-US")} 个单元格的上限，未打开。请拆分后再处理。` : null) : null;
}

/** A part over 1 MB unzipped whose compression ratio only a zip bomb has, as a sentence naming the file and part. */
function ratioProblem(file: string, e: ZipEntry, partRatio: number): string | null {
  const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
  if (e.uncompressedSize <= 1024 * 1024 || ratio <= partRatio) return null;
  return `文件 ${file} 中的 ${e.name} 压缩比为 ${Math.round(ratio)}:1，超过 ${partRatio}:1 的上限（正常的表格约为 10:1，这样的文件可能是为耗尽内存而构造的），未打开。`;
}

/** A worksheet part, whatever its name (xl/worksheets/sheet1.xml as Excel names it). */
export const SHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/;

/** The first declared dimension of a sheet part that `over` objects to, as a sentence naming the file and part. */
async function declaredProblem(file: string, bytes: Uint8Array, entries: ZipEntry[], inflate: InflateStart, over: (size: { rows: number; columns: number }) => string | null): Promise<string | null> {
  for (const e of entries) {
    if (!SHEET_PART.test(e.name)) continue;
    const head = await partStart(bytes, e, DIMENSION_PROBE, inflate);
    if (!head) continue;
    const size = declaredSize(new TextDecoder().decode(head.subarray(0, 64 * 1024)));
    const why = size && over(size);
    if (size && why) return `文件 ${file} 的工作表 ${e.name} 声明了 ${size.rows.toLocaleString("en-US")} 行 × ${size.columns} 列（${size.ref}），${why}`;
  }
  return null;
}

/** A part's stored bytes (zipped, or as they are for a stored part), at most `max` of them; null where its header is not found. */
export function partData(bytes: Uint8Array, e: ZipEntry, max = e.compressedSize): Uint8Array | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = e.headerOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) return null;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  return bytes.subarray(start, Math.min(bytes.length, start + Math.min(e.compressedSize, max)));
}

/** The first bytes of a part unzipped, from at most `max` of its stored bytes; null where they cannot be had. */
export async function partStart(bytes: Uint8Array, e: ZipEntry, max: number, inflate: InflateStart): Promise<Uint8Array | null> {
  const data = partData(bytes, e, max);
  return !data ? null : e.method === 0 ? data : e.method === 8 ? inflate(data) : null;
}

/**
 * Whether a workbook too big to hold whole may be read as a stream (hosts/stream-sheet.ts), from its zip directory
 * and the first bytes of each sheet: what is refused is what is really dangerous — a sheet part larger than a sheet
 * of Excel's 1,048,576 rows holds, shared strings or other parts too big to keep in memory, a compression ratio no
 * real workbook has, a dimension outside Excel's grid. A Chinese sentence naming the file and the part, or null.
 */
export async function streamLimitProblem(file: string, bytes: Uint8Array, entries: ZipEntry[], inflate: InflateStart, limits = STREAM_LIMITS): Promise<string | null> {
  for (const e of entries) {
    const sheet = SHEET_PART.test(e.name);
    const cap = sheet ? limits.sheetPartBytes : e.name === "xl/sharedStrings.xml" ? limits.sharedStringsBytes : limits.otherPartBytes;
    if (e.uncompressedSize > cap) {
      const what = sheet ? "一张工作表最多 1,048,576 行所能容纳的" : e.name === "xl/sharedStrings.xml" ? "读取时须留在内存中的共享字符串" : "这类部件";
      return `文件 ${file} 中的 ${e.name} 解压后有 ${mb(e.uncompressedSize)}，超过${what} ${mb(cap)} 的上限，未打开。`;
    }
    const bomb = ratioProblem(file, e, limits.partRatio);
    if (bomb) return bomb;
  }
  return declaredProblem(file, bytes, entries, inflate, (size) => size.rows > EXCEL_ROWS || size.columns > EXCEL_COLUMNS
    ? `超出 Excel 工作表 ${EXCEL_ROWS.toLocaleString("en-US")} 行 × ${EXCEL_COLUMNS.toLocaleString("en-US")} 列的范围，文件不是 Excel 或 WPS 能保存的，未打开。` : null);
}

/**
 * The start of a raw-deflate stream in a browser, by DecompressionStream (Chrome 103+, Firefox 113+, Safari 16.4+);
 * null where there is none. The input is only the stream's start, so the stream fails at its end: what came out
 * before is kept.
 */
export async function inflateStartInBrowser(deflated: Uint8Array): Promise<Uint8Array | null> {
  const reader = rawInflater(deflated);
  if (!reader) return null;
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    while (total < 64 * 1024) {
      const { done, value } = await reader.read();
      if (done || !value) break;
      chunks.push(value);
      total += value.length;
    }
  } catch {
    // The end of the given bytes is not the end of the stream.
  }
  reader.cancel().catch(() => undefined);
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * A reader of the raw-deflate bytes given, inflated by DecompressionStream (Node 18+, Chrome 103+, Firefox 113+,
 * Safari 16.4+); null where there is none (the standalone page asks older browsers for a newer one first).
 */
function rawInflater(deflated: Uint8Array): ReadableStreamDefaultReader<Uint8Array> | null {
  const Stream = (globalThis as { DecompressionStream?: new (format: string) => TransformStream<Uint8Array, Uint8Array> }).DecompressionStream;
  if (!Stream) return null;
  let stream: TransformStream<Uint8Array, Uint8Array>;
  try {
    stream = new Stream("deflate-raw");
  } catch {
    return null;
  }
  const writer = stream.writable.getWriter();
  writer.write(deflated).catch(() => undefined);
  writer.close().catch(() => undefined);
  return stream.readable.getReader();
}

/** CRC-32 as zip computes it (ISO 3309, reflected polynomial 0xEDB88320), continued from `crc` over `data`. */
export type Crc32 = (data: Uint8Array, crc: number) => number;

let crcTable: Uint32Array | null = null;

/** CRC-32 in plain JavaScript, for the page (Node gives zlib.crc32, which the command line passes instead). */
export const crc32: Crc32 = (data, crc) => {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  const t = crcTable;
  let c = ~crc;
  for (let i = 0; i < data.length; i++) c = t[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
};

/**
 * Whether every part of a zip holds the bytes its directory vouches for: each part inflated as a stream (never held
 * whole), its length and CRC-32 compared with the central directory's (PKWARE APPNOTE 4.4.7–4.4.9). A part altered
 * after it was zipped — a stored sheet whose bytes were changed, a truncated download — is named in a Chinese
 * sentence, and nothing is read from the file; null when every part is whole. DecompressionStream is in Node 18+
 * and every browser the page runs in.
 */
export async function zipIntegrityProblem(file: string, bytes: Uint8Array, entries: ZipEntry[], crc: Crc32 = crc32): Promise<string | null> {
  const broken = (e: ZipEntry, why: string) => `文件 ${file} 已损坏（其中 ${e.name} 部分${why}），未读取其中任何内容，请从原始来源重新获取。`;
  for (const e of entries) {
    if (e.name.endsWith("/") && e.uncompressedSize === 0) continue;
    const data = partData(bytes, e);
    if (!data || data.length < e.compressedSize) return broken(e, "不完整");
    let sum = 0;
    let size = 0;
    if (e.method === 0) {
      sum = crc(data, 0);
      size = data.length;
    } else if (e.method === 8) {
      // Without DecompressionStream (no browser the page admits) only stored parts are checked.
      const reader = rawInflater(data);
      if (!reader) continue;
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          sum = crc(value, sum);
          size += value.length;
          if (size > e.uncompressedSize) {
            reader.cancel().catch(() => undefined);
            break;
          }
        }
      } catch {
        return broken(e, "无法解压");
      }
    } else continue; // exceljs names a method it cannot inflate
    if (size !== e.uncompressedSize || sum !== e.crc32) return broken(e, "校验不符");
  }
  return null;
}
