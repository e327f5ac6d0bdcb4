import { describe, expect, it } from "vitest";
import { analyze } from "../../src/core/analyze";
import { parseRuleSet } from "../../src/core/rules/load";
import { CENTRAL, DEFAULT_RULES, type RuleSet } from "../../src/core/rules/ruleset";
import { monitoringSheet, type SheetDef, snapshot, withCell } from "../fixtures";
import type { ProjectResult } from "../../src/core/results";

async function monitor(def: SheetDef, rules: RuleSet = CENTRAL, month?: number): Promise<ProjectResult[]> {
  return analyze([await snapshot([def], "监控.xlsx")], rules, { month }).projects;
}

const codes = (p: ProjectResult) => p.findings.map((f) => f.code);

describe("双监控 (budget execution and target progress)", () => {
  it("computes the lights of a project on track: execution 60% at month 7 is green", async () => {
    const [p] = await monitor(monitoringSheet());
    expect(p.findings).toEqual([]);
    const m = p.monitoring!;
    expect(m.month).toBe(7);
    expect(m.executionRate).toBeCloseTo(0.6);
    expect(m.executionIndex).toBeCloseTo(102.857, 2); // 0.6 ÷ (7/12) × 100
    expect(m.executionLight).toBe("green");
    // 80 of 120 by July: 80 ÷ (120 × 7/12) × 100 = 114.3 → green; the percentages run ahead (blue).
    expect(m.indicators[0].index).toBeCloseTo(114.29, 1);
    expect(m.indicators[0].light).toBe("green");
    expect(m.lights).toEqual({ green: 1, yellow: 0, red: 0, blue: 3 });
    expect(m.action).toBe("正常");
  });

  it("warns (预警) when execution is yellow: 40% at month 7 gives index 68.6", async () => {
    const [p] = await monitor(withCell(withCell(monitoringSheet(), "B5", 40), "C5", "40%"));
    expect(p.monitoring!.executionLight).toBe("yellow");
    expect(p.monitoring!.action).toBe("预警");
    expect(codes(p)).toEqual(["monitoring-warning"]);
  });

  it("suspends funding (暂缓拨款) when execution is red, listing the grounds", async () => {
    const [p] = await monitor(withCell(withCell(monitoringSheet(), "B5", 20), "C5", "20%"), DEFAULT_RULES);
    expect(p.monitoring!.executionLight).toBe("red");
    expect(p.monitoring!.action).toBe("暂缓拨款");
    const f = p.findings.find((x) => x.code === "suspend-funding")!;
    expect(f.message).toContain("预算执行率 20.0%");
    expect(f.message).toContain("34.3");
    expect(f.basis).toContain("暂缓或停止拨款");
  });

  it("suspends funding when any indicator is 完全不可能, even with execution on track", async () => {
    let def = withCell(monitoringSheet(), "G9", "完全不可能");
    def = withCell(withCell(def, "F9", "80%"), "H9", "硬件条件保障");
    const [p] = await monitor(def);
    expect(p.monitoring!.action).toBe("暂缓拨款");
    expect(p.findings.find((f) => f.code === "suspend-funding")!.message).toContain("火灾扑救用水保障率");
  });

  it("stops funding (停止拨款) when execution is red and half the indicators are red or 完全不可能", async () => {
    let def = withCell(withCell(monitoringSheet(), "B5", 10), "C5", "10%");
    def = withCell(def, "E7", 0);
    def = withCell(withCell(withCell(def, "G8", "完全不可能"), "F8", "80%"), "H8", "制度");
    const [p] = await monitor(def);
    expect(p.monitoring!.action).toBe("停止拨款");
    expect(codes(p)).toEqual(["stop-funding"]);
    expect(p.decision).toBe("削减或取消");
  });

  it("suspends funding for two red indicators, a threshold finance can change", async () => {
    const def = withCell(withCell(monitoringSheet(), "E7", 10), "E8", "10%");
    const [p] = await monitor(def);
    expect(p.monitoring!.lights.red).toBe(2);
    expect(p.monitoring!.action).toBe("暂缓拨款");
    const lenient = parseRuleSet(JSON.stringify({ id: "lenient", monitoring: { suspendRedCount: 3 } }), "lenient.json");
    const [q] = await monitor(def, lenient);
    expect(q.monitoring!.action).toBe("预警");
  });

  it("expected-value-missing and deviation-reason-missing when 有可能 is chosen without them", async () => {
    const def = withCell(withCell(withCell(monitoringSheet(), "G8", "有可能"), "F8", null), "H8", null);
    const [p] = await monitor(def);
    expect(p.findings.filter((f) => f.code !== "monitoring-warning").map((f) => [f.code, f.cell])).toEqual([
      ["expected-value-missing", "F8"],
      ["deviation-reason-missing", "H8"],
    ]);
  });

  it("takes the month from --month when the sheet does not state it, and reports it when neither does", async () => {
    const def = withCell(withCell(withCell(monitoringSheet(), "A2", null), "B4", "累计执行数"), "E6", "累计完成值");
    const [p] = await monitor(def);
    expect(codes(p)).toEqual(["monitoring-month-unknown"]);
    expect(p.monitoring).toBeNull();
    const [q] = await monitor(def, CENTRAL, 6);
    expect(q.monitoring!.month).toBe(6);
    expect(q.monitoring!.executionIndex).toBeCloseTo(120);
  });

  it("reads a list-layout export with several projects on one sheet", async () => {
    const def: SheetDef = {
      name: "监控汇总",
      rows: [
        ["2026年项目绩效运行监控汇总表（截至7月）"],
        ["项目名称", "实施单位", "一级指标", "二级指标", "三级指标", "年度指标值", "1-7月完成值", "全年预计完成值", "完成目标可能性", "偏差原因分析", "年初预算数", "1-7月执行数"],
        ["政务公开", "政务公开办", "产出指标", "数量指标", "目录编制数", "≥30个", 20, 32, "确定能", null, 80, 52],
        [null, null, "效益指标", "社会效益指标", "知晓率", "≥85%", "80%", "86%", "确定能", null, null, null],
        [],
        ["留言平台", "政务服务中心", "产出指标", "数量指标", "办结数", "≥1200件", "200件", "800件", "完全不可能", "人员", 45, 5],
        [null, null, "产出指标", "时效指标", "平均办理时长", "≤10天", "18天", "15天", "有可能", "制度", null, null],
      ],
      merges: ["A3:A4", "B3:B4", "A6:A7", "B6:B7"],
    };
    const projects = await monitor(def);
    expect(projects.map((p) => [p.project.fields.name?.value, p.project.fields.unit?.value, p.project.indicators.length])).toEqual([
      ["政务公开", "政务公开办", 2],
      ["留言平台", "政务服务中心", 2],
    ]);
    expect(projects[0].monitoring!.action).toBe("正常");
    expect(projects[1].monitoring!.action).toBe("停止拨款");
    expect(projects[1].findings.find((f) => f.code === "stop-funding")!.cell).toBe("L6");
  });
});
