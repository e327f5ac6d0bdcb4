// The commands behind jixiao check and jixiao inventory, loaded by main.ts only when one is run.
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { runCheck, runInventory } from "../app/actions";
import { type Analysis, analysisJson } from "../core/analyze";
import { citationRefs, REPORT_TOPICS } from "../core/basis";
import { KIND_NAMES } from "../core/classify";
import { fieldText } from "../core/model";
import { fileName } from "../core/text";
import { finalGrade, summarize } from "../core/report/summary";
import { loadFormulaParser } from "../core/rules/expression";
import { builtInRuleSet, parseRuleSet, RuleSetError } from "../core/rules/load";
import { BUILT_IN, type RuleSet } from "../core/rules/ruleset";
import type { WorkbookSnapshot } from "../core/sheet";
import { collectWorkbooks, discardHost, openWorkbookFile, StreamingFileHost, WorkbookOpenError } from "../hosts/node-files";
import type { Io } from "./main";
import { formatTable } from "./table";

export async function resolveRuleSet(arg: string): Promise<RuleSet> {
  // A rule set's formulas are compiled as it is checked.
  await loadFormulaParser();
  const built = builtInRuleSet(arg);
  if (built) return built;
  if (!/\.json$/i.test(arg)) throw new RuleSetError(`未知的规则集“${arg}”。内置规则集：${Object.keys(BUILT_IN).join("、")}；自定义规则集请给出 .json 文件路径。`);
  let text: string;
  try {
    text = await readFile(arg, "utf8");
  } catch {
    throw new RuleSetError(`找不到规则集文件：${arg}`);
  }
  return parseRuleSet(text, arg);
}

/** Opens every workbook, collecting those that cannot be opened as errors with Chinese messages. */
async function readAll(paths: string[], previous: string[] = []): Promise<{ snapshots: WorkbookSnapshot[]; errors: { file: string; message: string }[] }> {
  const last = previous.length > 0 ? await collectWorkbooks(previous) : { files: [], missing: [] };
  const lastYear = new Set(last.files.map((f) => resolve(f)));
  const { files, missing } = await collectWorkbooks(paths);
  // A file given with --previous is last year's, also where it lies inside a folder being checked.
  const current = files.filter((f) => !lastYear.has(resolve(f)));
  const errors: { file: string; message: string }[] = [...missing, ...last.missing].map((p) => ({ file: p, message: `找不到文件或文件夹：${p}` }));
  const snapshots: WorkbookSnapshot[] = [];
  for (const f of [...current, ...last.files]) {
    try {
      const host = await openWorkbookFile(f);
      const snap = await host.read();
      snapshots.push({ ...snap, file: f, ...(lastYear.has(resolve(f)) ? { previous: true } : {}) });
    } catch (e) {
      errors.push({ file: f, message: e instanceof WorkbookOpenError ? e.message : `读取 ${f} 时出错：${String(e)}` });
    }
  }
  if (files.length === 0 && missing.length === 0) errors.push({ file: paths.join(" "), message: "没有找到 .xlsx 文件。" });
  return { snapshots, errors };
}

const ACTION_OF = (m: { action: string } | null) => m?.action ?? "";

export async function checkCommand(
  paths: string[],
  opts: { out?: string; json: boolean; rules: RuleSet; month?: number; today?: Date; previous: string[]; exitZero: boolean },
  io: Io,
): Promise<number> {
  const { snapshots, errors } = await readAll(paths, opts.previous);
  // The result workbook streams to its file as it is written; without --out nothing is written at all.
  const result = opts.out ? new StreamingFileHost(opts.out) : discardHost;
  const { analysis } = await runCheck(snapshots, result, opts.rules, { month: opts.month, today: opts.today });
  const saved = opts.out ? resolve(opts.out) : null;
  const all = [...analysis.projects.flatMap((p) => p.findings), ...analysis.findings];
  const errorCount = all.filter((f) => f.severity === "error").length;
  if (opts.json) {
    io.out(JSON.stringify(analysisJson(analysis, errors), null, 2));
  } else {
    io.out(`规则集：${opts.rules.name}（${opts.rules.id}）\n`);
    io.out(formatTable(
      ["文件", "项目", "类型", "错误", "警告", "结论"],
      analysis.projects.map((r) => {
        const p = r.project;
        const errs = r.findings.filter((f) => f.severity === "error").length;
        const warns = r.findings.filter((f) => f.severity === "warning").length;
        const verdict = [
          r.targetVerdict ?? "",
          r.monitoring ? `截至${r.monitoring.month}月 ${ACTION_OF(r.monitoring)}` : "",
          r.selfEvaluation ? `自评 ${r.selfEvaluation.score.toFixed(2)} 分（${r.selfEvaluation.grade}）` : "",
          r.review ? `复核 ${r.review.score.toFixed(2)} 分（${r.review.grade}），差 ${r.review.delta.toFixed(2)}` : "",
          r.decision ?? "",
        ].filter(Boolean).join("；");
        return [fileName(p.file), fieldText(p, "name") || `（${p.sheet}）`, KIND_NAMES[p.kind], String(errs), String(warns), verdict];
      }),
    ));
    const errs = all.filter((f) => f.severity === "error");
    if (errs.length > 0) {
      io.out(`\n错误（${errs.length} 条）：`);
      for (const r of analysis.projects) {
        for (const f of r.findings.filter((x) => x.severity === "error")) {
          io.out(`  ${fileName(r.project.file)} ${f.sheet ?? ""}${f.cell ? "!" + f.cell : ""}  [${f.code}] ${f.message}`);
        }
      }
      for (const f of analysis.findings.filter((x) => x.severity === "error")) io.out(`  ${fileName(f.file)} ${f.sheet ?? ""}${f.cell ? "!" + f.cell : ""}  [${f.code}] ${f.message}`);
    }
    io.out(`\n共 ${snapshots.length} 个工作簿、${analysis.projects.length} 张绩效表；错误 ${errorCount} 条，警告 ${all.filter((f) => f.severity === "warning").length} 条。`);
    io.out(summaryLine(analysis));
    if (analysis.coverage.length > 0) io.out(coverageLine(analysis));
    for (const line of cycleLines(analysis)) io.out(line);
    for (const e of errors) io.err(`无法打开：${e.message}`);
    if (saved) io.out(`结果已写入：${saved}`);
  }
  if (errors.length > 0) return 2;
  return errorCount > 0 && !opts.exitZero ? 1 : 0;
}

/** The budget list's coverage in one line: how many budgeted projects lack each step. */
function coverageLine(a: Analysis): string {
  const c = a.coverage;
  const missing = (pick: (row: Analysis["coverage"][number]) => string) => c.filter((r) => pick(r) === "未提交").length;
  return `预算项目清单 ${c.length} 个项目：没有绩效目标表 ${missing((r) => r.states.target)} 个（不得安排预算），` +
    `缺运行监控表 ${missing((r) => r.states.monitoring)} 个，缺自评表 ${missing((r) => r.states.selfEvaluation)} 个；详见“覆盖情况”表。`;
}

/** The rest of the cycle, one line each where the batch has it: 调整, across years, 整改, 问责. */
function cycleLines(a: Analysis): string[] {
  const codes = [...a.projects.flatMap((r) => r.findings), ...a.findings].map((f) => f.code);
  const n = (code: string) => codes.filter((c) => c === code).length;
  const out: string[] = [];
  if (n("overlapping-projects") + n("fragmented-projects") > 0) {
    out.push(`建议调整：交叉重复 ${n("overlapping-projects")} 个项目，碎片化 ${n("fragmented-projects")} 个项目（${citationRefs(a.ruleSet, REPORT_TOPICS.命令行调整建议[0])}）。`);
  }
  if (a.previous.length > 0) {
    out.push(`上年结果 ${a.previous.length} 个项目：结果应用未落实 ${n("previous-decision-not-applied")} 个，已收回资金又申请预算 ${n("recovered-funds-reappear")} 个。`);
  }
  const count = (s: string) => a.rectification.filter((r) => r.status === s).length;
  if (a.rectification.length > 0) {
    out.push(`整改情况 ${a.rectification.length} 个问题：已整改 ${count("已整改")}，未整改 ${count("未整改")}，逾期 ${count("逾期")}；详见“整改台账”表。`);
  }
  if (a.accountability.length > 0) {
    const grounds = [...new Set(a.accountability.map((x) => x.ground))].map((g) => `${g} ${a.accountability.filter((x) => x.ground === g).length}`).join("、");
    out.push(`建议问责 ${new Set(a.accountability.map((x) => x.unit)).size} 个单位（${grounds}）；详见“问责”表。`);
  }
  return out;
}

/** Projects, suspended funding and grades in one line, for the demo and for a quick look. */
function summaryLine(a: Analysis): string {
  const list = summarize(a);
  const suspended = list.filter((s) => s.monitoring?.monitoring && ["暂缓拨款", "停止拨款"].includes(s.monitoring.monitoring.action));
  const grades = ["优", "良", "中", "差"].map((g) => `${g} ${list.filter((s) => finalGrade(s) === g).length}`).join("、");
  return [
    `项目 ${list.length} 个；目标表需重新申报 ${list.filter((s) => s.target?.targetVerdict === "重新申报").length} 个${((n) => (n ? `、建议终止申报 ${n} 个` : ""))(list.filter((s) => s.target?.targetVerdict === "终止申报").length)}；`,
    `建议暂缓或停止拨款 ${suspended.length} 个${suspended.length ? `（${suspended.map((s) => `${s.name}：${s.monitoring!.monitoring!.action}`).join("，")}）` : ""}；`,
    `评价等级（以复核为准）：${grades}。`,
  ].join("");
}


export async function inventoryCommand(paths: string[], opts: { out?: string; json: boolean }, io: Io): Promise<number> {
  const read = await readAll(paths);
  const errors = read.errors;
  // The inventory names workbooks by file name; the check contract keeps the path as given.
  const snapshots = read.snapshots.map((s) => ({ ...s, file: fileName(s.file) }));
  const result = opts.out ? new StreamingFileHost(opts.out) : discardHost;
  const { rows } = await runInventory(snapshots, result);
  const saved = opts.out ? resolve(opts.out) : null;

  if (opts.json) {
    io.out(JSON.stringify({
      sheets: rows.map((r) => ({
        file: r.file,
        sheet: r.sheet,
        hidden: r.hidden,
        usedRange: r.usedRange,
        rows: r.rows,
        columns: r.columns,
        filled: r.filled,
        kind: r.classification.kind,
        layout: r.classification.layout,
        evidence: r.classification.evidence,
      })),
      errors,
      out: saved,
    }, null, 2));
  } else {
    io.out(formatTable(
      ["文件", "工作表", "已用区域", "非空单元格", "识别为"],
      rows.map((r) => [r.file, r.sheet + (r.hidden ? "（隐藏）" : ""), r.usedRange ?? "（空）", String(r.filled), KIND_NAMES[r.classification.kind]]),
    ));
    io.out(`\n共 ${snapshots.length} 个工作簿、${rows.length} 张工作表。`);
    for (const e of errors) io.err(`错误：${e.message}`);
    if (saved) io.out(`结果已写入：${saved}`);
  }
  return errors.length > 0 ? 2 : 0;
}
