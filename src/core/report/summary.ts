import type { Analysis, ProjectResult } from "../analyze";
import { toNumber2 } from "../decimal";
import { fieldText, type Project } from "../model";
import type { Decision } from "../rules/ruleset";
import { isBlank } from "../sheet";
import { normalizeLabel } from "../text";
import { readNumberCell } from "../values";

/** One project across its tables: the target table, the monitoring and the self-evaluation meet here. */
export interface ProjectSummary {
  name: string;
  department: string;
  unit: string;
  responsible: string;
  contact: string;
  funds: number | null;
  executionRate: number | null;
  target: ProjectResult | null;
  monitoring: ProjectResult | null;
  self: ProjectResult | null;
  decision: Decision | null;
  grounds: string[];
  errors: number;
  warnings: number;
}

function key(p: Project): string {
  return normalizeLabel(fieldText(p, "name")) || `${p.file}|${p.sheet}`;
}

function firstText(results: ProjectResult[], k: Parameters<typeof fieldText>[1]): string {
  for (const r of results) {
    const t = fieldText(r.project, k);
    if (t) return t;
  }
  return "";
}

function amount(p: Project | undefined): number | null {
  if (!p) return null;
  const cells = [p.fields.fundsTotal, p.funds[0]?.budget, p.fields.monitoringBudget];
  for (const c of cells) {
    if (!c || isBlank(c.value)) continue;
    const r = readNumberCell(c.value);
    if (r.kind === "number") return r.value;
  }
  return null;
}

const summaries = new WeakMap<Analysis, ProjectSummary[]>();

/** Groups every table of the batch by project name, in the order projects first appear (once per analysis). */
export function summarize(a: Analysis): ProjectSummary[] {
  const known = summaries.get(a);
  if (known) return known;
  const list = group(a);
  summaries.set(a, list);
  return list;
}

function group(a: Analysis): ProjectSummary[] {
  const groups = new Map<string, ProjectResult[]>();
  for (const r of a.projects) groups.set(key(r.project), [...(groups.get(key(r.project)) ?? []), r]);
  return [...groups.values()].map((rs) => {
    const byKind = (k: Project["kind"]) => rs.filter((r) => r.project.kind === k).at(-1) ?? null;
    const target = byKind("target");
    const monitoring = byKind("monitoring");
    const self = byKind("self-evaluation");
    const stop = monitoring?.monitoring?.action === "停止拨款";
    const decision = stop ? "削减或取消" : self?.decision ?? target?.decision ?? null;
    const grounds = stop ? monitoring!.decisionGrounds : self?.decision ? self.decisionGrounds : target?.decisionGrounds ?? [];
    const all = rs.flatMap((r) => r.findings);
    return {
      name: firstText(rs, "name") || rs[0].project.sheet,
      department: firstText(rs, "department"),
      unit: firstText(rs, "unit"),
      responsible: firstText(rs, "responsible"),
      contact: firstText(rs, "contact"),
      funds: amount(target?.project) ?? amount(self?.project) ?? amount(monitoring?.project),
      executionRate: self?.selfEvaluation?.executionRate ?? monitoring?.monitoring?.executionRate ?? null,
      target,
      monitoring,
      self,
      decision,
      grounds,
      errors: all.filter((f) => f.severity === "error").length,
      warnings: all.filter((f) => f.severity === "warning").length,
    };
  });
}

/** The grade that counts: the review's where there is one, else the self-evaluation's. */
export function finalGrade(s: ProjectSummary): "优" | "良" | "中" | "差" | null {
  return s.self?.review?.grade ?? s.self?.selfEvaluation?.grade ?? null;
}

export function selfScore(s: ProjectSummary): number | null {
  return s.self?.selfEvaluation ? toNumber2(s.self.selfEvaluation.score) : null;
}

export function reviewScore(s: ProjectSummary): number | null {
  return s.self?.review ? toNumber2(s.self.review.score) : null;
}
