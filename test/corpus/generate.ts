/**
 * The hostile-input corpus, generated (no hand-made binaries): each entry is a file a unit might really send, or
 * one that should never crash us. `expect` says what a correct answer looks like.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { mkdirSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { crc32, deflateRawSync } from "node:zlib";
import { MAX_WORKBOOK_BYTES } from "../../src/hosts/host";
import { buildWorkbook, selfEvaluationSheet, type SheetDef, targetSheet, withCell } from "../fixtures";

export interface CorpusEntry {
  file: string;
  /** "error": refused with a message naming the file; "read": read, answered with findings. */
  expect: "error" | "read";
  /** A phrase the refusal message must contain. */
  message?: RegExp;
  /** Finding codes that must be among the answer. */
  codes?: string[];
}

const ICON = join(__dirname, "..", "..", "assets", "icon-32.png");

async function save(dir: string, file: string, wb: ExcelJS.Workbook): Promise<void> {
  writeFileSync(join(dir, file), Buffer.from(await wb.xlsx.writeBuffer()));
}

/** Every type exceljs can store, in turn, in every cell of a filled target table. */
function everyType(def: SheetDef): SheetDef {
  const kinds: unknown[] = [
    true, new Date(Date.UTC(2026, 0, 1)), { error: "#N/A" }, { richText: [{ text: "富" }, { text: "文本" }] },
    { text: "链接", hyperlink: "https://example.invalid" }, { formula: "1/0", result: { error: "#DIV/0!" } }, -0, "　",
  ];
  let k = 0;
  const rows = def.rows.map((r) => r.map((v) => (v === null ? v : (kinds[k++ % kinds.length] as SheetDef["rows"][number][number]))));
  return { ...def, rows };
}

/** A minimal OLE compound file, as an encrypted .xlsx (or an old .xls) begins: the header Excel writes. */
function oleFile(): Buffer {
  const b = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b, 0);
  b.writeUInt16LE(0x3e, 24);
  b.writeUInt16LE(0x3, 26);
  b.writeUInt16LE(0xfffe, 28);
  b.writeUInt16LE(9, 30);
  Buffer.from("EncryptionInfo", "utf16le").copy(b, 1024);
  return b;
}

/** A zip whose one member claims to be the workbook but is random bytes: it opens as a zip and fails as xlsx. */
function badZip(): Buffer {
  const data = deflateRawSync(Buffer.from("不是 XML".repeat(100)));
  const name = Buffer.from("xl/workbook.xml");
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(8, 8);
  header.writeUInt32LE(data.length, 18);
  header.writeUInt32LE(800, 22);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, name, data]);
}


/** A zip of the given parts, each deflated (PKWARE APPNOTE: local headers, then the central directory, then its end). */
export function zipOf(parts: [string, Buffer][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [file, content] of parts) {
    const data = deflateRawSync(content);
    const name = Buffer.from(file);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(content), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(content.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(content), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(content.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** A minimal .xlsx around one sheet's XML: enough parts for Excel and exceljs to call it a workbook. */
export function workbookZip(sheetXml: Buffer): Buffer {
  const x = (s: string) => Buffer.from(s);
  return zipOf([
    ["[Content_Types].xml", x('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')],
    ["_rels/.rels", x('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')],
    ["xl/workbook.xml", x('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="数据" sheetId="1" r:id="rId1"/></sheets></workbook>')],
    ["xl/_rels/workbook.xml.rels", x('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')],
    ["xl/worksheets/sheet1.xml", sheetXml],
  ]);
}

/** A sheet's XML: its dimension, then `rows` rows made by `row`. */
export function sheetXml(dimension: string, rows: number, row: (r: number) => string): Buffer {
  const chunks: string[] = [`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="${dimension}"/><sheetData>`];
  for (let r = 1; r <= rows; r++) chunks.push(row(r));
  chunks.push("</sheetData></worksheet>");
  return Buffer.from(chunks.join(""));
}

export async function generateCorpus(dir: string): Promise<CorpusEntry[]> {
  const entries: CorpusEntry[] = [];
  const add = (e: CorpusEntry) => entries.push(e);

  await save(dir, "空工作簿.xlsx", new ExcelJS.Workbook());
  add({ file: "空工作簿.xlsx", expect: "read", codes: ["no-recognized-table"] });

  const empty = new ExcelJS.Workbook();
  empty.addWorksheet("Sheet1");
  await save(dir, "只有空表.xlsx", empty);
  add({ file: "只有空表.xlsx", expect: "read", codes: ["no-recognized-table"] });

  const images = new ExcelJS.Workbook();
  const imageSheet = images.addWorksheet("图片");
  const id = images.addImage({ buffer: readFileSync(ICON) as unknown as ExcelJS.Buffer, extension: "png" });
  imageSheet.addImage(id, { tl: { col: 1, row: 1 }, ext: { width: 64, height: 64 } });
  await save(dir, "只有图片.xlsx", images);
  add({ file: "只有图片.xlsx", expect: "read", codes: ["no-recognized-table"] });

  await save(dir, "各种类型.xlsx", await buildWorkbook([everyType(targetSheet()), everyType(selfEvaluationSheet())]));
  add({ file: "各种类型.xlsx", expect: "read" });

  const merged = targetSheet();
  merged.merges = ["A1:H1", "A11:H18"];
  await save(dir, "合并整个指标区.xlsx", await buildWorkbook([merged]));
  add({ file: "合并整个指标区.xlsx", expect: "read" });

  let errors = selfEvaluationSheet();
  for (const c of ["C5", "D5", "E5", "G10", "H10", "F11", "H17", "G12"]) errors = withCell(errors, c, { formula: "NA()", result: { error: "#N/A" } });
  await save(dir, "公式错误.xlsx", await buildWorkbook([errors]));
  add({ file: "公式错误.xlsx", expect: "read", codes: ["formula-error"] });

  let odd = withCell(withCell(targetSheet(), "C6", new Date(Date.UTC(2026, 5, 1)) as never), "C7", true as never);
  odd = withCell(withCell(odd, "E11", "１２０"), "G11", "１５");
  await save(dir, "日期逻辑值和全角数字.xlsx", await buildWorkbook([odd]));
  add({ file: "日期逻辑值和全角数字.xlsx", expect: "read", codes: ["unreadable-value"] });

  const extreme = withCell(withCell(withCell(targetSheet(), "C6", 1e308), "C7", -1e308), "E11", 1e308);
  await save(dir, "极大数值和负数资金.xlsx", await buildWorkbook([withCell(extreme, "C8", -5)]));
  add({ file: "极大数值和负数资金.xlsx", expect: "read", codes: ["funds-mismatch"] });

  const long = "超长文本".repeat(12_500);
  await save(dir, "五万字单元格.xlsx", await buildWorkbook([withCell(withCell(targetSheet(), "B3", long), "B9", long)]));
  add({ file: "五万字单元格.xlsx", expect: "read" });

  const gap = targetSheet();
  gap.rows = [...gap.rows.slice(0, 10), ...Array.from({ length: 10_000 }, () => []), ...gap.rows.slice(10)];
  gap.merges = ["A1:H1"];
  await save(dir, "表头与数据间一万空行.xlsx", await buildWorkbook([gap]));
  add({ file: "表头与数据间一万空行.xlsx", expect: "read" });

  await save(dir, "奇怪的表名.xlsx", await buildWorkbook([{ ...targetSheet(), name: "目标'!#@ 表 😀 (1)" }, { ...selfEvaluationSheet(), name: "自评　表 %&^~" }]));
  add({ file: "奇怪的表名.xlsx", expect: "read" });

  const many = new ExcelJS.Workbook();
  for (let i = 0; i < 200; i++) many.addWorksheet(`表${i + 1}`).getCell("A1").value = i % 50 === 0 ? "项目支出绩效目标申报表" : `数据 ${i}`;
  await save(dir, "两百张表.xlsx", many);
  add({ file: "两百张表.xlsx", expect: "read", codes: ["sheet-skipped", "table-incomplete"] });

  const valid = Buffer.from(await (await buildWorkbook([targetSheet()])).xlsx.writeBuffer());
  writeFileSync(join(dir, "截断的压缩包.xlsx"), valid.subarray(0, Math.floor(valid.length / 2)));
  add({ file: "截断的压缩包.xlsx", expect: "error", message: /截断的压缩包\.xlsx.*(已损坏|不是)/ });
  writeFileSync(join(dir, "坏压缩包.xlsx"), badZip());
  add({ file: "坏压缩包.xlsx", expect: "error", message: /坏压缩包\.xlsx.*已损坏/ });

  writeFileSync(join(dir, "加密工作簿.xlsx"), oleFile());
  add({ file: "加密工作簿.xlsx", expect: "error", message: /加密工作簿\.xlsx.*密码/ });

  writeFileSync(join(dir, "其实是文本.xlsx"), "项目名称,金额\n消防,100\n");
  add({ file: "其实是文本.xlsx", expect: "error", message: /其实是文本\.xlsx.*不是 \.xlsx 工作簿/ });
  writeFileSync(join(dir, "其实是图片.xlsx"), readFileSync(ICON));
  add({ file: "其实是图片.xlsx", expect: "error", message: /其实是图片\.xlsx.*不是 \.xlsx 工作簿/ });

  // Over the limit: a sparse file, refused by its size before a byte is read.
  writeFileSync(join(dir, "超过大小上限.xlsx"), valid);
  truncateSync(join(dir, "超过大小上限.xlsx"), MAX_WORKBOOK_BYTES + 1024);
  add({ file: "超过大小上限.xlsx", expect: "error", message: /超过大小上限\.xlsx.*超过单个工作簿 50\.0 MB 的上限/ });

  // Odd but possible (issue 23): read what is merely unusual, refuse what is corrupt.
  const sheet = "xl/worksheets/sheet1.xml";
  writeFileSync(join(dir, "整表合并.xlsx"), await editedWorkbook(await buildWorkbook([targetSheet()]), { [sheet]: (x) => addMerges(x, ["J1:XFD1048576"]) }));
  add({ file: "整表合并.xlsx", expect: "read" });
  writeFileSync(join(dir, "重叠合并.xlsx"), await editedWorkbook(await buildWorkbook([targetSheet()]), { [sheet]: (x) => addMerges(x, ["C9:D12"]) }));
  add({ file: "重叠合并.xlsx", expect: "read", codes: ["merge-ignored"] });
  const utf16 = (xml: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml.replace(/encoding="UTF-8"/i, 'encoding="UTF-16"'), "utf16le")]);
  writeFileSync(join(dir, "UTF-16部件.xlsx"), await editedWorkbook(await buildWorkbook([targetSheet()]), { [sheet]: utf16, "xl/sharedStrings.xml": utf16 }));
  add({ file: "UTF-16部件.xlsx", expect: "read" });
  const altered = await editedWorkbook(await buildWorkbook([targetSheet()]), {}, true);
  altered.write("<v>90</v>", altered.indexOf("<v>80</v>"));
  writeFileSync(join(dir, "校验不符.xlsx"), altered);
  add({ file: "校验不符.xlsx", expect: "error", message: /校验不符\.xlsx 已损坏（其中 xl\/worksheets\/sheet1\.xml 部分校验不符）/ });

  entries.push(...hostileWorkbooks(dir));

  return entries;
}

/**
 * Built to exhaust memory (issue 12): 1,000,000 short rows (about 9 MB zipped, 50 MB unzipped), which Excel holds
 * and the stream reads (issue 21); an 18 MB cell of one character (a zip bomb, 1000:1) and a small sheet that
 * declares A1:Z1000000, both refused from the zip's directory or a sheet's first bytes before parsing. Generated,
 * never committed; the bench times them too.
 */
export function hostileWorkbooks(dir: string): CorpusEntry[] {
  mkdirSync(dir, { recursive: true });
  const entries: CorpusEntry[] = [];
  const add = (e: CorpusEntry) => entries.push(e);
  writeFileSync(join(dir, "一百万行.xlsx"), workbookZip(sheetXml("A1:A1000000", 1_000_000, (r) => `<row r="${r}"><c r="A${r}"><v>${(r * 7919) % 100_003}</v></c></row>`)));
  // A million rows fit in Excel: read as a stream (issue 21), found to hold no table, never refused for its size.
  add({ file: "一百万行.xlsx", expect: "read", codes: ["no-recognized-table", "sheet-skipped"] });
  writeFileSync(join(dir, "压缩炸弹.xlsx"), workbookZip(sheetXml("A1:B1", 1, () => `<row r="1"><c r="A1" t="inlineStr"><is><t>${"炸".repeat(6_000_000)}</t></is></c></row>`)));
  add({ file: "压缩炸弹.xlsx", expect: "error", message: /压缩炸弹\.xlsx 中的 xl\/worksheets\/sheet1\.xml 压缩比为 \d+:1，超过 100:1 的上限/ });
  writeFileSync(join(dir, "声明一百万行.xlsx"), workbookZip(sheetXml("A1:Z1000000", 3, (r) => `<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`)));
  add({ file: "声明一百万行.xlsx", expect: "error", message: /声明一百万行\.xlsx 的工作表 xl\/worksheets\/sheet1\.xml 声明了 1,000,000 行 × 26 列（A1:Z1000000），超过 2,000,000 个单元格的上限/ });
  return entries;
}

/**
 * An .xlsx written by exceljs with some of its parts changed as text (a merge added to a sheet, a sheet renamed in
 * workbook.xml), zipped again deflated, or stored where `stored` says so (as some systems' exports store them).
 */
export async function editedWorkbook(wb: ExcelJS.Workbook, edit: Record<string, (xml: string) => string | Buffer>, stored = false): Promise<Buffer> {
  const zip = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
  for (const [part, change] of Object.entries(edit)) {
    const file = zip.file(part);
    if (!file) throw new Error(`no part ${part}`);
    zip.file(part, change(await file.async("string")));
  }
  return zip.generateAsync({ type: "nodebuffer", compression: stored ? "STORE" : "DEFLATE" });
}

/** A sheet part's XML with <mergeCell> elements added after its rows (where Excel writes them). */
export function addMerges(xml: string, refs: string[]): string {
  const cells = refs.map((r) => `<mergeCell ref="${r}"/>`).join("");
  if (/<mergeCells\b[^>]*>/.test(xml)) return xml.replace(/<mergeCells\b[^>]*>/, (m) => m.replace(/count="\d+"/, "") + cells);
  return xml.replace("</sheetData>", `</sheetData><mergeCells count="${refs.length}">${cells}</mergeCells>`);
}
