import { readFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import type { Page } from "playwright-core";

/** Clicks 下载公文 and opens the .zip the page offers: its name and its documents' bytes by file name. */
export async function downloadDocuments(page: Page, dir: string): Promise<{ name: string; files: Map<string, Uint8Array> }> {
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), page.click("#download-documents")]);
  const saved = join(dir, `公文-${Date.now()}.zip`);
  await download.saveAs(saved);
  const zip = await JSZip.loadAsync(readFileSync(saved));
  const files = new Map<string, Uint8Array>();
  for (const f of Object.keys(zip.files).sort()) files.set(f, await zip.file(f)!.async("uint8array"));
  return { name: download.suggestedFilename(), files };
}
