import type { TableKind } from "../classify";
import type { ColumnRole } from "./labels";

/**
 * What each table kind needs read for its verdict: groups of column roles, each group satisfied by any one of its
 * roles. A group none of whose roles the header maps is named in a table-incomplete finding, and the verdict that needs
 * it is not given (无法评定 / 无法判定) — the kinds' meta, as ESLint rules declare theirs.
 */
export const NEEDS: Record<TableKind, { verdict: string; groups: { roles: ColumnRole[]; name: string }[] }> = {
  target: { verdict: "源头把关（通过 / 重新申报）", groups: [{ roles: ["target"], name: "指标值列（指标值、年度指标值、目标值）" }] },
  monitoring: {
    verdict: "双监控（暂缓 / 停止拨款）",
    groups: [{ roles: ["progress", "actual", "possibility"], name: "1-M月完成值列和完成目标可能性列" }],
  },
  "self-evaluation": { verdict: "自评等级和结果应用", groups: [{ roles: ["actual", "score"], name: "实际完成值列和得分列" }] },
};
