/**
 * The pages opened from disk (file://), as an office without a server uses them: dist/jixiao.html, the single file,
 * copied alone into an empty folder, and the served taskpane.html. Real Chromium; every request that is not the page's
 * own file is recorded (and refused), and so is every breach of the page's Content-Security-Policy.
 */
import ExcelJS from "exceljs";
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCheck } from "../../src/app/actions";
import { KIND_NAMES } from "../../src/core/classify";
import { inventory } from "../../src/core/inventory";
import { DEFAULT_RULES } from "../../src/core/rules/ruleset";
import { ExcelJsHost } from "../../src/hosts/exceljs-host";
import { openWorkbookFile } from "../../src/hosts/node-files";
import { checkView } from "../../src/taskpane/view";
import { launchChromium } from "./chromium";
import { ROOT, screenshotDir } from "./harness";
import { MISSING_IN_IE11, strip } from "./ie11";

const DIST = join(ROOT, "dist");
const SAMPLE = "政务服务中心-网民留言平台.xlsx";
const work = mkdtempSync(join(tmpdir(), "jixiao-offline-"));
let browser: Browser;
/** The single file, alone in a folder of its own: nothing beside it to load. */
let offlineUrl = "";
/** What the command line's engine finds in the sample, and the result workbook it writes. */
let expected: { findings: string[]; projects: string[][]; workbook: ExcelJS.Workbook; sheets: string[] };

beforeAll(async () => {
  if (!existsSync(join(DIST, "jixiao.html"))) throw new Error("dist/jixiao.html is missing: run `npm run build` first");
  const alone = mkdtempSync(join(tmpdir(), "jixiao-single-"));
  copyFileSync(join(DIST, "jixiao.html"), join(alone, "jixiao.html"));
  offlineUrl = pathToFileURL(join(alone, "jixiao.html")).href;
  const source = await openWorkbookFile(join(ROOT, "samples", SAMPLE));
  const target = new ExcelJsHost(new ExcelJS.Workbook(), "结果");
  const { analysis } = await runCheck([source], target, DEFAULT_RULES);
  const view = checkView(analysis);
  expected = {
    findings: view.findings.map((f) => `${f.code}@${f.sheet ?? ""}${f.cell ? "!" + f.cell : ""}`).sort(),
    projects: view.projects,
    workbook: target.workbook,
    sheets: inventory([await source.read()]).map((r) => `${r.sheet} ${KIND_NAMES[r.classification.kind]}`),
  };
  browser = await launchChromium();
});
afterAll(() => browser?.close());

interface Opened {
  page: Page;
  errors: string[];
  /** Requests for anything but the page's own file, blob: and data: URLs. */
  external: string[];
  workers: string[];
  /** Breaches of the Content-Security-Policy the page reported. */
  violations(): Promise<string[]>;
}

async function openFile(url: string, init?: { script: (arg: unknown) => void; arg: unknown }, height = 760): Promise<Opened> {
  const page = await browser.newPage({ viewport: { width: 380, height }, acceptDownloads: true });
  const errors: string[] = [];
  const external: string[] = [];
  const workers: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("worker", (w) => workers.push(w.url()));
  page.on("request", (r) => {
    if (!/^(file|blob|data):/.test(r.url())) external.push(r.url());
  });
  // No network, as on a machine that has none.
  await page.route((u) => !/^(file|blob|data):/.test(u.href), (route) => route.abort("internetdisconnected"));
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  if (init) await page.addInitScript(init.script, init.arg);
  await page.goto(url);
  return { page, errors, external, workers, violations: () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations) };
}

/** Every finding the page lists, as code@sheet!cell, once the slices of the list are laid out. */
async function shownFindings(page: Page): Promise<string[]> {
  await expect.poll(() => page.$$eval("#finding-groups li", (lis) => lis.length), { timeout: 15_000 }).toBe(expected.findings.length);
  const shown = await page.$$eval("#finding-groups li", (lis) => lis.map((li) => `${(li as HTMLElement).dataset.code}@${li.querySelector(".where")?.textContent?.trim() ?? ""}`));
  return shown.sort();
}

async function checkSample(page: Page): Promise<void> {
  await page.setInputFiles("#file-input", join(ROOT, "samples", SAMPLE));
  await expect.poll(() => page.textContent("#status"), { timeout: 15_000 }).toContain(`已打开 ${SAMPLE}`);
  await page.click("#run-check");
  await page.waitForSelector("#download", { state: "visible", timeout: 60_000 });
  expect(await page.textContent("#status")).toContain("全部检查完成");
}

async function projects(page: Page): Promise<string[][]> {
  return page.$$eval("#project-table tbody tr", (trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent ?? "")));
}

const values = (wb: ExcelJS.Workbook, sheet: string) => {
  const rows: unknown[][] = [];
  wb.getWorksheet(sheet)!.eachRow((r, i) => rows.push([i, ...(r.values as unknown[]).slice(1)]));
  return rows;
};

async function downloaded(page: Page, name: string): Promise<ExcelJS.Workbook> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download")]);
  expect(download.suggestedFilename()).toBe(name);
  const saved = join(work, `${Date.now()}-${name}`);
  await download.saveAs(saved);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(saved);
  return wb;
}

describe("dist/jixiao.html, the single file, opened from disk", () => {
  it("opens a workbook, lists its sheets, checks it in a worker from the page itself, downloads the result and a template; nothing leaves the machine", { timeout: 120_000 }, async () => {
    const o = await openFile(offlineUrl);
    const { page } = o;
    await expect.poll(() => page.textContent("#mode"), { timeout: 15_000 }).toContain("独立网页模式（离线单文件版");

    // 工作表清单
    await page.setInputFiles("#file-input", join(ROOT, "samples", SAMPLE));
    await expect.poll(() => page.textContent("#status"), { timeout: 15_000 }).toContain(`已打开 ${SAMPLE}`);
    await page.click(".steps summary");
    await page.click("#run-inventory");
    await expect.poll(() => page.textContent("#status"), { timeout: 15_000 }).toContain("工作表清单完成");
    const listed = await page.$$eval("#result-table tbody tr", (trs) => trs.map((tr) => `${tr.children[0].textContent} ${tr.children[2].textContent}`));
    expect(listed).toEqual(expected.sheets);
    await page.click(".steps summary");

    // 全部检查, in a worker started from the code the page carries.
    await page.click("#run-check");
    await expect.poll(() => page.textContent("#status"), { timeout: 60_000 }).toContain("全部检查完成");
    expect(o.workers).toHaveLength(1);
    expect(o.workers[0]).toMatch(/^blob:/);
    expect(await shownFindings(page)).toEqual(expected.findings);
    expect(await projects(page)).toEqual(expected.projects);
    await page.screenshot({ path: join(screenshotDir(), "offline-check.png"), fullPage: true });

    // The result workbook, as the command line's engine writes it.
    const wb = await downloaded(page, "政务服务中心-网民留言平台-绩效结果.xlsx");
    expect(wb.worksheets.map((w) => w.name)).toEqual(expected.workbook.worksheets.map((w) => w.name));
    expect(values(wb, "校验结果")).toEqual(values(expected.workbook, "校验结果"));
    expect(values(wb, "自评复核对比")).toEqual(values(expected.workbook, "自评复核对比"));

    // 下载模板
    await page.selectOption("#template", "self-evaluation");
    const [template] = await Promise.all([page.waitForEvent("download"), page.click("#insert-template")]);
    expect(template.suggestedFilename()).toBe("绩效自评表.xlsx");
    const saved = join(work, "template.xlsx");
    await template.saveAs(saved);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(saved);
    expect(book.worksheets.map((w) => w.name)).toEqual(["绩效自评表", "填表说明"]);

    expect(o.errors).toEqual([]);
    expect(o.external).toEqual([]);
    expect(await o.violations()).toEqual([]);
    await page.close();
  });

  it("checks on the page itself when no Worker can start, with the same findings and a progress line", { timeout: 120_000 }, async () => {
    const o = await openFile(offlineUrl, {
      script: () => {
        const w = window as unknown as Record<string, unknown> & { __progress: string[] };
        delete w.Worker;
        // What the progress line said, in order.
        w.__progress = [];
        document.addEventListener("DOMContentLoaded", () => {
          const line = document.getElementById("progress-text")!;
          new MutationObserver(() => w.__progress.push(line.textContent ?? "")).observe(line, { childList: true, characterData: true, subtree: true });
        });
      },
      arg: null,
    });
    const { page } = o;
    await expect.poll(() => page.textContent("#mode"), { timeout: 15_000 }).toContain("独立网页模式");
    expect(await page.evaluate(() => typeof (window as unknown as Record<string, unknown>).Worker)).toBe("undefined");
    await checkSample(page);
    expect(o.workers).toEqual([]);
    expect(await shownFindings(page)).toEqual(expected.findings);
    expect(await projects(page)).toEqual(expected.projects);
    const progress = await page.evaluate(() => (window as unknown as { __progress: string[] }).__progress);
    expect(progress.some((p) => /^正在检查…分析项目 \d+\/\d+$/.test(p)), progress.join(" | ")).toBe(true);
    const wb = await downloaded(page, "政务服务中心-网民留言平台-绩效结果.xlsx");
    expect(values(wb, "校验结果")).toEqual(values(expected.workbook, "校验结果"));
    expect(o.errors).toEqual([]);
    expect(o.external).toEqual([]);
    expect(await o.violations()).toEqual([]);
    await page.close();
  });

  it("stays usable while it checks a large workbook by itself: the progress line counts the projects, and 取消 stops the run", { timeout: 180_000 }, async () => {
    const { listWorkbookBytes } = await import("../../scripts/bench-workbooks");
    const big = join(work, "两千个项目.xlsx");
    writeFileSync(big, await listWorkbookBytes(2000));
    const o = await openFile(offlineUrl, {
      script: () => {
        delete (window as unknown as Record<string, unknown>).Worker;
      },
      arg: null,
    }, 1600); // tall enough to show 取消 without scrolling while the page is busy
    const { page } = o;
    await expect.poll(() => page.textContent("#mode"), { timeout: 15_000 }).toContain("独立网页模式");
    await page.setInputFiles("#file-input", big);
    await expect.poll(() => page.textContent("#status"), { timeout: 60_000 }).toContain("已打开");
    // The progress line counts the projects while the check goes on. The page reports it as the line changes (a
    // question asked from outside would wait for the page's next turn).
    type Rect = { x: number; y: number; width: number; height: number };
    let seen: (r: Rect) => void = () => undefined;
    const analysing = new Promise<Rect>((resolve) => (seen = resolve));
    await page.exposeFunction("__analysing", (r: Rect) => seen(r));
    await page.evaluate(() => {
      const line = document.getElementById("progress-text")!;
      const report = (window as unknown as { __analysing: (r: DOMRect) => void }).__analysing;
      const watch = new MutationObserver(() => {
        if (!/^正在检查…分析项目 \d+\/2000$/.test(line.textContent ?? "")) return;
        watch.disconnect();
        report(document.getElementById("cancel")!.getBoundingClientRect().toJSON());
      });
      watch.observe(line, { childList: true, characterData: true, subtree: true });
    });
    await page.click("#run-check");
    const cancel = await analysing;
    expect(await page.textContent("#status")).toContain("改在本页中检查");
    // A click, as the user's mouse sends it, is heard between two steps and stops the run.
    await page.mouse.click(cancel.x + cancel.width / 2, cancel.y + cancel.height / 2);
    await expect.poll(() => page.textContent("#status"), { timeout: 60_000, message: JSON.stringify(cancel) }).toContain("已取消");
    expect(await page.isHidden("#download")).toBe(true);
    expect(await page.isDisabled("#run-check")).toBe(false);
    expect(o.errors).toEqual([]);
    await page.close();
  });

  it("carries its own scripts, style and icon and nothing else; the Content-Security-Policy forbids the network and allows workers from blob:", () => {
    const html = readFileSync(join(DIST, "jixiao.html"), "utf8");
    // Nothing is loaded from a file or an address: no src or href but data: URLs.
    const markup = html.replace(/<(script|style)\b([^>]*)>[\s\S]*?<\/\1>/gi, "<$1$2></$1>");
    expect([...markup.matchAll(/\s(src|href)=("[^"]*"|'[^']*'|[^\s>]+)/gi)].map((m) => m[2]).filter((v) => !/^"?data:/.test(v))).toEqual([]);
    const csp = /<meta http-equiv=Content-Security-Policy content="([^"]*)"/.exec(html)![1];
    const directives = Object.fromEntries(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    expect(directives["default-src"]).toEqual(["'none'"]);
    for (const k of ["connect-src", "frame-src", "object-src"]) expect(directives[k] ?? directives["default-src"]).toEqual(["'none'"]);
    expect(directives["worker-src"]).toEqual(["blob:"]);
    expect(directives["script-src"].every((s: string) => /^'sha256-[A-Za-z0-9+/=]+'$/.test(s))).toBe(true);
    expect(directives["img-src"]).toEqual(["data:"]);
  });
});

describe("dist/jixiao.html in the webviews of old Edge and Internet Explorer", () => {
  it("its own scripts (the guard, the bundle) are ES5, and every ES2015+ chunk comes before the bundle", () => {
    const html = readFileSync(join(DIST, "jixiao.html"), "utf8");
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].map((m, i) => ({ i, attrs: m[1], code: m[2] }));
    const runs = scripts.filter((s) => !s.attrs.includes("text/plain"));
    const es5 = (code: string) => {
      const file = join(work, `script-${Math.random().toString(36).slice(2)}.js`);
      writeFileSync(file, code);
      try {
        execFileSync(process.execPath, [join(ROOT, "node_modules", "es-check", "lib", "cli", "index.js"), "es5", file], { encoding: "utf8", stdio: "pipe" });
        return true;
      } catch {
        return false;
      }
    };
    const guard = runs[0];
    const bundle = runs[runs.length - 1];
    expect(guard.code).toContain("__jixiaoLegacyBrowser");
    expect(bundle.code).toContain("独立网页需要较新的浏览器");
    expect(es5(guard.code)).toBe(true);
    expect(es5(bundle.code)).toBe(true);
    // A chunk Internet Explorer cannot parse fails before the bundle runs, and the bundle's message has the last word.
    const modern = runs.filter((s) => !es5(s.code));
    expect(modern.length).toBeGreaterThan(0);
    expect(modern.every((s) => s.attrs.includes("data-jixiao-chunk") && s.i < bundle.i)).toBe(true);
  });

  it("tells a browser without ES2015 that it needs a newer one, as the served page does, without a script error", { timeout: 60_000 }, async () => {
    const o = await openFile(offlineUrl, {
      script: (arg) => {
        const a = arg as { missing: typeof MISSING_IN_IE11; strip: string };
        // eslint-disable-next-line no-new-func -- the test's own function, passed as text into the page
        new Function("missing", `(${a.strip})(missing)`)(a.missing);
      },
      arg: { missing: MISSING_IN_IE11, strip: strip.toString() },
    });
    const { page } = o;
    await expect.poll(() => page.textContent("#status"), { timeout: 20_000 }).toContain("独立网页需要较新的浏览器");
    expect(await page.textContent("#mode")).toContain("独立网页模式");
    expect(await page.getAttribute("#status", "class")).toContain("error");
    expect(await page.isHidden("#file-section")).toBe(true);
    expect(o.errors).toEqual([]);
    expect(o.external).toEqual([]);
    await page.close();
  });
  it("names the browser and the way out, not an endless 正在连接 Excel…, when its scripts cannot run", { timeout: 60_000 }, async () => {
    // Every chunk and the bundle touch webpack's chunk list first: here that throws, as a script this browser cannot
    // parse would.
    const o = await openFile(offlineUrl, {
      script: () => {
        Object.defineProperty(window, "webpackChunkjixiao_addin", {
          get() {
            throw new SyntaxError("Expected identifier");
          },
        });
      },
      arg: null,
    });
    const { page } = o;
    await expect.poll(() => page.textContent("#status"), { timeout: 20_000 }).toContain("本页无法在此浏览器中启动");
    const text = (await page.textContent("#status"))!;
    expect(text).toContain("Chromium");
    expect(text).toContain("Chrome、新版 Edge");
    expect(text).toContain("Expected identifier");
    expect(text).not.toContain("Office");
    expect(await page.textContent("#mode")).toBe("无法启动");
    expect(o.external).toEqual([]);
    await page.close();
  });
});

describe("dist/taskpane.html, the served page, opened from disk", () => {
  it("checks a workbook, on the page itself where file:// refuses a worker, and downloads the result", { timeout: 120_000 }, async () => {
    const o = await openFile(pathToFileURL(join(DIST, "taskpane.html")).href);
    const { page } = o;
    await expect.poll(() => page.textContent("#mode"), { timeout: 15_000 }).toContain("独立网页模式");
    await checkSample(page);
    expect(await shownFindings(page)).toEqual(expected.findings);
    const wb = await downloaded(page, "政务服务中心-网民留言平台-绩效结果.xlsx");
    expect(values(wb, "校验结果")).toEqual(values(expected.workbook, "校验结果"));
    expect(o.errors).toEqual([]);
    // The served page asks for office.js (refused here), and for nothing else.
    expect(o.external.every((u) => u.startsWith("https://appsforoffice.microsoft.com/"))).toBe(true);
    await page.close();
  });
});
