/**
 * 下载公文 in the standalone page, in real Chromium (issue 22): after 全部检查 the page offers the run's 公文 as one
 * .zip; the Word documents in it are laid out as the command line lays them out, their charts drawn by ECharts on the
 * page's canvas, and LibreOffice renders them on A4 with the figures and captions.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { downloadDocuments } from "./documents-zip";
import { Harness } from "./harness";

const work = mkdtempSync(join(tmpdir(), "jixiao-page-docs-"));
const h = new Harness();
beforeAll(() => h.start());
afterAll(() => h.stop());

describe("下载公文 in the standalone page", () => {
  it("downloads the run's Word documents as a .zip, with charts drawn in the page, that LibreOffice renders", async () => {
    const { page, errors } = await h.open();
    await expect.poll(() => page.textContent("#mode"), { timeout: 15_000 }).toContain("独立网页模式");
    expect(await page.isHidden("#download-documents")).toBe(true);
    await page.setInputFiles("#file-input", join(__dirname, "..", "..", "samples", "政务服务中心-网民留言平台.xlsx"));
    await expect.poll(() => page.textContent("#status"), { timeout: 15_000 }).toContain("已打开");
    await page.click("#run-check");
    await page.waitForSelector("#download-documents", { state: "visible", timeout: 30_000 });
    expect(await page.textContent("#status")).toContain("份公文可点“下载公文”下载");
    const { name, files: docs } = await downloadDocuments(page, work);
    expect(name).toBe("政务服务中心-网民留言平台-公文.zip");
    await expect.poll(() => page.textContent("#status")).toContain("已下载");
    const files = [...docs.keys()];
    expect(files).toEqual(["再评价报告-网民留言办理平台运维.docx", "整改通知-网民留言办理平台运维.docx", "线索移交函-网民留言办理平台运维.docx", "预算绩效评价结果及应用情况报告.docx"]);
    const report = await JSZip.loadAsync(docs.get("预算绩效评价结果及应用情况报告.docx")!);
    const media = Object.keys(report.files).filter((f) => f.startsWith("word/media/") && !report.files[f].dir);
    expect(media.length).toBeGreaterThanOrEqual(2);
    for (const m of media) {
      const png = Buffer.from(await report.file(m)!.async("uint8array"));
      expect(png.subarray(1, 4).toString(), m).toBe("PNG");
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], m).toEqual([1600, 900]);
    }
    for (const f of files) writeFileSync(join(work, f), docs.get(f)!);
    execFileSync("soffice", [`-env:UserInstallation=file://${join(work, "profile")}`, "--headless", "--convert-to", "pdf", "--outdir", work, ...files.map((f) => join(work, f))], { stdio: "ignore", timeout: 180_000 });
    for (const f of files) {
      const pdf = join(work, f.replace(/\.docx$/, ".pdf"));
      expect(execFileSync("pdfinfo", [pdf], { encoding: "utf8" })).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts/);
      const text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
      expect(text, f).toContain("网民留言办理平台运维".slice(0, 6));
      expect(text, f).toContain("双政办发〔2020〕23号");
    }
    const reportText = execFileSync("pdftotext", [join(work, "预算绩效评价结果及应用情况报告.pdf"), "-"], { encoding: "utf8" }).replace(/\s+/g, "");
    expect(reportText).toContain("图：绩效评价等级分布");
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);
});
