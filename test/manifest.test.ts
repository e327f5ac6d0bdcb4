import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { OfficeAddinManifest } from "office-addin-manifest";
import { describe, expect, it } from "vitest";
// @ts-expect-error plain JavaScript config
import { DEV_URL, productionManifest } from "../webpack.config.js";

const ROOT = join(__dirname, "..");
const xml = readFileSync(join(ROOT, "manifest.xml"), "utf8");

function pngSize(path: string): { width: number; height: number } {
  const b = readFileSync(path);
  expect(b.subarray(1, 4).toString("ascii")).toBe("PNG");
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe("manifest.xml (offline checks; `npm run validate` asks Microsoft's service)", () => {
  it("is an Excel task pane add-in with read/write access, a stable id and Chinese names with an English override", async () => {
    const info = await OfficeAddinManifest.readManifestFile(join(ROOT, "manifest.xml"));
    expect(info.id).toBe("189c43bc-9570-4970-90d9-6f59a8906ff2");
    expect(info.hosts).toEqual(["Workbook"]);
    expect(info.permissions).toBe("ReadWriteDocument");
    expect(info.defaultLocale).toBe("zh-CN");
    expect(info.displayName).toBe("预算绩效管理");
    expect(xml).toContain('xsi:type="TaskPaneApp"');
    expect(xml).toMatch(/<DisplayName DefaultValue="预算绩效管理">\s*<Override Locale="en-US"/);
    expect(xml).toMatch(/<Set Name="ExcelApi" MinVersion="1.1"\/>/);
    expect(xml).toMatch(/<Action xsi:type="ShowTaskpane">/);
  });

  it("has icons that exist at the sizes it declares", () => {
    for (const m of xml.matchAll(/<bt:Image id="Icon\.(\d+)x\d+" DefaultValue="https:\/\/localhost:3000\/([^"]+)"/g)) {
      const path = join(ROOT, m[2]);
      expect(existsSync(path), path).toBe(true);
      expect(pngSize(path)).toEqual({ width: Number(m[1]), height: Number(m[1]) });
    }
    for (const m of xml.matchAll(/<(?:IconUrl|HighResolutionIconUrl) DefaultValue="https:\/\/localhost:3000\/([^"]+)"/g)) {
      expect(existsSync(join(ROOT, m[1]))).toBe(true);
    }
  });

  it("points every URL at a file the build produces (run after `npm run build`)", () => {
    const dist = join(ROOT, "dist");
    expect(existsSync(join(dist, "manifest.xml")), "dist/ is missing: run `npm run build` first").toBe(true);
    const urls = [...xml.matchAll(/DefaultValue="(https:\/\/localhost:3000\/[^"]*)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) {
      const rel = url.slice(DEV_URL.length);
      expect(existsSync(join(dist, rel)), `${url} → dist/${rel}`).toBe(true);
    }
  });

  it("swaps the dev URL and origin for the production base URL at build time", () => {
    const prod = productionManifest(xml, "https://jx.czj.example.gov.cn/addin/");
    expect(prod).not.toContain("localhost");
    expect(prod).toContain("<AppDomain>https://jx.czj.example.gov.cn</AppDomain>");
    expect(prod).toContain('DefaultValue="https://jx.czj.example.gov.cn/addin/taskpane.html"');
  });
});
