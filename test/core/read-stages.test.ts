/**
 * The reader's stages one by one (src/core/read/README.md): each takes a sheet view and gives what the next stage
 * builds on. Small hand-made sheets, read back from real .xlsx bytes.
 */
import { describe, expect, it } from "vitest";
import { pointsInLabel } from "../../src/core/read/blocks";
import { mapColumns } from "../../src/core/read/columns";
import { readFields } from "../../src/core/read/fields";
import { readFunds } from "../../src/core/read/funds";
import { readGrid } from "../../src/core/read/grid";
import { findHeaderRows } from "../../src/core/read/headers";
import { KINDS } from "../../src/core/read/kinds";
import { NEEDS } from "../../src/core/read/needs";
import { Sheet } from "../../src/core/read/sheet-view";
import { totalRow } from "../../src/core/read/totals";
import { type SheetDef, snapshot } from "../fixtures";

async function view(def: Omit<SheetDef, "name">): Promise<Sheet> {
  const wb = await snapshot([{ name: "表", ...def }]);
  return new Sheet(wb.sheets[0]);
}

const roleNames = (s: Sheet, header: number) => Object.fromEntries([...mapColumns(s, header).byRole].map(([role, c]) => [role, c]));

describe("stage 1: headers", () => {
  it("finds the header row of each section when the header repeats before it", async () => {
    const s = await view({
      rows: [
        ["评价表"],
        ["一级指标", "三级指标", "分值", "目标值", "指标值"],
        ["产出", "电子通关率", 50, "100%", "100%"],
        ["一级指标", "三级指标", "分值", "目标值", "指标值"],
        ["效益", "通关时间缩短", 50, "是", "是"],
      ],
    });
    expect(findHeaderRows(s)).toEqual([1, 3]);
  });
});

describe("stage 2: columns to roles", () => {
  it("reads 指标值 beside a 目标值 column as the collected value, and 全年实际值 / 完成值 as the actual", async () => {
    const s = await view({ rows: [["一级指标", "三级指标", "目标值(标准)", "分值", "指标值"]] });
    expect(roleNames(s, 0)).toMatchObject({ level1: 0, level3: 1, target: 2, weight: 3, actual: 4 });
    for (const label of ["全年实际值", "实际完成值", "完成值"]) {
      const t = await view({ rows: [["三级指标", "年度指标值", label, "分值", "得分"]] });
      expect(roleNames(t, 0), label).toMatchObject({ level3: 0, target: 1, actual: 2, weight: 3, score: 4 });
    }
  });

  it("takes 1-N月执行情况 as the period's progress and 纠偏措施 as its own column beside 偏差原因", async () => {
    const s = await view({ rows: [["三级指标", "年度指标值", "1-6月执行情况", "偏差原因", "纠偏措施"]] });
    expect(roleNames(s, 0)).toMatchObject({ level3: 0, target: 1, progress: 2, reason: 3, correction: 4 });
  });

  it("each kind of table says what its verdict needs", () => {
    expect(KINDS["self-evaluation"].needs).toBe(NEEDS["self-evaluation"]);
    expect(NEEDS["self-evaluation"].groups[0].roles).toEqual(["actual", "score"]);
    expect(Object.keys(KINDS).sort()).toEqual(["budget-list", "ex-ante", "monitoring", "previous-results", "rectification", "self-evaluation", "target"]);
  });
});

describe("stage 3: the indicator rows", () => {
  it("makes one indicator of a name merged over sub-criterion rows, its points summed", async () => {
    const s = await view({
      rows: [
        ["三级指标", "分值", "评分标准"],
        ["群众出行条件改善", 5, "①"],
        [null, 5, "②"],
        [null, 5, "③"],
        ["长效管护机制", 10, "建立得满分"],
      ],
      merges: ["A2:A4"],
    });
    const grid = readGrid(s, mapColumns(s, 0), s.bottom, false);
    const inds = grid.rows.flatMap((r) => (r.indicator ? [r.indicator] : []));
    expect(inds.map((i) => [i.level3, i.cells.weight?.value, i.span ?? 1])).toEqual([["群众出行条件改善", 15, 3], ["长效管护机制", 10, 1]]);
  });

  it("reports a laid-out block with no indicator in it, and reads points written in names", async () => {
    const s = await view({
      rows: [
        ["一级指标", "二级指标", "三级指标", "得分"],
        ["部门决策（25分）", "目标任务（15分）", "相关性（5分）", 5],
        [null, "成本指标", null, null],
      ],
      merges: ["A2:A3"],
    });
    const grid = readGrid(s, mapColumns(s, 0), s.bottom, false);
    expect(grid.emptyBlocks.map((b) => [b.label, b.cell])).toEqual([["成本指标", "B3"]]);
    const ind = grid.rows[0].indicator!;
    expect([ind.cells.weight?.value, ind.cells.level1Weight?.value, ind.cells.level2Weight?.value]).toEqual([5, 25, 15]);
    expect([pointsInLabel("产出指标(50分)"), pointsInLabel("产出指标"), pointsInLabel("满意度（10 分）")]).toEqual([50, null, 10]);
  });

  it("reads a 总分 row's stated score where it stands: after a 得分 label, or in words", async () => {
    const s = await view({ rows: [["总分", 100, "得分", 96.5], ["总分", null, null, "自评得分96.5分"]] });
    expect(totalRow(s, 0, undefined, undefined)).toEqual({ points: { value: 100, cell: "B1" }, score: { value: 96.5, cell: "D1" } });
    expect(totalRow(s, 1, 1, undefined).score).toEqual({ value: 96.5, cell: "D2" });
  });
});

describe("stage 4: fields and funds", () => {
  it("reads a budget-execution block by 资金来源, the 合计 row first, the adjusted budget as the budget", async () => {
    const s = await view({
      rows: [
        ["资金来源", "年初预算数", "调整后预算数", "1-6月执行数", "执行率"],
        ["合计", 500, 400, 110, "27.5%"],
        ["中央", 300, 250, 70, "28%"],
        ["市县配套", 50, 20, 25, "125%"],
      ],
    });
    const funds = readFunds(s, 0, 3);
    expect(funds.map((f) => [f.label, f.initial?.value, f.budget?.value, f.executed?.value])).toEqual([
      ["合计", 500, 400, 110], ["中央", 300, 250, 70], ["市县配套", 50, 20, 25],
    ]);
  });

  it("reads a total the form states in its header, and 单位名称 as the unit", async () => {
    const s = await view({ rows: [["填报日期：2025年3月10日", null, "总分：", 97.6, "分"], ["单位名称", "某县农业农村局"]] });
    const f = readFields(s, 0, 1);
    expect([f.statedScore?.value, f.statedScore?.cell, f.unit?.value]).toEqual([97.6, "D1", "某县农业农村局"]);
  });
});
