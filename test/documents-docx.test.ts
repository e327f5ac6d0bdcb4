/**
 * The Word 公文 (issue 22), seen as a reader sees them: each document the demo data gives is rendered by LibreOffice
 * (Debian's libreoffice-writer-nogui, headless) to PDF, and the PDF is read with poppler (pdfinfo, pdftotext): A4,
 * the GB/T 9704-2012 margins and line pitch, the project's figures and the grounds the findings give, the blanks the
 * bureau fills marked as blanks. Without LibreOffice the test fails with what to install, as the browser tests do.
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main";

const SAMPLES = join(__dirname, "..", "samples");
const REPORT = "预算绩效评价结果及应用情况报告.docx";
const dir = mkdtempSync(join(tmpdir(), "jixiao-docx-"));
const docs = join(dir, "公文");
const pdfs = join(dir, "pdf");

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

interface Line { x: number; y: number; right: number; text: string }

/** Each page's text lines with their boxes (pdftotext -bbox-layout), in points from the page's top left. */
function pageLines(pdf: string): Line[][] {
  const html = execFileSync("pdftotext", ["-bbox-layout", pdf, "-"], { encoding: "utf8" });
  return html.split("<page ").slice(1).map((page) =>
    [...page.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([\s\S]*?)<\/line>/g)].map((m) => ({
      x: Number(m[1]), y: Number(m[2]), right: Number(m[3]), text: [...m[4].matchAll(/>([^<]+)<\/word>/g)].map((w) => w[1]).join(""),
    })));
}

let reviewed: { name: string; score: number; grade: string; decision: string | null }[] = [];

beforeAll(async () => {
  for (const tool of ["soffice", "pdfinfo", "pdftotext"]) {
    try {
      execFileSync("which", [tool], { stdio: "ignore" });
    } catch {
      throw new Error(`缺少 ${tool}：请先 apt-get install libreoffice-writer-nogui poppler-utils fonts-wqy-microhei（CI 的 .ci/run 会自动安装）`);
    }
  }
  const r = await cli("check", SAMPLES, "--docx", docs, "--json", "--exit-zero", "--date", "2026-12-01");
  expect(r.code, r.err).toBe(0);
  const json = JSON.parse(r.out) as { projects: { name: string; review?: { score: number; grade: string } | null; decision: string | null }[] };
  reviewed = json.projects.filter((p) => p.review).map((p) => ({ name: p.name, score: p.review!.score, grade: p.review!.grade, decision: p.decision }));
  // One LibreOffice for every document, in a profile of its own (a user's running LibreOffice is not disturbed).
  execFileSync("soffice", [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--convert-to", "pdf", "--outdir", pdfs, ...readdirSync(docs).map((f) => join(docs, f))], { stdio: "ignore", timeout: 180_000 });
}, 240_000);

describe("评价结果反馈通知书 and 再评价报告 as Word 公文 (GB/T 9704-2012)", () => {
  it("writes one document per reviewed project, of the kind its review calls for", () => {
    expect(reviewed.length).toBeGreaterThanOrEqual(2);
    const files = readdirSync(docs).filter((f) => /^(反馈通知书|再评价报告)-/.test(f)).sort();
    expect(files).toHaveLength(reviewed.length);
    for (const p of reviewed) expect(files.some((f) => f.endsWith(`-${p.name}.docx`) && /^(反馈通知书|再评价报告)-/.test(f)), p.name).toBe(true);
    expect(files.some((f) => f.startsWith("反馈通知书-"))).toBe(true);
    expect(files.some((f) => f.startsWith("再评价报告-"))).toBe(true);
  });

  it("renders on A4 with the standard's margins and 22-line pitch, the figures of the project and the grounds", () => {
    for (const f of readdirSync(docs).filter((x) => /^(反馈通知书|再评价报告)-/.test(x))) {
      const pdf = join(pdfs, f.replace(/\.docx$/, ".pdf"));
      expect(existsSync(pdf), f).toBe(true);
      const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
      const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
      // A4 is 595.28 × 841.89 pt.
      expect(Math.abs(Number(w) - 595.28), f).toBeLessThan(1);
      expect(Math.abs(Number(h) - 841.89), f).toBeLessThan(1);
      const pages = pageLines(pdf);
      expect(pages.length, f).toBeGreaterThanOrEqual(2);
      const mmOf = (pt: number) => (pt * 25.4) / 72;
      // Body lines start 28 mm from the left edge (the 订口 margin), none passes 26 mm from the right.
      const body = pages.flat().filter((l) => l.text.length >= 20 && !/^—/.test(l.text));
      expect(body.length, f).toBeGreaterThan(5);
      const left = Math.min(...body.map((l) => l.x));
      expect(Math.abs(mmOf(left) - 28), f).toBeLessThan(1);
      // (A closing mark may hang into the margin, as Chinese typesetting lets it: by one 3号 character, 5.6 mm.)
      for (const l of body) expect(mmOf(595.28 - l.right), `${f} ${l.text}`).toBeGreaterThan(/[，。；：、）”]$/.test(l.text) ? 26 - 5.7 : 25);
      // Consecutive body lines stand 225 mm / 22 apart (28.95 pt).
      const pitches = pages.flatMap((lines) => lines.slice(1).map((l, i) => l.y - lines[i].y)).filter((d) => d > 25 && d < 33);
      const median = pitches.sort((a, b) => a - b)[Math.floor(pitches.length / 2)];
      expect(Math.abs(median - 28.95), f).toBeLessThan(0.3);
      // Every line of body text on the first page is below the 37 mm top margin and above the 35 mm bottom one.
      for (const page of pages) for (const l of page.filter((x) => !/^—/.test(x.text))) {
        expect(mmOf(l.y), `${f} ${l.text}`).toBeGreaterThan(37);
        expect(mmOf(841.89 - l.y), `${f} ${l.text}`).toBeGreaterThan(35);
      }
      // The page number "— 1 —", on odd pages on the right, on even pages on the left.
      pages.forEach((page, i) => {
        const number = page.find((l) => l.text.replace(/\s/g, "") === `—${i + 1}—`);
        expect(number, `${f} 第 ${i + 1} 页`).toBeDefined();
        expect(number!.x > 297 === (i % 2 === 0), `${f} 第 ${i + 1} 页的页码在外侧`).toBe(true);
      });
      const text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
      const p = reviewed.find((x) => f.endsWith(`-${x.name}.docx`))!;
      expect(text, f).toContain(p.name);
      expect(text, f).toContain(`再评价${Number(p.score.toFixed(2))}分，等级“${p.grade}”`);
      // The grounds: the plan's clause the findings cite, and the blanks the bureau fills, marked as such.
      expect(text, f).toContain("双政办发〔2020〕23号");
      for (const blank of ["（发文机关）文件", "X财绩〔〕号", "年月日", "抄送："]) expect(text, `${f} ${blank}`).toContain(blank);
      if (f.startsWith("再评价报告-") && p.decision) expect(text, f).toContain(`结果应用：${p.decision}`);
    }
  });

  it("writes the run's report for leaders with its three charts as pictures, captioned, and the counts they show", () => {
    const pdf = join(pdfs, REPORT.replace(/\.docx$/, ".pdf"));
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts/);
    const text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
    for (const caption of ["图：绩效评价等级分布", "图：预算执行率与序时进度（截至7月）", "图：自评与复核得分差异最大的项目"]) expect(text).toContain(caption);
    const grades = reviewed.map((p) => p.grade);
    expect(text).toContain(`中${grades.filter((g) => g === "中").length}个`);
    // (Names wrap inside the table's cells; their first characters stand together.)
    for (const p of reviewed) expect(text).toContain(p.name.slice(0, 6));
    expect(text).toContain("双政办发〔2020〕23号");
    // Three pictures, each drawn at twice the chart's size (1600 × 900 pixels).
    const images = execFileSync("pdfimages", ["-list", pdf], { encoding: "utf8" }).split("\n").slice(2).filter((l) => l.trim());
    expect(images.length).toBeGreaterThanOrEqual(3);
    for (const l of images.slice(0, 3)) expect(l.trim().split(/\s+/).slice(3, 5)).toEqual(["1600", "900"]);
  });

  it("writes a 整改通知 for each confirmed review with problems and a 线索移交函 for each clue, to be filled in where the bureau fills", () => {
    const rectify = readdirSync(docs).filter((f) => f.startsWith("整改通知-"));
    const letters = readdirSync(docs).filter((f) => f.startsWith("线索移交函-"));
    // Only the project whose 再评价报告 is issued (its unit confirmed): the other's 反馈通知书 still asks for confirmation.
    expect(rectify).toEqual(["整改通知-网民留言办理平台运维.docx"]);
    expect(letters).toEqual(["线索移交函-网民留言办理平台运维.docx"]);
    const text = (f: string) => execFileSync("pdftotext", [join(pdfs, f.replace(/\.docx$/, ".pdf")), "-"], { encoding: "utf8" }).replace(/\s+/g, "");
    const notice = text(rectify[0]);
    expect(notice).toContain("关于“网民留言办理平台运维”绩效评价发现问题整改的通知");
    expect(notice).toContain("整改情况表");
    expect(notice).toMatch(/\d{4}年\d{1,2}月\d{1,2}日前/);
    const letter = text(letters[0]);
    expect(letter).toContain("〔主送机关〕");
    expect(letter).toContain("疑似虚列运");
    expect(letter).toContain("调查处理");
  });

  it("replaces its own documents on a second run, and leaves a file it did not write alone unless --force", async () => {
    const again = await cli("check", SAMPLES, "--docx", docs, "--exit-zero", "--date", "2026-12-01");
    expect(again.code, again.err).toBe(0);
    expect(again.out).toContain("公文已写入");
    const theirs = join(dir, "别人的");
    cpSync(docs, theirs, { recursive: true });
    const first = readdirSync(theirs)[0];
    writeFileSync(join(theirs, first), "办公室自己改过的文件");
    const refused = await cli("check", SAMPLES, "--docx", theirs, "--exit-zero");
    expect(refused.code).toBe(2);
    expect(refused.err).toContain(`已有同名的文件且不是本工具写的：${first}`);
    expect(readFileSync(join(theirs, first), "utf8")).toBe("办公室自己改过的文件");
    const forced = await cli("check", SAMPLES, "--docx", theirs, "--exit-zero", "--force");
    expect(forced.code, forced.err).toBe(0);
    expect(readFileSync(join(theirs, first)).subarray(0, 2).toString()).toBe("PK");
  });
});
