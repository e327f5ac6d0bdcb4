/**
 * A project's 评价结果反馈通知书 / 再评价报告 as the bureau issues it: a Word document (.docx, written with the `docx`
 * package) in the national layout of GB/T 9704-2012 党政机关公文格式 — A4; margins 37 mm top, 35 mm bottom, 28 mm
 * left (订口), 26 mm right; a text grid of 22 lines × 28 characters; 发文机关标志 in red over the 发文字号 and a red
 * separator line; the title in 2号 方正小标宋简体; the body in 3号 仿宋_GB2312, first-level headings in 黑体 and
 * second-level in 楷体_GB2312; 落款 and 成文日期; page numbers "— 1 —" in 4号 宋体, outside (right on odd pages,
 * left on even); the 版记 between lines. What the bureau fills in (发文机关, 发文字号, 成文日期, 印发) is a
 * highlighted blank, never an invented value. Fonts are named as the standard names them, not embedded: a machine
 * without them substitutes its own (Word and WPS by the East Asian font's family, LibreOffice by fontconfig).
 */
import {
  AlignmentType, BorderStyle, Document, Footer, HighlightColor, Packer, PageNumber, Paragraph, type ParagraphChild, type IRunOptions,
  Table, TableCell, TableRow, TextRun, WidthType, LineRuleType, DocumentGridType, ImageRun,
} from "docx";
import type { ChartSpec } from "../core/report/charts";
import type { Block } from "../core/report/documents";
import type { OfficialContent } from "../core/report/documents";
import { CHART_SIZE } from "./chart-render";

/** Written into each document's properties: a later run replaces a document it wrote, and nothing else. */
export const DOCX_CREATOR = "jixiao 预算绩效管理加载项";

/** Millimetres in twentieths of a point (twips), the unit of Word's page geometry. */
const mm = (n: number) => Math.round((n * 1440) / 25.4);

/** The page of GB/T 9704-2012 §5.2: A4, and the 版心 of 156 mm × 225 mm it leaves. */
export const PAGE = { width: mm(210), height: mm(297), top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
/** 22 lines in 225 mm (§5.2.2): the exact line pitch of the body, in twips (28.95 pt). */
export const LINE = Math.round((225 / 22) * 1440 / 25.4);

/** Font sizes of the Chinese 号 system, in half-points as Word stores them. */
const SIZE = { 二号: 44, 三号: 32, 四号: 28, 小四: 24 } as const;
const FONT = { title: "方正小标宋简体", body: "仿宋_GB2312", h1: "黑体", h2: "楷体_GB2312", page: "宋体" } as const;
const RED = "FF0000";

function run(text: string, font: string, size: number, extra: Partial<IRunOptions> = {}): TextRun {
  // The East Asian font is the one that matters; Latin letters and figures go in Times New Roman, as 公文 print them.
  // 3号 characters drawn 0.25 pt closer: 28 of them fill the 156 mm line (§5.2.2).
  const tight = size === SIZE.三号 ? { characterSpacing: -5 } : {};
  return new TextRun({ text, font: { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: font, cs: font }, size, ...tight, ...extra });
}

/** A blank the bureau fills in: highlighted, so that it is seen and not sent as it stands. */
const blank = (text: string, font: string = FONT.body, size: number = SIZE.三号, color?: string) => run(text, font, size, { highlight: HighlightColor.YELLOW, ...(color ? { color } : {}) });

const exact = { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
/** Two characters of 3号 (16 pt each): the first-line indent of every body paragraph. */
const TWO_CHARS = 640;

function body(children: ParagraphChild[], opts: { indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; right?: number } = {}): Paragraph {
  return new Paragraph({
    children,
    spacing: exact,
    alignment: opts.align ?? AlignmentType.JUSTIFIED,
    indent: { firstLine: opts.indent === false ? 0 : TWO_CHARS, right: opts.right ?? 0 },
  });
}

/** 一、 headings in 黑体, （一） headings in 楷体 (§7.3.3), both indented as the body is. */
function heading(text: string): Paragraph {
  return body([run(text, /^（[一二三四五六七八九十]+）/.test(text) ? FONT.h2 : FONT.h1, SIZE.三号)]);
}

/** Shares of the 156 mm line for the table's columns: the first (the indicator) and the last (the reason) widest. */
function columnShares(n: number): number[] {
  if (n <= 2) return Array.from({ length: n }, () => 1 / n);
  const middle = 0.36 / (n - 2);
  return [0.28, ...Array.from({ length: n - 2 }, () => middle), 0.36];
}

function table(b: Extract<Block, { kind: "table" }>): Table {
  const line = PAGE.width - PAGE.left - PAGE.right;
  const widths = columnShares(b.headers.length).map((x) => Math.floor(x * line));
  const cellOf = (v: string | number, header: boolean, i: number) => new TableCell({
    width: { size: widths[i], type: WidthType.DXA },
    children: [new Paragraph({
      // A table is read, not counted in lines: its 小四 text keeps an exact 18 pt pitch, off the page's line grid.
      spacing: { line: 360, lineRule: LineRuleType.EXACT, before: 40, after: 40 },
      alignment: typeof v === "number" || header ? AlignmentType.CENTER : AlignmentType.LEFT,
      children: [run(typeof v === "number" ? v.toFixed(2) : v, header ? FONT.h1 : FONT.body, SIZE.小四)],
    })],
  });
  return new Table({
    width: { size: line, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: b.headers.map((h, i) => cellOf(h, true, i)) }),
      ...b.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cellOf(v, false, i)) })),
    ],
  });
}

/** The page number "— N —" in 4号 宋体, one character in from the outside edge (§7.5). */
function pageNumber(align: "right" | "left"): Footer {
  const size = SIZE.四号;
  return new Footer({
    children: [new Paragraph({
      alignment: align === "right" ? AlignmentType.RIGHT : AlignmentType.LEFT,
      indent: align === "right" ? { right: 280 } : { left: 280 },
      // Its own height, off the body's line grid: the footer stays inside the 35 mm bottom margin.
      spacing: { line: 280, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      children: [run("— ", FONT.page, size), new TextRun({ children: [PageNumber.CURRENT], font: FONT.page, size }), run(" —", FONT.page, size)],
    })],
  });
}

/** A paragraph with a line above and/or below it: the 版头's red line and the 版记's rules (§7.2.4, §7.4). */
function ruled(children: ParagraphChild[], lines: { top?: { color: string; size: number }; bottom?: { color: string; size: number } }, centered = false): Paragraph {
  const border = (l?: { color: string; size: number }) => (l ? { style: BorderStyle.SINGLE, color: l.color, size: l.size, space: 1 } : undefined);
  return new Paragraph({
    children, spacing: exact, alignment: centered ? AlignmentType.CENTER : AlignmentType.LEFT,
    indent: centered ? undefined : { left: 280, right: 280 }, border: { top: border(lines.top), bottom: border(lines.bottom) },
  });
}

/** A chart as a picture the width of the 版心 (156 mm), at the chart's own proportions. */
function picture(png: Uint8Array): Paragraph {
  const width = Math.round((156 / 25.4) * 96);
  return new Paragraph({
    alignment: AlignmentType.CENTER, keepLines: true, spacing: { before: 120, after: 120 },
    children: [new ImageRun({ type: "png", data: png, transformation: { width, height: Math.round((width * CHART_SIZE.height) / CHART_SIZE.width) } })],
  });
}

/** The issuing bureau: a blank it fills in, in the 版头, the 落款 and the 版记. */
const ISSUER = "（发文机关）";

/** An empty line of the body's pitch. */
const gap = () => new Paragraph({ spacing: exact, children: [] });

/** A body paragraph of 3号 仿宋 text. */
const prose = (text: string) => body([run(text, FONT.body, SIZE.三号)]);

/** The .docx bytes of a 公文; `png` draws a chart block as a picture. */
export async function officialDocx(doc: OfficialContent, png: (c: ChartSpec) => Uint8Array): Promise<Uint8Array> {
  const paragraphs: (Paragraph | Table)[] = [];
  // 版头: 发文机关标志, then the 发文字号 over the red separator line.
  paragraphs.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0 }, children: [blank(ISSUER, FONT.title, 72, RED), run("文件", FONT.title, 72, { color: RED })] }));
  paragraphs.push(gap());
  paragraphs.push(ruled([blank("X财绩〔    〕  号")], { bottom: { color: RED, size: 12 } }, true));
  paragraphs.push(gap());
  // 标题, then a blank line and the 主送机关.
  paragraphs.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 700, lineRule: LineRuleType.AT_LEAST, before: 0, after: 0 }, children: [run(doc.title, FONT.title, SIZE.二号)] }));
  paragraphs.push(gap());
  if (doc.kindLine) paragraphs.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact, children: [run(doc.kindLine, FONT.h2, SIZE.三号)] }));
  paragraphs.push(body(doc.recipient ? [run(`${doc.recipient}：`, FONT.body, SIZE.三号)] : [blank("〔主送机关〕"), run("：", FONT.body, SIZE.三号)], { indent: false, align: AlignmentType.LEFT }));
  paragraphs.push(prose(doc.opening));
  for (const b of doc.body) {
    if (b.kind === "heading") paragraphs.push(heading(b.text));
    else if (b.kind === "paragraph") paragraphs.push(prose(b.text));
    else if (b.kind === "table") paragraphs.push(table(b));
    else {
      paragraphs.push(picture(png(b.chart)));
      paragraphs.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact, children: [run(`图：${b.chart.title}`, FONT.h2, SIZE.四号)] }));
    }
  }
  // 落款: the issuer and the 成文日期, four characters in from the right (§7.3.5.1); the seal goes over them.
  paragraphs.push(gap());
  paragraphs.push(gap());
  paragraphs.push(body([blank(ISSUER)], { indent: false, align: AlignmentType.RIGHT, right: TWO_CHARS * 2 }));
  paragraphs.push(body([blank("    年  月  日")], { indent: false, align: AlignmentType.RIGHT, right: TWO_CHARS * 2 }));
  paragraphs.push(gap());
  // 版记: 抄送 and 印发机关/印发日期 in 4号, between a first and a last rule (§7.4).
  const size = SIZE.四号;
  const rule = { color: "000000", size: 8 };
  paragraphs.push(ruled([run("抄送：", FONT.body, size), blank("〔抄送机关〕", FONT.body, size)], { top: rule, bottom: { color: "000000", size: 4 } }));
  paragraphs.push(ruled([blank(ISSUER, FONT.body, size), run("        ", FONT.body, size), blank("    年  月  日", FONT.body, size), run("印发", FONT.body, size)], { bottom: rule }));

  const document = new Document({
    creator: DOCX_CREATOR,
    title: doc.title,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: FONT.body }, size: SIZE.三号 } } } },
    sections: [{
      properties: {
        page: {
          size: { width: PAGE.width, height: PAGE.height },
          margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, header: mm(15), footer: mm(7) },
        },
        // 22 lines to the page (the body's exact line pitch keeps to it too); 28 characters by the 3号 runs' spacing.
        grid: { type: DocumentGridType.LINES, linePitch: LINE },
      },
      footers: { default: pageNumber("right"), even: pageNumber("left") },
      children: paragraphs,
    }],
  });
  return Packer.pack(document, "uint8array");
}
