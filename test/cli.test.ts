import ExcelJS from "exceljs";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { INVENTORY_SHEET } from "../src/core/inventory";

const BIN = join(__dirname, "..", "bin", "jixiao.js");
const SAMPLES = join(__dirname, "..", "samples");

function jixiao(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("jixiao command line", () => {
  it("prints usage in Chinese with --help and exits 0", () => {
    const r = jixiao("--help");
    expect(r.code).toBe(0);
    expect(r.out).toContain("用法");
    expect(r.out).toContain("jixiao inventory");
  });

  it("inventories the bundled samples as JSON, recognising each table kind", () => {
    const r = jixiao("inventory", SAMPLES, "--json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.errors).toEqual([]);
    const kinds = doc.sheets.map((s: { file: string; sheet: string; kind: string }) => `${s.file}/${s.sheet}: ${s.kind}`);
    expect(kinds).toEqual([
      "交警支队-智慧停车系统事前绩效评估.xlsx/事前绩效评估表: ex-ante",
      "减灾中心-自然灾害综合风险普查.xlsx/绩效目标申报表: target",
      "减灾中心-自然灾害综合风险普查.xlsx/绩效自评表: self-evaluation",
      "市场监管局-部门整体支出绩效目标.xlsx/部门整体绩效目标申报表: target",
      "政务公开办-基层政务公开.xlsx/绩效目标申报表: target",
      "政务公开办-基层政务公开.xlsx/绩效自评表: self-evaluation",
      "政务服务中心-整改情况表.xlsx/整改情况表: rectification",
      "政务服务中心-网民留言平台.xlsx/绩效目标申报表: target",
      "政务服务中心-网民留言平台.xlsx/绩效自评表: self-evaluation",
      "文化广电和旅游局等-绩效目标清单.xlsx/绩效目标清单: target",
      "消防救援支队-城乡公共消防设施建设.xlsx/绩效目标申报表: target",
      "消防救援支队-城乡公共消防设施建设.xlsx/绩效运行监控表: monitoring",
      "融媒体中心-政务新媒体运维.xlsx/绩效目标申报表: target",
      "财政局-2025年度绩效评价结果.xlsx/2025年度评价结果: previous-results",
      "财政局-运行监控汇总（1-7月）.xlsx/运行监控清单: monitoring",
      "财政局-预算项目清单.xlsx/预算项目清单: budget-list",
    ]);
  });

  it("writes the result workbook given by --out", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "jixiao-cli-")), "结果.xlsx");
    const r = jixiao("inventory", SAMPLES, "--out", out);
    expect(r.code).toBe(0);
    expect(r.out).toContain("共 12 个工作簿");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet(INVENTORY_SHEET)!;
    const files = new Set<string>();
    ws.eachRow((row, n) => {
      if (n > 3) files.add(String(row.getCell(1).value));
    });
    expect(files.size).toBe(12);
  });

  it("names a file it cannot open and exits 2, still reporting the others", () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-bad-"));
    writeFileSync(join(dir, "坏文件.xlsx"), "not a zip");
    const r = jixiao("inventory", dir, SAMPLES, "--json");
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.out);
    expect(doc.errors).toHaveLength(1);
    expect(doc.errors[0].message).toContain("坏文件.xlsx");
    expect(doc.sheets.length).toBeGreaterThanOrEqual(10);
  });

  it("rejects bad usage with exit 2", () => {
    expect(jixiao("frobnicate").code).toBe(2);
    expect(jixiao("inventory").code).toBe(2);
    const missing = jixiao("inventory", "/no/such/folder");
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("/no/such/folder");
  });
});

describe("jixiao check --previous and --date", () => {
  it("reads the file given with --previous as last year's, also inside the folder checked, and judges 整改期限 on --date", async () => {
    const { buildWorkbook, targetSheet } = await import("./fixtures");
    const dir = mkdtempSync(join(tmpdir(), "jixiao-prev-"));
    await (await buildWorkbook([targetSheet()])).xlsx.writeFile(join(dir, "目标表.xlsx"));
    // Not recognisable by itself (处理意见, not 结果应用): only --previous makes it last year's.
    const last = join(dir, "去年结果.xlsx");
    await (await buildWorkbook([{ name: "去年", rows: [["项目名称", "实施单位", "评价等级", "处理意见", "金额（万元）"], ["基层政务公开标准化规范化", "双鸭山市政务公开办公室", "差", "削减或取消", 80]] }])).xlsx.writeFile(last);
    await (await buildWorkbook([{ name: "整改情况表", rows: [["整改情况表"], ["项目名称", "问题", "整改期限", "整改措施", "整改结果", "完成日期", "佐证材料"], ["基层政务公开标准化规范化", "知晓率未达标", "2026-12-15", "加强宣传", "整改中", null, null]] }])).xlsx.writeFile(join(dir, "整改.xlsx"));
    const plain = JSON.parse(jixiao("check", dir, "--json", "--date", "2026-12-01").out);
    expect(plain.previous).toEqual([]);
    expect(plain.rectification.map((r: { status: string }) => r.status)).toEqual(["未整改"]);
    const r = jixiao("check", dir, "--previous", last, "--json", "--date", "2026-12-16");
    const doc = JSON.parse(r.out);
    expect(doc.previous).toEqual([expect.objectContaining({ name: "基层政务公开标准化规范化", grade: "差", decision: "削减或取消", amount: 80, amountThisYear: 80, matchedBy: "名称和单位" })]);
    // 80 asked again after 削减或取消 at 80: 终止申报, once (the file is not also read as this year's).
    const t = doc.projects.find((p: { kind: string }) => p.kind === "target");
    expect(t.targetVerdict).toBe("终止申报");
    expect(t.findings.filter((f: { code: string }) => f.code === "previous-decision-not-applied")).toHaveLength(1);
    expect(doc.rectification.map((x: { status: string }) => x.status)).toEqual(["逾期"]);
    expect(doc.accountability.map((x: { ground: string }) => x.ground)).toEqual(["整改逾期"]);
    const bad = jixiao("check", dir, "--date", "2026-02-30");
    expect([bad.code, bad.err.trim()]).toEqual([2, "--date 应为 YYYY-MM-DD 格式的日期，实际是“2026-02-30”。"]);
  });
});

describe("the built command line", () => {
  it("says in Chinese what to run when the bundle has not been built", async () => {
    const { copyFileSync, mkdirSync } = await import("node:fs");
    const dir = mkdtempSync(join(tmpdir(), "jixiao-unbuilt-"));
    mkdirSync(join(dir, "bin"));
    copyFileSync(BIN, join(dir, "bin", "jixiao.js"));
    const r = spawnSync(process.execPath, [join(dir, "bin", "jixiao.js"), "--help"], { encoding: "utf8", timeout: 60_000 });
    expect([r.status, r.stdout, r.stderr.trim()]).toEqual([2, "", "jixiao 命令行尚未构建（缺少 dist/cli/jixiao.mjs）。请在项目目录运行 npm run build:cli（npm ci 也会自动构建）。"]);
  });
});

describe("the command line's bundle", () => {
  it("keeps mathjs out of the start and of the commands: it loads in a chunk of its own when formulas are compiled", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const dir = join(__dirname, "..", "dist", "cli");
    // A sentence only mathjs's parser holds.
    const holders = readdirSync(dir).filter((f) => f.endsWith(".mjs") && readFileSync(join(dir, f), "utf8").includes("Unexpected end of expression"));
    expect(holders).toHaveLength(1);
    expect(holders[0]).toMatch(/^parser-/);
  });
});
