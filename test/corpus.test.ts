import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main";
import { type CorpusEntry, generateCorpus } from "./corpus/generate";

const dir = mkdtempSync(join(tmpdir(), "jixiao-corpus-"));
let entries: CorpusEntry[] = [];
const hashes = new Map<string, string>();
const sha = (f: string) => createHash("sha256").update(readFileSync(join(dir, f))).digest("hex");

beforeAll(async () => {
  entries = await generateCorpus(dir);
  for (const f of readdirSync(dir)) hashes.set(f, sha(f));
}, 60_000);

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("hostile input corpus through the command line", () => {
  it("answers every file with findings or a Chinese error naming it, never crashes, and leaves every file as it was", async () => {
    const r = await cli("check", dir, "--json", "--out", join(dir, "..", `${Date.now()}-结果.xlsx`));
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.out);
    for (const e of entries) {
      // By the whole name: 一百万行.xlsx is not 声明一百万行.xlsx.
      const ofIt = (file: string) => basename(file) === e.file;
      const error = doc.errors.find((x: { file: string }) => ofIt(x.file));
      if (e.expect === "error") {
        expect(error, e.file).toBeDefined();
        expect(error.message).toMatch(e.message!);
        continue;
      }
      expect(error, `${e.file}: ${error?.message}`).toBeUndefined();
      const codes = [
        ...doc.projects.filter((p: { file: string }) => ofIt(p.file)).flatMap((p: { findings: { code: string }[] }) => p.findings.map((f) => f.code)),
        ...doc.findings.filter((f: { file: string }) => ofIt(f.file)).map((f: { code: string }) => f.code),
      ];
      const answered = doc.projects.some((p: { file: string }) => ofIt(p.file)) || doc.findings.some((f: { file: string }) => ofIt(f.file));
      expect(answered, e.file).toBe(true);
      for (const c of e.codes ?? []) expect(codes, e.file).toContain(c);
    }
    for (const [f, h] of hashes) expect(sha(f), f).toBe(h);
  });

  it("names the sheet and cell of what it cannot read", async () => {
    const r = await cli("check", join(dir, "日期逻辑值和全角数字.xlsx"), "--json");
    const findings = JSON.parse(r.out).projects[0].findings;
    expect(findings).toContainEqual(expect.objectContaining({ code: "unreadable-value", sheet: "绩效目标申报表", cell: "C6" }));
    expect(findings).toContainEqual(expect.objectContaining({ code: "unreadable-value", sheet: "绩效目标申报表", cell: "C7" }));
  });

  it("reads full-width digits, finds the grid after 10,000 blank rows, and cuts 50,000-character text to what a cell holds", async () => {
    const fw = JSON.parse((await cli("check", join(dir, "日期逻辑值和全角数字.xlsx"), "--json")).out).projects[0];
    expect(fw.findings.map((f: { code: string }) => f.code)).not.toContain("target-not-measurable");
    const gap = JSON.parse((await cli("check", join(dir, "表头与数据间一万空行.xlsx"), "--json")).out).projects[0];
    expect(gap.findings).toEqual([]);
    const out = join(dir, "..", `${Date.now()}-长.xlsx`);
    const r = await cli("check", join(dir, "五万字单元格.xlsx"), "--out", out);
    expect(r.code).toBeLessThan(2);
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    let longest = 0;
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => (longest = Math.max(longest, String(c.value ?? "").length)))));
    expect(longest).toBeLessThanOrEqual(32_767);
  });
});
