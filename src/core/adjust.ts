import { projectIdentity, sameProject } from "./coverage";
import { finding, type Finding } from "./findings";
import { fieldText, level3Names } from "./model";
import type { RuleSet } from "./rules/ruleset";
import { normalizeLabel } from "./text";
import { numberAt } from "./values";
import type { CoverageRow, Identity, ProjectResult } from "./results";

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

/** What a project name says it is for: the name without years, brackets and generic words (each leaves a gap, so 单位1项目2 does not become 单位12). */
export function nameCore(name: string): string {
  return normalizeLabel(name).replace(GENERIC, " ").replace(/\s+/g, " ").trim();
}

/** Character pairs (and, with n = 4, runs of four) within the parts of a core, never across a gap. */
function grams(s: string, n = 2): string[] {
  const out: string[] = [];
  for (const part of s.split(" ")) for (let i = 0; i + n <= part.length; i++) out.push(part.slice(i, i + n));
  return out;
}
/** A name's character pairs for likeness: across the gaps too, so 单位1 1 and 单位1 2 differ. */
const bigrams = (s: string) => [...s].slice(1).map((ch, i) => s[i] + ch);
/** The numbers a name carries (批次, 标段, 编号): names alike but for their numbers are different projects. */
const numbersOf = (s: string) => (s.match(/\d+/g) ?? []).join(",");

/** Names this close (after nameCore) are the same project declared twice. */
const SAME_NAME = 0.8;
/** Indicator sets this close (Jaccard) are the same project under two names. */
const SAME_INDICATORS = 0.8;
/** Small projects whose names share this many characters in a row serve one purpose. */
const ONE_PURPOSE = 4;

/** Sets of tokens grouped: items holding the very same set, and which of those groups are alike. */
export interface SimilarSets {
  /** Items (by index) holding one and the same set. */
  groups: number[][];
  /** Pairs of groups (by index into `groups`) at least `t` alike. */
  pairs: [number, number][];
  /** Each item's group, or -1 for an empty set. */
  groupOf: number[];
}

/**
 * Which token sets are at least `t` alike (Dice or Jaccard), by prefix filtering: tokens ordered rarest first, two
 * sets that alike must share a token among the first few of each, so only those are indexed and probed. Identical
 * sets are joined once, as one group: a department of 10,000 projects with one indicator set costs one set.
 * A token that even as one of a set's rarest is shared by more than COMMON sets (names made from one pattern,
 * 单位1项目1 … 单位999项目9) is not probed: such sets are compared only where a rarer token joins them, so the cost
 * stays linear; identical sets are found all the same.
 */
export function similarSets(sets: string[][], t: number, measure: "dice" | "jaccard"): SimilarSets {
  const byKey = new Map<string, number>();
  const groups: number[][] = [];
  const reps: Set<string>[] = [];
  const groupOf = sets.map((tokens, i) => {
    const uniq = [...new Set(tokens)].sort();
    if (uniq.length === 0) return -1;
    const key = uniq.join("\u0001");
    let g = byKey.get(key);
    if (g === undefined) {
      g = groups.length;
      byKey.set(key, g);
      groups.push([]);
      reps.push(new Set(uniq));
    }
    groups[g].push(i);
    return g;
  });
  const freq = new Map<string, number>();
  for (const r of reps) for (const tok of r) freq.set(tok, (freq.get(tok) ?? 0) + 1);
  const minOverlap = (n: number) => Math.max(1, Math.ceil((measure === "dice" ? (t * n) / (2 - t) : t * n) - 1e-9));
  const index = new Map<string, number[]>();
  const pairs: [number, number][] = [];
  reps.forEach((r, i) => {
    const ordered = [...r].sort((a, b) => freq.get(a)! - freq.get(b)! || (a < b ? -1 : 1));
    const prefix = ordered.slice(0, ordered.length - minOverlap(ordered.length) + 1);
    const seen = new Set<number>();
    for (const tok of prefix) {
      const list = index.get(tok) ?? [];
      if (list.length <= COMMON) for (const j of list) seen.add(j);
    }
    for (const j of seen) {
      const other = reps[j];
      let both = 0;
      for (const tok of r) if (other.has(tok)) both++;
      const score = measure === "dice" ? (2 * both) / (r.size + other.size) : both / (r.size + other.size - both);
      if (score >= t) pairs.push([j, i]);
    }
    for (const tok of prefix) {
      const list = index.get(tok);
      if (list) list.push(i);
      else index.set(tok, [i]);
    }
  });
  return { groups, pairs, groupOf };
}

/** How many sets may share a probed token before it is too common to tell them apart (see similarSets). */
const COMMON = 64;

/** Disjoint sets over 0…n−1. */
class Union {
  private parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]];
      i = this.parent[i];
    }
    return i;
  }
  join(a: number, b: number): void {
    this.parent[this.find(a)] = this.find(b);
  }
}

const copied = (c: Candidate) => c.result?.findings.some((f) => f.code === "copied-indicators") ?? false;
const sameYear = (a: Candidate, b: Candidate) => a.year === null || b.year === null || a.year === b.year;
const label = (c: Candidate) => `“${c.name}”${c.amount !== null ? `（${c.amount} 万元）` : ""}`;
/** Up to three of the others by name, and how many there are in all. */
function named(others: Candidate[], count = others.length): string {
  const shown = others.slice(0, 3).map(label).join("、");
  return count > 3 ? `${shown}等 ${count} 个项目` : shown;
}

function candidates(results: ProjectResult[], rows: CoverageRow[]): Candidate[] {
  const out: Candidate[] = [];
  for (const r of results) {
    if (r.project.kind !== "target" || r.project.scope === "department") continue;
    const name = fieldText(r.project, "name");
    if (!name) continue;
    const amount = numberAt(r.project.fields.fundsTotal);
    out.push({
      name,
      owner: normalizeLabel(fieldText(r.project, "department") || fieldText(r.project, "unit")),
      amount: amount !== null && amount > 0 ? amount : null,
      year: r.project.year,
      indicators: new Set(level3Names(r.project).map(normalizeLabel)),
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

/** Candidates of one department that overlap: near-identical names, or (not already 照抄) near-identical indicators. */
function overlapsOf(group: Candidate[]): Map<Candidate, Candidate[]> {
  const partners = group.map(() => new Set<number>());
  const link = (a: number, b: number, byName: boolean) => {
    if (a === b || !sameYear(group[a], group[b]) || sameProject(group[a].id, group[b].id)) return;
    if (byName && numbersOf(group[a].name) !== numbersOf(group[b].name)) return;
    partners[a].add(b);
    partners[b].add(a);
  };
  const relate = (sets: string[][], t: number, measure: "dice" | "jaccard", byName: boolean) => {
    const s = similarSets(sets, t, measure);
    const both = (xs: number[], ys: number[]) => {
      for (const i of xs) for (const j of ys) link(i, j, byName);
    };
    // Within one group of identical sets every member overlaps every other. Each member is linked to the group's
    // first few (enough to name three), and they to all: a large group costs its size, not its size squared.
    for (const members of s.groups) both(members.slice(0, 4), members);
    for (const [a, b] of s.pairs) {
      both(s.groups[a].slice(0, 4), s.groups[b]);
      both(s.groups[b].slice(0, 4), s.groups[a]);
    }
  };
  relate(group.map((c) => { const core = nameCore(c.name); return core.replace(/ /g, "").length >= 3 ? bigrams(core) : []; }), SAME_NAME, "dice", true);
  // Indicators and values copied word for word are copied-indicators already (照抄), not a second finding.
  relate(group.map((c) => (c.indicators.size >= 3 && !copied(c) ? [...c.indicators] : [])), SAME_INDICATORS, "jaccard", false);
  const out = new Map<Candidate, Candidate[]>();
  partners.forEach((ps, i) => {
    if (ps.size > 0) out.set(group[i], [...ps].sort((a, b) => a - b).map((j) => group[j]));
  });
  return out;
}

/** Small projects (under fragmentAmount) of one department linked by a shared run of ONE_PURPOSE characters, in clusters. */
function fragmentsOf(small: Candidate[]): Candidate[][] {
  const union = new Union(small.length);
  const firstWith = new Map<string, number>();
  small.forEach((c, i) => {
    for (const g of new Set(grams(nameCore(c.name), ONE_PURPOSE))) {
      const j = firstWith.get(g);
      if (j === undefined) firstWith.set(g, i);
      else if (sameYear(small[i], small[j])) union.join(i, j);
    }
  });
  const clusters = new Map<number, Candidate[]>();
  small.forEach((c, i) => {
    const root = union.find(i);
    const cluster = clusters.get(root);
    if (cluster) cluster.push(c);
    else clusters.set(root, [c]);
  });
  return [...clusters.values()];
}

/**
 * 调整 (四(三)5, DOMAIN §9): within one department, projects that overlap (near-identical names, or the same
 * indicators under two names) are 交叉重复; several small projects (each under cycle.fragmentAmount 万元, at least
 * cycle.fragmentMin of them) serving one purpose are 碎片化. Each project involved gets a finding naming the others;
 * a target table's decision becomes 调整.
 */
export function adjustments(results: ProjectResult[], rows: CoverageRow[], rules: RuleSet): (Finding & { file: string })[] {
  const loose: (Finding & { file: string })[] = [];
  const report = (c: Candidate, code: string, message: string, ground: string) => {
    if (c.result) {
      const p = c.result.project;
      c.result.findings.push(finding(code, { sheet: p.sheet, cell: p.fields.name?.cell ?? null }, message, rules));
      if (c.result.decision !== "调整") {
        c.result.decision = "调整";
        c.result.decisionGrounds = [];
      }
      c.result.decisionGrounds.push(ground);
    } else if (c.row) {
      loose.push({ file: c.row.item.file, ...finding(code, { sheet: c.row.item.sheet, cell: c.row.item.cell }, message, rules) });
    }
  };
  const byOwner = new Map<string, Candidate[]>();
  for (const c of candidates(results, rows)) {
    if (!c.owner) continue;
    const list = byOwner.get(c.owner);
    if (list) list.push(c);
    else byOwner.set(c.owner, [c]);
  }
  for (const group of byOwner.values()) {
    if (group.length < 2) continue;
    const overlaps = overlapsOf(group);
    for (const [c, others] of overlaps) {
      report(c, "overlapping-projects", `本项目${label(c)}与同一部门的${named(others)}名称或指标基本相同，疑似交叉重复，建议合并或调整。`, `与${named(others)}交叉重复`);
    }
    const small = group.filter((c) => c.amount !== null && c.amount < rules.cycle.fragmentAmount && !overlaps.has(c));
    for (const members of fragmentsOf(small)) {
      if (members.length < rules.cycle.fragmentMin) continue;
      const total = Math.round(members.reduce((sum, c) => sum + (c.amount ?? 0), 0) * 10000) / 10000;
      for (const c of members) {
        // The first others by name and how many there are: a cluster of thousands costs its size, not its square.
        const others = named(members.slice(0, 4).filter((o) => o !== c), members.length - 1);
        report(c, "fragmented-projects", `本项目${label(c)}与同一部门的${others}都是 ${rules.cycle.fragmentAmount} 万元以下、用途相同的小项目（共 ${members.length} 个，合计 ${total} 万元），属于碎片化安排，建议整合为一个项目。`, `与${others}碎片化安排，建议整合`);
      }
    }
  }
  return loose;
}
