/**
 * No verdict without its evidence (issue 20): two forms laid out as others lay them out — a special fund's evaluation
 * form with no value or score column and a stated 总分 row, and a monitoring page as the budget-management system
 * prints it, with a budget-execution block by 资金来源. Expectations are worked out by hand in the comments.
 */
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/core/analyze";
import { summarySheet } from "../../src/core/report/sheets";
import { DEFAULT_RULES } from "../../src/core/rules/ruleset";
import { selfEvaluationSheet, type SheetDef, snapshot, targetSheet, withCell } from "../fixtures";
import type { ProjectResult } from "../../src/core/results";

async function one(def: SheetDef): Promise<ProjectResult> {
  const a = analyze([await snapshot([def], "表.xlsx")], DEFAULT_RULES, { today: new Date(Date.UTC(2026, 6, 15)) });
  expect(a.projects).toHaveLength(1);
  return a.projects[0];
}
const at = (r: ProjectResult, code: string) => r.findings.filter((f) => f.code === code).map((f) => f.cell);

/** A special fund's evaluation form: points per indicator, a 目标值 and a 评分标准, no 实际完成值 and no 得分 column. */
function fundEvaluation(stated: number | null): SheetDef {
  return {
    name: "评价表",
    rows: [
      ["2025年度农村公路养护专项资金绩效评价表"],
      ["项目名称", "农村公路养护", null, "主管部门", "县交通运输局"],
      ["实施单位", "县公路事业发展中心"],
      ["一级指标", "二级指标", "三级指标", "分值", "目标值", "评分标准"],
      ["产出指标", "数量指标", "养护里程", 20, "≥120公里", "完成目标得满分，每少5公里扣2分"],
      [null, "质量指标", "路面优良率", 20, null, "达到目标得满分"],
      [null, "时效指标", "养护任务按期完成", 10, null, "按期完成得满分"],
      [null, "成本指标", null, null, null, null],
      // One indicator over four sub-criterion rows, 5 points each: 20 points in all.
      ["效益指标", "社会效益", "群众出行条件改善", 5, "明显改善", "①通行时间缩短"],
      [null, null, null, 5, null, "②路面平整"],
      [null, null, null, 5, null, "③安全设施完善"],
      [null, null, null, 5, null, "④沿线群众认可"],
      [null, "可持续影响", "长效管护机制", 30, null, "建立并运行得满分"],
      ["满意度指标", "服务对象满意度", null, null, null, null],
      ["总分", null, null, 100, "得分", stated],
    ],
    merges: ["A1:F1", "B2:C2", "B3:C3", "A5:A8", "A9:A13", "B9:B12", "C9:C12", "E9:E12"],
  };
}

describe("a form read only in part gets no punitive verdict", () => {
  it("shows the stated 总分 96.5 as stated (未经重算), grades it 优, and never computes 0 / 差 / 削减或取消", async () => {
    const r = await one(fundEvaluation(96.5));
    const s = r.selfEvaluation!;
    expect(r.project.kind).toBe("self-evaluation");
    // Five indicators: the four ①–④ rows are one indicator of 20 points; 20 + 20 + 10 + 20 + 30 = 100.
    expect(s.indicators.map((i) => [i.indicator.level3, i.points])).toEqual([
      ["养护里程", 20], ["路面优良率", 20], ["养护任务按期完成", 10], ["群众出行条件改善", 20], ["长效管护机制", 30],
    ]);
    expect(at(r, "points-sum")).toEqual([]);
    // Nothing was read to recompute: the score is unknown, 0–100; the stated 96.5 lies in it and gives 优.
    expect(s.score).toBeNull();
    expect(s.range).toEqual([0, 100]);
    expect([s.claimedTotal, s.claimedCell, s.grade, s.gradeFrom, s.evidence.source]).toEqual([96.5, "F15", "优", "stated", "stated"]);
    expect(r.decision).toBe("优先保障");
    expect(r.decisionGrounds[0]).toContain("表中总分 96.5 分");
    expect(r.decisionGrounds[0]).toContain("未经重算");
    // The three blank 目标值, the empty 成本 and 满意度 blocks, each at its cell.
    expect(at(r, "target-not-measurable")).toEqual(["E6", "E7", "E13"]);
    expect(at(r, "missing-dimension").sort()).toEqual(["A14", "B8"]);
    expect(r.findings.find((f) => f.cell === "B8")!.message).toContain("成本指标");
    expect(at(r, "cannot-judge")).toEqual([]);
  });

  it("without a stated total it is 无法评定: no grade, no 结果应用, one finding saying what is missing", async () => {
    const r = await one(fundEvaluation(null));
    const s = r.selfEvaluation!;
    expect([s.score, s.grade, s.gradeFrom, s.evidence.source]).toEqual([null, "无法评定", null, "none"]);
    expect(r.decision).toBeNull();
    expect(r.decisionGrounds[0]).toMatch(/^无法评定：没有读到实际完成值列和得分列/);
    const f = r.findings.filter((x) => x.code === "cannot-judge");
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain("实际完成值列和得分列");
    expect(f[0].message).toContain("0–100");
    // How to supply it: fill the cells, or point the reader at the columns.
    expect(f[0].message).toContain("读取方式");
    expect(f[0].message).toContain("--layout");
    expect(r.findings.map((x) => x.message).join("")).not.toMatch(/(?<!不)按 ?0 ?(分)?计/);
  });

  it("takes a grade the form states (自评等级) where nothing could be recomputed, as stated", async () => {
    const def = fundEvaluation(null);
    def.rows[2] = ["实施单位", "县公路事业发展中心", null, "自评等级", "良好"];
    const r = await one(def);
    expect([r.selfEvaluation!.grade, r.selfEvaluation!.gradeFrom, r.selfEvaluation!.evidence.source]).toEqual(["良", "stated", "stated"]);
    expect(r.decision).toBe("据实合理保障");
    expect(at(r, "cannot-judge")).toEqual([]);
  });

  it("points at the header's stated total when the 总分 row leaves its 得分 blank", async () => {
    const def = fundEvaluation(null);
    def.rows[2] = ["实施单位", "县公路事业发展中心", null, "自评总分", 96.5];
    // A 得分 column whose cell in the 总分 row (G15) is blank.
    def.rows[3] = [...def.rows[3].slice(0, 5), "实际完成值", "得分"];
    const s = (await one(def)).selfEvaluation!;
    expect([s.claimedTotal, s.claimedCell, s.grade]).toEqual([96.5, "E3", "优"]);
    expect(s.evidence.read).toContain("表中总分 E3");
  });

  it("checks a stated grade against the grade recomputed", async () => {
    const r = await one(withCell(withCell(selfEvaluationSheet(), "J2", "自评等级"), "K2", "良"));
    // The fixture recomputes to 94.54: 优, not the 良 the form states.
    expect(r.selfEvaluation!.grade).toBe("优");
    expect(r.findings.find((f) => f.code === "score-mismatch" && f.cell === "K2")?.message).toContain("表中写明等级“良”");
  });

  it("a stated total that the values read contradict is a finding with both numbers, and still no grade", async () => {
    // Give the form 实际完成值 and 得分 columns for all but one indicator: the score is known to lie in a range.
    const def = fundEvaluation(55);
    def.rows[3] = [...def.rows[3].slice(0, 5), "实际完成值", "得分"];
    const rows: [number, unknown, unknown][] = [[4, null, 20], [5, "95%", 20], [6, "按期完成", 10], [8, "明显改善", 20], [12, null, null]];
    for (const [i, actual, score] of rows) def.rows[i] = [...def.rows[i].slice(0, 5), actual as string, score as number];
    def.rows[14] = ["总分", null, null, 100, null, "得分", 55];
    const r = await one(def);
    const s = r.selfEvaluation!;
    // Read: 20 + 20 + 10 + 20 = 70 (养护里程's 20 as the unit wrote it: its 实际完成值 is blank, so not recomputed);
    // 长效管护机制 (30 points) has neither value nor score: the total lies in 70–100.
    expect(s.range).toEqual([70, 100]);
    expect(at(r, "actual-value-missing")).toEqual(["F5"]);
    expect(s.indicators[0]).toMatchObject({ claimed: 20, recomputed: false });
    expect(s.grade).toBe("无法评定");
    const mismatch = r.findings.find((f) => f.code === "score-mismatch" && f.cell === "G15")!;
    expect(mismatch.message).toContain("55");
    expect(mismatch.message).toContain("70–100");
    expect(r.decision).toBeNull();
  });
});

/** A monitoring page as the budget-management system prints it: basic information, execution by 资金来源, indicators. */
export function systemMonitoring(): SheetDef {
  return {
    name: "运行监控",
    rows: [
      ["项目支出绩效运行监控表（2025年1-6月）"],
      ["项目名称", "农村饮水安全巩固提升", null, "主管部门", "县水利局"],
      ["实施单位", "县农村供水管理站", null, "项目负责人", "张某"],
      ["预算执行情况（万元）"],
      ["资金来源", "年初预算数", "调整后预算数", "1-6月执行数", "执行率"],
      ["合计", 500, 400, 110, "27.5%"],
      ["中央", 300, 250, 70, "28%"],
      ["省级", 150, 130, 15, "11.5%"],
      ["市县配套", 50, 20, 25, "125%"],
      ["一级指标", "二级指标", "三级指标", "年度指标值", "1-6月执行情况", "全年预计完成值", "完成目标可能性", "偏差原因", "纠偏措施"],
      ["产出指标", "数量指标", "改造供水管网", "≥60公里", 12, 50, "有可能", "雨季停工", null],
      [null, null, "新建水厂", "≥2座", 0, 2, "确定能", null, null],
      [null, "质量指标", "水质达标率", "≥95%", "96%", "96%", "确定能", null, null],
      [null, "时效指标", "工程完工时间", "2025年11月底前", "按计划推进", null, "确定能", null, null],
      ["效益指标", "社会效益", "受益人口", "≥3万人", null, "3万人", "确定能", null, null],
      ["满意度指标", "服务对象满意度", "受益群众满意度", "≥90%", "92%", "92%", "确定能", null, null],
      ["监控分析", "管网工程受雨季影响进度滞后，已调整施工计划。"],
    ],
    merges: ["A1:I1", "B2:C2", "B3:C3", "A4:I4", "A11:A14", "B11:B12", "B17:I17"],
  };
}

describe("双监控 on the system's monitoring page", () => {
  it("takes the 合计 row's adjusted budget, finds the source above its budget, and advises 暂缓拨款, not 停止拨款", async () => {
    const r = await one(systemMonitoring());
    const m = r.monitoring!;
    // 110 ÷ 400 (调整后 wins over 年初 500) = 27.5%; index 27.5 ÷ (6/12) = 55 < 60: red.
    expect(m.executionRate).toBeCloseTo(0.275, 6);
    expect(m.executionIndex).toBeCloseTo(55, 6);
    expect(m.executionLight).toBe("red");
    // 改造供水管网 12 ÷ (60 × 6/12) = 40 → red; 新建水厂 0 → red; 水质达标率 96 ÷ (95 × 0.5) = 202 → blue;
    // 工程完工时间: 按计划推进 is progress in words, no index, no light; 受益人口 blank: not read, no light;
    // 满意度 92 ÷ 45 → blue. Lights come from the index alone; each indicator still has its 完成可能性.
    expect(m.indicators.map((i) => i.light)).toEqual(["red", "red", "blue", null, null, "blue"]);
    expect(m.lights).toEqual({ green: 0, yellow: 0, red: 2, blue: 2 });
    // Execution red with 2 of the 6 assessed indicators red (< half): 暂缓拨款, and so no 削减或取消.
    expect(m.action).toBe("暂缓拨款");
    expect(r.decision).toBeNull();
    expect(at(r, "execution-above-budget")).toEqual(["D9"]);
    expect(at(r, "monitoring-value-missing")).toEqual(["E15"]);
    expect(at(r, "correction-missing")).toEqual(["I11"]);
    expect(at(r, "unreadable-value")).toEqual([]);
    expect(m.evidence.rows).toEqual({ read: 6, found: 6 });
  });

  it("cross-checks a stated 执行率 with the one computed, and uses it where the figures are not written", async () => {
    const def = systemMonitoring();
    def.rows[5] = ["合计", 500, 400, 110, "30%"];
    const r = await one(def);
    expect(r.findings.find((f) => f.code === "stated-rate-mismatch")).toMatchObject({ cell: "E6" });
    expect(r.findings.find((f) => f.code === "stated-rate-mismatch")!.message).toContain("27.50%");
    // Only the rate written: 30% at month 6 → index 60, yellow; not unknown, and nothing 按 0 计.
    def.rows[5] = ["合计", null, null, null, "30%"];
    for (const i of [6, 7, 8]) def.rows[i] = [def.rows[i][0], null, null, null, null];
    const m = (await one(def)).monitoring!;
    expect([m.executionRate, m.executionLight]).toEqual([0.3, "yellow"]);
  });

  it("without the execution figures it is 无法判定, never 停止拨款 from a rate 按 0 计", async () => {
    const def = systemMonitoring();
    for (const i of [5, 6, 7, 8]) def.rows[i] = [def.rows[i][0], null, null, null, null];
    const r = await one(def);
    const m = r.monitoring!;
    expect([m.executionRate, m.executionIndex, m.executionLight, m.action]).toEqual([null, null, null, "无法判定"]);
    expect(r.decision).toBeNull();
    expect(at(r, "stop-funding")).toEqual([]);
    expect(at(r, "suspend-funding")).toEqual([]);
    // One finding says what is missing, not two.
    expect(r.findings.filter((x) => x.code === "monitoring-cannot-judge" || x.code === "missing-field")).toHaveLength(1);
    const f = r.findings.find((x) => x.code === "monitoring-cannot-judge")!;
    expect(f.message).toContain("预算数和执行数");
    expect(r.findings.map((x) => x.message).join("")).not.toMatch(/(?<!不)按 ?0 ?(分)?计/);
  });
});

describe("源头把关 on what was read", () => {
  it("a target table whose 指标值 column was not found is 无法评定, not 重新申报", async () => {
    const r = await one(withCell(targetSheet(), "E10", "考核值"));
    expect(r.targetVerdict).toBe("无法评定");
    expect(r.findings.find((f) => f.code === "table-incomplete")?.message).toContain("指标值列");
    // The same table with its header as printed passes.
    expect((await one(targetSheet())).targetVerdict).toBe("通过");
  });
});

describe("无法评定 in the 汇总", () => {
  it("counts a project that could not be judged apart, never in the grade distribution, with its 依据", async () => {
    const a = analyze([await snapshot([fundEvaluation(null)], "表.xlsx")], DEFAULT_RULES, { today: new Date(Date.UTC(2026, 6, 15)) });
    const sheet = summarySheet(a, false);
    const text = sheet.rows.flat().map((c) => String(c?.value ?? "")).join("\n");
    expect(text).toContain("已评价 0 个，无法评定 1 个");
    expect(text).toContain("自评等级无法评定：无法评定；指标读到 0/5 行");
    const dist = sheet.rows.filter((r) => ["优", "良", "中", "差"].includes(String(r[0]?.value)));
    expect(dist.map((r) => r[1]?.value)).toEqual([0, 0, 0, 0]);
  });
});
