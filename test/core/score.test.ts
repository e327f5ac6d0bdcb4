import { describe, expect, it } from "vitest";
import { analyze } from "../../src/core/analyze";
import { parseRuleSet } from "../../src/core/rules/load";
import { CENTRAL, gradeOf, HUBEI_2020, type RuleSet } from "../../src/core/rules/ruleset";
import { bracketOf, Scorer } from "../../src/core/score";
import { selfEvaluationSheet, type SheetDef, snapshot, withCell } from "../fixtures";
import type { ProjectResult } from "../../src/core/results";

const central = new Scorer(CENTRAL);
const n = (d: { toNumber(): number }) => d.toNumber();

async function evaluate(def: SheetDef, rules: RuleSet = CENTRAL): Promise<ProjectResult> {
  const [p] = analyze([await snapshot([def], "自评.xlsx")], rules).projects;
  return p;
}

const codes = (p: ProjectResult) => p.findings.map((f) => f.code);

describe("scoring rules (hand-computed)", () => {
  it("scores budget execution as min(B/A, 1) × points", () => {
    expect(n(central.execution(50, 45, 10))).toBe(9);
    expect(n(central.execution(300, 310, 10))).toBe(10);
    expect(n(central.execution(3, 1, 10))).toBe(3.33);
    expect(n(new Scorer(HUBEI_2020).execution(50, 45, 20))).toBe(18);
  });

  it("scores a higher-is-better indicator by actual/target, full when met", () => {
    expect(n(central.quantitative("higher", 95, 90, 15))).toBe(14.21); // 15 × 90/95 = 14.2105…
    expect(n(central.quantitative("higher", 95, 99, 15))).toBe(15);
    expect(n(central.quantitative("higher", 1200, 0, 20))).toBe(0);
  });

  it("scores a lower-is-better indicator by target/actual", () => {
    expect(n(central.quantitative("lower", 10, 12, 10))).toBe(8.33); // 10 × 10/12
    expect(n(central.quantitative("lower", 10, 8, 10))).toBe(10);
    expect(n(central.quantitative("lower", 10, 0, 10))).toBe(10);
  });

  it("scores = as higher-is-better, and a target of 0 only when the actual is 0 or less", () => {
    expect(n(central.quantitative("equal", 100, 96, 10))).toBe(9.6);
    expect(n(central.quantitative("equal", 0, 0, 10))).toBe(10);
    expect(n(central.quantitative("equal", 0, 1, 10))).toBe(0);
  });

  it("rounds each score half up to 2 decimals without binary drift", () => {
    // 1000 × 1.005/200 = 5.025 in decimal; binary floating point gives 5.0249999… and would round down to 5.02.
    expect(1000 * 1.005 / 200).toBeLessThan(5.025);
    expect(n(central.quantitative("higher", 200, 1.005, 1000))).toBe(5.03);
    expect(n(central.quantitative("higher", 8, 1, 0.3))).toBe(0.04); // 0.0375 → 0.04
  });

  it("supports a province's own lower-is-better curve: points × (1 − (B−A)/A), zero at 2A", () => {
    const vendor = parseRuleSet(JSON.stringify({ id: "vendor", scoring: { lower: "B <= A ? points : max(0, points * (1 - (B - A) / A))" } }), "vendor.json");
    const s = new Scorer(vendor);
    expect(n(s.quantitative("lower", 10, 12, 10))).toBe(8);
    expect(n(s.quantitative("lower", 10, 25, 10))).toBe(0);
  });

  it("grades at the band boundaries 89.99 / 90 / 80 / 60", () => {
    expect(gradeOf(90, CENTRAL)).toBe("优");
    expect(gradeOf(89.99, CENTRAL)).toBe("良");
    expect(gradeOf(80, CENTRAL)).toBe("良");
    expect(gradeOf(79.99, CENTRAL)).toBe("中");
    expect(gradeOf(60, CENTRAL)).toBe("中");
    expect(gradeOf(59.99, CENTRAL)).toBe("差");
  });

  it("places 财预〔2020〕10号's own words, their short forms and plain words that leave no doubt", () => {
    // 10号's words: the lower two both contain 达成年度指标, and must not be read as the top bracket.
    expect(bracketOf("达成年度指标", CENTRAL)?.min).toBe(80);
    expect(bracketOf("部分达成年度指标并具有一定效果", CENTRAL)?.min).toBe(60);
    expect(bracketOf("未达成年度指标且效果较差", CENTRAL)?.max).toBe(60);
    expect(bracketOf("部分达成并具有一定效果", CENTRAL)?.min).toBe(60);
    expect(bracketOf("未达成且效果较差", CENTRAL)?.max).toBe(60);
    expect(bracketOf("已完成。", CENTRAL)?.min).toBe(80);
    expect(bracketOf("基本完成", CENTRAL)?.min).toBe(60);
    expect(bracketOf("未完成", CENTRAL)?.max).toBe(60);
    expect(bracketOf("部分达成", HUBEI_2020)?.min).toBe(50);
  });

  it("leaves a result in doubtful words unplaced", () => {
    for (const t of ["好", "较好", "有效", "效果明显", "1260件", "完成较好", "达成年度指标的90%"]) expect(bracketOf(t, CENTRAL), t).toBeNull();
  });
});

describe("self-evaluation table (绩效自评表)", () => {
  it("recomputes a correct table to the unit's own total, with no finding", async () => {
    const p = await evaluate(selfEvaluationSheet());
    expect(p.findings).toEqual([]);
    expect(n(p.selfEvaluation!.score!)).toBe(94.54);
    expect(p.selfEvaluation!.executionRate).toBe(0.9);
    expect(p.selfEvaluation!.grade).toBe("优");
    expect(p.decision).toBe("优先保障");
  });

  it("score-mismatch: a unit's arithmetic error, at the cell, and the total", async () => {
    const p = await evaluate(withCell(selfEvaluationSheet(), "H11", 15));
    const cells = p.findings.filter((f) => f.code === "score-mismatch").map((f) => f.cell);
    expect(cells).toEqual(["H11"]);
    expect(p.findings.find((f) => f.cell === "H11")!.message).toContain("14.21");
    const q = await evaluate(withCell(selfEvaluationSheet(), "H17", 96));
    expect(q.findings.map((f) => [f.code, f.cell])).toEqual([["score-mismatch", "H17"]]);
  });

  it("score-mismatch on the budget execution score", async () => {
    const p = await evaluate(withCell(selfEvaluationSheet(), "H5", 10));
    expect(p.findings.map((f) => [f.code, f.cell])).toContainEqual(["score-mismatch", "H5"]);
  });

  it("score-above-points", async () => {
    const p = await evaluate(withCell(withCell(selfEvaluationSheet(), "H15", 16), "H17", 95.54));
    // The score counts at most its points, so the unit's total is off by the excess too.
    expect(p.findings.map((f) => [f.code, f.cell])).toEqual([["score-above-points", "H15"], ["score-mismatch", "H17"]]);
  });

  it("qualitative-out-of-bracket: 达成年度指标 scored below 80% of the points", async () => {
    const p = await evaluate(withCell(withCell(selfEvaluationSheet(), "H14", 10), "H17", 91.54));
    const f = p.findings.find((x) => x.code === "qualitative-out-of-bracket")!;
    expect(f.cell).toBe("H14");
    expect(f.message).toContain("12.00–15.00");
    // Under 湖北 brackets 部分达成 allows 50–80%: 8 of 15 is inside there, outside central's 60–80%.
    const partial = withCell(withCell(withCell(selfEvaluationSheet(), "F14", "部分达成并具有一定效果"), "H14", 8), "I14", "部分社区未覆盖");
    const c = await evaluate(withCell(partial, "H17", 89.54));
    expect(codes(c)).toContain("qualitative-out-of-bracket");
  });

  it("qualitative-out-of-bracket: a result in 10号's words placed in its bracket, and an unplaceable result named", async () => {
    // 部分达成年度指标并具有一定效果 allows 60–80% of 15 points = 9–12; the unit wrote 13 (and a reason).
    const partial = withCell(withCell(selfEvaluationSheet(), "F14", "部分达成年度指标并具有一定效果"), "I14", "部分社区未覆盖");
    const p = await evaluate(partial);
    const f = p.findings.find((x) => x.code === "qualitative-out-of-bracket")!;
    expect([f.cell, f.message.includes("9.00–12.00")]).toEqual(["H14", true]);
    // “效果很好” is no bracket's word: a finding at the result cell, not a silent pass.
    const q = await evaluate(withCell(selfEvaluationSheet(), "F14", "效果很好"));
    const g = q.findings.find((x) => x.code === "qualitative-out-of-bracket")!;
    expect([g.cell, g.message.includes("无法归入档次")]).toEqual(["F14", true]);
  });

  it("target-not-measurable: an empty 年度指标值 in a self-evaluation is a finding at that cell", async () => {
    const p = await evaluate(withCell(selfEvaluationSheet(), "E14", null));
    expect(p.findings.filter((f) => f.code === "target-not-measurable").map((f) => f.cell)).toEqual(["E14"]);
  });

  it("deviation-reason-missing: a shortfall, or a result of 130% of target or more, with no reason", async () => {
    const p = await evaluate(withCell(selfEvaluationSheet(), "I11", null));
    expect(p.findings.map((f) => [f.code, f.cell])).toEqual([["deviation-reason-missing", "I11"]]);
    const over = withCell(withCell(selfEvaluationSheet(), "F10", "1600件"), "H17", 94.54);
    const q = await evaluate(over);
    expect(q.findings.map((f) => [f.code, f.cell])).toEqual([["deviation-reason-missing", "I10"]]);
    expect(q.findings[0].message).toContain("130%");
  });

  it("points-sum: points that do not add up to 100", async () => {
    const p = await evaluate(withCell(withCell(withCell(selfEvaluationSheet(), "G10", 25), "H10", 25), "H17", 99.54));
    expect(codes(p)).toEqual(["points-sum"]);
  });

  it("scores the same table under 湖北 rules: execution worth 20 points", async () => {
    let def = withCell(withCell(selfEvaluationSheet(), "F5", 20), "H5", 18);
    def = withCell(withCell(def, "G10", 10), "H10", 10);
    def = withCell(def, "H17", 93.54); // 18 + 10 + 14.21 + 8.33 + 5 + 13 + 15 + 10
    const p = await evaluate(def, HUBEI_2020);
    expect(p.findings).toEqual([]);
    expect(n(p.selfEvaluation!.executionScore!)).toBe(18);
    expect(n(p.selfEvaluation!.score!)).toBe(93.54);
  });

  it("reports an actual value that is not a number as unreadable-value, and a formula error as formula-error", async () => {
    const p = await evaluate(withCell(selfEvaluationSheet(), "F11", "见附件"));
    expect(p.findings.map((f) => [f.code, f.cell])).toContainEqual(["unreadable-value", "F11"]);
    const q = await evaluate(withCell(selfEvaluationSheet(), "E5", { formula: "1/0", result: { error: "#DIV/0!" } }));
    expect(q.findings.map((f) => [f.code, f.cell])).toContainEqual(["formula-error", "E5"]);
  });

  it("decides 收回 when last year's carried-over funds were left unspent", async () => {
    const def = withCell(withCell(withCell(selfEvaluationSheet(), "C7", 20), "D7", 20), "E7", 0);
    const p = await evaluate(def);
    expect(p.decision).toBe("收回");
  });
});
