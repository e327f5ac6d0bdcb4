// Preloaded into each process the bench times (node --import): at exit, appends the process's peak resident memory
// (KB) to the file BENCH_RSS_FILE names. Works for `node -e 0`, the CLI and the plain exceljs script alike.
import { appendFileSync } from "node:fs";

process.on("exit", () => {
  if (process.env.BENCH_RSS_FILE) appendFileSync(process.env.BENCH_RSS_FILE, `${process.resourceUsage().maxRSS}\n`);
});
