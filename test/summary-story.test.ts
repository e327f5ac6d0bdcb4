import ExcelJS from "exceljs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCheck } from "../src/app/actions";
import { checkCommand } from "../src/cli/commands";
import { CENTRAL } from "../src/core/rules/ruleset";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../src/core/sheet";
import { ExcelJsHost } from "../src/hosts/exceljs-host";
import { collectWorkbooks, openWorkbookFile } from "../src/hosts/node-files";
import { OfficeHost } from "../src/hosts/office-host";
import { WpsHost } from "../src/hosts/wps-host";
import type { EtApplication } from "../src/hosts/wps-types";
import { FakeExcel, fakeSheet } from "./fakes/fake-excel";
import { FakeWps, fakeWpsSheet } from "./fakes/fake-wps";

// Issue 19, point 4: the sheets of one result workbook, the command line and its JSON tell one story per project.
const SAMPLES = join(__dirname, "..", "samples");
const TODAY = new Date(Date.UTC(2026, 11, 1));

type Row = Record<string, string>;
let lines: string[];
let doc: {
  projects: { name: string; kind: string; targetVerdict: string | null; monitoring: { action: string } | null; selfEvaluation: { grade: string } | null; review: { grade: string } | null; decision: string | null }[];
  counts: { tables: number; projects: number };
  summary: { name: string; unit: string; tables: { file: string; sheet: string; kind: string }[]; outcome: string[]; decisions: { step: string; decision: string; grounds: string; file: string; sheet: string }[] }[];
};
let book: ExcelJS.Workbook;
let file: string;

async function cli(args: { out?: string; json: boolean }): Promise<string[]> {
  const out: string[] = [];
  await checkCommand([SAMPLES], { ...args, rules: CENTRAL, previous: [], exitZero: true, today: TODAY, force: false, quiet: false }, { out: (s) => out.push(s), err: (s) => out.push(s) });
  return out;
}

beforeAll(async () => {
  file = join(mkdtempSync(join(tmpdir(), "jixiao-story-")), "结果.xlsx");
  lines = (await cli({ out: file, json: false })).flatMap((s) => s.split("\n"));
  doc = JSON.parse((await cli({ json: true })).join("\n"));
  book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
});

function text(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && "richText" in v) return v.richText.map((t) => t.text).join("");
  if (typeof v === "object" && "text" in v) return String(v.text);
  if (typeof v === "object" && "result" in v) return String(v.result);
  return String(v);
}
/** The sheet as read back from the written file: every row's cells as text. */
function grid(name: string): string[][] {
  const ws = book.getWorksheet(name);
  expect(ws, `sheet ${name}`).toBeDefined();
  const out: string[][] = [];
  ws!.eachRow({ includeEmpty: true }, (row, n) => {
    out[n - 1] = Array.from({ length: ws!.columnCount }, (_, c) => text(row.getCell(c + 1).value));
  });
  return Array.from(out, (r) => r ?? []);
}
/** The rows under the header row starting with `first`, keyed by the header, up to the first blank row. */
function table(name: string, first: string, from = 0): Row[] {
  const g = grid(name);
  const h = g.findIndex((r, i) => i >= from && r[0] === first);
  const rows: Row[] = [];
  for (const r of g.slice(h + 1)) {
    if (!r.length || r.every((c) => c === "") || r[0] === first) break;
    rows.push(Object.fromEntries(g[h].map((k, i) => [k, r[i] ?? ""])));
  }
  return rows;
}
const count = (s: string, unit: "个项目" | "张表") => [...s.matchAll(new RegExp(`(\\d+) ${unit === "张表" ? "张(?:绩效)?表" : unit}`, "g"))].map((m) => Number(m[1]));

describe("one story per project across 汇总, 校验结果, the command line and its JSON", () => {
  it("counts 17 tables of 10 projects, and says which is which, everywhere", () => {
    expect(doc.projects).toHaveLength(17);
    expect(doc.counts).toEqual({ tables: 17, projects: 10 });
    expect(doc.summary).toHaveLength(10);
    const summary = table("汇总", "序号");
    expect(summary).toHaveLength(10);
    // Each project row says how many of the tables are its own; together, all of them.
    expect(summary.reduce((n, r) => n + Number(r["绩效表（张）"]), 0)).toBe(17);
    const notes = {
      汇总: grid("汇总")[1][0],
      公开版: grid("公开版")[1][0],
      校验结果: grid("校验结果")[1][0],
      "CLI 表数行": lines.find((l) => l.startsWith("共 ") && l.includes("个工作簿"))!,
      "CLI 汇总行": lines.find((l) => l.includes("目标表需重新申报"))!,
    };
    for (const [where, note] of Object.entries(notes)) {
      expect([where, count(note, "个项目")]).toEqual([where, [10]]);
      expect([where, count(note, "张表")]).toEqual([where, [17]]);
    }
    expect(notes.汇总).toContain("共 10 个项目（17 张表）");
    expect(notes.校验结果).toContain("共 17 张表（10 个项目）");
    // 监控预警 counts its monitoring tables and the projects they are of.
    expect(grid("监控预警")[1][0]).toContain("共 4 张监控表（4 个项目）");
  });

  it("puts every decision any sheet shows for a project into that project's 汇总 row", () => {
    const summary = table("汇总", "序号");
    const rowOf = (name: string) => {
      const r = summary.find((x) => x.项目 === name);
      expect(r, `汇总 row of ${name}`).toBeDefined();
      return r!;
    };
    const whole = (name: string) => Object.values(rowOf(name)).join(" ");
    const seen: [string, string, string][] = [];
    // The tables' own verdicts, actions, grades and decisions (the JSON, one entry per table).
    for (const p of doc.projects) {
      for (const d of [p.targetVerdict, p.monitoring?.action, p.selfEvaluation?.grade, p.review?.grade, p.decision]) if (d) seen.push(["JSON", p.name, d]);
    }
    // 监控预警: each monitored project's action.
    for (const r of table("监控预警", "项目")) seen.push(["监控预警", r.项目, r.处理建议]);
    // 自评复核对比: each project's 合计 row with its grades.
    for (const r of grid("自评复核对比").filter((x) => x[0]?.endsWith(" 合计"))) {
      seen.push(["自评复核对比", r[0].replace(/ 合计$/, ""), r[1].replace(/^自评 /, "")]);
      if (r[2].startsWith("复核 ")) seen.push(["自评复核对比", r[0].replace(/ 合计$/, ""), r[2].replace(/^复核 /, "")]);
    }
    // 覆盖情况: the verdict and the action it shows in brackets.
    for (const r of table("覆盖情况", "序号")) {
      for (const state of [r.目标表, r.运行监控]) {
        const m = /^已提交（(.+)）$/.exec(state);
        if (m && summary.some((x) => x.项目 === r.项目名称)) seen.push(["覆盖情况", r.项目名称, m[1]]);
      }
    }
    for (const [where, name, d] of seen) expect([where, name, d, whole(name).includes(d)]).toEqual([where, name, d, true]);
    // The cycle's findings on 校验结果 each stand for a 结果应用 the project's row must carry.
    const RESULT: Record<string, string> = {
      "overlapping-projects": "调整",
      "fragmented-projects": "调整",
      "previous-decision-not-applied": "结果应用未落实",
      "recovered-funds-reappear": "收回资金又申请",
    };
    const findings = table("校验结果", "文件").filter((r) => r.项目 && RESULT[r.代码]);
    expect(findings.length).toBeGreaterThanOrEqual(7);
    for (const f of findings) expect([f.项目, f.代码, rowOf(f.项目).结果应用.split("；")]).toEqual([f.项目, f.代码, expect.arrayContaining([RESULT[f.代码]])]);
    // 整改台账: a project with problems still open says so in its 结果应用.
    const ledger = grid("整改台账");
    const answered = table("整改台账", "序号", ledger.findIndex((r) => r[0].startsWith("二、")));
    const open = new Set(answered.filter((r) => r.状态 !== "已整改").map((r) => r.项目名称));
    expect(open).toEqual(new Set(["网民留言办理平台运维"]));
    for (const name of open) expect(rowOf(name).结果应用.split("；")).toContain("整改未完成");
    // Each 结果应用 has its line of grounds under 依据.
    for (const r of summary) {
      for (const d of r.结果应用 === "—" ? [] : r.结果应用.split("；")) expect([r.项目, r.依据.split("\n").some((l) => l.startsWith(`${d}：`))]).toEqual([r.项目, true]);
    }
  });

  it("基层政务公开标准化规范化: 调整 and 结果应用未落实 from its target table beside 优先保障 from its self-evaluation, strongest first", () => {
    const row = table("汇总", "序号").find((r) => r.项目 === "基层政务公开标准化规范化")!;
    expect(row.结果应用).toBe("结果应用未落实；调整；优先保障");
    const grounds = row.依据.split("\n");
    expect(grounds).toContainEqual(expect.stringMatching(/^结果应用未落实：上年.*督促改进并核减.*本年申请 80 万元.*70 万元/));
    expect(grounds).toContain("调整：与“基层政务公开标准化规范化推进”（30 万元）交叉重复");
    expect(grounds).toContain("优先保障：自评 99.75 分，等级“优”");
    expect(grounds).toContainEqual(expect.stringMatching(/^重新申报：/));
    expect(row).toMatchObject({ 目标表审核: "重新申报", 监控建议: "正常", 自评等级: "优", "绩效表（张）": "3" });
    // The public version tells the same story.
    expect(table("公开版", "序号").find((r) => r.项目 === "基层政务公开标准化规范化")!.结果应用).toBe(row.结果应用);
    // And so does the JSON, decision by decision, with the table each comes from.
    const story = doc.summary.find((s) => s.name === "基层政务公开标准化规范化")!;
    expect(story.outcome).toEqual(["结果应用未落实", "调整", "优先保障"]);
    expect(story.tables.map((t) => t.kind).sort()).toEqual(["monitoring", "self-evaluation", "target"]);
    expect(story.decisions).toContainEqual(expect.objectContaining({ step: "result", decision: "调整", grounds: "与“基层政务公开标准化规范化推进”（30 万元）交叉重复", sheet: "绩效目标申报表" }));
    expect(story.decisions).toContainEqual(expect.objectContaining({ step: "result", decision: "优先保障", sheet: "绩效自评表" }));
    expect(story.decisions).toContainEqual(expect.objectContaining({ step: "previous", decision: "结果应用未落实" }));
  });

  it("the JSON's stories are the 汇总's rows: the same projects and the same 结果应用, in order", () => {
    const summary = table("汇总", "序号");
    expect(doc.summary.map((s) => [s.name, s.outcome.join("；") || "—"])).toEqual(summary.map((r) => [r.项目, r.结果应用]));
    expect(doc.summary.reduce((n, s) => n + s.tables.length, 0)).toBe(doc.projects.length);
  });
});

/** A sheet's values where they stand, without trailing empty cells and rows (an empty string is an empty cell). */
function absolute(s: SheetSnapshot): unknown[][] {
  const out: unknown[][] = [];
  s.rows.forEach((r, i) => (out[s.top + i] = [...Array(s.left).fill(null), ...r.map((v: CellValue) => (v === "" ? null : v))]));
  for (let i = 0; i < out.length; i++) {
    const row = out[i] ?? [];
    while (row.length && row[row.length - 1] === null) row.pop();
    out[i] = row;
  }
  while (out.length && out[out.length - 1].length === 0) out.pop();
  return out;
}

describe("the Office and WPS hosts write the same story as the command line", () => {
  it("汇总, 公开版, 校验结果 and 监控预警 hold the same cells in Excel, in WPS and in the CLI's file", async () => {
    const snapshots: WorkbookSnapshot[] = [];
    for (const f of (await collectWorkbooks([SAMPLES])).files) snapshots.push({ ...(await (await openWorkbookFile(f)).read()), file: f });
    const excel = new FakeExcel([fakeSheet("Sheet1", [[null]])]);
    const office = new OfficeHost(excel.run, excel.isSetSupported);
    await runCheck(snapshots, office, CENTRAL, { today: TODAY });
    const wps = new FakeWps([fakeWpsSheet("Sheet1", [[null]])], "结果.xlsx");
    const et = new WpsHost(wps.app as unknown as EtApplication, "结果.xlsx");
    await runCheck(snapshots, et, CENTRAL, { today: TODAY });
    const cli = await new ExcelJsHost(book, "结果.xlsx").read();
    const [inExcel, inWps] = [await office.read(), await et.read()];
    for (const name of ["汇总", "公开版", "校验结果", "监控预警"]) {
      const want = absolute(cli.sheets.find((x) => x.name === name)!);
      expect(want.length, name).toBeGreaterThan(3);
      expect(absolute(inExcel.sheets.find((x) => x.name === name)!), `Excel ${name}`).toEqual(want);
      expect(absolute(inWps.sheets.find((x) => x.name === name)!), `WPS ${name}`).toEqual(want);
    }
  });
});
