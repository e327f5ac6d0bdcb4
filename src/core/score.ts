import { dec, type Dec, round2 } from "./decimal";
import { compileFormula, type Formula } from "./rules/expression";
import { FORMULA_VARIABLES } from "./rules/load";
import type { RuleSet } from "./rules/ruleset";
import { normalizeLabel } from "./text";

/** Compiled formulas of a rule set, compiled once per run. */
export class Scorer {
  private readonly formulas: Record<"execution" | "higher" | "lower" | "equal", Formula>;

  constructor(readonly rules: RuleSet) {
    const f = (k: keyof RuleSet["scoring"]) => compileFormula(rules.scoring[k], FORMULA_VARIABLES);
    this.formulas = { execution: f("execution"), higher: f("higher"), lower: f("lower"), equal: f("equal") };
  }

  execution(budget: number, executed: number, points: number): Dec {
    if (budget <= 0) return dec(0);
    return round2(this.formulas.execution.evaluate({ A: budget, B: executed, points }));
  }

  /** A quantitative indicator's score, never above its points nor below zero. */
  quantitative(direction: "higher" | "lower" | "equal", target: number, actual: number, points: number): Dec {
    let s: Dec;
    try {
      s = this.formulas[direction].evaluate({ A: target, B: actual, points });
    } catch {
      // A division by zero (target or actual of 0 where the formula divides) earns nothing rather than stopping the run.
      s = dec(0);
    }
    if (s.greaterThan(points)) s = dec(points);
    if (s.isNegative()) s = dec(0);
    return round2(s);
  }
}

/**
 * Qualitative results in 财预〔2020〕10号's words (达成年度指标 / 部分达成年度指标并具有一定效果 / 未达成年度指标且效果较差),
 * their short forms, and the plain words that leave no doubt (完成 / 基本完成 / 未完成). Order matters: a "not" or
 * "partly" reading is tried before "fully", since 未达成年度指标 and 部分达成年度指标 both contain 达成年度指标.
 */
const NOT_REACHED = /^(未|没有|没|尚未)(能)?(达成|完成|达到|实现)|效果较差/;
const PARTLY_REACHED = /^(部分|基本|大部分|大部)(达成|完成|达到|实现)/;
const FULLY_REACHED = /^(已|已经|全部|全面|均已|已全部|全部已)?(达成|完成|达到|实现)(年度|全年)?(指标|目标|预期|预期目标|任务|要求|指标值)?(要求)?$/;

/**
 * Which of the rule set's categories (best first) the written result names, or null where the words leave doubt
 * (好, 较好, 有效, a number): such a result cannot be placed, and saying so is the caller's finding.
 */
export function bracketOf(text: string, rules: RuleSet): RuleSet["qualitativeBrackets"][number] | null {
  const t = normalizeLabel(text).replace(/[。.，,；;！!]+$/, "");
  if (!t) return null;
  const brackets = rules.qualitativeBrackets;
  const exact = brackets.find((b) => normalizeLabel(b.label) === t);
  if (exact) return exact;
  if (NOT_REACHED.test(t)) return brackets[brackets.length - 1];
  if (PARTLY_REACHED.test(t)) return brackets.length > 2 ? brackets[1] : null;
  if (FULLY_REACHED.test(t)) return brackets[0];
  return null;
}
