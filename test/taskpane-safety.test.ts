import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(__dirname, "..");

describe("task pane safety", () => {
  it("serves a Content-Security-Policy that allows the Office script origin and nothing else external (run after `npm run build`)", () => {
    const html = readFileSync(join(ROOT, "dist", "taskpane.html"), "utf8");
    const csp = /http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/.exec(html)?.[1];
    expect(csp).toBeDefined();
    const directives = Object.fromEntries(csp!.split(";").map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    expect(directives["default-src"]).toEqual(["'self'"]);
    expect(directives["script-src"]).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
    expect(directives["object-src"]).toEqual(["'none'"]);
    const origins = csp!.match(/https?:\/\/[^\s;]+/g) ?? [];
    expect(new Set(origins)).toEqual(new Set(["https://appsforoffice.microsoft.com"]));
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toContain("unsafe-inline");
  });

  it("renders workbook text with textContent only: no innerHTML, outerHTML, insertAdjacentHTML or document.write in the task pane", () => {
    const dir = join(ROOT, "src", "taskpane");
    for (const f of readdirSync(dir).filter((x) => x.endsWith(".ts"))) {
      const src = readFileSync(join(dir, f), "utf8");
      expect(src, f).not.toMatch(/\.innerHTML|\.outerHTML|insertAdjacentHTML|document\.write/);
    }
  });
});
