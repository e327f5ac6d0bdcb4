/**
 * The run's report for leaders and the 人大 (issue 22): 预算绩效评价结果及应用情况报告 — the counts, the three
 * pictures (core/report/charts.ts), and the tables behind them, in words a reader takes in at a glance. Content only:
 * the Word layout is hosts/docx-document.ts. Every figure comes from what was read; what was not is said, not guessed.
 */
import { citedDocuments, REPORT_TOPICS } from "../basis";
import type { Analysis } from "../results";
import type { ReportStep } from "./index";
import { reportCharts, type ChartSpec } from "./charts";
import { documentFileName, type OfficialContent, projectDocumentFiles, type RunBlock } from "./documents";
import { clueTransferLetters, rectificationNotices } from "./notices";
import { reviewScore, runCounts, selfScore, summarize } from "./summary";

export interface RunReport {
  title: string;
  opening: string;
  body: RunBlock[];
}

export function runReportContent(a: Analysis): RunReport {
  const list = summarize(a);
  const charts = new Map(reportCharts(a).map((c) => [c.id, c]));
  const body: RunBlock[] = [];
  const heading = (text: string) => body.push({ kind: "heading", text });
  const para = (text: string) => body.push({ kind: "paragraph", text });
  const chart = (id: ChartSpec["id"]) => {
    const c = charts.get(id);
    if (c) body.push({ kind: "chart", chart: c });
  };

  const { grades, graded, unjudged, redo, suspended } = runCounts(a);

  heading("一、总体情况");
  para(`本次共检查 ${list.length} 个项目（${a.projects.length} 张绩效表）。绩效目标需重新申报的 ${redo} 个；运行监控中建议暂缓或停止拨款的 ${suspended} 个；`
    + `已评定等级的 ${graded} 个，其中优 ${grades.优} 个、良 ${grades.良} 个、中 ${grades.中} 个、差 ${grades.差} 个${unjudged > 0 ? `；无法评定的 ${unjudged} 个（评定所需的数据没有读到，未计入等级分布）` : ""}。`);
  chart("grades");

  const execution = charts.get("execution");
  if (execution) {
    heading("二、预算执行与序时进度");
    const line = execution.line!.value;
    const behind = execution.categories.filter((_, i) => execution.series[0].values[i] < line);
    para(behind.length > 0
      ? `截至监控时点，序时进度为 ${line}%，${behind.join("、")}等 ${behind.length} 个单位的平均预算执行率低于序时进度。${execution.note}`
      : `截至监控时点，序时进度为 ${line}%，各单位的平均预算执行率均不低于序时进度。${execution.note}`);
    chart("execution");
  }

  const reviewed = list.filter((s) => s.self?.review);
  if (reviewed.length > 0) {
    heading(`${execution ? "三" : "二"}、自评与再评价`);
    para(`财政部门对 ${reviewed.length} 个项目的自评结果进行了再评价，差异最大的项目如下图。`);
    chart("review-delta");
    body.push({
      kind: "table", headers: ["项目", "自评得分", "复核得分", "差异", "复核等级"],
      rows: reviewed.map((s) => {
        const self = selfScore(s) ?? 0;
        const review = reviewScore(s) ?? 0;
        return [s.name, self, review, Math.round((self - review) * 100) / 100, s.self!.review!.grade];
      }),
    });
  }

  const applied = list.filter((s) => s.outcome.length > 0);
  heading(`${["二", "三", "四"][(execution ? 1 : 0) + (reviewed.length > 0 ? 1 : 0)]}、结果应用`);
  if (applied.length === 0) para("本次没有需要应用的评价结果。");
  else {
    para(`${applied.length} 个项目的评价结果已提出应用意见，按从重到轻列出：`);
    body.push({ kind: "table", headers: ["项目", "实施单位", "结果应用"], rows: applied.map((s) => [s.name, s.unit || "—", s.outcome.join("；")]) });
  }
  const basis = citedDocuments(a.ruleSet, REPORT_TOPICS.反馈通知书和再评价报告);
  return {
    title: "关于预算绩效评价结果及应用情况的报告",
    opening: `根据${basis}，现将本次预算绩效管理（目标审核、运行监控、自评和再评价）的结果及应用情况报告如下。`,
    body,
  };
}

/** The run's report for leaders, beside the projects' documents. */
export const RUN_REPORT_FILE = "预算绩效评价结果及应用情况报告.docx";

/** A document a run issues, with the file it is saved as. */
export interface IssuedDocument {
  file: string;
  content: OfficialContent;
}

/**
 * Every document a run issues: each reviewed project's, then the run's report. A step of the chain other than the
 * whole check or 生成再评价报告 / 反馈通知书 issues none.
 */
export function issuedDocuments(a: Analysis, step: ReportStep = "all"): IssuedDocument[] {
  if (step !== "all" && step !== "documents") return [];
  const taken = new Set<string>();
  const docs: IssuedDocument[] = projectDocumentFiles(a, taken).map(({ file, content: d }) => ({
    file, content: { title: d.title, kindLine: d.kind === "反馈通知书" ? "（评价结果反馈通知书）" : "（再评价报告）", recipient: d.unit, opening: d.opening, body: d.body },
  }));
  for (const n of rectificationNotices(a)) docs.push({ file: documentFileName("整改通知", n.project, taken), content: n.content });
  for (const l of clueTransferLetters(a)) docs.push({ file: documentFileName("线索移交函", l.project, taken), content: l.content });
  if (a.projects.length > 0) docs.push({ file: RUN_REPORT_FILE, content: { ...runReportContent(a), kindLine: null, recipient: null } });
  return docs;
}

/** The charts the documents show, each once (they are drawn once for every document that shows them). */
export function documentCharts(docs: IssuedDocument[]): ChartSpec[] {
  const charts = new Map<string, ChartSpec>();
  for (const d of docs) for (const b of d.content.body) if (b.kind === "chart") charts.set(b.chart.id, b.chart);
  return [...charts.values()];
}
