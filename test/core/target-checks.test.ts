import { describe, expect, it } from "vitest";
import { analyze } from "../../src/core/analyze";
import { CENTRAL, DEFAULT_RULES, type RuleSet } from "../../src/core/rules/ruleset";
import { type SheetDef, snapshot, targetSheet, withCell } from "../fixtures";
import type { ProjectResult } from "../../src/core/results";

async function check(def: SheetDef | SheetDef[], file = "目标.xlsx", rules: RuleSet = CENTRAL): Promise<ProjectResult[]> {
  const a = analyze([await snapshot(Array.isArray(def) ? def : [def], file)], rules);
  return a.projects;
}

async function codes(def: SheetDef): Promise<string[]> {
  const [p] = await check(def);
  return p.findings.map((f) => f.code);
}

function findingOf(p: ProjectResult, code: string) {
  const f = p.findings.find((x) => x.code === code);
  expect(f, `expected ${code} in ${JSON.stringify(p.findings.map((x) => x.code))}`).toBeDefined();
  return f!;
}

describe("target table (绩效目标申报表) checks", () => {
  it("passes a correct official-format table with merged cells without any finding", async () => {
    const [p] = await check(targetSheet());
    expect(p.findings).toEqual([]);
    expect(p.targetVerdict).toBe("通过");
    expect(p.project.indicators.map((i) => [i.level1, i.level2])).toContainEqual(["产出指标", "质量指标"]);
    expect(p.project.indicators[2]).toMatchObject({ level1: "产出指标", level2: "质量指标", level3: "政务公开平台可用率" });
  });

  it("missing-field: names the empty required field and its cell", async () => {
    const [p] = await check(withCell(targetSheet(), "B4", null));
    const f = findingOf(p, "missing-field");
    expect(f.message).toContain("实施单位");
    expect(p.targetVerdict).toBe("重新申报");
    const [q] = await check(withCell(targetSheet(), "B9", "**"));
    expect(findingOf(q, "missing-field").message).toContain("总体目标");
  });

  it("funds-mismatch: 财政拨款 + 其他资金 ≠ 年度资金总额", async () => {
    const [p] = await check(withCell(targetSheet(), "C8", 5));
    const f = findingOf(p, "funds-mismatch");
    expect(f.cell).toBe("C6");
    expect(f.message).toContain("85");
  });

  it("no-indicators: a header with no indicator rows", async () => {
    const def = targetSheet();
    def.rows = def.rows.slice(0, 10);
    def.merges = def.merges!.filter((m) => !/^A1[16]|^B12/.test(m));
    expect(await codes(def)).toEqual(["no-indicators"]);
  });

  it("missing-dimension: lists each missing category", async () => {
    let def = targetSheet();
    def = withCell(def, "C18", null);
    def = withCell(withCell(withCell(withCell(withCell(def, "A18", null), "B18", null), "D18", null), "E18", null), "F18", null);
    def = withCell(def, "G18", null);
    const [p] = await check(withCell(withCell(withCell(withCell(def, "G11", 30), "B15", "质量指标"), "D15", "≥"), "C15", "设备完好率"));
    const f = findingOf(p, "missing-dimension");
    expect(f.message).toContain("成本指标");
    expect(f.message).toContain("满意度指标");
    expect(f.message).not.toContain("效益指标、");
  });

  it("accepts the 财预〔2021〕101号 tree with 成本指标 as its own level 1", async () => {
    let def = withCell(targetSheet(), "A15", "成本指标");
    def = withCell(def, "B15", "经济成本指标");
    def.merges = ["A1:H1", "B3:D3", "A6:A8", "B9:H9", "A11:A14", "B12:B13", "A16:A17"];
    const [p] = await check(def);
    expect(p.findings).toEqual([]);
  });

  it("quantified-ratio-low: fewer than 80% quantified targets", async () => {
    let def = targetSheet();
    for (const r of [11, 12, 13]) def = withCell(withCell(withCell(def, `D${r}`, "定性"), `E${r}`, "达到要求"), `F${r}`, null);
    const [p] = await check(def, "目标.xlsx", DEFAULT_RULES);
    const f = findingOf(p, "quantified-ratio-low");
    expect(f.message).toContain("62.5%");
    expect(f.basis).toContain("黑河市“五型政府”建设实施方案 第27条");
    expect(f.basis).not.toMatch(/[a-zA-Z]/);
    // central cites the Ministry's guide for indicators instead.
    const [c] = await check(def);
    expect(findingOf(c, "quantified-ratio-low").basis).toBe("财预〔2021〕101号 绩效指标设置；本系统默认规则：量化指标不少于 80%，可在规则集中修改");
  });

  it("target-not-measurable: an empty target value is a finding at that cell, whatever the indicator's nature", async () => {
    const def = withCell(withCell(withCell(targetSheet(), "D18", null), "E18", null), "F18", null);
    const [p] = await check(def);
    expect(p.findings.filter((f) => f.code === "target-not-measurable").map((f) => f.cell)).toEqual(["E18"]);
  });

  it("target-not-measurable: a placeholder or a quantitative target without a number", async () => {
    const [p] = await check(withCell(targetSheet(), "E11", "**"));
    expect(findingOf(p, "target-not-measurable").cell).toBe("E11");
    const [q] = await check(withCell(targetSheet(), "E12", "较高"));
    expect(findingOf(q, "target-not-measurable").message).toContain("较高");
  });

  it("missing-unit and missing-comparator", async () => {
    expect(await codes(withCell(targetSheet(), "F11", null))).toEqual(["missing-unit"]);
    expect(await codes(withCell(targetSheet(), "D11", null))).toEqual(["missing-comparator"]);
  });

  it("reads comparator and unit from inside the value, full-width included", async () => {
    let def = withCell(withCell(withCell(targetSheet(), "D12", null), "E12", "≥９８％"), "F12", null);
    def = withCell(withCell(withCell(def, "D15", null), "E15", "≤12万元"), "F15", null);
    expect(await codes(def)).toEqual([]);
  });

  it("direction-mismatch: a cost indicator written ≥", async () => {
    const [p] = await check(withCell(targetSheet(), "D15", "≥"));
    expect(findingOf(p, "direction-mismatch").cell).toBe("D15");
  });

  it("misplaced-indicator: a payment rate as an output, or a level 2 under the wrong level 1", async () => {
    const [p] = await check(withCell(targetSheet(), "C11", "资金支付率"));
    expect(findingOf(p, "misplaced-indicator").message).toContain("资金支付率");
    const [q] = await check(withCell(targetSheet(), "B17", "数量指标"));
    expect(findingOf(q, "misplaced-indicator").cell).toBe("B17");
  });

  it("duplicate-indicator: the same level 3 under 产出 and 效益 counts once", async () => {
    const [p] = await check(withCell(targetSheet(), "C16", "信息公开准确率"));
    const f = findingOf(p, "duplicate-indicator");
    expect(f.cell).toBe("C16");
    expect(f.message).toContain("C12");
  });

  it("vague-target: 社会效益明显 ≥95% and a qualitative 好", async () => {
    const [p] = await check(withCell(targetSheet(), "C16", "社会效益明显"));
    expect(findingOf(p, "vague-target").cell).toBe("E16");
    const [q] = await check(withCell(withCell(withCell(targetSheet(), "D17", "定性"), "E17", "好"), "F17", null));
    expect(q.findings.map((f) => f.code)).toEqual(["vague-target"]);
  });

  it("weight-sum: weights must add up to 100 (or 90 when execution takes 10)", async () => {
    const [p] = await check(withCell(targetSheet(), "G11", 20));
    expect(findingOf(p, "weight-sum").message).toContain("105");
    expect(await codes(withCell(targetSheet(), "G11", 5))).toEqual([]);
  });

  it("investment-review-missing: a construction project needs its 投资评审 report or a leader's 批示", async () => {
    const building = withCell(targetSheet(), "B3", "城乡公共消防设施建设");
    const [p] = await check(building);
    expect(findingOf(p, "investment-review-missing").severity).toBe("error");
    const reviewed = withCell(withCell(building, "A19", "投资评审报告"), "B19", "双财审〔2026〕12号");
    expect(await codes(reviewed)).toEqual([]);
    const approved = withCell(withCell(building, "A19", "上级领导批示"), "B19", "市政府常务会议纪要〔2026〕3号");
    expect(await codes(approved)).toEqual([]);
    const denied = withCell(withCell(building, "A19", "投资评审报告"), "B19", "无");
    expect(await codes(denied)).toEqual(["investment-review-missing"]);
  });

  it("copied-indicators: identical indicator sets in projects of different units", async () => {
    const a = targetSheet();
    const b = withCell(withCell({ ...targetSheet(), name: "另一单位" }, "B4", "双鸭山市大数据中心"), "B3", "政务数据共享平台");
    const projects = await check([a, b]);
    expect(projects).toHaveLength(2);
    for (const p of projects) expect(findingOf(p, "copied-indicators").message).toContain("完全相同");
    const same = await check([a, withCell({ ...targetSheet(), name: "同单位" }, "B3", "另一个项目")]);
    expect(same.flatMap((p) => p.findings.map((f) => f.code))).not.toContain("copied-indicators");
  });
});
