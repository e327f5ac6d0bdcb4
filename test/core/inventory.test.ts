import { describe, expect, it } from "vitest";
import { inventory, INVENTORY_SHEET, renderInventory } from "../../src/core/inventory";
import { REGISTER_SHEET } from "../../src/core/owned";
import type { SheetSnapshot } from "../../src/core/sheet";

const snap = (name: string, rows: SheetSnapshot["rows"], extra: Partial<SheetSnapshot> = {}): SheetSnapshot => ({
  name,
  rows,
  top: 0,
  left: 0,
  merges: [],
  hidden: false,
  ...extra,
});

describe("sheet inventory", () => {
  const wb = {
    file: "单位A.xlsx",
    sheets: [
      snap("目标表", [["绩效目标申报表"], ["项目名称", "消防", null]]),
      snap("空白", []),
      snap("说明", [["x"]], { hidden: true, top: 2, left: 1 }),
      snap(INVENTORY_SHEET, [["工作表清单"]]),
      snap("再评价报告-消防", [["再评价报告"]]),
      snap("汇总", [["本单位自己的汇总表"]]),
      snap(REGISTER_SHEET, [["说明"], [INVENTORY_SHEET], ["再评价报告-消防"]], { hidden: true }),
    ],
  };

  it("lists user sheets with their used range and size, and skips the sheets its register says the add-in wrote", () => {
    const rows = inventory([wb]);
    expect(rows.map((r) => r.sheet)).toEqual(["目标表", "空白", "说明", "汇总"]);
    expect(rows[0]).toMatchObject({ usedRange: "A1:C2", rows: 2, columns: 3, filled: 3 });
    expect(rows[1]).toMatchObject({ usedRange: null, rows: 0, filled: 0 });
    expect(rows[2]).toMatchObject({ usedRange: "B3:B3", hidden: true });
  });

  it("renders a sheet with a header row and one row per sheet, linking names only when asked", () => {
    const rows = inventory([wb]);
    const linked = renderInventory(rows, { linkToSheets: true });
    expect(linked.name).toBe(INVENTORY_SHEET);
    const header = linked.rows.findIndex((r) => r[0]?.value === "文件");
    expect(linked.rows[header].map((c) => c.value)).toContain("识别为");
    const body = linked.rows.slice(header + 1);
    expect(body).toHaveLength(4);
    expect(body[0][1]).toMatchObject({ value: "目标表", link: { sheet: "目标表", cell: "A1" } });
    expect(body[0][7].value).toBe("绩效目标申报表");
    expect(body[1][1].link).toBeUndefined();
    const plain = renderInventory(rows, { linkToSheets: false });
    expect(plain.rows.flat().some((c) => c.link)).toBe(false);
  });
});
