/**
 * A folder read on several threads (cli/pool.ts) answers exactly as one thread does: the same JSON byte for byte,
 * the same printed report, the same result workbook cell for cell, files in Explorer's order (单位2 before 单位10).
 */
import ExcelJS from "exceljs";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(__dirname, "..");

function jixiao(jobs: number, ...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "jixiao.js"), ...args], { encoding: "utf8", timeout: 120_000, env: { ...process.env, JIXIAO_JOBS: String(jobs) }, maxBuffer: 1 << 26 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

async function cells(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row, r) => row.eachCell((c, col) => out.push(`${ws.name}!${r}:${col}=${JSON.stringify(c.value)}`))));
  return out;
}

describe("reading a folder on several threads", () => {
  const dir = mkdtempSync(join(tmpdir(), "jixiao-threads-"));
  const input = join(dir, "各单位");
  mkdirSync(input);
  // Twelve units: samples and fixtures under numbered names, so that the natural order is tested too.
  const sources = [...readdirSync(join(ROOT, "samples")).map((f) => join(ROOT, "samples", f)), ...readdirSync(join(ROOT, "test", "fixtures")).map((f) => join(ROOT, "test", "fixtures", f))];
  sources.forEach((f, i) => copyFileSync(f, join(input, `单位${i + 1}-${f.split("/").pop()}`)));

  it("gives the single thread's JSON byte for byte, and its printed report", () => {
    const one = jixiao(1, "check", input, "--json", "--date", "2026-07-31");
    const many = jixiao(3, "check", input, "--json", "--date", "2026-07-31");
    expect(one.code).toBe(1);
    expect(many.out).toBe(one.out);
    const units = JSON.parse(one.out).projects.map((p: { file: string }) => Number(/单位(\d+)-/.exec(p.file)![1]));
    expect(units).toEqual([...units].sort((a: number, b: number) => a - b));
    expect(new Set(units).size).toBeGreaterThanOrEqual(10);
    expect(jixiao(3, "check", input, "--date", "2026-07-31").out).toBe(jixiao(1, "check", input, "--date", "2026-07-31").out);
  });

  it("writes the same result workbook, cell for cell", async () => {
    jixiao(1, "check", input, "--out", join(dir, "一.xlsx"), "--date", "2026-07-31");
    jixiao(3, "check", input, "--out", join(dir, "多.xlsx"), "--date", "2026-07-31");
    const one = await cells(join(dir, "一.xlsx"));
    expect(one.length).toBeGreaterThan(500);
    expect(await cells(join(dir, "多.xlsx"))).toEqual(one);
  });
});
