/**
 * Reading a folder of workbooks on every core (worker_threads): each thread opens one workbook at a time (parsing is
 * what takes the time), the answers come back in any order and are put in the order the files were given, so a
 * run's output is the same with one thread or many. Only the built command line has the worker's bundle; from the
 * sources (tests, tsx) files are read one after another on the main thread.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { ReadOptions } from "../core/read/options";
import type { WorkbookSnapshot } from "../core/sheet";
import { openWorkbookFile, WorkbookOpenError } from "../hosts/node-files";

export interface ReadJob {
  id: number;
  file: string;
  read: ReadOptions;
  previous: boolean;
  /** A workbook read as a stream is parsed on a thread of its own (only where no other threads are reading). */
  thread?: boolean;
}

export type ReadReply = { id: number; snapshot: WorkbookSnapshot } | { id: number; error: string } | { id: number; rows: number; projects: number };

/** Opens one job's workbook: its snapshot, or the Chinese reason it could not be opened; the same on every thread. */
export async function readJob(job: ReadJob, onRows?: (rows: number, projects: number) => void): Promise<ReadReply> {
  try {
    const host = await openWorkbookFile(job.file, { read: job.read, previous: job.previous, onRows, thread: job.thread });
    return { id: job.id, snapshot: await host.read() };
  } catch (e) {
    return { id: job.id, error: e instanceof WorkbookOpenError ? e.message : `读取 ${job.file} 时出错：${String(e)}` };
  }
}

/** Files handed to a worker before its answers come back. */
const AHEAD = 3;

const WORKER = new URL("./read-worker.mjs", import.meta.url);

/** Threads to read `files` workbooks with, the main one included: JIXIAO_JOBS if set, else one per core; 1 where there is no worker bundle. */
export function threadsFor(files: number): number {
  if (!existsSync(fileURLToPath(WORKER))) return 1;
  const asked = Number(process.env.JIXIAO_JOBS);
  const cores = Number.isInteger(asked) && asked >= 1 ? asked : availableParallelism();
  // A thread costs its start (loading exceljs, about a quarter of a second): a few files are read sooner without.
  return files < 8 ? 1 : Math.min(cores, files);
}

/**
 * Reads the jobs on `threads` threads: the main one, which starts at once, and `threads - 1` workers, which join as
 * soon as they have loaded; each takes the next file when it is free. The answers come in the jobs' order.
 */
export async function readOnThreads(jobs: ReadJob[], threads: number, readHere: (job: ReadJob) => Promise<ReadReply>, onDone: (job: ReadJob) => void, onRows?: (job: ReadJob, rows: number, projects: number) => void): Promise<ReadReply[]> {
  const replies: ReadReply[] = new Array(jobs.length);
  let next = 0;
  const workers = Array.from({ length: threads - 1 }, () => new Worker(WORKER));
  const here = async () => {
    while (next < jobs.length) {
      const job = jobs[next++];
      replies[job.id] = await readHere(job);
      onDone(job);
    }
  };
  try {
    await Promise.all([here(), ...workers.map((w) => new Promise<void>((done, fail) => {
      let out = 0;
      const give = () => {
        if (next >= jobs.length) return out === 0 ? done() : undefined;
        out++;
        w.postMessage(jobs[next++]);
      };
      w.on("message", (reply: ReadReply) => {
        if ("rows" in reply) return onRows?.(jobs[reply.id], reply.rows, reply.projects);
        replies[reply.id] = reply;
        out--;
        onDone(jobs[reply.id]);
        give();
      });
      w.on("error", fail);
      // A few files ahead, so that a worker never waits for the main thread to be free to hand it the next.
      w.once("online", () => {
        for (let i = 0; i < AHEAD; i++) give();
      });
    }))]);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return replies;
}
