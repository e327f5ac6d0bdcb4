/**
 * The run's charts (issue 22): described once from the analysis (core/report/charts.ts), drawn by Apache ECharts to
 * SVG and by resvg to PNG. Checked on the demo data: the values are the analysis's, every bar is labelled with its
 * value, what was not read is left out and said, and the PNG is a real picture of the chart's size.
 */
import { join } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import { readAll } from "../../src/cli/inputs";
import { analyze, readOptionsFor } from "../../src/core/analyze";
import { reportCharts } from "../../src/core/report/charts";
import { finalGrade, summarize } from "../../src/core/report/summary";
import { loadFormulaParser } from "../../src/core/rules/expression";
import { CENTRAL } from "../../src/core/rules/ruleset";
import { chartPng } from "../../src/hosts/chart-png";
import { chartSvg } from "../../src/hosts/chart-render";

async function demo() {
  await loadFormulaParser();
  const { snapshots } = await readAll([join(__dirname, "..", "..", "samples")], [], undefined, readOptionsFor(CENTRAL, {}));
  return analyze(snapshots, CENTRAL, { today: new Date("2026-12-01T00:00:00Z") });
}

describe("charts from one description", () => {
  it("counts the grades, the units' execution against 序时进度 and the review differences as the analysis has them", async () => {
    const a = await demo();
    const charts = new Map(reportCharts(a).map((c) => [c.id, c]));
    expect([...charts.keys()]).toEqual(["grades", "execution", "review-delta"]);
    const grades = summarize(a).map(finalGrade);
    expect(charts.get("grades")!.series[0].values).toEqual(["优", "良", "中", "差"].map((g) => grades.filter((x) => x === g).length));
    const execution = charts.get("execution")!;
    expect(execution.line).toEqual({ name: "序时进度", value: 58.3 });
    // Lowest first, every rate one the monitoring tables gave.
    const rates = execution.series[0].values;
    expect([...rates].sort((x, y) => x - y)).toEqual(rates);
    const deltas = a.projects.filter((r) => r.review).map((r) => Number(r.review!.delta.toFixed(2)));
    expect([...charts.get("review-delta")!.series[0].values].sort()).toEqual([...deltas].sort());
  });

  it("labels every bar with its value and draws the reference line, in SVG and as a 1600 × 900 PNG", async () => {
    const a = await demo();
    const blank = new Resvg('<svg xmlns="http://www.w3.org/2000/svg" width="800" height="450"><rect width="800" height="450" fill="#fff"/></svg>', { fitTo: { mode: "zoom", value: 2 } }).render().asPng();
    for (const c of reportCharts(a)) {
      const svg = chartSvg(c);
      expect(svg).toMatch(/^<svg[^>]+width="800"[^>]+height="450"/);
      expect(svg, c.id).toContain(c.title);
      const suffix = c.unit === "%" ? "%" : ` ${c.unit}`;
      for (const v of c.series[0].values) expect(svg, `${c.id} ${v}`).toContain(`>${v}${suffix}<`);
      for (const name of c.categories) expect(svg, `${c.id} ${name}`).toContain(name.slice(0, 8));
      if (c.line) expect(svg).toContain(`${c.line.name} ${c.line.value}${suffix}`);
      const png = Buffer.from(chartPng(c));
      expect(png.subarray(1, 4).toString()).toBe("PNG");
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1600, 900]);
      // Not a blank picture: it compresses far worse than a white one of the same size.
      expect(png.length, c.id).toBeGreaterThan(3 * blank.length);
    }
  });
});

describe("charts in the command line's result workbook", () => {
  it("places the three charts as pictures on 汇总 below the grade distribution, which exceljs and the tool read back", async () => {
    const { mkdtempSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const ExcelJS = (await import("exceljs")).default;
    const { main } = await import("../../src/cli/main");
    const out = join(mkdtempSync(join(tmpdir(), "jixiao-charts-")), "结果.xlsx");
    const io = { out: () => undefined, err: () => undefined };
    const samples = join(__dirname, "..", "..", "samples");
    expect(await main(["check", samples, "--out", out, "--exit-zero"], io)).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const summary = wb.getWorksheet("汇总")!;
    const images = summary.getImages();
    expect(images).toHaveLength(3);
    // Below the distribution's last row (差), in the first column, one under the other.
    let distribution = 0;
    summary.eachRow((row, n) => {
      if (row.getCell(1).value === "差") distribution = n;
    });
    expect(distribution).toBeGreaterThan(0);
    const tops = images.map((i) => i.range.tl.nativeRow);
    expect(tops[0]).toBeGreaterThanOrEqual(distribution);
    expect([...tops].sort((x, y) => x - y)).toEqual(tops);
    for (const i of images) {
      const png = Buffer.from(wb.getImage(Number(i.imageId)).buffer as ArrayBuffer);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1600, 900]);
    }
    // The built command line draws them on a thread of its own (cli/painter.ts): the same three pictures.
    const { spawnSync } = await import("node:child_process");
    const built = join(out, "..", "命令行.xlsx");
    const r = spawnSync(process.execPath, [join(__dirname, "..", "..", "bin", "jixiao.js"), "check", samples, "--out", built, "--exit-zero"], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    const again = new ExcelJS.Workbook();
    await again.xlsx.readFile(built);
    const sizes = (w: typeof wb) => w.getWorksheet("汇总")!.getImages().map((i) => Buffer.from(w.getImage(Number(i.imageId)).buffer as ArrayBuffer).length);
    expect(sizes(again)).toHaveLength(3);
    // The public version carries no pictures; the result still reads as last year's.
    expect(wb.getWorksheet("公开版")!.getImages()).toHaveLength(0);
    expect(await main(["check", samples, "--previous", out, "--exit-zero", "--quiet"], io)).toBe(0);
  });
});
