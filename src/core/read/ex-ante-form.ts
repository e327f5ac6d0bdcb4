/** The 事前绩效评估表: its 评估要点 with points and scores, its total and its conclusion. */

import { a1 } from "../address";
import { type FieldKey, type Located } from "../model";
import type { Sheet } from "./sheet-view";
import { TOTAL } from "./labels";
import type { ExAnte } from "../results";
import { readFields, statedYear, valueOf, yearOf } from "./fields";
import { firstText } from "./headers";

const EX_ANTE_HEADER = /^(评估要点|评估内容|评估项目|评估指标|论证要点|评估维度)$/;

/**
 * A 事前绩效评估表: its fields above, a header row with 评估要点 / 分值 / 得分 (and 评估意见), one row per point down
 * to the 总分 row, and the 评估结论 below.
 */
export function readExAnte(s: Sheet, file: string): ExAnte | null {
  for (let r = s.top; r <= s.bottom; r++) {
    const cols: Record<string, number> = {};
    for (let c = s.left; c <= s.right(r); c++) {
      const l = s.label(r, c);
      if (EX_ANTE_HEADER.test(l)) cols.label ??= c;
      else if (/^(分值|权重|标准分)/.test(l)) cols.points ??= c;
      else if (/^(得分|评分|评估得分)/.test(l)) cols.score ??= c;
      else if (/评估意见|理由|说明|评估情况|论证情况/.test(l)) cols.reason ??= c;
    }
    if (cols.label === undefined || cols.points === undefined || cols.score === undefined) continue;
    const form: ExAnte = {
      file, sheet: s.snap.name, fields: readFields(s, s.top, r - 1), year: null, points: [], total: null, conclusion: null, headerCell: a1(r, cols.label),
    };
    form.year = statedYear(form.fields.year) ?? yearOf(s, s.top, r - 1);
    let rr = r + 1;
    for (; rr <= s.bottom; rr++) {
      const label = s.label(rr, cols.label);
      const first = firstText(s, rr);
      if (TOTAL.test(first) || TOTAL.test(label)) {
        form.total = s.located(rr, cols.score);
        rr++;
        break;
      }
      if (!label) {
        if (s.rowBlank(rr)) continue;
        break;
      }
      form.points.push({ label, points: s.located(rr, cols.points), score: s.located(rr, cols.score), reason: cols.reason === undefined ? null : s.located(rr, cols.reason) });
    }
    const tail = readFields(s, rr, s.bottom);
    form.conclusion = findConclusion(s, r, s.bottom) ?? null;
    for (const [k, v] of Object.entries(tail) as [FieldKey, Located][]) form.fields[k] ??= v;
    return form;
  }
  return null;
}

/** The 评估结论: the value beside (or after) a 评估结论 label, or written inline as 评估结论：予以支持. */
function findConclusion(s: Sheet, from: number, to: number): Located | null {
  for (let r = from; r <= to; r++) {
    for (let c = s.left; c <= s.right(r); c++) {
      const raw = s.raw(r, c);
      if (typeof raw !== "string") continue;
      const inline = /^(评估结论|结论)[:：]\s*(\S.*)$/s.exec(raw.trim());
      if (inline) return { value: inline[2].trim(), cell: a1(r, c) };
      if (/^(评估结论|结论)$/.test(s.label(r, c))) return valueOf(s, r, c) ?? { value: null, cell: a1(r, c + 1) };
    }
  }
  return null;
}
