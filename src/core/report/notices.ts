/**
 * The documents that follow a review where one applies (issue 22): a 整改通知 to each unit whose project's
 * 再评价报告 raised problems (each with its 整改期限, as the 整改台账 lists them; a 反馈通知书 still waits for the
 * unit's confirmation and asks for it itself), and a 线索移交函 to the
 * 纪检监察机关 for each project whose review marked a clue (双政办发〔2020〕23号 四(四)). Content only, from the same
 * results as the sheets; the bureau fills in what is its to fill (主送 of the 移交函, 发文字号, 成文日期).
 */
import { citedDocuments, REPORT_TOPICS } from "../basis";
import { toNumber2 } from "../decimal";
import { fieldText } from "../model";
import { chineseDate } from "../records";
import type { Analysis, ProjectResult } from "../results";
import { type OfficialContent, raisedProblems } from "./documents";

const nameOf = (r: ProjectResult) => fieldText(r.project, "name") || r.project.sheet;

/** Each project with problems raised, and its 整改通知. */
export function rectificationNotices(a: Analysis): { project: string; content: OfficialContent }[] {
  const byProject = new Map<ProjectResult, ReturnType<typeof raisedProblems>>();
  // Once the unit has confirmed the findings (the 再评价报告 is issued): before that, the 反馈通知书 itself asks.
  for (const p of raisedProblems(a).filter((x) => x.document === "再评价报告")) byProject.set(p.result, [...(byProject.get(p.result) ?? []), p]);
  const basis = citedDocuments(a.ruleSet, REPORT_TOPICS.整改台账表);
  return [...byProject].map(([r, problems]) => {
    const name = nameOf(r);
    const unit = fieldText(r.project, "unit") || null;
    const due = chineseDate(problems[0].deadline);
    return {
      project: name,
      content: {
        title: `关于“${name}”绩效评价发现问题整改的通知`,
        kindLine: "（整改通知）",
        recipient: unit,
        opening: `根据${basis}，对“${name}”再评价发现的问题，请你单位逐项整改，于${due}前将整改情况报送财政部门。`,
        body: [
          { kind: "heading", text: "一、需要整改的问题" },
          { kind: "table", headers: ["序号", "问题", "出自", "整改期限"], rows: problems.map((p, i) => [String(i + 1), p.problem, p.document, chineseDate(p.deadline)]) },
          { kind: "heading", text: "二、整改要求" },
          { kind: "paragraph", text: "逐项填写“整改情况表”（整改措施、整改结果、完成日期、佐证材料），与佐证材料一并报送；整改结果纳入下一年度预算安排的参考。" },
          { kind: "paragraph", text: "逾期未整改或整改不到位的，按规定纳入绩效问责。" },
        ],
      },
    };
  });
}

/** Each project whose review marked a clue of 违法违纪, and its 线索移交函 to the 纪检监察机关. */
export function clueTransferLetters(a: Analysis): { project: string; content: OfficialContent }[] {
  const basis = citedDocuments(a.ruleSet, REPORT_TOPICS.线索移交表);
  return a.projects.filter((r) => r.review && r.review.clues.length > 0).map((r) => {
    const name = nameOf(r);
    const unit = fieldText(r.project, "unit") || "（实施单位）";
    const clues = r.review!.clues;
    return {
      project: name,
      content: {
        title: `关于移交“${name}”违法违纪问题线索的函`,
        kindLine: "（线索移交函）",
        // The 纪检监察机关 the bureau sends it to: a blank, never a guessed name.
        recipient: null,
        opening: `根据${basis}，我局在对${unit}“${name}”绩效自评结果的再评价中，发现以下涉嫌违法违纪的问题线索，现移交你单位调查处理。`,
        body: [
          { kind: "heading", text: "一、问题线索" },
          { kind: "table", headers: ["三级指标", "线索", "自评得分", "复核得分"], rows: clues.map((c) => [c.level3, c.clue, toNumber2(c.selfScore), toNumber2(c.reviewScore)]) },
          { kind: "heading", text: "二、有关情况" },
          { kind: "paragraph", text: `项目实施单位：${unit}；项目负责人：${fieldText(r.project, "responsible") || "（请填写）"}。再评价得分 ${toNumber2(r.review!.score)} 分，等级“${r.review!.grade}”。相关佐证材料随函附送。` },
          { kind: "paragraph", text: "请将调查处理结果函告我局。" },
        ],
      },
    };
  });
}
