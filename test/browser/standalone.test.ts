import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INVENTORY_SHEET } from "../../src/core/inventory";
import { REGISTER_SHEET } from "../../src/core/owned";
import { buildWorkbook, selfEvaluationSheet, targetSheet, withCell } from "../fixtures";
import { Harness, screenshotDir } from "./harness";

const work = mkdtempSync(join(tmpdir(), "jixiao-browser-"));
const h = new Harness();
const external = h.external;

beforeAll(() => h.start());
afterAll(() => h.stop());

const openPage = () => h.open();

/** The page's console warnings, as they come: the page notes there why it checks without a worker. */
function warningsOf(page: Page): string[] {
  const warnings: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "warning") warnings.push(m.text());
  });
  return warnings;
}

async function userWorkbook(path: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const t = wb.addWorksheet("目标表");
  t.addRow(["项目支出绩效目标申报表"]);
  t.addRow(["项目名称", "基层政务公开标准化规范化"]);
  t.addRow(["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"]);
  t.addRow(["产出指标", "数量指标", "公开事项目录编制数", "≥", 30, "个"]);
  const s = wb.addWorksheet("自评");
  s.addRow(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]);
  s.addRow(["产出指标", "数量指标", "=HYPERLINK(\"http://x\",\"诱饵\")", "≥95%", "98%", 20, 20]);
  wb.addWorksheet("空表");
  await wb.xlsx.writeFile(path);
  return readFileSync(path);
}

describe("standalone page in real Chromium", () => {
  it("opens a real .xlsx, lists its sheets and downloads a result workbook, with no request leaving the machine", async () => {
    const { page, errors } = await openPage();
    await expect.poll(() => page.textContent("#mode"), { timeout: 15_000 }).toContain("独立网页模式");
    expect(await page.isVisible("#file-section")).toBe(true);

    const input = join(work, "单位上报.xlsx");
    const original = await userWorkbook(input);
    await page.setInputFiles("#file-input", input);
    await expect.poll(() => page.textContent("#status"), { timeout: 15_000 }).toContain("已打开 单位上报.xlsx");
    await page.click(".steps summary");
    await page.click("#run-inventory");
    await page.waitForSelector("#download", { state: "visible", timeout: 15_000 });

    const cells = await page.$$eval("#result-table tbody tr", (trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
    expect(cells).toEqual([
      ["目标表", "A1:F4", "绩效目标申报表"],
      ["自评", "A1:G2", "绩效自评表"],
      ["空表", "（空）", "空表"],
    ]);

    await page.screenshot({ path: join(screenshotDir(), "standalone.png"), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download")]);
    expect(download.suggestedFilename()).toBe("单位上报-绩效结果.xlsx");
    const saved = join(work, "downloaded.xlsx");
    await download.saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    expect(wb.worksheets.map((w) => w.name)).toEqual([INVENTORY_SHEET, REGISTER_SHEET]);
    const rows: unknown[][] = [];
    wb.getWorksheet(INVENTORY_SHEET)!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    const body = rows.filter((r) => r[0] === "单位上报.xlsx");
    expect(body.map((r) => [r[1], r[7]])).toEqual([["目标表", "绩效目标申报表"], ["自评", "绩效自评表"], ["空表", "空表"]]);

    // The user's file is only read.
    expect(readFileSync(input).equals(original)).toBe(true);
    expect(errors).toEqual([]);
    expect(external.every((u) => u.startsWith("https://appsforoffice.microsoft.com/"))).toBe(true);
    await page.close();
  });

  it("runs the full check on a unit's workbook and downloads 校验结果 with every finding", async () => {
    const { page, errors } = await openPage();
    await expect.poll(() => page.textContent("#mode"), { timeout: 15_000 }).toContain("独立网页模式");
    const input = join(work, "政务公开办.xlsx");
    const wbIn = await buildWorkbook([withCell(targetSheet(), "D15", "≥"), withCell(selfEvaluationSheet(), "H11", 15)]);
    await wbIn.xlsx.writeFile(input);
    const original = readFileSync(input);
    await page.setInputFiles("#file-input", input);
    await expect.poll(() => page.textContent("#status"), { timeout: 15_000 }).toContain("已打开");
    await page.click("#run-check");
    await page.waitForSelector("#download", { state: "visible", timeout: 15_000 });
    expect(await page.textContent("#result-summary")).toContain("2 张绩效表");
    const codes = await page.$$eval("#finding-groups li", (lis) => lis.map((li) => (li as HTMLElement).dataset.code));
    expect(codes).toEqual(expect.arrayContaining(["direction-mismatch", "score-mismatch"]));
    const projects = await page.$$eval("#project-table tbody tr", (trs) => trs.map((tr) => tr.children[2].textContent));
    expect(projects).toEqual(["重新申报", "自评 94.54 分（优）；优先保障"]);
    await page.screenshot({ path: join(screenshotDir(), "standalone-check.png"), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download")]);
    const saved = join(work, "check-result.xlsx");
    await download.saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["汇总", "校验结果", "监控预警", "自评复核对比", "线索移交", "公开版", INVENTORY_SHEET, REGISTER_SHEET]);
    expect(wb.getWorksheet(REGISTER_SHEET)!.state).toBe("hidden");
    const found: string[] = [];
    wb.getWorksheet("校验结果")!.eachRow((r, i) => {
      if (i > 3) found.push(`${r.getCell(5).value}@${r.getCell(6).value}`);
    });
    expect(found).toEqual(expect.arrayContaining(["direction-mismatch@绩效目标申报表!D15", "score-mismatch@绩效自评表!H11"]));
    expect(readFileSync(input).equals(original)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("reads last year's result workbook chosen as 上年结果文件 beside the unit's workbook", async () => {
    const { page, errors } = await openPage();
    await expect.poll(() => page.textContent("#mode"), { timeout: 15_000 }).toContain("独立网页模式");
    const input = join(work, "本年.xlsx");
    await (await buildWorkbook([targetSheet()])).xlsx.writeFile(input);
    // Last year: 削减或取消 at 80 万元; the table asks 80 again.
    const last = join(work, "上年结果.xlsx");
    await (await buildWorkbook([{ name: "结果", rows: [["项目名称", "实施单位", "等级", "处理意见", "金额（万元）"], ["基层政务公开标准化规范化", "双鸭山市政务公开办公室", "差", "削减或取消", 80]] }])).xlsx.writeFile(last);
    await page.setInputFiles("#file-input", input);
    await expect.poll(() => page.textContent("#status"), { timeout: 15_000 }).toContain("已打开");
    await page.setInputFiles("#previous-input", last);
    await expect.poll(() => page.textContent("#status"), { timeout: 15_000 }).toContain("已打开上年结果 上年结果.xlsx");
    await page.click("#run-check");
    await page.waitForSelector("#download", { state: "visible", timeout: 15_000 });
    const codes = await page.$$eval("#finding-groups li", (lis) => lis.map((li) => (li as HTMLElement).dataset.code));
    expect(codes).toEqual(expect.arrayContaining(["terminate-declaration", "previous-decision-not-applied"]));
    const projects = await page.$$eval("#project-table tbody tr", (trs) => trs.map((tr) => tr.children[2].textContent));
    expect(projects).toEqual(["终止申报"]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("checks in a Web Worker: 取消 stops a 3,000-project run at once, and the page goes on working", async () => {
    const { listWorkbookBytes } = await import("../../scripts/bench-workbooks");
    const big = join(work, "三千个项目.xlsx");
    writeFileSync(big, await listWorkbookBytes(3000));
    const { page, errors } = await openPage();
    const workers: string[] = [];
    page.on("worker", (w) => workers.push(w.url()));
    await expect.poll(() => page.textContent("#mode"), { timeout: 15_000 }).toContain("独立网页模式");
    await page.setInputFiles("#file-input", big);
    await expect.poll(() => page.textContent("#status"), { timeout: 30_000 }).toContain("已打开");
    await page.click("#run-check");
    await page.waitForSelector("#progress-box", { state: "visible" });
    // The page answers while the worker reads and analyses: the button responds and the status says so.
    await page.click("#cancel");
    await expect.poll(() => page.textContent("#status"), { timeout: 30_000 }).toContain("已取消");
    expect(await page.isHidden("#download")).toBe(true);
    expect(workers).toHaveLength(1);
    // Run again, to the end: the same page, a new worker, a result to download.
    await page.click("#run-check");
    await page.waitForSelector("#download", { state: "visible", timeout: 120_000 });
    expect(await page.textContent("#result-summary")).toContain("3000 张绩效表");
    expect(workers).toHaveLength(2);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it("checks on the page itself when the worker's script cannot load, and in a worker again when it can", async () => {
    const { page, errors } = await openPage();
    const workers: string[] = [];
    page.on("worker", (w) => workers.push(w.url()));
    const warnings = warningsOf(page);
    await expect.poll(() => page.textContent("#mode"), { timeout: 15_000 }).toContain("独立网页模式");
    const input = join(work, "单位.xlsx");
    await (await buildWorkbook([withCell(targetSheet(), "D15", "≥")])).xlsx.writeFile(input);
    await page.setInputFiles("#file-input", input);
    await expect.poll(() => page.textContent("#status"), { timeout: 15_000 }).toContain("已打开");
    // The worker's script fails to load, as on a network that drops it.
    const workerScript = /\/check-worker\.[0-9a-f]{8}\.js$/;
    await page.route(workerScript, (r) => r.abort());
    await page.click("#run-check");
    await expect.poll(() => page.textContent("#status"), { timeout: 30_000 }).toContain("全部检查完成");
    expect(warnings).toEqual([expect.stringMatching(/^后台检查无法启动，改在本页中检查/)]);
    expect(await page.getAttribute("#status", "class")).not.toContain("error");
    const codes = await page.$$eval("#finding-groups li", (lis) => lis.map((li) => (li as HTMLElement).dataset.code));
    expect(codes).toContain("direction-mismatch");
    expect(await page.isVisible("#download")).toBe(true);
    await page.unroute(workerScript);
    await page.click("#run-check");
    await expect.poll(() => workers.length, { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.textContent("#status"), { timeout: 30_000 }).toContain("全部检查完成");
    expect(warnings).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("checks on the page itself when the worker cannot load exceljs", async () => {
    const { page, errors } = await openPage();
    const warnings = warningsOf(page);
    await expect.poll(() => page.textContent("#mode"), { timeout: 15_000 }).toContain("独立网页模式");
    const input = join(work, "单位.xlsx");
    await (await buildWorkbook([withCell(targetSheet(), "D15", "≥")])).xlsx.writeFile(input);
    await page.setInputFiles("#file-input", input);
    await expect.poll(() => page.textContent("#status"), { timeout: 15_000 }).toContain("已打开");
    // The page has exceljs already (it opened the file); the worker asks for it as it starts, and is refused.
    const refused: string[] = [];
    await page.context().route(/\/exceljs\.[0-9a-f]{8}\.js$/, (r) => {
      refused.push(r.request().url());
      return r.abort();
    });
    await page.click("#run-check");
    await expect.poll(() => page.textContent("#status"), { timeout: 30_000 }).toContain("全部检查完成");
    expect(refused.length).toBeGreaterThan(0);
    expect(warnings).toEqual([expect.stringMatching(/^后台检查无法启动，改在本页中检查/)]);
    const codes = await page.$$eval("#finding-groups li", (lis) => lis.map((li) => (li as HTMLElement).dataset.code));
    expect(codes).toContain("direction-mismatch");
    expect(errors).toEqual([]);
    await page.context().unroute(/\/exceljs\.[0-9a-f]{8}\.js$/);
    await page.close();
  });

  it("reports a failure of the check itself as a Chinese message, and the page stays usable", async () => {
    const { page, errors } = await openPage();
    await expect.poll(() => page.textContent("#mode"), { timeout: 15_000 }).toContain("独立网页模式");
    const input = join(work, "单位.xlsx");
    await (await buildWorkbook([targetSheet()])).xlsx.writeFile(input);
    await page.setInputFiles("#file-input", input);
    await expect.poll(() => page.textContent("#status"), { timeout: 15_000 }).toContain("已打开");
    // The 参数 rule set, in a workbook without a 参数 sheet.
    await page.selectOption("#rule-set", "sheet");
    await page.click("#run-check");
    await expect.poll(() => page.textContent("#status"), { timeout: 30_000 }).toMatch(/^全部检查出错：工作簿中没有“参数”表。/);
    expect(await page.getAttribute("#status", "class")).toContain("error");
    expect(await page.isDisabled("#run-check")).toBe(false);
    await page.selectOption("#rule-set", "central");
    await page.click("#run-check");
    await expect.poll(() => page.textContent("#status"), { timeout: 30_000 }).toContain("全部检查完成");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("downloads a template to fill, without opening any file first", async () => {
    const { page, errors } = await openPage();
    await expect.poll(() => page.textContent("#mode"), { timeout: 15_000 }).toContain("独立网页模式");
    expect(await page.textContent("#insert-template")).toBe("下载模板");
    await page.selectOption("#template", "self-evaluation");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#insert-template")]);
    expect(download.suggestedFilename()).toBe("绩效自评表.xlsx");
    const saved = join(work, "template.xlsx");
    await download.saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["绩效自评表", "填表说明"]);
    expect(wb.getWorksheet("绩效自评表")!.getCell("J12").value).toBe("复核完成值");
    expect(await page.textContent("#status")).toContain("已下载模板");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows a Chinese message naming a file that is not a workbook, and keeps working", async () => {
    const { page, errors } = await openPage();
    await expect.poll(() => page.textContent("#mode"), { timeout: 15_000 }).toContain("独立网页模式");
    const bad = join(work, "不是工作簿.xlsx");
    writeFileSync(bad, "hello");
    await page.setInputFiles("#file-input", bad);
    await expect.poll(() => page.textContent("#status"), { timeout: 15_000 }).toContain("不是工作簿.xlsx");
    expect(await page.getAttribute("#status", "class")).toContain("error");
    expect(await page.isDisabled("#run-inventory")).toBe(true);
    expect(await page.isDisabled("#run-check")).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
