import { build } from "esbuild";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isCellError, type CellValue } from "../../src/core/sheet";
import { openWorkbookFile } from "../../src/hosts/node-files";
import type { FakeValue } from "../fakes/fake-excel";
import { buildWorkbook, countySelfEvaluation } from "../fixtures";
import "./fake-office-types";
import { downloadDocuments } from "./documents-zip";
import { Harness, ROOT, screenshotDir } from "./harness";

const h = new Harness();
let fakeOfficeJs = "";
let sheets: { name: string; cells: FakeValue[][] }[] = [];
let injected: typeof sheets = [];

/** A sample unit's workbook as the fake holds it: plain values from A1, as Excel would give them. */
async function sampleSheets(file: string, rename: (n: string) => string = (n) => n) {
  const snap = await (await openWorkbookFile(join(ROOT, "samples", file))).read();
  const plain = (v: CellValue): FakeValue => (v instanceof Date ? v.toISOString().slice(0, 10) : isCellError(v) ? { error: v.error } : v);
  return snap.sheets.map((s) => ({ name: rename(s.name), cells: s.rows.map((r) => r.map(plain)) }));
}

beforeAll(async () => {
  const out = await build({ entryPoints: [join(__dirname, "fake-office.ts")], bundle: true, format: "iife", platform: "browser", write: false, logLevel: "silent" });
  fakeOfficeJs = out.outputFiles[0].text;
  sheets = [
    ...(await sampleSheets("政务服务中心-网民留言平台.xlsx")),
    ...(await sampleSheets("消防救援支队-城乡公共消防设施建设.xlsx", (n) => (n === "绩效目标申报表" ? "消防目标表" : n))),
  ];
  // A user's own free text that looks like a formula must stay text in every report.
  injected = structuredClone(sheets);
  injected[0].cells[2][1] = "=HYPERLINK(\"http://example.invalid\",\"网民留言办理平台运维\")";
  await h.start();
});
afterAll(() => h.stop());

async function openInExcel(api = "1.9", data = sheets): Promise<{ page: Page; errors: string[] }> {
  const opened = await h.open(fakeOfficeJs, {
    script: (arg) => {
      const a = arg as { sheets: unknown; api: string };
      (window as unknown as Record<string, unknown>).__FAKE_SHEETS__ = a.sheets;
      (window as unknown as Record<string, unknown>).__FAKE_API__ = a.api;
    },
    arg: { sheets: data, api },
  });
  await expect.poll(() => opened.page.textContent("#mode"), { timeout: 15_000 }).toContain("Excel 模式");
  return opened;
}

const fakeSheets = (page: Page) => page.evaluate(() => window.__fakeExcel!.sheets.map((s) => ({ name: s.name, cells: s.cells, visibility: s.visibility })));
const fakeWrites = (page: Page) => page.evaluate(() => window.__fakeExcel!.log.writes);

async function runStep(page: Page, selector: string, done: string) {
  await page.click(selector);
  await expect.poll(() => page.textContent("#status"), { timeout: 20_000 }).toContain(done);
  expect(await page.isHidden("#progress-box")).toBe(true);
}

describe("task pane inside Excel (a fake Office/Excel injected into real Chromium)", () => {
  it("runs every action on the open workbook, writes the reports, and leaves the user's sheets as they were", async () => {
    const { page, errors } = await openInExcel("1.9", injected);
    const before = await fakeSheets(page);
    await runStep(page, "#run-check", "全部检查完成");
    const after = await fakeSheets(page);
    const names = after.map((s) => s.name);
    expect(names).toEqual([
      "绩效目标申报表", "绩效自评表", "消防目标表", "绩效运行监控表",
      "汇总", "校验结果", "监控预警", "自评复核对比", "线索移交", "整改台账", "问责", "公开版", "再评价报告-网民留言办理平台运维", "工作表清单", "绩效加载项记录",
    ]);
    for (const s of before) expect(after.find((x) => x.name === s.name)!.cells, s.name).toEqual(s.cells);
    expect(after.find((s) => s.name === "绩效加载项记录")!.visibility).toBe("Hidden");
    // No report cell became a formula, though a project name in the workbook looks like one.
    const reports = after.filter((s) => !before.some((b) => b.name === s.name));
    expect(JSON.stringify(reports)).not.toContain('"formula"');
    expect(JSON.stringify(reports.find((s) => s.name === "汇总")!.cells)).toContain("=HYPERLINK(");
    const summary = reports.find((s) => s.name === "汇总")!.cells;
    expect(summary.find((r) => r[1] === "城乡公共消防设施建设")).toEqual(expect.arrayContaining(["重新申报", "停止拨款", "削减或取消"]));

    // 下载公文: the run's Word documents, as the page offers them.
    const offered = await downloadDocuments(page, tmpdir());
    expect(offered.name).toBe("公文.zip");
    expect([...offered.files.keys()]).toEqual(["再评价报告-网民留言办理平台运维.docx", "整改通知-网民留言办理平台运维.docx", "线索移交函-网民留言办理平台运维.docx", "预算绩效评价结果及应用情况报告.docx"]);
    for (const bytes of offered.files.values()) expect(Buffer.from(bytes).subarray(0, 2).toString()).toBe("PK");

    // Each step alone, then the sheet inventory.
    await page.click(".steps summary");
    for (const [step, done] of [
      ["target", "校验目标表完成"],
      ["monitoring", "运行监控完成"],
      ["review", "自评与复核对比完成"],
      ["documents", "生成再评价报告 / 反馈通知书完成"],
      ["summary", "汇总与公开版完成"],
    ]) {
      await runStep(page, `button[data-step="${step}"]`, done);
    }
    await runStep(page, "#run-inventory", "工作表清单完成");
    const final = await fakeSheets(page);
    for (const s of before) expect(final.find((x) => x.name === s.name)!.cells, s.name).toEqual(s.cells);
    expect(final.map((s) => s.name).filter((n) => n === "汇总")).toHaveLength(1);
    expect(errors).toEqual([]);
    expect(h.external.every((u) => u.startsWith("https://appsforoffice.microsoft.com/"))).toBe(true);
    await page.close();
  });

  it("selects a finding's cell in the workbook when it is clicked or chosen with Enter, and filters findings", async () => {
    const { page } = await openInExcel();
    await runStep(page, "#run-check", "全部检查完成");
    await page.screenshot({ path: join(screenshotDir(), "office.png"), fullPage: true });
    const first = page.locator(".findings li.selectable").first();
    const where = (await first.locator(".where").textContent())!.trim();
    await first.click();
    await expect.poll(() => fakeWrites(page)).toContain(`select:${where.replace(/^(.*)!/, (_m, s: string) => (/^[A-Za-z0-9_]+$/.test(s) ? s : `'${s}'`) + "!")}`);
    const second = page.locator(".findings li.selectable").nth(1);
    await second.focus();
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await fakeWrites(page)).filter((w) => w.startsWith("select:")).length).toBe(2);

    await page.selectOption("#filter-severity", "warning");
    const severities = await page.$$eval("#finding-groups li .sev", (els) => els.map((e) => e.textContent));
    expect(severities.length).toBeGreaterThan(0);
    expect(new Set(severities)).toEqual(new Set(["警告"]));
    await page.selectOption("#filter-severity", "");
    await page.selectOption("#filter-code", "clue-transfer");
    expect(await page.$$eval("#finding-groups li", (lis) => lis.map((li) => (li as HTMLElement).dataset.code))).toEqual(["clue-transfer"]);
    await page.close();
  });

  it("inserts a template and checks with the rule set kept in the workbook's 参数 sheet", async () => {
    const { page } = await openInExcel();
    await page.selectOption("#template", "parameters");
    await page.click("#insert-template");
    await expect.poll(() => page.textContent("#status")).toContain("已插入“参数”“填表说明”表");
    const params = (await fakeSheets(page)).find((s) => s.name === "参数")!;
    expect(params.cells.find((r) => r[0] === "review.inflatedDelta")![1]).toBe(10);
    await page.selectOption("#rule-set", "sheet");
    await runStep(page, "#run-check", "全部检查完成");
    expect(await page.textContent("#result-summary")).toContain("本地规则");
    await page.close();
  });

  it("reads the sheet chosen as 上年结果, which it would not recognise on its own", async () => {
    // A bureau's own list: 评价等级 and 处理意见, no 结果应用 column, so not recognised as last year's results by itself.
    const lastYear = { name: "去年", cells: [["项目名称", "实施单位", "评价等级", "处理意见"], ["网民留言办理平台运维", "双鸭山市政务服务中心", "良", "收回"]] as FakeValue[][] };
    const codes = async (page: Page) => JSON.stringify((await fakeSheets(page)).find((x) => x.name === "校验结果")!.cells);
    const { page } = await openInExcel("1.9", [...sheets, lastYear]);
    await runStep(page, "#run-check", "全部检查完成");
    expect(await codes(page)).not.toContain("recovered-funds-reappear");
    expect(await codes(page)).toContain("工作表“去年”不是绩效目标表");
    // The list of sheets is there to choose from; chosen, the sheet is last year's: the 网民留言 project asks again for 收回 funds.
    await page.focus("#previous-sheet");
    await expect.poll(() => page.$$eval("#previous-sheet option", (os) => os.map((o) => (o as HTMLOptionElement).value))).toContain("去年");
    await page.selectOption("#previous-sheet", "去年");
    await runStep(page, "#run-check", "全部检查完成");
    expect(await codes(page)).toContain("recovered-funds-reappear");
    await page.close();
  });

  it("works on Office 2016 (ExcelApi 1.1): the same reports, without the newer touches", async () => {
    const { page, errors } = await openInExcel("1.1");
    await runStep(page, "#run-check", "全部检查完成");
    const writes = await fakeWrites(page);
    expect(writes.some((w) => w.startsWith("values:'汇总'"))).toBe(true);
    expect(writes.filter((w) => /hyperlink|dataValidation|conditionalFormats|pageLayout|freezeRows|tabColor|merge:/.test(w))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("读取方式 in the Excel pane", () => {
  it("shows which column each role was read from, and a column picked there reads the table right", async () => {
    const file = join(tmpdir(), `jixiao-reading-${process.pid}.xlsx`);
    await (await buildWorkbook([countySelfEvaluation()])).xlsx.writeFile(file);
    const snap = await (await openWorkbookFile(file)).read();
    const plain = (v: CellValue): FakeValue => (v instanceof Date ? v.toISOString().slice(0, 10) : isCellError(v) ? { error: v.error } : v);
    const { page, errors } = await openInExcel("1.9", snap.sheets.map((s) => ({ name: s.name, cells: s.rows.map((r) => r.map(plain)) })));
    await runStep(page, "#run-check", "全部检查完成");
    const conclusion = () => page.$eval("#project-table tbody tr", (tr) => tr.children[2].textContent);
    expect(await conclusion()).toContain("无法评定");
    await page.click("#reading-section summary");
    expect(await page.$$eval("#reading-roles tr.missing td:first-child", (tds) => tds.map((td) => td.textContent))).toEqual(["实际完成值（判定需要）", "得分（判定需要）"]);
    await page.selectOption('#reading-roles select[data-role="actual"]', { label: "E 列：考核结果" });
    await page.selectOption('#reading-roles select[data-role="score"]', { label: "F 列：评分" });
    await page.click("#reading-apply");
    await expect.poll(conclusion, { timeout: 20_000 }).toContain("自评 100 分（优）");
    // The report sheets were written again from the corrected reading, into the add-in's own sheets.
    const summary = (await fakeSheets(page)).find((s) => s.name === "汇总")!;
    expect(JSON.stringify(summary.cells)).toContain("优先保障");
    expect(errors).toEqual([]);
    await page.close();
  });
});
