import { describe, expect, it } from "vitest";
import { catalogBasis, catalogEntry } from "../../src/core/findings";
import { compileFormula } from "../../src/core/rules/expression";
import { parseRuleSet, RuleSetError } from "../../src/core/rules/load";
import { BUILT_IN, CENTRAL, DEFAULT_RULES, HUBEI_2020, SHUANGYASHAN_2020 } from "../../src/core/rules/ruleset";
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

describe("a rule set's documents and citations", () => {
  /** A bureau's own document, with the words of the clause it quotes. */
  const OWN = {
    "bureau-2026": {
      title: "本市预算绩效运行监控办法",
      number: "本财绩〔2026〕1号",
      clauses: { 第十条: "财政部门对绩效目标实现程度和预算执行进度实行双监控，发现问题及时纠正。", 第十二条: "" },
    },
  };
  const own = (citations: unknown, documents: unknown = OWN, more: object = {}) => load({ id: "bureau", name: "本市规则", documents, citations, ...more });

  it("shuangyashan-2020 is the default, with central's numbers and the plan's citations", () => {
    expect(DEFAULT_RULES).toBe(SHUANGYASHAN_2020);
    expect(Object.keys(BUILT_IN)[0]).toBe("shuangyashan-2020");
    const { id: _a, name: _b, documents: _c, citations: _d, ...numbers } = SHUANGYASHAN_2020;
    const { id: _e, name: _f, documents: _g, citations: _h, ...central } = CENTRAL;
    expect(numbers).toEqual(central);
    expect(catalogBasis("suspend-funding", SHUANGYASHAN_2020)).toBe(
      "双政办发〔2020〕23号 四(二)3：“对存在严重问题的政策、项目要暂缓或停止拨款”；双政办发〔2020〕23号 四(三)3：“按照项目进度和绩效情况拨款”",
    );
  });

  it("central and hubei-2020 cite the Ministry's documents by number and part, never quoting them", () => {
    for (const r of [CENTRAL, HUBEI_2020]) {
      expect(Object.values(r.documents).map((d) => d.number).sort()).toEqual(["中发〔2018〕34号", "财预〔2015〕88号", "财预〔2019〕136号", "财预〔2020〕10号", "财预〔2021〕101号"]);
      expect(Object.values(r.documents).flatMap((d) => Object.values(d.clauses)).filter((t) => t !== "")).toEqual([]);
      expect(catalogBasis("suspend-funding", r)).toBe("中发〔2018〕34号 绩效运行监控");
    }
  });

  it("lets a bureau bring its own document, citing it where it speaks and the Ministry's elsewhere", () => {
    const r = own({ "dual-monitoring": [{ document: "bureau-2026", clause: "第十条", quote: "实行双监控" }], "monitoring-coverage": [{ document: "bureau-2026", clause: "第十二条" }] });
    expect(Object.keys(r.documents)).toEqual(expect.arrayContaining(["bureau-2026", "caiyu-2020-10", "zhongfa-2018-34"]));
    expect(catalogBasis("monitoring-month-unknown", r)).toBe("本财绩〔2026〕1号 第十条：“实行双监控”");
    expect(catalogBasis("monitoring-not-covered", r)).toBe("本财绩〔2026〕1号 第十二条");
    // A topic the bureau does not cover keeps what central (the default extends) cites: the Ministry's documents.
    expect(catalogBasis("budget-without-target", r)).toBe(catalogBasis("budget-without-target", CENTRAL));
    expect(Object.values(r.citations).flat().map((c) => JSON.stringify(c)).join()).not.toMatch(/shuangyashan|heihe/);
  });

  it("keeps the plan's citations for a bureau that extends shuangyashan-2020", () => {
    const r = load({ id: "sy-2026", name: "双鸭山市 2026", extends: "shuangyashan-2020", review: { inflatedDelta: 8 } });
    expect(catalogBasis("stop-funding", r)).toBe(catalogBasis("stop-funding", SHUANGYASHAN_2020));
    expect(r.documents["shuangyashan-plan"].number).toBe("双政办发〔2020〕23号");
  });

  it.each([
    [{ "no-such-topic": [{ practice: "x" }] }, OWN, "citations.no-such-topic 不是已知的引用主题"],
    [{ "dual-monitoring": [] }, OWN, "citations.dual-monitoring 应为非空数组"],
    [{ "dual-monitoring": [{ document: "nowhere" }] }, OWN, "citations.dual-monitoring[0].document “nowhere”不在 documents 中"],
    [{ "dual-monitoring": [{ document: "bureau-2026", clause: "第九条" }] }, OWN, "“第九条”不是文件《本市预算绩效运行监控办法》的 clauses 中列出的条款"],
    [{ "dual-monitoring": [{ document: "bureau-2026", clause: "第十条", quote: "一律停止拨款" }] }, OWN, "“一律停止拨款”不在文件《本市预算绩效运行监控办法》第十条 的原文中"],
    [{ "dual-monitoring": [{ document: "bureau-2026", clause: "第十二条", quote: "双监控" }] }, OWN, "第十二条 没有原文"],
    [{ "dual-monitoring": [{ document: "bureau-2026", quote: "双监控" }] }, OWN, "引用原话须写明条款"],
    [{ "dual-monitoring": [{ document: "bureau-2026", page: 3 }] }, OWN, "citations.dual-monitoring[0].page 无法识别"],
    [{ "dual-monitoring": [{ practice: "按月监控", document: "bureau-2026" }] }, OWN, "写了 practice 就不能再写"],
    [{}, { "bureau-2026": { number: "本财绩〔2026〕1号", clauses: {} } }, "documents.bureau-2026.title 应为文件名称"],
    [{}, { "bureau-2026": { title: "本市办法", clauses: { 第一条: 1 } } }, "documents.bureau-2026.clauses.第一条 应为该条原文"],
    [{}, "本市办法", "documents 应为对象"],
  ])("rejects a malformed citation or document in Chinese, naming the key (%#)", (citations, documents, message) => {
    expect(() => own(citations, documents)).toThrow(RuleSetError);
    expect(() => own(citations, documents)).toThrow(message);
  });

  it("takes documents and citations from the 参数 sheet's rows too, pointing at the cell of a bad one", () => {
    const sheet = (quote: string): SheetSnapshot => {
      const s: SheetSnapshot = { name: "参数", rows: parameterSheet(CENTRAL).rows.map((r) => r.map((c) => c.value)), top: 0, left: 0, merges: [], hidden: false };
      s.rows.push(
        ["documents.bureau-2026.title", "本市预算绩效运行监控办法"], ["documents.bureau-2026.number", "本财绩〔2026〕1号"],
        ["documents.bureau-2026.clauses.第十条", OWN["bureau-2026"].clauses.第十条],
        ["citations.dual-monitoring.0.document", "bureau-2026"], ["citations.dual-monitoring.0.clause", "第十条"], ["citations.dual-monitoring.0.quote", quote],
      );
      return s;
    };
    const r = ruleSetFromSheet(sheet("实行双监控"));
    expect(catalogBasis("monitoring-month-unknown", r)).toBe("本财绩〔2026〕1号 第十条：“实行双监控”");
    const quoteRow = sheet("").rows.findIndex((row) => row[0] === "citations.dual-monitoring.0.quote") + 1;
    expect(() => ruleSetFromSheet(sheet("一律停止拨款"))).toThrow(`不在文件《本市预算绩效运行监控办法》第十条 的原文中（单元格 B${quoteRow}）`);
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
