import { a1 } from "../address";
import type { SheetSnapshot, SheetSpec, SpecCell } from "../sheet";
import { cellText } from "../text";
import { parseRuleSet, RuleSetError } from "./load";
import { BUILT_IN, CENTRAL, type RuleSet } from "./ruleset";

/** The sheet in which a finance bureau keeps its own rule set inside the workbook. */
export const PARAMETER_SHEET = "参数";

/** What each key means, for the 参数 sheet a bureau fills. */
const MEANING: Record<string, string> = {
  id: "规则集编号（英文、数字、短横线），如 shuangyashan-2026",
  name: "规则集名称",
  version: "版本",
  extends: "以哪套内置规则为基础（未写的参数和依据都沿用它）：central（中央通用，依据只引用中央文件）、shuangyashan-2020（双鸭山市，依据引用双政办发〔2020〕23号）或 hubei-2020（湖北）",
  "weights.execution": "预算执行率分值",
  "weights.output": "产出指标分值",
  "weights.benefit": "效益指标分值",
  "weights.satisfaction": "满意度指标分值",
  "weights.total": "总分（以上四项之和）",
  "scoring.execution": "预算执行率得分公式（A 全年预算数，B 全年执行数，points 分值）",
  "scoring.higher": "越高越好指标的得分公式（A 指标值，B 实际完成值）",
  "scoring.lower": "越低越好指标的得分公式",
  "scoring.equal": "“=”指标的得分公式",
  overAchievementRatio: "实际完成值达到指标值的多少倍须说明原因",
  quantifiedRatioMin: "量化指标最低占比（0.8 即 80%）",
  scoreTolerance: "单位自填得分与重算得分允许的误差",
  "monitoring.execution.green": "执行进度指数绿灯下限",
  "monitoring.execution.yellow": "执行进度指数黄灯下限（低于为红灯）",
  "monitoring.progress.green": "指标进度指数绿灯下限",
  "monitoring.progress.yellow": "指标进度指数黄灯下限",
  "monitoring.progress.blue": "指标进度指数蓝灯（超进度）下限",
  "monitoring.stopRedShare": "执行红灯且红灯或“完全不可能”指标占比达到多少时建议停止拨款",
  "monitoring.suspendRedCount": "红灯指标达到几个时建议暂缓拨款",
  "review.inflatedDelta": "自评比复核高出多少分提示“自评偏高”",
  "cycle.majorNewAmount": "新增项目达到多少万元（或标为重大）须做事前绩效评估",
  "cycle.exAnteSupport": "事前绩效评估得分达到多少“予以支持”",
  "cycle.exAnteAdjust": "事前绩效评估得分达到多少“调整完善后支持”（低于为“不予支持”）",
  "cycle.fragmentAmount": "同一部门用途相同的项目，每个低于多少万元算小项目（碎片化）",
  "cycle.fragmentMin": "同一部门用途相同的小项目达到几个算碎片化",
  "cycle.rectifyDays": "反馈通知书 / 再评价报告提出的问题，发文后几日内完成整改",
};

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function leaves(value: Json, path: string, out: [string, Json][]): void {
  if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) leaves(v as Json, path ? `${path}.${k}` : k, out);
  } else out.push([path, value]);
}

/** A 参数 sheet listing every key of a rule set with its value and meaning, for a bureau to adjust. */
export function parameterSheet(base: RuleSet = CENTRAL): SheetSpec {
  const list: [string, Json][] = [["id", "my-bureau"], ["name", "本地规则"], ["extends", base.id]];
  const { id: _id, name: _name, severities: _s, documents: _d, citations: _c, ...rest } = base;
  leaves(rest as unknown as Json, "", list);
  const rows: SpecCell[][] = [
    [{ value: "键", style: "header" }, { value: "值", style: "header" }, { value: "说明", style: "header" }],
    ...list.map(([k, v]): SpecCell[] => [
      { value: k, style: "label" },
      { value: v as string | number | boolean | null, style: "input", input: true },
      { value: MEANING[k] ?? MEANING[k.replace(/\.\d+\./, ".")] ?? "", style: "note" },
    ]),
  ];
  return { name: PARAMETER_SHEET, rows, columnWidths: [34, 44, 60], freezeRows: 1, protect: true };
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split(".");
  let node: Record<string, unknown> = target;
  parts.slice(0, -1).forEach((p, i) => {
    const nextIsIndex = /^\d+$/.test(parts[i + 1]);
    if (typeof node[p] !== "object" || node[p] === null) node[p] = nextIsIndex ? [] : {};
    node = node[p] as Record<string, unknown>;
  });
  node[parts[parts.length - 1]] = value;
}

/**
 * Reads a rule set from a 参数 sheet: column A a key path (weights.execution, grades.0.min), column B its value.
 * Keys not given keep the value of the set named by `extends`. A bad key or value is rejected with its cell.
 */
export function ruleSetFromSheet(sheet: SheetSnapshot): RuleSet {
  const where = new Map<string, { key: string; value: string }>();
  const given: [string, unknown][] = [];
  sheet.rows.forEach((row, r) => {
    const key = cellText(row[0] ?? null).trim();
    if (!key || key === "键") return;
    const v = row[1] ?? null;
    if (v === null || (typeof v === "string" && v.trim() === "")) return;
    const cells = { key: a1(sheet.top + r, sheet.left), value: a1(sheet.top + r, sheet.left + 1) };
    where.set(key, cells);
    // Messages name array items as grades[1].min: the same key, as they write it.
    where.set(key.replace(/\.(\d+)(?=\.|$)/g, "[$1]"), cells);
    // Each leading part of the key too, for a message that names only its object (citations.dual-monitoring[0]).
    key.split(".").forEach((_, i, parts) => {
      const prefix = parts.slice(0, i + 1).join(".");
      if (!where.has(prefix)) where.set(prefix, cells);
    });
    given.push([key, typeof v === "string" ? v.trim() : v]);
  });
  const ext = String(given.find(([k]) => k === "extends")?.[1] ?? CENTRAL.id);
  const base = BUILT_IN[ext] ? (JSON.parse(JSON.stringify(BUILT_IN[ext])) as Record<string, unknown>) : {};
  const json: Record<string, unknown> = { ...base, severities: {} };
  // A topic the sheet cites is the sheet's alone: the extended set's citations for it do not linger under its rows.
  const cited = new Set(given.map(([k]) => /^citations\.([^.]+)\./.exec(k)?.[1]).filter((t): t is string => t !== undefined));
  const citations = json.citations as Record<string, unknown> | undefined;
  if (citations) for (const t of cited) citations[t] = [];
  for (const [k, v] of given) {
    // A number typed as text ("10") counts as the number where the rule set expects one.
    const expected = k.split(".").reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), base);
    const value = typeof expected === "number" && typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
    setPath(json, k, value);
  }
  const source = `“${sheet.name}”表`;
  try {
    return parseRuleSet(JSON.stringify(json), source);
  } catch (e) {
    if (!(e instanceof RuleSetError)) throw e;
    // Point at the cell of the key the message names.
    const key = [...where.keys()].sort((a, b) => b.length - a.length).find((k) => e.message.includes(`键 ${k}`));
    if (!key) throw e;
    // An unknown key is wrong in column A, a bad value in column B.
    const cell = e.message.includes("无法识别") ? where.get(key)!.key : where.get(key)!.value;
    throw new RuleSetError(`${e.message}（单元格 ${cell}）`);
  }
}
