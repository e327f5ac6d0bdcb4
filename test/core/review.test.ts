import { describe, expect, it } from "vitest";
import { analyze } from "../../src/core/analyze";
import { CENTRAL } from "../../src/core/rules/ruleset";
import { selfEvaluationSheet, type SheetDef, snapshot, withCell } from "../fixtures";
import type { ProjectResult } from "../../src/core/results";

async function review(def: SheetDef): Promise<ProjectResult> {
  const [p] = analyze([await snapshot([def], "复核.xlsx")], CENTRAL).projects;
  return p;
}

const n = (d: { toNumber(): number }) => d.toNumber();

describe("再评价 (finance review) against the self-evaluation", () => {
  it("has no review when the reviewer's columns are empty", async () => {
    const p = await review(selfEvaluationSheet());
    expect(p.review).toBeNull();
  });

  it("scores the reviewer's 复核完成值 by the same rules and reports the delta", async () => {
    // Reviewer finds 1000 件 instead of 1260: 20 × 1000/1200 = 16.67.
    const def = withCell(withCell(selfEvaluationSheet(), "J10", "1000件"), "L10", "台账核实办结1000件");
    const p = await review(def);
    expect(p.findings).toEqual([]);
    expect(n(p.review!.score)).toBe(91.21); // 94.54 − 20 + 16.67
    expect(n(p.review!.delta)).toBe(3.33);
    expect(p.review!.grade).toBe("优");
  });

  it("deduction-reason-missing: a lower review score without 扣分原因", async () => {
    const p = await review(withCell(selfEvaluationSheet(), "K16", 0));
    const f = p.findings.find((x) => x.code === "deduction-reason-missing")!;
    expect(f.cell).toBe("L16");
    expect(f.message).toContain("0.00");
  });

  it("self-evaluation-inflated and review-grade-differs when the review takes 10 points or more", async () => {
    let def = withCell(withCell(selfEvaluationSheet(), "K14", 0), "L14", "无佐证材料");
    def = withCell(withCell(def, "K16", 0), "L16", "未开展满意度调查");
    const p = await review(def);
    expect(n(p.review!.score)).toBe(71.54); // 94.54 − 13 − 10
    expect(n(p.review!.delta)).toBe(23);
    expect(p.review!.grade).toBe("中");
    expect(p.findings.map((f) => f.code).sort()).toEqual(["review-grade-differs", "self-evaluation-inflated"]);
    expect(p.decision).toBe("督促改进并核减");
  });

  it("does not flag a delta just under the threshold as inflated (the grade still changes: 84.55 is 良)", async () => {
    const def = withCell(withCell(selfEvaluationSheet(), "K15", 5.01), "L15", "运行年限证明不全");
    const p = await review(def);
    expect(n(p.review!.delta)).toBe(9.99);
    expect(p.findings.map((f) => f.code)).toEqual(["review-grade-differs"]);
  });

  it("clue-transfer: the reviewer marks a 违法违纪 clue", async () => {
    const def = withCell(withCell(withCell(selfEvaluationSheet(), "K13", 0), "L13", "运维合同金额与支付凭证不符"), "M13", "疑似虚列支出，建议移交纪检");
    const p = await review(def);
    const f = p.findings.find((x) => x.code === "clue-transfer")!;
    expect(f.cell).toBe("M13");
    expect(p.review!.clues.map((c) => c.level3)).toEqual(["年度运维成本"]);
    const none = await review(withCell(selfEvaluationSheet(), "M13", "无"));
    expect(none.findings.map((x) => x.code)).not.toContain("clue-transfer");
  });
});
