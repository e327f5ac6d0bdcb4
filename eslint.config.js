import compat from "eslint-plugin-compat";
import tseslint from "typescript-eslint";

/**
 * What core-js brings into the task pane's bundle wherever our code uses it (babel.config.cjs, useBuiltIns: "usage"):
 * ECMAScript built-ins. Web APIs have no such polyfill, so eslint-plugin-compat checks them against the browserslist
 * in package.json (ie 11, edge 18, …).
 */
const CORE_JS = [
  "Promise", "Map", "Set", "WeakMap", "WeakSet", "Symbol", "Reflect",
  "Object.assign", "Object.entries", "Object.values", "Object.fromEntries",
  "Array.from", "Array.of", "Array.prototype.includes", "Array.prototype.find", "Array.prototype.findIndex",
  "Array.prototype.flat", "Array.prototype.flatMap", "Array.prototype.fill", "Array.prototype.at",
  "String.prototype.includes", "String.prototype.startsWith", "String.prototype.endsWith", "String.prototype.padStart",
  "String.prototype.padEnd", "String.prototype.repeat", "String.prototype.replaceAll", "String.prototype.trimStart",
  "String.prototype.trimEnd", "Number.isInteger", "Number.isFinite", "Number.isNaN", "Math.trunc", "Math.sign",
];

export default tseslint.config(
  { ignores: ["dist/", "out/", "node_modules/", "coverage/"] },
  ...tseslint.configs.recommended,
  {
    files: ["src/**/*.ts", "test/**/*.ts", "scripts/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-eval": "error",
      "no-new-func": "error",
    },
  },
  {
    // Everything the task pane's bundle holds runs in the webviews of Office 2016/2019 too.
    files: ["src/core/**/*.ts", "src/app/**/*.ts", "src/taskpane/**/*.ts", "src/taskpane/**/*.js", "src/hosts/office-host.ts", "src/hosts/host.ts", "src/hosts/styles.ts"],
    plugins: { compat },
    settings: { polyfills: CORE_JS },
    rules: { "compat/compat": "error" },
  },
  {
    // The core is pure: no workbook library, no Office.js, no DOM, no file system.
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { paths: ["exceljs", "fs", "node:fs", "path", "node:path", "@microsoft/office-js"] }],
      "no-restricted-globals": ["error", "document", "window", "Office", "Excel"],
    },
  },
);
