import { describe, expect, it } from "vitest";
import { analyze } from "../../src/core/analyze";
import { classifySheet } from "../../src/core/classify";
import { renderReports } from "../../src/core/report";
import { CENTRAL } from "../../src/core/rules/ruleset";
import { monitoringSheet, selfEvaluationSheet, type SheetDef, snapshot, targetSheet } from "../fixtures";

/** A finance bureau's 预算项目清单: four budgeted projects, the tables of three of them in the batch. */
function budgetList(title = "市本级预算项目清单"): SheetDef {
  return {
    name: "预算项目清单",
    rows: [
      [title],
      ["项目编码", "项目名称", "单位", "预算金额（万元）", "新增/延续", "是否重大"],
      ["2305001", "基层政务公开标准化规范化", "双鸭山市政务公开办公室", 80, "延续", "否"],
      ["2305002", "城乡公共消防设施运维", "双鸭山市消防救援支队", 100, "延续", "否"],
      ["2305003", "网民留言办理平台运维", "双鸭山市政务服务中心", 50, "延续", "否"],
      ["2305004", "农村饮水安全维修养护", "双鸭山市水务局", 600, "新增", "是"],
      ["合计", null, null, 830],
    ],
  };
}

/** A list export of target indicators that names its project by 项目编码 only, under another name. */
function codedTargetList(): SheetDef {
  return {
    name: "目标导出",
    rows: [
      ["项目编码", "项目名称", "主管部门", "实施单位", "年度资金总额", "财政拨款", "其他资金", "总体目标", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"],
      ["2305004", "饮水维修（2026）", "水务局", "水务站", 600, 600, 0, "维修工程40处。", "产出指标", "数量指标", "维修工程数", "≥", 40, "处"],
    ],
  };
}

async function run(sheets: SheetDef[]) {
  return analyze([await snapshot(sheets, "财政局.xlsx")], CENTRAL);
}

describe("coverage of the 预算项目清单 (全过程、全覆盖)", () => {
  it("recognises a budget list by its title or by 项目名称 with 预算金额, and never as a performance table", async () => {
    const snap = await snapshot([budgetList()]);
    expect(classifySheet(snap.sheets[0]).kind).toBe("budget-list");
    const untitled = { ...budgetList(), rows: budgetList().rows.slice(1) };
    expect(classifySheet((await snapshot([untitled])).sheets[0]).kind).toBe("budget-list");
    expect(classifySheet((await snapshot([targetSheet()])).sheets[0]).kind).toBe("target");
  });

  it("budget-without-target, monitoring-not-covered, self-evaluation-not-covered: each budgeted project's missing steps, at its row", async () => {
    const a = await run([budgetList(), targetSheet(), monitoringSheet(), selfEvaluationSheet()]);
    const got = a.findings.filter((f) => f.sheet === "预算项目清单").map((f) => [f.code, f.cell]);
    expect(got).toEqual([
      // 2305001 has its target table; the batch holds monitoring and self-evaluation tables, and this project has neither.
      ["monitoring-not-covered", "B3"], ["self-evaluation-not-covered", "B3"],
      // 2305002 is monitored, but has no target table and no self-evaluation.
      ["budget-without-target", "B4"], ["self-evaluation-not-covered", "B4"],
      // 2305003 has a self-evaluation (with the reviewer's columns) but no target table and no monitoring.
      ["budget-without-target", "B5"], ["monitoring-not-covered", "B5"],
      // 2305004 (新增, 600 万元, 重大): nothing at all, not even the 事前绩效评估 it needs.
      ["ex-ante-missing", "B6"], ["budget-without-target", "B6"], ["monitoring-not-covered", "B6"], ["self-evaluation-not-covered", "B6"],
    ]);
    expect(a.findings.find((f) => f.code === "budget-without-target")!.message).toContain("不得安排预算");
    expect(a.coverage.map((c) => [c.item.name, c.item.amount, c.item.isNew, c.item.isMajor])).toEqual([
      ["基层政务公开标准化规范化", 80, false, false],
      ["城乡公共消防设施运维", 100, false, false],
      ["网民留言办理平台运维", 50, false, false],
      ["农村饮水安全维修养护", 600, true, true],
    ]);
    expect(a.coverage.map((c) => c.states)).toEqual([
      { exAnte: "不需要", target: "已提交（通过）", monitoring: "未提交", selfEvaluation: "未提交", review: "—", rectification: "—", previous: "—" },
      { exAnte: "不需要", target: "未提交", monitoring: "已提交（正常）", selfEvaluation: "未提交", review: "—", rectification: "—", previous: "—" },
      { exAnte: "不需要", target: "未提交", monitoring: "未提交", selfEvaluation: "已提交（94.54 分，优）", review: "未复核", rectification: "—", previous: "—" },
      { exAnte: "未提交", target: "未提交", monitoring: "未提交", selfEvaluation: "未提交", review: "—", rectification: "—", previous: "—" },
    ]);
    // None of the tables carries a 项目编码: matched by name and unit, and the sheet says so.
    expect(a.coverage[0].matchedBy).toEqual({ target: "名称和单位" });
  });

  it("counts only tables of the list's budget year: a 2025 自评 neither covers a 2026 list nor makes it the time for 自评", async () => {
    // The fixtures: 目标表 （2026年度）, 监控表 2026年1-7月, 自评表 （2025年度）.
    const a = await run([budgetList("2026年度市本级预算项目清单"), targetSheet(), monitoringSheet(), selfEvaluationSheet()]);
    expect(a.coverage.map((c) => c.item.year)).toEqual([2026, 2026, 2026, 2026]);
    expect(a.coverage[2].states.selfEvaluation).toBe("本批无自评表");
    expect(a.findings.filter((f) => f.code === "self-evaluation-not-covered")).toEqual([]);
    expect(a.findings.filter((f) => f.code === "monitoring-not-covered").map((f) => f.cell)).toEqual(["B3", "B5", "B6"]);
  });

  it("matches by 项目编码 first, whatever the name, and says so", async () => {
    const a = await run([budgetList(), codedTargetList()]);
    const water = a.coverage.find((c) => c.item.code === "2305004")!;
    // One 数量 indicator only: the table itself must be declared again (missing-dimension), and the sheet says so.
    expect([water.target?.project.sheet, water.matchedBy.target, water.states.target]).toEqual(["目标导出", "项目编码", "已提交（重新申报）"]);
    // Without monitoring or self-evaluation tables in the batch, their absence is no finding: it is not that point yet.
    expect(a.findings.filter((f) => /not-covered/.test(f.code))).toEqual([]);
    expect(a.findings.filter((f) => f.code === "budget-without-target").map((f) => f.cell)).toEqual(["B3", "B4", "B5"]);
  });

  it("writes 覆盖情况 after 汇总 where there is a budget list, and not otherwise", async () => {
    const snaps = [await snapshot([budgetList(), targetSheet()], "财政局.xlsx")];
    const sheets = renderReports(analyze(snaps, CENTRAL), snaps, { sameWorkbook: true });
    expect(sheets.map((s) => s.name).slice(0, 2)).toEqual(["汇总", "覆盖情况"]);
    const cov = sheets[1];
    const row = cov.rows.find((r) => r[2]?.value === "城乡公共消防设施运维")!;
    expect(row.map((c) => c.value).slice(6, 9)).toEqual(["不需要", "未提交", "本批无监控表"]);
    expect(row[7].style).toBe("error");
    expect(row[14].link).toEqual({ sheet: "预算项目清单", cell: "B4" });
    const plain = [await snapshot([targetSheet()])];
    expect(renderReports(analyze(plain, CENTRAL), plain, { sameWorkbook: false }).map((s) => s.name)).not.toContain("覆盖情况");
  });
});
