import { readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { analyze } from "../src/core/analyze";
import { renderReports } from "../src/core/report";
import { DEFAULT_RULES } from "../src/core/rules/ruleset";
import type { SheetSpec, WorkbookSnapshot } from "../src/core/sheet";
import { openWorkbookFile } from "../src/hosts/node-files";
import type { Analysis } from "../src/core/results";

const SAMPLES = join(__dirname, "..", "samples");
let snapshots: WorkbookSnapshot[];
let analysis: Analysis;
let sheets: SheetSpec[];

beforeAll(async () => {
  snapshots = [];
  for (const f of readdirSync(SAMPLES).sort()) snapshots.push(await (await openWorkbookFile(join(SAMPLES, f))).read());
  analysis = analyze(snapshots, DEFAULT_RULES);
  sheets = renderReports(analysis, snapshots, { sameWorkbook: false });
});

const sheet = (name: string) => {
  const s = sheets.find((x) => x.name === name);
  expect(s, `sheet ${name}`).toBeDefined();
  return s!;
};
const values = (s: SheetSpec) => s.rows.map((r) => r.map((c) => c.value));
/** The data rows of a table sheet, as objects keyed by its header row (the first row starting with 序号 or 项目). */
function table(s: SheetSpec, first = "序号"): Record<string, unknown>[] {
  const v = values(s);
  const h = v.findIndex((r) => r[0] === first);
  const out: Record<string, unknown>[] = [];
  for (const r of v.slice(h + 1)) {
    if (r.length === 0 || r[0] === null) break;
    out.push(Object.fromEntries(v[h].map((k, i) => [String(k), r[i]])));
  }
  return out;
}

describe("report sheets on the bundled samples", () => {
  it("覆盖情况: each project of the 2026 budget list with its steps; the one without any table is not to be funded", () => {
    const rows = table(sheet("覆盖情况"));
    const by = (name: string) => rows.find((r) => r.项目名称 === name)!;
    expect(rows).toHaveLength(7);
    // The 智慧停车 assessment scores 58 (不予支持) though it concludes 予以支持; the sheet shows what it wrote.
    expect(by("智慧停车系统建设").事前评估).toBe("已提交（58 分，予以支持）");
    expect(by("城区路灯节能改造").事前评估).toBe("未提交");
    // No table of the 城管局 at all: no target table, and (the batch being at the 1-7月 point) no monitoring table.
    expect([by("城区路灯节能改造").目标表, by("城区路灯节能改造").运行监控]).toEqual(["未提交", "未提交"]);
    // The 融媒体中心 sent its target table (its copied indicators are only a warning), but no monitoring table.
    expect([by("政务新媒体矩阵运维").目标表, by("政务新媒体矩阵运维").运行监控]).toEqual(["已提交（通过）", "未提交"]);
    expect(by("城乡公共消防设施建设").运行监控).toBe("已提交（停止拨款）");
    // The self-evaluations are of 2025 and do not count for the 2026 list.
    expect(rows.every((r) => r.自评 === "本批无自评表")).toBe(true);
    expect(by("基层政务公开标准化规范化").匹配方式).toBe("名称和单位");
    // Last year's list, matched by 项目编码; the 政务服务中心's 整改情况表 answers four problems of the 网民留言 project.
    expect(rows.map((r) => r["上年结果（等级，结果应用）"])).toEqual([
      "差，削减或取消（1200 万元）", "良，据实合理保障（300 万元）", "中，督促改进并核减（70 万元）", "良，收回（50 万元）", "—", "—", "—",
    ]);
    expect(by("网民留言办理平台运维").整改).toBe("4 个问题：已整改 1，未整改 0，逾期 3");
    // The 1200 万元 asked again after 削减或取消: 终止申报; 80 asked after 核减 to 70: declared again.
    expect([by("城乡公共消防设施建设").目标表, by("基层政务公开标准化规范化").目标表]).toEqual(["已提交（终止申报）", "已提交（重新申报）"]);
  });

  it("调整: the three 农家书屋 projects under 10 万元 are 碎片化, the second 政务公开 project repeats the first", () => {
    const rows = table(sheet("汇总"));
    const by = (name: string) => rows.find((r) => r["项目"] === name)!;
    for (const name of ["东风村农家书屋图书更新", "红旗村农家书屋设备购置", "胜利村农家书屋管理员补助", "基层政务公开标准化规范化推进"]) expect(by(name).结果应用).toBe("调整");
    expect(String(by("东风村农家书屋图书更新").依据)).toContain("“红旗村农家书屋设备购置”（4 万元）、“胜利村农家书屋管理员补助”（2.5 万元）");
    // One line per decision, the 结果应用 first: the target table itself passed, with the overlap as a warning.
    expect(String(by("基层政务公开标准化规范化推进").依据).split("\n")).toEqual(["调整：与“基层政务公开标准化规范化”（80 万元）交叉重复", "通过：目标表没有错误，有 1 个警告"]);
  });

  it("整改台账: this run's problems with their 整改期限, and the answers read back, each marked", () => {
    const v = values(sheet("整改台账"));
    const heads = v.map((r, i) => [r[0], i] as const).filter(([x]) => x === "序号").map(([, i]) => i);
    expect(heads).toHaveLength(2);
    const part = (from: number) => v.slice(from + 1).filter((r, i, all) => all.slice(0, i + 1).every((x) => typeof x[0] === "number"));
    // 普查: 数据质检合格率 (−1), 风险区划图 (−20), 相关部门满意度 (−10), and the self-evaluation 31 points too high; 网民留言: 年度运维成本 with its clue.
    expect(part(heads[0]).map((r) => [r[2], r[10]])).toEqual([
      ["第一次全国自然灾害综合风险普查经费", "待整改"], ["第一次全国自然灾害综合风险普查经费", "待整改"], ["第一次全国自然灾害综合风险普查经费", "待整改"],
      ["第一次全国自然灾害综合风险普查经费", "待整改"], ["网民留言办理平台运维", "待整改"],
    ]);
    expect(part(heads[1]).map((r) => r[10])).toEqual(["已整改", "逾期", "逾期", "逾期"]);
  });

  it("问责: the inflated self-evaluation, the clue and the three problems past their deadline, each with its clause", () => {
    const rows = table(sheet("问责"));
    expect(rows.map((r) => [r.单位, r.问责情形])).toEqual([
      ["双鸭山市减灾中心", "自评结果失实"],
      ["双鸭山市政务服务中心", "违法违纪线索"],
      ["双鸭山市政务服务中心", "整改逾期"], ["双鸭山市政务服务中心", "整改逾期"], ["双鸭山市政务服务中心", "整改逾期"],
    ]);
    expect(String(rows[0].事实)).toContain("自评高出 31 分");
    expect(String(rows[0].依据)).toContain("五(四)");
  });

  it("writes every report sheet, 汇总 first, one document per reviewed project, the inventory last", () => {
    expect(sheets.map((s) => s.name)).toEqual([
      "汇总", "覆盖情况", "校验结果", "监控预警", "自评复核对比", "线索移交", "整改台账", "问责", "公开版",
      "反馈通知书-第一次全国自然灾害综合风险普查经费", "再评价报告-网民留言办理平台运维", "工作表清单",
    ]);
  });

  it("汇总: one row per project across its tables, with verdict, monitoring, scores, delta and decision", () => {
    const rows = table(sheet("汇总"));
    // The five projects of the units, the 市场监管局's 部门整体 table, and the four of the 文化广电和旅游局's list.
    expect(rows).toHaveLength(10);
    const by = (name: string) => rows.find((r) => r["项目"] === name)!;
    // Every 结果应用 the project earned, strongest first: last year's cut not applied, then 停止拨款's 削减或取消.
    expect(by("城乡公共消防设施建设")).toMatchObject({ 目标表审核: "终止申报", 监控建议: "停止拨款", 结果应用: "结果应用未落实；削减或取消", 项目负责人: "刘建国", "绩效表（张）": 2 });
    expect(by("第一次全国自然灾害综合风险普查经费")).toMatchObject({ 自评得分: 99.5, 复核得分: 68.5, 分差: 31, 复核等级: "中", 监控建议: "暂缓拨款", 结果应用: "督促改进并核减" });
    expect(by("网民留言办理平台运维")).toMatchObject({ 自评得分: 96.54, 复核得分: 91.54, 结果应用: "收回资金又申请；整改未完成；收回" });
    // Its target table is sound, but asks 80 万元 where last year's result cut it to 70: declared again.
    expect(by("基层政务公开标准化规范化")).toMatchObject({ 目标表审核: "重新申报", 自评等级: "优", 结果应用: "结果应用未落实；调整；优先保障" });
    const dist = values(sheet("汇总"));
    const at = dist.findIndex((r) => r[0] === "等级");
    expect(dist.slice(at + 1, at + 5).map((r) => [r[0], r[1], r[3]])).toEqual([["优", 2, 0.3], ["良", 0, 0.4], ["中", 1, 0.3], ["差", 0, "—"]]);
    expect(sheet("汇总").dataBars).toHaveLength(2);
    expect(sheet("汇总").chart?.type).toBe("column");
  });

  it("公开版: the same summary without 项目负责人, 联系电话 or any person's name", () => {
    const pub = sheet("公开版");
    const text = JSON.stringify(values(pub));
    for (const person of ["刘建国", "王秀兰", "赵文静", "孙志强", "周丽娜", "0469-"]) expect(text).not.toContain(person);
    expect(values(pub).find((r) => r[0] === "序号")).not.toContain("项目负责人");
    expect(table(pub)).toHaveLength(10);
  });

  it("校验结果: every finding, errors first, with its place", () => {
    const rows = table(sheet("校验结果"), "文件");
    expect(rows.length).toBe(analysis.projects.flatMap((p) => p.findings).length + analysis.findings.length);
    const levels = rows.map((r) => r["级别"]);
    expect(levels.indexOf("警告")).toBeGreaterThan(levels.lastIndexOf("错误"));
    expect(rows).toContainEqual(expect.objectContaining({ 代码: "investment-review-missing", 位置: "绩效目标申报表!B6" }));
  });

  it("监控预警: lights with symbols, actions and grounds", () => {
    const rows = table(sheet("监控预警"), "项目");
    const fire = rows.find((r) => r["项目"] === "城乡公共消防设施建设")!;
    expect(fire).toMatchObject({ 截至月份: 7, 执行率: 0.18, 执行灯: "■ 红", 处理建议: "停止拨款" });
    expect(String(fire["完全不可能的指标"])).toContain("改造老旧小区消防通道");
    expect(String(fire["依据"])).toContain("3/5 个指标为红灯或“完全不可能”");
    expect(rows.find((r) => r["项目"] === "基层政务公开标准化规范化")).toMatchObject({ 执行灯: "● 绿", 处理建议: "正常" });
  });

  it("自评复核对比: per indicator self and review scores, delta and deduction reason", () => {
    const v = values(sheet("自评复核对比"));
    const survey = v.find((r) => r[0] === "第一次全国自然灾害综合风险普查经费" && r[2] === "相关部门满意度")!;
    expect(survey.slice(4, 13)).toEqual([10, "95%", 10, 10, "", 0, 10, 1, "未提供满意度调查问卷，不得分"]);
    const total = v.find((r) => r[0] === "第一次全国自然灾害综合风险普查经费 合计")!;
    expect([total[7], total[9], total[10], total[12]]).toEqual([99.5, 68.5, 31, "等级由“优”变为“中”"]);
  });

  it("线索移交: the one clue, with its project, responsible person and place", () => {
    expect(table(sheet("线索移交"))).toEqual([
      expect.objectContaining({ 序号: 1, 项目: "网民留言办理平台运维", 项目负责人: "孙志强", 涉及指标: "年度运维成本", 线索内容: "疑似虚列运维支出约 8 万元", 移交建议: "移交纪检监察机关" }),
    ]);
  });

  it("反馈通知书 for the unconfirmed review with problems; 再评价报告 once confirmed, with its result application", () => {
    const notice = JSON.stringify(values(sheet("反馈通知书-第一次全国自然灾害综合风险普查经费")));
    for (const part of ["评价结果反馈通知书", "一、项目基本情况", "四、差异分析", "五、发现的问题", "六、整改建议", "七、责任人", "王秀兰", "书面确认或提出异议", "发文机关", "文号"]) {
      expect(notice).toContain(part);
    }
    expect(notice).toContain("规范开展服务对象满意度调查");
    const report = JSON.stringify(values(sheet("再评价报告-网民留言办理平台运维")));
    for (const part of ["再评价报告", "二、自评情况", "三、再评价情况", "五、问题实质", "八、结论与结果应用", "收回", "移交纪检监察机关", "孙志强"]) {
      expect(report).toContain(part);
    }
    expect(sheet("再评价报告-网民留言办理平台运维").print).toMatchObject({ orientation: "portrait", fitToWidth: true });
  });
});
