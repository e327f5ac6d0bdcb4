/**
 * What draws the result workbook's charts as pictures (hosts/chart-png.ts). In the built command line a thread of
 * its own is started with the check, so that loading ECharts and resvg (a few hundred milliseconds) overlaps the
 * reading; from the sources (tests, tsx), or where the thread cannot start or fails, the charts are drawn here.
 * The thread never keeps the process alive.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { ChartSpec } from "../core/sheet";

const CHART_WORKER = new URL("./chart-worker.mjs", import.meta.url);

export type Painter = (chart: ChartSpec) => Promise<Uint8Array>;

const here: Painter = async (chart) => (await import("../hosts/chart-png")).chartPng(chart);

/** A painter, its thread started now where there is one; `stop` ends the thread once the pictures are drawn. */
export function startPainter(): { paint: Painter; stop: () => void } {
  if (CHART_WORKER.protocol !== "file:" || !existsSync(fileURLToPath(CHART_WORKER))) return { paint: here, stop: () => undefined };
  let worker: Worker | null;
  try {
    worker = new Worker(CHART_WORKER);
  } catch {
    return { paint: here, stop: () => undefined };
  }
  worker.unref();
  const waiting = new Map<number, { done: (png: Uint8Array) => void; chart: ChartSpec; fail: (e: Error) => void }>();
  let next = 0;
  const giveUp = () => {
    worker = null;
    // What the thread did not draw is drawn here.
    for (const [, w] of waiting) here(w.chart).then(w.done, w.fail);
    waiting.clear();
  };
  worker.on("message", (m: { id: number; png?: Uint8Array; error?: string }) => {
    const w = waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id);
    if (m.png) w.done(new Uint8Array(m.png));
    else here(w.chart).then(w.done, w.fail);
  });
  worker.on("error", giveUp);
  worker.on("exit", giveUp);
  return {
    paint: (chart) => {
      if (!worker) return here(chart);
      const id = next++;
      return new Promise((done, fail) => {
        waiting.set(id, { done, chart, fail });
        worker!.postMessage({ id, chart });
      });
    },
    stop: () => {
      const w = worker;
      worker = null;
      void w?.terminate();
    },
  };
}
