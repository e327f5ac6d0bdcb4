import { readFile, realpath } from "node:fs/promises";
import { basename, dirname, join, resolve, sep } from "node:path";
import { fileName } from "../core/text";
import type { WorkbookSnapshot } from "../core/sheet";
import { collectWorkbooks, existingResult } from "../hosts/node-files";
import { type ReadJob, readJob, type ReadReply, readOnThreads, threadsFor } from "./pool";
import { type LayoutProfile, LayoutError, parseLayoutProfiles } from "../core/read/layout";
import type { ReadOptions } from "../core/read/options";

/** What a run reads and where it writes: the workbooks to open, the files passed over, a safe --out, the --layout files. */
export interface Unread {
  file: string;
  message: string;
  severity: "error" | "warning" | "info";
}

/** Opens every workbook, collecting those that cannot be opened, and the files a folder scan passed over, with Chinese messages. */
export async function readAll(
  paths: string[], previous: string[] = [], progress?: (line: string) => void, read: ReadOptions = {},
): Promise<{ snapshots: WorkbookSnapshot[]; errors: { file: string; message: string }[]; unread: Unread[] }> {
  const last = previous.length > 0 ? await collectWorkbooks(previous) : { files: [], missing: [], skipped: [] };
  const lastYear = new Set(last.files.map((f) => resolve(f)));
  const { files, missing, skipped } = await collectWorkbooks(paths);
  // A file given with --previous is last year's, also where it lies inside a folder being checked.
  const current = files.filter((f) => !lastYear.has(resolve(f)));
  const errors: { file: string; message: string }[] = [...missing, ...last.missing].map((p) => ({ file: p, message: `找不到文件或文件夹：${p}` }));
  const all = [...current, ...last.files];
  const jobs: ReadJob[] = all.map((file, id) => ({ id, file, read, previous: lastYear.has(resolve(file)) }));
  const replies = await readJobs(jobs, progress);
  const snapshots: WorkbookSnapshot[] = [];
  for (const [i, r] of replies.entries()) {
    const f = all[i];
    if ("snapshot" in r) snapshots.push({ ...r.snapshot, file: f, ...(jobs[i].previous ? { previous: true } : {}) });
    else if ("error" in r) errors.push({ file: f, message: r.error });
  }
  const unread: Unread[] = [
    ...errors.map((e) => ({ file: e.file, message: `未读取：${e.message}`, severity: "error" as const })),
    ...[...skipped, ...last.skipped].map((k) => ({ file: k.file, message: `未读取 ${fileName(k.file)}：${k.reason}。`, severity: k.severity })),
  ];
  if (files.length === 0 && missing.length === 0) {
    const what = skipped.length > 0 ? `（文件夹中有 ${skipped.length} 个其他文件，见上）` : "";
    errors.push({ file: paths.join(" "), message: `没有找到可以读取的 .xlsx、.xlsm 或 .csv 文件${what}。` });
  }
  return { snapshots, errors, unread };
}

/** The same file, as the file system sees it (case-insensitive where the system is). */
export async function samePath(p: string): Promise<string> {
  let real: string;
  try {
    real = await realpath(p);
  } catch {
    // Not there yet: its folder's real path, and its name.
    try {
      real = join(await realpath(dirname(resolve(p))), basename(p));
    } catch {
      real = resolve(p);
    }
  }
  return process.platform === "win32" || process.platform === "darwin" ? real.toLowerCase() : real;
}

/**
 * Inputs are sacred: a result is never written over a file being read, nor into a folder being scanned (the next
 * scan would read it as an input), and an existing file is replaced only when it is a result workbook this tool
 * wrote (every sheet in its register) or --force says so. Returns the Chinese refusal, or null.
 */
export async function outProblem(out: string, paths: string[], force: boolean): Promise<string | null> {
  const target = await samePath(out);
  const scanned = await collectWorkbooks(paths);
  for (const f of [...scanned.files, ...scanned.skipped.map((s) => s.file)]) {
    if ((await samePath(f)) === target) return `--out 指向的 ${out} 是本次要读取的输入文件。原文件只读不写，未作任何处理；请把结果保存为另一个文件，如 out/结果.xlsx。`;
  }
  for (const d of scanned.folders) {
    const folder = await samePath(d);
    if (target.startsWith(folder.endsWith(sep) ? folder : folder + sep)) {
      return `--out 的 ${out} 在要读取的文件夹 ${d} 中：下次检查这个文件夹时，结果会被当作输入读入。未作任何处理；请把结果保存到这个文件夹之外，如 out/结果.xlsx。`;
    }
  }
  if (force) return null;
  const existing = await existingResult(out);
  if (existing === "none" || existing === "result") return null;
  return `${out} 已存在，${existing.other}；为免覆盖您的文件，未作任何处理。请换一个文件名，或确认可以覆盖后加 --force。`;
}

/** The layout profiles given with --layout, each file checked; an unreadable or invalid one stops the run with its reason. */
export async function loadLayouts(files: string[]): Promise<LayoutProfile[]> {
  const out: LayoutProfile[] = [];
  for (const f of files) {
    let text: string;
    try {
      text = await readFile(f, "utf8");
    } catch {
      throw new LayoutError(`找不到版式文件 ${f}，请检查 --layout 后的路径。`);
    }
    out.push(...parseLayoutProfiles(text, f));
  }
  return out;
}

/** Every job read, on the machine's cores where there are several files (cli/pool.ts), else one after another. */
async function readJobs(jobs: ReadJob[], progress?: (line: string) => void): Promise<ReadReply[]> {
  let done = 0;
  const line = (job: ReadJob) => `读取文件 ${Math.min(done + 1, jobs.length)}/${jobs.length}：${fileName(job.file)}`;
  const rowsRead = progress && ((job: ReadJob, rows: number, projects: number) =>
    progress(`${line(job)}，已读 ${rows.toLocaleString("en-US")} 行${projects > 0 ? `、${projects.toLocaleString("en-US")} 个项目` : ""}`));
  const threads = threadsFor(jobs.length);
  const readHere = (job: ReadJob): Promise<ReadReply> => {
    progress?.(line(job));
    // Files one after another: a big one is parsed on a second thread while this one reads its rows.
    return readJob({ ...job, thread: threads === 1 }, rowsRead && ((rows, projects) => rowsRead(job, rows, projects)));
  };
  const finished = (job: ReadJob) => {
    done++;
    progress?.(line(job));
  };
  if (threads > 1) return readOnThreads(jobs, threads, readHere, finished, rowsRead);
  const replies: ReadReply[] = [];
  for (const job of jobs) {
    replies.push(await readHere(job));
    done++;
  }
  return replies;
}
