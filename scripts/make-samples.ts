// Writes the demo's sample workbooks in samples/: the templates filled in by five units of a city, and the finance
// bureau's list export of the July monitoring. Projects are of the kind the 双鸭山 plan describes; people are invented.
// Some tables are clean, some carry the typical defects (DOMAIN.md): copied indicators, a cost target written ≥,
// vague benefit targets, a construction project without its 投资评审 report, inflated self-scores, a project whose
// funding should be suspended. Run with `npm run samples`; the files are committed.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import type { SheetSpec } from "../src/core/sheet";
import { type FillValue, fillTemplate } from "../src/core/templates/fill";
import {
  budgetListTemplate, departmentTargetTemplate, exAnteTemplate, listTemplates, monitoringTemplate, rectificationTemplate, selfEvaluationTemplate,
  targetTemplate,
} from "../src/core/templates/forms";
import { templateWorkbook } from "./make-templates";

type Indicator = [string, string, string, string, FillValue, string, number, string?];

interface Target {
  name: string;
  department: string;
  unit: string;
  attribute: string;
  type: string;
  review?: string;
  approval?: string;
  funds: [number, number, number];
  goal: string;
  indicators: Indicator[];
  responsible: string;
  phone: string;
}

function target(t: Target): SheetSpec {
  return fillTemplate(targetTemplate(), {
    cells: {
      B2: 2026, F2: "2025-10-20", B3: t.name, F3: t.department, B4: t.unit, F4: t.attribute, B5: "2026年1月-2026年12月", F5: t.type,
      B6: t.review ?? "无", F6: t.approval ?? "无", C7: t.funds[0], C8: t.funds[1], C9: t.funds[2], B10: t.goal,
      B33: t.responsible, D33: t.phone, F33: t.responsible,
    },
    rows: [{ from: "A12", values: t.indicators.map((i) => [i[0], i[1], i[2], i[3], i[4], i[5], i[6], i[7] ?? null]) }],
  });
}

type SelfRow = [string, string, string, string, FillValue, FillValue, number, number, (string | null)?, FillValue?, FillValue?, (string | null)?, (string | null)?];

interface SelfEvaluation {
  name: string;
  department: string;
  unit: string;
  responsible: string;
  funds: { initial: number; budget: number; executed: number; score: number; carried?: [number, number] };
  goal: [string, string];
  rows: SelfRow[];
  total: number;
  reviewTotal?: number;
  confirmation?: string;
}

function selfEvaluation(s: SelfEvaluation): SheetSpec {
  const rate = s.funds.executed / s.funds.budget;
  return fillTemplate(selfEvaluationTemplate(), {
    cells: {
      B2: 2025, B3: s.name, F3: s.unit, B4: s.department, F4: s.responsible,
      C6: s.funds.initial, D6: s.funds.budget, E6: s.funds.executed, F6: 10, G6: rate, H6: s.funds.score,
      C7: s.funds.initial, D7: s.funds.budget, E7: s.funds.executed, G7: rate,
      C8: s.funds.carried?.[0] ?? 0, D8: s.funds.carried?.[0] ?? 0, E8: s.funds.carried?.[1] ?? 0,
      C10: s.goal[0], F10: s.goal[1],
      G33: 100, H33: s.total, K33: s.reviewTotal ?? null,
      B35: s.confirmation ?? null, B36: s.responsible, D36: "0469-4220000",
    },
    rows: [{ from: "A13", values: s.rows.map((r) => [r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8] ?? null, r[9] ?? null, r[10] ?? null, r[11] ?? null, r[12] ?? null]) }],
  });
}

const FIRE: Target = {
  name: "城乡公共消防设施建设",
  department: "双鸭山市应急管理局 401001",
  unit: "双鸭山市消防救援支队",
  attribute: "新增项目",
  type: "建设投资项目",
  funds: [1200, 1000, 200],
  goal: "新建市政消火栓120个，改造老旧小区消防通道8处，城区消防供水覆盖率达到95%以上。",
  indicators: [
    ["产出指标", "数量指标", "新建市政消火栓数量", "≥", 120, "个", 20, "城区消防规划"],
    ["产出指标", "数量指标", "改造老旧小区消防通道", "≥", 8, "处", 10],
    ["产出指标", "质量指标", "工程验收合格率", "=", 100, "%", 10],
    ["产出指标", "时效指标", "项目完工时间", "≤", 11, "月", 5],
    ["产出指标", "成本指标", "消火栓单位造价", "≤", 2.5, "万元/个", 5],
    ["效益指标", "社会效益指标", "城区消防供水覆盖率", "≥", 95, "%", 20],
    ["效益指标", "可持续影响指标", "设施设计使用年限", "≥", 15, "年", 10],
    ["满意度指标", "服务对象满意度指标", "周边居民满意度", "≥", 90, "%", 20],
  ],
  responsible: "刘建国",
  phone: "0469-4221190",
};

const CENSUS: Target = {
  name: "第一次全国自然灾害综合风险普查经费",
  department: "双鸭山市应急管理局 401001",
  unit: "双鸭山市减灾中心",
  attribute: "延续项目",
  type: "一般项目",
  funds: [300, 300, 0],
  goal: "完成全市6类自然灾害风险要素调查和数据审核，形成风险普查成果报告和风险区划图。",
  indicators: [
    ["产出指标", "数量指标", "调查对象覆盖率", "≥", 95, "%", 15],
    ["产出指标", "数量指标", "形成普查成果报告", "=", 1, "份", 10],
    ["产出指标", "质量指标", "数据质检合格率", "≥", 90, "%", 15],
    ["产出指标", "时效指标", "数据汇交完成时间", "≤", 10, "月", 5],
    ["产出指标", "成本指标", "每平方公里调查成本", "≤", 0.15, "万元", 5],
    ["效益指标", "社会效益指标", "风险区划图在防灾规划中的应用数", "≥", 3, "项", 20],
    ["效益指标", "可持续影响指标", "普查数据库更新周期", "≤", 12, "月", 10],
    ["满意度指标", "服务对象满意度指标", "相关部门满意度", "≥", 90, "%", 20],
  ],
  responsible: "王秀兰",
  phone: "0469-4225120",
};

const OPENNESS: Target = {
  name: "基层政务公开标准化规范化",
  department: "双鸭山市人民政府办公室 101001",
  unit: "双鸭山市政务公开办公室",
  attribute: "经常性项目",
  type: "一般项目",
  funds: [80, 80, 0],
  goal: "编制基层政务公开事项目录30个，信息公开准确率达到98%以上，群众知晓率达到85%。",
  indicators: [
    ["产出指标", "数量指标", "公开事项目录编制数", "≥", 30, "个", 15, "2025年为25个"],
    ["产出指标", "质量指标", "信息公开准确率", "≥", 98, "%", 15],
    ["产出指标", "质量指标", "政务公开平台可用率", "≥", 99, "%", 10],
    ["产出指标", "时效指标", "主动公开信息时限", "≤", 20, "工作日", 10],
    ["产出指标", "成本指标", "平台运维单价", "≤", 12, "万元/年", 10],
    ["效益指标", "社会效益指标", "政务公开知晓率", "≥", 85, "%", 15],
    ["效益指标", "可持续影响指标", "公开制度执行年限", "≥", 3, "年", 10],
    ["满意度指标", "服务对象满意度指标", "群众满意度", "≥", 90, "%", 15],
  ],
  responsible: "赵文静",
  phone: "0469-4223301",
};

const MESSAGES: Target = {
  name: "网民留言办理平台运维",
  department: "双鸭山市人民政府办公室 101001",
  unit: "双鸭山市政务服务中心",
  attribute: "经常性项目",
  type: "一般项目",
  funds: [50, 50, 0],
  goal: "保障网民留言办理平台全年稳定运行，留言按期办结。",
  indicators: [
    ["产出指标", "数量指标", "留言办结数", "≥", 1200, "件", 20],
    ["产出指标", "质量指标", "资金支付率", "≥", 100, "%", 10],
    ["产出指标", "时效指标", "平均办理时长", "≤", 10, "天", 10],
    ["产出指标", "成本指标", "年度运维成本", "≥", 50, "万元", 10],
    ["效益指标", "社会效益指标", "社会效益明显", "≥", 95, "%", 20],
    ["效益指标", "可持续影响指标", "平台运行效果", "定性", "好", "", 10],
    ["满意度指标", "服务对象满意度指标", "留言人满意度", "≥", 90, "%", 20],
  ],
  responsible: "孙志强",
  phone: "0469-4228800",
};

/** Copied word for word from the 政务公开办's table: a different unit, a different project, the same indicators. */
const NEW_MEDIA: Target = {
  ...OPENNESS,
  name: "政务新媒体矩阵运维",
  unit: "双鸭山市融媒体中心",
  department: "双鸭山市委宣传部 201003",
  funds: [60, 60, 0],
  goal: "保障政务新媒体矩阵稳定运行。",
  responsible: "周丽娜",
  phone: "0469-4226601",
};

function fireMonitoring(): SheetSpec {
  return fillTemplate(monitoringTemplate(), {
    cells: { B2: 7, B3: FIRE.name, E3: FIRE.unit, H3: "双鸭山市应急管理局", A5: 1200, B5: 216, C5: 0.18, D5: 900, B10: null },
    rows: [{
      from: "A7",
      values: [
        ["产出指标", "数量指标", "新建市政消火栓数量", "≥120个", 30, 100, "有可能", "施工队伍进场晚，已督促加快"],
        ["产出指标", "数量指标", "改造老旧小区消防通道", "≥8处", 1, 5, "完全不可能", "部分小区居民协调未完成"],
        ["产出指标", "质量指标", "工程验收合格率", "=100%", "100%", "100%", "确定能", null],
        ["效益指标", "社会效益指标", "城区消防供水覆盖率", "≥95%", "80%", "88%", "完全不可能", "管网改造滞后，年内无法完工"],
        ["满意度指标", "服务对象满意度指标", "周边居民满意度", "≥90%", "88%", "90%", "确定能", null],
      ],
    }],
  });
}

/**
 * The finance bureau's 2026 budget list: the five units' projects, and one new major project whose unit has sent
 * no table at all (not to be funded without a target table).
 */
function budgetList(): SheetSpec {
  const row = (code: string, t: Target, isNew: string): FillValue[] => [code, t.name, t.unit, t.funds[0], isNew, "否"];
  return fillTemplate(budgetListTemplate(), {
    cells: { A1: "2026年度市本级预算项目清单" },
    rows: [{
      from: "A3",
      values: [
        row("230500260000001", FIRE, "延续"),
        row("230500260000002", CENSUS, "延续"),
        row("230500260000003", OPENNESS, "延续"),
        row("230500260000004", MESSAGES, "延续"),
        row("230500260000005", NEW_MEDIA, "延续"),
        ["230500260000006", "城区路灯节能改造", "双鸭山市城市管理综合执法局", 650, "新增", "是"],
        ["230500260000007", "智慧停车系统建设", "双鸭山市公安局交通警察支队", 800, "新增", "是"],
      ],
    }],
  });
}

/**
 * The 事前绩效评估 of the new 智慧停车系统: the points add up to 58, which does not support the project, yet the
 * conclusion says 予以支持; and 筹资合规性 has no reasoning.
 */
function parkingAssessment(): SheetSpec {
  return fillTemplate(exAnteTemplate(), {
    cells: { B2: "智慧停车系统建设", D2: "230500260000007", B3: "双鸭山市公安局", D3: "双鸭山市公安局交通警察支队", B4: 800, D4: 2026, C11: 58, B12: "予以支持", B13: "财政局评审中心", D13: "2025-11-15" },
    rows: [{
      from: "C6",
      values: [
        [14, "城区停车难问题突出，但已有社会资本投资的停车平台"],
        [10, "单泊位改造成本高于周边城市同类项目约 40%"],
        [12, "绩效目标偏重建设数量，缺少周转率等效益目标"],
        [12, "分两年实施，与道路改造工期存在交叉"],
        [10, null],
      ],
    }],
  });
}

function monitoringList(): SheetSpec {
  const [, list] = listTemplates();
  return fillTemplate(list, {
    cells: { I1: 7 },
    rows: [{
      from: "A3",
      values: [
        ["基层政务公开标准化规范化", "双鸭山市政务公开办公室", 80, 52, "产出指标", "数量指标", "公开事项目录编制数", "≥30个", 20, 32, "确定能", null],
        [null, null, null, null, "效益指标", "社会效益指标", "政务公开知晓率", "≥85%", "80%", "86%", "确定能", null],
        ["网民留言办理平台运维", "双鸭山市政务服务中心", 50, 26, "产出指标", "数量指标", "留言办结数", "≥1200件", 700, 1250, "确定能", null],
        [null, null, null, null, "产出指标", "时效指标", "平均办理时长", "≤10天", "12天", "11天", "有可能", "人员保障"],
        ["第一次全国自然灾害综合风险普查经费", "双鸭山市减灾中心", 300, 45, "产出指标", "数量指标", "调查对象覆盖率", "≥95%", "30%", "70%", "完全不可能", "经费保障"],
        [null, null, null, null, "产出指标", "质量指标", "数据质检合格率", "≥90%", "40%", "80%", "有可能", "人员保障"],
        [null, null, null, null, "满意度指标", "服务对象满意度指标", "相关部门满意度", "≥90%", "85%", "88%", "有可能", "其他"],
      ],
    }],
  });
}

/**
 * Last year's results as the bureau keeps them (a plain list, not the add-in's 汇总): the 政务公开 project was to be
 * cut (督促改进并核减, 70 万元) yet asks for 80; the 消防 project was rated 差 and 削减或取消 at 1200 yet asks for 1200
 * again; the 网民留言 project's idle funds were 收回, and it asks again.
 */
function lastYearResults(): SheetSpec {
  const values: (string | number | null)[][] = [
    ["项目编码", "项目名称", "单位", "预算金额（万元）", "评价等级", "结果应用", "备注"],
    ["230500260000001", FIRE.name, FIRE.unit, 1200, "差", "削减或取消", "工程进度严重滞后"],
    ["230500260000002", CENSUS.name, CENSUS.unit, 300, "良", "据实合理保障", null],
    ["230500260000003", OPENNESS.name, OPENNESS.unit, 70, "中", "督促改进并核减", "知晓率未达标"],
    ["230500260000004", MESSAGES.name, MESSAGES.unit, 50, "良", "收回", "上年结转资金全年未执行"],
  ];
  return {
    name: "2025年度评价结果",
    rows: [[{ value: "2025年度项目支出绩效评价结果及应用", style: "title" }], ...values.map((r, i) => r.map((value) => ({ value, style: i === 0 ? "header" as const : "input" as const })))],
    columnWidths: [20, 30, 28, 14, 10, 16, 26],
    merges: ["A1:G1"],
  };
}

/**
 * A culture bureau's list of targets: three 农家书屋 projects under 10 万元 each (碎片化), and, filed by the
 * 政务服务中心 under the 政府办, a 政务公开 project that repeats the 政务公开办's (交叉重复).
 */
function smallProjects(): SheetSpec {
  const [list] = listTemplates();
  const project = (name: string, department: string, unit: string, amount: number, goal: string, rows: [string, string, string, string, FillValue, string, number][]): FillValue[][] =>
    rows.map((r, i) => (i === 0 ? [name, department, unit, amount, amount, 0, goal, ...r] : [null, null, null, null, null, null, null, ...r]));
  const CULTURE = "双鸭山市文化广电和旅游局 301002";
  return fillTemplate(list, {
    name: "绩效目标清单",
    cells: { A1: "2026年度项目支出绩效目标清单" },
    rows: [{
      from: "A3",
      values: [
        ...project("东风村农家书屋图书更新", CULTURE, "双鸭山市图书馆", 3, "更新图书1500册。", [
          ["产出指标", "数量指标", "更新图书册数", "≥", 1500, "册", 30], ["产出指标", "质量指标", "图书编目准确率", "≥", 98, "%", 20],
          ["产出指标", "时效指标", "图书上架时限", "≤", 30, "天", 10], ["产出指标", "成本指标", "每册采购成本", "≤", 20, "元", 10],
          ["效益指标", "社会效益指标", "借阅人次增长率", "≥", 10, "%", 20], ["满意度指标", "服务对象满意度指标", "村民阅读满意度", "≥", 90, "%", 10],
        ]),
        ...project("红旗村农家书屋设备购置", CULTURE, "双鸭山市图书馆", 4, "购置书架和阅览桌椅。", [
          ["产出指标", "数量指标", "购置书架数", "≥", 20, "个", 30], ["产出指标", "质量指标", "设备验收合格率", "=", 100, "%", 20],
          ["产出指标", "时效指标", "设备安装完成时限", "≤", 60, "天", 10], ["产出指标", "成本指标", "每套桌椅成本", "≤", 800, "元", 10],
          ["效益指标", "社会效益指标", "阅览座位增加数", "≥", 30, "个", 20], ["满意度指标", "服务对象满意度指标", "读者满意度", "≥", 90, "%", 10],
        ]),
        ...project("胜利村农家书屋管理员补助", CULTURE, "双鸭山市文化馆", 2.5, "保障管理员在岗开放。", [
          ["产出指标", "数量指标", "补助管理员人数", "=", 5, "人", 30], ["产出指标", "质量指标", "管理员在岗率", "≥", 95, "%", 20],
          ["产出指标", "时效指标", "补助按季发放", "=", 4, "次", 10], ["产出指标", "成本指标", "人均补助标准", "≤", 5000, "元", 10],
          ["效益指标", "社会效益指标", "书屋年开放天数", "≥", 250, "天", 20], ["满意度指标", "服务对象满意度指标", "村民对书屋服务满意度", "≥", 90, "%", 10],
        ]),
        ...project("基层政务公开标准化规范化推进", OPENNESS.department, "双鸭山市政务服务中心", 30, "推进基层政务公开标准化。", [
          ["产出指标", "数量指标", "公开事项标准编制数", "≥", 20, "个", 30], ["产出指标", "质量指标", "公开内容合规率", "≥", 98, "%", 20],
          ["产出指标", "时效指标", "标准发布时限", "≤", 6, "月", 10], ["产出指标", "成本指标", "每个标准编制成本", "≤", 1.5, "万元", 10],
          ["效益指标", "社会效益指标", "基层公开事项覆盖率", "≥", 90, "%", 20], ["满意度指标", "服务对象满意度指标", "基层群众满意度", "≥", 90, "%", 10],
        ]),
      ],
    }],
  });
}

/**
 * The 政务服务中心's answer to last round's 再评价报告 on the 网民留言 project (due 2026-10-31): one problem fixed in
 * time with evidence; one still 整改中; one fixed twelve days late; one said to be fixed without date or evidence.
 */
function rectificationAnswer(): SheetSpec {
  const row = (n: number, problem: string, measures: string, result: string, done: FillValue, evidence: string | null): FillValue[] =>
    [n, "230500260000004", MESSAGES.name, MESSAGES.unit, problem, "2026-10-31", measures, result, done, evidence];
  return fillTemplate(rectificationTemplate(), {
    rows: [{
      from: "A3",
      values: [
        row(1, "“留言办结率”：未提供留言办结台账，自评依据不足", "建立留言办结台账，按月归档", "已整改", "2026-10-20", "留言办结台账（2025年度）"),
        row(2, "“平均办理时长”：超过承诺时限2天", "增配坐席，实行限时办结", "整改中", null, null),
        row(3, "“年度运维成本”：运维合同与支付凭证不符", "补签运维合同，核对支付凭证", "已整改", "2026-11-12", "补充合同及支付凭证复印件"),
        row(4, "满意度调查未留存问卷", "委托第三方开展满意度调查", "已整改", null, null),
      ],
    }],
  });
}

/** The 市场监管局's 部门整体 target table, with no 管理效率 indicator. */
function departmentTarget(): SheetSpec {
  const spec = departmentTargetTemplate();
  const grid = spec.rows.findIndex((r) => r[0]?.value === "一级指标") + 1;
  return fillTemplate(spec, {
    cells: {
      B2: 2026, B3: "双鸭山市市场监督管理局", B4: "市场监管综合执法、食品安全监督抽检、特种设备安全监察、知识产权保护。",
      B7: "食品安全监督抽检", C7: "全年监督抽检3000批次，不合格食品核查处置", D7: 260, E7: 260, F7: 0,
      B8: "特种设备安全监察", C8: "电梯、锅炉等特种设备监督检查和隐患治理", D8: 120, E8: 120, F8: 0,
      B9: "机关运行保障", C9: "人员经费及日常公用经费", D9: 520, E9: 500, F9: 20,
      D13: 900, E13: 880, F13: 20,
      B14: "食品安全监督抽检3000批次以上，评价性抽检合格率98%以上；特种设备监督检查1200台次，隐患整改闭环。",
      B35: "李建华", D35: "0469-4231100", F35: "张敏",
    },
    rows: [{
      from: `A${grid + 1}`,
      values: [
        ["履职效能", "重点工作履行情况", "食品安全监督抽检批次", "≥", 3000, "批次", 30, "2025年为2800批次"],
        ["履职效能", "重点工作履行情况", "特种设备监督检查台次", "≥", 1200, "台次", 20, null],
        ["履职效能", "履职质量", "抽检不合格食品核查处置率", "=", 100, "%", 15, null],
        ["履职效能", "履职时效", "投诉举报按时办结率", "≥", 98, "%", 10, null],
        [null, null, null, null, null, null, null, null],
        [null, null, null, null, null, null, null, null],
        [null, null, null, null, null, null, null, null],
        ["社会效应", "社会效益", "食品安全评价性抽检合格率", "≥", 98, "%", 15, null],
        [null, null, null, null, null, null, null, null],
        ["服务对象满意度", "服务对象满意度", "群众对市场监管工作满意度", "≥", 90, "%", 10, null],
      ],
    }],
  });
}

const books: [string, SheetSpec[]][] = [
  ["消防救援支队-城乡公共消防设施建设.xlsx", [target(FIRE), fireMonitoring()]],
  [
    "减灾中心-自然灾害综合风险普查.xlsx",
    [
      target(CENSUS),
      selfEvaluation({
        name: CENSUS.name, department: "双鸭山市应急管理局", unit: CENSUS.unit, responsible: CENSUS.responsible,
        funds: { initial: 300, budget: 300, executed: 285, score: 9.5 },
        goal: ["完成风险要素调查和数据审核，形成成果报告和区划图。", "完成调查和审核，形成成果报告；区划图尚在评审。"],
        // The unit scores itself 99.5; the review finds no survey behind the satisfaction score and no evidence for two claims.
        rows: [
          ["产出指标", "数量指标", "调查对象覆盖率", "≥", "95%", "98%", 15, 15, null, "96%", null, null, null],
          ["产出指标", "数量指标", "形成普查成果报告", "=", "1份", "1份", 10, 10, null, null, null, null, null],
          ["产出指标", "质量指标", "数据质检合格率", "≥", "90%", "92%", 15, 15, null, "84%", null, "抽查 50 户，质检合格 42 户", null],
          ["产出指标", "时效指标", "数据汇交完成时间", "≤", "10月", "10月", 5, 5, null, null, null, null, null],
          ["产出指标", "成本指标", "每平方公里调查成本", "≤", "0.15万元", "0.14万元", 5, 5, null, null, null, null, null],
          ["效益指标", "社会效益指标", "风险区划图在防灾规划中的应用数", "≥", "3项", "3项", 20, 20, null, "0项", null, "区划图未通过评审，尚未应用，无佐证材料", null],
          ["效益指标", "可持续影响指标", "普查数据库更新周期", "≤", "12月", "12月", 10, 10, null, null, null, null, null],
          ["满意度指标", "服务对象满意度指标", "相关部门满意度", "≥", "90%", "95%", 10, 10, null, null, 0, "未提供满意度调查问卷，不得分", null],
        ],
        total: 99.5,
      }),
    ],
  ],
  [
    "政务公开办-基层政务公开.xlsx",
    [
      target(OPENNESS),
      selfEvaluation({
        name: OPENNESS.name, department: "双鸭山市人民政府办公室", unit: OPENNESS.unit, responsible: OPENNESS.responsible,
        funds: { initial: 80, budget: 80, executed: 78, score: 9.75 },
        goal: ["编制事项目录30个，准确率98%以上，知晓率85%。", "编制目录32个，准确率99.2%，知晓率86%。"],
        rows: [
          ["产出指标", "数量指标", "公开事项目录编制数", "≥", "30个", "32个", 15, 15],
          ["产出指标", "质量指标", "信息公开准确率", "≥", "98%", "99.2%", 15, 15],
          ["产出指标", "质量指标", "政务公开平台可用率", "≥", "99%", "99.5%", 10, 10],
          ["产出指标", "时效指标", "主动公开信息时限", "≤", "20工作日", "15工作日", 5, 5],
          ["产出指标", "成本指标", "平台运维单价", "≤", "12万元/年", "11.5万元/年", 5, 5],
          ["效益指标", "社会效益指标", "政务公开知晓率", "≥", "85%", "86%", 15, 15],
          ["效益指标", "可持续影响指标", "公开制度执行年限", "≥", "3年", "3年", 15, 15],
          ["满意度指标", "服务对象满意度指标", "群众满意度", "≥", "90%", "91%", 10, 10],
        ],
        total: 99.75,
      }),
    ],
  ],
  [
    "政务服务中心-网民留言平台.xlsx",
    [
      target(MESSAGES),
      selfEvaluation({
        name: MESSAGES.name, department: "双鸭山市人民政府办公室", unit: MESSAGES.unit, responsible: MESSAGES.responsible,
        funds: { initial: 50, budget: 50, executed: 50, score: 10, carried: [8, 0] },
        goal: ["平台全年稳定运行，留言按期办结。", "平台运行正常，办结留言1260件。"],
        rows: [
          ["产出指标", "数量指标", "留言办结数", "≥", "1200件", "1260件", 20, 20],
          ["产出指标", "质量指标", "留言办结率", "≥", "95%", "90%", 15, 14.21, "部分留言涉及多部门，已建立会商机制"],
          ["产出指标", "时效指标", "平均办理时长", "≤", "10天", "12天", 10, 10, null, null, null, null, null],
          ["产出指标", "成本指标", "年度运维成本", "≤", "50万元", "50万元", 5, 5, null, null, 0, "运维合同金额与支付凭证不符，部分费用无对应服务记录", "疑似虚列运维支出约 8 万元"],
          ["效益指标", "社会效益指标", "群众诉求解决情况", "定性", "有效解决", "达成年度指标", 15, 14],
          ["效益指标", "可持续影响指标", "平台持续运行年限", "≥", "3年", "3年", 15, 15],
          ["满意度指标", "服务对象满意度指标", "留言人满意度", "≥", "90%", "93%", 10, 10],
        ],
        total: 98.21,
        confirmation: "已确认",
      }),
    ],
  ],
  ["融媒体中心-政务新媒体运维.xlsx", [target(NEW_MEDIA)]],
  ["财政局-运行监控汇总（1-7月）.xlsx", [monitoringList()]],
  ["财政局-预算项目清单.xlsx", [budgetList()]],
  ["交警支队-智慧停车系统事前绩效评估.xlsx", [parkingAssessment()]],
  ["财政局-2025年度绩效评价结果.xlsx", [lastYearResults()]],
  ["文化广电和旅游局等-绩效目标清单.xlsx", [smallProjects()]],
  ["政务服务中心-整改情况表.xlsx", [rectificationAnswer()]],
  ["市场监管局-部门整体支出绩效目标.xlsx", [departmentTarget()]],
];

rmSync("samples", { recursive: true, force: true });
mkdirSync("samples", { recursive: true });
for (const [file, sheets] of books) {
  const wb = await templateWorkbook(sheets);
  writeFileSync(`samples/${file}`, Buffer.from(await wb.xlsx.writeBuffer()));
}
console.log(`samples/ 已生成 ${books.length} 个示例工作簿`);
