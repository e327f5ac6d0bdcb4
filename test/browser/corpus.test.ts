import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CorpusEntry, generateCorpus } from "../corpus/generate";
import { Harness } from "./harness";

const h = new Harness();
const dir = mkdtempSync(join(tmpdir(), "jixiao-corpus-page-"));
let entries: CorpusEntry[] = [];

beforeAll(async () => {
  entries = await generateCorpus(dir);
  await h.start();
}, 60_000);
afterAll(() => h.stop());

const sha = (f: string) => createHash("sha256").update(readFileSync(join(dir, f))).digest("hex");

describe("hostile input corpus in the standalone page", () => {
  it("answers every file with a result or a Chinese message naming it, and the page keeps working", async () => {
    const before = new Map(readdirSync(dir).map((f) => [f, sha(f)]));
    const { page, errors } = await h.open();
    await expect.poll(() => page.textContent("#mode"), { timeout: 15_000 }).toContain("独立网页模式");
    for (const e of entries) {
      await page.setInputFiles("#file-input", join(dir, e.file));
      await expect.poll(() => page.textContent("#status"), { timeout: 30_000, message: e.file }).toMatch(/已打开|无法打开|不是|超过|损坏|加密|空文件/);
      const status = (await page.textContent("#status"))!;
      if (e.expect === "error") {
        expect(status, e.file).toContain(e.file);
        expect(await page.getAttribute("#status", "class"), e.file).toContain("error");
        expect(await page.isDisabled("#run-check"), e.file).toBe(true);
        continue;
      }
      expect(status, e.file).toContain(`已打开 ${e.file}`);
      await page.click("#run-check");
      await expect.poll(() => page.textContent("#status"), { timeout: 60_000, message: e.file }).toMatch(/全部检查完成|出错/);
      expect(await page.textContent("#status"), e.file).toContain("全部检查完成");
      for (const code of e.codes ?? []) {
        expect(await page.$$eval("#finding-groups li", (lis) => lis.map((li) => (li as HTMLElement).dataset.code)), e.file).toContain(code);
      }
    }
    expect(errors).toEqual([]);
    for (const [f, hash] of before) expect(sha(f), f).toBe(hash);
    await page.close();
  }, 240_000);
});
