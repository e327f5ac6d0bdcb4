import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { inflateRawSync, constants } from "node:zlib";
import { describe, expect, it } from "vitest";
import { STREAM_LIMITS, WORKBOOK_LIMITS } from "../../src/hosts/host";
import { declaredSize, streamLimitProblem, workbookLimitProblem, type ZipEntry, zipDirectory } from "../../src/hosts/zip-limits";
import { workbookZip } from "../corpus/generate";

const SAMPLES = join(__dirname, "..", "..", "samples");
const inflate = (d: Uint8Array) => inflateRawSync(d, { finishFlush: constants.Z_SYNC_FLUSH });
const sheet = (dimension: string, rows: string) =>
  Buffer.from(`<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="${dimension}"/><sheetData>${rows}</sheetData></worksheet>`);

describe("limits before parsing (the zip directory and a sheet's first bytes)", () => {
  it("lets every bundled sample and template through", async () => {
    for (const dir of [SAMPLES, join(__dirname, "..", "..", "templates")]) {
      for (const f of readdirSync(dir).filter((x) => x.endsWith(".xlsx"))) expect(await workbookLimitProblem(f, readFileSync(join(dir, f)), inflate), f).toBeNull();
    }
  });

  it("reads the directory of a zip without inflating it, and says null for bytes that are not one", () => {
    const zip = workbookZip(sheet("A1:C3", ""));
    const entries = zipDirectory(zip);
    expect(Array.isArray(entries) && entries.map((e) => e.name)).toEqual(["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml"]);
    expect(zipDirectory(Buffer.from("项目名称,金额\n"))).toBeNull();
    expect(zipDirectory(zip.subarray(0, zip.length - 30))).toBeNull();
  });

  it("reads a sheet's declared size as Excel writes it", () => {
    expect(declaredSize('<dimension ref="A1:XFD1048576"/>')).toEqual({ rows: 1_048_576, columns: 16_384, ref: "A1:XFD1048576" });
    expect(declaredSize('<x:dimension ref="B2"/>')).toEqual({ rows: 1, columns: 1, ref: "B2" });
    expect(declaredSize("<sheetData/>")).toBeNull();
  });

  it("refuses past each budget, naming the file, the part and the limit", async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${(i * 7919) % 10007}</v></c></row>`).join("");
    const zip = workbookZip(sheet("A1:A2000", rows));
    expect(await workbookLimitProblem("小.xlsx", zip, inflate)).toBeNull();
    expect(await workbookLimitProblem("小.xlsx", zip, inflate, { ...WORKBOOK_LIMITS, uncompressedBytes: 10_000 })).toMatch(/^文件 小\.xlsx 解压后有 .* KB，超过 9\.8 KB 的上限，未打开。/);
    // 1.2 MB of one character zips to about 1.2 KB: 1000:1.
    const bomb = workbookZip(sheet("A1", `<row r="1"><c r="A1" t="inlineStr"><is><t>${"炸".repeat(400_000)}</t></is></c></row>`));
    expect(await workbookLimitProblem("炸.xlsx", bomb, inflate)).toMatch(/^文件 炸\.xlsx 中的 xl\/worksheets\/sheet1\.xml 压缩比为 \d{3,}:1，超过 100:1 的上限/);
    const declared = workbookZip(sheet("A1:Z100000", rows));
    expect(await workbookLimitProblem("大.xlsx", declared, inflate)).toBe("文件 大.xlsx 的工作表 xl/worksheets/sheet1.xml 声明了 100,000 行 × 26 列（A1:Z100000），超过 2,000,000 个单元格的上限，未打开。请拆分后再处理。");
    // Without a way to inflate (a browser without DecompressionStream) the declared size is not looked at.
    expect(await workbookLimitProblem("大.xlsx", declared)).toBeNull();
  });
});

describe("limits for a workbook read as a stream (issue 21)", () => {
  const rows = Array.from({ length: 3000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${(i * 7919) % 10007}</v></c></row>`).join("");

  it("lets a big workbook through on its size alone, however large beyond the whole-read budget", async () => {
    const zip = workbookZip(sheet("A1:A3000", rows));
    const entries = zipDirectory(zip) as ZipEntry[];
    expect(await streamLimitProblem("大.xlsx", zip, entries, inflate)).toBeNull();
    // The same bytes are over a whole-read budget this small, and not over the stream's.
    expect(await workbookLimitProblem("大.xlsx", zip, inflate, { ...WORKBOOK_LIMITS, uncompressedBytes: 10_000 })).not.toBeNull();
  });

  it("refuses what is dangerous: a sheet part past its cap, a zip bomb, a dimension outside Excel's grid", async () => {
    const zip = workbookZip(sheet("A1:A3000", rows));
    const entries = zipDirectory(zip) as ZipEntry[];
    expect(await streamLimitProblem("大.xlsx", zip, entries, inflate, { ...STREAM_LIMITS, sheetPartBytes: 10_000 }))
      .toMatch(/^文件 大\.xlsx 中的 xl\/worksheets\/sheet1\.xml 解压后有 .* KB，超过一张工作表最多 1,048,576 行所能容纳的 9\.8 KB 的上限，未打开。$/);
    const bomb = workbookZip(sheet("A1", `<row r="1"><c r="A1" t="inlineStr"><is><t>${"炸".repeat(400_000)}</t></is></c></row>`));
    expect(await streamLimitProblem("炸.xlsx", bomb, zipDirectory(bomb) as ZipEntry[], inflate)).toMatch(/^文件 炸\.xlsx 中的 xl\/worksheets\/sheet1\.xml 压缩比为 \d{3,}:1，超过 100:1 的上限/);
    const wide = workbookZip(sheet("A1:XFE2", ""));
    expect(await streamLimitProblem("宽.xlsx", wide, zipDirectory(wide) as ZipEntry[], inflate)).toMatch(/声明了 2 行 × 16385 列（A1:XFE2），超出 Excel 工作表 1,048,576 行 × 16,384 列的范围/);
    const tall = workbookZip(sheet("A1:Z1048576", ""));
    expect(await streamLimitProblem("高.xlsx", tall, zipDirectory(tall) as ZipEntry[], inflate)).toBeNull();
  });
});
