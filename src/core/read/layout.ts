import { columnLetters } from "../address";
import { normalizeLabel } from "../text";
import type { ColumnRole, Reading } from "../model";
import type { Sheet } from "./sheet-view";

/**
 * Layout profiles: where a clerk has told the reader which column is which, once, for a header nobody here designed.
 * A profile is keyed by a fingerprint of the header text (so it applies to every table with that header, whatever
 * its file), holds a role per header column, and has a name (某省专项资金绩效评价表). It never silences a check; it only
 * tells the reader where things are. A bureau can hand one file to all its units.
 */
export interface LayoutProfile {
  /** The format's mark and version: files are recognised by it. */
  jixiaoLayout: 1;
  name: string;
  /** fingerprint(header labels): the profile applies to a table whose header gives the same. */
  fingerprint: string;
  /** The header's labels, column by column, as read (for people, and to check the fingerprint). */
  header: string[];
  /** A role per column, by its place in the header (0 = the header's first column); "ignore" takes a column out. */
  roles: { column: number; role: ColumnRole }[];
}

/** The roles a profile may give a column, with the names the pane shows for them. */
export const PROFILE_ROLES: [ColumnRole, string][] = [
  ["level1", "一级指标"], ["level2", "二级指标"], ["level3", "三级指标"], ["nature", "指标性质"], ["target", "指标值 / 目标值"],
  ["measure", "度量单位"], ["weight", "分值 / 权重"], ["actual", "实际完成值"], ["score", "得分"], ["progress", "本期完成值"],
  ["expected", "全年预计完成值"], ["possibility", "完成可能性"], ["reason", "偏差原因"], ["correction", "纠偏措施"],
  ["reviewActual", "复核完成值"], ["reviewScore", "复核得分"], ["deduction", "扣分原因"], ["clue", "违法违纪线索"], ["ignore", "不读取"],
];
const ROLE_SET = new Set<string>(PROFILE_ROLES.map(([r]) => r));

/** The header's labels column by column (two-row headers as 上/下), trailing blanks dropped. */
export function headerLabels(s: Sheet, header: number): string[] {
  const out: string[] = [];
  // The row below belongs to the header where a header cell is merged down into it (a two-row header).
  let twoRows = false;
  for (let c = s.left; c <= s.maxRight && !twoRows; c++) {
    const m = s.areaAt(header, c);
    twoRows = m !== null && m.top === header && m.bottom > header;
  }
  for (let c = s.left; c <= s.maxRight; c++) {
    const top = s.label(header, c) || (s.isMergedSlave(header, c) ? normalizeLabel(String(s.get(header, c) ?? "")) : "");
    const below = twoRows && !s.isMergedSlave(header + 1, c) ? s.label(header + 1, c) : "";
    out.push(below && top !== below ? `${top}/${below}` : top);
  }
  while (out.length > 0 && out[out.length - 1] === "") out.pop();
  return out;
}

/** FNV-1a over the header's labels: the same header text gives the same fingerprint, in every host. */
export function fingerprint(labels: string[]): string {
  let h = 0x811c9dc5;
  for (const ch of labels.join("|")) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/** The profile for a header, if one of those given matches its fingerprint. */
export function profileFor(s: Sheet, header: number, profiles: readonly LayoutProfile[] | undefined): LayoutProfile | null {
  if (!profiles || profiles.length === 0) return null;
  const print = fingerprint(headerLabels(s, header));
  return profiles.find((p) => p.fingerprint === print) ?? null;
}

/** A profile's column (its place in the header) as the sheet's column. */
export const profileColumn = (s: Sheet, column: number) => s.left + column;

/** Why a profile file cannot be used: the file and the field, in Chinese. */
export class LayoutError extends Error {}

/**
 * Reads a profile file (JSON), checking every field; an invalid one is an error naming the file and the field. A file
 * may hold one profile or a list of them.
 */
export function parseLayoutProfiles(text: string, file: string): LayoutProfile[] {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new LayoutError(`版式文件 ${file} 不是有效的 JSON：${(e as Error).message}`);
  }
  const list = Array.isArray(data) ? data : [data];
  return list.map((x, i) => checkProfile(x, list.length > 1 ? `${file} 第 ${i + 1} 个版式` : file));
}

function checkProfile(x: unknown, where: string): LayoutProfile {
  const fail = (field: string, what: string): never => {
    throw new LayoutError(`版式文件 ${where} 的字段“${field}”${what}。`);
  };
  if (typeof x !== "object" || x === null) fail("（整个文件）", "应为一个对象");
  const o = x as Record<string, unknown>;
  if (o.jixiaoLayout !== 1) fail("jixiaoLayout", "应为 1（本工具的版式文件）");
  if (typeof o.name !== "string" || o.name.trim() === "") fail("name", "应为版式的名称，如“某省专项资金绩效评价表”");
  if (!Array.isArray(o.header) || o.header.some((h) => typeof h !== "string")) fail("header", "应为表头各列的文字");
  const header = o.header as string[];
  if (typeof o.fingerprint !== "string" || !/^[0-9a-f]{8}$/.test(o.fingerprint)) fail("fingerprint", "应为 8 位十六进制的表头指纹");
  if (o.fingerprint !== fingerprint(header)) fail("fingerprint", `与 header 不符（按 header 应为 ${fingerprint(header)}），文件可能被改动过`);
  if (!Array.isArray(o.roles)) fail("roles", "应为各列的角色");
  const seen = new Set<string>();
  const roles = (o.roles as unknown[]).map((r, i) => {
    const e = r as Record<string, unknown>;
    if (typeof e !== "object" || e === null || !Number.isInteger(e.column) || (e.column as number) < 0 || (e.column as number) >= header.length) {
      fail(`roles[${i}].column`, `应为表头中的列序号（0 到 ${header.length - 1}）`);
    }
    if (typeof e.role !== "string" || !ROLE_SET.has(e.role)) fail(`roles[${i}].role`, `不是已知的列角色（可用：${[...ROLE_SET].join("、")}）`);
    if (e.role !== "ignore" && seen.has(e.role as string)) fail(`roles[${i}].role`, `“${e.role}”给了不止一列`);
    seen.add(e.role as string);
    return { column: e.column as number, role: e.role as ColumnRole };
  });
  return { jixiaoLayout: 1, name: (o.name as string).trim(), fingerprint: o.fingerprint as string, header, roles };
}

/** A profile from a reading the clerk corrected: the header as read and the roles as they now stand. */
export function makeProfile(name: string, header: string[], roles: { column: number; role: ColumnRole }[]): LayoutProfile {
  return { jixiaoLayout: 1, name, fingerprint: fingerprint(header), header, roles: [...roles].sort((a, b) => a.column - b.column) };
}


export function describeReading(s: Sheet, header: number, roles: Map<number, ColumnRole>, profile: LayoutProfile | null): Reading {
  const labels = headerLabels(s, header);
  return {
    header: labels,
    fingerprint: fingerprint(labels),
    row: header + 1,
    left: s.left,
    columns: labels.map((label, i) => ({ column: i, letter: columnLetters(s.left + i), label, role: roles.get(s.left + i) ?? null })),
    profile: profile?.name ?? null,
  };
}
