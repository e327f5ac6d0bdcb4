/**
 * 读取方式 in real Chromium (issue 20 §3): a self-evaluation whose value and score columns carry words the reader does
 * not know is 无法评定; the clerk picks the two columns in the page's 读取方式 view, the table is checked again and
 * graded; the profile is exported, and `jixiao check --layout` with that file reads the same workbook the same way.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWorkbook, countySelfEvaluation } from "../fixtures";
import { Harness, screenshotDir } from "./harness";

const work = mkdtempSync(join(tmpdir(), "jixiao-reading-"));
const h = new Harness();
beforeAll(() => h.start());
afterAll(() => h.stop());

const BIN = join(__dirname, "..", "..", "bin", "jixiao.js");

describe("读取方式 in the standalone page", () => {
  it("corrects a misread table once, in the page, and the exported profile reads it the same in the CLI", async () => {
    const file = join(work, "县公路中心-自评表.xlsx");
    await (await buildWorkbook([countySelfEvaluation()])).xlsx.writeFile(file);
    const { page, errors } = await h.open();
    await expect.poll(() => page.textContent("#mode"), { timeout: 15_000 }).toContain("独立网页模式");
    await page.setInputFiles("#file-input", file);
    await expect.poll(() => page.textContent("#status"), { timeout: 15_000 }).toContain("已打开");
    await page.click("#run-check");
    await page.waitForSelector("#download", { state: "visible", timeout: 20_000 });
    const conclusion = () => page.$eval("#project-table tbody tr", (tr) => [tr.children[2].textContent, tr.children[3].textContent]);
    // Neither the value nor the score column was read: no grade, and the 依据 says what is missing.
    const [before, basis] = await conclusion();
    expect(before).toContain("无法评定");
    expect(before).toContain("不给结果应用");
    expect(basis).toContain("缺 实际完成值列和得分列");

    await page.click("#reading-section summary");
    const missing = await page.$$eval("#reading-roles tr.missing td:first-child", (tds) => tds.map((td) => td.textContent));
    expect(missing).toEqual(["实际完成值（判定需要）", "得分（判定需要）"]);
    await page.selectOption('#reading-roles select[data-role="actual"]', { label: "E 列：考核结果" });
    await page.selectOption('#reading-roles select[data-role="score"]', { label: "F 列：评分" });
    await page.fill("#layout-name", "某县项目支出绩效自评表");
    await page.click("#reading-apply");
    await expect.poll(async () => (await conclusion())[0], { timeout: 20_000 }).toContain("自评 100 分（优）");
    expect((await conclusion())[1]).toContain("按表中数据重算");
    expect(await page.textContent("#reading-note")).toContain("按版式“某县项目支出绩效自评表”读取");
    await page.screenshot({ path: join(screenshotDir(), "reading.png"), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#layout-export")]);
    expect(download.suggestedFilename()).toBe("读取方式-版式.json");
    const layout = join(work, "版式.json");
    await download.saveAs(layout);
    const profiles = JSON.parse(readFileSync(layout, "utf8"));
    expect(profiles.map((p: { name: string }) => p.name)).toEqual(["某县项目支出绩效自评表"]);

    const run = (...args: string[]) => JSON.parse(spawnSync(process.execPath, [BIN, "check", file, "--json", "--exit-zero", ...args], { encoding: "utf8" }).stdout);
    expect(run().projects[0].selfEvaluation.grade).toBe("无法评定");
    const read = run("--layout", layout).projects[0];
    expect(read.selfEvaluation).toMatchObject({ score: 100, grade: "优", recomputed: true });
    expect(read.decision).toBe("优先保障");
    expect(read.reading.profile).toBe("某县项目支出绩效自评表");
    expect(errors).toEqual([]);
    await page.close();
  });
});
