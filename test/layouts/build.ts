/**
 * Writes every layout spec to test/layouts/<id>.xlsx (`npm run layouts`). The committed files are this script's
 * output; the corpus test rebuilds them in memory and fails if a committed file drifts from its spec.
 */
import { readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildWorkbook } from "../fixtures";
import type { LayoutSpec } from "./spec";

export const LAYOUT_DIR = dirname(fileURLToPath(import.meta.url));

export async function loadSpecs(): Promise<LayoutSpec[]> {
  const dir = join(LAYOUT_DIR, "specs");
  const files = readdirSync(dir).filter((f) => f.endsWith(".ts")).sort();
  const specs: LayoutSpec[] = [];
  for (const f of files) {
    const mod = (await import(pathToFileURL(join(dir, f)).href)) as { default: LayoutSpec | LayoutSpec[] };
    specs.push(...(Array.isArray(mod.default) ? mod.default : [mod.default]));
  }
  return specs.sort((a, b) => a.id.localeCompare(b.id));
}

export async function layoutBytes(spec: LayoutSpec): Promise<Buffer> {
  const wb = await buildWorkbook(spec.sheets);
  // Fixed metadata so the bytes depend on the spec alone.
  wb.creator = "jixiao layout corpus";
  wb.created = new Date(Date.UTC(2026, 0, 1));
  wb.modified = new Date(Date.UTC(2026, 0, 1));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function main(): Promise<void> {
  for (const spec of await loadSpecs()) {
    writeFileSync(join(LAYOUT_DIR, `${spec.id}.xlsx`), await layoutBytes(spec));
    console.log(`${spec.id}.xlsx`);
  }
}

if (process.argv[1] && process.argv[1].endsWith("build.ts")) void main();
