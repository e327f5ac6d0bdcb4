import { describe, expect, it } from "vitest";
import { nameCore, similarity } from "../../src/core/adjust";
import { analyze } from "../../src/core/analyze";
import { CENTRAL } from "../../src/core/rules/ruleset";
import { type SheetDef, snapshot, targetSheet } from "../fixtures";

/** The fixture's target table under another name, department, unit and amount (fiscal = total, other = 0). */
export function target(sheet: string, name: string, department: string, unit: string, amount: number, rename: Record<string, string> = {}): SheetDef {
  const t = targetSheet();
  const rows = t.rows.map((r) => [...r]);
  rows[2][1] = name;
  rows[2][5] = department;
  rows[3][1] = unit;
  rows[5][2] = amount;
  rows[6][2] = amount;
  for (const r of rows) if (typeof r[2] === "string" && rename[r[2]]) r[2] = rename[r[2]];
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
    // 6 pairs 基层/层政/政务/务公/公开/开标 … share 5 of (6 + 6): 2 × 5 / 12
    expect(similarity("基层政务公开标准", "基层政务公开规范")).toBeCloseTo((2 * 5) / 14, 5);
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

  it("overlapping-projects: the same indicators under two different names", async () => {
    const a = await run([
      target("甲", "政务公开标准化", "双鸭山市人民政府办公室", "双鸭山市政务公开办公室", 80),
      target("乙", "信息发布平台运行维护", "双鸭山市人民政府办公室", "双鸭山市政务服务中心", 60),
    ]);
    expect(a.projects.map((r) => r.findings.some((f) => f.code === "overlapping-projects"))).toEqual([true, true]);
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
