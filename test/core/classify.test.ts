import { describe, expect, it } from "vitest";
import { classifySheet } from "../../src/core/classify";
import type { CellValue, SheetSnapshot } from "../../src/core/sheet";

function sheet(rows: CellValue[][], name = "Sheet1"): SheetSnapshot {
  return { name, rows, top: 0, left: 0, merges: [], hidden: false };
}

describe("recognising table kinds by their labels", () => {
  it("recognises a target table by its title", () => {
    const c = classifySheet(sheet([["项目支出绩效目标申报表"], ["项目名称", "城乡公共消防设施建设"]]));
    expect(c.kind).toBe("target");
    expect(c.evidence).toContain("A1");
  });

  it("recognises a self-evaluation table by the 实际完成值 column when there is no title", () => {
    const c = classifySheet(sheet([[], [null, "一级指标", "二级指标", "三级指标", "年度\n指标值", "实际\n完成值", "分值", "得分"]]));
    expect(c.kind).toBe("self-evaluation");
    expect(c.evidence).toContain("F2");
  });

  it("recognises a monitoring table by its 1-M月 progress column, full-width digits included", () => {
    const c = classifySheet(sheet([["项目名称", "三级指标", "年度指标值", "１－７月完成值"]]));
    expect(c.kind).toBe("monitoring");
    expect(c.layout).toBe("list");
  });

  it("treats a target grid with a 项目名称 column as list layout", () => {
    const c = classifySheet(sheet([["项目名称", "一级指标", "二级指标", "三级指标", "指标值"]]));
    expect(c).toMatchObject({ kind: "target", layout: "list" });
  });

  it("does not take a sentence that mentions a header for the header", () => {
    const c = classifySheet(sheet([["完成目标可能性选择“有可能”或“完全不可能”时，须填写全年预计完成值和偏差原因。"]]));
    expect(c.kind).toBe("unknown");
  });

  it("reports empty and unrelated sheets as such", () => {
    expect(classifySheet(sheet([])).kind).toBe("empty");
    expect(classifySheet(sheet([[null, "  "]])).kind).toBe("empty");
    expect(classifySheet(sheet([["工资表"], ["姓名", "金额"]])).kind).toBe("unknown");
  });

  it("reports evidence cells relative to where the used range starts", () => {
    const s: SheetSnapshot = { name: "x", rows: [["绩效自评表"]], top: 4, left: 2, merges: [], hidden: false };
    expect(classifySheet(s).evidence).toContain("C5");
  });
});
