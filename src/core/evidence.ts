import type { Indicator, IndicatorColumn } from "./model";

/**
 * What a verdict rests on. Every grade, 结果应用 and 拨款 advice is an official act with money behind it, so each
 * carries the cells it was taken on, and none is given on cells that were not read: a verdict whose figures were not
 * read is 无法评定 (or 无法判定 for 双监控), with what is missing named.
 */
export interface Evidence {
  /**
   * How the figure behind the verdict was obtained: recomputed from the cells read; taken from the form's own stated
   * figures (未经重算: the unit's 总分 or its per-indicator 得分, where the values to recompute them were not read);
   * or none at all (无法评定).
   */
  source: "recomputed" | "stated" | "none";
  /** The columns and cells read for it, as a clerk finds them on the sheet: 实际完成值 F12:F20, 全年执行数 E6. */
  read: string[];
  /** Indicator rows whose part of the verdict was read (value or score, and points), of all indicator rows found. */
  rows: { read: number; found: number };
  /** What the verdict needed and was not read; non-empty exactly when it could not be taken. */
  missing: string[];
}

export const SOURCE_NAMES: Record<Evidence["source"], string> = { recomputed: "按表中数据重算", stated: "未经重算（按表中填报数）", none: "无法评定" };

/** One short line for a 依据 column: how the figure was obtained, how many rows were read, from which cells. */
export function evidenceLine(e: Evidence): string {
  const parts = [SOURCE_NAMES[e.source]];
  if (e.rows.found > 0) parts.push(`指标读到 ${e.rows.read}/${e.rows.found} 行`);
  if (e.read.length > 0) parts.push(`读取 ${e.read.join("、")}`);
  if (e.missing.length > 0) parts.push(`缺 ${e.missing.join("、")}`);
  return parts.join("；");
}

/** The cells of one column over the indicator rows, as a range a clerk can select (F12:F20), or null if none. */
export function columnSpan(indicators: Indicator[], role: IndicatorColumn): string | null {
  const cells = indicators.map((i) => i.cells[role]?.cell).filter((c): c is string => Boolean(c));
  if (cells.length === 0) return null;
  const first = cells[0];
  const last = cells[cells.length - 1];
  return first === last ? first : `${first}:${last}`;
}

/** “实际完成值 F12:F20” for each role the indicators have a column for, in the order given. */
export function columnsRead(indicators: Indicator[], roles: [IndicatorColumn, string][]): string[] {
  return roles.flatMap(([role, name]) => {
    const span = columnSpan(indicators, role);
    return span ? [`${name} ${span}`] : [];
  });
}
