/**
 * A workbook too big to hold whole, read in Node as a stream (issue 21): exceljs's own streaming reader
 * (stream.xlsx.WorkbookReader) walks each sheet's rows from the zip; each sheet goes row by row into a SheetStream
 * (core/read/stream.ts), which reads a list (one row per indicator or project, as budget systems export) window by
 * window and keeps anything else whole. The streaming reader skips merged areas, so they are found first by
 * inflating each sheet part and picking out its <mergeCell> elements (they follow the rows), without parsing it.
 */
import ExcelJS from "exceljs";
import { existsSync } from "node:fs";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
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
  /** Inflate and parse on a thread of their own (where the built command line has one), while the rows are read here. */
  thread?: boolean;
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
  const sheetParts = entries.filter((e) => SHEET_PART.test(e.name));
  if (sheetParts.some((e) => !STREAMED_PART.test(e.name))) throw new NotStreamable("工作表部件的名称不是 sheetN.xml");
  // Found once: a walk that has to be made again (below) walks the same parts.
  const merges = new Map<string, Area[]>();
  for (const e of sheetParts) merges.set(STREAMED_PART.exec(e.name)![1], await partMerges(bytes, e));
  for (let o = opts; ;) {
    try {
      return await walkStreamed(file, bytes, merges, o);
    } catch (e) {
      // The parsing thread could not run (not the workbook's fault): the rows are parsed here instead.
      if (e instanceof RowThreadFailed && o.thread) o = { ...o, thread: false };
      // A list whose projects' rows are scattered is read again, each project kept whole until the end.
      else if (e instanceof InterleavedList && o.read.settle) o = { ...o, read: { ...o.read, settle: undefined } };
      else throw e;
    }
  }
}

/** The parsing thread failed or stopped by itself (it could not start, or ran out of memory): not a fault of the workbook. */
class RowThreadFailed extends Error {}

/** One walk over the workbook's rows, with each sheet part's merged areas (by the part's number) found beforehand. */
async function walkStreamed(file: string, bytes: Uint8Array, merges: Map<string, Area[]>, opts: StreamOptions): Promise<WorkbookSnapshot> {
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
  // The zip is inflated and its XML parsed on a thread of its own where there is one: the rows are read here meanwhile.
  const source = opts.thread && !opts.only && rowThreadExists() ? rowsOnThread(bytes) : sheetRows(bytes);
  let sheet: { name: string; stream: SheetStream | null; hidden: boolean } | null = null;
  const close = () => {
    if (!sheet) return;
    if (sheet.stream) {
      read.set(sheet.name, sheet.stream.end());
      projects += sheet.stream.projectCount;
    } else read.set(sheet.name, { name: sheet.name, rows: [], top: 0, left: 0, merges: [], hidden: sheet.hidden });
    sheet = null;
  };
  let order: string[] = [];
  for await (const ev of source) {
    if (ev.kind === "sheet") {
      close();
      if (!ev.name) throw new NotStreamable(`工作表部件 sheet${ev.part}.xml 不在工作簿的工作表清单中`);
      const hidden = Boolean(ev.state && ev.state !== "visible");
      const kept = !opts.only || opts.only(ev.name);
      sheet = {
        name: ev.name, hidden,
        stream: kept ? new SheetStream(ev.name, hidden, merges.get(ev.part) ?? [], file, opts.read, { window: opts.window, wholeCells: STREAM_LIMITS.wholeCells, whole: opts.previous }) : null,
      };
    } else if (ev.kind === "rows") {
      const at = sheet!;
      for (let i = 0; i < ev.rows.length; i++) {
        if (at.stream) {
          const values = ev.values[i];
          for (let c = 0; c < values.length; c++) {
            const v = values[c];
            if (typeof v === "string") values[c] = strings.intern(v);
          }
          at.stream.push(ev.rows[i], values);
        }
        counted(at.name, at.stream ?? undefined);
      }
    } else order = ev.order;
  }
  close();
  const missing = order.filter((n) => !read.has(n));
  if (missing.length > 0) throw new NotStreamable(`工作表“${missing[0]}”未能流式读取`);
  opts.onRows?.(rows, projects);
  return { file, sheets: order.map((n) => read.get(n)!) };
}

/** What the rows of a workbook come as: each sheet's start, its rows in batches (0-based row numbers), then the tab order. */
export type RowEvent =
  | { kind: "sheet"; name: string | undefined; state: string | undefined; part: string }
  | { kind: "rows"; rows: number[]; values: CellValue[][] }
  | { kind: "order"; order: string[] };

/** Rows per batch a row source gives. */
const BATCH = 500;

/** The workbook's rows as exceljs's streaming reader walks them, here on this thread. */
export async function* sheetRows(bytes: Uint8Array): AsyncGenerator<RowEvent> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]), {
    sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", worksheets: "emit", entries: "emit",
  });
  // The part each emitted sheet comes from: the reader announces it just before the sheet.
  let part = "";
  (reader as unknown as NodeJS.EventEmitter).on("entry", (e: { type: string; id?: string }) => {
    if (e.type === "worksheet") part = String(e.id);
  });
  for await (const ws of reader as unknown as AsyncIterable<SheetReaderLike>) {
    yield { kind: "sheet", name: ws.name, state: ws.state, part };
    let batch: { kind: "rows"; rows: number[]; values: CellValue[][] } = { kind: "rows", rows: [], values: [] };
    for await (const row of ws) {
      const values: CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (c, col) => {
        values[col - 1] = toCellValue(c.value);
      });
      for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = null;
      batch.rows.push(row.number - 1);
      batch.values.push(values);
      if (batch.rows.length >= BATCH) {
        yield batch;
        batch = { kind: "rows", rows: [], values: [] };
      }
    }
    if (batch.rows.length > 0) yield batch;
  }
  yield { kind: "order", order: ((reader as unknown as { model?: { sheets?: { name: string }[] } }).model?.sheets ?? []).map((s) => s.name) };
}

/** The row thread's bundle (dist/cli/row-worker.mjs); from the sources there is none, and rows are read on this thread. */
const ROW_WORKER = new URL("./row-worker.mjs", import.meta.url);

function rowThreadExists(): boolean {
  return ROW_WORKER.protocol === "file:" && existsSync(fileURLToPath(ROW_WORKER));
}

/** Batches the row thread may send ahead of the ones read here: enough to keep both threads busy, few enough to hold little. */
const AHEAD = 4;

/**
 * The same events from a thread of its own (hosts/row-worker.ts): it inflates and parses while this thread reads
 * the rows it has sent. It sends at most AHEAD batches before this thread has taken them; an error there is thrown
 * here, and the thread is stopped however the reading here ends.
 */
export async function* rowsOnThread(bytes: Uint8Array): AsyncGenerator<RowEvent> {
  // A young generation larger than the default: the parser's short-lived objects then die young instead of being
  // copied into the old one (measured on a 30,000-project list: the read 1.6× quicker).
  const worker = new Worker(ROW_WORKER, { workerData: { bytes }, resourceLimits: { maxYoungGenerationSizeMb: 64 } });
  const queue: (RowEvent | { kind: "error"; message: string } | { kind: "failed"; message: string } | { kind: "done" })[] = [];
  let wake: (() => void) | null = null;
  const put = (m: (typeof queue)[number]) => {
    queue.push(m);
    wake?.();
    wake = null;
  };
  worker.on("message", put);
  worker.on("error", (e) => put({ kind: "failed", message: e instanceof Error ? e.message : String(e) }));
  worker.on("exit", () => put({ kind: "failed", message: "读取线程意外退出" }));
  try {
    for (;;) {
      if (queue.length === 0) await new Promise<void>((r) => (wake = r));
      const m = queue.shift()!;
      if (m.kind === "done") return;
      // What the parser said of the workbook is about the workbook; a thread that failed is not.
      if (m.kind === "error") throw new Error(m.message);
      if (m.kind === "failed") throw new RowThreadFailed(m.message);
      if (m.kind === "rows") worker.postMessage("more");
      yield m;
    }
  } finally {
    worker.removeAllListeners("exit");
    await worker.terminate();
  }
}

/** The row thread's side (hosts/row-worker.ts): the events of sheetRows, sent with no more than AHEAD batches untaken. */
export async function sendRows(bytes: Uint8Array, port: { postMessage(m: unknown): void; on(e: "message", f: () => void): void }): Promise<void> {
  let credit = AHEAD;
  let wake: (() => void) | null = null;
  port.on("message", () => {
    credit++;
    wake?.();
    wake = null;
  });
  try {
    for await (const ev of sheetRows(bytes)) {
      if (ev.kind === "rows") {
        while (credit <= 0) await new Promise<void>((r) => (wake = r));
        credit--;
      }
      port.postMessage(ev);
    }
    port.postMessage({ kind: "done" });
  } catch (e) {
    port.postMessage({ kind: "error", message: e instanceof Error ? e.message : String(e) });
  }
}
