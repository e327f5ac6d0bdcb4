/** Stage 4 — read the fields around a grid: label cells and the value to their right or below. */

import { a1 } from "../address";
import { type FieldKey, type Located, type Project } from "../model";
import { isBlank } from "../sheet";
import { cellText, normalizeLabel } from "../text";
import type { Sheet } from "./sheet-view";
import { columnRole, fieldOf, SUB_LABELS } from "./labels";
import { isGroupOfLabels } from "./headers";

function isLabelText(s: Sheet, r: number, c: number): boolean {
  const l = s.label(r, c);
  return l !== "" && (fieldOf(l) !== null || SUB_LABELS.test(l) || columnRole(l) !== null);
}

/** The value belonging to the label at (r, c): the next non-blank cell to the right, or else the cell below. */
export function valueOf(s: Sheet, r: number, c: number): Located | null {
  for (let x = c + 1; x <= s.right(r); x++) {
    if (s.isMergedSlave(r, x)) continue;
    const v = s.raw(r, x);
    if (isBlank(v)) continue;
    if (isLabelText(s, r, x)) {
      if (SUB_LABELS.test(s.label(r, x))) continue;
      break;
    }
    return s.located(r, x);
  }
  let below = r + 1;
  while (s.isMergedSlave(below, c) && below <= s.bottom) below++;
  const v = s.raw(below, c);
  if (!isBlank(v) && !isLabelText(s, below, c)) return s.located(below, c);
  return null;
}

export function monthIn(text: string): number | null {
  const t = normalizeLabel(text);
  const m = /(?:^|[^\d])(?:1|一)[-—~至到－]+(\d{1,2})月/.exec(t) ?? /截至(?:\d{4}年)?(\d{1,2})月/.exec(t) ?? /(\d{1,2})月(?:底|末)/.exec(t);
  if (!m) return null;
  const n = Number(m[1]);
  return n >= 1 && n <= 12 ? n : null;
}

export function findMonth(s: Sheet, from: number, to: number): Project["month"] {
  for (let r = from; r <= to; r++) {
    for (let c = s.left; c <= s.right(r); c++) {
      const v = s.raw(r, c);
      if (typeof v !== "string") continue;
      const m = monthIn(v);
      if (m) return { value: m, cell: a1(r, c) };
    }
  }
  return null;
}

/** Header-block fields of a form: every known label between `from` and `to` with the value beside it. */
export function readFields(s: Sheet, from: number, to: number): Partial<Record<FieldKey, Located>> {
  const fields: Partial<Record<FieldKey, Located>> = {};
  /** The column each field's label stands in: 其中 rows belong to the total in their own column (年度, not 中期). */
  const labelColumn = new Map<FieldKey, number>();
  let fundsGroup: { column: number; top: number; bottom: number } | null = null;
  for (let r = from; r <= to; r++) {
    for (let c = s.left; c <= s.right(r); c++) {
      const raw = s.raw(r, c);
      // "联系电话：0469-1234567" holds label and value in one cell.
      const inline = typeof raw === "string" ? /^([^:：]{2,12})[:：]\s*(\S.*)$/s.exec(raw.trim()) : null;
      const inlineKey = inline ? fieldOf(normalizeLabel(inline[1])) : null;
      if (inline && inlineKey) {
        if (!fields[inlineKey] || isBlank(fields[inlineKey]!.value)) fields[inlineKey] = { value: inline[2].trim(), cell: a1(r, c) };
        continue;
      }
      let key = fieldOf(s.label(r, c));
      // A label merged down beside several sub-labels (年度资金总额及构成 over 总额 / 一、财政拨款 / 二、其他) groups them;
      // the sub-labels name the fields, and a bare 总额 beside the funds group is the total.
      if (key && isGroupOfLabels(s, r, c)) {
        if (key === "fundsTotal") fundsGroup = { column: c + 1, top: r, bottom: s.areaAt(r, c)!.bottom };
        continue;
      }
      if (!key && fundsGroup && c === fundsGroup.column && r >= fundsGroup.top && r <= fundsGroup.bottom && /^(总额|合计|小计)$/.test(s.label(r, c))) key = "fundsTotal";
      if (!key) continue;
      const totalColumn = labelColumn.get("fundsTotal");
      const partOfTotal = (key === "fundsFiscal" || key === "fundsOther") && totalColumn !== undefined;
      if (fields[key] && !isBlank(fields[key]!.value) && !(partOfTotal && c === totalColumn && labelColumn.get(key) !== totalColumn)) continue;
      labelColumn.set(key, c);
      // An empty field still records where its value belongs, so a finding can point at the cell to fill.
      fields[key] = valueOf(s, r, c) ?? { value: null, cell: a1(r, c + 1) };
    }
  }
  return fields;
}

/** A year in a title line or a line of its own: 2026年度…表, （2025年度）, 2025年. */
const YEAR = /(20\d{2})\s*年/;

/** A 年度 field's value as a year: 2026, "2026", "2026年". */
export function statedYear(loc: Located | undefined): number | null {
  const m = loc ? /^(20\d{2})(年度?)?$/.exec(normalizeLabel(cellText(loc.value))) : null;
  return m ? Number(m[1]) : null;
}

/** The budget year a form states in its first lines, where it does. */
export function yearOf(s: Sheet, from: number, to: number): number | null {
  for (let r = from; r <= Math.min(to, from + 4); r++) {
    let text = "";
    let count = 0;
    for (let c = s.left; c <= s.right(r); c++) {
      const l = s.label(r, c);
      if (!l) continue;
      count++;
      text = l;
    }
    const m = count === 1 ? YEAR.exec(text) : null;
    if (m) return Number(m[1]);
  }
  return null;
}
