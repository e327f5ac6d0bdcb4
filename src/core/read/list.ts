/** Stage 5b — assemble a list (one row per indicator or project, as budget systems export) into projects. */

import { type TableKind } from "../classify";
import { type FieldKey, type Located, type Project } from "../model";
import { isBlank } from "../sheet";
import { cellText } from "../text";
import type { Sheet } from "./sheet-view";
import { hasReviewColumns, mapColumns, reportMissingColumns } from "./columns";
import { yearOf } from "./fields";
import { monthAt, newProject } from "./form";
import { readGrid } from "./grid";
import type { ReadOptions } from "./options";
import { describeReading, profileFor } from "./layout";

export function readList(s: Sheet, file: string, kind: TableKind, headers: number[], opts: ReadOptions): Project[] {
  const projects: Project[] = [];
  headers.forEach((h, i) => {
    const limit = i + 1 < headers.length ? headers[i + 1] - 1 : s.bottom;
    const profile = profileFor(s, h, opts.layouts);
    const columns = mapColumns(s, h, profile);
    const reading = describeReading(s, h, columns.roles, profile);
    const grid = readGrid(s, columns, limit, true);
    const before = projects.length;
    const byName = new Map<string, Project>();
    /** A row with a unit or department and no project (815-千佛镇部门 with its total) heads the projects below it. */
    let group: Located | null = null;
    for (const g of grid.rows) {
      const name = cellText(g.fields.name?.value ?? null).trim();
      const code = cellText(g.fields.projectCode?.value ?? null).trim();
      if (!name && !code && !g.indicator) {
        group = g.fields.department ?? g.fields.unit ?? group;
        continue;
      }
      // Rows of one project share its 项目编码 where the export has one, else its name.
      const key = code ? `code:${code}` : `name:${name}`;
      let p = byName.get(key);
      if (!p) {
        p = newProject(file, s.snap.name, kind, "list");
        p.reading = reading;
        p.year = yearOf(s, s.top, h - 1);
        p.hasReview = hasReviewColumns(columns);
        if (kind === "monitoring") p.month = monthAt(s, s.top, h + 1, opts, p);
        byName.set(key, p);
        projects.push(p);
        if (group && !g.fields.department) p.fields.department = group;
      }
      for (const [k, v] of Object.entries(g.fields) as [FieldKey, Located][]) if (!p.fields[k] || isBlank(p.fields[k]!.value)) p.fields[k] = v;
      if (g.indicator) p.indicators.push(g.indicator);
    }
    // Said once per list, on its first project, not once per project.
    if (projects.length > before) reportMissingColumns(s, projects[before], h, columns, opts);
    for (const p of projects) listFunds(p);
  });
  return projects;
}

/** A list-layout self-evaluation carries its funds as project columns: 年初预算数 / 执行数 become the funds row. */
function listFunds(p: Project): void {
  if (p.kind !== "self-evaluation" || p.funds.length > 0) return;
  const budget = p.fields.monitoringBudget ?? p.fields.fundsTotal ?? null;
  const executed = p.fields.monitoringExecuted ?? null;
  if (budget || executed) {
    p.funds.push({ label: "年度资金总额", initial: null, budget, executed, points: null, rate: p.fields.monitoringRate ?? null, score: null });
  }
}
