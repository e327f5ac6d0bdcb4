import { a1 } from "../address";
import { citationRefs, citeLong, REPORT_TOPICS } from "../basis";
import { toNumber2 } from "../decimal";
import { indicatorLabel } from "../indicators";
import { fieldText } from "../model";
import type { Light } from "../monitor";
import { cell, type CellStyle, type SheetSpec, type SpecCell } from "../sheet";
import { cellText } from "../text";
import { OUTCOME_ORDER, type ProjectDecision, reviewScore, runCounts, selfScore, summarize, type ProjectSummary } from "./summary";
import { reportCharts } from "./charts";
import { orNull } from "../decimal";
import { evidenceLine } from "../evidence";
import type { Analysis } from "../results";

/** A light as colour and symbol, so it reads in black and white too. */
const LIGHT: Record<Light, [string, CellStyle]> = {
  green: ["● 绿", "green"],
  yellow: ["▲ 黄", "yellow"],
  red: ["■ 红", "red"],
  blue: ["◆ 蓝", "blue"],
};
const ACTION_STYLE: Record<string, CellStyle> = { 正常: "green", 预警: "yellow", 暂缓拨款: "red", 停止拨款: "red", 无法判定: "warning" };

const num = (v: number | null, format = "0.00"): SpecCell => (v === null ? cell("—", "number") : { value: v, style: "number", numberFormat: format });
const text = (v: string, style: CellStyle = "input"): SpecCell => ({ value: v, style });
const headerRow = (hs: string[]): SpecCell[] => hs.map((h) => cell(h, "header"));
const link = (value: string, sheet: string, at: string | null, enabled: boolean): SpecCell =>
  enabled && at ? { value, style: "input", link: { sheet, cell: at } } : { value, style: "input" };

/** 监控预警: one row per monitored project, then one row per indicator with its light. */
export function monitoringSheet(a: Analysis, links: boolean): SheetSpec {
  const projects = a.projects.filter((r) => r.monitoring);
  const rows: SpecCell[][] = [
    [cell("监控预警（双监控）", "title")],
    [cell(`共 ${projects.length} 张监控表（${summarize(a).filter((s) => s.tables.some((r) => r.monitoring)).length} 个项目）。执行进度指数 = 执行率 ÷ (M/12) × 100；指标进度指数 = 完成值 ÷ (指标值 × M/12) × 100。● 绿 ≥ ${a.ruleSet.monitoring.execution.green}，▲ 黄 ≥ ${a.ruleSet.monitoring.execution.yellow}，■ 红 低于 ${a.ruleSet.monitoring.execution.yellow}，◆ 蓝 超进度。`, "note")],
    headerRow(["项目", "实施单位", "截至月份", "执行率", "执行进度指数", "执行灯", "指标灯", "完全不可能的指标", "处理建议", "依据"]),
  ];
  for (const r of projects) {
    const m = r.monitoring!;
    const [lightText, lightStyle]: [string, CellStyle] = m.executionLight ? LIGHT[m.executionLight] : ["未知", "warning"];
    const counts = (Object.keys(m.lights) as Light[]).filter((k) => m.lights[k] > 0).map((k) => `${LIGHT[k][0]} ${m.lights[k]}`).join("  ");
    rows.push([
      link(fieldText(r.project, "name") || r.project.sheet, r.project.sheet, r.project.fields.name?.cell ?? "A1", links),
      text(fieldText(r.project, "unit")),
      num(m.month, "0"),
      num(m.executionRate, "0.0%"),
      num(m.executionIndex === null ? null : Math.round(m.executionIndex * 10) / 10, "0.0"),
      cell(lightText, lightStyle),
      text(counts || "—"),
      text(m.indicators.filter((i) => i.possibility === "完全不可能").map((i) => indicatorLabel(i.indicator)).join("、") || "—"),
      cell(m.action, ACTION_STYLE[m.action]),
      text([m.grounds.join("；") || "执行进度和指标进度正常", evidenceLine(m.evidence)].join("。")),
    ]);
  }
  rows.push([], [cell("指标明细", "section")], headerRow(["项目", "三级指标", "年度指标值", "完成值", "进度指数", "指标灯", "完成目标可能性", "全年预计完成值", "偏差原因", "位置"]));
  for (const r of projects) {
    for (const i of r.monitoring!.indicators) {
      const c = i.indicator.cells;
      rows.push([
        text(fieldText(r.project, "name")),
        text(indicatorLabel(i.indicator)),
        text(i.indicator.target.raw),
        text(cellText(c.progress?.value ?? null)),
        num(i.index === null ? null : Math.round(i.index * 10) / 10, "0.0"),
        i.light ? cell(LIGHT[i.light][0], LIGHT[i.light][1]) : text("—"),
        text(i.possibility ?? "—"),
        text(cellText(c.expected?.value ?? null)),
        text(cellText(c.reason?.value ?? null)),
        link(`${r.project.sheet}!${c.level3?.cell ?? ""}`, r.project.sheet, c.level3?.cell ?? null, links),
      ]);
    }
  }
  return {
    name: "监控预警",
    rows,
    columnWidths: [26, 20, 8, 9, 11, 9, 22, 22, 11, 60],
    freezeRows: 3,
    tabColor: "BF8F00",
    merges: ["A1:J1", "A2:J2"],
    rowHeights: { 1: 32 },
    print: { orientation: "landscape", fitToWidth: true, titleRows: [3, 3] },
  };
}

/** 自评复核对比: per indicator, the unit's figures, the recomputed score and the review, with the delta. */
export function comparisonSheet(a: Analysis, links: boolean): SheetSpec {
  const evaluated = a.projects.filter((r) => r.selfEvaluation);
  const rows: SpecCell[][] = [
    [cell("自评复核对比", "title")],
    [cell("重算得分按规则集计算；分差 = 自评重算得分 − 复核得分；偏离度 = |分差| ÷ 分值。未复核的项目复核列为空。", "note")],
    headerRow(["项目", "一级指标", "三级指标", "指标值", "分值", "自评完成值", "单位自评得分", "重算得分", "复核完成值", "复核得分", "分差", "偏离度", "扣分原因"]),
  ];
  for (const r of evaluated) {
    const s = r.selfEvaluation!;
    const name = fieldText(r.project, "name") || r.project.sheet;
    const reviews = new Map(r.review?.indicators.map((i) => [i.level3, i]) ?? []);
    rows.push([
      link(name, r.project.sheet, r.project.fields.name?.cell ?? "A1", links),
      text("预算执行率"), text("预算执行率"), text("100%"), num(s.executionPoints, "0.##"),
      num(s.executionRate, "0.0%"), text(""), num(orNull(s.executionScore)), text(""), num(r.review ? orNull(s.executionScore) : null), num(r.review ? 0 : null), text(""), text(""),
    ]);
    for (const i of s.indicators) {
      const rv = reviews.get(indicatorLabel(i.indicator));
      const delta = rv ? toNumber2(rv.selfScore.minus(rv.reviewScore)) : null;
      const deviation = rv && i.points > 0 ? Math.abs(delta!) / i.points : null;
      rows.push([
        text(name), text(i.indicator.level1), text(indicatorLabel(i.indicator)), text(i.indicator.target.raw), num(i.points, "0.##"),
        text(i.actual), num(i.claimed), num(orNull(i.score)), text(rv?.reviewActual ?? ""), num(rv ? toNumber2(rv.reviewScore) : null),
        delta && delta > 0 ? { value: delta, style: "warning", numberFormat: "0.00" } : num(delta), num(deviation, "0.0%"), text(rv?.deduction ?? ""),
      ]);
    }
    const total: SpecCell[] = [
      cell(`${name} 合计`, "label"), cell(`自评 ${s.grade}`, "label"), cell(r.review ? `复核 ${r.review.grade}` : "未复核", "label"), cell("", "label"), num(100, "0"),
      cell("", "label"), num(s.claimedTotal), num(orNull(s.score)), cell("", "label"), num(r.review ? toNumber2(r.review.score) : null),
      num(r.review ? toNumber2(r.review.delta) : null), cell("", "label"), cell(r.review && r.review.grade !== s.grade ? `等级由“${s.grade}”变为“${r.review.grade}”` : "", "label"),
    ];
    rows.push(total, []);
  }
  return {
    name: "自评复核对比",
    rows,
    columnWidths: [24, 11, 24, 11, 6, 11, 9, 9, 11, 9, 8, 8, 36],
    freezeRows: 3,
    tabColor: "548235",
    merges: ["A1:M1", "A2:M2"],
    print: { orientation: "landscape", fitToWidth: true, titleRows: [3, 3] },
  };
}

/**
 * 覆盖情况: one row per project of the 预算项目清单, a column per step with what the batch holds for it
 * (全过程、全覆盖): 目标表, 监控, 自评, 复核. Steps not submitted stand out; how each table was matched is said.
 */
export function coverageSheet(a: Analysis, links: boolean): SheetSpec {
  const state = (s: string) => text(s, s === "未提交" || /逾期 [1-9]/.test(s) ? "error" : "input");
  const rows: SpecCell[][] = [
    [cell("预算项目绩效管理覆盖情况", "title")],
    [cell(`依据${citeLong(a.ruleSet, REPORT_TOPICS.覆盖情况表)}。`, "note")],
    headerRow(["序号", "项目编码", "项目名称", "单位", "预算金额（万元）", "新增/延续", "事前评估", "目标表", "运行监控", "自评", "财政复核", "整改", "上年结果（等级，结果应用）", "匹配方式", "清单位置"]),
  ];
  a.coverage.forEach((c, i) => {
    const how = [...new Set(Object.values(c.matchedBy))].join("、") || "—";
    rows.push([
      num(i + 1, "0"), text(c.item.code), text(c.item.name), text(c.item.unit), num(c.item.amount, "#,##0.00"),
      text(c.item.isNew === null ? "" : c.item.isNew ? "新增" : "延续"),
      state(c.states.exAnte), state(c.states.target), state(c.states.monitoring), state(c.states.selfEvaluation), text(c.states.review),
      state(c.states.rectification), text(c.states.previous), text(how),
      link(`${c.item.sheet}!${c.item.cell}`, c.item.sheet, c.item.cell, links),
    ]);
  });
  const missing = a.coverage.filter((c) => !c.target).length;
  rows.push([], [cell(`共 ${a.coverage.length} 个预算项目；没有绩效目标表的 ${missing} 个。`, "note")]);
  return {
    name: "覆盖情况",
    rows,
    columnWidths: [6, 20, 28, 22, 12, 9, 18, 16, 16, 16, 16, 28, 28, 12, 16],
    merges: ["A1:O1", "A2:O2"],
    tabColor: "2F5597",
    freezeRows: 3,
    print: { orientation: "landscape", fitToWidth: true, titleRows: [3, 3] },
  };
}

/** 线索移交: projects with a 违法违纪 clue, for the hand-over to 纪检监察. */
export function cluesSheet(a: Analysis, links: boolean): SheetSpec {
  const rows: SpecCell[][] = [
    [cell("违法违纪线索移交清单", "title")],
    [cell(`依据${citeLong(a.ruleSet, REPORT_TOPICS.线索移交表)}。`, "note")],
    headerRow(["序号", "项目", "主管部门", "实施单位", "项目负责人", "涉及指标", "线索内容", "复核扣分原因", "发现环节", "移交建议", "位置"]),
  ];
  let n = 0;
  for (const r of a.projects) {
    for (const c of r.review?.clues ?? []) {
      rows.push([
        num(++n, "0"), text(fieldText(r.project, "name")), text(fieldText(r.project, "department")), text(fieldText(r.project, "unit")),
        text(fieldText(r.project, "responsible")), text(c.level3), text(c.clue, "error"), text(c.deduction), text("财政再评价"),
        text("移交纪检监察机关"), link(`${r.project.sheet}!${c.cell ?? ""}`, r.project.sheet, c.cell, links),
      ]);
    }
  }
  if (n === 0) rows.push([cell("本批次没有发现违法违纪线索。", "note")]);
  return {
    name: "线索移交",
    rows,
    columnWidths: [6, 24, 20, 20, 10, 18, 36, 36, 10, 14, 20],
    merges: ["A1:K1", "A2:K2"],
    tabColor: "C00000",
    print: { orientation: "landscape", fitToWidth: true, titleRows: [3, 3] },
  };
}

const SUMMARY_HEADERS = ["序号", "项目", "主管部门", "实施单位", "项目负责人", "联系电话", "绩效表（张）", "年度资金（万元）", "执行率", "目标表审核", "监控建议", "自评得分", "自评等级", "复核得分", "复核等级", "分差", "结果应用", "依据", "错误", "警告"];
/** Columns left out of the public version: personal data (DOMAIN.md §1 信息公开). */
const PERSONAL = new Set(["项目负责人", "联系电话"]);
/** Grade shares in principle 30% / 40% / 30% (黑河 plan, clause 28; the header cites what the rule set cites). */
const REFERENCE_SHARES: [string, string[], number | null][] = [
  ["优", ["优"], 0.3],
  ["良", ["良"], 0.4],
  ["中", ["中"], 0.3],
  ["差", ["差"], null],
];

/** A decision and its grounds as one line of the 依据 cell: "调整：与……交叉重复". */
const groundsLine = (d: ProjectDecision) => `${d.decision}：${d.grounds}`;
/** Grades stand in their own columns beside their scores; every other decision has its line under 依据. */
const GRADED = new Set<ProjectDecision["step"]>(["self-evaluation", "review"]);

function summaryRows(list: ProjectSummary[], publicVersion: boolean): SpecCell[][] {
  return list.map((s, i) => {
    const values: Record<string, SpecCell> = {
      序号: num(i + 1, "0"),
      项目: text(s.name),
      主管部门: text(s.department),
      实施单位: text(s.unit),
      项目负责人: text(s.responsible),
      联系电话: text(s.contact),
      "绩效表（张）": num(s.tables.length, "0"),
      "年度资金（万元）": num(s.funds, "#,##0.00"),
      执行率: num(s.executionRate, "0.0%"),
      目标表审核: s.target ? cell(s.target.targetVerdict ?? "", s.target.targetVerdict === "通过" ? "green" : s.target.targetVerdict === "无法评定" ? "warning" : "red") : text("—"),
      监控建议: s.monitoring?.monitoring ? cell(s.monitoring.monitoring.action, ACTION_STYLE[s.monitoring.monitoring.action]) : text("—"),
      自评得分: num(selfScore(s)),
      自评等级: text(s.self?.selfEvaluation?.grade ?? "—"),
      复核得分: num(reviewScore(s)),
      复核等级: text(s.self?.review?.grade ?? "—"),
      分差: num(s.self?.review ? toNumber2(s.self.review.delta) : null),
      结果应用: text(s.outcome.join("；") || "—"),
      依据: text([
        ...s.decisions.filter((d) => !GRADED.has(d.step)).map(groundsLine),
        // What the grade rests on: the cells read, recomputed or as stated (未经重算), or what is missing (无法评定).
        ...(s.self?.selfEvaluation ? [`自评等级${s.self.selfEvaluation.grade}：${evidenceLine(s.self.selfEvaluation.evidence)}`] : []),
      ].join("\n")),
      错误: num(s.errors, "0"),
      警告: num(s.warnings, "0"),
    };
    return SUMMARY_HEADERS.filter((h) => !(publicVersion && PERSONAL.has(h))).map((h) => values[h]);
  });
}

/** How a project's decisions make its 结果应用 line (OUTCOME_ORDER), said on the sheet. */
const OUTCOME_NOTE = `“结果应用”列出本项目各张表和上年结果、整改情况得出的全部处理意见，从重到轻：${OUTCOME_ORDER.join("、")}，排在前面的先落实；“依据”一行一项写明每个意见和目标表审核、监控建议的理由。`;

/** 汇总 (and, without personal data, 公开版): every project, the grade distribution against 30/40/30. */
export function summarySheet(a: Analysis, publicVersion: boolean): SheetSpec {
  const list = summarize(a);
  const headers = SUMMARY_HEADERS.filter((h) => !(publicVersion && PERSONAL.has(h)));
  // 无法评定 is no grade: such projects are counted apart, never in the distribution.
  const { grades, graded, unjudged, redo, stop, suspended } = runCounts(a);
  const count = (gs: string[]) => gs.reduce((n, g) => n + (grades[g as keyof typeof grades] ?? 0), 0);
  const rows: SpecCell[][] = [
    [cell(publicVersion ? "预算绩效管理结果汇总（公开版）" : "预算绩效管理结果汇总", "title")],
    [cell(`规则集：${a.ruleSet.name}。共 ${list.length} 个项目（${a.projects.length} 张表）；目标表需重新申报 ${redo} 个，建议终止申报 ${stop} 个，建议暂缓或停止拨款 ${suspended} 个，已评价 ${graded} 个${unjudged > 0 ? `，无法评定 ${unjudged} 个（评定所需的数据没有读到，见“依据”列，未计入等级分布）` : ""}。${OUTCOME_NOTE}${publicVersion ? "本表已去除项目负责人、联系电话等个人信息，可用于绩效信息公开。" : ""}`, "note")],
    headerRow(headers),
    ...summaryRows(list, publicVersion),
  ];
  const firstData = 4;
  const lastData = 3 + list.length;
  rows.push([], [cell("等级分布（以复核等级为准，未复核的按自评等级）", "section")]);
  const distTop = rows.length;
  rows.push(headerRow(["等级", "项目数", "占比", `参考比例（${citationRefs(a.ruleSet, "grade-shares")}：优秀 / 良好 / 达标）`]));
  for (const [label, gs, ref] of REFERENCE_SHARES) {
    const n = count(gs);
    rows.push([text(label), num(n, "0"), num(graded ? n / graded : 0, "0.0%"), ref === null ? text("—") : num(ref, "0%")]);
  }
  const col = (h: string) => a1(0, headers.indexOf(h)).replace(/\d+$/, "");
  const bars = list.length > 0 ? [
    { range: `${col("自评得分")}${firstData}:${col("自评得分")}${lastData}`, color: "5B9BD5" },
    { range: `${col("复核得分")}${firstData}:${col("复核得分")}${lastData}`, color: "70AD47" },
  ] : [];
  return {
    name: publicVersion ? "公开版" : "汇总",
    rows,
    columnWidths: headers.map((h) => ({ 序号: 5, 项目: 26, 主管部门: 20, 实施单位: 20, 项目负责人: 9, 联系电话: 13, "绩效表（张）": 7, 结果应用: 16, 依据: 60 } as Record<string, number>)[h] ?? 10),
    freezeRows: 3,
    tabColor: publicVersion ? "7F7F7F" : "1F6F43",
    merges: [`A1:${col(headers[headers.length - 1])}1`, `A2:${col(headers[headers.length - 1])}2`],
    rowHeights: { 1: 32 },
    dataBars: bars,
    chart: graded > 0 ? { type: "column", range: `A${distTop + 1}:B${distTop + 5}`, title: "等级分布", anchor: `F${distTop + 1}` } : undefined,
    // The run's charts below the distribution, one under the other (each about 20 rows high).
    pictures: publicVersion ? undefined : reportCharts(a).map((chart, i) => ({ chart, row: distTop + 7 + i * 21, col: 0 })),
    print: { orientation: "landscape", fitToWidth: true, titleRows: [3, 3] },
  };
}
