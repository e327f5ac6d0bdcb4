/**
 * The lint that keeps the task pane working in the webviews of Office 2016/2019: web APIs (eslint-plugin-compat) and
 * CSS (stylelint-no-unsupported-browser-features) are checked against the browserslist in package.json, so that a
 * new feature cannot silently break Internet Explorer 11 or EdgeHTML 18. These tests prove the checks are live.
 */
import { ESLint } from "eslint";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import stylelint from "stylelint";
import { describe, expect, it } from "vitest";

const ROOT = join(__dirname, "..");

describe("lint against the browserslist (ie 11, edge 18)", () => {
  it("names the browserslist's old webviews", () => {
    const list = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).browserslist as string[];
    expect(list).toEqual(expect.arrayContaining(["ie 11", "edge 18"]));
  });

  it("flags web APIs the old webviews lack in the pane's code, and lets core-js's built-ins pass", async () => {
    const eslint = new ESLint({ cwd: ROOT });
    const code = [
      "export async function f(): Promise<number> {",
      "  const n = new TextEncoder().encode('x').length;",
      "  await fetch('data.json');",
      "  const c = new AbortController();",
      "  const m = new Map<string, number>([['a', 1]]);",
      "  return n + (c.signal.aborted ? 1 : 0) + Object.entries({}).length + [1].flatMap((x) => [x]).length + m.size;",
      "}",
    ].join("\n");
    const [result] = await eslint.lintText(code, { filePath: join(ROOT, "src", "taskpane", "probe.ts") });
    const compat = result.messages.filter((m) => m.ruleId === "compat/compat").map((m) => m.message);
    expect(compat.some((m) => m.startsWith("TextEncoder"))).toBe(true);
    expect(compat.some((m) => m.startsWith("fetch"))).toBe(true);
    expect(compat.some((m) => m.startsWith("AbortController"))).toBe(true);
    expect(compat.filter((m) => /^(Map|Object\.entries|Array\.prototype\.flatMap)/.test(m))).toEqual([]);
  });

  it("flags CSS the old webviews lack (custom properties, grid, :focus-visible), and the pane's CSS passes", async () => {
    const probe = await stylelint.lint({ code: ".x { display: grid; color: var(--a); }\n.y:focus-visible { color: red; }\n", cwd: ROOT, codeFilename: join(ROOT, "src", "taskpane", "probe.css") });
    const features = probe.results[0].warnings.map((w) => w.text);
    expect(features.join("\n")).toMatch(/css-grid/);
    expect(features.join("\n")).toMatch(/css-variables/);
    expect(features.join("\n")).toMatch(/css-focus-visible/);
    const ours = await stylelint.lint({ files: join(ROOT, "src", "taskpane", "taskpane.css"), cwd: ROOT });
    expect(ours.results[0].warnings).toEqual([]);
  });

  it("uses no flex gap, which the CSS check cannot see (IE 11 and EdgeHTML 18 ignore it)", () => {
    expect(readFileSync(join(ROOT, "src", "taskpane", "taskpane.css"), "utf8")).not.toMatch(/(^|[\s;{])(row-|column-)?gap\s*:/m);
  });
});
