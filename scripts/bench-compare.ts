// `npm run bench:compare -- <git-ref>`: the reader, the analysis and the reports of this tree against another commit's, on the
// bench's 10,000-project workbooks, in one process and in alternating order, so that the machine's load (which
// swings two- to threefold here) falls on both alike. Prints the fastest of nine runs of each and their ratio.
import ExcelJS from "exceljs";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { analyze } from "../src/core/analyze";
import { readWorkbook } from "../src/core/read/workbook";
import { renderReports } from "../src/core/report";
import { loadFormulaParser } from "../src/core/rules/expression";
import { CENTRAL } from "../src/core/rules/ruleset";
import type { WorkbookSnapshot } from "../src/core/sheet";
import { ExcelJsHost } from "../src/hosts/exceljs-host";
import { formWorkbookBytes, listWorkbookBytes } from "./bench-workbooks";


await loadFormulaParser();
const ref = process.argv[2] ?? "HEAD~1";
const root = resolve(".");
const dir = mkdtempSync(join(tmpdir(), "jixiao-compare-"));
execFileSync("git", ["worktree", "add", "--detach", dir, ref], { stdio: "ignore" });
if (!existsSync(join(dir, "node_modules"))) symlinkSync(join(root, "node_modules"), join(dir, "node_modules"));

type Analyze = typeof analyze;
type Read = typeof readWorkbook;
const other = {
  read: ((await import(pathToFileURL(join(dir, "src/core/read/read.ts")).href)) as { readWorkbook: Read }).readWorkbook,
  analyze: ((await import(pathToFileURL(join(dir, "src/core/analyze.ts")).href)) as { analyze: Analyze }).analyze,
  rules: ((await import(pathToFileURL(join(dir, "src/core/rules/ruleset.ts")).href)) as { CENTRAL: typeof CENTRAL }).CENTRAL,
  render: ((await import(pathToFileURL(join(dir, "src/core/report/index.ts")).href)) as { renderReports: typeof renderReports }).renderReports,
};
// A tree from after mathjs became lazy has its own formula parser to load (each tree has its own module).
const otherParser = (await import(pathToFileURL(join(dir, "src/core/rules/expression.ts")).href)) as { loadFormulaParser?: () => Promise<void> };
await otherParser.loadFormulaParser?.();

async function snapshot(bytes: Buffer, file: string): Promise<WorkbookSnapshot> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return new ExcelJsHost(wb, file).read();
}

const gc = (globalThis as { gc?: () => void }).gc;
function time(f: () => unknown): number {
  gc?.();
  const t = performance.now();
  f();
  return performance.now() - t;
}

const sets: [string, WorkbookSnapshot[]][] = [
  ["清单式 10,000 个项目", [await snapshot(await listWorkbookBytes(10_000), "清单.xlsx")]],
  ["表单式 10,000 个项目", await Promise.all(Array.from({ length: 1000 }, async (_, u) => snapshot(await formWorkbookBytes(u + 1, 10), `单位${u + 1}.xlsx`)))],
];
console.log(`本树与 ${ref} 对比（各取 9 次中最快的一次，交替先后）${gc ? "" : "；未加 --expose-gc，结果波动更大"}`);
for (const [name, snaps] of sets) {
  const t = { readHere: [] as number[], readThere: [] as number[], allHere: [] as number[], allThere: [] as number[], renderHere: [] as number[], renderThere: [] as number[] };
  for (let i = 0; i < 9; i++) {
    const here = () => {
      t.readHere.push(time(() => snaps.forEach((s) => readWorkbook(s))));
      let a: ReturnType<typeof analyze> | null = null;
      t.allHere.push(time(() => (a = analyze(snaps, CENTRAL))));
      t.renderHere.push(time(() => renderReports(a!, snaps, { sameWorkbook: false })));
    };
    const there = () => {
      t.readThere.push(time(() => snaps.forEach((s) => other.read(s))));
      let a: ReturnType<typeof analyze> | null = null;
      t.allThere.push(time(() => (a = other.analyze(snaps, other.rules))));
      t.renderThere.push(time(() => other.render(a!, snaps, { sameWorkbook: false })));
    };
    if (i % 2) { here(); there(); } else { there(); here(); }
  }
  const min = (x: number[]) => Math.min(...x);
  console.log(`${name}：解析 ${min(t.readThere).toFixed(0)} → ${min(t.readHere).toFixed(0)} ms（${(min(t.readHere) / min(t.readThere)).toFixed(2)} 倍）；` +
    `解析+分析 ${min(t.allThere).toFixed(0)} → ${min(t.allHere).toFixed(0)} ms（${(min(t.allHere) / min(t.allThere)).toFixed(2)} 倍）；` +
    `生成报告 ${min(t.renderThere).toFixed(0)} → ${min(t.renderHere).toFixed(0)} ms（${(min(t.renderHere) / min(t.renderThere)).toFixed(2)} 倍）`);
}
execFileSync("git", ["worktree", "remove", "--force", dir], { stdio: "ignore" });
