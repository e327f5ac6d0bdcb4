import { parseArgs } from "node:util";
import { runInventory } from "../app/actions";
import { KIND_NAMES } from "../core/classify";
import type { WorkbookSnapshot } from "../core/sheet";
import { collectWorkbooks, newResultHost, openWorkbookFile, saveWorkbook, WorkbookOpenError } from "../hosts/node-files";
import { formatTable } from "./table";

const VERSION = "0.1.0";

const HELP = `jixiao —— 预算绩效管理命令行工具

用法：
  jixiao inventory <文件或文件夹>... [--out <结果.xlsx>] [--json]
      列出每个工作簿的每张工作表：已用区域、非空单元格数、识别出的表类型（绩效目标申报表 / 绩效运行监控表 / 绩效自评表）。
      文件夹会递归查找其中的 .xlsx 文件。原文件只读不写；--out 把“工作表清单”写入一个新的结果工作簿。

  jixiao --help       显示本帮助
  jixiao --version    显示版本

选项：
  --out <文件>   结果工作簿的保存路径（.xlsx）
  --json         在标准输出打印一个 JSON 文档，便于其他程序读取

退出码：0 正常；2 用法错误或有文件无法打开。`;

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
  if (command !== "inventory") {
    io.err(`未知命令：${command}\n运行 jixiao --help 查看用法。`);
    return 2;
  }
  if (paths.length === 0) {
    io.err("请给出至少一个 .xlsx 文件或文件夹。运行 jixiao --help 查看用法。");
    return 2;
  }
  return inventoryCommand(paths, { out: values.out, json: values.json ?? false }, io);
}

async function inventoryCommand(paths: string[], opts: { out?: string; json: boolean }, io: Io): Promise<number> {
  const { files, missing } = await collectWorkbooks(paths);
  const errors: { file: string; message: string }[] = missing.map((p) => ({ file: p, message: `找不到文件或文件夹：${p}` }));
  const snapshots: WorkbookSnapshot[] = [];
  for (const f of files) {
    try {
      const host = await openWorkbookFile(f);
      snapshots.push(await host.read());
    } catch (e) {
      errors.push({ file: f, message: e instanceof WorkbookOpenError ? e.message : `读取 ${f} 时出错：${String(e)}` });
    }
  }
  if (files.length === 0 && missing.length === 0) errors.push({ file: paths.join(" "), message: "没有找到 .xlsx 文件。" });
  const result = newResultHost("结果");
  const { rows } = await runInventory(snapshots, result);
  let saved: string | null = null;
  if (opts.out) saved = await saveWorkbook(result, opts.out);

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
