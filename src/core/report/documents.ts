import { citedDocuments, REPORT_TOPICS } from "../basis";
import { toNumber2 } from "../decimal";
import { fieldText } from "../model";
import { sheetNameKey, uniqueSheetName } from "../owned";
import type { IndicatorReview } from "../review";
import { cell, type ChartSpec, type SheetSpec, type SpecCell } from "../sheet";
import { addDays, chineseDate } from "../records";
import { normalizeLabel } from "../text";
import type { Scored } from "../self-evaluation";
import type { Analysis, ProjectResult } from "../results";

const W = 6;
const CONFIRMED = /已确认|无异议|同意/;

export type DocumentKind = "反馈通知书" | "再评价报告";

/** A deduction or a clue: what the review found wrong with one indicator. */
interface Problem {
  review: IndicatorReview;
  lost: number;
}

function problemsOf(r: ProjectResult): Problem[] {
  return (r.review?.indicators ?? [])
    .map((i) => ({ review: i, lost: toNumber2(i.selfScore.minus(i.reviewScore)) }))
    .filter((p) => p.lost > 0 || p.review.clue);
}

/**
 * Which document a reviewed project gets (双政办发〔2020〕23号 四(二)6): with problems the unit has not yet confirmed,
 * the 评价结果反馈通知书; once confirmed, or with no problem at all, the 再评价报告.
 */
export function documentKind(r: ProjectResult): DocumentKind {
  const confirmed = CONFIRMED.test(normalizeLabel(fieldText(r.project, "confirmation")));
  return problemsOf(r).length > 0 && !confirmed ? "反馈通知书" : "再评价报告";
}

/** One problem a document raises, as the 整改台账 and the 整改情况表 list it. */
export interface RaisedProblem {
  result: ProjectResult;
  document: DocumentKind;
  problem: string;
  deadline: Date;
}

/** The day a document's problems are due: cycle.rectifyDays after the check (the day the document is written). */
export const rectifyBy = (a: Analysis): Date => addDays(a.checkedOn, a.ruleSet.cycle.rectifyDays);

/** Every problem of every 反馈通知书 / 再评价报告 of the analysis, each with its 整改期限. */
export function raisedProblems(a: Analysis): RaisedProblem[] {
  const deadline = rectifyBy(a);
  return a.projects.filter((r) => r.review && r.selfEvaluation).flatMap((r) => {
    const document = documentKind(r);
    const texts = problemsOf(r).map(problemText);
    const delta = toNumber2(r.review!.delta);
    if (delta >= a.ruleSet.review.inflatedDelta) texts.push(`自评结果偏高 ${delta} 分`);
    return texts.map((problem) => ({ result: r, document, problem, deadline }));
  });
}

function problemText(pr: Problem): string {
  return `“${pr.review.level3}”：${pr.review.deduction || "复核扣分"}${pr.lost > 0 ? `，扣 ${pr.lost} 分` : ""}${pr.review.clue ? `；涉嫌违法违纪：${pr.review.clue}` : ""}`;
}

/** Advice for one problem, from what the reviewer wrote. */
function advice(p: Problem, days: number): string {
  const why = p.review.deduction;
  const name = `“${p.review.level3}”`;
  if (p.review.clue) return `${name}：配合纪检监察机关调查核实，规范合同管理和资金支付，问题查实前暂停相关支出。`;
  if (/满意度|问卷|调查/.test(why)) return `${name}：规范开展服务对象满意度调查，保存问卷和统计结果，作为自评佐证。`;
  if (/佐证|证明|材料|凭证|台账/.test(why)) return `${name}：补充完善佐证材料，建立项目绩效档案，做到自评结论有据可查。`;
  if (p.review.reviewActual) return `${name}：按核实的完成值（${p.review.reviewActual}）如实自评，分析未达成原因并制定改进措施。`;
  return `${name}：针对“${why || "扣分问题"}”制定整改措施，于收到本文件 ${days} 日内报送整改情况。`;
}

const para = (text: string): SpecCell[] => [{ value: text, style: "text" }];
const heading = (text: string): SpecCell[] => [{ value: text, style: "section" }];
/** Two label/value pairs on one line: A | B:C | D | E:F. */
const fields = (l1: string, v1: string, l2: string, v2: string): SpecCell[] => [
  cell(l1, "label"), { value: v1, style: "input" }, { value: null, style: "input" }, cell(l2, "label"), { value: v2, style: "input" }, { value: null, style: "input" },
];

interface Doc {
  rows: SpecCell[][];
  merges: string[];
}

const LAST = String.fromCharCode(64 + W);

/** Appends a row; a one-cell row is merged across the page width so long text wraps within A4 (see fitRowHeights). */
function add(doc: Doc, row: SpecCell[]): void {
  doc.rows.push(row);
  const r = doc.rows.length;
  if (row.length === 1) doc.merges.push(`A${r}:${LAST}${r}`);
}

function table(doc: Doc, headers: string[], rows: (string | number)[][]): void {
  doc.rows.push(headers.map((h) => cell(h, "header")));
  for (const r of rows) doc.rows.push(r.map((v) => (typeof v === "number" ? { value: v, style: "number", numberFormat: "0.00" } : { value: v, style: "input" })));
  // The last column (扣分原因) takes the rest of the width.
  for (let i = doc.rows.length - rows.length; i <= doc.rows.length; i++) doc.merges.push(`${String.fromCharCode(64 + headers.length)}${i}:${LAST}${i}`);
}

/** A block of a document's body, as both the sheet and the Word file lay it out. */
export type Block =
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "table"; headers: string[]; rows: (string | number)[][] };

/**
 * One reviewed project's 评价结果反馈通知书 or 再评价报告, as content: what the sheet (projectDocument) and the Word
 * document (hosts/docx-document.ts) both show. What the bureau fills in (发文机关, 发文字号, 成文日期) is not here:
 * each layout marks it as a blank.
 */
export interface ProjectDocument {
  kind: DocumentKind;
  /** The project, and the unit the document goes to (主送), as the tables name them. */
  project: string;
  unit: string | null;
  title: string;
  /** The opening paragraph, after the 主送 line of a 反馈通知书. */
  opening: string;
  body: Block[];
}

/** The content of one reviewed project's document (双政办发〔2020〕23号 四(二)6). */
export function projectDocumentContent(a: Analysis, r: ProjectResult): ProjectDocument {
  const kind = documentKind(r);
  const p = r.project;
  // A review is made only of a self-evaluation whose total is known.
  const s = r.selfEvaluation as Scored;
  const rv = r.review!;
  const name = fieldText(p, "name") || p.sheet;
  const known = fieldText(p, "unit");
  const unit = known || "（实施单位）";
  const problems = problemsOf(r);
  const body: Block[] = [];
  const long = (text: string) => body.push({ kind: "paragraph", text });
  const heading = (text: string) => body.push({ kind: "heading", text });

  const basis = citedDocuments(a.ruleSet, REPORT_TOPICS.反馈通知书和再评价报告);
  const opening = kind === "反馈通知书"
    ? `根据${basis}，我局对你单位报送的“${name}”绩效自评结果进行了再评价。再评价发现以下问题，现予反馈。请你单位核实，并于    年  月  日前书面确认或提出异议（附佐证材料）；逾期未反馈的视为无异议。确认后出具再评价报告。`
    : `根据${basis}，对“${name}”的绩效自评结果进行了再评价，复核了产出数量、质量、实效和成本。${problems.length === 0 ? "再评价未发现问题，直接出具本报告。" : "评价结果已经实施单位确认，现出具本报告。"}`;

  heading("一、项目基本情况");
  const rate = s.executionRate === null ? "—" : `${(s.executionRate * 100).toFixed(2)}%`;
  long(`项目名称：${name}；主管部门：${fieldText(p, "department") || "—"}；实施单位：${unit}。预算执行率 ${rate}，得分 ${toNumber2(s.executionScore)}（分值 ${s.executionPoints}）。`);

  heading("二、自评情况");
  long(`单位自评 ${s.claimedTotal ?? "—"} 分；按规则重算 ${toNumber2(s.score)} 分，等级“${s.grade}”。${s.claimedTotal !== null && Math.abs(s.claimedTotal - toNumber2(s.score)) > 0.01 ? "单位自评计分有误。" : ""}`);

  heading("三、再评价情况");
  long(`再评价 ${toNumber2(rv.score)} 分，等级“${rv.grade}”；比自评重算结果${rv.delta.isNegative() ? "高" : "低"} ${Math.abs(toNumber2(rv.delta))} 分。`);

  heading("四、差异分析");
  body.push({ kind: "table", headers: ["三级指标", "自评得分", "复核得分", "差异", "扣分原因"], rows: rv.indicators.map((i) => [i.level3, toNumber2(i.selfScore), toNumber2(i.reviewScore), toNumber2(i.selfScore.minus(i.reviewScore)), i.deduction || "—"]) });

  heading(kind === "反馈通知书" ? "五、发现的问题" : "五、问题实质");
  const inflated = toNumber2(rv.delta) >= a.ruleSet.review.inflatedDelta;
  if (problems.length === 0 && !inflated) long("未发现问题。");
  const due = `整改期限：${chineseDate(rectifyBy(a))}前`;
  problems.forEach((pr, i) => long(`${i + 1}. ${problemText(pr)}。${due}。`));
  if (inflated) long(`${problems.length + 1}. 自评结果偏高 ${toNumber2(rv.delta)} 分。${due}。`);

  heading("六、整改建议");
  if (problems.length === 0 && !inflated) long("继续保持，按期报送下年度绩效目标。");
  problems.forEach((pr, i) => long(`${i + 1}. ${advice(pr, a.ruleSet.cycle.rectifyDays)}`));
  if (inflated) long(`${problems.length + 1}. 今后应据实自评，单位对自评报告的真实性负责。`);
  if (problems.length > 0 || inflated) long(`请于整改期限前逐项填写“整改情况表”（整改措施、整改结果、完成日期、佐证材料）报送财政部门；逾期未整改的，纳入绩效问责。`);

  heading("七、责任人");
  long(`按“谁出错，谁负责”，项目负责人：${fieldText(p, "responsible") || "（请填写）"}；实施单位：${unit}。`);

  if (kind === "再评价报告") {
    heading("八、结论与结果应用");
    long(`再评价等级“${rv.grade}”，结果应用：${r.decision ?? "—"}（${r.decisionGrounds.join("；")}）。${rv.clues.length > 0 ? "发现的违法违纪线索移交纪检监察机关（见“线索移交”表）。" : ""}`);
  }
  const title = `关于“${name}”${kind === "反馈通知书" ? "绩效评价结果的反馈" : "的再评价报告"}`;
  return { kind, project: name, unit: known || null, title, opening, body };
}

/** The 评价结果反馈通知书 or the 再评价报告 of one reviewed project, as a printable A4 sheet. */
export function projectDocument(a: Analysis, r: ProjectResult, sheetName: string): SheetSpec {
  const c = projectDocumentContent(a, r);
  const unit = c.unit ?? "（实施单位）";
  const doc: Doc = { rows: [], merges: [] };
  const long = (text: string) => add(doc, para(text));

  add(doc, [cell(c.kind === "反馈通知书" ? "评价结果反馈通知书" : "再评价报告", "title")]);
  add(doc, [cell(c.title, "subtitle")]);
  doc.rows.push(fields("发文机关", "（请填写）", "文号", "（请填写）〔    〕  号"));
  doc.rows.push(fields("日期", "    年  月  日", "实施单位", unit));
  doc.merges.push("B3:C3", "E3:F3", "B4:C4", "E4:F4");
  add(doc, [cell(null)]);
  if (c.kind === "反馈通知书") add(doc, [cell(`${unit}：`, "text")]);
  long(c.opening);
  for (const b of c.body) {
    if (b.kind === "heading") add(doc, heading(b.text));
    else if (b.kind === "paragraph") long(b.text);
    else table(doc, b.headers, b.rows);
  }
  add(doc, [cell(null)]);
  doc.rows.push([cell(null), cell(null), cell(null), cell("出具单位（盖章）", "label"), { value: "", style: "input" }, { value: null, style: "input" }]);
  doc.merges.push(`E${doc.rows.length}:F${doc.rows.length}`);
  return {
    name: sheetName,
    rows: doc.rows,
    columnWidths: [18, 12, 12, 14, 14, 26],
    rowHeights: { 0: 34 },
    merges: doc.merges,
    print: { orientation: "portrait", fitToWidth: true },
    tabColor: c.kind === "反馈通知书" ? "C55A11" : "2F5597",
  };
}

/** A document sheet for every reviewed project, each with a sheet name Excel accepts, unique without case. */
export function projectDocuments(a: Analysis): SheetSpec[] {
  const used = new Set<string>();
  return a.projects
    .filter((r) => r.review && r.selfEvaluation)
    .map((r) => {
      const name = uniqueSheetName(`${documentKind(r)}-${fieldText(r.project, "name") || r.project.sheet}`, (n) => used.has(sheetNameKey(n)), (i) => `(${i})`);
      used.add(sheetNameKey(name));
      return projectDocument(a, r, name);
    });
}

/**
 * Every reviewed project's document with the file name it is saved under: 反馈通知书-项目名.docx, without the
 * characters Windows refuses in a name (\ / : * ? " < > | and control characters), at most 80 characters before
 * the extension, and unique without case (as Windows and macOS compare names), numbered （2）（3）… where two clash.
 */
export function projectDocumentFiles(a: Analysis, taken = new Set<string>()): { file: string; content: ProjectDocument }[] {
  return a.projects.filter((r) => r.review && r.selfEvaluation).map((r) => {
    const content = projectDocumentContent(a, r);
    return { file: documentFileName(content.kind, content.project, taken), content };
  });
}

/** A document's file name (see projectDocumentFiles), added to `taken` (names in lower case). */
export function documentFileName(kind: string, project: string, taken: Set<string>): string {
  const stem = Array.from(`${kind}-${project}`.replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_")).slice(0, 80).join("").replace(/[. ]+$/, "");
  let file = `${stem}.docx`;
  for (let i = 2; taken.has(file.toLowerCase()); i++) file = `${stem}（${i}）.docx`;
  taken.add(file.toLowerCase());
  return file;
}

/** A block of a 公文 beyond the sheets' own: a chart, drawn as a picture (core/report/charts.ts). */
export type RunBlock = Block | { kind: "chart"; chart: ChartSpec };

/** What a 公文 says, whatever it is: a project's 通知书 or the run's report for leaders (laid out by hosts/docx-document.ts). */
export interface OfficialContent {
  title: string;
  /** A line under the title naming the kind of document, or null. */
  kindLine: string | null;
  /** The 主送机关; null where the bureau fills it in. */
  recipient: string | null;
  opening: string;
  body: RunBlock[];
}

