/**
 * The code's shape, as the team keeps it: no import circle anywhere in src/ (type imports included), and no source file
 * longer than about 350 lines, so each module says one thing.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script without types
import { cycles } from "../scripts/import-graph.mjs";

const SRC = join(__dirname, "..", "src");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

describe("the code's shape", () => {
  it("has no import cycle in src/", () => {
    expect(cycles()).toEqual([]);
  });

  it("finds a cycle when there is one (the check itself works)", () => {
    const a = "/x/a.ts";
    const b = "/x/b.ts";
    const found = cycles(new Map([[a, new Set([b])], [b, new Set([a])]]));
    expect(found).toHaveLength(1);
  });

  it("keeps every source file under 360 lines", () => {
    const long = sources(SRC)
      .map((f) => [relative(SRC, f), readFileSync(f, "utf8").split("\n").length] as const)
      .filter(([, n]) => n > 360);
    expect(long).toEqual([]);
  });
});
