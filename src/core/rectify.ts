import { ProjectIndex, projectIdentity, yearless } from "./coverage";
import type { ProjectResult, Rectification } from "./results";

/** Each problem's project among the batch's tables (by 项目编码, else name and unit; any year). */
export function linkRectification(items: Rectification[], results: ProjectResult[]): void {
  const index = new ProjectIndex(results, (r) => yearless(projectIdentity(r)));
  for (const it of items) {
    if (!it.name && !it.code) continue;
    it.projects = index.all(yearless(it)).map((x) => x.item);
  }
}

/**
 * Open problems reach 结果应用 (四(三)5 反馈、整改、提升): every table of the batch for the project gets the count of
 * its unfinished problems among its decision's grounds.
 */
export function addRectificationGrounds(items: Rectification[]): void {
  const openOf = new Map<ProjectResult, Rectification[]>();
  for (const i of items) {
    if (i.status === "已整改") continue;
    for (const r of i.projects) {
      const list = openOf.get(r);
      if (list) list.push(i);
      else openOf.set(r, [i]);
    }
  }
  for (const [r, open] of openOf) {
    if (open.length === 0 || !r.decision) continue;
    r.decisionGrounds.push(openProblems(open));
  }
}

/** Problems not yet put right, in a few words: how many, and how many of them past their deadline. */
export function openProblems(open: Rectification[]): string {
  const late = open.filter((i) => i.status === "逾期").length;
  return `有 ${open.length} 个问题未完成整改${late ? `（其中逾期 ${late} 个）` : ""}`;
}
