import ExcelJS from "exceljs";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { csvWorkbook, parseCsv } from "../src/core/csv";
import { decodeCsv } from "../src/hosts/csv-text";
import { REGISTER_SHEET } from "../src/core/owned";
import { StreamingFileHost } from "../src/hosts/node-files";

// A clerk's day with the command line (issue 19): inputs are never overwritten, everything found is shown, other
// files are named, and help works like a real CLI's. Every case runs the built CLI on real files.

const ROOT = join(__dirname, "..");
const BIN = join(ROOT, "bin", "jixiao.js");
const SAMPLES = join(ROOT, "samples");
const LIST = "文化广电和旅游局等-绩效目标清单.xlsx";

function jixiao(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const scratch = (name: string) => mkdtempSync(join(tmpdir(), `jixiao-${name}-`));
const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

/** Every file under a folder with its hash, by relative path. */
function hashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[relative(dir, p)] = sha(p);
    }
  };
  walk(dir);
  return out;
}

function copyOfSamples(): string {
  const dir = join(scratch("samples"), "samples");
  cpSync(SAMPLES, dir, { recursive: true });
  return dir;
}

async function sheetNames(path: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb.worksheets.map((w) => w.name);
}

describe("inputs are sacred: --out", () => {
  it("refuses an --out that is one of the inputs, and leaves it byte-identical", () => {
    const dir = copyOfSamples();
    const input = join(dir, "财政局-预算项目清单.xlsx");
    const before = sha(input);
    const r = jixiao("check", dir, "--out", input);
    expect(r.code).toBe(2);
    expect(r.err).toContain("是本次要读取的输入文件");
    expect(r.out).toBe("");
    expect(sha(input)).toBe(before);
  });

  it("refuses an input given by a path spelt differently (./, ..) and one given with --previous", () => {
    const dir = copyOfSamples();
    const input = join(dir, "财政局-预算项目清单.xlsx");
    const other = scratch("other");
    const r = jixiao("check", join(dir, "财政局-预算项目清单.xlsx"), "--out", join(dir, ".", "..", "samples", "财政局-预算项目清单.xlsx"));
    expect([r.code, r.err]).toEqual([2, expect.stringContaining("输入文件")]);
    const last = join(dir, "财政局-2025年度绩效评价结果.xlsx");
    const before = sha(last);
    const p = jixiao("check", input, "--previous", last, "--out", last, "--force");
    expect([p.code, p.err]).toEqual([2, expect.stringContaining("输入文件")]);
    expect(sha(last)).toBe(before);
    expect(readdirSync(other)).toEqual([]);
  });

  it("refuses an --out inside a folder being scanned, writing nothing there", () => {
    const dir = copyOfSamples();
    const before = hashes(dir);
    const r = jixiao("check", dir, "--out", join(dir, "结果", "结果.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("在要读取的文件夹");
    expect(hashes(dir)).toEqual(before);
  });

  it("refuses an --out that is not .xlsx (an Excel file named .csv would mislead)", () => {
    const out = join(scratch("csv"), "结果.csv");
    const r = jixiao("check", SAMPLES, "--out", out);
    expect([r.code, existsSync(out)]).toEqual([2, false]);
    expect(r.err).toContain("--out 应为 .xlsx 文件");
    expect(jixiao("inventory", SAMPLES, "--out", out).code).toBe(2);
  });

  it("replaces its own result workbook, refuses anyone else's unless --force, for check and inventory", async () => {
    const dir = scratch("replace");
    const out = join(dir, "结果.xlsx");
    expect(jixiao("check", SAMPLES, "--out", out, "--exit-zero").code).toBe(0);
    const first = statSync(out).mtimeMs;
    // Its own result: replaced without asking.
    expect(jixiao("check", SAMPLES, "--out", out, "--exit-zero").code).toBe(0);
    expect(statSync(out).mtimeMs).toBeGreaterThanOrEqual(first);
    expect(await sheetNames(out)).toContain(REGISTER_SHEET);
    // A user's workbook that happens to have that name: refused, unchanged.
    const user = join(dir, "我的表.xlsx");
    cpSync(join(SAMPLES, LIST), user);
    const before = sha(user);
    for (const command of ["check", "inventory"]) {
      const r = jixiao(command, SAMPLES, "--out", user);
      expect(r.code).toBe(2);
      expect(r.err).toContain("已存在，不是本工具写的结果工作簿");
      expect(r.err).toContain("--force");
      expect(sha(user)).toBe(before);
    }
    // A result workbook into which the user added a sheet of their own is theirs now.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    wb.addWorksheet("我的批注").getCell("A1").value = "请勿删除";
    await wb.xlsx.writeFile(out);
    const annotated = jixiao("check", SAMPLES, "--out", out, "--exit-zero");
    expect([annotated.code, annotated.err]).toEqual([2, expect.stringContaining("“我的批注”不是本工具写的")]);
    // --force: the user said so.
    expect(jixiao("check", SAMPLES, "--out", user, "--exit-zero", "--force").code).toBe(0);
    expect(await sheetNames(user)).toContain(REGISTER_SHEET);
  });

  it("writes through a temporary file: a write that fails half-way leaves the old file whole and no litter", async () => {
    const dir = scratch("atomic");
    const out = join(dir, "结果.xlsx");
    await new StreamingFileHost(out).write([{ name: "汇总", rows: [[{ value: "旧结果" }]] }]);
    const before = sha(out);
    const broken = {
      name: "校验结果",
      get rows(): never {
        throw new Error("interrupted");
      },
    };
    await expect(new StreamingFileHost(out).write([{ name: "汇总", rows: [[{ value: "新结果" }]] }, broken as never])).rejects.toThrow("interrupted");
    // Give a file stream the writer may have opened time to do what it would do to the old file.
    await new Promise((done) => setTimeout(done, 500));
    expect(sha(out)).toBe(before);
    expect(readdirSync(dir)).toEqual(["结果.xlsx"]);
  });

  it("leaves every input of a folder run byte-identical", () => {
    const dir = copyOfSamples();
    const before = hashes(dir);
    const out = join(scratch("out"), "结果.xlsx");
    expect(jixiao("check", dir, "--out", out, "--exit-zero").code).toBe(0);
    expect(jixiao("inventory", dir, "--out", join(scratch("inv"), "清单.xlsx")).code).toBe(0);
    expect(hashes(dir)).toEqual(before);
  });
});

describe("everything found is shown", () => {
  const r = jixiao("check", SAMPLES);
  const doc = JSON.parse(jixiao("check", SAMPLES, "--json").out);
  const warnings = [...doc.projects.flatMap((p: { findings: { severity: string }[] }) => p.findings), ...doc.findings].filter((f) => f.severity === "warning");

  it("prints every warning, grouped under its project as errors are", () => {
    expect(warnings.length).toBeGreaterThan(5);
    for (const w of warnings as { code: string; message: string }[]) expect(r.out).toContain(`[${w.code}] ${w.message}`);
    // A project's warnings sit under its heading, before the next project's.
    const block = r.out.split("■ ").find((b) => b.startsWith("融媒体中心-政务新媒体运维.xlsx · 政务新媒体矩阵运维 · 绩效目标申报表"));
    expect(block).toContain("[copied-indicators]");
  });

  it("--quiet lists errors only; --max-warnings N fails a run with more warnings, as ESLint does", () => {
    const quiet = jixiao("check", SAMPLES, "--quiet");
    expect(quiet.out).not.toContain("[copied-indicators]");
    expect(quiet.out).toContain("[stop-funding]");
    expect(quiet.out).toContain(`另有警告 ${warnings.length} 条未列出`);
    // A list with warnings and no errors: within a limit of its count, over a limit one less.
    const list = join(SAMPLES, LIST);
    const doc1 = JSON.parse(jixiao("check", list, "--json").out);
    const severities = [...doc1.projects.flatMap((p: { findings: { severity: string }[] }) => p.findings), ...doc1.findings].map((f) => f.severity);
    const n = severities.filter((x) => x === "warning").length;
    expect([severities.includes("error"), n > 0]).toEqual([false, true]);
    expect(jixiao("check", list, "--max-warnings", String(n)).code).toBe(0);
    const over = jixiao("check", list, "--max-warnings", String(n - 1));
    expect([over.code, over.err.trim()]).toEqual([1, `警告 ${n} 条，超过 --max-warnings 规定的 ${n - 1} 条。`]);
    expect(jixiao("check", list, "--max-warnings", "x").code).toBe(2);
  });

  it("says first, and exits 2, when no table at all was recognised", async () => {
    const dir = scratch("blank");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").getCell("A1").value = "会议记录";
    await wb.xlsx.writeFile(join(dir, "空白.xlsx"));
    const blank = jixiao("check", dir, "--exit-zero");
    expect(blank.code).toBe(2);
    expect(blank.out.split("\n")[0]).toMatch(/^没有识别出任何绩效表/);
    expect(blank.out).toContain("[no-recognized-table]");
  });

  it("prints only the reasons when every file failed: no empty table, no zero totals", () => {
    const dir = scratch("failed");
    writeFileSync(join(dir, "坏文件.xlsx"), "not a zip");
    const r2 = jixiao("check", dir);
    expect(r2.code).toBe(2);
    expect(r2.out).toBe("");
    expect(r2.err).toContain("坏文件.xlsx");
    expect(r2.err).not.toContain("共 0 个");
  });
});

describe("other files are named", () => {
  it("lists each file a folder scan did not read, with why, in the output, the JSON and the result workbook", async () => {
    const dir = scratch("mixed");
    cpSync(join(SAMPLES, LIST), join(dir, LIST));
    for (const f of ["老表.xls", "报表.et", "说明.docx", "~$清单.xlsx"]) writeFileSync(join(dir, f), "x");
    const out = join(scratch("mixed-out"), "结果.xlsx");
    const r = jixiao("check", dir, "--out", out);
    expect(r.out).toMatch(/老表\.xls：旧版 Excel 格式（\.xls）：请用 Excel 或 WPS 另存为 \.xlsx/);
    expect(r.out).toMatch(/报表\.et：WPS 表格格式（\.et）：请在 WPS 中另存为 \.xlsx/);
    expect(r.out).toMatch(/说明\.docx：不是表格文件/);
    expect(r.out).toMatch(/~\$清单\.xlsx：.*临时锁文件/);
    const doc = JSON.parse(jixiao("check", dir, "--json").out);
    const notRead = doc.findings.filter((f: { code: string }) => f.code === "file-not-read");
    expect(notRead.map((f: { file: string; severity: string }) => [f.file.replace(/^.*[\\/]/, ""), f.severity])).toEqual(expect.arrayContaining([
      ["老表.xls", "warning"], ["报表.et", "warning"], ["说明.docx", "info"], ["~$清单.xlsx", "info"],
    ]));
    expect(notRead).toHaveLength(4);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const text: string[] = [];
    wb.getWorksheet("校验结果")!.eachRow((row) => row.eachCell((c) => text.push(String(c.value))));
    expect(text.join("\n")).toContain("老表.xls");
  });

  it("names the other files of a folder that holds no workbook, and exits 2", () => {
    const dir = scratch("xls-only");
    for (const f of ["甲.xls", "乙.et"]) writeFileSync(join(dir, f), "x");
    const r = jixiao("check", dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain("甲.xls");
    expect(r.err).toContain("乙.et");
    expect(r.err).toContain("没有找到可以读取的 .xlsx、.xlsm 或 .csv 文件");
  });

  it("refuses an .xls given by name with the same advice, naming the file", () => {
    const dir = scratch("xls");
    writeFileSync(join(dir, "旧表.xls"), "x");
    const r = jixiao("check", join(dir, "旧表.xls"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("旧表.xls 是旧版 Excel 格式");
  });
});

describe("CSV lists as budget systems export them", () => {
  async function listAsCsv(): Promise<string> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(SAMPLES, LIST));
    const ws = wb.worksheets[0];
    const lines: string[] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const cells: string[] = [];
      for (let c = 1; c <= ws.columnCount; c++) {
        const v = ws.getCell(r, c).value;
        const s = v === null || v === undefined ? "" : String(v);
        cells.push(/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
      }
      lines.push(cells.join(","));
    }
    return lines.join("\r\n") + "\r\n";
  }

  it("reads a UTF-8 and a GBK export of a target list as the same projects and findings as the workbook", async () => {
    const text = await listAsCsv();
    const dir = scratch("csv");
    writeFileSync(join(dir, "清单-UTF8.csv"), "\uFEFF" + text);
    // GBK bytes, as a Chinese Windows system writes them: TextDecoder can read GBK but not write it, so encode by table.
    const gbk = encodeGbk(text);
    expect(decodeCsv(gbk).encoding).toBe("GBK");
    writeFileSync(join(dir, "清单-GBK.csv"), gbk);
    const shape = (file: string) => {
      const doc = JSON.parse(jixiao("check", file, "--json").out);
      return doc.projects.map((p: { name: string; unit: string; targetVerdict: string; findings: { code: string; cell: string }[] }) =>
        [p.name, p.unit, p.targetVerdict, p.findings.map((f) => `${f.code}@${f.cell}`)]);
    };
    const xlsx = shape(join(SAMPLES, LIST));
    expect(xlsx.length).toBe(4);
    expect(shape(join(dir, "清单-UTF8.csv"))).toEqual(xlsx);
    expect(shape(join(dir, "清单-GBK.csv"))).toEqual(xlsx);
  });

  it("parses quotes, doubled quotes, line breaks inside fields, CRLF and tabs; keeps long codes and leading zeros as text", () => {
    expect(parseCsv('a,"b,c","say ""hi""","two\r\nlines"\r\nx,y\n')).toEqual([["a", "b,c", 'say "hi"', "two\r\nlines"], ["x", "y"]]);
    expect(parseCsv("项目\t金额\r\n甲\t3\r\n")).toEqual([["项目", "金额"], ["甲", "3"]]);
    const workbook = csvWorkbook("清单.csv", "项目编码,序号,金额\n2305002600000061234567,007,12.5\n");
    expect(workbook.sheets[0].name).toBe("清单");
    expect(workbook.sheets[0].rows[1]).toEqual(["2305002600000061234567", "007", 12.5]);
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from("甲\t1").flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8])]);
    expect(decodeCsv(utf16)).toEqual({ text: "甲\t1", encoding: "UTF-16LE" });
  });
});

/** GBK bytes of a text, found by decoding every two-byte GBK code once (TextEncoder only writes UTF-8). */
function encodeGbk(text: string): Uint8Array {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder("gbk");
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && ch !== "\uFFFD" && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const b = table.get(ch);
      if (!b) throw new Error(`not in GBK: ${ch}`);
      bytes.push(...b);
    }
  }
  return new Uint8Array(bytes);
}

describe("help like a real CLI", () => {
  it("jixiao help check and jixiao check --help print the command's help, with every option in the usage", () => {
    const a = jixiao("help", "check");
    const b = jixiao("check", "--help");
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(a.out).toBe(b.out);
    const usage = a.out.slice(0, a.out.indexOf("\n\n"));
    for (const o of ["--rules", "--month", "--previous", "--date", "--out", "--force", "--json", "--quiet", "--max-warnings", "--exit-zero"]) {
      expect(usage).toContain(`[${o}`);
    }
    expect(a.out).not.toContain("jixiao inventory <");
    expect(jixiao("help", "inventory").out).toBe(jixiao("inventory", "-h").out);
  });

  it("rejects unknown options with a suggestion, and options of the other command by name", () => {
    const typo = jixiao("check", SAMPLES, "--ouy", "x.xlsx");
    expect([typo.code, typo.out]).toEqual([2, ""]);
    expect(typo.err).toContain("未知选项：--ouy。您是不是想用 --out？");
    const misplaced = jixiao("inventory", SAMPLES, "--rules", "central");
    expect([misplaced.code, misplaced.err]).toEqual([2, expect.stringContaining("jixiao inventory 没有 --rules 选项")]);
    const command = jixiao("chekc", SAMPLES);
    expect([command.code, command.err]).toEqual([2, expect.stringContaining("您是不是想用 jixiao check？")]);
    const missing = jixiao("check", SAMPLES, "--out");
    expect([missing.code, missing.err]).toEqual([2, expect.stringContaining("选项 --out 后面要跟一个值")]);
  });

  it("ends quietly when its reader stops early (jixiao check … | head)", () => {
    const r = spawnSync("sh", ["-c", `"${process.execPath}" "${BIN}" check "${SAMPLES}" | head -n 1`], { encoding: "utf8", timeout: 120_000 });
    expect(r.stdout.trim()).toMatch(/^规则集/);
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
  });
});

describe("a long run says where it is, and folders read as Explorer lists them", () => {
  it("reads 单位2 before 单位10", () => {
    const dir = scratch("natural");
    for (const n of ["单位10", "单位2", "单位1"]) cpSync(join(SAMPLES, "政务公开办-基层政务公开.xlsx"), join(dir, `${n}.xlsx`));
    const d = JSON.parse(jixiao("check", dir, "--json", "--exit-zero").out);
    const files = [...new Set(d.projects.map((p: { file: string }) => relative(dir, p.file)))];
    expect(files).toEqual(["单位1.xlsx", "单位2.xlsx", "单位10.xlsx"]);
  });

  it("prints a one-line progress on a terminal only, never with --json", async () => {
    const { main } = await import("../src/cli/main");
    const lines: (string | null)[] = [];
    const io = { out: () => undefined, err: () => undefined, progress: (l: string | null) => lines.push(l) };
    expect(await main(["check", SAMPLES, "--exit-zero"], io)).toBe(0);
    expect(lines.some((l) => l !== null && /^读取文件 1\/\d+：/.test(l))).toBe(true);
    expect(lines.some((l) => l !== null && /分析项目 \d+\/\d+（已用 [\d.]+ 秒）$/.test(l))).toBe(true);
    // The line is cleared before the results are printed.
    expect(lines[lines.length - 1]).toBeNull();
    lines.length = 0;
    await main(["check", SAMPLES, "--json", "--exit-zero"], io);
    expect(lines.filter((l) => l !== null)).toEqual([]);
    // Not a terminal (a pipe, a log file): nothing but the results.
    expect(jixiao("check", SAMPLES, "--exit-zero").err).not.toContain("\r");
  });
});
