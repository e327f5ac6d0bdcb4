import type { ProjectResult } from "./analyze";
import { type CoverageRow, type Identity, projectIdentity, sameProject } from "./coverage";
import { finding, type Finding } from "./findings";
import { fieldText } from "./model";
import type { RuleSet } from "./rules/ruleset";
import { normalizeLabel } from "./text";

/** A project that asks for money this year: a target table, or a budget-list row no target table answers. */
interface Candidate {
  name: string;
  /** The department (主管部门) or, without one, the unit: overlap and fragmentation are looked for within it. */
  owner: string;
  amount: number | null;
  year: number | null;
  indicators: Set<string>;
  result: ProjectResult | null;
  row: CoverageRow | null;
  id: Identity;
}

/** Words every project name carries, which say nothing about what it is for. */
const GENERIC = /20\d{2}\s*年度?|[(（][^)）]*[)）]|项目|经费|专项|资金|补助|工作|费用|支出|建设|购置/g;

/** What a project name says it is for: the name without years, brackets and generic words. */
export function nameCore(name: string): string {
  return normalizeLabel(name).replace(GENERIC, "");
}

function bigrams(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < s.length; i++) out.push(s.slice(i, i + 2));
  return out;
}

/** Dice similarity of two strings' character pairs, 0–1. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.length === 0 || y.length === 0) return 0;
  const pool = new Map<string, number>();
  for (const g of x) pool.set(g, (pool.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of y) {
    const n = pool.get(g) ?? 0;
    if (n > 0) {
      shared++;
      pool.set(g, n - 1);
    }
  }
  return (2 * shared) / (x.length + y.length);
}

/** The longest run of characters two strings share. */
function commonRun(a: string, b: string): number {
  let best = 0;
  const prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = a[i - 1] === b[j - 1] ? diag + 1 : 0;
      if (prev[j] > best) best = prev[j];
      diag = up;
    }
  }
  return best;
}

/** Names this close (after nameCore) are the same project declared twice. */
const SAME_NAME = 0.8;
/** Indicator sets this close (Jaccard) are the same project under two names. */
const SAME_INDICATORS = 0.8;
/** Small projects whose names share this many characters in a row serve one purpose. */
const ONE_PURPOSE = 4;

function jaccard(a: Set<string>, b: Set<string>): number {
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  return both / (a.size + b.size - both);
}

const copied = (c: Candidate) => c.result?.findings.some((f) => f.code === "copied-indicators") ?? false;
const sameYear = (a: Candidate, b: Candidate) => a.year === null || b.year === null || a.year === b.year;
const label = (c: Candidate) => `“${c.name}”${c.amount !== null ? `（${c.amount} 万元）` : ""}`;

function candidates(results: ProjectResult[], rows: CoverageRow[]): Candidate[] {
  const out: Candidate[] = [];
  for (const r of results) {
    if (r.project.kind !== "target" || r.project.scope === "department") continue;
    const name = fieldText(r.project, "name");
    if (!name) continue;
    const amount = Number(r.project.fields.fundsTotal?.value);
    out.push({
      name,
      owner: normalizeLabel(fieldText(r.project, "department") || fieldText(r.project, "unit")),
      amount: r.project.fields.fundsTotal && Number.isFinite(amount) && amount > 0 ? amount : null,
      year: r.project.year,
      indicators: new Set(r.project.indicators.filter((i) => i.level3).map((i) => normalizeLabel(i.level3))),
      result: r,
      row: null,
      id: projectIdentity(r),
    });
  }
  for (const row of rows) {
    if (row.target) continue;
    out.push({ name: row.item.name, owner: normalizeLabel(row.item.unit), amount: row.item.amount, year: row.item.year, indicators: new Set(), result: null, row, id: row.item });
  }
  return out;
}

/**
 * 调整 (四(三)5, DOMAIN §9): within one department, projects that overlap (near-identical names, or the same
 * indicators under two names) are 交叉重复; several small projects (each under cycle.fragmentAmount 万元, at least
 * cycle.fragmentMin of them) serving one purpose are 碎片化. Each project involved gets a finding naming the others;
 * a target table's decision becomes 调整.
 */
export function adjustments(results: ProjectResult[], rows: CoverageRow[], rules: RuleSet): (Finding & { file: string })[] {
  const list = candidates(results, rows).filter((c) => c.owner);
  const loose: (Finding & { file: string })[] = [];
  const report = (c: Candidate, code: string, message: string, ground: string) => {
    if (c.result) {
      const p = c.result.project;
      c.result.findings.push(finding(code, { sheet: p.sheet, cell: p.fields.name?.cell ?? null }, message, rules.severities));
      if (!c.result.decision || c.result.decision !== "调整") {
        c.result.decision = "调整";
        c.result.decisionGrounds = [];
      }
      c.result.decisionGrounds.push(ground);
    } else if (c.row) {
      loose.push({ file: c.row.item.file, ...finding(code, { sheet: c.row.item.sheet, cell: c.row.item.cell }, message, rules.severities) });
    }
  };
  const byOwner = new Map<string, Candidate[]>();
  for (const c of list) byOwner.set(c.owner, [...(byOwner.get(c.owner) ?? []), c]);
  for (const group of byOwner.values()) {
    if (group.length < 2) continue;
    const cores = group.map((c) => nameCore(c.name));
    // 交叉重复: every pair of one owner and one year.
    const overlaps = new Map<Candidate, Candidate[]>();
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const [a, b] = [group[i], group[j]];
        // Two tables of one project (a version declared again) are not two projects.
        if (!sameYear(a, b) || sameProject(a.id, b.id)) continue;
        const names = cores[i].length >= 2 && similarity(cores[i], cores[j]) >= SAME_NAME;
        // Indicators and values copied word for word are copied-indicators already (照抄), not a second finding.
        const indicators = a.indicators.size >= 3 && b.indicators.size >= 3 && jaccard(a.indicators, b.indicators) >= SAME_INDICATORS && !(copied(a) && copied(b));
        if (!names && !indicators) continue;
        overlaps.set(a, [...(overlaps.get(a) ?? []), b]);
        overlaps.set(b, [...(overlaps.get(b) ?? []), a]);
      }
    }
    for (const [c, others] of overlaps) {
      const names = others.map(label).join("、");
      report(c, "overlapping-projects", `本项目${label(c)}与同一部门的${names}名称或指标基本相同，疑似交叉重复，建议合并或调整。`, `与${names}交叉重复`);
    }
    // 碎片化: small projects linked by a shared purpose (a common run of characters), in clusters.
    const small = group.map((c, i) => ({ c, core: cores[i] })).filter((x) => x.c.amount !== null && x.c.amount < rules.cycle.fragmentAmount && !overlaps.has(x.c));
    const seen = new Set<number>();
    for (let i = 0; i < small.length; i++) {
      if (seen.has(i)) continue;
      const cluster = [i];
      seen.add(i);
      for (let k = 0; k < cluster.length; k++) {
        for (let j = 0; j < small.length; j++) {
          if (seen.has(j) || !sameYear(small[cluster[k]].c, small[j].c)) continue;
          if (commonRun(small[cluster[k]].core, small[j].core) >= ONE_PURPOSE) {
            seen.add(j);
            cluster.push(j);
          }
        }
      }
      if (cluster.length < rules.cycle.fragmentMin) continue;
      const members = cluster.map((k) => small[k].c);
      const total = Math.round(members.reduce((s, c) => s + (c.amount ?? 0), 0) * 10000) / 10000;
      for (const c of members) {
        const others = members.filter((o) => o !== c).map(label).join("、");
        report(c, "fragmented-projects", `本项目${label(c)}与同一部门的${others}都是 ${rules.cycle.fragmentAmount} 万元以下、用途相同的小项目（共 ${members.length} 个，合计 ${total} 万元），属于碎片化安排，建议整合为一个项目。`, `与${others}碎片化安排，建议整合`);
      }
    }
  }
  return loose;
}
