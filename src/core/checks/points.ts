import { dec, type Dec } from "../decimal";
import type { Indicator, Located } from "../model";
import { numberAt } from "../values";

/** A place where a level's points do not add up to the level above. */
export interface PointsProblem {
  cell: string | null;
  message: string;
}

interface Section {
  name: string;
  weight: Located | undefined;
  items: Indicator[];
}

/** A points cell read without complaint (a blank or a word is no points): for totals, not for findings. */
export const pointsOf = (loc: Located | undefined): number | null => numberAt(loc);

function sections(items: Indicator[], name: (i: Indicator) => string, weight: (i: Indicator) => Located | undefined): Section[] {
  const out: Section[] = [];
  for (const i of items) {
    const last = out[out.length - 1];
    if (last && last.name === name(i)) last.items.push(i);
    else out.push({ name: name(i), weight: weight(i), items: [i] });
  }
  return out;
}

const sumOf = (xs: (number | null)[]): Dec => xs.reduce<Dec>((s, x) => s.plus(x ?? 0), dec(0));
const fmt = (d: Dec) => String(Math.round(d.toNumber() * 100) / 100);

/**
 * Weights given per level (the 权重 of each 一级指标, the 分值 of its 二级 and 三级 indicators within it), checked level
 * by level, never summed flat: the 一级 weights add up to the total; within each 一级, the 二级 points add up to its
 * weight (or, where a form scores each section out of the total, to the total); within each 二级, the 三级 points
 * add up to its points. Null when the grid gives points at one level only.
 */
export function nestedPointsProblems(indicators: Indicator[], total: number): { problems: PointsProblem[]; levelTotal: number } | null {
  const items = indicators.filter((i) => i.level3);
  if (!items.some((i) => i.cells.level1Weight || i.cells.level2Weight)) return null;
  const problems: PointsProblem[] = [];
  const near = (a: Dec, b: number) => a.minus(b).abs().lessThan(0.005);
  const level1 = sections(items, (i) => i.level1, (i) => i.cells.level1Weight);
  const has1 = level1.some((s) => pointsOf(s.weight) !== null);
  const levelTotal = sumOf(level1.map((s) => pointsOf(s.weight)));
  if (has1 && !near(levelTotal, total)) {
    problems.push({ cell: level1[0].weight?.cell ?? null, message: `各一级指标权重合计 ${fmt(levelTotal)}，应为 ${total}。` });
  }
  /** Children add up to their parent's points, or to the total where each section is scored out of the total. */
  const check = (parent: number | null, parentName: string, cell: string | null, children: (number | null)[], what: string) => {
    if (children.every((c) => c === null)) return;
    const sum = sumOf(children);
    if (parent !== null && !near(sum, parent) && !near(sum, total)) {
      problems.push({ cell, message: `“${parentName}”的${what}合计 ${fmt(sum)}，与其分值 ${parent} 不符。` });
    }
  };
  for (const s1 of level1) {
    const w1 = has1 ? pointsOf(s1.weight) : total;
    const level2 = sections(s1.items, (i) => i.level2, (i) => i.cells.level2Weight);
    if (level2.some((s) => pointsOf(s.weight) !== null)) {
      check(w1, s1.name, s1.weight?.cell ?? null, level2.map((s) => pointsOf(s.weight)), "二级指标分值");
      for (const s2 of level2) check(pointsOf(s2.weight), s2.name, s2.weight?.cell ?? null, s2.items.map((i) => pointsOf(i.cells.weight)), "三级指标分值");
    } else {
      check(w1, s1.name, s1.weight?.cell ?? null, s1.items.map((i) => pointsOf(i.cells.weight)), "三级指标分值");
    }
  }
  return { problems, levelTotal: has1 ? levelTotal.toNumber() : total };
}
