import type { Citation, RuleDocument, Topic } from "../basis";
import type { Severity } from "../severity";
import { HEIHE_PLAN, MINISTRY_CITATIONS, MINISTRY_DOCUMENTS, SHUANGYASHAN_CITATIONS, SHUANGYASHAN_PLAN } from "./citations";

/**
 * A rule set (规则集): every number and formula that differs between provinces, and the documents its 依据 cite.
 * `central` follows DOMAIN.md (财预〔2020〕10号 and MoF practice) and cites the Ministry's documents; others change
 * what differs. `shuangyashan-2020`, the default, has central's numbers and cites the city plan the product was built
 * from. A finance bureau writes its own as JSON.
 */
export interface RuleSet {
  id: string;
  name: string;
  version: string;
  /** Points of the self-evaluation: budget execution and the three indicator groups; they add up to `total`. */
  weights: { execution: number; output: number; benefit: number; satisfaction: number; total: number };
  /**
   * Scoring formulas (mathjs, decimal) over A = target, B = actual, points = the indicator's points.
   * execution: A = 全年预算数, B = 全年执行数.
   */
  scoring: { execution: string; higher: string; lower: string; equal: string };
  /** Qualitative result categories with the share of points each allows, in percent, best first. */
  qualitativeBrackets: { label: string; min: number; max: number }[];
  /** Grades, best first: a score at or above `min` earns the grade. */
  grades: { grade: "优" | "良" | "中" | "差"; min: number }[];
  /** A result at or above this multiple of the target needs a written reason (广西: 1.3). */
  overAchievementRatio: number;
  /** Share of quantified targets a target table must reach (黑河 clause 27: 80%). */
  quantifiedRatioMin: number;
  /** Largest difference tolerated between a unit's own score and the recomputed one. */
  scoreTolerance: number;
  monitoring: {
    /** Execution index = 执行率 ÷ (M/12) × 100. */
    execution: { green: number; yellow: number };
    /** Indicator progress index = 完成值 ÷ (目标值 × M/12) × 100. */
    progress: { green: number; yellow: number; blue: number };
    /** 停止拨款 when execution is red and at least this share of indicators is red or 完全不可能. */
    stopRedShare: number;
    /** 暂缓拨款 when this many indicators or more are red (or execution is red, or any is 完全不可能). */
    suspendRedCount: number;
  };
  review: {
    /** Self total − review total at or above this flags self-evaluation-inflated. */
    inflatedDelta: number;
  };
  /** The whole cycle (DOMAIN §9): which projects need a 事前绩效评估, and what its score concludes. */
  cycle: {
    /** A new project of at least this many 万元 (or marked 重大) needs a 事前绩效评估. */
    majorNewAmount: number;
    /** 事前评估 score at or above this: 予以支持; at or above `exAnteAdjust`: 调整完善后支持; below: 不予支持. */
    exAnteSupport: number;
    exAnteAdjust: number;
    /** 碎片化: projects of one department, each under this many 万元, serving one purpose … */
    fragmentAmount: number;
    /** … at least this many of them. */
    fragmentMin: number;
    /** Days after the 反馈通知书 / 再评价报告 a problem must be rectified by. */
    rectifyDays: number;
  };
  decisions: { 优: Decision; 良: Decision; 中: Decision; 差: Decision };
  /** Finding severities that differ from the catalog's defaults. */
  severities: Record<string, Severity>;
  /** The documents the rule set's 依据 cite, by a short id: the province's or city's own, then the Ministry's. */
  documents: Record<string, RuleDocument>;
  /** For each citation topic (basis.ts TOPICS), what a 依据 resting on it cites. */
  citations: Record<Topic, Citation[]>;
}

/** 结果应用 (四(三)5): the five of the plan's last sentence, plus 调整 for 交叉重复、碎片化 projects. */
export type Decision = "优先保障" | "据实合理保障" | "督促改进并核减" | "调整" | "削减或取消" | "收回";
export const DECISIONS: Decision[] = ["优先保障", "据实合理保障", "督促改进并核减", "调整", "削减或取消", "收回"];

export const CENTRAL: RuleSet = {
  id: "central",
  name: "中央通用规则（财预〔2020〕10号）",
  version: "2020.1",
  weights: { execution: 10, output: 50, benefit: 30, satisfaction: 10, total: 100 },
  scoring: {
    execution: "min(B / A, 1) * points",
    higher: "B >= A ? points : points * B / A",
    lower: "B <= A ? points : points * A / B",
    equal: "A == 0 ? (B <= 0 ? points : 0) : (B >= A ? points : points * B / A)",
  },
  qualitativeBrackets: [
    { label: "达成年度指标", min: 80, max: 100 },
    { label: "部分达成年度指标并具有一定效果", min: 60, max: 80 },
    { label: "未达成年度指标且效果较差", min: 0, max: 60 },
  ],
  grades: [
    { grade: "优", min: 90 },
    { grade: "良", min: 80 },
    { grade: "中", min: 60 },
    { grade: "差", min: 0 },
  ],
  overAchievementRatio: 1.3,
  quantifiedRatioMin: 0.8,
  scoreTolerance: 0.01,
  monitoring: {
    execution: { green: 80, yellow: 60 },
    progress: { green: 80, yellow: 60, blue: 120 },
    stopRedShare: 0.5,
    suspendRedCount: 2,
  },
  review: { inflatedDelta: 10 },
  cycle: { majorNewAmount: 500, exAnteSupport: 80, exAnteAdjust: 60, fragmentAmount: 10, fragmentMin: 3, rectifyDays: 30 },
  decisions: { 优: "优先保障", 良: "据实合理保障", 中: "督促改进并核减", 差: "削减或取消" },
  severities: {},
  documents: MINISTRY_DOCUMENTS,
  citations: MINISTRY_CITATIONS,
};

/**
 * 湖北 (2020): execution worth 20 points, brackets 100–80 / 80–50 / 50–0, lower-is-better scored target/actual. Its 依据
 * are central's (the Ministry's documents), naming this rule set where its parameters decide; no Hubei document is cited,
 * as none behind these numbers has been verified.
 */
export const HUBEI_2020: RuleSet = {
  ...CENTRAL,
  id: "hubei-2020",
  name: "湖北省项目支出绩效自评规则（2020）",
  version: "2020.1",
  weights: { execution: 20, output: 40, benefit: 30, satisfaction: 10, total: 100 },
  qualitativeBrackets: [
    { label: "达成年度指标", min: 80, max: 100 },
    { label: "部分达成年度指标并具有一定效果", min: 50, max: 80 },
    { label: "未达成年度指标且效果较差", min: 0, max: 50 },
  ],
};

/**
 * 双鸭山市 (黑龙江省), 双政办发〔2020〕23号: the plan this product was built from. Central's numbers; its 依据 cite the
 * plan's clauses with their words, the 黑河 plan's clauses 27 and 28, and the Ministry's forms.
 */
export const SHUANGYASHAN_2020: RuleSet = {
  ...CENTRAL,
  id: "shuangyashan-2020",
  name: "双鸭山市预算绩效管理规则（双政办发〔2020〕23号）",
  version: "2020.1",
  documents: { "shuangyashan-plan": SHUANGYASHAN_PLAN, "heihe-plan": HEIHE_PLAN, ...MINISTRY_DOCUMENTS },
  citations: SHUANGYASHAN_CITATIONS,
};

/** The rule set chosen wherever none is named: the CLI, the task pane, the standalone page and WPS. */
export const DEFAULT_RULES: RuleSet = SHUANGYASHAN_2020;

/** The built-in sets, the default first. */
export const BUILT_IN: Record<string, RuleSet> = {
  [SHUANGYASHAN_2020.id]: SHUANGYASHAN_2020, [CENTRAL.id]: CENTRAL, [HUBEI_2020.id]: HUBEI_2020,
};

export function gradeOf(score: number, rules: RuleSet): "优" | "良" | "中" | "差" {
  for (const g of rules.grades) if (score >= g.min) return g.grade;
  return rules.grades[rules.grades.length - 1].grade;
}
