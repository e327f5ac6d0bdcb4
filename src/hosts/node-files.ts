import ExcelJS from "exceljs";
import { mkdir, readdir, readFile, stat } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";
import { constants as zlibConstants, inflateRawSync } from "node:zlib";
import type { SheetSpec, WorkbookSnapshot } from "../core/sheet";
import { type ExcelJsHost, fillSheet, openWorkbookBytes, sheetOptions } from "./exceljs-host";
import { formatBytes, MAX_WORKBOOK_BYTES, type WorkbookHost } from "./host";
import { workbookLimitProblem } from "./zip-limits";

/** A file that could not be opened at all, with a message in Chinese naming it. */
export class WorkbookOpenError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

/** Expands folders (recursively) into the .xlsx files they hold, in a stable order. Office lock files (~$x.xlsx) are skipped. */
export async function collectWorkbooks(paths: string[]): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  for (const p of paths) {
    let info;
    try {
      info = await stat(p);
    } catch {
      missing.push(p);
      continue;
    }
    if (info.isDirectory()) files.push(...(await walk(p)));
    else files.push(p);
  }
  return { files, missing };
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name, "en"));
  const out: string[] = [];
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else if (extname(e.name).toLowerCase() === ".xlsx" && !e.name.startsWith("~$")) out.push(p);
  }
  return out;
}

/** The first bytes of a raw-deflate stream, flushed as far as the given input goes (Node's zlib). */
function inflateStart(deflated: Uint8Array): Uint8Array | null {
  try {
    return inflateRawSync(deflated, { finishFlush: zlibConstants.Z_SYNC_FLUSH });
  } catch {
    return null;
  }
}

/** Opens a workbook read-only: the file is read into memory and never written back. */
export async function openWorkbookFile(path: string): Promise<ExcelJsHost> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new WorkbookOpenError(path, `找不到文件：${path}`);
  }
  if (size > MAX_WORKBOOK_BYTES) {
    throw new WorkbookOpenError(
      path,
      `文件 ${basename(path)} 有 ${formatBytes(size)}，超过单个工作簿 ${formatBytes(MAX_WORKBOOK_BYTES)} 的上限，未打开。请拆分后再校验。`,
    );
  }
  const data = await readFile(path);
  const over = await workbookLimitProblem(basename(path), data, inflateStart);
  if (over) throw new WorkbookOpenError(path, over);
  try {
    return await openWorkbookBytes(ExcelJS, basename(path), data);
  } catch (e) {
    throw new WorkbookOpenError(path, (e as Error).message);
  }
}

/**
 * A result workbook streamed straight to a file as its sheets are written (exceljs's WorkbookWriter): a large
 * result never sits in memory whole, nor as a whole zip. Write-only: it has nothing to read.
 */
export class StreamingFileHost implements WorkbookHost {
  readonly kind = "exceljs" as const;
  private written = false;

  constructor(readonly path: string) {}

  async read(): Promise<WorkbookSnapshot> {
    return { file: basename(this.path), sheets: [] };
  }

  async sheetNames(): Promise<string[]> {
    return [];
  }

  async write(specs: SheetSpec[]): Promise<void> {
    if (this.written) throw new Error("StreamingFileHost writes once");
    this.written = true;
    await mkdir(dirname(resolve(this.path)), { recursive: true });
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: resolve(this.path), useStyles: true, useSharedStrings: true });
    wb.creator = "预算绩效管理加载项";
    for (const spec of specs) {
      const ws = wb.addWorksheet(spec.name, sheetOptions(spec));
      fillSheet(ws, spec, true);
      ws.commit();
    }
    await wb.commit();
  }
}

/** Where results go when nobody asked for a file: nowhere (the CLI then only prints). */
export const discardHost: WorkbookHost = {
  kind: "exceljs",
  read: async () => ({ file: "", sheets: [] }),
  sheetNames: async () => [],
  write: async () => undefined,
};
