import ExcelJS from "exceljs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "../src/core/analyze";
import { CENTRAL } from "../src/core/rules/ruleset";
import { templateBooks } from "../src/core/templates";
import { fillTemplate } from "../src/core/templates/fill";
import { budgetListTemplate, monitoringTemplate, selfEvaluationTemplate, targetTemplate } from "../src/core/templates/forms";
import { ExcelJsHost } from "../src/hosts/exceljs-host";
import { templateWorkbook } from "../scripts/make-templates";

const TEMPLATES = join(__dirname, "..", "templates");

/** What a user sees of a workbook: values, formats, merges, drop-downs, protection, print setup. */
function describeWorkbook(wb: ExcelJS.Workbook) {
  return wb.worksheets.map((ws) => {
    const cells: Record<string, unknown> = {};
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: true }, (c) => {
        cells[c.address] = [c.value ?? null, c.numFmt ?? null, c.protection?.locked ?? true, c.dataValidation?.formulae ?? null, c.fill ?? null];
      }),
    );
    return {
      name: ws.name,
      state: ws.state,
      merges: Object.keys((ws as unknown as { _merges: object })._merges).sort(),
      widths: ws.columns?.map((c) => c.width ?? null) ?? [],
      protected: Boolean((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet),
      page: { paperSize: ws.pageSetup.paperSize, orientation: ws.pageSetup.orientation, fitToWidth: ws.pageSetup.fitToWidth, titles: ws.pageSetup.printTitlesRow ?? null },
      cells,
    };
  });
}

async function reload(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return back;
}

describe("templates", () => {
  it.each(templateBooks().map((b) => [b.file, b]))("templates/%s is what the code builds (run `npm run templates` after a change)", async (_f, book) => {
    const committed = new ExcelJS.Workbook();
    await committed.xlsx.readFile(join(TEMPLATES, book.file));
    const built = await reload(await templateWorkbook(book.sheets));
    expect(describeWorkbook(committed)).toEqual(describeWorkbook(built));
  });

  it("locks labels, leaves input cells open, offers drop-downs and prints on A4 with the grid titles repeated", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(TEMPLATES, "绩效目标申报表.xlsx"));
    const ws = wb.getWorksheet("绩效目标申报表")!;
    expect((ws as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
    expect(ws.getCell("A3").value).toBe("项目名称");
    expect(ws.getCell("A3").protection?.locked ?? true).toBe(true);
    expect(ws.getCell("B3").protection?.locked).toBe(false);
    expect(ws.getCell("D12").dataValidation.formulae).toEqual(['"≥,>,≤,<,=,定性,定量（其他）"']);
    expect(ws.getCell("A12").dataValidation.formulae?.[0]).toContain("产出指标");
    expect(ws.getCell("C7").numFmt).toBe("#,##0.00");
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "portrait", fitToWidth: 1, printTitlesRow: "11:11" });
    expect(wb.worksheets.map((w) => w.name)).toEqual(["绩效目标申报表", "填表说明"]);
    const self = new ExcelJS.Workbook();
    await self.xlsx.readFile(join(TEMPLATES, "绩效自评表.xlsx"));
    const s = self.getWorksheet("绩效自评表")!;
    expect(s.getCell("J12").value).toBe("复核完成值");
    expect(s.getCell("J12").fill).toMatchObject({ fgColor: { argb: "FFA9D08E" } });
    // The qualitative categories are offered, but numbers may still be typed: no error alert.
    expect(s.getCell("F13").dataValidation.formulae).toEqual(['"达成年度指标,部分达成年度指标并具有一定效果,未达成年度指标且效果较差"']);
    expect(s.getCell("F13").dataValidation.showErrorMessage ?? false).toBe(false);
    expect(s.getCell("D13").dataValidation.showErrorMessage).toBe(true);
  });

  it("reads a filled target template without any special case, and without a finding when it is filled right", async () => {
    const filled = fillTemplate(targetTemplate(), {
      cells: { B3: "城乡公共消防设施运维", F3: "双鸭山市应急管理局", B4: "双鸭山市消防救援支队", F5: "一般项目", C7: 300, C8: 300, C9: 0, B10: "维护消火栓和消防水源。" },
      rows: [{
        from: "A12",
        values: [
          ["产出指标", "数量指标", "维护消火栓数量", "≥", 1200, "个", 20],
          ["产出指标", "质量指标", "设施完好率", "≥", 95, "%", 20],
          ["产出指标", "时效指标", "故障修复时限", "≤", 48, "小时", 10],
          ["产出指标", "成本指标", "单个消火栓维护成本", "≤", 0.25, "万元", 10],
          ["效益指标", "社会效益指标", "火灾扑救用水保障率", "≥", 98, "%", 20],
          ["满意度指标", "服务对象满意度指标", "居民满意度", "≥", 90, "%", 20],
        ],
      }],
    });
    const wb = await reload(await templateWorkbook([filled]));
    const [p] = analyze([await new ExcelJsHost(wb, "填好的模板.xlsx").read()], CENTRAL).projects;
    expect(p.project.indicators).toHaveLength(6);
    expect(p.findings).toEqual([]);
    expect(p.targetVerdict).toBe("通过");
  });

  it("reads a filled 预算项目清单 template as the budget list, beside a filled target template", async () => {
    const list = fillTemplate(budgetListTemplate(), {
      rows: [{ from: "A3", values: [["2305001", "城乡公共消防设施运维", "双鸭山市消防救援支队", 300, "延续", "否"], ["2305002", "应急物资储备", "双鸭山市应急管理局", 120, "新增", "否"]] }],
    });
    const target = fillTemplate(targetTemplate(), {
      cells: { B3: "城乡公共消防设施运维", F3: "双鸭山市应急管理局", B4: "双鸭山市消防救援支队", F5: "一般项目", C7: 300, C8: 300, C9: 0, B10: "维护消火栓和消防水源。" },
      rows: [{ from: "A12", values: [["产出指标", "数量指标", "维护消火栓数量", "≥", 1200, "个", 100]] }],
    });
    const wb = await reload(await templateWorkbook([list, target]));
    const a = analyze([await new ExcelJsHost(wb, "财政局.xlsx").read()], CENTRAL);
    expect(a.coverage.map((c) => [c.item.code, c.item.amount, c.item.isNew, c.target ? c.matchedBy.target : null])).toEqual([
      ["2305001", 300, false, "名称和单位"],
      ["2305002", 120, true, null],
    ]);
    expect(a.findings.filter((f) => f.code === "budget-without-target").map((f) => f.cell)).toEqual(["B4"]);
  });

  it("scores a filled self-evaluation template and reads the monitoring month from its drop-down", async () => {
    const self = fillTemplate(selfEvaluationTemplate(), {
      cells: { B3: "风险普查", F3: "减灾中心", D6: 100, E6: 90, H6: 9, G33: 100, H33: 99 },
      rows: [{
        from: "A13",
        values: [
          ["产出指标", "数量指标", "覆盖率", "≥", "95%", "96%", 50, 50],
          ["效益指标", "社会效益指标", "成果应用数", "≥", "3项", "3项", 30, 30],
          ["满意度指标", "服务对象满意度指标", "满意度", "≥", "90%", "92%", 10, 10],
        ],
      }],
    });
    const monitoring = fillTemplate(monitoringTemplate(), {
      cells: { B2: 6, B3: "风险普查", A5: 100, B5: 50 },
      rows: [{ from: "A7", values: [["产出指标", "数量指标", "覆盖率", "≥95%", "60%", "96%", "确定能", null]] }],
    });
    const wb = await reload(await templateWorkbook([self, monitoring]));
    const [s, m] = analyze([await new ExcelJsHost(wb, "x.xlsx").read()], CENTRAL).projects;
    expect(s.findings).toEqual([]);
    expect(s.selfEvaluation!.score?.toNumber()).toBe(99);
    expect(m.monitoring).toMatchObject({ month: 6, executionLight: "green", action: "正常" });
  });
});
