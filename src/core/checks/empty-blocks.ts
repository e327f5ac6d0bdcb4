import { finding, type Finding } from "../findings";
import { type Level1, level1Of, type Level2, level2Of } from "../indicators";
import type { Indicator, Project } from "../model";
import type { RuleSet } from "../rules/ruleset";
import { normalizeLabel } from "../text";

/** A block's dimension as the indicator tree names it, or its own words where the tree has no name for them. */
function dimensionOf(level: "level1" | "level2", label: string): string {
  const probe = { level1: level === "level1" ? label : "", level2: level === "level2" ? label : "" } as Indicator;
  const known: Level1 | Level2 = level === "level1" ? level1Of(probe) : level2Of(probe);
  return known === "unknown" ? `${level}:${normalizeLabel(label).replace(/[(（].*$/, "")}` : `${level === "level1" ? "l1" : "l2"}:${known}`;
}

/** Required dimensions (DOMAIN §2: 产出 with 数量/质量/时效/成本, 效益, 满意度), and the 一级 areas of evaluation frameworks. */
const REQUIRED = new Set(["l1:output", "l1:cost", "l1:benefit", "l1:satisfaction", "l2:quantity", "l2:quality", "l2:timeliness", "l2:cost", "l2:satisfaction"]);
const FRAMEWORK_AREA = /决策|过程|管理|履职|效能|效应|指标$/;

/** 效益 in the plan's words: 经济效益、社会效益、生态效益、可持续影响 — each asked for, though a project may not have all. */
const BENEFITS = new Set(["l2:economic", "l2:social", "l2:ecological", "l2:sustainable"]);

/** How an empty block is reported: as a missing required dimension (error), a 效益 left out (warning), or not. */
function weightOf(level: "level1" | "level2", label: string, d: string): "error" | "warning" | null {
  if (REQUIRED.has(d)) return "error";
  if (BENEFITS.has(d)) return "warning";
  return level === "level1" && d.startsWith("level1:") && FRAMEWORK_AREA.test(normalizeLabel(label).replace(/[(（].*$/, "")) ? "error" : null;
}

/**
 * A dimension the form lays out (a 一级 or 二级 cell) and leaves without an indicator row is that dimension missing,
 * reported at the cell that names it — unless the same dimension has indicators elsewhere in the table.
 */
export function emptyBlockFindings(p: Project, rules: RuleSet, already: Finding[]): Finding[] {
  // A target table's coverage check names its missing dimensions already.
  if (already.some((f) => f.code === "missing-dimension")) return [];
  const present = new Set(p.indicators.filter((i) => i.level3).flatMap((i) => [dimensionOf("level1", i.level1), dimensionOf("level2", i.level2)]));
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const b of p.emptyBlocks) {
    const d = dimensionOf(b.level, b.label);
    const weight = weightOf(b.level, b.label, d);
    if (present.has(d) || seen.has(d) || !weight) continue;
    seen.add(d);
    const f = finding("missing-dimension", { sheet: p.sheet, cell: b.cell },
      weight === "error"
        ? `表中列有“${b.label}”（${b.cell}），但其下没有填写任何指标，视为缺少这一类指标。`
        : `表中列有“${b.label}”（${b.cell}），但其下没有填写任何指标；方案要求效益包括经济效益、社会效益、生态效益、可持续影响，不适用的请注明理由。`,
      rules);
    // A 效益 a project may not have is a warning; a rule set that sets the code's severity decides for both.
    out.push(weight === "warning" && rules.severities["missing-dimension"] === undefined ? { ...f, severity: "warning" } : f);
  }
  return out;
}
