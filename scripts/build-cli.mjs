// Builds the command line into dist/cli/ (jixiao.mjs, and the commands as a chunk loaded only when one runs, so
// --help and usage errors never parse exceljs), which bin/jixiao.js runs. It runs on `npm ci` (the
// `prepare` script) and in `npm run build`, so a fresh clone's first `npm run demo` starts in a fraction of a second
// instead of compiling TypeScript at every start (tsx stays a development tool).
import { build } from "esbuild";
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";

// Node warns (DEP0005) on every `new Buffer()` outside node_modules, and once bundled, exceljs's dependencies (archiver,
// unzipper, buffer-indexof-polyfill …) are outside it: every `jixiao check --out` printed a DeprecationWarning.
// Their calls go to the safe constructors instead, chosen by the argument as the old constructor did.
const BUFFER_SHIM = "const __jixiaoBuffer = (a, b, c) => (typeof a === \"number\" ? Buffer.alloc(a) : Buffer.from(a, b, c));";
const safeBuffers = {
  name: "safe-buffers",
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/].*\.js$/ }, (args) => {
      // Read once here and handed to esbuild either way (returning nothing would make it read the file again).
      const source = readFileSync(args.path, "utf8");
      return { contents: source.includes("new Buffer(") ? source.replace(/\bnew Buffer\(/g, "__jixiaoBuffer(") : source, loader: "js" };
    });
  },
};

const dir = "dist/cli";
rmSync(dir, { recursive: true, force: true });
await build({
  entryPoints: { jixiao: "src/cli/run.ts", "read-worker": "src/cli/read-worker.ts", "row-worker": "src/hosts/row-worker.ts", "chart-worker": "src/cli/chart-worker.ts" },
  outdir: dir,
  outExtension: { ".js": ".mjs" },
  chunkNames: "[name]-[hash]",
  bundle: true,
  splitting: true,
  platform: "node",
  target: "node20",
  format: "esm",
  // exceljs and its dependencies are CommonJS and require Node's modules: give the ES module a require.
  banner: { js: `import { createRequire as __jixiaoRequire } from "node:module"; const require = __jixiaoRequire(import.meta.url); ${BUFFER_SHIM}` },
  plugins: [safeBuffers],
  // resvg is a native module (a prebuilt binary per platform): loaded from node_modules as installed.
  external: ["@resvg/resvg-js"],
  // mathjs's ES modules, so that only the parser and the decimal type the rules use are bundled.
  mainFields: ["module", "main"],
  legalComments: "none",
  sourcemap: "linked",
  logLevel: "warning",
});
const files = readdirSync(dir).filter((f) => f.endsWith(".mjs"));
const mb = (f) => (statSync(`${dir}/${f}`).size / 1024 / 1024).toFixed(2);
console.log(`${dir}/：${files.map((f) => `${f}（${mb(f)} MB）`).join("、")}`);
