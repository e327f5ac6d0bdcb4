import { a1 } from "../address";
import { finding, type Finding, ruleBasis } from "../findings";
import { nestedPointsProblems } from "./points";
import {
  ALLOWED_LEVEL2, indicatorLabel, isCostIndicator, isQuantitative, LEVEL2_NAMES, level1Of, level2Of, natureOf,
  readNumber, unitOf,
} from "../indicators";
import { type CopyKey, fieldText, type FieldKey, type Indicator, type Project } from "../model";
import type { RuleSet } from "../rules/ruleset";
import { isBlank } from "../sheet";
import { normalizeLabel } from "../text";
import { isPlaceholder } from "../values";

const REQUIRED: [FieldKey, string][] = [
  ["name", "项目名称"],
  ["department", "主管部门"],
  ["unit", "实施单位"],
  ["fundsTotal", "年度资金总额"],
  ["goal", "总体目标"],
];

/** Execution and payment measures are not outputs or benefits. */
const EXECUTION_MEASURE = /资金支付率|预算执行率|资金到位率|支出进度|资金执行率|拨付率|支付进度/;
/** Words that state a direction without a measurable object: 社会效益明显, 群众满意度提升. */
const VAGUE_WORDS = /明显|显著|有效|进一步|逐步|大幅|较大|良好|提高|提升|增强|改善|加强|促进|推动/;
const MEASURABLE = /率|数|量|人次|次|天|元|个|户|人|项|公里|亩|吨|时长|比例|比重|占比|面积|金额|得分|指数|时间/;
const VAGUE_VALUES = /^(好|较好|良好|一般|明显|显著|有效|有所提高|有所提升|逐步提高|进一步提高|大幅提升|提高|提升|改善)$/;
const CONSTRUCTION = /建设|工程|基建|新建|扩建|改建|改造|修缮|维修|基础设施/;
const NEGATIVE = /^(无|否|没有|未|暂无|-|—|\/)$/;

/** The checks of 源头把关: is the target table 细化量化、可比可测 and complete? */
export function checkTargetTable(p: Project, rules: RuleSet): Finding[] {
  const out: Finding[] = [];
  const at = (cell: string | null) => ({ sheet: p.sheet, cell });
  const header = p.indicators.length > 0 ? a1(Math.max(0, p.indicators[0].row - 1), 0) : null;

  for (const [key, label] of REQUIRED) {
    const f = p.fields[key];
    if (!f || isBlank(f.value) || isPlaceholder(String(f.value))) {
      out.push(finding("missing-field", at(f?.cell ?? null), `缺少“${label}”${f ? `（${f.cell} 为空或仍是占位符）` : ""}。`, rules));
    }
  }

  const total = readNumber(p, p.fields.fundsTotal, "年度资金总额", out, rules);
  const fiscal = readNumber(p, p.fields.fundsFiscal, "财政拨款", out, rules);
  const other = readNumber(p, p.fields.fundsOther, "其他资金", out, rules);
  const own = readNumber(p, p.fields.fundsOwn, "自有资金", out, rules);
  const unread = (f: typeof fiscal, key: FieldKey) => f === null && p.fields[key] !== undefined && !isBlank(p.fields[key]!.value);
  if (total && (fiscal || other || own) && !unread(fiscal, "fundsFiscal") && !unread(other, "fundsOther") && !unread(own, "fundsOwn")) {
    const sum = Math.round(((fiscal?.value ?? 0) + (other?.value ?? 0) + (own?.value ?? 0)) * 10000);
    if (sum !== Math.round(total.value * 10000)) {
      const parts = [`财政拨款 ${fiscal?.value ?? 0}`, ...(own ? [`自有资金 ${own.value}`] : []), `其他资金 ${other?.value ?? 0}`].join(" + ");
      out.push(finding("funds-mismatch", at(p.fields.fundsTotal!.cell),
        `${parts} = ${sum / 10000}，不等于年度资金总额 ${total.value}（万元）。`, rules));
    }
  }
  if (total && total.value < 0) out.push(finding("unreadable-value", at(p.fields.fundsTotal!.cell), `年度资金总额为负数（${total.value}）。`, rules));

  if (p.indicators.length === 0) {
    out.push(finding("no-indicators", at(null), "没有填写任何绩效指标。", rules));
    return out;
  }
  out.push(...checkCoverage(p, rules, header));
  out.push(...checkIndicators(p, rules));
  out.push(...checkWeights(p, rules));
  out.push(...checkInvestment(p, rules));
  return out;
}

/** The four areas of a department's 整体绩效 as the provinces' forms name them (DOMAIN §9), read off the 一级指标. */
const DEPARTMENT_AREAS: [string, RegExp][] = [
  ["履职效能", /履职|产出/],
  ["管理效率", /管理|过程/],
  ["社会效应", /社会效应|效益|效果/],
];

/**
 * What a department's table must cover (四(三)2 整体绩效目标): where its 一级指标 use the provinces' names (履职效能,
 * 管理效率, 社会效应), all of them; a table in 88号's tree (产出 / 效益) needs 产出 and 效益. Both need 服务对象满意度,
 * as an 一级 or a 二级 indicator.
 */
function departmentMissing(p: Project): string[] {
  const level1 = p.indicators.map((i) => normalizeLabel(i.level1));
  const provincial = level1.some((t) => /履职效能|管理效率|社会效应/.test(t));
  const areas = provincial ? DEPARTMENT_AREAS : DEPARTMENT_AREAS.filter(([name]) => name !== "管理效率");
  const missing = areas.filter(([, re]) => !level1.some((t) => re.test(t))).map(([name]) => `${name}指标`);
  if (!p.indicators.some((i) => /满意/.test(i.level1) || /满意/.test(i.level2))) missing.push("服务对象满意度指标");
  return missing;
}

/** The categories a project's table must cover (DOMAIN.md §2). */
function projectMissing(p: Project): string[] {
  const l1 = p.indicators.map(level1Of);
  const pairs = p.indicators.map((i) => [level1Of(i), level2Of(i)] as const);
  const has = (a: string, b?: string) => pairs.some(([x, y]) => x === a && (b === undefined || y === b));
  const missing: string[] = [];
  if (!has("output", "quantity")) missing.push("产出指标—数量指标");
  if (!has("output", "quality")) missing.push("产出指标—质量指标");
  if (!has("output", "timeliness")) missing.push("产出指标—时效指标");
  if (!has("output", "cost") && !l1.includes("cost")) missing.push("成本指标");
  if (!l1.includes("benefit")) missing.push("效益指标");
  if (!has("satisfaction")) missing.push("满意度指标（服务对象满意度）");
  return missing;
}

function checkCoverage(p: Project, rules: RuleSet, cell: string | null): Finding[] {
  const out: Finding[] = [];
  const missing = p.scope === "department" ? departmentMissing(p) : projectMissing(p);
  if (missing.length > 0) {
    out.push(finding("missing-dimension", { sheet: p.sheet, cell }, `${p.scope === "department" ? "部门整体绩效指标" : "指标"}不全，缺少：${missing.join("、")}。`, rules));
  }
  const quantified = p.indicators.filter(isQuantitative).length;
  const ratio = quantified / p.indicators.length;
  if (ratio < rules.quantifiedRatioMin) {
    out.push(finding("quantified-ratio-low", { sheet: p.sheet, cell },
      `量化指标 ${quantified} 个，占全部 ${p.indicators.length} 个指标的 ${(ratio * 100).toFixed(1)}%，低于 ${(rules.quantifiedRatioMin * 100).toFixed(0)}% 的要求。`,
      rules, ruleBasis("quantified-ratio-low", rules)));
  }
  return out;
}

function checkIndicators(p: Project, rules: RuleSet): Finding[] {
  const out: Finding[] = [];
  const seen = new Map<string, Indicator>();
  for (const ind of p.indicators) {
    const name = indicatorLabel(ind);
    const nameCell = ind.cells.level3?.cell ?? null;
    const valueCell = ind.cells.target?.cell ?? nameCell;
    const where = (cell: string | null) => ({ sheet: p.sheet, cell });
    if (!ind.level3) {
      out.push(finding("indicator-name-missing", where(nameCell), `第 ${ind.row + 1} 行填了指标值，但没有三级指标名称。`, rules));
      continue;
    }
    const nature = natureOf(ind);
    const quantitative = isQuantitative(ind);
    if (ind.target.placeholder) {
      out.push(finding("target-not-measurable", where(valueCell), `指标“${name}”的指标值仍是模板占位符“${ind.target.raw.trim()}”。`, rules));
    } else if (ind.cells.target && ind.target.raw.trim() === "") {
      out.push(finding("target-not-measurable", where(valueCell), `指标“${name}”的指标值为空，无法考核。`, rules));
    } else if (quantitative && nature !== "其他" && ind.target.value === null) {
      out.push(finding("target-not-measurable", where(valueCell),
        `定量指标“${name}”没有可比较的数值${ind.target.raw.trim() ? `（填的是“${ind.target.raw.trim()}”）` : "（指标值为空）"}。`, rules));
    }
    if (quantitative && ind.target.value !== null && unitOf(ind) === "") {
      out.push(finding("missing-unit", where(ind.cells.measure?.cell ?? valueCell), `定量指标“${name}”没有度量单位。`, rules));
    }
    if (ind.target.value !== null && nature === null) {
      out.push(finding("missing-comparator", where(ind.cells.nature?.cell ?? valueCell), `指标“${name}”有数值 ${ind.target.value}，但没有指标性质（≥、≤、= 等）。`, rules));
    }
    if (isCostIndicator(ind) && (nature === "≥" || nature === ">")) {
      out.push(finding("direction-mismatch", where(ind.cells.nature?.cell ?? valueCell),
        `成本指标“${name}”应为越低越好（≤），却写成了“${nature}”。`, rules));
    }
    const l1 = level1Of(ind);
    const l2 = level2Of(ind);
    if ((l1 === "output" || l1 === "benefit") && EXECUTION_MEASURE.test(normalizeLabel(ind.level3))) {
      out.push(finding("misplaced-indicator", where(nameCell), `“${name}”是预算执行或资金支付指标，不能作为${l1 === "output" ? "产出" : "效益"}指标。`, rules));
    } else if (l1 !== "unknown" && l2 !== "unknown" && !ALLOWED_LEVEL2[l1].includes(l2)) {
      out.push(finding("misplaced-indicator", where(ind.cells.level2?.cell ?? nameCell),
        `二级指标“${LEVEL2_NAMES[l2]}”不属于一级指标“${ind.level1}”（指标“${name}”）。`, rules));
    }
    if (isVague(ind, quantitative)) {
      out.push(finding("vague-target", where(valueCell),
        `指标“${name}”${ind.target.raw ? `（${ind.target.raw.trim()}）` : ""}表述笼统，无法考核：请写明可衡量的对象和标准。`, rules));
    }
    const key = normalizeLabel(ind.level3);
    const first = seen.get(key);
    if (first) {
      out.push(finding("duplicate-indicator", where(nameCell),
        `指标“${name}”重复出现（第一次在 ${first.cells.level3?.cell}，${first.level1} / ${first.level2}），只能计一次。`, rules));
    } else seen.set(key, ind);
    if (ind.target.value !== null && ind.target.value < 0) {
      out.push(finding("unreadable-value", where(valueCell), `指标“${name}”的指标值为负数（${ind.target.value}）。`, rules));
    }
  }
  return out;
}

function isVague(ind: Indicator, quantitative: boolean): boolean {
  const name = normalizeLabel(ind.level3);
  const value = normalizeLabel(ind.target.raw);
  const nameVague = VAGUE_WORDS.test(name) && !MEASURABLE.test(name.replace(VAGUE_WORDS, ""));
  if (quantitative) return level1Of(ind) === "benefit" && unitOf(ind) === "%" && nameVague;
  return VAGUE_VALUES.test(value) || (value === "" && nameVague);
}

function checkWeights(p: Project, rules: RuleSet): Finding[] {
  const out: Finding[] = [];
  const nested = nestedPointsProblems(p.indicators, rules.weights.total);
  if (nested) {
    for (const x of nested.problems) out.push(finding("weight-sum", { sheet: p.sheet, cell: x.cell }, x.message, rules, ruleBasis("weight-sum", rules)));
    return out;
  }
  const weights = p.indicators.filter((i) => i.cells.weight && !isBlank(i.cells.weight.value));
  if (weights.length === 0) return out;
  let sum = 0;
  for (const i of weights) sum += readNumber(p, i.cells.weight, `指标“${indicatorLabel(i)}”的权重`, out, rules)?.value ?? 0;
  const accepted = [rules.weights.total, rules.weights.total - rules.weights.execution];
  if (!accepted.some((t) => Math.abs(t - sum) < 0.005)) {
    out.push(finding("weight-sum", { sheet: p.sheet, cell: weights[0].cells.weight!.cell },
      `指标权重合计 ${Math.round(sum * 100) / 100}，应为 ${accepted.join(" 或 ")}（含预算执行率 ${rules.weights.execution} 分时为 ${accepted[1]}）。`,
      rules, ruleBasis("weight-sum", rules)));
  }
  return out;
}

function checkInvestment(p: Project, rules: RuleSet): Finding[] {
  const described = [fieldText(p, "name"), fieldText(p, "projectType"), fieldText(p, "attribute")].join(" ");
  if (!CONSTRUCTION.test(described)) return [];
  const given = (k: FieldKey) => {
    const t = fieldText(p, k);
    return t !== "" && !NEGATIVE.test(t) && !isPlaceholder(t);
  };
  if (given("investmentReview") || given("leaderApproval")) return [];
  return [
    finding("investment-review-missing", { sheet: p.sheet, cell: p.fields.investmentReview?.cell ?? p.fields.name?.cell ?? null },
      `“${fieldText(p, "name")}”是建设投资类项目，须先附投资评审预算报告；紧急情况须有上级领导批示。两者都没有。`, rules),
  ];
}

/** A target table's indicator set as copies are looked for: 三级指标 and 指标值, in any order; null below three indicators. */
export function copyKey(p: Project): CopyKey | null {
  if (p.kind !== "target" || p.indicators.length < 3) return null;
  const key = p.indicators.map((i) => `${normalizeLabel(i.level3)}|${normalizeLabel(i.target.raw)}`).sort().join("\n");
  return { key, count: p.indicators.length, cell: p.indicators[0].cells.level3?.cell ?? null };
}

/** Identical indicator sets in projects of different units: copied, not set from the project's own facts. */
export function checkCopiedIndicators(projects: Project[], rules: RuleSet): Map<Project, Finding[]> {
  const out = new Map<Project, Finding[]>();
  const groups = new Map<string, { p: Project; copy: CopyKey }[]>();
  for (const p of projects) {
    const copy = p.settled ? p.settled.copy : copyKey(p);
    if (!copy) continue;
    const group = groups.get(copy.key);
    if (group) group.push({ p, copy });
    else groups.set(copy.key, [{ p, copy }]);
  }
  const who = (p: Project) => fieldText(p, "unit") || fieldText(p, "department") || p.file;
  // Most projects of a large group name the same three others: one message object for them all.
  const messages = new Map<string, string>();
  const shared = (m: string) => messages.get(m) ?? (messages.set(m, m), m);
  for (const group of groups.values()) {
    const units = new Set(group.map((x) => who(x.p)));
    if (units.size < 2) continue;
    // The first project of each other unit, enough to name up to three of them in any message.
    const firstOfUnit = new Map<string, Project>();
    for (const { p: q } of group) if (!firstOfUnit.has(who(q))) firstOfUnit.set(who(q), q);
    const samples = [...firstOfUnit.values()].slice(0, 4);
    for (const { p, copy } of group) {
      const names = samples.filter((q) => who(q) !== who(p)).slice(0, 3).map((q) => `${who(q)}“${fieldText(q, "name")}”`).join("、");
      out.set(p, [
        finding("copied-indicators", { sheet: p.sheet, cell: copy.cell },
          shared(`本项目 ${copy.count} 个指标及指标值与 ${names}${units.size > 4 ? ` 等 ${units.size - 1} 个单位的项目` : ""}完全相同，疑似照抄，请按本项目实际设置。`), rules),
      ]);
    }
  }
  return out;
}
