import { KIND_NAMES, type Layout, type SheetKind, type TableKind } from "../classify";
import type { SheetSnapshot } from "../sheet";
import { readBudgetList } from "./budget-list";
import { readExAnte } from "./ex-ante-form";
import { readForm } from "./form";
import { findHeaderRows, gridWithoutLevel3 } from "./headers";
import { readList } from "./list";
import { NEEDS } from "./needs";
import type { ReadOptions, ReadResult } from "./options";
import { readPreviousResults } from "./previous-results";
import { readRectification } from "./rectification";
import { Sheet } from "./sheet-view";

/** What one sheet gave: the records of its kind, findings about it, or why nothing was found (a table-incomplete message). */
export type SheetReading = Partial<Omit<ReadResult, "findings">> & { findings?: ReadResult["findings"]; nothing?: { message: string; cell: string | null } };

/**
 * One kind of table the reader knows: its name, what its verdicts need read (read/needs.ts), and how a sheet of it is
 * read. classify.ts is the detector that names a sheet's kind from its words and its shape; this registry is the one
 * place that says what each kind then does, in place of an if-chain.
 */
export interface KindSpec {
  kind: Exclude<SheetKind, "empty" | "unknown">;
  name: string;
  /** For the project tables: the verdict and the column roles it needs. */
  needs?: (typeof NEEDS)[TableKind];
  read(snap: SheetSnapshot, ctx: { file: string; layout: Layout | null; evidence: string; opts: ReadOptions }): SheetReading;
}

const what = (snap: SheetSnapshot, kind: SheetKind, evidence: string) => `工作表“${snap.name}”看起来是${KIND_NAMES[kind]}（${evidence}）`;

function projectTable(kind: TableKind): KindSpec {
  return {
    kind,
    name: KIND_NAMES[kind],
    needs: NEEDS[kind],
    read(snap, { file, layout, evidence, opts }) {
      const s = new Sheet(snap);
      const headers = findHeaderRows(s, opts.layouts);
      if (headers.length === 0) {
        const near = gridWithoutLevel3(s);
        return {
          nothing: {
            cell: near?.cell ?? null,
            message: `${what(snap, kind, evidence)}，但${near ? `找到的指标表头（第 ${near.row} 行：${near.labels.join("、")}）没有三级指标列` : "没有找到指标表头"}（应有“三级指标”或“指标名称”列），未处理。表头写法不同时，可用版式文件（--layout）指定各列。`,
          },
        };
      }
      return { projects: (layout === "list" ? readList : readForm)(s, file, kind, headers, opts) };
    },
  };
}

export const KINDS: Record<KindSpec["kind"], KindSpec> = {
  target: projectTable("target"),
  monitoring: projectTable("monitoring"),
  "self-evaluation": projectTable("self-evaluation"),
  "previous-results": {
    kind: "previous-results",
    name: KIND_NAMES["previous-results"],
    read(snap, { file, evidence }) {
      const previous = readPreviousResults(snap, file);
      return previous.length > 0 ? { previous } : { nothing: { cell: null, message: `${what(snap, "previous-results", evidence)}，但没有找到写明等级或结果应用的项目。` } };
    },
  },
  rectification: {
    kind: "rectification",
    name: KIND_NAMES.rectification,
    read(snap, { file, evidence, opts }) {
      const r = readRectification(snap, file, opts.today ?? new Date(), opts.rules);
      if (r.items.length > 0) return { rectification: r.items, findings: r.findings };
      return { findings: r.findings, nothing: { cell: null, message: `${what(snap, "rectification", evidence)}，但没有找到“问题”列下的问题。` } };
    },
  },
  "ex-ante": {
    kind: "ex-ante",
    name: KIND_NAMES["ex-ante"],
    read(snap, { file, evidence }) {
      const form = readExAnte(new Sheet(snap), file);
      return form ? { exAnte: [form] } : { nothing: { cell: null, message: `${what(snap, "ex-ante", evidence)}，但没有找到“评估要点 / 分值 / 得分”表头。` } };
    },
  },
  "budget-list": {
    kind: "budget-list",
    name: KIND_NAMES["budget-list"],
    read(snap, { file, evidence }) {
      const budget = readBudgetList(snap, file);
      return budget.length > 0 ? { budget } : { nothing: { cell: null, message: `${what(snap, "budget-list", evidence)}，但没有找到“项目名称”列下的项目。` } };
    },
  },
};
