import ExcelJS from "exceljs";
import { createWriteStream } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, extname, join, resolve, sep } from "node:path";
import { constants as zlibConstants, crc32 as zlibCrc32, inflateRawSync } from "node:zlib";
import { csvWorkbook } from "../core/csv";
import { decodeCsv } from "./csv-text";
import { ownedSheets, REGISTER_SHEET } from "../core/owned";
import type { ChartSpec, SheetSpec, WorkbookSnapshot } from "../core/sheet";
import { fillSheet, openWorkbookBytes, sheetOptions } from "./exceljs-host";
import { formatBytes, MAX_STREAMED_FILE_BYTES, MAX_WORKBOOK_BYTES, STREAM_LIMITS, WORKBOOK_LIMITS, type WorkbookHost } from "./host";
import { describeLoadError } from "./load-error";
import { NotStreamable, readStreamed, STREAMED_PART } from "./stream-sheet";
import { SheetStreamError } from "../core/read/stream";
import { fileNameText, onDisk } from "./file-names";
import { asUtf8Workbook } from "./xml-encoding";
import { addPictures, type Picture } from "./xlsx-pictures";
import { streamLimitProblem, workbookLimitProblem, type ZipEntry, zipDirectory, zipIntegrityProblem } from "./zip-limits";
import type { ReadOptions } from "../core/read/options";

/** A file that could not be opened at all, with a message in Chinese naming it. */
export class WorkbookOpenError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

/** Extensions read as workbooks (.xlsm is the same format with macros, which are never run) and as lists. */
const READ_AS_WORKBOOK = new Set([".xlsx", ".xlsm"]);
const READ_AS_CSV = new Set([".csv"]);

/** A file a folder scan passed over, and why, in words a clerk can act on. */
export interface SkippedFile {
  file: string;
  reason: string;
  /** warning: a table the clerk should convert; info: not a table at all. */
  severity: "warning" | "info";
}

/** Why a file is not read, or null when it is. */
export function skipReason(path: string): Omit<SkippedFile, "file"> | null {
  const name = basename(path);
  const ext = extname(name).toLowerCase();
  if (name.startsWith("~$")) return { reason: "Office 或 WPS 打开文件时生成的临时锁文件，不是表格", severity: "info" };
  if (READ_AS_WORKBOOK.has(ext) || READ_AS_CSV.has(ext)) return null;
  if ([".xls", ".xlt"].includes(ext)) return { reason: "旧版 Excel 格式（.xls）：请用 Excel 或 WPS 另存为 .xlsx 后再检查，或在 Excel、WPS 中打开它，用加载项检查", severity: "warning" };
  if ([".et", ".ett"].includes(ext)) return { reason: "WPS 表格格式（.et）：请在 WPS 中另存为 .xlsx 后再检查，或在 WPS 中打开它，用加载项检查", severity: "warning" };
  if ([".ods", ".numbers", ".xlsb"].includes(ext)) return { reason: `${ext} 格式：请另存为 .xlsx 后再检查`, severity: "warning" };
  if ([".xltx", ".xltm"].includes(ext)) return { reason: "Excel 模板文件：填好后另存为 .xlsx 再检查", severity: "warning" };
  return { reason: "不是表格文件（只读取 .xlsx、.xlsm 和 .csv）", severity: "info" };
}

/**
 * Expands folders (recursively) into the workbooks and CSV lists they hold, in a stable order; every other file is
 * named in `skipped` with its reason. A file given by name is always tried, whatever its extension says.
 */
export async function collectWorkbooks(paths: string[]): Promise<{ files: string[]; missing: string[]; skipped: SkippedFile[]; folders: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  const skipped: SkippedFile[] = [];
  const folders: string[] = [];
  for (const p of paths) {
    let info;
    try {
      info = await stat((await onDisk(p)) ?? p);
    } catch {
      missing.push(p);
      continue;
    }
    if (info.isDirectory()) {
      folders.push(p);
      await walk(p, files, skipped);
    } else files.push(p);
  }
  return { files, missing, skipped, folders };
}

/** A folder's files as the file system names them (file-names.ts: GBK names shown as GBK), in Explorer's order. */
async function walk(dir: string, files: string[], skipped: SkippedFile[], disk: string | Buffer = dir): Promise<void> {
  const entries = (await readdir(disk, { withFileTypes: true, encoding: "buffer" })).map((e) => ({ e, name: fileNameText(e.name) }));
  // As Explorer sorts: 单位2 before 单位10.
  entries.sort((a, b) => a.name.localeCompare(b.name, "en", { numeric: true }));
  for (const { e, name } of entries) {
    const p = join(dir, name);
    if (e.isDirectory()) await walk(p, files, skipped, Buffer.concat([Buffer.from(disk), Buffer.from(sep), e.name]));
    else if (!e.isFile()) continue;
    else {
      const why = skipReason(p);
      if (why) skipped.push({ file: p, ...why });
      else files.push(p);
    }
  }
}

/** The first bytes of a raw-deflate stream, flushed as far as the given input goes (Node's zlib). */
function inflateStart(deflated: Uint8Array): Uint8Array | null {
  try {
    return inflateRawSync(deflated, { finishFlush: zlibConstants.Z_SYNC_FLUSH });
  } catch {
    return null;
  }
}

/** A workbook already read (a CSV list, or a workbook read as a stream): read-only, like every input. */
class SnapshotHost implements WorkbookHost {
  readonly kind = "exceljs" as const;
  constructor(private readonly snapshot: WorkbookSnapshot) {}
  async read(): Promise<WorkbookSnapshot> {
    return this.snapshot;
  }
  async sheetNames(): Promise<string[]> {
    return this.snapshot.sheets.map((s) => s.name);
  }
  async write(): Promise<void> {
    throw new Error("输入文件只读，不写入");
  }
}

/** How a file is read: what a list read as a stream is read with, and how to report its rows. */
export interface OpenOptions {
  /** The reading options the run's analysis uses (a list read as a stream is read as it comes, with these). */
  read?: ReadOptions;
  /** Last year's results (--previous): their sheets are kept whole. */
  previous?: boolean;
  onRows?: (rows: number, projects: number) => void;
  /** Rows per list window, and the sheet-part size from which a workbook is streamed (tests: 1 and 0). */
  window?: number;
  streamAbove?: number;
  /** Where a workbook is read as a stream: the sheets whose rows are kept (the others come back empty), and the time it may take. */
  only?: (sheet: string) => boolean;
  seconds?: number;
  /** A workbook read as a stream is inflated and parsed on a thread of its own, where the built command line has one. */
  thread?: boolean;
}

/** Whether a workbook is read as a stream: beyond what is held whole, or with a sheet part too big to hold whole. */
function streamed(entries: ZipEntry[], above: number): boolean {
  const total = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  return total > WORKBOOK_LIMITS.uncompressedBytes || entries.some((e) => STREAMED_PART.test(e.name) && e.uncompressedSize >= above);
}

/**
 * Opens a workbook (or a CSV list) read-only: the file is read into memory and never written back. A workbook too
 * big to hold whole (a province's export) is read as a stream, its lists as their rows pass (hosts/stream-sheet.ts).
 */
export async function openWorkbookFile(path: string, opts: OpenOptions = {}): Promise<WorkbookHost> {
  let size: number;
  const disk = (await onDisk(path)) ?? path;
  try {
    size = (await stat(disk)).size;
  } catch {
    throw new WorkbookOpenError(path, `找不到文件：${path}`);
  }
  const name = basename(path);
  const cap = READ_AS_CSV.has(extname(path).toLowerCase()) ? MAX_WORKBOOK_BYTES : MAX_STREAMED_FILE_BYTES;
  if (size > cap) {
    throw new WorkbookOpenError(path, `文件 ${name} 有 ${formatBytes(size)}，超过单个文件 ${formatBytes(cap)} 的上限，未打开。请拆分后再校验。`);
  }
  const data = await readFile(disk);
  if (READ_AS_CSV.has(extname(path).toLowerCase())) {
    const workbook = csvWorkbook(name, decodeCsv(data).text);
    const cells = workbook.sheets[0].rows.reduce((n, r) => n + r.length, 0);
    if (cells > WORKBOOK_LIMITS.declaredCells) {
      throw new WorkbookOpenError(path, `文件 ${name} 有 ${cells.toLocaleString("en-US")} 个单元格，超过 ${WORKBOOK_LIMITS.declaredCells.toLocaleString("en-US")} 个的上限，未读取。请拆分后再检查。`);
    }
    return new SnapshotHost(workbook);
  }
  const why = skipReason(path);
  if (why && why.severity === "warning") throw new WorkbookOpenError(path, `文件 ${name} 是${why.reason}。`);
  const directory = zipDirectory(data);
  let verified = false;
  if (Array.isArray(directory) && streamed(directory, opts.streamAbove ?? STREAM_LIMITS.streamAbove)) {
    const over = (await streamLimitProblem(name, data, directory, inflateStart)) ?? (await zipIntegrityProblem(name, data, directory, zlibCrc32));
    if (over) throw new WorkbookOpenError(path, over);
    verified = true;
    // Parts in UTF-16 are read as UTF-8 (hosts/xml-encoding.ts); the limits above held for the file as given.
    const { bytes, entries } = (await asUtf8Workbook(data, directory, inflateStart)) ?? { bytes: data, entries: directory };
    try {
      return new SnapshotHost(await readStreamed(name, bytes, entries, { read: opts.read ?? {}, previous: opts.previous, window: opts.window, onRows: opts.onRows, only: opts.only, seconds: opts.seconds, thread: opts.thread }));
    } catch (e) {
      if (e instanceof SheetStreamError) throw new WorkbookOpenError(path, `文件 ${name}：${e.message}`);
      // Parts the streaming reader does not take: the workbook is read whole, if it may be.
      if (!(e instanceof NotStreamable)) throw new WorkbookOpenError(path, describeLoadError(name, data, e));
    }
  }
  if (size > MAX_WORKBOOK_BYTES) {
    throw new WorkbookOpenError(path, `文件 ${name} 有 ${formatBytes(size)}，超过单个工作簿 ${formatBytes(MAX_WORKBOOK_BYTES)} 的上限，未打开。请拆分后再校验。`);
  }
  const over = await workbookLimitProblem(name, data, inflateStart);
  if (over) throw new WorkbookOpenError(path, over);
  try {
    return await openWorkbookBytes(ExcelJS, name, data, { crc: zlibCrc32, verified, inflate: inflateStart });
  } catch (e) {
    throw new WorkbookOpenError(path, (e as Error).message);
  }
}

/** What stands at a result path now: nothing, a result workbook this tool wrote (every sheet registered as its own), or something else. */
export async function existingResult(path: string): Promise<"none" | "result" | { other: string }> {
  try {
    await stat(path);
  } catch {
    return "none";
  }
  let snap: WorkbookSnapshot;
  try {
    // Only the register is needed, and the sheets' names: a big result workbook's other rows are not kept.
    snap = await (await openWorkbookFile(path, { only: (sheet) => sheet === REGISTER_SHEET })).read();
  } catch (e) {
    return { other: e instanceof WorkbookOpenError ? "无法作为工作簿打开" : String(e) };
  }
  const owned = ownedSheets(snap);
  const foreign = snap.sheets.filter((s) => !owned.has(s.name));
  if (!snap.sheets.some((s) => s.name === REGISTER_SHEET)) return { other: "不是本工具写的结果工作簿" };
  if (foreign.length > 0) return { other: `其中的工作表“${foreign[0].name}”不是本工具写的` };
  return "result";
}

/** The temporary file a result is written to before it is renamed into place, beside it on the same disk. */
function temporaryPath(path: string): string {
  return join(dirname(path), `.${basename(path, extname(path))}.${process.pid}.${Date.now()}.tmp.xlsx`);
}

/**
 * A result workbook streamed to a file as its sheets are written (exceljs's WorkbookWriter): a large result never
 * sits in memory whole, nor as a whole zip. It is written to a temporary file beside the target and renamed into
 * place only when complete, so an interrupted run leaves the old file whole. Write-only: it has nothing to read.
 */
export class StreamingFileHost implements WorkbookHost {
  readonly kind = "exceljs" as const;
  private written = false;

  /** `paint` draws a sheet's charts as pictures (cli/painter.ts); without it a sheet's pictures are left out. */
  constructor(readonly path: string, private readonly paint?: (chart: ChartSpec) => Promise<Uint8Array>) {}

  async read(): Promise<WorkbookSnapshot> {
    return { file: basename(this.path), sheets: [] };
  }

  async sheetNames(): Promise<string[]> {
    return [];
  }

  async write(specs: SheetSpec[]): Promise<void> {
    return this.writeEach(specs);
  }

  async writeEach(specs: Iterable<SheetSpec>): Promise<void> {
    if (this.written) throw new Error("StreamingFileHost writes once");
    this.written = true;
    const target = resolve(this.path);
    await mkdir(dirname(target), { recursive: true });
    const temporary = temporaryPath(target);
    // The file stream is ours, so that a failed write can close it before the temporary file is removed: a stream
    // still opening would otherwise create the file again after its removal.
    const stream = createWriteStream(temporary);
    const opened = new Promise<void>((done) => {
      stream.once("open", () => done());
      stream.once("error", () => done());
    });
    try {
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
      wb.creator = "预算绩效管理加载项";
      // Each sheet's charts are asked for as the sheet is written and drawn meanwhile (on the painter's thread).
      const drawn: Promise<[string, Picture[]]>[] = [];
      for (const spec of specs) {
        const ws = wb.addWorksheet(spec.name, sheetOptions(spec));
        fillSheet(ws, spec, true);
        ws.commit();
        const paint = this.paint;
        if (paint && spec.pictures?.length) {
          drawn.push(Promise.all(spec.pictures.map(async (p) => ({ png: await paint(p.chart), row: p.row, col: p.col, width: 640, height: 360, title: p.chart.title }))).then((ps) => [spec.name, ps]));
        }
      }
      await wb.commit();
      if (!stream.closed) await new Promise<void>((done) => stream.once("close", () => done()));
      // The charts as pictures, placed once the streamed workbook is whole (hosts/xlsx-pictures.ts).
      const pictures = new Map(await Promise.all(drawn));
      if (pictures.size > 0) await writeFile(temporary, await addPictures(await readFile(temporary), pictures));
      await rename(temporary, target);
    } catch (e) {
      await opened;
      await new Promise<void>((done) => {
        if (stream.closed) return done();
        stream.once("close", () => done());
        stream.destroy();
      });
      await rm(temporary, { force: true });
      const code = (e as { code?: string }).code;
      if (code === "EBUSY" || code === "EPERM" || code === "EACCES") {
        throw new ResultWriteError(`无法写入 ${target}（${code === "EACCES" ? "没有写入权限" : "文件可能正在 Excel 或 WPS 中打开"}），原有文件未改动。请关闭该文件或换一个保存位置后重试。`);
      }
      throw e;
    }
  }
}

/** A result that could not be saved, with a Chinese message naming the file. */
export class ResultWriteError extends Error {}

/** Where results go when nobody asked for a file: nowhere (the CLI then only prints). */
export const discardHost: WorkbookHost = {
  kind: "exceljs",
  read: async () => ({ file: "", sheets: [] }),
  sheetNames: async () => [],
  write: async () => undefined,
};
