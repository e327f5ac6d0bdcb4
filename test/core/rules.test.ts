import { describe, expect, it } from "vitest";
import { catalogEntry } from "../../src/core/findings";
import { compileFormula } from "../../src/core/rules/expression";
import { parseRuleSet, RuleSetError } from "../../src/core/rules/load";
import { CENTRAL, HUBEI_2020 } from "../../src/core/rules/ruleset";
import { parameterSheet, ruleSetFromSheet } from "../../src/core/rules/sheet";
import type { SheetSnapshot, SheetSpec } from "../../src/core/sheet";

const load = (o: unknown) => parseRuleSet(JSON.stringify(o), "本局规则.json");

describe("rule sets (规则集)", () => {
  it("central follows DOMAIN.md and hubei-2020 differs in substance", () => {
    expect(CENTRAL.weights).toEqual({ execution: 10, output: 50, benefit: 30, satisfaction: 10, total: 100 });
    expect(HUBEI_2020.weights.execution).toBe(20);
    expect(HUBEI_2020.qualitativeBrackets.map((b) => [b.min, b.max])).toEqual([[80, 100], [50, 80], [0, 50]]);
  });

  it("loads a bureau's JSON over a built-in set, keeping what it does not change", () => {
    const r = load({ id: "shuangyashan-2026", name: "双鸭山市", extends: "hubei-2020", review: { inflatedDelta: 8 }, severities: { "copied-indicators": "error" } });
    expect(r.id).toBe("shuangyashan-2026");
    expect(r.review.inflatedDelta).toBe(8);
    expect(r.weights.execution).toBe(20);
    expect(r.severities["copied-indicators"]).toBe("error");
    expect(r.monitoring).toEqual(CENTRAL.monitoring);
  });

  it.each([
    [{ id: "x", monitoring: { execution: { gren: 80 } } }, "monitoring.execution.gren 无法识别"],
    [{ id: "x", weights: { execution: "十" } }, "weights.execution 应为数值"],
    [{ id: "x", weights: { execution: 20 } }, "weights 各项之和 110 不等于 total 100"],
    [{ id: "x", grades: [{ grade: "优", min: 80 }, { grade: "良", min: 90 }] }, "grades[1].min 应从高到低排列"],
    [{ id: "x", extends: "guangxi" }, "extends 应为内置规则集之一"],
    [{ id: "x", severities: { "no-such-code": "error" } }, "severities.no-such-code 不是已知的问题代码"],
    [{ id: "x", severities: { "funds-mismatch": "fatal" } }, "severities.funds-mismatch 应为"],
    [{ id: "x", decisions: { 优: "奖励" } }, "decisions.优 应为"],
    [{ name: "没有编号" }, "缺少键 id"],
  ])("rejects a malformed rule set, naming the bad key (%#)", (o, message) => {
    expect(() => load(o)).toThrow(RuleSetError);
    expect(() => load(o)).toThrow(message);
  });

  it("rejects text that is not JSON", () => {
    expect(() => parseRuleSet("{ id: x", "坏.json")).toThrow(/坏\.json 不是有效的 JSON/);
  });

  it("lets severity be changed per code", () => {
    expect(catalogEntry("copied-indicators").severity).toBe("warning");
  });
});

describe("scoring formulas in a restricted mathjs", () => {
  it("evaluates in decimal over the named variables", () => {
    const f = compileFormula("B >= A ? points : points * B / A", ["A", "B", "points"]);
    expect(f.evaluate({ A: 0.3, B: 0.1, points: 3 }).toString()).toBe("1");
  });

  it.each([
    ["import({a: 1})", "import"],
    ["createUnit('元')", "createUnit"],
    ["evaluate('1+1')", "evaluate"],
    ["parse('1')", "parse"],
    ["A.constructor", "Accessor"],
    ["[1,2][1]", "Accessor"],
    ["[1, 2]", "Array"],
    ["f(x) = x", "FunctionAssignment"],
    ["x = 1", "Assignment"],
    ["1:1e9", "Range"],
    ["sum(1:1e9)", "sum"],
    ["C + 1", "变量 C 未定义"],
    ["1e9!", "运算符 !"],
    ["2 ^ 2 ^ 99", "运算符 ^"],
    ["A mod 0", "运算符 mod"],
    ["min.constructor(\"return process\")", "constructor"],
    ["points * B / A; import({})", "Block"],
    ["(" + "1+".repeat(300) + "1)", "超过 500"],
  ])("rejects %s", (src, message) => {
    expect(() => compileFormula(src, ["A", "B", "points"])).toThrow(message);
  });

  it("rejects a rule set whose formula tries to escape, naming the key", () => {
    expect(() => load({ id: "x", scoring: { higher: "import({})" } })).toThrow("scoring.higher 的公式有误");
  });
});

describe("rule set from a 参数 sheet in the workbook", () => {
  const asSnapshot = (spec: SheetSpec): SheetSnapshot => ({
    name: spec.name,
    rows: spec.rows.map((r) => r.map((c) => c.value)),
    top: 0,
    left: 0,
    merges: [],
    hidden: false,
  });
  const edit = (sheet: SheetSnapshot, key: string, value: string | number) => {
    const row = sheet.rows.find((r) => r[0] === key);
    if (row) row[1] = value;
    else sheet.rows.push([key, value]);
    return sheet;
  };

  it("reads back the built-in values from the generated 参数 sheet", () => {
    const r = ruleSetFromSheet(asSnapshot(parameterSheet(CENTRAL)));
    expect(r.id).toBe("my-bureau");
    const { id: _a, name: _b, ...rest } = r;
    const { id: _c, name: _d, ...central } = CENTRAL;
    expect(rest).toEqual(central);
  });

  it("applies a bureau's changes, numbers typed as text included", () => {
    const sheet = edit(edit(asSnapshot(parameterSheet(CENTRAL)), "review.inflatedDelta", "8"), "grades.0.min", 95);
    const r = ruleSetFromSheet(sheet);
    expect(r.review.inflatedDelta).toBe(8);
    expect(r.grades[0]).toEqual({ grade: "优", min: 95 });
  });

  it("rejects a bad key or value, naming the cell", () => {
    expect(() => ruleSetFromSheet(edit(asSnapshot(parameterSheet(CENTRAL)), "monitoring.execution.gren", 70))).toThrow(/monitoring\.execution\.gren 无法识别（单元格 A\d+）/);
    expect(() => ruleSetFromSheet(edit(asSnapshot(parameterSheet(CENTRAL)), "weights.execution", 20))).toThrow(/各项之和 110 不等于 total 100/);
    expect(() => ruleSetFromSheet(edit(asSnapshot(parameterSheet(CENTRAL)), "scoring.higher", "import({})"))).toThrow(/scoring\.higher 的公式有误.*（单元格 B\d+）/);
  });
});
