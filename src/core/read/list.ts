/** Stage 5b — assemble a list (one row per indicator or project, as budget systems export) into projects. */

import { type TableKind } from "../classify";
import { type FieldKey, type Located, type Project } from "../model";
import { isBlank } from "../sheet";
import { cellText } from "../text";
import type { Sheet } from "./sheet-view";
import { type Columns, hasReviewColumns, mapColumns, reportMissingColumns } from "./columns";
import { yearOf } from "./fields";
import { monthAt, newProject } from "./form";
import { GridWalker } from "./grid";
import type { ReadOptions } from "./options";
import { describeReading, profileFor } from "./layout";

export function readList(s: Sheet, file: string, kind: TableKind, headers: number[], opts: ReadOptions): Project[] {
  const projects: Project[] = [];
  headers.forEach((h, i) => {
    const reader = new ListReader(s, file, kind, h, opts);
    reader.read(s, i + 1 < headers.length ? headers[i + 1] - 1 : s.bottom);
    for (const p of reader.finish()) projects.push(p);
  });
  return projects;
}

/**
 * The rows under one list header, read into projects as they come: the whole sheet at once (readList), or window
 * by window as a stream gives them (hosts/stream-sheet.ts), each window a Sheet that holds the rows above the data
 * (title, header) and the window's rows. The state a row depends on — which project each key is, the unit or
 * department row heading the projects below it, the grid walk's carried names — lives here between windows, so the
 * projects are the same either way.
 */
export class ListReader {
  readonly projects: Project[] = [];
  private readonly columns: Columns;
  private readonly reading: Project["reading"];
  private readonly walker: GridWalker;
  private readonly byKey = new Map<string, Project>();
  /** A row with a unit or department and no project (815-千佛镇部门 with its total) heads the projects below it. */
  private group: Located | null = null;
  /** Settling: the project whose rows are coming, and the keys of those already settled. */
  private open: { key: string; index: number } | null = null;
  private readonly closed = new Set<string>();

  /**
   * `settle`, where given, takes each project once the rows move on to the next one and gives what is kept of it
   * (core/judge.ts settleTarget); a project whose rows come back after another's then throws InterleavedList.
   */
  constructor(
    private readonly head: Sheet,
    private readonly file: string,
    private readonly kind: TableKind,
    readonly header: number,
    private readonly opts: ReadOptions,
    private readonly settle?: (p: Project) => Project,
  ) {
    const profile = profileFor(head, header, opts.layouts);
    this.columns = mapColumns(head, header, profile);
    this.reading = describeReading(head, header, this.columns.roles, profile);
    this.walker = new GridWalker(this.columns, true);
  }

  /** The rows from where the last call stopped to `limit` (a sheet row), from the window `s` that holds them. */
  read(s: Sheet, limit: number): void {
    const { columns, kind, opts } = this;
    for (const g of this.walker.walk(s, limit)) {
      const name = cellText(g.fields.name?.value ?? null).trim();
      const code = cellText(g.fields.projectCode?.value ?? null).trim();
      if (!name && !code && !g.indicator) {
        this.group = g.fields.department ?? g.fields.unit ?? this.group;
        continue;
      }
      // Rows of one project share its 项目编码 where the export has one, else its name.
      const key = code ? `code:${code}` : `name:${name}`;
      let p = this.byKey.get(key);
      if (!p && this.closed.has(key)) throw new InterleavedList(`第 ${g.row + 1} 行的项目在前面已经出现过`);
      if (!p) {
        if (this.settle) this.settleOpen();
        this.open = { key, index: this.projects.length };
        p = newProject(this.file, s.snap.name, kind, "list");
        p.reading = this.reading;
        p.year = yearOf(s, s.top, this.header - 1);
        p.hasReview = hasReviewColumns(columns);
        if (kind === "monitoring") p.month = monthAt(s, s.top, this.header + 1, opts, p);
        this.byKey.set(key, p);
        this.projects.push(p);
        if (this.group && !g.fields.department) p.fields.department = this.group;
      }
      for (const [k, v] of Object.entries(g.fields) as [FieldKey, Located][]) if (!p.fields[k] || isBlank(p.fields[k]!.value)) p.fields[k] = v;
      if (g.indicator) p.indicators.push(g.indicator);
    }
  }

  /** The projects read, once all rows are: what the header lacks is said once, on the first project. */
  finish(): Project[] {
    if (this.settle) {
      this.settleOpen();
      return this.projects;
    }
    if (this.projects.length > 0) reportMissingColumns(this.head, this.projects[0], this.header, this.columns, this.opts);
    for (const p of this.projects) listFunds(p);
    return this.projects;
  }

  /** The project whose rows have ended, finished as finish() finishes every project, then settled. */
  private settleOpen(): void {
    if (!this.open) return;
    const { key, index } = this.open;
    const p = this.projects[index];
    if (index === 0) reportMissingColumns(this.head, p, this.header, this.columns, this.opts);
    listFunds(p);
    this.projects[index] = this.settle!(p);
    this.byKey.delete(key);
    this.closed.add(key);
    this.open = null;
  }
}

/** A list whose projects' rows are not together: it cannot be settled project by project, and is read again without. */
export class InterleavedList extends Error {}

/** A list-layout self-evaluation carries its funds as project columns: 年初预算数 / 执行数 become the funds row. */
function listFunds(p: Project): void {
  if (p.kind !== "self-evaluation" || p.funds.length > 0) return;
  const budget = p.fields.monitoringBudget ?? p.fields.fundsTotal ?? null;
  const executed = p.fields.monitoringExecuted ?? null;
  if (budget || executed) {
    p.funds.push({ label: "年度资金总额", initial: null, budget, executed, points: null, rate: p.fields.monitoringRate ?? null, score: null });
  }
}
