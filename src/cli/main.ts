import { parseArgs } from "node:util";
import type { RuleSet } from "../core/rules/ruleset";
import { BUILT_IN, DEFAULT_RULES } from "../core/rules/ruleset";

const VERSION = "0.1.0";

const HELP = `jixiao —— 预算绩效管理命令行工具

用法：
  jixiao check <文件或文件夹>... [--rules <规则集编号|规则集.json>] [--month <1-12>] [--previous <上年结果.xlsx>]
               [--date <YYYY-MM-DD>] [--json] [--out <结果.xlsx>]
      按规则集校验绩效目标申报表、运行监控表（双监控）和自评表（含财政复核列），给出审核意见、暂缓/停止拨款建议、
      重算的自评得分与等级、复核差异和结果应用建议。
      --rules   内置规则集：${Object.keys(BUILT_IN).join("、")}（默认 ${DEFAULT_RULES.id}），或自定义规则集 JSON 文件
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
  // The commands (exceljs, the engine) load only now: --help and a usage error start in a blink.
  const commands = await import("./commands");
  if (command === "inventory") return commands.inventoryCommand(paths, { out: values.out, json: values.json ?? false }, io);
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
    rules = await commands.resolveRuleSet(values.rules ?? DEFAULT_RULES.id);
  } catch (e) {
    io.err(e instanceof Error ? e.message : String(e));
    return 2;
  }
  return commands.checkCommand(paths, { out: values.out, json: values.json ?? false, rules, month, today, previous: values.previous ?? [], exitZero: values["exit-zero"] ?? false }, io);
}

