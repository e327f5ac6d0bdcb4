import ExcelJS from "exceljs";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main";

const SAMPLES = join(__dirname, "..", "samples");
/** The official and provincial layouts of the corpus are mutated too: their merged group labels, ticks and nested points. */
const LAYOUTS = join(__dirname, "layouts");
const ROUNDS = Number(process.env.FUZZ_ROUNDS ?? 150);
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);

/** mulberry32: a small seeded generator, so a failing round can be replayed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const JUNK: ((r: () => number) => ExcelJS.CellValue)[] = [
  () => null,
  (r) => Math.floor(r() * 1e6) / 100,
  (r) => -r() * 1e9,
  () => 1e308,
  () => 0,
  () => true,
  () => new Date(Date.UTC(2026, 6, 31)),
  () => ({ error: "#REF!" }) as ExcelJS.CellValue,
  () => ({ formula: "1/0", result: { error: "#DIV/0!" } }) as ExcelJS.CellValue,
  () => "=HYPERLINK(\"http://example.invalid\",\"x\")",
  () => "≥ＸＸ％",
  () => "１２３４．５",
  () => "**",
  () => "三级指标",
  () => "项目名称",
  () => "完全不可能",
  () => "达成年度指标",
  (r) => "长".repeat(Math.floor(r() * 40_000)),
  () => "\t\r\n",
  () => "1,200.50万元",
  () => "绩效指标",
  () => "√",
  () => "合计",
  () => "中期目标",
  () => "长期绩效指标",
  () => "部分达成年度指标并具有一定效果",
];

describe("seeded fuzz over the sample and layout-corpus workbooks", () => {
  it(`survives ${ROUNDS} rounds of random cell mutations (seed ${SEED}) with findings, never a crash, never touching the input`, async () => {
    const r = rng(SEED);
    const dir = mkdtempSync(join(tmpdir(), "jixiao-fuzz-"));
    const samples = [
      ...readdirSync(SAMPLES).sort().map((f) => join(SAMPLES, f)),
      ...readdirSync(LAYOUTS).filter((f) => f.endsWith(".xlsx")).sort().map((f) => join(LAYOUTS, f)),
    ];
    for (let round = 0; round < ROUNDS; round++) {
      const source = samples[Math.floor(r() * samples.length)];
      const file = source.split(/[\\/]/).pop()!;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(source);
      const mutations = 1 + Math.floor(r() * 25);
      for (let m = 0; m < mutations; m++) {
        const ws = wb.worksheets[Math.floor(r() * wb.worksheets.length)];
        const row = 1 + Math.floor(r() * Math.max(1, ws.rowCount + 3));
        const col = 1 + Math.floor(r() * Math.max(1, ws.columnCount + 2));
        const cell = ws.getCell(row, col);
        if (cell.isMerged && cell.master !== cell) continue;
        cell.value = JUNK[Math.floor(r() * JUNK.length)](r);
      }
      if (r() < 0.2) wb.worksheets[0].spliceRows(1 + Math.floor(r() * 12), 1 + Math.floor(r() * 3));
      const path = join(dir, `${round}-${file}`);
      writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
      const before = createHash("sha256").update(readFileSync(path)).digest("hex");
      const out: string[] = [];
      const err: string[] = [];
      let code: number;
      try {
        code = await main(["check", path, "--json", "--out", join(dir, `${round}-结果.xlsx`)], { out: (s) => out.push(s), err: (s) => err.push(s) });
      } catch (e) {
        throw new Error(`round ${round} (${file}) crashed: ${(e as Error).stack}`);
      }
      const doc = JSON.parse(out.join("\n"));
      // Exit 2 is right only when the mutations left no table the tool recognises (it says so and checks nothing).
      const allowed = doc.projects.length === 0 ? [0, 1, 2] : [0, 1];
      expect(allowed, `round ${round} (${file}): ${err.join(" ")}`).toContain(code);
      expect(doc.errors, `round ${round}`).toEqual([]);
      for (const p of doc.projects) for (const f of p.findings) expect(f.message.length, `round ${round}`).toBeGreaterThan(0);
      expect(createHash("sha256").update(readFileSync(path)).digest("hex")).toBe(before);
    }
  }, 60_000);
});
