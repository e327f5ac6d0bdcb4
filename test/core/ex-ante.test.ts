import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/core/analyze";
import { classifySheet } from "../../src/core/classify";
import { CENTRAL } from "../../src/core/rules/ruleset";
import type { WorkbookSnapshot } from "../../src/core/sheet";
import { type FillValue, fillTemplate } from "../../src/core/templates/fill";
import { budgetListTemplate, exAnteTemplate, targetTemplate } from "../../src/core/templates/forms";
import { ExcelJsHost } from "../../src/hosts/exceljs-host";
import { templateWorkbook } from "../../scripts/make-templates";

/** The 事前绩效评估表 template filled in: scores and reasons for the five points, the total and the conclusion. */
function assessment(scores: (number | string)[], reasons: (string | null)[], total: FillValue, conclusion: string) {
  return fillTemplate(exAnteTemplate(), {
    cells: { B2: "城区路灯节能改造", D2: "230500260000006", B3: "双鸭山市住房和城乡建设局", D3: "双鸭山市城市管理综合执法局", B4: 650, D4: 2026, C11: total, B12: conclusion },
    rows: [{ from: "C6", values: scores.map((s, i) => [s, reasons[i]]) }],
  });
}

const GOOD_REASONS = ["列入城市更新规划", "单灯改造单价低于同类项目", "节电率目标有测算依据", "分三批实施，工期可行", "财政拨款与专项债组合，合规"];

async function run(...sheets: ReturnType<typeof assessment>[]): Promise<WorkbookSnapshot> {
  const wb = await templateWorkbook(sheets);
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return new ExcelJsHost(back, "事前评估.xlsx").read();
}

describe("事前绩效评估 (四(三)1)", () => {
  it("reads a filled form: five points, the total, the conclusion; a consistent one has no finding", async () => {
    // 18 + 16 + 17 + 15 + 14 = 80 → 予以支持 (≥ 80).
    const snap = await run(assessment([18, 16, 17, 15, 14], GOOD_REASONS, 80, "予以支持"));
    expect(classifySheet(snap.sheets[0]).kind).toBe("ex-ante");
    const a = analyze([snap], CENTRAL);
    expect(a.exAnte.map((e) => [e.score, e.expected, e.conclusion, e.form.points.length, e.form.year])).toEqual([[80, "予以支持", "予以支持", 5, 2026]]);
    expect(a.findings).toEqual([]);
  });

  it("ex-ante-score-invalid, ex-ante-incomplete, ex-ante-conclusion-mismatch: at their cells", async () => {
    // 25 is over its 20 points (counted as 20); 筹资合规性 has no reason; 20 + 10 + 10 + 8 + 7 = 55 → 不予支持, written 予以支持; total written 60.
    const a = analyze([await run(assessment([25, 10, 10, 8, 7], [...GOOD_REASONS.slice(0, 4), null], 60, "予以支持"))], CENTRAL);
    expect(a.findings.map((f) => [f.code, f.cell])).toEqual([
      ["ex-ante-score-invalid", "C6"],
      ["ex-ante-incomplete", "D10"],
      ["ex-ante-score-invalid", "C11"],
      ["ex-ante-conclusion-mismatch", "B12"],
    ]);
    expect(a.exAnte[0].score).toBe(55);
    expect(a.findings[3].message).toContain("结论应为“不予支持”");
  });

  it("terminate-declaration: a target table whose 事前绩效评估 does not support the project is 终止申报, not 重新申报", async () => {
    const target = fillTemplate(targetTemplate(), {
      cells: { B2: 2026, B3: "城区路灯节能改造", F3: "双鸭山市住房和城乡建设局", B4: "双鸭山市城市管理综合执法局", F5: "建设投资项目", B6: "评审〔2026〕3号", C7: 650, C8: 650, C9: 0, B10: "改造路灯1.2万盏。" },
      rows: [{ from: "A12", values: [["产出指标", "数量指标", "改造路灯数量", "≥", 12000, "盏", 100]] }],
    });
    // 12 + 10 + 12 + 10 + 11 = 55 < 60 → 不予支持.
    const a = analyze([await run(target as ReturnType<typeof assessment>, assessment([12, 10, 12, 10, 11], GOOD_REASONS, 55, "不予支持"))], CENTRAL);
    const [t] = a.projects;
    expect(t.targetVerdict).toBe("终止申报");
    expect(t.findings[0].code).toBe("terminate-declaration");
    expect(t.findings[0].message).toContain("55 分，结论为“不予支持”");
  });

  it("ex-ante-missing: a new major project of the budget list without its assessment; found when the batch has it", async () => {
    const list = fillTemplate(budgetListTemplate(), {
      cells: { A1: "2026年度市本级预算项目清单" },
      rows: [{ from: "A3", values: [
        ["230500260000006", "城区路灯节能改造", "双鸭山市城市管理综合执法局", 650, "新增", "否"],
        ["230500260000007", "社区养老驿站", "双鸭山市民政局", 120, "新增", "是"],
        ["230500260000008", "道路日常养护", "双鸭山市交通运输局", 900, "延续", "否"],
      ] }],
    });
    const a = analyze([await run(list as ReturnType<typeof assessment>, assessment([18, 16, 17, 15, 14], GOOD_REASONS, 80, "予以支持"))], CENTRAL);
    // 路灯: new and 650 ≥ 500, assessed (matched by 项目编码). 养老驿站: new and 重大, not assessed. 养护: continuing, not needed.
    expect(a.coverage.map((c) => c.states.exAnte)).toEqual(["已提交（80 分，予以支持）", "未提交", "不需要"]);
    expect(a.findings.filter((f) => f.code === "ex-ante-missing").map((f) => f.cell)).toEqual(["B4"]);
  });
});
