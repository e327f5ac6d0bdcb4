// The commands behind jixiao check and jixiao inventory, loaded by main.ts only when one is run.
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { runCheck, runInventory } from "../app/actions";
import { analyze, analysisJson, readOptionsFor } from "../core/analyze";
import { citationRefs, REPORT_TOPICS } from "../core/basis";
import { KIND_NAMES } from "../core/classify";
import { bySeverity, type Finding } from "../core/findings";
import { fieldText } from "../core/model";
import { fileName } from "../core/text";
import { finalGrade, summarize } from "../core/report/summary";
import { loadFormulaParser } from "../core/rules/expression";
import { builtInRuleSet, parseRuleSet, RuleSetError } from "../core/rules/load";
import { BUILT_IN, type RuleSet } from "../core/rules/ruleset";
import { discardHost, ResultWriteError, StreamingFileHost } from "../hosts/node-files";
import { startPainter } from "./painter";
import type { Io } from "./io";
import { type LayoutProfile } from "../core/read/layout";
import { formatTable } from "./table";
import { loadLayouts, outProblem, readAll } from "./inputs";

export { loadLayouts };
import { selfScoreText } from "../core/self-evaluation";
import type { Analysis } from "../core/results";

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

const ACTION_OF = (m: { action: string } | null) => m?.action ?? "";
const SEVERITY_WORD = { error: "错误", warning: "警告", info: "提示" } as const;

type Located = { severity: Finding["severity"]; sheet: string | null; cell: string | null; code: string; message: string };

function findingLine(f: Located): string {
  const where = `${f.sheet ?? ""}${f.cell ? "!" + f.cell : ""}`;
  return `    ${SEVERITY_WORD[f.severity]}  ${where ? where + "  " : ""}[${f.code}] ${f.message}`;
}

/**
 * Every finding, grouped under the project (or, for findings about a whole batch or file, the file) it belongs to,
 * errors first; --quiet keeps the errors only.
 */
function findingGroups(analysis: Analysis, quiet: boolean): string[] {
  const shown = (f: Located) => !quiet || f.severity === "error";
  const out: string[] = [];
  for (const r of analysis.projects) {
    const list = r.findings.filter(shown);
    if (list.length === 0) continue;
    const p = r.project;
    out.push(`  ■ ${fileName(p.file)} · ${fieldText(p, "name") || `（${p.sheet}）`} · ${KIND_NAMES[p.kind]}`);
    out.push(...list.map(findingLine));
  }
  const byFile = new Map<string, Located[]>();
  for (const f of [...analysis.findings].sort(bySeverity).filter(shown)) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  for (const [file, list] of byFile) {
    out.push(`  ■ ${fileName(file)}`);
    out.push(...list.map(findingLine));
  }
  return out;
}

/** Whether anything in the batch was recognised as a table this tool checks. */
function recognisedAny(a: Analysis): boolean {
  return a.projects.length + a.coverage.length + a.exAnte.length + a.rectification.length > 0;
}

interface CheckOpts {
  out?: string; force: boolean; json: boolean; rules: RuleSet; month?: number; today?: Date; previous: string[]; layouts?: LayoutProfile[];
  exitZero: boolean; quiet: boolean; maxWarnings?: number; docx?: string;
}

export async function checkCommand(paths: string[], opts: CheckOpts, io: Io): Promise<number> {
  if (opts.out) {
    const problem = await outProblem(opts.out, [...paths, ...opts.previous], opts.force);
    if (problem) {
      io.err(problem);
      return 2;
    }
  }
  const painter = opts.out || opts.docx ? startPainter() : null;
  try {
    return await checkRun(paths, opts, io, painter);
  } finally {
    painter?.stop();
  }
}

async function checkRun(paths: string[], opts: CheckOpts, io: Io, painter: ReturnType<typeof startPainter> | null): Promise<number> {
  // The one-line progress: only on a terminal, never with --json (whose output is read by programs).
  const started = Date.now();
  const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} 秒`;
  const progress = opts.json || !io.progress ? undefined : (line: string) => io.progress!(`${line}（已用 ${seconds()}）`);
  const { snapshots, errors, unread } = await readAll(paths, opts.previous, progress, readOptionsFor(opts.rules, { month: opts.month, today: opts.today, layouts: opts.layouts }));
  if (snapshots.length === 0) {
    io.progress?.(null);
    // Nothing could be read: the reasons, and nothing else (no empty table, no zero totals).
    if (opts.json) io.out(JSON.stringify(analysisJson(analyze([], opts.rules, { notRead: unread }), errors), null, 2));
    for (const u of unread.filter((x) => x.severity !== "error")) io.err(u.message);
    for (const e of errors) io.err(`无法打开：${e.message}`);
    return 2;
  }
  // The result workbook streams to its file as it is written; without --out nothing is written at all. Its charts
  // are pictures drawn by ECharts and resvg, on a thread started at the check's beginning (cli/painter.ts).
  const result = opts.out && painter ? new StreamingFileHost(opts.out, painter.paint) : discardHost;
  let analysis: Analysis;
  try {
    ({ analysis } = await runCheck(snapshots, result, opts.rules, {
      month: opts.month, today: opts.today, notRead: unread, layouts: opts.layouts,
      onProgress: progress ? (p) => progress(`${snapshots.length} 个文件；${p.stage}`) : undefined,
    }));
  } catch (e) {
    io.progress?.(null);
    if (!(e instanceof ResultWriteError)) throw e;
    io.err(e.message);
    return 2;
  }
  io.progress?.(null);
  const saved = opts.out ? resolve(opts.out) : null;
  let documents: string[] = [];
  if (opts.docx) {
    const { writeDocuments } = await import("./documents");
    const done = await writeDocuments(analysis, opts.docx, opts.force, painter!.paint);
    if ("problem" in done) {
      io.err(done.problem);
      return 2;
    }
    documents = done.written;
  }
  const all = [...analysis.projects.flatMap((p) => p.findings), ...analysis.findings];
  const count = (s: Finding["severity"]) => all.filter((f) => f.severity === s).length;
  const [errorCount, warningCount] = [count("error"), count("warning")];
  const recognised = recognisedAny(analysis);
  if (opts.json) {
    io.out(JSON.stringify(analysisJson(analysis, errors), null, 2));
  } else {
    // What was not read comes first: the results below stand without it.
    for (const e of errors) io.err(`无法打开：${e.message}`);
    if (!recognised) {
      io.out(`没有识别出任何绩效表：${snapshots.length} 个工作簿中都没有绩效目标表、运行监控表、自评表、预算项目清单、事前绩效评估表或整改情况表，未作任何检查。`);
      io.out("请确认选择的文件；运行 jixiao inventory <文件或文件夹> 可以看到每张工作表被识别成了什么。\n");
    }
    io.out(`规则集：${opts.rules.name}（${opts.rules.id}）\n`);
    if (analysis.projects.length > 0) {
      io.out(formatTable(
        ["文件", "项目", "类型", "错误", "警告", "结论"],
        analysis.projects.map((r) => {
          const p = r.project;
          const errs = r.findings.filter((f) => f.severity === "error").length;
          const warns = r.findings.filter((f) => f.severity === "warning").length;
          const verdict = [
            r.targetVerdict ?? "",
            r.monitoring ? `截至${r.monitoring.month}月 ${ACTION_OF(r.monitoring)}` : "",
            r.selfEvaluation ? `${selfScoreText(r.selfEvaluation)}（${r.selfEvaluation.grade}）` : "",
            r.review ? `复核 ${r.review.score.toFixed(2)} 分（${r.review.grade}），差 ${r.review.delta.toFixed(2)}` : "",
            r.decision ?? "",
          ].filter(Boolean).join("；");
          return [fileName(p.file), fieldText(p, "name") || `（${p.sheet}）`, KIND_NAMES[p.kind], String(errs), String(warns), verdict];
        }),
      ));
    }
    const groups = findingGroups(analysis, opts.quiet);
    if (groups.length > 0) {
      const infos = count("info");
      const head = opts.quiet ? `错误（${errorCount} 条；另有警告 ${warningCount} 条未列出，去掉 --quiet 可查看）：`
        : `问题（错误 ${errorCount} 条，警告 ${warningCount} 条${infos ? `，提示 ${infos} 条` : ""}）：`;
      io.out(`\n${head}`);
      for (const line of groups) io.out(line);
    }
    io.out(`\n共 ${snapshots.length} 个工作簿、${analysis.projects.length} 张绩效表（${summarize(analysis).length} 个项目）；错误 ${errorCount} 条，警告 ${warningCount} 条。`);
    if (recognised) io.out(summaryLine(analysis));
    if (analysis.coverage.length > 0) io.out(coverageLine(analysis));
    for (const line of cycleLines(analysis)) io.out(line);
    if (saved) io.out(`结果已写入：${saved}`);
    if (opts.docx) io.out(documents.length > 0 ? `公文已写入 ${resolve(opts.docx)}：${documents.join("、")}` : `没有复核过的项目，未生成公文（--docx ${opts.docx}）。`);
  }
  if (errors.length > 0 || !recognised) return 2;
  if (opts.exitZero) return 0;
  if (errorCount > 0) return 1;
  if (opts.maxWarnings !== undefined && warningCount > opts.maxWarnings) {
    io.err(`警告 ${warningCount} 条，超过 --max-warnings 规定的 ${opts.maxWarnings} 条。`);
    return 1;
  }
  return 0;
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
  const grades = ["优", "良", "中", "差", "无法评定"].map((g) => `${g} ${list.filter((s) => finalGrade(s) === g).length}`).filter((t) => t !== "无法评定 0").join("、");
  return [
    `共 ${list.length} 个项目（${a.projects.length} 张表）；目标表需重新申报 ${list.filter((s) => s.target?.targetVerdict === "重新申报").length} 个${((n) => (n ? `、建议终止申报 ${n} 个` : ""))(list.filter((s) => s.target?.targetVerdict === "终止申报").length)}；`,
    `建议暂缓或停止拨款 ${suspended.length} 个${suspended.length ? `（${suspended.map((s) => `${s.name}：${s.monitoring!.monitoring!.action}`).join("，")}）` : ""}；`,
    `评价等级（以复核为准）：${grades}。`,
  ].join("");
}

export async function inventoryCommand(paths: string[], opts: { out?: string; force: boolean; json: boolean }, io: Io): Promise<number> {
  if (opts.out) {
    const problem = await outProblem(opts.out, paths, opts.force);
    if (problem) {
      io.err(problem);
      return 2;
    }
  }
  const read = await readAll(paths);
  const errors = read.errors;
  const skipped = read.unread.filter((u) => u.severity !== "error");
  // The inventory names workbooks by file name; the check contract keeps the path as given.
  const snapshots = read.snapshots.map((s) => ({ ...s, file: fileName(s.file) }));
  if (snapshots.length === 0 && !opts.json) {
    for (const u of skipped) io.err(u.message);
    for (const e of errors) io.err(`错误：${e.message}`);
    return 2;
  }
  const result = opts.out ? new StreamingFileHost(opts.out) : discardHost;
  let rows;
  try {
    ({ rows } = await runInventory(snapshots, result));
  } catch (e) {
    if (!(e instanceof ResultWriteError)) throw e;
    io.err(e.message);
    return 2;
  }
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
      skipped: skipped.map((u) => ({ file: u.file, message: u.message })),
      errors,
      out: saved,
    }, null, 2));
  } else {
    for (const e of errors) io.err(`错误：${e.message}`);
    io.out(formatTable(
      ["文件", "工作表", "已用区域", "非空单元格", "识别为"],
      rows.map((r) => [r.file, r.sheet + (r.hidden ? "（隐藏）" : ""), r.usedRange ?? "（空）", String(r.filled), KIND_NAMES[r.classification.kind]]),
    ));
    if (skipped.length > 0) {
      io.out(`\n未读取的文件（${skipped.length} 个）：`);
      for (const u of skipped) io.out(`  ${u.message}`);
    }
    io.out(`\n共 ${snapshots.length} 个工作簿、${rows.length} 张工作表。`);
    if (saved) io.out(`结果已写入：${saved}`);
  }
  return errors.length > 0 ? 2 : 0;
}
