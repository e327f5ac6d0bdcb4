import { citeLong, REPORT_TOPICS } from "../basis";
import { fieldText } from "../model";
import { chineseDate } from "../records";
import { cell, type CellStyle, type SheetSpec, type SpecCell } from "../sheet";
import { RECTIFICATION_COLUMNS } from "../templates/forms";
import { fileName } from "../text";
import { raisedProblems, rectifyBy } from "./documents";
import type { Analysis } from "../results";

const text = (v: string, style: CellStyle = "input"): SpecCell => ({ value: v, style });
const headerRow = (hs: string[]): SpecCell[] => hs.map((h) => cell(h, "header"));
const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");
const link = (value: string, sheet: string, at: string | null, enabled: boolean): SpecCell =>
  enabled && at ? { value, style: "input", link: { sheet, cell: at } } : { value, style: "input" };
const STATUS_STYLE: Record<string, CellStyle> = { 已整改: "green", 未整改: "yellow", 逾期: "red", 待整改: "input" };

/**
 * 整改台账 (四(三)5 反馈、整改、提升): the problems this run's documents raise, each with its 整改期限, in the
 * 整改情况表's columns so a unit's rows can be copied into the template; then the answers read back from the
 * 整改情况表s of the batch, each marked 已整改 / 未整改 / 逾期. Both parts share the columns, so the sheet reads
 * back as a 整改情况表 too.
 */
export function rectificationSheet(a: Analysis, links: boolean): SheetSpec | null {
  const raised = raisedProblems(a);
  if (raised.length === 0 && a.rectification.length === 0) return null;
  const headers = [...RECTIFICATION_COLUMNS, "状态", "来源"];
  const rows: SpecCell[][] = [
    [cell("整改台账", "title")],
    [cell(`依据${citeLong(a.ruleSet, REPORT_TOPICS.整改台账表)}。本次检查日期 ${chineseDate(a.checkedOn)}，提出的问题整改期限为 ${chineseDate(rectifyBy(a))}（发文后 ${a.ruleSet.cycle.rectifyDays} 日）。`, "note")],
    [cell(`一、本次提出的问题（${raised.length} 个）：请把本单位的行复制到“整改情况表”模板，逐项填写整改措施、整改结果、完成日期和佐证材料后报送。`, "section")],
    headerRow(headers),
  ];
  raised.forEach((p, i) => {
    const q = p.result.project;
    rows.push([
      { value: i + 1, style: "number", numberFormat: "0" }, text(fieldText(q, "projectCode")), text(fieldText(q, "name")), text(fieldText(q, "unit")),
      text(p.problem), text(iso(p.deadline)), text(""), text(""), text(""), text(""), text("待整改"), link(p.document, q.sheet, q.fields.name?.cell ?? "A1", links),
    ]);
  });
  if (raised.length === 0) rows.push([cell("本次没有提出新的问题。", "note")]);
  const count = (s: string) => a.rectification.filter((r) => r.status === s).length;
  rows.push([], [cell(`二、报送的整改情况（${a.rectification.length} 个问题：已整改 ${count("已整改")}，未整改 ${count("未整改")}，逾期 ${count("逾期")}）`, "section")], headerRow(headers));
  a.rectification.forEach((r, i) => {
    rows.push([
      { value: i + 1, style: "number", numberFormat: "0" }, text(r.code), text(r.name), text(r.unit), text(r.problem), text(iso(r.deadline)),
      text(r.measures), text(r.result), text(iso(r.doneDate)), text(r.evidence), cell(r.status, STATUS_STYLE[r.status]),
      text(`${fileName(r.file)}“${r.sheet}”${r.cell}`),
    ]);
  });
  if (a.rectification.length === 0) rows.push([cell("本批没有整改情况表。", "note")]);
  return {
    name: "整改台账",
    rows,
    columnWidths: [6, 16, 24, 20, 40, 12, 28, 12, 12, 20, 9, 26],
    merges: ["A1:L1", "A2:L2", "A3:L3"],
    freezeRows: 4,
    tabColor: "C55A11",
    print: { orientation: "landscape", fitToWidth: true, titleRows: [4, 4] },
  };
}

/** 问责: the units named, one row per ground, with the facts and the clause (五(四)). */
export function accountabilitySheet(a: Analysis, links: boolean): SheetSpec | null {
  if (a.accountability.length === 0) return null;
  const rows: SpecCell[][] = [
    [cell("绩效问责清单", "title")],
    [cell(`依据${citeLong(a.ruleSet, REPORT_TOPICS.问责表)}。以下单位及责任人建议提请有关部门追责问责。`, "note")],
    headerRow(["序号", "单位", "项目", "问责情形", "事实", "依据", "位置"]),
  ];
  a.accountability.forEach((x, i) => rows.push([
    { value: i + 1, style: "number", numberFormat: "0" }, text(x.unit), text(x.project), cell(x.ground, "red"), text(x.facts), text(x.basis),
    link(`${x.sheet}!${x.cell ?? ""}`, x.sheet, x.cell, links && !x.file.includes("|")),
  ]));
  return {
    name: "问责",
    rows,
    columnWidths: [6, 22, 26, 20, 48, 48, 18],
    merges: ["A1:G1", "A2:G2"],
    freezeRows: 3,
    tabColor: "7030A0",
    print: { orientation: "landscape", fitToWidth: true, titleRows: [3, 3] },
  };
}
