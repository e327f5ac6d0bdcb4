/**
 * A target table's own checks, apart from what needs the whole batch (copies across projects). The analysis runs
 * them on every table; a list streamed from a province's export runs them as each project's rows are read and keeps
 * only what they found (Project.settled), so that memory grows with the findings, not with the rows.
 */
import { emptyBlockFindings } from "./checks/empty-blocks";
import { checkTargetTable, copyKey } from "./checks/target";
import type { Finding } from "./findings";
import type { Interner } from "./intern";
import type { Project, Settled } from "./model";
import type { RuleSet } from "./rules/ruleset";

/** Reading findings, the target checks, then empty blocks; the batch's copied-indicators finding goes in at `copiedAt`. */
export function judgeTarget(p: Project, rules: RuleSet): Omit<Settled, "copy" | "level3"> {
  const findings: Finding[] = [...p.findings, ...checkTargetTable(p, rules)];
  const copiedAt = findings.length;
  findings.push(...emptyBlockFindings(p, rules, findings));
  return { findings, copiedAt, noTargetColumn: Boolean(p.reading && p.indicators.length > 0 && !p.reading.columns.some((c) => c.role === "target")) };
}

/** The target table judged, its indicators let go: what the analysis needs of it, and nothing it does not. */
export function settleTarget(p: Project, rules: RuleSet, strings: Interner): Project {
  const judged = judgeTarget(p, rules);
  // Kept by the hundred thousand: an array of the findings' own length (one grown by pushing has room to spare).
  judged.findings = judged.findings.slice();
  // The same words in every project's findings (缺少“实施单位”。) are kept once.
  for (const f of judged.findings) {
    f.message = strings.intern(f.message);
    f.basis = strings.intern(f.basis);
  }
  const copy = copyKey(p);
  if (copy) copy.key = strings.intern(copy.key);
  const settled: Settled = { ...judged, copy, level3: p.indicators.filter((i) => i.level3).map((i) => i.level3) };
  // The same object, lighter: the reader's list keeps it where it was.
  p.indicators = [];
  p.emptyBlocks = [];
  p.findings = [];
  p.settled = settled;
  return p;
}

/** A target table's findings with the batch's copied-indicators finding in its place, as if judged with the batch at hand. */
export function targetFindings(j: Pick<Settled, "findings" | "copiedAt">, copied: Finding[]): Finding[] {
  return copied.length === 0 ? [...j.findings] : [...j.findings.slice(0, j.copiedAt), ...copied, ...j.findings.slice(j.copiedAt)];
}
