/**
 * A list read as a stream of rows (read/stream.ts) gives what the same sheet read whole gives, finding for finding
 * and cell for cell: every bundled and corpus workbook, each sheet's rows fed one by one into a SheetStream with
 * windows of a few rows (so that they are cut as often as the cut rule allows), analysed beside the whole reading.
 */
import ExcelJS from "exceljs";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze, analysisJson } from "../../src/core/analyze";
import { inventory } from "../../src/core/inventory";
import { type StreamedSnapshot } from "../../src/core/read/options";
import { InterleavedList } from "../../src/core/read/list";
import { SheetStream } from "../../src/core/read/stream";
import { DEFAULT_RULES } from "../../src/core/rules/ruleset";
import type { WorkbookSnapshot } from "../../src/core/sheet";
import { openWorkbookBytes } from "../../src/hosts/exceljs-host";
import { type SheetDef, snapshot } from "../fixtures";

const ROOT = join(__dirname, "..", "..");
const FOLDERS = ["samples", "test/fixtures", "test/layouts"];
const TODAY = new Date(Date.UTC(2026, 6, 31));

/**
 * The workbook with every sheet passed row by row through a SheetStream; `settle`: each target table judged as its
 * rows end and its indicators let go, as the command line reads a big export.
 */
export function streamed(wb: WorkbookSnapshot, window: number, settle = true): { wb: WorkbookSnapshot; lists: number } {
  let lists = 0;
  const sheets = wb.sheets.map((s) => {
    const read = { rules: DEFAULT_RULES, today: TODAY, settle: settle ? DEFAULT_RULES : undefined };
    const stream = new SheetStream(s.name, s.hidden, s.merges, wb.file, read, { window, wholeCells: 2_000_000 });
    s.rows.forEach((row, r) => stream.push(s.top + r, [...Array(s.left).fill(null), ...row]));
    const out: StreamedSnapshot = stream.end();
    if (out.streamed) lists++;
    return out;
  });
  return { wb: { ...wb, sheets }, lists };
}

/** The analysis and the 工作表清单 (a streamed sheet counts its size as its rows pass). */
const json = (wb: WorkbookSnapshot) => JSON.stringify([analysisJson(analyze([wb], DEFAULT_RULES, { today: TODAY }), []), inventory([wb])]);

async function open(path: string): Promise<WorkbookSnapshot> {
  return (await openWorkbookBytes(ExcelJS, path, readFileSync(path))).read();
}

const files = FOLDERS.flatMap((d) => readdirSync(join(ROOT, d)).filter((f) => f.endsWith(".xlsx")).map((f) => join(ROOT, d, f)));

describe("a list read as a stream gives what the whole sheet gives", () => {
  it("on every bundled and corpus workbook, windows of 1, 3 and 2,000 rows, target tables settled as read or kept whole", async () => {
    let lists = 0;
    let settled = 0;
    for (const f of files) {
      const wb = await open(f);
      const whole = json(wb);
      for (const [window, settle] of [[1, true], [3, true], [2000, true], [1, false], [2000, false]] as const) {
        const s = streamed(wb, window, settle);
        expect(json(s.wb), `${f}, windows of ${window}${settle ? ", settled" : ""}`).toBe(whole);
        if (window === 1 && settle) {
          lists += s.lists;
          settled += s.wb.sheets.flatMap((x) => (x as StreamedSnapshot).streamed?.reading.projects ?? []).filter((p) => p.settled).length;
        }
      }
    }
    // Not vacuous: the list-shaped sheets among them did take the streaming path, and target tables were settled.
    expect(lists).toBeGreaterThanOrEqual(4);
    expect(settled).toBeGreaterThanOrEqual(5);
  });

  const HEADER = ["项目编码", "项目名称", "主管部门", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"];
  const rows = (code: string, name: string): SheetDef["rows"] => [
    [code, name, "某局", "产出指标", "数量指标", "完成数量", "≥", 100, "个"],
    [null, null, null, null, "质量指标", "验收合格率", "≥", 95, "%"],
    [null, null, null, "效益指标", "社会效益指标", "受益人数", "≥", 3000, "人"],
    [null, null, null, "满意度指标", "服务对象满意度指标", "满意度", "≥", 90, "%"],
  ];
  const cases: [string, SheetDef][] = [
    ["project columns merged down over their rows, 一级 written once", {
      name: "清单", rows: [["2026年度项目绩效目标清单"], HEADER, ...rows("001", "甲项目"), ...rows("002", "乙项目"), ...rows("003", "丙项目")],
      merges: ["A1:I1", "A3:A6", "B3:B6", "C3:C6", "A7:A10", "B7:B10", "C7:C10", "A11:A14", "B11:B14", "C11:C14"],
    }],
    ["a second header further down, a department row heading its projects, a footer", {
      name: "清单", rows: [["绩效目标清单"], HEADER, ...rows("001", "甲项目"), [null, null, "乙局"], ...rows("", "乙项目"), [], HEADER, ...rows("003", "丙项目"), ["填表人：张三"], ...rows("004", "丁项目")],
    }],
    ["rows of one project that are not together", {
      name: "清单", rows: [["绩效目标清单"], HEADER, ...rows("001", "甲项目"), ...rows("002", "乙项目"), ["001", "甲项目", "某局", "产出指标", "时效指标", "按期完成率", "≥", 100, "%"]],
    }],
  ];
  for (const [what, def] of cases) {
    it(`${what}`, async () => {
      const wb = await snapshot([def], "清单.xlsx");
      const whole = json(wb);
      const scattered = what.includes("not together");
      for (const window of [1, 2, 5]) {
        const s = streamed(wb, window, false);
        expect(s.lists, "read as a stream").toBe(1);
        expect(json(s.wb), `windows of ${window}`).toBe(whole);
        // Settled as read: the same, except where a project's rows come back (the host then reads it again unsettled).
        if (scattered) expect(() => streamed(wb, window)).toThrow(InterleavedList);
        else expect(json(streamed(wb, window).wb), `windows of ${window}, settled`).toBe(whole);
      }
    });
  }

  it("copied indicators across settled tables: the same warning, in the same place among each table's findings", async () => {
    // As budget systems export: the project's columns on every row.
    const copy = (code: string, name: string, unit: string): SheetDef["rows"] => rows(code, name).map((r) => [code, name, unit, ...r.slice(3)]);
    const def: SheetDef = { name: "清单", rows: [["绩效目标清单"], HEADER, ...copy("001", "甲项目", "甲局"), ...copy("002", "乙项目", "乙局"), ...copy("003", "丙项目", "乙局")] };
    const wb = await snapshot([def], "清单.xlsx");
    const whole = analyze([wb], DEFAULT_RULES, { today: TODAY });
    expect(whole.projects.map((r) => r.findings.filter((f) => f.code === "copied-indicators").length)).toEqual([1, 1, 1]);
    for (const window of [1, 4]) expect(json(streamed(wb, window).wb)).toBe(json(wb));
  });
});

describe("what the stream refuses, in words naming the sheet", () => {
  it("a sheet that is not a list and is too big to keep whole", () => {
    const stream = new SheetStream("明细", false, [], "x.xlsx", {}, { wholeCells: 100 });
    expect(() => {
      for (let r = 0; r < 200; r++) stream.push(r, [r, r * 2]);
    }).toThrow(/^工作表“明细”不是一行一个指标（或一个项目）的清单，需整表读入，但已超过 100 个单元格的上限，未读取。/);
  });

  it("rows that come out of order", () => {
    const stream = new SheetStream("清单", false, [], "x.xlsx", {}, { wholeCells: 100 });
    stream.push(4, ["a"]);
    expect(() => stream.push(2, ["b"])).toThrow(/^工作表“清单”的第 3 行出现在第 5 行之后/);
  });
});
