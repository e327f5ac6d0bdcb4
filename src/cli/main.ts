import { parseArgs } from "node:util";
import type { RuleSet } from "../core/rules/ruleset";
import { BUILT_IN, DEFAULT_RULES } from "../core/rules/ruleset";
import { textWidth } from "../core/text";
import { consoleIo, type Io } from "./io";
import type { LayoutProfile } from "../core/read/layout";

const VERSION = "0.1.0";

/** One option of a command: its spelling, the value it takes (if any) and the line the help prints for it. */
interface OptionSpec {
  name: string;
  short?: string;
  value?: string;
  multiple?: boolean;
  help: string;
}

interface CommandSpec {
  name: "check" | "inventory";
  args: string;
  summary: string;
  options: OptionSpec[];
}

const OUT: OptionSpec = {
  name: "out", short: "o", value: "结果.xlsx",
  help: "把结果工作簿保存到这里（须为 .xlsx）。不能是输入文件，也不能在要检查的文件夹里；已有同名文件时，只有它是本工具写的结果工作簿才替换，否则须加 --force",
};
const FORCE: OptionSpec = { name: "force", short: "f", help: "--out 指向的文件已存在且不是本工具写的结果时，仍然覆盖它（输入文件永远不会被覆盖）" };
const JSON_OPTION: OptionSpec = { name: "json", help: "在标准输出打印一个 JSON 文档，便于其他程序读取" };
const HELP_OPTION: OptionSpec = { name: "help", short: "h", help: "显示本命令的帮助" };

const CHECK: CommandSpec = {
  name: "check",
  args: "<文件或文件夹>...",
  summary: "按规则集校验绩效目标申报表、运行监控表（双监控）和自评表（含财政复核列），给出审核意见、暂缓/停止拨款建议、\n重算的自评得分与等级、复核差异和结果应用建议。文件夹会递归查找其中的 .xlsx 和 .csv 文件，其他文件逐个列出未读取的原因。",
  options: [
    { name: "rules", short: "r", value: "规则集", help: `内置规则集：${Object.keys(BUILT_IN).join("、")}（默认 ${DEFAULT_RULES.id}），或自定义规则集 JSON 文件` },
    { name: "month", short: "m", value: "1-12", help: "监控时点（截至几月）；表中写明“1-7月”等时以表为准" },
    { name: "previous", value: "上年结果.xlsx", multiple: true, help: "上年的结果工作簿（本工具生成的“汇总”，或写有项目编码/名称、等级、结果应用、金额的清单），可重复；据此检查结果应用是否落实、收回的资金是否又申请预算、是否连续两年未达标" },
    { name: "date", value: "YYYY-MM-DD", help: "检查日期，整改期限按此日判断是否逾期（默认今天）" },
    { name: "layout", value: "版式.json", multiple: true, help: "读取方式（版式文件，由任务窗格或网页的“读取方式”导出），可重复；表头与之相同的表按其中指定的列读取，再按表头文字识别其余的列" },
    OUT,
    { name: "docx", value: "文件夹", help: "把每个复核过的项目的评价结果反馈通知书或再评价报告写成 Word 公文（GB/T 9704 版式，发文字号、成文日期等留待填写），保存到这个文件夹" },
    FORCE,
    JSON_OPTION,
    { name: "quiet", short: "q", help: "只列出错误，不列警告和提示（汇总行仍给出警告条数）" },
    { name: "max-warnings", value: "N", help: "警告超过 N 条时以 1 退出（与 ESLint 的同名选项相同）" },
    { name: "exit-zero", help: "发现错误级别的问题时也以 0 退出（只出报告，不作为失败）" },
    HELP_OPTION,
  ],
};

const INVENTORY: CommandSpec = {
  name: "inventory",
  args: "<文件或文件夹>...",
  summary: "列出每个工作簿的每张工作表：已用区域、非空单元格数、识别出的表类型（绩效目标申报表 / 绩效运行监控表 / 绩效自评表）。\n文件夹会递归查找其中的 .xlsx 和 .csv 文件。原文件只读不写；--out 把“工作表清单”写入一个新的结果工作簿。",
  options: [OUT, FORCE, JSON_OPTION, HELP_OPTION],
};

const COMMANDS: CommandSpec[] = [CHECK, INVENTORY];

const EXIT_CODES = "退出码：0 没有错误；1 有错误级别的问题，或警告超过 --max-warnings（check）；2 用法错误、有文件无法打开、没有识别出任何绩效表（check）或结果无法写入。";

function optionUsage(o: OptionSpec): string {
  return `[--${o.name}${o.value ? ` <${o.value}>` : ""}]`;
}

/** The usage line of a command, every option in it, wrapped as a terminal would show it. */
function usage(c: CommandSpec): string {
  const words = [`jixiao ${c.name} ${c.args}`, ...c.options.filter((o) => o !== HELP_OPTION).map(optionUsage)];
  const lines: string[] = [];
  let line = "";
  for (const w of words) {
    if (line && line.length + w.length + 1 > 100) {
      lines.push(line);
      line = " ".repeat(`jixiao ${c.name} `.length) + w;
    } else line = line ? `${line} ${w}` : w;
  }
  return [...lines, line].join("\n");
}

function optionLines(options: OptionSpec[]): string {
  const heads = options.map((o) => `${o.short ? `-${o.short}, ` : "    "}--${o.name}${o.value ? ` <${o.value}>` : ""}`);
  const width = Math.max(...heads.map(textWidth)) + 2;
  return options.map((o, i) => `  ${heads[i]}${" ".repeat(width - textWidth(heads[i]))}${o.help}`).join("\n");
}

export function commandHelp(c: CommandSpec): string {
  return `用法：\n  ${usage(c).replace(/\n/g, "\n  ")}\n\n${c.summary}\n\n选项：\n${optionLines(c.options)}\n\n${EXIT_CODES}`;
}

const HELP = `jixiao —— 预算绩效管理命令行工具

用法：
${COMMANDS.map((c) => `  ${usage(c).replace(/\n/g, "\n  ")}`).join("\n")}
  jixiao help [命令]     显示帮助（如 jixiao help check）
  jixiao --version       显示版本

命令：
  check       校验绩效目标表、双监控、自评重算与复核对比、结果应用，写出全部报告表
  inventory   列出每张工作表的已用区域和识别出的表类型

运行 jixiao help check 或 jixiao check --help 查看某个命令的全部选项。

${EXIT_CODES}`;



/** Edit distance, for "did you mean" suggestions. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/** The closest of the candidates, if it is close enough to be what was meant. */
export function closest(word: string, candidates: string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = c.startsWith(word) && word.length >= 2 ? 0.5 : distance(word, c);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : null;
}

const ALL_OPTIONS = [...new Map([...COMMANDS.flatMap((c) => c.options), { name: "version", short: "v", help: "" }].map((o) => [o.name, o])).values()];

type ParseConfig = NonNullable<Parameters<typeof parseArgs>[0]>["options"];

function parseConfig(options: OptionSpec[]): ParseConfig {
  return Object.fromEntries(options.map((o) => [o.name, { type: o.value ? "string" : "boolean", ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) }])) as ParseConfig;
}

class UsageError extends Error {}

/** Parses a command's arguments strictly; an unknown or misspelt option becomes a Chinese message with a suggestion. */
function parseCommand(spec: CommandSpec, argv: string[]) {
  const known = new Map<string, OptionSpec>();
  for (const o of spec.options) {
    known.set(`--${o.name}`, o);
    if (o.short) known.set(`-${o.short}`, o);
  }
  // Look at every option token before parsing, so that a mistake is named in Chinese, not in parseArgs's English.
  const loose = parseArgs({ args: argv, allowPositionals: true, strict: false, tokens: true, options: parseConfig(ALL_OPTIONS) });
  for (const t of loose.tokens ?? []) {
    if (t.kind !== "option" || known.has(t.rawName.split("=")[0])) continue;
    const raw = t.rawName;
    const elsewhere = COMMANDS.find((c) => c !== spec && c.options.some((o) => `--${o.name}` === raw || (o.short && `-${o.short}` === raw)));
    if (elsewhere) throw new UsageError(`jixiao ${spec.name} 没有 ${raw} 选项（它属于 jixiao ${elsewhere.name}）。运行 jixiao ${spec.name} --help 查看可用的选项。`);
    const guess = closest(raw.replace(/^-+/, ""), spec.options.map((o) => o.name));
    throw new UsageError(`未知选项：${raw}。${guess ? `您是不是想用 --${guess}？` : ""}运行 jixiao ${spec.name} --help 查看可用的选项。`);
  }
  try {
    return parseArgs({ args: argv, allowPositionals: true, options: parseConfig(spec.options) });
  } catch (e) {
    const code = (e as { code?: string }).code;
    const message = (e as Error).message;
    const o = spec.options.find((x) => new RegExp(`--${x.name}\\b`).test(message));
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && o?.value) throw new UsageError(`选项 --${o.name} 后面要跟一个值（<${o.value}>）。运行 jixiao ${spec.name} --help 查看用法。`);
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && o) throw new UsageError(`选项 --${o.name} 不带值。运行 jixiao ${spec.name} --help 查看用法。`);
    throw new UsageError(`参数有误：${(e as Error).message}\n运行 jixiao ${spec.name} --help 查看用法。`);
  }
}

/** The command a run asks for: the first argument that is not an option. */
function commandOf(argv: string[]): { name: string | undefined; rest: string[] } {
  const loose = parseArgs({ args: argv, allowPositionals: true, strict: false, tokens: true, options: parseConfig(ALL_OPTIONS) });
  const first = (loose.tokens ?? []).find((t) => t.kind === "positional");
  if (!first || first.kind !== "positional") return { name: undefined, rest: argv };
  return { name: first.value, rest: argv.filter((_, i) => i !== first.index) };
}

export async function main(argv: string[], io: Io = consoleIo()): Promise<number> {
  const { name, rest } = commandOf(argv);
  if (name === undefined) {
    if (rest.includes("--version") || rest.includes("-v")) {
      io.out(VERSION);
      return 0;
    }
    const wantsHelp = rest.includes("--help") || rest.includes("-h");
    const stray = rest.find((a) => a.startsWith("-") && !["--help", "-h"].includes(a));
    if (stray) {
      io.err(`未知选项：${stray}。请先写命令（check 或 inventory），再写选项。运行 jixiao --help 查看用法。`);
      return 2;
    }
    (wantsHelp ? io.out : io.err)(HELP);
    return wantsHelp ? 0 : 2;
  }
  if (name === "help") {
    const topic = rest.find((a) => !a.startsWith("-"));
    if (topic === undefined) {
      io.out(HELP);
      return 0;
    }
    const spec = COMMANDS.find((c) => c.name === topic);
    if (!spec) return unknownCommand(topic, io);
    io.out(commandHelp(spec));
    return 0;
  }
  const spec = COMMANDS.find((c) => c.name === name);
  if (!spec) return unknownCommand(name, io);
  let parsed;
  try {
    parsed = parseCommand(spec, rest);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(e.message);
    return 2;
  }
  const values = parsed.values as Record<string, string | string[] | boolean | undefined>;
  const paths = parsed.positionals;
  if (values.help) {
    io.out(commandHelp(spec));
    return 0;
  }
  if (paths.length === 0) {
    io.err(`请给出至少一个 .xlsx 文件或文件夹。\n用法：${usage(spec)}\n运行 jixiao ${spec.name} --help 查看全部选项。`);
    return 2;
  }
  const out = values.out as string | undefined;
  if (out !== undefined && !/\.xlsx$/i.test(out)) {
    io.err(`--out 应为 .xlsx 文件（结果是一个 Excel 工作簿），实际是“${out}”。请把文件名改为以 .xlsx 结尾。`);
    return 2;
  }
  const force = values.force === true;
  const json = values.json === true;
  // The commands (exceljs, the engine) load only now: --help and a usage error start in a blink.
  const commands = await import("./commands");
  if (spec.name === "inventory") return commands.inventoryCommand(paths, { out, force, json }, io);
  let month: number | undefined;
  if (values.month !== undefined) {
    month = Number(values.month);
    if (!Number.isInteger(month) || month < 1 || month > 12) {
      io.err(`--month 应为 1 到 12 的整数，实际是“${String(values.month)}”。`);
      return 2;
    }
  }
  let maxWarnings: number | undefined;
  if (values["max-warnings"] !== undefined) {
    maxWarnings = Number(values["max-warnings"]);
    if (!/^\d+$/.test(String(values["max-warnings"]))) {
      io.err(`--max-warnings 应为 0 或正整数，实际是“${String(values["max-warnings"])}”。`);
      return 2;
    }
  }
  let today: Date | undefined;
  if (values.date !== undefined) {
    const text = String(values.date);
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    today = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
    if (!today || Number.isNaN(today.getTime()) || today.getUTCDate() !== Number(m![3])) {
      io.err(`--date 应为 YYYY-MM-DD 格式的日期，实际是“${text}”。`);
      return 2;
    }
  }
  let rules: RuleSet;
  try {
    rules = await commands.resolveRuleSet((values.rules as string | undefined) ?? DEFAULT_RULES.id);
  } catch (e) {
    io.err(e instanceof Error ? e.message : String(e));
    return 2;
  }
  let layouts: LayoutProfile[];
  try {
    layouts = await commands.loadLayouts((values.layout as string[] | undefined) ?? []);
  } catch (e) {
    io.err(e instanceof Error ? e.message : String(e));
    return 2;
  }
  return commands.checkCommand(paths, {
    out, force, json, rules, month, today, maxWarnings, layouts, docx: values.docx as string | undefined,
    previous: (values.previous as string[] | undefined) ?? [],
    exitZero: values["exit-zero"] === true,
    quiet: values.quiet === true,
  }, io);
}

function unknownCommand(name: string, io: Io): number {
  const guess = closest(name, [...COMMANDS.map((c) => c.name as string), "help"]);
  io.err(`未知命令：${name}。${guess ? `您是不是想用 jixiao ${guess}？` : "可用的命令：check、inventory、help。"}运行 jixiao --help 查看用法。`);
  return 2;
}
