import { describe, expect, it } from "vitest";
import { analyze } from "../../src/core/analyze";
import { REGISTER_SHEET } from "../../src/core/owned";
import { readWorkbook } from "../../src/core/read/workbook";
import { CENTRAL } from "../../src/core/rules/ruleset";
import { parseTarget, readNumberCell } from "../../src/core/values";
import { selfEvaluationSheet, type SheetDef, snapshot, targetSheet, withCell } from "../fixtures";

describe("reading values as users write them", () => {
  it.each([
    ["≥95%", { comparator: "≥", value: 95, percent: true, unit: "" }],
    ["≤1200万元", { comparator: "≤", value: 1200, unit: "万元" }],
    ["=100%", { comparator: "=", value: 100, percent: true }],
    ["≥3000人次", { comparator: "≥", value: 3000, unit: "人次" }],
    ["＞＝９５％", { comparator: "≥", value: 95, percent: true }],
    ["不低于 1,200.5 万元", { comparator: "≥", value: 1200.5, unit: "万元" }],
    ["好", { comparator: null, value: null, placeholder: false }],
    ["**", { value: null, placeholder: true }],
    ["≥XX%", { comparator: "≥", value: null, placeholder: true }],
  ])("parses %s", (text, expected) => {
    expect(parseTarget(text)).toMatchObject(expected);
  });

  it("reads numbers stored as text and refuses dates and booleans", () => {
    expect(readNumberCell("1,200.50")).toMatchObject({ kind: "number", value: 1200.5 });
    expect(readNumberCell("９５％")).toMatchObject({ kind: "number", value: 95, percent: true });
    expect(readNumberCell("1260件")).toMatchObject({ kind: "text" });
    expect(readNumberCell("1260件", true)).toMatchObject({ kind: "number", value: 1260 });
    expect(readNumberCell(new Date(2026, 0, 1))).toMatchObject({ kind: "text" });
    expect(readNumberCell(true)).toMatchObject({ kind: "text" });
    expect(readNumberCell({ error: "#N/A" })).toEqual({ kind: "error", error: "#N/A" });
  });
});

describe("reading real tables", () => {
  it("reads header labels with line breaks, full-width brackets and a second header row under a merged group", async () => {
    const def = selfEvaluationSheet();
    def.rows = def.rows.map((r) => [...r]);
    def.rows[8] = ["一级指标", "二级指标", "三级指标", "指标性质", "年度\n指标值（Ａ）", "实际\n完成值（Ｂ）", "分  值", "得分", "偏差原因分析及改进措施", "财政复核", null, null, null];
    def.rows.splice(9, 0, [null, null, null, null, null, null, null, null, null, "复核完成值", "复核得分", "扣分原因", "线索"]);
    def.merges = ["A1:M1", "A4:A7", "J9:M9", "A9:A10", "B9:B10", "C9:C10", "A11:A14", "A15:A16"];
    const { projects } = readWorkbook(await snapshot([def]));
    expect(projects).toHaveLength(1);
    const p = projects[0];
    expect(p.hasReview).toBe(true);
    expect(p.indicators).toHaveLength(7);
    expect(p.indicators[0].cells.reviewScore?.cell).toBe("K11");
    expect(p.indicators[0].target).toMatchObject({ value: 1200, unit: "件" });
    const [r] = analyze([await snapshot([def])], CENTRAL).projects;
    expect(r.findings).toEqual([]);
    expect(r.selfEvaluation!.score?.toNumber()).toBe(94.54);
  });

  it("skips spacer rows and stops at the signature lines", async () => {
    const def = targetSheet();
    def.rows = def.rows.map((r) => [...r]);
    def.rows.splice(13, 0, [], []);
    def.merges = ["A1:H1", "B3:D3", "A6:A8", "B9:H9"];
    def.rows[10][0] = "产出指标";
    const { projects } = readWorkbook(await snapshot([def]));
    expect(projects[0].indicators.map((i) => i.level3)).toHaveLength(8);
    expect(projects[0].indicators[3]).toMatchObject({ level1: "产出指标", level2: "时效指标" });
    expect(projects[0].fields.contact?.value).toBe("0469-0000000");
  });

  it("reads several projects stacked on one sheet", async () => {
    const a = targetSheet();
    const b = withCell(targetSheet(), "B3", "政务新媒体运维");
    const rows = [...a.rows, [], ...b.rows];
    const { projects } = readWorkbook(await snapshot([{ name: "两个项目", rows }]));
    expect(projects.map((p) => p.fields.name?.value)).toEqual(["基层政务公开标准化规范化", "政务新媒体运维"]);
    expect(projects.map((p) => p.indicators.length)).toEqual([8, 8]);
    expect(projects[1].fields.name?.cell).toBe("B24");
  });

  it("reads a target list (many projects, one indicator per row) as budget systems export it", async () => {
    const def: SheetDef = {
      name: "项目绩效目标",
      rows: [
        ["项目名称", "主管部门", "实施单位", "年度资金总额", "总体目标", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"],
        ["消防设施", "应急局", "消防支队", 1200, "新建消火栓", "产出指标", "数量指标", "新建消火栓", "≥", 120, "个"],
        [null, null, null, null, null, "效益指标", "社会效益指标", "供水覆盖率", "≥", 95, "%"],
        ["风险普查", "应急局", "减灾中心", 300, "完成普查", "产出指标", "数量指标", "普查覆盖率", "≥", 95, "%"],
      ],
      merges: ["A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3"],
    };
    const { projects } = readWorkbook(await snapshot([def]));
    expect(projects.map((p) => [p.layout, p.fields.name?.value, p.fields.unit?.value, p.fields.fundsTotal?.value, p.indicators.length])).toEqual([
      ["list", "消防设施", "消防支队", 1200, 2],
      ["list", "风险普查", "减灾中心", 300, 1],
    ]);
  });

  it("reports a workbook without any performance table, and sheets it skips, instead of failing", async () => {
    const wb = await snapshot([{ name: "工资表", rows: [["姓名", "金额"], ["张三", 100]] }], "杂表.xlsx");
    const r = readWorkbook(wb);
    expect(r.projects).toEqual([]);
    expect(r.findings.map((f) => [f.code, f.sheet, f.file])).toEqual([
      ["sheet-skipped", "工资表", "杂表.xlsx"],
      ["no-recognized-table", null, "杂表.xlsx"],
    ]);
  });

  it("reads hidden sheets too, and skips sheets the add-in wrote", async () => {
    const wb = await snapshot([
      { ...targetSheet(), hidden: true },
      { name: "校验结果", rows: [["校验结果"], ["三级指标"]] },
      { name: REGISTER_SHEET, rows: [["说明"], ["校验结果"]], hidden: true },
    ]);
    const r = readWorkbook(wb);
    expect(r.projects).toHaveLength(1);
    expect(r.findings).toEqual([]);
  });

  it("indicator-name-missing: a value without its level 3 name", async () => {
    const [p] = analyze([await snapshot([withCell(targetSheet(), "C13", null)])], CENTRAL).projects;
    expect(p.findings.map((f) => [f.code, f.cell])).toEqual([["indicator-name-missing", "C13"]]);
  });

  it("formula-error and unreadable-value in the funds block", async () => {
    const err = withCell(targetSheet(), "C6", { formula: "C7/0", result: { error: "#DIV/0!" } });
    const [p] = analyze([await snapshot([err])], CENTRAL).projects;
    expect(p.findings.map((f) => [f.code, f.cell])).toEqual([["formula-error", "C6"]]);
    const [q] = analyze([await snapshot([withCell(targetSheet(), "C7", "捌拾")])], CENTRAL).projects;
    expect(q.findings.map((f) => [f.code, f.cell])).toEqual([["unreadable-value", "C7"]]);
  });
});

/** A sheet's rows shifted right by one column, with `label` merged down column A over rows `from`–`to` (1-based). */
function withGroupColumn(def: SheetDef, label: string, from: number, to: number): SheetDef {
  const rows = def.rows.map((r, i) => [i + 1 === from ? label : null, ...r]);
  const shift = (m: string) => m.replace(/([A-Z]+)(\d+)/g, (_, col: string, row: string) => `${String.fromCharCode(col.charCodeAt(0) + 1)}${row}`);
  return { ...def, rows, merges: [...(def.merges ?? []).map(shift), `A${from}:A${to}`] };
}

describe("reading by principle, not by a list of layouts", () => {
  it("takes a merged 绩效指标 beside the whole grid for a group label, not for the level-3 column", async () => {
    // targetSheet's grid: header row 10, indicators rows 11–18, as the MoF forms put 绩效指标 to their left.
    const def = withGroupColumn(targetSheet(), "绩效指标", 10, 18);
    const [p] = analyze([await snapshot([def])], CENTRAL).projects;
    expect(p.project.indicators.map((i) => i.cells.level3?.cell)).toEqual(["D11", "D12", "D13", "D14", "D15", "D16", "D17", "D18"]);
    expect(p.findings).toEqual([]);
    expect(p.targetVerdict).toBe("通过");
  });

  it("gives a role to its most specific column: 三级指标 beats 绩效指标 on the same header row", async () => {
    const def = withCell(withCell(targetSheet(), "I10", "绩效指标"), "I11", "（说明）");
    const { projects } = readWorkbook(await snapshot([def]));
    expect(projects[0].indicators[0].cells.level3?.cell).toBe("C11");
  });

  it("finds a table that starts far below the top, and every row of a long list", async () => {
    const def = targetSheet();
    const shifted = { ...def, rows: [...Array.from({ length: 150 }, () => []), ...def.rows], merges: [] };
    const { projects, findings } = readWorkbook(await snapshot([shifted]));
    expect(findings).toEqual([]);
    expect(projects.map((p) => [p.kind, p.fields.name?.cell, p.indicators.length])).toEqual([["target", "B153", 8]]);
    const list: SheetDef = {
      name: "清单",
      rows: [
        ["项目名称", "实施单位", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"],
        ...Array.from({ length: 300 }, (_, i) => [`项目${Math.floor(i / 3) + 1}`, "某单位", "产出指标", "数量指标", `指标${i % 3}`, "≥", 10, "个"]),
      ],
    };
    const r = readWorkbook(await snapshot([list]));
    expect([r.projects.length, r.projects[99].fields.name?.value, r.projects[99].indicators.length]).toEqual([100, "项目100", 3]);
  });

  it("table-incomplete: says what it found and what is missing when a table is recognised only in part", async () => {
    // The header names 一级指标 / 二级指标 / 指标值 but no 三级指标 column.
    const def = withCell(targetSheet(), "C10", "备注");
    const r = readWorkbook(await snapshot([def], "缺三级.xlsx"));
    const f = r.findings.find((x) => x.code === "table-incomplete")!;
    expect([f.sheet, f.cell]).toEqual(["绩效目标申报表", "A10"]);
    expect(f.message).toContain("第 10 行：一级指标、二级指标");
    expect(f.message).toContain("没有三级指标列");
    // A self-evaluation grid without 实际完成值 and 得分: read, with the missing columns named.
    let self = selfEvaluationSheet();
    for (const c of ["F", "H"]) self = withCell(self, `${c}9`, "说明");
    const [p] = readWorkbook(await snapshot([self])).projects;
    const g = p.findings.find((x) => x.code === "table-incomplete")!;
    expect([g.cell, g.message.includes("没有实际完成值列和得分列")]).toEqual(["A9", true]);
  });

  it("continues one table across a header repeated before each 一级指标 section", async () => {
    const def = targetSheet();
    const rows = def.rows.map((r) => [...r]);
    rows.splice(15, 0, [...rows[9]]); // the header again before 效益指标 (row 16)
    const { projects } = readWorkbook(await snapshot([{ ...def, rows, merges: ["A1:H1", "A6:A8", "B9:H9"] }]));
    expect(projects).toHaveLength(1);
    expect(projects[0].indicators.map((i) => i.level3)).toHaveLength(8);
    expect(projects[0].fields.name?.value).toBe("基层政务公开标准化规范化");
  });

  it("sets aside a declared merge that overlaps an earlier one, as Excel does, with a \"merge-ignored\" warning naming both", async () => {
    const snap = await snapshot([targetSheet()]);
    const sheet = snap.sheets[0];
    // B9:H9 (the header band) is declared; a later merge C9:D12 overlaps it, which Excel drops on opening.
    sheet.merges = [...sheet.merges, { top: 8, left: 2, bottom: 11, right: 3 }];
    const { projects, findings } = readWorkbook(snap);
    const ignored = findings.filter((f) => f.code === "merge-ignored");
    expect(ignored).toHaveLength(1);
    expect(ignored[0]).toMatchObject({ sheet: sheet.name, cell: "C9:D12" });
    expect(ignored[0].message).toContain("B9:H9");
    expect(projects).toHaveLength(1);
    expect(projects[0].indicators).toHaveLength(readWorkbook(await snapshot([targetSheet()])).projects[0].indicators.length);
  });

  it("starts a new form at a title line, even where the forms have no 项目名称 field", async () => {
    const form = (title: string, score: number) => [
      [title],
      ["一级指标", "二级指标", "三级指标", "分值", "得分"],
      ["决策", "项目立项", "立项依据充分性", 50, score],
      ["产出", "产出数量", "完成率", 50, 50],
      ["总分", null, null, 100, score + 50],
      [],
    ];
    const def: SheetDef = { name: "评分", rows: [...form("甲项目绩效评价表", 40), ...form("乙项目绩效评价表", 45)] };
    const { projects } = readWorkbook(await snapshot([def]));
    expect(projects.map((p) => [p.fields.name?.value, p.indicators.length, p.total?.score?.value])).toEqual([["甲项目", 2, 90], ["乙项目", 2, 95]]);
  });

  it("names the project from the title row where the form has no 项目名称, and reads a 得分 grid with a 总分 row as an evaluation", async () => {
    const def: SheetDef = {
      name: "评分表",
      rows: [
        ["2025年度乡村道路养护项目绩效评价评分表"],
        ["一级指标", "二级指标", "三级指标", "分值", "评分标准", "得分"],
        ["决策", "项目立项", "立项依据充分性", 20, "依据充分得满分", 18],
        ["过程", "资金管理", "预算执行率", 30, "执行率×分值", 27],
        ["产出", "产出数量", "养护里程完成率", 30, "完成率×分值", 30],
        ["效益", "社会效益", "群众满意度", 20, "调查结果", 16],
        ["总分", null, null, 100, null, 91],
      ],
    };
    const [p] = analyze([await snapshot([def])], CENTRAL).projects;
    expect([p.project.kind, p.project.fields.name?.value]).toEqual(["self-evaluation", "2025年度乡村道路养护项目"]);
    // The indicators make the 100 points themselves: no separate execution score, the evaluators' scores kept.
    expect([p.selfEvaluation!.executionScore?.toNumber(), p.selfEvaluation!.score?.toNumber(), p.selfEvaluation!.grade]).toEqual([0, 91, "优"]);
    expect(p.findings.map((f) => f.code)).toEqual([]);
  });

  it("weight-sum: weights per level are checked level by level (一级 权重, 二级 and 三级 分值 within it)", async () => {
    const def: SheetDef = {
      name: "申报表",
      rows: [
        ["项目支出绩效目标申报表"],
        ["项目名称", "社区养老服务", "主管部门", "民政局", "实施单位", "养老服务中心"],
        ["年度资金总额", 100, "财政拨款", 100, "其他资金", 0],
        ["总体目标", "为500名老人提供居家养老服务。"],
        ["一级指标", "权重", "二级指标", "分值", "三级指标", "指标性质", "指标值", "度量单位", "分值"],
        ["产出指标", 60, "数量指标", 30, "服务老人数", "≥", 500, "人", 30],
        [null, null, "质量指标", 10, "服务合格率", "≥", 95, "%", 10],
        [null, null, "时效指标", 10, "服务响应时间", "≤", 24, "小时", 10],
        [null, null, "成本指标", 10, "人均服务成本", "≤", 2000, "元", 10],
        ["效益指标", 30, "社会效益指标", 30, "老人生活质量改善率", "≥", 80, "%", 30],
        ["满意度指标", 10, "服务对象满意度指标", 10, "老人满意度", "≥", 90, "%", 10],
      ],
      merges: ["A6:A9", "B6:B9"],
    };
    // Summed flat the table has 60+30+10 + 30+10+10+10+30+10 + 30+10+10+10+30+10 = 300 points; level by level it is right.
    const [ok] = analyze([await snapshot([def])], CENTRAL).projects;
    expect(ok.findings.filter((f) => f.code === "weight-sum")).toEqual([]);
    // 产出指标 weighs 60, but its 二级 分值 now add up to 30 + 10 + 10 + 20 = 70.
    const [bad] = analyze([await snapshot([withCell(def, "D9", 20)])], CENTRAL).projects;
    const f = bad.findings.filter((x) => x.code === "weight-sum");
    expect(f.map((x) => x.cell)).toEqual(["B6", "D9"]);
    expect(f[0].message).toContain("二级指标分值合计 70");
  });

  it("reads 完成目标可能性 ticked (√) under 确定能 | 有可能 | 完全不可能, as the 136号 form asks", async () => {
    const def: SheetDef = {
      name: "监控表",
      rows: [
        ["项目支出绩效目标执行监控表（1-6月）"],
        ["项目名称", "农村饮水维修", null, "实施单位", "水务站"],
        ["年初预算数", "1-6月执行数", "执行率", "全年预计执行数"],
        [100, 50, "50%", 100],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "1-6月执行情况", "全年预计完成情况", "完成目标可能性", null, null, "偏差原因分析"],
        [null, null, null, null, null, null, "确定能", "有可能", "完全不可能", null],
        ["产出指标", "数量指标", "维修工程数", "≥40处", "22处", "40处", "√", null, null, null],
        ["效益指标", "社会效益指标", "受益人口", "≥5万人", "1万人", "2万人", null, null, "√", "管材未到货"],
      ],
      merges: ["A5:A6", "B5:B6", "C5:C6", "D5:D6", "E5:E6", "F5:F6", "G5:I5", "J5:J6"],
    };
    const [p] = analyze([await snapshot([def])], CENTRAL).projects;
    expect(p.monitoring!.indicators.map((i) => i.possibility)).toEqual(["确定能", "完全不可能"]);
    expect(p.monitoring!.action).toBe("暂缓拨款");
  });

  it("reads the budget year's column where a list exports 中期 and 年度 amounts side by side", async () => {
    const def: SheetDef = {
      name: "导出",
      rows: [
        ["项目名称", "中期财政拨款", "年度资金总额", "年度财政拨款", "一级指标", "二级指标", "三级指标", "指标值"],
        ["学生视力筛查", 480, 180, 160, "产出指标", "数量指标", "筛查人次", "≥15万人次"],
      ],
    };
    const [p] = readWorkbook(await snapshot([def])).projects;
    expect([p.fields.fundsTotal?.value, p.fields.fundsFiscal?.value]).toEqual([180, 160]);
  });

  it("reads the budget year's columns where 中期 and 年度 stand side by side (财预〔2015〕88号)", async () => {
    const def: SheetDef = {
      name: "申报表",
      rows: [
        ["项目支出绩效目标申报表"],
        ["项目名称", "学生视力筛查", null, "主管部门及代码", "教育局 112"],
        ["实施单位", "卫生保健所"],
        ["项目资金（万元）", "中期资金总额", 540, "年度资金总额", 180],
        [null, "其中：财政拨款", 480, "其中：财政拨款", 160],
        [null, "其他资金", 60, "其他资金", 20],
        ["总体目标", "中期目标（2026—2028年）", null, null, null, "年度目标"],
        [null, "三年筛查45万人次", null, null, null, "筛查15万人次"],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "二级指标", "三级指标", "指标值"],
        [null, "产出指标", "数量指标", "筛查人次", "≥45万人次", "数量指标", "筛查人次（年度）", "≥15万人次"],
      ],
      merges: ["A4:A6", "A7:A8", "B7:E7", "F7:H7", "B8:E8", "F8:H8", "A9:A10"],
    };
    const { projects } = readWorkbook(await snapshot([def]));
    const [p] = projects;
    expect([p.fields.fundsTotal?.cell, p.fields.fundsFiscal?.cell, p.fields.fundsOther?.cell]).toEqual(["E4", "E5", "E6"]);
    expect([p.indicators[0].level3, p.indicators[0].target.raw]).toEqual(["筛查人次（年度）", "≥15万人次"]);
    expect(p.fields.goal?.value).toBe("筛查15万人次");
  });
});

describe("files a host did not read", () => {
  it("become findings of their own (file-not-read) with the host's severity, beside the tables that were read", async () => {
    const { loadFormulaParser } = await import("../../src/core/rules/expression");
    await loadFormulaParser();
    const a = analyze([await snapshot([targetSheet()])], CENTRAL, {
      notRead: [
        { file: "老表.xls", message: "未读取 老表.xls：旧版 Excel 格式（.xls）", severity: "warning" },
        { file: "坏.xlsx", message: "未读取：文件 坏.xlsx 已损坏", severity: "error" },
      ],
    });
    expect(a.projects).toHaveLength(1);
    const notRead = a.findings.filter((f) => f.code === "file-not-read");
    expect(notRead.map((f) => [f.file, f.severity, f.sheet, f.cell])).toEqual([["老表.xls", "warning", null, null], ["坏.xlsx", "error", null, null]]);
    expect(notRead[0].message).toContain("旧版 Excel 格式");
  });
});
