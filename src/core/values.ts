import { type CellValue, isBlank, isCellError } from "./sheet";
import { toHalfWidth } from "./text";

export type Comparator = "≥" | ">" | "≤" | "<" | "=";

export interface ParsedNumber {
  value: number;
  /** The text carried a % sign: 95% reads as 95 with percent set. */
  percent: boolean;
  /** What followed the number, e.g. 万元, 人次, 个. */
  unit: string;
}

/** Template placeholders left in a value. */
const PLACEHOLDER = /^(\*+|_+|-+|—+|x+|X+|[xX]{2,}.*|.*\*\*.*|.*XX.*|待定|暂无)$/;

export function isPlaceholder(text: string): boolean {
  return PLACEHOLDER.test(toHalfWidth(text).trim());
}

const COMPARATORS: [RegExp, Comparator][] = [
  [/^(≥|>=|=>|不低于|不少于|大于等于|大于或等于|至少)/, "≥"],
  [/^(≤|<=|=<|不高于|不超过|不多于|小于等于|小于或等于|控制在|以内)/, "≤"],
  [/^(>|大于|高于|超过)/, ">"],
  [/^(<|小于|低于)/, "<"],
  [/^(=|==|等于|达到)/, "="],
];

/** Reads ≥ ≤ > < = (and their full-width and written forms) at the start of a text. */
export function readComparator(text: string): { comparator: Comparator; rest: string } | null {
  const t = toHalfWidth(text).trim().replace(/^＝/, "=");
  for (const [re, c] of COMPARATORS) {
    const m = re.exec(t);
    if (m) return { comparator: c, rest: t.slice(m[0].length).trim() };
  }
  return null;
}

/** The 指标性质 column's value as a comparator, or "定性" / "定量（其他）". */
export function readNature(v: CellValue): Comparator | "定性" | "其他" | null {
  if (typeof v !== "string" || isBlank(v)) return null;
  const t = toHalfWidth(v).replace(/\s+/g, "");
  if (t.includes("定性")) return "定性";
  if (t.includes("其他")) return "其他";
  if (/正向|越大越好|越高越好/.test(t)) return "≥";
  if (/反向|越小越好|越低越好/.test(t)) return "≤";
  const c = readComparator(t);
  return c && c.rest === "" ? c.comparator : null;
}

/**
 * Reads a number written by hand: `1,200.50`, `95%`, `９５％`, `3000人次`, `≤1200万元` (without its comparator).
 * Returns null when no number leads the text.
 */
export function parseNumberText(text: string): ParsedNumber | null {
  const t = toHalfWidth(text).trim().replace(/[,，\s]/g, "");
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)(.*)$/.exec(t);
  if (!m) return null;
  const value = Number(m[1]);
  if (!Number.isFinite(value)) return null;
  let unit = m[2].trim();
  const percent = unit.startsWith("%") || unit.startsWith("％");
  if (percent) unit = unit.slice(1).trim();
  return { value, percent, unit: percent ? "%" + unit : unit };
}

export type NumberRead =
  | { kind: "number"; value: number; percent: boolean; unit: string }
  | { kind: "blank" }
  | { kind: "error"; error: string }
  | { kind: "text"; text: string };

/**
 * A cell where a number is expected. Dates and booleans are not numbers here. With `anyUnit`, a unit after the
 * number is accepted (an indicator's actual value: 1260件, 12天); otherwise only % and 元 units are.
 */
export function readNumberCell(v: CellValue, anyUnit = false): NumberRead {
  if (isBlank(v)) return { kind: "blank" };
  if (typeof v === "number") return Number.isFinite(v) ? { kind: "number", value: v, percent: false, unit: "" } : { kind: "text", text: String(v) };
  if (isCellError(v)) return { kind: "error", error: v.error };
  if (typeof v === "string") {
    const p = parseNumberText(v);
    if (p && (anyUnit || p.unit === "" || p.unit === "%" || /^[万亿千百]?元$/.test(p.unit))) return { kind: "number", ...p };
    return { kind: "text", text: v };
  }
  if (v instanceof Date) return { kind: "text", text: v.toISOString().slice(0, 10) };
  return { kind: "text", text: String(v) };
}

export interface Target {
  /** The text as the user wrote it. */
  raw: string;
  comparator: Comparator | null;
  value: number | null;
  percent: boolean;
  /** Unit found inside the value, e.g. 万元 in ≤1200万元. */
  unit: string;
  placeholder: boolean;
}

/** A target or actual value cell: a number, `≥95%`, `≤1200万元`, `好`, `达成年度指标`. */
export function parseTarget(v: CellValue): Target {
  const raw = v === null ? "" : typeof v === "string" ? v : isCellError(v) ? v.error : v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
  if (typeof v === "number") return { raw, comparator: null, value: v, percent: false, unit: "", placeholder: false };
  const text = raw.trim();
  if (text === "") return { raw, comparator: null, value: null, percent: false, unit: "", placeholder: false };
  const c = readComparator(text);
  const rest = c ? c.rest : toHalfWidth(text);
  const n = parseNumberText(rest);
  const placeholder = isPlaceholder(rest) || (!n && /\*{2,}|XX|xx/.test(rest));
  return {
    raw,
    comparator: c?.comparator ?? null,
    value: n ? n.value : null,
    percent: n?.percent ?? false,
    unit: n ? n.unit.replace(/^%/, "") : "",
    placeholder,
  };
}

/** A cell's number where it holds one, else null, without a finding (for totals and checks that report their own). */
export function numberAt(loc: { value: CellValue } | null | undefined): number | null {
  if (!loc) return null;
  const n = readNumberCell(loc.value);
  return n.kind === "number" ? n.value : null;
}
