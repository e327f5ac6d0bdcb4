import { build } from "esbuild";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SheetSnapshot } from "../../src/core/sheet";
import { openWorkbookFile } from "../../src/hosts/node-files";
import type { EtValue } from "../../src/hosts/wps-types";
import { type FakeWps, wpsSheetOf } from "../fakes/fake-wps";
import { buildWorkbook, countySelfEvaluation } from "../fixtures";
import { downloadDocuments } from "./documents-zip";
import { Harness, ROOT, screenshotDir } from "./harness";

const h = new Harness();
let fakeWpsJs = "";
type SheetData = { name: string; cells: EtValue[][]; visible: number; numberFormats: [string, string][]; merges: SheetSnapshot["merges"] };
let sheets: SheetData[] = [];

/** A sample's sheets as WPS holds them (wpsSheetOf), as plain data for the page. */
async function sampleSheets(file: string): Promise<SheetData[]> {
  const snap = await (await openWorkbookFile(join(ROOT, "samples", file))).read();
  return snap.sheets.map(wpsSheetOf).map((s) => ({ name: s.name, cells: s.cells, visible: s.visible, numberFormats: [...s.numberFormats], merges: s.merges }));
}

beforeAll(async () => {
  const out = await build({ entryPoints: [join(__dirname, "fake-wps-page.ts")], bundle: true, format: "iife", platform: "browser", write: false, logLevel: "silent" });
  fakeWpsJs = out.outputFiles[0].text;
  sheets = [...(await sampleSheets("政务服务中心-网民留言平台.xlsx")), ...(await sampleSheets("消防救援支队-城乡公共消防设施建设.xlsx")).map((s) => ({ ...s, name: s.name === "绩效目标申报表" ? "消防目标表" : s.name }))];
  await h.start();
});
afterAll(() => h.stop());

async function openInWps(path = "taskpane.html"): Promise<{ page: Page; errors: string[] }> {
  return h.open(
    undefined,
    { script: (arg) => ((window as unknown as { __WPS_SHEETS__: unknown }).__WPS_SHEETS__ = arg), arg: sheets },
    { path, scripts: [fakeWpsJs] },
  );
}

const state = (page: Page) =>
  page.evaluate(() => {
    const fake = (window as unknown as { __fakeWps: FakeWps }).__fakeWps;
    return { names: fake.sheets.map((s) => s.name), dumps: Object.fromEntries(fake.sheets.map((s) => [s.name, fake.dump(s.name)])), visible: Object.fromEntries(fake.sheets.map((s) => [s.name, s.visible])), selection: fake.selection, prompts: fake.log.prompts };
  });

describe("task pane inside WPS 表格 (the recording fake of the ET object model injected as window.Application, in real Chromium)", () => {
  it("starts in WPS mode without asking for office.js, runs 全部检查 into the open workbook, and leaves the user's sheets as they were", async () => {
    const external = h.external.length;
    const { page, errors } = await openInWps();
    await expect.poll(() => page.textContent("#mode"), { timeout: 15_000 }).toContain("WPS 模式");
    const before = await state(page);
    await page.click("#run-check");
    await expect.poll(() => page.textContent("#status"), { timeout: 30_000 }).toContain("全部检查完成");
    const after = await state(page);
    for (const name of before.names) expect(after.dumps[name], name).toBe(before.dumps[name]);
    expect(after.names).toEqual(expect.arrayContaining(["汇总", "校验结果", "监控预警", "自评复核对比", "公开版", "绩效加载项记录"]));
    expect(after.visible["绩效加载项记录"]).toBe(0);
    expect(after.prompts).toBe(0);
    await page.screenshot({ path: join(screenshotDir(), "wps.png"), fullPage: true });

    // 下载公文: the run's Word documents, as the page offers them.
    const offered = await downloadDocuments(page, tmpdir());
    expect(offered.name).toBe("公文.zip");
    expect([...offered.files.keys()]).toEqual(["再评价报告-网民留言办理平台运维.docx", "整改通知-网民留言办理平台运维.docx", "线索移交函-网民留言办理平台运维.docx", "预算绩效评价结果及应用情况报告.docx"]);
    for (const bytes of offered.files.values()) expect(Buffer.from(bytes).subarray(0, 2).toString()).toBe("PK");

    // A finding's cell is shown in WPS when it is clicked.
    const first = page.locator(".findings li.selectable").first();
    const where = (await first.locator(".where").textContent())!.trim();
    await first.click();
    await expect.poll(async () => (await state(page)).selection).toEqual({ sheet: where.slice(0, where.lastIndexOf("!")), address: where.slice(where.lastIndexOf("!") + 1) });

    // Running again replaces the add-in's sheets and nothing else.
    await page.click("#run-check");
    await expect.poll(() => page.textContent("#status"), { timeout: 30_000 }).toContain("全部检查完成");
    const again = await state(page);
    expect(again.names).toEqual(after.names);
    for (const name of before.names) expect(again.dumps[name], name).toBe(before.dumps[name]);
    expect(errors).toEqual([]);
    expect(h.external.slice(external)).toEqual([]);
    await page.close();
  });

  it("opens the task pane from the ribbon button of the packaged add-in, then hides and shows it", async () => {
    expect(existsSync(join(ROOT, "dist", "wps", "index.html")), "npm run build writes dist/wps").toBe(true);
    const { page, errors } = await openInWps("wps/index.html");
    const panes = () => page.evaluate(() => (window as unknown as { __fakeWps: FakeWps }).__fakeWps.panes.map((p) => ({ url: p.url, Visible: p.Visible })));
    const press = () => page.evaluate(() => (window as unknown as { OnAction: (c: { Id: string }) => boolean }).OnAction({ Id: "jixiaoOpenPane" }));
    expect(await page.evaluate(() => (window as unknown as { OnAddinLoad: (r: unknown) => boolean }).OnAddinLoad({}))).toBe(true);
    await press();
    const url = `${h.server.url}/wps/taskpane.html`;
    expect(await panes()).toEqual([{ url, Visible: true }]);
    await press();
    expect(await panes()).toEqual([{ url, Visible: false }]);
    await press();
    expect(await panes()).toEqual([{ url, Visible: true }]);
    const icon = await page.evaluate(() => (window as unknown as { GetImage: (c: { Id: string }) => string }).GetImage({ Id: "jixiaoOpenPane" }));
    expect((await page.request.get(`${h.server.url}/wps/${icon}`)).status()).toBe(200);
    expect(errors).toEqual([]);
    await page.close();

    // The pane the button opens is the task pane, and it starts in WPS mode from the package's folder.
    const pane = await openInWps("wps/taskpane.html");
    await expect.poll(() => pane.page.textContent("#mode"), { timeout: 15_000 }).toContain("WPS 模式");
    await pane.page.close();
  });
});

describe("读取方式 in the WPS pane", () => {
  it("shows the same view, and a column picked there reads the table right", async () => {
    const file = join(tmpdir(), `jixiao-reading-wps-${process.pid}.xlsx`);
    await (await buildWorkbook([countySelfEvaluation()])).xlsx.writeFile(file);
    const snap = await (await openWorkbookFile(file)).read();
    const data = snap.sheets.map(wpsSheetOf).map((s) => ({ name: s.name, cells: s.cells, visible: s.visible, numberFormats: [...s.numberFormats], merges: s.merges }));
    const { page, errors } = await h.open(
      undefined,
      { script: (arg) => ((window as unknown as { __WPS_SHEETS__: unknown }).__WPS_SHEETS__ = arg), arg: data },
      { path: "taskpane.html", scripts: [fakeWpsJs] },
    );
    await expect.poll(() => page.textContent("#mode"), { timeout: 15_000 }).toContain("WPS 模式");
    await page.click("#run-check");
    await expect.poll(() => page.textContent("#status"), { timeout: 30_000 }).toContain("全部检查完成");
    const conclusion = () => page.$eval("#project-table tbody tr", (tr) => tr.children[2].textContent);
    expect(await conclusion()).toContain("无法评定");
    await page.click("#reading-section summary");
    await page.selectOption('#reading-roles select[data-role="actual"]', { label: "E 列：考核结果" });
    await page.selectOption('#reading-roles select[data-role="score"]', { label: "F 列：评分" });
    await page.click("#reading-apply");
    await expect.poll(conclusion, { timeout: 30_000 }).toContain("自评 100 分（优）");
    expect(errors).toEqual([]);
    await page.close();
  });
});
