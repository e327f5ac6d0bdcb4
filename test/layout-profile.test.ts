/**
 * Layout profiles (读取方式, issue 20 §3): a table whose header the reader does not know is misread; the clerk says
 * once which column is which, the profile is saved as a file, and `jixiao check --layout` then reads every table
 * with that header right. Run on the built CLI with real files.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fingerprint, makeProfile, parseLayoutProfiles } from "../src/core/read/layout";
import { buildWorkbook, type SheetDef } from "./fixtures";

const BIN = join(__dirname, "..", "bin", "jixiao.js");
const jixiao = (...args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

const HEADER = ["考核项目", "考核内容", "标准分", "年度目标", "完成情况", "评分"];

/** A county's 考核表 in words of its own: none of its column names is one the reader knows. */
function countyForm(): SheetDef {
  return {
    name: "自评表",
    rows: [
      ["2025年度城乡环卫一体化项目支出绩效自评表"],
      ["项目名称", "城乡环卫一体化", null, "实施单位", "县环境卫生服务中心"],
      ["全年预算数", 200, "全年执行数", 190],
      HEADER,
      // 5.2 ÷ 5 ≥ 1: 30; 96 ÷ 98 × 30 = 29.39; 达成年度指标: 20 (stated 20); 满意度 92 ÷ 90 ≥ 1: 10 → indicators 89.39;
      // execution 190 ÷ 200 = 95% × 10 = 9.5; total 98.89, 优.
      ["产出指标", "垃圾清运量", 30, "≥5万吨", "5.2万吨", 30],
      [null, "垃圾无害化处理率", 30, "≥98%", "96%", 29.39],
      ["效益指标", "村容村貌改善", 20, "明显改善", "达成年度指标", 20],
      ["满意度指标", "群众满意度", 10, "≥90%", "92%", 10],
      ["合计", null, 90, null, null, 89.39],
    ],
    merges: ["A1:F1", "B2:C2", "A5:A6"],
  };
}

function write(dir: string): Promise<string> {
  const file = join(dir, "县环卫中心-自评表.xlsx");
  return buildWorkbook([countyForm()]).then(async (wb) => {
    await wb.xlsx.writeFile(file);
    return file;
  });
}

describe("a layout profile turns a misread table into a correct reading", () => {
  it("without the profile the table is not read, and nothing is judged", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-layout-"));
    const file = await write(dir);
    const r = jixiao("check", file, "--json", "--exit-zero");
    const d = JSON.parse(r.out);
    expect(d.projects).toEqual([]);
    expect(d.findings.map((f: { code: string }) => f.code)).toContain("table-incomplete");
  });

  it("with --layout it reads the indicators, recomputes the score and says which profile it used", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-layout-"));
    const file = await write(dir);
    const profile = makeProfile("某县专项资金绩效自评表", HEADER, [
      { column: 0, role: "level1" }, { column: 1, role: "level3" }, { column: 2, role: "weight" },
      { column: 3, role: "target" }, { column: 4, role: "actual" }, { column: 5, role: "score" },
    ]);
    const layout = join(dir, "版式.json");
    writeFileSync(layout, JSON.stringify(profile, null, 2));
    const d = JSON.parse(jixiao("check", file, "--layout", layout, "--json", "--exit-zero").out);
    expect(d.projects).toHaveLength(1);
    const p = d.projects[0];
    expect([p.kind, p.name, p.indicators]).toEqual(["self-evaluation", "城乡环卫一体化", 4]);
    expect(p.selfEvaluation).toMatchObject({ executionScore: 9.5, score: 98.89, grade: "优", recomputed: true, stated: 89.39 });
    expect(p.reading.profile).toBe("某县专项资金绩效自评表");
    expect(p.reading.columns.map((c: { letter: string; role: string }) => `${c.letter}:${c.role}`)).toEqual(["A:level1", "B:level3", "C:weight", "D:target", "E:actual", "F:score"]);
    // A profile only says where things are: the table's own problems are still found (合计 89.39 is the indicators' sum, not the total).
    expect(p.findings.map((f: { code: string; cell: string }) => [f.code, f.cell])).toContainEqual(["score-mismatch", "F9"]);
  });

  it("an invalid profile is a Chinese error naming the file and the field, and nothing runs", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-layout-"));
    const file = await write(dir);
    const bad = join(dir, "坏版式.json");
    writeFileSync(bad, JSON.stringify({ ...makeProfile("x", HEADER, [{ column: 1, role: "level3" }]), roles: [{ column: 1, role: "三级指标" }] }));
    const r = jixiao("check", file, "--layout", bad);
    expect(r.code).toBe(2);
    expect(r.err).toContain("坏版式.json");
    expect(r.err).toContain("roles[0].role");
    expect(jixiao("check", file, "--layout", join(dir, "没有.json")).err).toContain("找不到版式文件");
    expect(() => parseLayoutProfiles(JSON.stringify({ ...makeProfile("x", HEADER, []), fingerprint: "00000000" }), "a.json")).toThrow(/fingerprint.*与 header 不符/);
    expect(fingerprint(HEADER)).toMatch(/^[0-9a-f]{8}$/);
  });
});
