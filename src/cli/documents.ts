/**
 * `jixiao check … --docx 文件夹`: each reviewed project's 评价结果反馈通知书 / 再评价报告, and the run's
 * 预算绩效评价结果及应用情况报告 with its charts, written as Word documents (hosts/docx-document.ts) into a folder. A file already there is replaced only if this tool wrote it (its document
 * properties name the tool) or with --force; each is written to a temporary name first and then renamed, so an
 * interrupted run leaves no half-written document.
 */
import JSZip from "jszip";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Analysis } from "../core/results";
import { documentCharts, issuedDocuments } from "../core/report/run-report";
import { DOCX_CREATOR, officialDocx } from "../hosts/docx-document";
import type { Painter } from "./painter";

/** Whether the file at `path` is absent, a document this tool wrote, or something else (named in the answer). */
async function ours(path: string): Promise<boolean> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    return true;
  }
  try {
    const core = await (await JSZip.loadAsync(bytes)).file("docProps/core.xml")?.async("string");
    return core?.includes(`<dc:creator>${DOCX_CREATOR}</dc:creator>`) ?? false;
  } catch {
    return false;
  }
}

/** Writes the documents; the names written, or a Chinese sentence saying why nothing was written. */
export async function writeDocuments(a: Analysis, dir: string, force: boolean, paint: Painter): Promise<{ written: string[] } | { problem: string }> {
  const issued = issuedDocuments(a);
  // Each chart drawn once (on the painter's thread where there is one), for every document that shows it.
  const drawn = new Map<string, Uint8Array>();
  for (const c of documentCharts(issued)) drawn.set(c.id, await paint(c));
  const docs = issued.map((d) => ({ file: d.file, bytes: () => officialDocx(d.content, (c) => drawn.get(c.id)!) }));
  if (!force) {
    const foreign: string[] = [];
    for (const d of docs) if (!(await ours(join(dir, d.file)))) foreign.push(d.file);
    if (foreign.length > 0) {
      return { problem: `--docx 文件夹 ${dir} 中已有同名的文件且不是本工具写的：${foreign.join("、")}。未写入任何公文。请换一个文件夹，或确认可以覆盖后加 --force。` };
    }
  }
  try {
    await mkdir(dir, { recursive: true });
    for (const d of docs) {
      const path = join(dir, d.file);
      const temporary = `${path}.${process.pid}.tmp`;
      await writeFile(temporary, await d.bytes());
      await rename(temporary, path);
    }
  } catch (e) {
    return { problem: `无法在 ${dir} 中写入公文：${(e as Error).message}` };
  }
  return { written: docs.map((d) => d.file) };
}
