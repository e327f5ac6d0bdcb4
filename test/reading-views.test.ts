/** The 读取方式 view shows one reading per header read: a list's once for all its projects, a form's per form. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { analyze } from "../src/core/analyze";
import { loadFormulaParser } from "../src/core/rules/expression";
import { DEFAULT_RULES } from "../src/core/rules/ruleset";
import { openWorkbookBytes } from "../src/hosts/exceljs-host";
import { readingViews } from "../src/taskpane/reading-view";

const SAMPLES = join(__dirname, "..", "samples");

async function analysed(file: string) {
  await loadFormulaParser();
  const wb = await (await openWorkbookBytes(ExcelJS, file, readFileSync(join(SAMPLES, file)))).read();
  return analyze([wb], DEFAULT_RULES);
}

describe("readings shown for the clerk to check", () => {
  it("a list of many projects under one header is one reading, titled with its count", async () => {
    const a = await analysed("文化广电和旅游局等-绩效目标清单.xlsx");
    const listed = a.projects.filter((r) => r.project.layout === "list");
    expect(listed.length).toBeGreaterThan(1);
    const views = readingViews(a);
    expect(views).toHaveLength(1);
    expect(views[0].title).toMatch(new RegExp(`清单，${listed.length} 个项目，第 \\d+ 行表头`));
  });

  it("a form is its own reading, titled with its project", async () => {
    const a = await analysed("消防救援支队-城乡公共消防设施建设.xlsx");
    const views = readingViews(a);
    expect(views.length).toBe(a.projects.filter((r) => r.project.reading).length);
    expect(views[0].title).toContain("消防");
  });
});
