import { describe, expect, it } from "vitest";
import { analyze } from "../../src/core/analyze";
import { REGISTER_SHEET } from "../../src/core/owned";
import { readWorkbook } from "../../src/core/read/read";
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
    expect(r.selfEvaluation!.score.toNumber()).toBe(94.54);
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
