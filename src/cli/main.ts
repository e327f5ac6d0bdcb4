import { parseArgs } from "node:util";
import { readFile } from "node:fs/promises";
import { runCheck, runInventory } from "../app/actions";
import { type Analysis, analysisJson } from "../core/analyze";
import { finalGrade, summarize } from "../core/report/summary";
import { KIND_NAMES } from "../core/classify";
import { fieldText } from "../core/model";
import { builtInRuleSet, parseRuleSet, RuleSetError } from "../core/rules/load";
import type { RuleSet } from "../core/rules/ruleset";
import { BUILT_IN } from "../core/rules/ruleset";
import type { WorkbookSnapshot } from "../core/sheet";
import { resolve } from "node:path";
import { collectWorkbooks, discardHost, openWorkbookFile, StreamingFileHost, WorkbookOpenError } from "../hosts/node-files";
import { formatTable } from "./table";

const VERSION = "0.1.0";

const HELP = `jixiao —— 预算绩效管理命令行工具

用法：
  jixiao check <文件或文件夹>... [--rules <规则集编号|规则集.json>] [--month <1-12>] [--previous <上年结果.xlsx>]
               [--date <YYYY-MM-DD>] [--json] [--out <结果.xlsx>]
      按规则集校验绩效目标申报表、运行监控表（双监控）和自评表（含财政复核列），给出审核意见、暂缓/停止拨款建议、
      重算的自评得分与等级、复核差异和结果应用建议。
      --rules   内置规则集：${Object.keys(BUILT_IN).join("、")}（默认 central），或自定义规则集 JSON 文件
      --month   监控时点（截至几月）；表中写明“1-7月”等时以表为准
      --previous  上年的结果工作簿（本工具生成的“汇总”，或写有项目编码/名称、等级、结果应用、金额的清单），
                可重复；据此检查结果应用是否落实、收回的资金是否又申请预算、是否连续两年未达标
      --date    检查日期，整改期限按此日判断是否逾期（默认今天）
      --exit-zero  发现错误级别的问题时也以 0 退出（只出报告，不作为失败）

  jixiao inventory <文件或文件夹>... [--out <结果.xlsx>] [--json]
      列出每个工作簿的每张工作表：已用区域、非空单元格数、识别出的表类型（绩效目标申报表 / 绩效运行监控表 / 绩效自评表）。
      文件夹会递归查找其中的 .xlsx 文件。原文件只读不写；--out 把“工作表清单”写入一个新的结果工作簿。

  jixiao --help       显示本帮助
  jixiao --version    显示版本

选项：
  --out <文件>   结果工作簿的保存路径（.xlsx）
  --json         在标准输出打印一个 JSON 文档，便于其他程序读取

退出码：0 没有错误；1 有错误级别的问题（check）；2 用法错误或有文件无法打开。`;

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const consoleIo: Io = { out: (s) => process.stdout.write(s + "\n"), err: (s) => process.stderr.write(s + "\n") };

export async function main(argv: string[], io: Io = consoleIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
        out: { type: "string", short: "o" },
        json: { type: "boolean" },
        rules: { type: "string", short: "r" },
        "exit-zero": { type: "boolean" },
        month: { type: "string", short: "m" },
        previous: { type: "string", multiple: true },
        date: { type: "string" },
      },
    });
  } catch (e) {
    io.err(`参数有误：${e instanceof Error ? e.message : String(e)}\n运行 jixiao --help 查看用法。`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    io.out(VERSION);
    return 0;
  }
  const [command, ...paths] = positionals;
  if (values.help || command === undefined || command === "help") {
    io.out(HELP);
    return values.help || command === "help" ? 0 : 2;
  }
  if (command !== "inventory" && command !== "check") {
    io.err(`未知命令：${command}\n运行 jixiao --help 查看用法。`);
    return 2;
  }
  if (paths.length === 0) {
    io.err("请给出至少一个 .xlsx 文件或文件夹。运行 jixiao --help 查看用法。");
    return 2;
  }
  if (command === "inventory") return inventoryCommand(paths, { out: values.out, json: values.json ?? false }, io);
  let month: number | undefined;
  if (values.month !== undefined) {
    month = Number(values.month);
    if (!Number.isInteger(month) || month < 1 || month > 12) {
      io.err(`--month 应为 1 到 12 的整数，实际是“${values.month}”。`);
      return 2;
    }
  }
  let today: Date | undefined;
  if (values.date !== undefined) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(values.date);
    today = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
    if (!today || Number.isNaN(today.getTime()) || today.getUTCDate() !== Number(m![3])) {
      io.err(`--date 应为 YYYY-MM-DD 格式的日期，实际是“${values.date}”。`);
      return 2;
    }
  }
  let rules: RuleSet;
  try {
    rules = await resolveRuleSet(values.rules ?? "central");
  } catch (e) {
    io.err(e instanceof Error ? e.message : String(e));
    return 2;
  }
  return checkCommand(paths, { out: values.out, json: values.json ?? false, rules, month, today, previous: values.previous ?? [], exitZero: values["exit-zero"] ?? false }, io);
}

async function resolveRuleSet(arg: string): Promise<RuleSet> {
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

async function checkCommand(
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
        return [baseName(p.file), fieldText(p, "name") || `（${p.sheet}）`, KIND_NAMES[p.kind], String(errs), String(warns), verdict];
      }),
    ));
    const errs = all.filter((f) => f.severity === "error");
    if (errs.length > 0) {
      io.out(`\n错误（${errs.length} 条）：`);
      for (const r of analysis.projects) {
        for (const f of r.findings.filter((x) => x.severity === "error")) {
          io.out(`  ${baseName(r.project.file)} ${f.sheet ?? ""}${f.cell ? "!" + f.cell : ""}  [${f.code}] ${f.message}`);
        }
      }
      for (const f of analysis.findings.filter((x) => x.severity === "error")) io.out(`  ${baseName(f.file)} ${f.sheet ?? ""}${f.cell ? "!" + f.cell : ""}  [${f.code}] ${f.message}`);
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
    out.push(`建议调整：交叉重复 ${n("overlapping-projects")} 个项目，碎片化 ${n("fragmented-projects")} 个项目（四(三)5）。`);
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

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

async function inventoryCommand(paths: string[], opts: { out?: string; json: boolean }, io: Io): Promise<number> {
  const read = await readAll(paths);
  const errors = read.errors;
  // The inventory names workbooks by file name; the check contract keeps the path as given.
  const snapshots = read.snapshots.map((s) => ({ ...s, file: baseName(s.file) }));
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
