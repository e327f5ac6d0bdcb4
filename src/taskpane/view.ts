import { KIND_NAMES } from "../core/classify";
import { bySeverity } from "../core/findings";
import type { InventoryRow } from "../core/inventory";
import { fieldText } from "../core/model";
import { summarize } from "../core/report/summary";
import { selfScoreText } from "../core/self-evaluation";
import type { Analysis } from "../core/results";
import { evidenceLine } from "../core/evidence";
import { clear, el } from "./dom";
import { type ReadingView, readingViews } from "./reading-view";

/** Small DOM helpers. Workbook text only ever reaches the page through textContent. */

export function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id}`);
  return el as T;
}

export function setStatus(text: string, isError = false): void {
  const el = byId("status");
  el.textContent = text;
  // classList.toggle's second argument is missing in Internet Explorer 11 (the webview of Office 2016/2019).
  if (isError) el.classList.add("error");
  else el.classList.remove("error");
}


function fillRows(table: HTMLTableElement, rows: string[][], decorate?: (td: HTMLTableCellElement, row: number, col: number) => void): void {
  const body = table.tBodies[0];
  clear(body);
  rows.forEach((cells, r) => {
    const tr = el("tr");
    cells.forEach((text, c) => {
      const td = el("td", text);
      decorate?.(td, r, c);
      tr.appendChild(td);
    });
    body.appendChild(tr);
  });
  table.hidden = false;
}

/** Rows or groups shown per slice of work: a 10,000-project result is laid out in slices, never in one long task. */
const SLICE = 300;
/** Bumped by every new rendering of a part (the projects, the findings), so that the slices of an older one stop. */
const rendering: Record<string, number> = {};

/**
 * Calls `each` for the items in slices of SLICE, a breath (setTimeout 0) between slices, until a newer rendering
 * of the same part starts.
 */
function inSlices<T>(part: string, items: T[], each: (item: T, index: number) => void, done?: () => void): void {
  const token = (rendering[part] = (rendering[part] ?? 0) + 1);
  let at = 0;
  const step = () => {
    if (token !== rendering[part]) return;
    const end = Math.min(items.length, at + SLICE);
    for (; at < end; at++) each(items[at], at);
    if (at < items.length) setTimeout(step, 0);
    else done?.();
  };
  step();
}

function resetResults(): void {
  // A new result: the slices of the last one stop.
  for (const part of Object.keys(rendering)) rendering[part]++;
  byId("project-table").hidden = true;
  byId("result-table").hidden = true;
  byId("finding-filters").hidden = true;
  clear(byId("finding-groups"));
  byId("result-summary").textContent = "";
  byId("result-section").hidden = false;
}

export function showInventory(rows: InventoryRow[]): void {
  resetResults();
  fillRows(
    byId<HTMLTableElement>("result-table"),
    rows.map((r) => [r.sheet + (r.hidden ? "（隐藏）" : ""), r.usedRange ?? "（空）", KIND_NAMES[r.classification.kind]]),
    (td, r, c) => {
      if (c !== 2) return;
      td.className = `kind-${rows[r].classification.kind}`;
      td.title = rows[r].classification.evidence;
    },
  );
}

const SEVERITY_NAMES = { error: "错误", warning: "警告", info: "提示" } as const;

type ShownFinding = Analysis["projects"][number]["findings"][number] & { group: string };

/** What the pane shows of a check, as plain data: it crosses from the page's worker to the page as it is. */
export interface CheckView {
  summary: string;
  /** Project, kind, conclusions. */
  projects: string[][];
  findings: ShownFinding[];
  /** How each table was read, for the 读取方式 view. */
  readings: ReadingView[];
}

export function checkView(a: Analysis): CheckView {
  const findings: ShownFinding[] = [
    ...a.projects.flatMap((p) => p.findings.map((f) => ({ ...f, group: `${fieldText(p.project, "name") || p.project.sheet}（${KIND_NAMES[p.project.kind]}）` }))),
    ...a.findings.map((f) => ({ ...f, group: f.file })),
  ];
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  return {
    summary: `${a.projects.length} 张绩效表（${summarize(a).length} 个项目）；错误 ${count("error")} 条，警告 ${count("warning")} 条，提示 ${count("info")} 条（规则集：${a.ruleSet.name}）`,
    projects: a.projects.map((r) => [
      fieldText(r.project, "name") || r.project.sheet,
      KIND_NAMES[r.project.kind],
      [
        r.targetVerdict ?? "",
        r.monitoring ? `截至${r.monitoring.month}月：${r.monitoring.action}` : "",
        r.selfEvaluation ? `${selfScoreText(r.selfEvaluation)}（${r.selfEvaluation.grade}）` : "",
        r.review ? `复核 ${r.review.score.toFixed(2)}（${r.review.grade}）` : "",
        r.decision ?? (r.selfEvaluation ? "不给结果应用" : ""),
      ].filter(Boolean).join("；"),
      // What the verdict rests on (依据): the cells read, recomputed or as stated, or what is missing.
      [r.selfEvaluation?.evidence, r.monitoring?.evidence].filter((e) => e !== undefined).map((e) => evidenceLine(e!)).join("；") || "—",
    ]),
    findings,
    readings: readingViews(a),
  };
}

/**
 * Projects with their verdicts, then the findings grouped by project, errors first, filterable by severity and
 * code; `onSelect` is called when a finding is chosen (click or Enter).
 */
export function showCheck(a: Analysis, onSelect?: (sheet: string, cell: string) => void): void {
  renderCheck(checkView(a), onSelect);
}

export function renderCheck(v: CheckView, onSelect?: (sheet: string, cell: string) => void): void {
  resetResults();
  const findings = v.findings;
  byId("result-summary").textContent = v.summary;
  const table = byId<HTMLTableElement>("project-table");
  const body = table.tBodies[0];
  clear(body);
  table.hidden = false;
  // The projects first, then the findings, each in slices (see inSlices).
  const projectRows = () =>
    inSlices("projects", v.projects, (cells) => {
      const tr = el("tr");
      for (const text of cells) tr.appendChild(el("td", text));
      body.appendChild(tr);
    }, render);

  const severity = byId<HTMLSelectElement>("filter-severity");
  const code = byId<HTMLSelectElement>("filter-code");
  clear(code);
  code.add(new Option("全部", ""));
  for (const c of [...new Set(findings.map((f) => f.code))].sort()) code.add(new Option(c, c));
  severity.value = "";
  byId("finding-filters").hidden = findings.length === 0;
  function render() {
    renderGroups(findings, severity.value, code.value, onSelect);
  }
  severity.onchange = render;
  code.onchange = render;
  projectRows();
}

function renderGroups(all: ShownFinding[], severity: string, code: string, onSelect?: (sheet: string, cell: string) => void): void {
  const box = byId("finding-groups");
  clear(box);
  const shown = all.filter((f) => (!severity || f.severity === severity) && (!code || f.code === code));
  const groups = new Map<string, ShownFinding[]>();
  for (const f of shown) {
    const list = groups.get(f.group);
    if (list) list.push(f);
    else groups.set(f.group, [f]);
  }
  inSlices("findings", [...groups], ([name, list]) => {
    list.sort(bySeverity);
    const details = el("details", undefined, "group");
    details.open = list.some((f) => f.severity === "error") || groups.size <= 3;
    const summary = el("summary", name);
    const counts = (["error", "warning", "info"] as const).filter((s) => list.some((f) => f.severity === s)).map((s) => `${SEVERITY_NAMES[s]} ${list.filter((f) => f.severity === s).length}`);
    summary.appendChild(el("span", counts.join("，"), "counts"));
    details.appendChild(summary);
    const ol = el("ol", undefined, "findings");
    for (const f of list) ol.appendChild(findingItem(f, onSelect));
    details.appendChild(ol);
    box.appendChild(details);
  });
  if (shown.length === 0 && all.length > 0) box.appendChild(el("p", "没有符合筛选条件的问题。", "hint"));
}

function findingItem(f: ShownFinding, onSelect?: (sheet: string, cell: string) => void): HTMLLIElement {
  const li = el("li");
  li.appendChild(el("span", SEVERITY_NAMES[f.severity], `sev sev-${f.severity}`));
  li.appendChild(el("span", f.message));
  const where = `${f.sheet ?? ""}${f.cell ? "!" + f.cell : ""}`;
  if (where) li.appendChild(el("span", ` ${where}`, "where"));
  li.title = `${f.code}：${f.basis}`;
  li.dataset.code = f.code;
  if (onSelect && f.sheet && f.cell) {
    li.tabIndex = 0;
    li.classList.add("selectable");
    li.setAttribute("role", "button");
    const go = () => onSelect(f.sheet!, f.cell!);
    li.addEventListener("click", go);
    li.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        go();
      }
    });
  }
  return li;
}
