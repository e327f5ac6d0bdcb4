import { type CancelSignal, CancelledError, runCheck, runInventory } from "../app/actions";
import type { ReportStep } from "../core/report";
import { STEP_NAMES } from "../core/report";
import { builtInRuleSet } from "../core/rules/load";
import { BUILT_IN, DEFAULT_RULES } from "../core/rules/ruleset";
import { templateBooks } from "../core/templates";
import type { WorkbookHost } from "../hosts/host";
import { byId, type CheckView, renderCheck, setStatus, showCheck, showInventory } from "./view";
import type { Progress } from "../core/results";
import type { LayoutProfile } from "../core/read/layout";
import { downloadText, LayoutStore, readingViews, renderReadings } from "./reading-view";
import { offerDocuments } from "./documents-button";
import { issuedDocuments } from "../core/report/run-report";

/** Where an action reads from and writes to: the open workbook inside Excel, or an opened file and a new workbook. */
export interface Workspace {
  source(): WorkbookHost | null;
  newTarget(): Promise<WorkbookHost>;
  /** After the result sheets are written: returns the sentence that tells the user where they are. */
  finish(target: WorkbookHost, sheets: string[]): Promise<string>;
  select?(sheet: string, cell: string): void;
  /** Puts a template where the user can fill it; returns the sentence that says where. */
  template(id: string): Promise<string>;
  /** The source's sheet names, for the 上年结果 choice. */
  sheetNames?(): Promise<string[]>;
  /** A workbook of last year's results chosen apart from the source (the page's 上年结果文件). */
  previous?(): WorkbookHost | null;
  /**
   * Runs a check elsewhere (the page's Web Worker) instead of in this thread: returns what the pane shows and the
   * sentence saying where the result is.
   */
  check?(request: CheckOptions, onProgress: (p: Progress) => void, signal: Cancel): Promise<{ view: CheckView; message: string }>;
}

/** The options of a check, as the pane's controls set them. */
export interface CheckOptions {
  step: ReportStep;
  ruleSet: string;
  month?: number;
  previousSheets: string[];
  /** The layout profiles the clerk made in the 读取方式 view (and imported). */
  layouts?: LayoutProfile[];
}

/** The 取消 button's signal; `onAbort` lets a worker be told at once. */
export interface Cancel extends CancelSignal {
  aborted: boolean;
  onAbort?: () => void;
}

/** Wires the action buttons, options, progress and cancel to a workspace; the same for both modes. */
export function wireActions(ws: Workspace): { enable(on: boolean): void; refreshSheets(): void } {
  const layouts = new LayoutStore();
  const readingActions = {
    rerun: () => byId<HTMLButtonElement>("run-check").click(),
    exportFile: downloadText,
    status: setStatus,
  };
  const month = byId<HTMLSelectElement>("month");
  if (month.options.length === 1) for (let m = 1; m <= 12; m++) month.add(new Option(`1-${m}月`, String(m)));
  // The built-in rule sets, the default first and chosen, before the workbook's own 参数 sheet.
  const ruleSets = byId<HTMLSelectElement>("rule-set");
  if (ruleSets.options.length === 1) Object.values(BUILT_IN).forEach((r, i) => ruleSets.add(new Option(r.name, r.id, i === 0, i === 0), i));
  const templates = byId<HTMLSelectElement>("template");
  if (templates.options.length === 0) for (const t of templateBooks()) templates.add(new Option(t.name, t.id));
  byId<HTMLButtonElement>("insert-template").addEventListener("click", async () => {
    try {
      setStatus(await ws.template(templates.value));
    } catch (e) {
      setStatus(`模板出错：${e instanceof Error ? e.message : String(e)}`, true);
    }
  });

  // 上年结果: a sheet of the source holding last year's results, listed afresh whenever the list is opened.
  const previousSheet = byId<HTMLSelectElement>("previous-sheet");
  const refreshSheets = () => {
    if (!ws.sheetNames) return;
    ws.sheetNames().then((names) => {
      const keep = previousSheet.value;
      while (previousSheet.options.length > 1) previousSheet.remove(1);
      for (const n of names) previousSheet.add(new Option(n, n));
      previousSheet.value = names.includes(keep) ? keep : "";
    }).catch(() => undefined);
  };
  previousSheet.addEventListener("focus", refreshSheets);

  const stepButtons = [...document.querySelectorAll<HTMLButtonElement>("button[data-step]")];
  const inv = byId<HTMLButtonElement>("run-inventory");
  const buttons = [...stepButtons, inv];
  const enable = (on: boolean) => buttons.forEach((b) => (b.disabled = !on));
  const box = byId("progress-box");
  const bar = byId<HTMLProgressElement>("progress");
  const stage = byId("progress-text");
  let controller: Cancel | null = null;
  byId<HTMLButtonElement>("cancel").addEventListener("click", () => {
    if (!controller) return;
    controller.aborted = true;
    controller.onAbort?.();
  });

  const progress = (p: Progress) => {
    bar.value = p.done;
    stage.textContent = p.stage;
  };

  async function run(label: string, action: (source: WorkbookHost, target: WorkbookHost, signal: CancelSignal) => Promise<string[]>) {
    const source = ws.source();
    if (!source) return;
    await runWith(label, async (signal) => {
      const target = await ws.newTarget();
      const sheets = await action(source, target, signal);
      return ws.finish(target, sheets);
    });
  }

  async function runWith(label: string, action: (signal: Cancel) => Promise<string>) {
    enable(false);
    controller = { aborted: false };
    box.hidden = false;
    progress({ stage: "读取工作簿", done: 0 });
    setStatus(`${label}：正在处理…`);
    try {
      setStatus(`${label}完成。${await action(controller)}`);
    } catch (e) {
      if (e instanceof CancelledError) setStatus(e.message);
      else setStatus(`${label}出错：${e instanceof Error ? e.message : String(e)}`, true);
    } finally {
      box.hidden = true;
      controller = null;
      enable(true);
    }
  }

  for (const button of stepButtons) {
    const step = button.dataset.step as ReportStep;
    button.addEventListener("click", () => {
      if (ws.check && ws.source()) {
        const request = {
          step, ruleSet: byId<HTMLSelectElement>("rule-set").value, month: month.value ? Number(month.value) : undefined,
          previousSheets: previousSheet.value ? [previousSheet.value] : [], layouts: layouts.all(),
        };
        return runWith(STEP_NAMES[step], async (signal) => {
          const r = await ws.check!(request, progress, signal);
          renderCheck(r.view);
          renderReadings(r.view.readings, layouts, readingActions);
          return r.message;
        });
      }
      return run(STEP_NAMES[step], async (source, target, signal) => {
        const choice = byId<HTMLSelectElement>("rule-set").value;
        const rules = choice === "sheet" ? "sheet" : builtInRuleSet(choice) ?? DEFAULT_RULES;
        const m = month.value ? Number(month.value) : undefined;
        const lastYear = ws.previous?.();
        const { analysis, sheetsWritten } = await runCheck([source], target, rules, {
          month: m, step, signal, onProgress: progress,
          previousSheets: previousSheet.value ? [previousSheet.value] : [], previous: lastYear ? [lastYear] : undefined, layouts: layouts.all(),
        });
        showCheck(analysis, ws.select ? (s, c) => ws.select!(s, c) : undefined);
        // The run's 公文, as Word documents on request (下载公文).
        offerDocuments(issuedDocuments(analysis, step));
        renderReadings(readingViews(analysis), layouts, readingActions);
        return sheetsWritten;
      });
    });
  }
  inv.addEventListener("click", () =>
    run("工作表清单", async (source, target) => {
      const { rows, sheetsWritten } = await runInventory([source], target);
      showInventory(rows);
      return sheetsWritten;
    }),
  );
  return { enable, refreshSheets };
}
