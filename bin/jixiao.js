#!/usr/bin/env node
// The jixiao command line: runs the built bundle dist/cli/jixiao.mjs (made by `npm ci` and `npm run build`).
// JIXIAO_SOURCE=1 runs the TypeScript sources through tsx instead, for development.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const bundle = new URL("../dist/cli/jixiao.mjs", import.meta.url);
if (process.env.JIXIAO_SOURCE === "1") {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/cli/run.ts");
} else if (existsSync(fileURLToPath(bundle))) {
  await import(bundle.href);
} else {
  process.stderr.write("jixiao 命令行尚未构建（缺少 dist/cli/jixiao.mjs）。请在项目目录运行 npm run build:cli（npm ci 也会自动构建）。\n");
  process.exitCode = 2;
}
