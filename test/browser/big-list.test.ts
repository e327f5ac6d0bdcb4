/**
 * A workbook too big for the page (past PAGE_LIMITS, but no zip bomb: a province's export) is not opened in the
 * page: the page says so in Chinese, names the file, and gives the command-line command that reads it as a stream.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PAGE_LIMITS } from "../../src/hosts/host";
import { type ZipEntry, zipDirectory } from "../../src/hosts/zip-limits";
import { sheetXml, workbookZip } from "../corpus/generate";
import { Harness } from "./harness";

const h = new Harness();
beforeAll(() => h.start());
afterAll(() => h.stop());

describe("a list too big for the page", () => {
  it("is refused with the command that checks it, and the page stays usable", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-big-page-"));
    const file = join(dir, "全省绩效目标清单.xlsx");
    // 340,000 rows of varied text and numbers: about 73 MB unzipped at an ordinary ratio.
    const zip = workbookZip(sheetXml("A1:D340000", 340_000, (r) =>
      `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>项目${(r * 7919) % 1_000_003}</t></is></c><c r="B${r}" t="inlineStr"><is><t>第${r % 977}部门</t></is></c><c r="C${r}"><v>${(r * 104729) % 100_003}</v></c><c r="D${r}"><v>${r / 7}</v></c></row>`));
    writeFileSync(file, zip);
    const sheet = (zipDirectory(zip) as ZipEntry[]).find((e) => e.name === "xl/worksheets/sheet1.xml")!;
    expect(sheet.uncompressedSize).toBeGreaterThan(PAGE_LIMITS.uncompressedBytes);
    expect(sheet.uncompressedSize / sheet.compressedSize).toBeLessThan(PAGE_LIMITS.partRatio);
    const { page, errors } = await h.open();
    await expect.poll(() => page.textContent("#mode"), { timeout: 15_000 }).toContain("独立网页模式");
    await page.setInputFiles("#file-input", file);
    await expect.poll(() => page.textContent("#status"), { timeout: 30_000 }).toMatch(/超过/);
    const status = (await page.textContent("#status"))!;
    expect(status).toContain("全省绩效目标清单.xlsx");
    expect(status).toContain('jixiao check "全省绩效目标清单.xlsx" --out 结果.xlsx');
    expect(await page.isDisabled("#run-check")).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
