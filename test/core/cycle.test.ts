import { describe, expect, it } from "vitest";
import { nameCore, similarSets } from "../../src/core/adjust";
import { analyze } from "../../src/core/analyze";
import { CENTRAL, DEFAULT_RULES } from "../../src/core/rules/ruleset";
import { type SheetDef, snapshot, targetSheet } from "../fixtures";

/** The fixture's target table under another name, department, unit and amount (fiscal = total, other = 0). */
export function target(sheet: string, name: string, department: string, unit: string, amount: number, rename: Record<string, string> = {}, raise = 0): SheetDef {
  const t = targetSheet();
  const rows = t.rows.map((r) => [...r]);
  rows[2][1] = name;
  rows[2][5] = department;
  rows[3][1] = unit;
  rows[5][2] = amount;
  rows[6][2] = amount;
  for (const r of rows) {
    if (typeof r[2] === "string" && rename[r[2]]) r[2] = rename[r[2]];
    if (r.length === 8 && typeof r[4] === "number") r[4] += raise;
  }
  return { ...t, name: sheet, rows };
}

/** Indicator names of the fixture replaced one by one, so two tables share no indicator. */
const OTHER_INDICATORS = {
  公开事项目录编制数: "培训场次", 信息公开准确率: "培训合格率", 政务公开平台可用率: "教材发放率", 主动公开信息时限: "培训完成时限",
  平台运维单价: "人均培训成本", 政务公开知晓率: "学员技能提升率", 公开制度执行年限: "培训制度执行年限", 群众满意度: "学员满意度",
};

async function run(sheets: SheetDef[]) {
  return analyze([await snapshot(sheets, "申报.xlsx")], CENTRAL);
}

describe("调整: 交叉重复 and 碎片化 within a department (四(三)5)", () => {
  it("reads what a project is for from its name, without years, brackets and generic words", () => {
    expect(nameCore("2026年度农家书屋图书更新项目（东村）")).toBe("农家书屋图书更新");
    // Generic words leave a gap: 单位1项目2 is not 单位12.
    expect(nameCore("单位1项目2")).toBe("单位1 2");
    // Pairs of 基层政务公开标准 and 基层政务公开规范: 7 each, 5 shared (基层 层政 政务 务公 公开): Dice 2 × 5 / 14 = 0.71;
    // of 基层政务公开标准化 and 基层政务公开标准: 8 and 7, 7 shared: 14 / 15 = 0.93.
    const pairs = (s: string) => [...s].slice(1).map((ch, i) => s[i] + ch);
    const sets = ["基层政务公开标准", "基层政务公开规范", "基层政务公开标准化"].map(pairs);
    expect(similarSets(sets, 0.8, "dice").pairs).toEqual([[0, 2]]);
    expect(similarSets(sets, 0.7, "dice").pairs).toEqual([[0, 1], [0, 2]]);
    // 基层政务公开规范 vs 基层政务公开标准化: 5 shared of 7 + 8: 10 / 15 = 0.67 < 0.7.
    // Identical sets are one group, whatever their number.
    expect(similarSets([["a", "b"], ["a", "b"], ["a", "b"], ["c"]], 0.8, "jaccard")).toEqual({ groups: [[0, 1, 2], [3]], pairs: [], groupOf: [0, 0, 0, 1] });
  });

  it("overlapping-projects: near-identical names in one department, each named in the other's finding, decision 调整", async () => {
    const a = await run([
      target("甲", "基层政务公开标准化规范化", "双鸭山市人民政府办公室", "双鸭山市政务公开办公室", 80),
      target("乙", "基层政务公开标准化规范化建设项目", "双鸭山市人民政府办公室", "双鸭山市政务服务中心", 60, OTHER_INDICATORS),
      // Same name, another department: not this department's overlap.
      target("丙", "基层政务公开标准化规范化", "双鸭山市司法局", "双鸭山市司法局", 30, OTHER_INDICATORS),
    ]);
    const [x, y, z] = a.projects;
    expect(x.findings.filter((f) => f.code === "overlapping-projects").map((f) => [f.cell, f.message])).toEqual([
      ["B3", "本项目“基层政务公开标准化规范化”（80 万元）与同一部门的“基层政务公开标准化规范化建设项目”（60 万元）名称或指标基本相同，疑似交叉重复，建议合并或调整。"],
    ]);
    expect(y.findings.map((f) => f.code)).toContain("overlapping-projects");
    expect(z.findings.map((f) => f.code)).not.toContain("overlapping-projects");
    expect([x.decision, y.decision, z.decision]).toEqual(["调整", "调整", null]);
    expect(x.targetVerdict).toBe("通过");
  });

  it("overlapping-projects: the same indicators under two different names; copied word for word it is copied-indicators alone", async () => {
    const a = await run([
      target("甲", "政务公开标准化", "双鸭山市人民政府办公室", "双鸭山市政务公开办公室", 80),
      target("乙", "信息发布平台运行维护", "双鸭山市人民政府办公室", "双鸭山市政务服务中心", 60, {}, 1),
    ]);
    expect(a.projects.map((r) => r.findings.filter((f) => /overlapping|copied/.test(f.code)).map((f) => f.code))).toEqual([["overlapping-projects"], ["overlapping-projects"]]);
    const copied = await run([
      target("甲", "政务公开标准化", "双鸭山市人民政府办公室", "双鸭山市政务公开办公室", 80),
      target("乙", "信息发布平台运行维护", "双鸭山市人民政府办公室", "双鸭山市政务服务中心", 60),
    ]);
    expect(copied.projects.map((r) => r.findings.filter((f) => /overlapping|copied/.test(f.code)).map((f) => f.code))).toEqual([["copied-indicators"], ["copied-indicators"]]);
  });

  it("fragmented-projects: three projects under 10 万元 sharing a purpose; a fourth of another purpose and a big one are left out", async () => {
    const a = await run([
      target("东", "东村农家书屋图书更新", "双鸭山市文化广电和旅游局", "双鸭山市图书馆", 3, OTHER_INDICATORS),
      target("西", "西村农家书屋设备购置", "双鸭山市文化广电和旅游局", "双鸭山市图书馆", 4),
      target("南", "南村农家书屋管理员补助", "双鸭山市文化广电和旅游局", "双鸭山市文化馆", 2.5, { 公开事项目录编制数: "管理员人数", 信息公开准确率: "在岗率", 政务公开平台可用率: "开放天数达标率", 主动公开信息时限: "补助发放时限", 平台运维单价: "人均补助", 政务公开知晓率: "借阅人次增长率", 公开制度执行年限: "管理制度执行年限", 群众满意度: "读者满意度" }),
      target("戏", "送戏下乡演出", "双鸭山市文化广电和旅游局", "双鸭山市文化馆", 6, { 公开事项目录编制数: "演出场次", 信息公开准确率: "演出合格率", 政务公开平台可用率: "节目原创率", 主动公开信息时限: "演出完成时限", 平台运维单价: "每场演出成本", 政务公开知晓率: "观众人次增长率", 公开制度执行年限: "演出机制执行年限", 群众满意度: "观众满意度" }),
      target("大", "北村农家书屋改扩建", "双鸭山市文化广电和旅游局", "双鸭山市图书馆", 45, { 公开事项目录编制数: "改扩建面积", 信息公开准确率: "工程验收合格率", 政务公开平台可用率: "消防验收通过率", 主动公开信息时限: "竣工时限", 平台运维单价: "每平方米造价", 政务公开知晓率: "借阅量增长率", 公开制度执行年限: "设施使用年限", 群众满意度: "村民满意度" }),
    ]);
    const got = a.projects.map((r) => [r.project.sheet, r.findings.filter((f) => f.code === "fragmented-projects").length, r.decision]);
    expect(got).toEqual([["东", 1, "调整"], ["西", 1, "调整"], ["南", 1, "调整"], ["戏", 0, null], ["大", 0, null]]);
    // 3 + 4 + 2.5 = 9.5
    expect(a.projects[0].findings.find((f) => f.code === "fragmented-projects")!.message).toContain("共 3 个，合计 9.5 万元");
    expect(a.projects[0].decisionGrounds[0]).toContain("“西村农家书屋设备购置”（4 万元）");
  });

  it("two small projects of one purpose are not yet fragmentation (cycle.fragmentMin = 3), unless the rule set says 2", async () => {
    const sheets = [
      target("东", "东村农家书屋图书更新", "双鸭山市文化广电和旅游局", "双鸭山市图书馆", 3, OTHER_INDICATORS),
      target("西", "西村农家书屋设备购置", "双鸭山市文化广电和旅游局", "双鸭山市图书馆", 4),
    ];
    const codes = (x: Awaited<ReturnType<typeof run>>) => x.projects.flatMap((r) => r.findings.map((f) => f.code)).filter((c) => c === "fragmented-projects");
    expect(codes(await run(sheets))).toEqual([]);
    const two = analyze([await snapshot(sheets, "申报.xlsx")], { ...CENTRAL, cycle: { ...CENTRAL.cycle, fragmentMin: 2 } });
    expect(codes(two)).toEqual(["fragmented-projects", "fragmented-projects"]);
  });
});

/** This year's 预算项目清单 (2026): four projects, one of them new. */
function budgetList(): SheetDef {
  return {
    name: "预算项目清单",
    rows: [
      ["2026年度市本级预算项目清单"],
      ["项目编码", "项目名称", "单位", "预算金额（万元）", "新增/延续", "是否重大"],
      ["2305001", "基层政务公开标准化规范化", "双鸭山市政务公开办公室", 80, "延续", "否"],
      ["2305002", "城乡公共消防设施运维", "双鸭山市消防救援支队", 100, "延续", "否"],
      ["2305003", "网民留言办理平台运维", "双鸭山市政务服务中心", 50, "延续", "否"],
      ["2305004", "农村饮水安全维修养护", "双鸭山市水务局", 60, "延续", "否"],
    ],
  };
}

/** Last year's results as a bureau keeps them: a plain list with 等级, 结果应用 and 金额. */
function lastYear(): SheetDef {
  return {
    name: "2025年评价结果",
    rows: [
      ["2025年度项目支出绩效评价结果"],
      ["项目编码", "项目名称", "实施单位", "评价等级", "结果应用", "预算金额（万元）"],
      ["2305001", "基层政务公开标准化规范化", "双鸭山市政务公开办公室", "差", "削减或取消", 80],
      ["2305002", "城乡公共消防设施运维", "双鸭山市消防救援支队", "中", "督促改进并核减", 90],
      ["2305003", "网民留言办理平台运维", "双鸭山市政务服务中心", "良", "收回（上年结转资金全年未执行）", 50],
      ["2305004", "农村饮水安全维修养护", "双鸭山市水务局", "中", "督促改进并核减", 60],
      ["2305009", "已完成的旧项目", "双鸭山市水务局", "优", "优先保障", 20],
    ],
  };
}

describe("across years: last year's results as an input (四(三)5)", () => {
  it("reads a plain list of last year's results by its columns, whatever its layout", async () => {
    const a = await run([lastYear()]);
    expect(a.previous.map((l) => [l.previous.code, l.previous.grade, l.previous.decision, l.previous.amount, l.previous.year])).toEqual([
      ["2305001", "差", "削减或取消", 80, 2025],
      ["2305002", "中", "督促改进并核减", 90, 2025],
      ["2305003", "良", "收回", 50, 2025],
      ["2305004", "中", "督促改进并核减", 60, 2025],
      ["2305009", "优", "优先保障", 20, 2025],
    ]);
    expect(a.findings.map((f) => f.code)).toEqual([]);
  });

  it("reads the first of the decisions last year's 汇总 lists strongest first, past the results not carried out", async () => {
    const summary: SheetDef = {
      name: "汇总",
      rows: [
        ["预算绩效管理结果汇总"],
        ["序号", "项目", "实施单位", "复核等级", "结果应用"],
        [1, "基层政务公开标准化规范化", "双鸭山市政务公开办公室", "—", "结果应用未落实；调整；优先保障"],
        [2, "网民留言办理平台运维", "双鸭山市政务服务中心", "优", "收回资金又申请；整改未完成；收回"],
        [3, "城乡公共消防设施建设", "双鸭山市消防救援支队", "—", "结果应用未落实；削减或取消"],
        [4, "农村饮水安全维修养护", "双鸭山市水务局", "中", "整改未完成"],
      ],
    };
    const a = await run([summary]);
    expect(a.previous.map((l) => [l.previous.name, l.previous.grade, l.previous.decision])).toEqual([
      ["基层政务公开标准化规范化", null, "调整"],
      ["网民留言办理平台运维", "优", "收回"],
      ["城乡公共消防设施建设", null, "削减或取消"],
      ["农村饮水安全维修养护", "中", null],
    ]);
  });

  it("previous-decision-not-applied and recovered-funds-reappear, at this year's target table or budget row; 终止申报 where a cut was ignored", async () => {
    const a = await run([budgetList(), lastYear(), targetSheet()]);
    // 2305001: 削减或取消 at 80, asks 80 again (the budget list; the target table says 80 too) → at the target table's 年度资金总额 C6.
    const t = a.projects[0];
    expect(t.findings.filter((f) => f.code === "previous-decision-not-applied").map((f) => f.cell)).toEqual(["C6"]);
    expect(t.targetVerdict).toBe("终止申报");
    expect(t.findings[0].code).toBe("terminate-declaration");
    expect(t.findings[0].message).toContain("本年申请 80 万元不少于上年 80 万元");
    // 2305002: 督促改进并核减 at 90, asks 100 → the budget row B4. 2305003: 收回, asks 50 → B5. 2305004: 核减 at 60, asks 60 → applied (not more).
    const rows = a.findings.filter((f) => /previous|recovered/.test(f.code)).map((f) => [f.code, f.cell]);
    expect(rows).toEqual([["previous-decision-not-applied", "B4"], ["recovered-funds-reappear", "B5"]]);
    expect(a.findings.find((f) => f.cell === "B4")!.message).toContain("本年申请 100 万元（上年 90 万元），不减反增");
    expect(a.coverage.map((c) => c.states.previous)).toEqual(["差，削减或取消（80 万元）", "中，督促改进并核减（90 万元）", "良，收回（50 万元）", "中，督促改进并核减（60 万元）"]);
    expect(a.previous.find((l) => l.previous.code === "2305001")!.matchedBy).toBe("项目编码");
  });

  it("a cut that was applied is no finding", async () => {
    const list = budgetList();
    list.rows[2][3] = 56;
    const t = target("绩效目标申报表", "基层政务公开标准化规范化", "双鸭山市人民政府办公室", "双鸭山市政务公开办公室", 56);
    const a = await run([list, lastYear(), t]);
    expect(a.projects[0].findings.map((f) => f.code)).not.toContain("previous-decision-not-applied");
    expect(a.projects[0].targetVerdict).toBe("通过");
  });

  it("reads the add-in's own 汇总 given as last year's workbook (--previous), though the result workbook registers it as its own", async () => {
    const { selfEvaluationSheet } = await import("../fixtures");
    const { runCheck } = await import("../../src/app/actions");
    const ExcelJS = (await import("exceljs")).default;
    const { ExcelJsHost } = await import("../../src/hosts/exceljs-host");
    const self = selfEvaluationSheet();
    // The reviewer's columns filled: 复核 drops 留言办结数 from 20 to 10 points → 84.54, 良.
    const header = self.rows.findIndex((r) => r[0] === "一级指标");
    self.rows[header + 1] = [...self.rows[header + 1].slice(0, 9), "1000件", 10, "留言办结数虚报", null];
    const out = new ExcelJsHost(new ExcelJS.Workbook(), "2025年结果.xlsx");
    await runCheck([await snapshot([self], "自评.xlsx")], out, CENTRAL);
    const back = { ...(await out.read()), previous: true };
    const a = analyze([back], CENTRAL);
    expect(a.previous.map((l) => [l.previous.name, l.previous.grade, l.previous.decision, l.previous.amount, l.previous.sheet])).toEqual([
      ["网民留言办理平台运维", "良", "据实合理保障", 50, "汇总"],
    ]);
    // The same workbook in a plain batch is this run's own output: its sheets are skipped.
    expect(analyze([await out.read()], CENTRAL).previous).toEqual([]);
  });
});

/** A unit's 整改情况表 answering four problems, checked on 2026-12-01. */
function rectification(): SheetDef {
  return {
    name: "整改情况表",
    rows: [
      ["整改情况表"],
      ["序号", "项目编码", "项目名称", "实施单位", "问题", "整改期限", "整改措施", "整改结果", "完成日期", "佐证材料"],
      [1, "", "网民留言办理平台运维", "双鸭山市政务服务中心", "“留言办结率”：佐证材料不全", "2026-11-30", "补齐办结台账", "已整改", "2026-11-20", "办结台账（2026）.pdf"],
      [2, "", "网民留言办理平台运维", "双鸭山市政务服务中心", "“平均办理时长”：超时", "2026-11-30", "增配坐席", "整改中", null, null],
      [3, "", "网民留言办理平台运维", "双鸭山市政务服务中心", "“满意度”：未开展问卷", "2026-12-31", "委托第三方调查", "已整改", "2026-11-25", null],
      [4, "", "网民留言办理平台运维", "双鸭山市政务服务中心", "自评结果偏高 26 分", "2026-11-15", "据实自评", "已整改", "2026年11月28日", "情况说明"],
      [5, "", "网民留言办理平台运维", "双鸭山市政务服务中心", "“年度运维成本”：合同未备案", "2026-12-31", null, null, null, null],
    ],
  };
}

describe("整改 loop: deadlines, the 整改情况表 read back, open problems into 结果应用 (四(三)5)", () => {
  const today = new Date(Date.UTC(2026, 11, 1));

  it("marks each problem 已整改 / 未整改 / 逾期 against its deadline on the day of the check", async () => {
    const a = analyze([await snapshot([rectification()], "整改.xlsx")], CENTRAL, { today });
    // 1: done 11-20 ≤ 11-30 with evidence. 2: 整改中 and 11-30 has passed. 3: claimed done, no evidence, deadline 12-31 not yet passed.
    // 4: done 11-28 with evidence, after its 11-15 deadline. 5: nothing written yet, in time.
    expect(a.rectification.map((r) => r.status)).toEqual(["已整改", "逾期", "未整改", "逾期", "未整改"]);
    expect(a.findings.map((f) => [f.code, f.cell])).toEqual([
      ["rectification-overdue", "H4"], ["rectification-unproven", "H5"], ["rectification-overdue", "H6"], ["rectification-open", "H7"],
    ]);
    expect(a.findings[1].message).toContain("没有佐证材料，暂按未整改");
    expect(a.findings[2].message).toContain("2026年11月28日 才完成，逾期完成");
    // The day after 12-31, problem 5 is overdue as well.
    const later = analyze([await snapshot([rectification()], "整改.xlsx")], CENTRAL, { today: new Date(Date.UTC(2027, 0, 1)) });
    expect(later.rectification.map((r) => r.status)).toEqual(["已整改", "逾期", "逾期", "逾期", "逾期"]);
  });

  it("carries open problems into the project's 结果应用 grounds and the 问责 list, and counts them on 覆盖情况", async () => {
    const { selfEvaluationSheet } = await import("../fixtures");
    const list: SheetDef = { name: "预算项目清单", rows: [["项目名称", "单位", "预算金额（万元）"], ["网民留言办理平台运维", "双鸭山市政务服务中心", 50]] };
    const a = analyze([await snapshot([selfEvaluationSheet(), rectification(), list], "x.xlsx")], CENTRAL, { today });
    const self = a.projects[0];
    expect(self.decisionGrounds).toEqual(["自评 94.54 分，等级“优”", "有 4 个问题未完成整改（其中逾期 2 个）"]);
    expect(a.coverage[0].states.rectification).toBe("5 个问题：已整改 1，未整改 2，逾期 2");
    expect(a.accountability.filter((x) => x.ground === "整改逾期").map((x) => x.cell)).toEqual(["E4", "E6"]);
  });

  it("puts a 整改期限 on every problem of a document (30 days after the check), and lists them on 整改台账 for the unit to answer", async () => {
    const { selfEvaluationSheet } = await import("../fixtures");
    const { renderReports } = await import("../../src/core/report");
    const self = selfEvaluationSheet();
    const header = self.rows.findIndex((r) => r[0] === "一级指标");
    self.rows[header + 1] = [...self.rows[header + 1].slice(0, 9), "1000件", 10, "留言办结数虚报", null];
    const snaps = [await snapshot([self], "自评.xlsx")];
    const a = analyze(snaps, CENTRAL, { today });
    const sheets = renderReports(a, snaps, { sameWorkbook: false });
    const doc = sheets.find((s) => s.name.startsWith("反馈通知书-"))!;
    const lines = doc.rows.map((r) => String(r[0]?.value ?? ""));
    // 2026-12-01 + 30 days = 2026-12-31.
    expect(lines).toContain("1. “留言办结数”：留言办结数虚报，扣 10 分。整改期限：2026年12月31日前。");
    const ledger = sheets.find((s) => s.name === "整改台账")!;
    const row = ledger.rows.find((r) => r[4]?.value === "“留言办结数”：留言办结数虚报，扣 10 分")!;
    expect(row.map((c) => c.value).slice(2, 11)).toEqual(["网民留言办理平台运维", "双鸭山市政务服务中心", "“留言办结数”：留言办结数虚报，扣 10 分", "2026-12-31", "", "", "", "", "待整改"]);
    // Copied into a workbook of the unit's own, the ledger reads back as a 整改情况表: the problem is open and in time.
    const ExcelJS = (await import("exceljs")).default;
    const { ExcelJsHost } = await import("../../src/hosts/exceljs-host");
    const unit = new ExcelJsHost(new ExcelJS.Workbook(), "单位报送.xlsx");
    await unit.write([ledger]);
    const back = analyze([await unit.read()], CENTRAL, { today });
    expect(back.rectification.map((r) => [r.problem, r.deadline?.toISOString().slice(0, 10), r.status])).toEqual([
      ["“留言办结数”：留言办结数虚报，扣 10 分", "2026-12-31", "未整改"],
      // 94.54 − 84.54 = 10, at review.inflatedDelta: a problem of its own.
      ["自评结果偏高 10 分", "2026-12-31", "未整改"],
    ]);
  });
});

describe("问责 list (五(四))", () => {
  it("names inflated self-evaluations, clues, 严重背离 and units rated 差 two years running, each with its clause", async () => {
    const { selfEvaluationSheet } = await import("../fixtures");
    const self = selfEvaluationSheet();
    const header = self.rows.findIndex((r) => r[0] === "一级指标");
    // Execution 10 of 50 (20%); the reviewer cuts every indicator to 0 but one and writes a clue: review 2 + 3 + … → 差.
    self.rows[4] = [null, "年度资金总额", 50, 50, 10, 10, "20%", 2];
    self.rows[5] = [null, "其中：当年财政拨款", 50, 50, 10, null, "20%", null];
    for (let i = header + 1; i <= header + 7; i++) self.rows[i] = [...self.rows[i].slice(0, 9), "0", 0, "未完成", i === header + 1 ? "虚报办结数，涉嫌套取资金" : null];
    const last: SheetDef = { name: "上年", rows: [["项目名称", "实施单位", "等级", "结果应用"], ["网民留言办理平台运维", "双鸭山市政务服务中心", "差", "削减或取消"]] };
    const a = analyze([await snapshot([self, last], "x.xlsx")], DEFAULT_RULES);
    expect(a.projects[0].review!.grade).toBe("差");
    expect(a.accountability.map((x) => [x.unit, x.ground])).toEqual([
      ["双鸭山市政务服务中心", "自评结果失实"],
      ["双鸭山市政务服务中心", "违法违纪线索"],
      ["双鸭山市政务服务中心", "预算执行与绩效目标严重背离"],
      ["双鸭山市政务服务中心", "连续两年考评未达标"],
    ]);
    expect(a.accountability[2].facts).toContain("全年预算执行率 20.0%");
    expect(a.accountability[3].basis).toContain("第28条：“连续两年考评未达标单位”");
    // central does not adopt the 黑河 plan: the same ground rests on a rule of practice there.
    const central = analyze([await snapshot([self, last], "x.xlsx")], CENTRAL);
    expect(central.accountability.map((x) => x.ground)).toEqual(a.accountability.map((x) => x.ground));
    expect(central.accountability[3].basis).toMatch(/^本系统默认规则：/);
    expect(central.accountability.map((x) => x.basis).join()).not.toMatch(/黑河|双政办发/);
  });
});

describe("部门整体支出绩效 (四(三)2 整体绩效目标)", () => {
  async function department(rows: (string | number | null)[][], self = false) {
    const { fillTemplate } = await import("../../src/core/templates/fill");
    const forms = await import("../../src/core/templates/forms");
    const spec = self ? forms.departmentSelfEvaluationTemplate() : forms.departmentTargetTemplate();
    const grid = spec.rows.findIndex((r) => r[0]?.value === "一级指标") + 1;
    const filled = self
      ? fillTemplate(spec, {
        cells: { B2: 2025, B3: "双鸭山市市场监督管理局", B4: "市场监管、食品安全、特种设备安全监察", C6: 900, D6: 900, E6: 855, H6: 9.5, C7: 900, D7: 900, E7: 855, H1: null },
        rows: [{ from: `A${grid + 1}`, values: rows }],
      })
      : fillTemplate(spec, {
        cells: { B2: 2026, B3: "双鸭山市市场监督管理局", B4: "市场监管、食品安全、特种设备安全监察", B7: "食品安全抽检", D7: 600, E7: 600, F7: 0, B8: "机关运行保障", D8: 300, E8: 280, F8: 20, D13: 900, E13: 880, F13: 20, B14: "全年食品安全监督抽检3000批次以上。" },
        rows: [{ from: `A${grid + 1}`, values: rows }],
      });
    const ExcelJS = (await import("exceljs")).default;
    const { ExcelJsHost } = await import("../../src/hosts/exceljs-host");
    const wb = new ExcelJS.Workbook();
    await new ExcelJsHost(wb, "市场监管局.xlsx").write([filled]);
    // Through the file, as a unit would send it.
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(await wb.xlsx.writeBuffer());
    return analyze([await new ExcelJsHost(back, "市场监管局.xlsx").read()], CENTRAL);
  }
  // Target-table rows: 一级, 二级, 三级, 性质, 指标值, 单位, 权重.
  const FOUR = [
    ["履职效能", "重点工作履行情况", "食品安全监督抽检批次", "≥", 3000, "批次", 30],
    ["履职效能", "履职质量", "抽检不合格食品核查处置率", "=", 100, "%", 10],
    ["履职效能", "履职时效", "投诉举报按时办结率", "≥", 98, "%", 10],
    ["管理效率", "预算管理", "预算执行率", "≥", 95, "%", 10],
    ["管理效率", "资产管理", "固定资产账实相符率", "=", 100, "%", 10],
    ["社会效应", "社会效益", "食品安全评价性抽检合格率", "≥", 98, "%", 20],
    ["服务对象满意度", "服务对象满意度", "群众对市场监管工作满意度", "≥", 90, "%", 10],
  ];

  it("reads the department's form by its 部门（单位）名称, 年度主要任务 and 金额合计, and accepts the four areas", async () => {
    const a = await department(FOUR);
    const r = a.projects[0];
    expect([r.project.scope, r.project.kind, r.project.year, r.project.indicators.filter((i) => i.level3).length]).toEqual(["department", "target", 2026, 7]);
    expect([r.project.fields.name?.value, r.project.fields.fundsTotal?.value, r.project.fields.fundsFiscal?.value]).toEqual(["双鸭山市市场监督管理局", 900, 880]);
    expect(r.findings.map((f) => f.code)).toEqual([]);
    expect(r.targetVerdict).toBe("通过");
  });

  it("missing-dimension names the department's missing areas, not the project categories", async () => {
    const a = await department(FOUR.filter((row) => row[0] !== "管理效率").map((row, i) => (i === 0 ? [...row.slice(0, 6), 50] : row)));
    const f = a.projects[0].findings.filter((x) => x.code === "missing-dimension");
    expect(f.map((x) => x.message)).toEqual(["部门整体绩效指标不全，缺少：管理效率指标。"]);
  });

  it("scores a department's self-evaluation like a project's: execution 855/900 of 10 points, indicators by their points", async () => {
    // Rows: 一级, 二级, 三级, 性质, 指标值, 实际完成值, 分值, 得分.
    const a = await department([
      ["履职效能", "重点工作履行情况", "食品安全监督抽检批次", "≥", "3000批次", "2700批次", 30, 27],
      ["管理效率", "预算管理", "预算执行率", "≥", "95%", "95%", 20, 20],
      ["社会效应", "社会效益", "食品安全评价性抽检合格率", "≥", "98%", "98%", 30, 30],
      ["服务对象满意度", "服务对象满意度", "群众对市场监管工作满意度", "≥", "90%", "92%", 10, 10],
    ], true);
    const r = a.projects[0];
    expect([r.project.scope, r.project.kind]).toEqual(["department", "self-evaluation"]);
    // Execution min(855/900, 1) × 10 = 9.5; 3000 → 2700: 30 × 0.9 = 27; the rest full: 9.5 + 27 + 20 + 30 + 10 = 96.5.
    expect(r.selfEvaluation && [r.selfEvaluation.executionScore?.toNumber(), r.selfEvaluation.score?.toNumber(), r.selfEvaluation.grade]).toEqual([9.5, 96.5, "优"]);
  });
});

describe("终止申报 of a later version (DOMAIN §9)", () => {
  /** The fixture's table dated 填报日期 `filed`, with 其他资金 `other` (80 + other ≠ 80 is funds-mismatch). */
  function dated(sheet: string, filed: string, other: number): SheetDef {
    const t = target(sheet, "基层政务公开标准化规范化", "双鸭山市人民政府办公室", "双鸭山市政务公开办公室", 80);
    t.rows[4] = ["项目期", "2026年1月-2026年12月", null, null, "填报日期", filed];
    t.rows[7] = [null, "其他资金", other];
    return { ...t, merges: (t.merges ?? []).filter((m) => m !== "B5:H5") };
  }

  it("a later version of the same project (by 填报日期) that still has errors is to be terminated; the first is to be declared again", async () => {
    const a = await run([dated("二月", "2026-02-20", 5), dated("一月", "2026-01-10", 5)]);
    expect(a.projects.map((r) => [r.project.sheet, r.targetVerdict])).toEqual([["二月", "终止申报"], ["一月", "重新申报"]]);
    expect(a.projects[0].findings[0].message).toContain("填报日期 2026年2月20日，前一版 2026年1月10日");
  });

  it("a later version that puts the errors right passes; undated tables are not versions of each other", async () => {
    const fixed = await run([dated("一月", "2026-01-10", 5), dated("二月", "2026-02-20", 0)]);
    expect(fixed.projects.map((r) => r.targetVerdict)).toEqual(["重新申报", "通过"]);
    const undated = await run([
      target("甲", "基层政务公开标准化规范化", "双鸭山市人民政府办公室", "双鸭山市政务公开办公室", 80),
      target("乙", "基层政务公开标准化规范化", "双鸭山市人民政府办公室", "双鸭山市政务公开办公室", 80),
    ]);
    expect(undated.projects.map((r) => r.targetVerdict)).toEqual(["通过", "通过"]);
    // Nor is one project declared twice a 交叉重复 of itself.
    expect(undated.projects.flatMap((r) => r.findings.map((f) => f.code))).not.toContain("overlapping-projects");
  });
});
