/**
 * The task pane in a Trident-like runtime: real Chromium with the ES2015+ globals and methods that Internet Explorer 11
 * (the webview of Office 2016/2019 volume licence) lacks removed before any page script runs. The ES5 bundle must
 * bring what it needs (core-js) and give the same results as on a modern page, with no error. This cannot prove
 * Trident's own parser, layout or quirks (es-check proves the syntax; there is no IE11 here); it proves that nothing
 * on the Excel path silently relies on a modern API.
 */
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isCellError, type CellValue } from "../../src/core/sheet";
import { openWorkbookFile } from "../../src/hosts/node-files";
import type { FakeValue } from "../fakes/fake-excel";
import "./fake-office-types";
import { Harness, ROOT } from "./harness";
import { MISSING_IN_IE11, strip } from "./ie11";

const DIST = join(ROOT, "dist");
const h = new Harness();
let fakeOfficeJs = "";
let sheets: { name: string; cells: FakeValue[][] }[] = [];

async function sampleSheets(file: string) {
  const snap = await (await openWorkbookFile(join(ROOT, "samples", file))).read();
  const plain = (v: CellValue): FakeValue => (v instanceof Date ? v.toISOString().slice(0, 10) : isCellError(v) ? { error: v.error } : v);
  return snap.sheets.map((s) => ({ name: s.name, cells: s.rows.map((r) => r.map(plain)) }));
}

beforeAll(async () => {
  // The fake Excel records calls through a Proxy and counts request bytes with a TextEncoder, which IE11 lacks; the
  // real office.js needs neither. The fake (test code, not the pane) uses the browser's own, kept aside at start.
  const out = await build({
    entryPoints: [join(__dirname, "fake-office.ts")], bundle: true, format: "iife", platform: "browser", write: false, logLevel: "silent",
    define: { Proxy: "window.__testProxy", TextEncoder: "window.__testTextEncoder" },
  });
  fakeOfficeJs = out.outputFiles[0].text;
  sheets = [...(await sampleSheets("政务服务中心-网民留言平台.xlsx")), ...(await sampleSheets("消防救援支队-城乡公共消防设施建设.xlsx"))];
  await h.start();
});
afterAll(() => h.stop());

/** The task pane in Excel (the fake), optionally in the Trident-like runtime; console errors collected. */
async function openPane(legacy: boolean): Promise<{ page: Page; errors: string[] }> {
  const opened = await h.open(fakeOfficeJs, {
    script: (arg) => {
      const a = arg as { sheets: unknown; missing: typeof MISSING_IN_IE11 | null; strip: string };
      const w = window as unknown as Record<string, unknown>;
      w.__FAKE_SHEETS__ = a.sheets;
      w.__FAKE_API__ = "1.1";
      w.__testProxy = w.Proxy;
      w.__testTextEncoder = w.TextEncoder;
      // eslint-disable-next-line no-new-func -- the test's own function, passed as text into the page
      if (a.missing) new Function("missing", `(${a.strip})(missing)`)(a.missing);
    },
    arg: { sheets, missing: legacy ? MISSING_IN_IE11 : null, strip: strip.toString() },
  });
  opened.page.on("console", (m) => {
    if (m.type() === "error") opened.errors.push(m.text());
  });
  await expect.poll(() => opened.page.textContent("#mode"), { timeout: 20_000 }).not.toBe("正在连接 Excel…");
  expect(await opened.page.textContent("#mode"), `${await opened.page.textContent("#status")} ${opened.errors.join(" | ")}`).toContain("Excel 模式");
  return opened;
}

async function fullCheck(page: Page) {
  await page.click("#run-check");
  await expect.poll(() => page.textContent("#status"), { timeout: 60_000 }).toMatch(/全部检查完成|出错/);
  expect(await page.textContent("#status")).toContain("全部检查完成");
  return {
    sheets: await page.evaluate(() => window.__fakeExcel!.sheets.map((s) => ({ name: s.name, cells: s.cells }))),
    // Plain DOM, not a locator: playwright's own selector engines would use the page's (polyfilled) Map.
    findings: await page.evaluate(() => Array.prototype.map.call(document.querySelectorAll(".findings li"), (li: Element) => li.textContent) as string[]),
  };
}

describe("task pane in the webviews of Office 2016/2019", () => {
  it("every script Excel mode loads is ES5 (es-check), and exceljs stays out of it", () => {
    const html = readFileSync(join(DIST, "taskpane.html"), "utf8");
    const scripts = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)].map((m) => m[1]).filter((s) => !/^https?:/.test(s));
    expect(scripts).toEqual(expect.arrayContaining(["legacy-guard.js", "taskpane.js"]));
    // Standards mode in the Internet Explorer webview, declared before any script; the guard runs before the bundle.
    expect(html.search(/X-UA-Compatible["']? content=["']?IE=edge/i)).toBeLessThan(html.indexOf("<script"));
    expect(html.indexOf("legacy-guard.js")).toBeLessThan(html.indexOf("taskpane.js"));
    const files = [...scripts, "commands.js"].map((s) => join(DIST, s));
    const out = execFileSync(process.execPath, [join(ROOT, "node_modules", "es-check", "lib", "cli", "index.js"), "es5", ...files], { encoding: "utf8" });
    expect(out).toMatch(/passed/i);
    // Nothing on the Excel path may need what no polyfill gives: a Proxy, or a regular expression that looks behind.
    const bundle = readFileSync(join(DIST, "taskpane.js"), "utf8");
    expect(bundle).not.toMatch(/\bnew Proxy\b|\(\?<[=!]/);
    // exceljs (ES2015+, standalone page only) is a chunk of its own, never part of what Excel mode loads.
    expect(readFileSync(join(DIST, "taskpane.js"), "utf8")).not.toContain("xl/styles.xml");
  });

  it("runs 全部检查 without Promise, Map, Symbol, fetch, TextEncoder and the other ES2015+ APIs, with the same results", { timeout: 120_000 }, async () => {
    const modern = await openPane(false);
    const expected = await fullCheck(modern.page);
    expect(modern.errors).toEqual([]);
    await modern.page.close();

    const legacy = await openPane(true);
    // The page really ran without them: fetch and TextEncoder have no polyfill, and Promise is core-js's.
    expect(await legacy.page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      // copyWithin is used nowhere, so it is still missing: the removal ran to its end.
      return [typeof w.fetch, typeof w.TextEncoder, typeof w.Promise, w.Promise === w.__removedPromise, typeof ([] as unknown as Record<string, unknown>).copyWithin];
    })).toEqual(["undefined", "undefined", "function", false, "undefined"]);
    const got = await fullCheck(legacy.page);
    expect(got.findings).toEqual(expected.findings);
    expect(got.sheets).toEqual(expected.sheets);
    expect(got.sheets.map((s) => s.name)).toContain("汇总");
    expect(legacy.errors.join("\n")).toBe("");
    await legacy.page.close();
  });

  it("shows a Chinese message naming the webview, not an endless 正在连接 Excel…, when the bundle cannot start", async () => {
    // A webview that cannot run the bundle at all: the bundle's first statement throws.
    const page = await h.browser.newPage();
    await page.route("**/taskpane.js", (route) => route.fulfill({ contentType: "text/javascript", body: "throw new SyntaxError('Expected identifier');" }));
    await page.route((url) => !url.href.startsWith(h.server.url), (route) => route.abort("internetdisconnected"));
    await page.goto(`${h.server.url}/taskpane.html`);
    await expect.poll(() => page.textContent("#status"), { timeout: 10_000 }).toContain("任务窗格无法在此 Office 中启动");
    const text = (await page.textContent("#status"))!;
    expect(text).toContain("Chromium");
    expect(text).toContain("独立网页版");
    expect(text).toContain("Expected identifier");
    expect(await page.textContent("#mode")).toBe("无法启动");
    await page.close();
  });
});
