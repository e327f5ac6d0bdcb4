/**
 * A workbook too big to hold whole, read in Node as a stream (issue 21): exceljs's own streaming reader
 * (stream.xlsx.WorkbookReader) walks each sheet's rows from the zip; each sheet goes row by row into a SheetStream
 * (core/read/stream.ts), which reads a list (one row per indicator or project, as budget systems export) window by
 * window and keeps anything else whole. The streaming reader skips merged areas, so they are found first by
 * inflating each sheet part and picking out its <mergeCell> elements (they follow the rows), without parsing it.
 */
import ExcelJS from "exceljs";
import { Readable } from "node:stream";
import { createInflateRaw } from "node:zlib";
import { parseArea } from "../core/address";
import { Interner } from "../core/intern";
import { type ReadOptions, type StreamedSnapshot } from "../core/read/options";
import { InterleavedList } from "../core/read/list";
import { SheetStream, SheetStreamError } from "../core/read/stream";
import type { Area, CellValue, WorkbookSnapshot } from "../core/sheet";
import { toCellValue } from "./exceljs-host";
import { STREAM_LIMITS } from "./host";
import { partData, SHEET_PART, type ZipEntry } from "./zip-limits";

/** The worksheet parts exceljs's streaming reader reads (xl/worksheets/sheetN.xml); a workbook with others is read whole. */
export const STREAMED_PART = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/** A workbook the streaming reader could not read as a whole reader would; the caller reads it whole or refuses it. */
export class NotStreamable extends Error {}

export interface StreamOptions {
  read: ReadOptions;
  /** Last year's results: every sheet kept whole. */
  previous?: boolean;
  /** Rows per list window (tests use a few, to cut often). */
  window?: number;
  /** Told the rows and the projects read so far, now and then. */
  onRows?: (rows: number, projects: number) => void;
  /** The sheets whose rows are kept; the others come back empty (a check of what a result workbook is needs only its register). */
  only?: (sheet: string) => boolean;
  /** How long the rows may take before the file is given up (default STREAM_LIMITS.seconds). */
  seconds?: number;
}

/** The merged areas of a sheet part, from the <mergeCell ref="…"/> elements after its rows. */
export async function partMerges(bytes: Uint8Array, entry: ZipEntry): Promise<Area[]> {
  const data = partData(bytes, entry);
  if (!data) return [];
  // A view on the bytes, not a copy of a part that may be tens of megabytes.
  const stored = Readable.from([Buffer.from(data.buffer, data.byteOffset, data.byteLength)]);
  const source = entry.method === 0 ? stored : stored.pipe(createInflateRaw());
  const merges: Area[] = [];
  const decoder = new TextDecoder();
  let text = "";
  let seen = false;
  let tail: Buffer = Buffer.alloc(0);
  for await (const chunk of source as AsyncIterable<Buffer>) {
    if (!seen) {
      // The rows come first: only the bytes from <mergeCells on are decoded.
      const joined = tail.length > 0 ? Buffer.concat([tail, chunk]) : chunk;
      const at = joined.indexOf("mergeCells");
      if (at < 0) {
        tail = joined.subarray(Math.max(0, joined.length - 16));
        continue;
      }
      seen = true;
      text = decoder.decode(joined.subarray(Math.max(0, at - 1)), { stream: true });
    } else text += decoder.decode(chunk, { stream: true });
    const last = text.lastIndexOf(">");
    collect(text.slice(0, last + 1), merges);
    text = text.slice(last + 1);
  }
  collect(text + decoder.decode(), merges);
  return merges;
}

function collect(xml: string, into: Area[]): void {
  for (const m of xml.matchAll(/<(?:\w+:)?mergeCell\b[^>]*?\bref="([^"]+)"/g)) {
    const area = parseArea(m[1]);
    if (area) into.push(area);
  }
}

interface SheetReaderLike extends AsyncIterable<ExcelJS.Row> {
  name?: string;
  state?: string;
}

/**
 * The workbook's sheets in tab order: lists with what their rows gave, other sheets whole. Throws NotStreamable
 * where the streaming reader cannot stand in for a whole one, SheetStreamError (Chinese) for a sheet it refuses.
 */
export async function readStreamed(file: string, bytes: Uint8Array, entries: ZipEntry[], opts: StreamOptions): Promise<WorkbookSnapshot> {
  try {
    return await walkStreamed(file, bytes, entries, opts);
  } catch (e) {
    // A list whose projects' rows are scattered is read again, each project kept whole until the end.
    if (!(e instanceof InterleavedList) || !opts.read.settle) throw e;
    return walkStreamed(file, bytes, entries, { ...opts, read: { ...opts.read, settle: undefined } });
  }
}

async function walkStreamed(file: string, bytes: Uint8Array, entries: ZipEntry[], opts: StreamOptions): Promise<WorkbookSnapshot> {
  const sheetParts = entries.filter((e) => SHEET_PART.test(e.name));
  if (sheetParts.some((e) => !STREAMED_PART.test(e.name))) throw new NotStreamable("工作表部件的名称不是 sheetN.xml");
  const merges = new Map<string, Area[]>();
  for (const e of sheetParts) merges.set(STREAMED_PART.exec(e.name)![1], await partMerges(bytes, e));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]), {
    sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", worksheets: "emit", entries: "emit",
  });
  // The part each emitted sheet comes from: the reader announces it just before the sheet.
  let part = "";
  (reader as unknown as NodeJS.EventEmitter).on("entry", (e: { type: string; id?: string }) => {
    if (e.type === "worksheet") part = String(e.id);
  });
  const read = new Map<string, StreamedSnapshot>();
  // Inline strings (as Java systems stream them) are a text of their own in every row; shared strings are one each already.
  const strings = new Interner(40, 400_000);
  let rows = 0;
  let projects = 0;
  const deadline = Date.now() + (opts.seconds ?? STREAM_LIMITS.seconds) * 1000;
  /** Every 1,000 rows: the progress, and the time a file may take (a crafted part of 2 GB would take the afternoon). */
  const counted = (sheet: string, stream?: SheetStream) => {
    if (++rows % 1000 !== 0) return;
    if (rows % 10_000 === 0) opts.onRows?.(rows, projects + (stream?.projectCount ?? 0));
    if (Date.now() > deadline) {
      throw new SheetStreamError(`读到工作表“${sheet}”的第 ${rows.toLocaleString("en-US")} 行时已用时超过 ${Math.round((opts.seconds ?? STREAM_LIMITS.seconds) / 60)} 分钟的上限，已停止读取这个文件。请确认它是预算系统导出的表，或拆分后再处理。`);
    }
  };
  for await (const ws of reader as unknown as AsyncIterable<SheetReaderLike>) {
    if (!ws.name) throw new NotStreamable(`工作表部件 sheet${part}.xml 不在工作簿的工作表清单中`);
    const hidden = Boolean(ws.state && ws.state !== "visible");
    if (opts.only && !opts.only(ws.name)) {
      for await (const _row of ws) counted(ws.name);
      read.set(ws.name, { name: ws.name, rows: [], top: 0, left: 0, merges: [], hidden });
      continue;
    }
    const stream = new SheetStream(ws.name, hidden, merges.get(part) ?? [], file, opts.read, {
      window: opts.window, wholeCells: STREAM_LIMITS.wholeCells, whole: opts.previous,
    });
    for await (const row of ws) {
      const values: CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (c, col) => {
        const v = toCellValue(c.value);
        values[col - 1] = typeof v === "string" ? strings.intern(v) : v;
      });
      for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = null;
      stream.push(row.number - 1, values);
      counted(ws.name, stream);
    }
    read.set(ws.name, stream.end());
    projects += stream.projectCount;
  }
  const order = ((reader as unknown as { model?: { sheets?: { name: string }[] } }).model?.sheets ?? []).map((s) => s.name);
  const missing = order.filter((n) => !read.has(n));
  if (missing.length > 0) throw new NotStreamable(`工作表“${missing[0]}”未能流式读取`);
  opts.onRows?.(rows, projects);
  return { file, sheets: order.map((n) => read.get(n)!) };
}
