/**
 * Odd but possible workbooks (issue 23): a merge as large as the sheet, overlapping and reversed merges, a zip part
 * whose bytes no longer match its checksum, sheet names Excel opens but exceljs refuses, and result sheets named
 * after hostile project names. Read what is merely unusual; refuse what is corrupt; write only names Excel takes.
 */
import ExcelJS from "exceljs";
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main";
import { planWrite, safeSheetName, uniqueSheetName } from "../../src/core/owned";
import { readWorkbook } from "../../src/core/read/workbook";
import { openWorkbookFile } from "../../src/hosts/node-files";
import { addMerges, editedWorkbook } from "../corpus/generate";
import { buildWorkbook, targetSheet } from "../fixtures";

const dir = mkdtempSync(join(tmpdir(), "jixiao-odd-"));
const SHEET = "xl/worksheets/sheet1.xml";

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

async function target(file: string, edit: Record<string, (xml: string) => string | Buffer> = {}, stored = false): Promise<string> {
  const path = join(dir, file);
  writeFileSync(path, await editedWorkbook(await buildWorkbook([targetSheet()]), edit, stored));
  return path;
}

/** What the check says of a workbook: its projects with their findings' codes, and the workbook's own findings. */
async function verdicts(path: string, stream = false) {
  const host = await openWorkbookFile(path, stream ? { streamAbove: 0, window: 1 } : {});
  const read = readWorkbook(await host.read());
  return {
    projects: read.projects.map((p) => ({ sheet: p.sheet, indicators: p.indicators.map((i) => [i.level1, i.level2, i.level3, JSON.stringify(i.target)]) })),
    findings: read.findings.map((f) => ({ code: f.code, sheet: f.sheet, cell: f.cell, message: f.message })),
  };
}

describe("merged areas are ranges, never cells", () => {
  it("reads a target table beside a merge of J1:XFD1048576 as it reads the table alone, whole and as a stream", async () => {
    const plain = await verdicts(await target("无合并.xlsx"));
    const huge = await target("整表合并.xlsx", { [SHEET]: (x) => addMerges(x, ["J1:XFD1048576"]) });
    expect(plain.projects[0].indicators.length).toBeGreaterThan(5);
    expect(await verdicts(huge)).toEqual(plain);
    expect(await verdicts(huge, true)).toEqual(plain);
    const r = await cli("inventory", huge);
    expect(r.code, r.err).toBe(0);
  });

  it("reads a merge whose corners are written reversed as the merge, and shows its top-left value across it", async () => {
    // The official layout merges 一级指标 down its rows: written B11:A13 instead of A11:A13 it is the same merge.
    const path = await target("反向合并.xlsx", { [SHEET]: (x) => x.replace(/<mergeCell ref="A11:A\d+"\/>/, (m) => m.replace(/A11:A(\d+)/, "A$1:A11")) });
    expect(await verdicts(path)).toEqual(await verdicts(await target("无合并2.xlsx")));
  });

  it("sets aside a merge that overlaps an earlier one, as Excel does, and says which two, whole and as a stream", async () => {
    const path = await target("重叠合并.xlsx", { [SHEET]: (x) => addMerges(x, ["J1:K3", "K2:L4", "M5:N6", "M5:N6"]) });
    for (const stream of [false, true]) {
      const v = await verdicts(path, stream);
      expect(v.projects).toHaveLength(1);
      const ignored = v.findings.filter((f) => f.code === "merge-ignored");
      // M5:N6 written twice is one merge, not a conflict.
      expect(ignored).toEqual([expect.objectContaining({ sheet: "绩效目标申报表", cell: "K2:L4" })]);
      expect(ignored[0].message).toContain("与合并区域 J1:K3 重叠");
    }
  });
});

describe("a damaged zip is refused, never read", () => {
  it("refuses a stored sheet whose bytes no longer match its CRC-32, naming the part, exit 2, nothing read", async () => {
    const path = await target("改动过.xlsx", {}, true);
    const bytes = (await import("node:fs")).readFileSync(path);
    // The 年度资金总额 of 80 becomes 90 in the stored sheet, after zipping: the checksum no longer holds.
    const at = bytes.indexOf("<v>80</v>");
    expect(at).toBeGreaterThan(0);
    bytes.write("<v>90</v>", at);
    writeFileSync(path, bytes);
    for (const stream of [false, true]) {
      await expect(openWorkbookFile(path, stream ? { streamAbove: 0 } : {})).rejects.toThrow(/改动过\.xlsx 已损坏（其中 xl\/worksheets\/sheet1\.xml 部分校验不符）/);
    }
    const r = await cli("check", path, "--json");
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.out);
    expect(doc.projects).toEqual([]);
    expect(doc.errors[0].message).toContain("请从原始来源重新获取");
  });

  it("refuses a deflated part whose directory checksum was altered, and reads the same file untouched", async () => {
    const path = await target("校验和.xlsx");
    await expect(openWorkbookFile(path)).resolves.toBeDefined();
    const bytes = (await import("node:fs")).readFileSync(path);
    const central = bytes.lastIndexOf(Buffer.from(SHEET)) - 46;
    expect(bytes.readUInt32LE(central)).toBe(0x02014b50);
    bytes.writeUInt32LE((bytes.readUInt32LE(central + 16) ^ 1) >>> 0, central + 16);
    writeFileSync(path, bytes);
    await expect(openWorkbookFile(path)).rejects.toThrow(/已损坏（其中 xl\/worksheets\/sheet1\.xml 部分校验不符）/);
  });
});

describe("names as the file has them", () => {
  it("reads sheets and shared strings written in UTF-16 (as XML allows, with a byte-order mark) as their UTF-8 twin", async () => {
    const utf16 = (be: boolean) => (xml: string) => {
      const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml.replace(/encoding="UTF-8"/i, 'encoding="UTF-16"'), "utf16le")]);
      return be ? Buffer.from(le).swap16() : le;
    };
    const plain = await verdicts(await target("八位.xlsx"));
    for (const [file, be, stored] of [["十六位LE.xlsx", false, false], ["十六位BE.xlsx", true, true]] as const) {
      const path = await target(file, { [SHEET]: utf16(be), "xl/sharedStrings.xml": utf16(be), "xl/workbook.xml": utf16(be) }, stored);
      expect(await verdicts(path), file).toEqual(plain);
      expect(await verdicts(path, true), file).toEqual(plain);
    }
  });

  it("names a file whose name is GBK bytes (from a Chinese Windows share or zip) as GBK, and reads it from a folder and by name", async () => {
    const folder = join(dir, "国标码");
    mkdirSync(folder);
    const raw = Buffer.concat([Buffer.from(folder + "/"), Buffer.from([0xb2, 0xe2, 0xca, 0xd4]), Buffer.from(".xlsx")]); // 测试.xlsx in GBK
    writeFileSync(raw, await editedWorkbook(await buildWorkbook([targetSheet()]), {}));
    const shown = join(folder, "测试.xlsx");
    const r = await cli("check", folder, "--json", "--exit-zero");
    const out = JSON.parse(r.out);
    expect(out.errors).toEqual([]);
    expect(out.counts.projects).toBe(1);
    expect(out.projects[0].file).toBe(shown);
    expect((await cli("check", shown, "--json", "--exit-zero")).out).toBe(r.out);
    // Typed in a GBK terminal, the name reaches Node as bytes it cannot read as UTF-8: it is read from them, and named in Chinese.
    const bin = join(__dirname, "..", "..", "bin", "jixiao.js");
    const typed = spawnSync("bash", ["-c", `"${process.execPath}" "${bin}" check "${folder}/$(printf '\\xb2\\xe2\\xca\\xd4').xlsx" --json --exit-zero`], { encoding: "utf8" });
    expect(typed.status, typed.stderr).toBe(0);
    expect(JSON.parse(typed.stdout).projects[0].file).toBe(shown);
    const gone = spawnSync("bash", ["-c", `"${process.execPath}" "${bin}" check "${folder}/$(printf '\\xce\\xde\\xb4\\xcb').xlsx"`], { encoding: "utf8" });
    expect(gone.status).toBe(2);
    expect(gone.stdout + gone.stderr).toContain(`找不到文件或文件夹：${folder}/无此.xlsx`);
  });

  it("reads a sheet whose name has a slash (Excel opens it; exceljs alone calls the file damaged)", async () => {
    const path = await target("斜杠.xlsx", { "xl/workbook.xml": (x) => x.replace('name="绩效目标申报表"', 'name="2026/绩效目标"') });
    const v = await verdicts(path);
    expect(v.projects.map((p) => p.sheet)).toEqual(["2026/绩效目标"]);
  });

  it("refuses two sheets of one name in other case with a message that says so", async () => {
    const wb = await buildWorkbook([targetSheet(), { ...targetSheet(), name: "Sheet2" }]);
    const path = join(dir, "同名.xlsx");
    writeFileSync(path, await editedWorkbook(wb, { "xl/workbook.xml": (x) => x.replace('name="绩效目标申报表"', 'name="Abc"').replace('name="Sheet2"', 'name="aBC"') }));
    await expect(openWorkbookFile(path)).rejects.toThrow(/同名\.xlsx.*两张工作表同名/);
  });
});

describe("every sheet name written is one Excel takes", () => {
  const legal = (name: string) => name.length >= 1 && name.length <= 31 && !/[:\\/?*[\]]/.test(name) && !/^'|'$/.test(name) && !/[\ud800-\udbff]$/.test(name);

  it("cuts by UTF-16 units, never inside a surrogate pair, strips what Excel refuses, and numbers without case", () => {
    const emoji = "反馈通知书-'📊乡村振兴产业发展示范项目📊专项资金绩效评价补助资金";
    expect(safeSheetName(emoji).length).toBe(31);
    expect(safeSheetName("📊".repeat(20))).toBe("📊".repeat(15));
    expect(safeSheetName("再评价报告-'a:b/c?d*e[f]g\\h'")).toBe("再评价报告-'a_b_c_d_e_f_g_h");
    expect(safeSheetName("'''")).toBe("Sheet");
    expect(safeSheetName("x".repeat(30) + "'y")).toBe("x".repeat(30));
    const taken = new Set<string>();
    const names = ["ABC", "abc", "Abc"].map((n) => {
      const name = uniqueSheetName(n, (x) => taken.has(x.toLowerCase()));
      taken.add(name.toLowerCase());
      return name;
    });
    expect(names).toEqual(["ABC", "abc（2）", "Abc（3）"]);
    for (const n of [emoji, "📊".repeat(40)]) {
      const all = new Set<string>();
      for (let k = 0; k < 11; k++) {
        const name = uniqueSheetName(n, (x) => all.has(x.toLowerCase()));
        expect(legal(name), name).toBe(true);
        all.add(name.toLowerCase());
      }
      expect(all.size).toBe(11);
    }
  });

  it("moves a report past a user sheet that differs only in case", () => {
    const plan = planWrite({ file: "x.xlsx", sheets: [{ name: "ABC", rows: [], top: 0, left: 0, merges: [], hidden: false }] }, [{ name: "abc", rows: [] }]);
    expect(plan.specs[0].name).toBe("abc（绩效）");
  });

  it("writes results for hostile project names that exceljs and the tool itself read back", async () => {
    const folder = join(dir, "样例");
    cpSync(join(__dirname, "..", "..", "samples"), folder, { recursive: true });
    // The two reviewed projects of the samples, renamed in every workbook that names them.
    const renames: Record<string, string> = {
      第一次全国自然灾害综合风险普查经费: "'📊乡村振兴产业发展示范项目📊专项资金绩效评价补助资金（第一批）'",
      网民留言办理平台运维: "网民留言/办理:平台?运维*[二期]'",
    };
    for (const f of readdirSync(folder).filter((n) => n.endsWith(".xlsx"))) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(folder, f));
      let changed = false;
      wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => {
        const to = typeof c.value === "string" ? renames[c.value.trim()] : undefined;
        if (to) [c.value, changed] = [to, true];
      })));
      if (changed) await wb.xlsx.writeFile(join(folder, f));
    }
    const out = join(dir, "结果.xlsx");
    const r = await cli("check", folder, "--out", out, "--docx", join(dir, "公文"), "--exit-zero");
    expect(r.code, r.err).toBe(0);
    // The Word documents too get names every file system takes: none of \ / : * ? " < > |.
    const words = readdirSync(join(dir, "公文")).filter((w) => /^(反馈通知书|再评价报告)-/.test(w));
    expect(words).toHaveLength(2);
    for (const w of words) expect(w, w).toMatch(/^(反馈通知书|再评价报告)-[^\\/:*?"<>|]+\.docx$/);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    const names = back.worksheets.map((w) => w.name);
    const documents = names.filter((n) => /^(反馈通知书|再评价报告)-/.test(n));
    expect(documents).toHaveLength(2);
    for (const n of names) expect(legal(n), n).toBe(true);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    const again = await cli("check", folder, "--previous", out, "--out", join(dir, "再次.xlsx"), "--json", "--exit-zero");
    expect(again.code, again.err).toBe(0);
    expect(JSON.parse(again.out).errors).toEqual([]);
  });
});
