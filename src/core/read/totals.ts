import type { Located, Project } from "../model";
import { isBlank } from "../sheet";
import { readNumberCell } from "../values";
import type { Sheet } from "./sheet-view";

const SCORE_LABEL = /^(总|合计|实际|自评|评价|综合)?得分(合计)?$/;
const POINTS_LABEL = /^(总分|合计|总计|分值|满分|总分值)$/;
/** A score written in words where the form has room for it: 自评得分96.5分, 得分：96.5. */
const SCORE_TEXT = /^(自评|评价|实际|综合)?(总)?得分[:：]?\s*(\d+(?:\.\d+)?)\s*分?[。.]?$/;

/** The first number right of column c on row r, skipping blanks and merged continuations. */
function numberRightOf(s: Sheet, r: number, c: number): Located | null {
  for (let x = c + 1; x <= s.right(r); x++) {
    if (s.isMergedSlave(r, x)) continue;
    const v = s.raw(r, x);
    if (isBlank(v)) continue;
    return readNumberCell(v, false).kind === "number" ? s.located(r, x) : null;
  }
  return null;
}

/**
 * A grid's 总分 / 合计 row: its points and score in the grid's 分值 and 得分 columns, or — where the grid has no such
 * column, or it is blank on this row — the number written after a 总分 / 得分 label on the row itself
 * (总分 | 100 | 得分 | 96.5), as forms state their own total wherever it stands.
 */
export function totalRow(s: Sheet, r: number, weightColumn: number | undefined, scoreColumn: number | undefined): NonNullable<Project["total"]> {
  let points = weightColumn === undefined ? null : s.located(r, weightColumn);
  let score = scoreColumn === undefined ? null : s.located(r, scoreColumn);
  for (let c = s.left; c <= s.right(r); c++) {
    const l = s.label(r, c);
    if (!l) continue;
    const inWords = SCORE_TEXT.exec(l);
    if (inWords && (!score || isBlank(score.value))) {
      score = { value: Number(inWords[3]), cell: s.located(r, c).cell };
      continue;
    }
    if ((!score || isBlank(score.value)) && SCORE_LABEL.test(l)) score = numberRightOf(s, r, c) ?? score;
    else if ((!points || isBlank(points.value)) && POINTS_LABEL.test(l)) points = numberRightOf(s, r, c) ?? points;
  }
  return { points, score };
}
