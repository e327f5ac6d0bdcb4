/**
 * Province-scale lists (issue 21): a budget system's export, one row per indicator (8 per project), written with shared
 * strings and with inline strings, checked by the CLI beside exceljs's own streaming reader walking the same file (the
 * floor), each in its own process, in the same run: wall time, peak resident memory, and what the CLI answered.
 * `tsx scripts/bench-lists.ts [projects ...]` (default 10000 30000 100000); prints a Markdown table.
 */
import ExcelJS from "exceljs";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const HEADER = ["序号", "项目编码", "项目名称", "主管部门", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"];
const TREE: [string, string, string, string, number, string][] = [
  ["产出指标", "数量指标", "完成数量", "≥", 100, "个"],
  ["产出指标", "质量指标", "验收合格率", "≥", 95, "%"],
  ["产出指标", "时效指标", "按期完成率", "≥", 100, "%"],
  ["产出指标", "成本指标", "单位成本", "≤", 12, "万元"],
  ["效益指标", "经济效益指标", "带动收入", "≥", 50, "万元"],
  ["效益指标", "社会效益指标", "受益人数", "≥", 3000, "人"],
  ["效益指标", "可持续影响指标", "长效机制", "=", 1, "项"],
  ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥", 90, "%"],
];

async function writeList(file: string, projects: number, inline: boolean): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: !inline });
  const ws = wb.addWorksheet("绩效目标清单");
  // Inline strings as the streaming writers of Java systems write them (t="inlineStr").
  const text = (s: string) => (inline ? { richText: [{ text: s }] } : s);
  ws.addRow(HEADER.map(text)).commit();
  let n = 0;
  for (let p = 1; p <= projects; p++) {
    const code = `2305002600${String(p).padStart(8, "0")}`;
    for (const [l1, l2, l3, nature, value, unit] of TREE) {
      ws.addRow([++n, text(code), text(`第${p}号项目`), text(`第${(p % 40) + 1}部门`), text(l1), text(l2), text(l3), text(nature), value, text(unit)]).commit();
    }
  }
  ws.commit();
  await wb.commit();
}

interface Run {
  ms: number;
  peakMB: number;
  code: number | null;
  said: string;
}

function timed(args: string[]): Run {
  const rss = join(tmpdir(), `bench-rss-${process.pid}-${Date.now()}`);
  const start = performance.now();
  const r = spawnSync(process.execPath, ["--import", join(ROOT, "scripts", "bench-rss.mjs"), ...args], {
    env: { ...process.env, BENCH_RSS_FILE: rss, BENCH_EXCELJS: createRequire(import.meta.url).resolve("exceljs") }, encoding: "utf8", maxBuffer: 64 << 20,
  });
  const ms = performance.now() - start;
  const peak = Number(readFileSync(rss, "utf8").trim().split("\n").pop()) / 1024;
  rmSync(rss, { force: true });
  const said = (r.status === 0 ? r.stdout || r.stderr : r.stderr || r.stdout).split("\n").find((l) => l.trim()) ?? "";
  return { ms, peakMB: peak, code: r.status, said: said.slice(0, 80) };
}

const FLOOR = `
const ExcelJS = require(process.env.BENCH_EXCELJS);
(async () => {
  let rows = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(process.argv[2], { sharedStrings: "cache", worksheets: "emit" });
  for await (const ws of reader) for await (const row of ws) rows += row ? 1 : 0;
  console.log(rows);
})();`;

async function main(): Promise<void> {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const dir = mkdtempSync(join(tmpdir(), "jixiao-lists-"));
  const floor = join(dir, "floor.cjs");
  writeFileSync(floor, FLOOR);
  const lines = [
    `测量时间 ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC；Node ${process.version}。下限 = exceljs 流式读取（WorkbookReader）逐行走完同一文件。`,
    "",
    "| 项目数 | 行数 | 字符串 | 文件大小 | 下限 时间 | 下限 峰值内存 | jixiao check 时间 | 峰值内存 | 时间/下限 | 结果 |",
    "|---:|---:|---|---:|---:|---:|---:|---:|---:|---|",
  ];
  for (const n of sizes.length > 0 ? sizes : [10_000, 30_000, 100_000]) {
    for (const inline of [false, true]) {
      const file = join(dir, `清单-${n}-${inline ? "inline" : "shared"}.xlsx`);
      await writeList(file, n, inline);
      const base = timed([floor, file]);
      if (base.code !== 0 || Number(base.said) !== n * 8 + 1) throw new Error(`the floor did not walk ${file}: ${base.said}`);
      const tool = timed([join(ROOT, "bin", "jixiao.js"), "check", file, "--out", join(dir, "结果.xlsx"), "--force", "--exit-zero", "--quiet"]);
      const size = `${(statSync(file).size / 1048576).toFixed(1)} MB`;
      const outcome = tool.code === 0 ? "已检查" : `退出码 ${tool.code}：${tool.said}`;
      lines.push(`| ${n} | ${n * 8} | ${inline ? "内联" : "共享"} | ${size} | ${(base.ms / 1000).toFixed(2)} s | ${Math.round(base.peakMB)} MB | ${(tool.ms / 1000).toFixed(2)} s | ${Math.round(tool.peakMB)} MB | ${(tool.ms / base.ms).toFixed(2)} | ${outcome} |`);
      rmSync(file, { force: true });
    }
  }
  rmSync(dir, { recursive: true, force: true });
  console.log(lines.join("\n"));
}

void main();
