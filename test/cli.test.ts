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
