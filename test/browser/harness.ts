import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "./chromium";
import { serveFolder } from "./serve";

// The project root, by this file's URL: the bench imports the harness too, outside vitest (no __dirname there).
export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const DIST = join(ROOT, "dist");

/** `npm run screenshots` refreshes the pictures in docs/; an ordinary test run leaves them in out/. */
export function screenshotDir(): string {
  const dir = process.env.SCREENSHOTS === "docs" ? join(ROOT, "docs", "screenshots") : join(ROOT, "out", "screenshots");
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The built task pane served on localhost, and a real Chromium to open it. */
export class Harness {
  browser!: Browser;
  server!: Awaited<ReturnType<typeof serveFolder>>;
  /** Every request a page made that did not go to the add-in's own server. */
  readonly external: string[] = [];

  async start(): Promise<void> {
    if (!existsSync(join(DIST, "taskpane.html"))) throw new Error("dist/taskpane.html is missing: run `npm run build` first");
    this.server = await serveFolder(DIST);
    this.browser = await launchChromium();
  }

  async stop(): Promise<void> {
    await this.browser?.close();
    await this.server?.close();
  }

  /**
   * Opens the task pane at a task pane's width. There is no network, as on an intranet: every request to another
   * origin is refused, except that `officeJs`, when given, is served for the Office CDN's office.js.
   */
  async open(
    officeJs?: string,
    init?: { script: (arg: unknown) => void; arg: unknown },
    more: { path?: string; scripts?: string[] } = {},
  ): Promise<{ page: Page; errors: string[] }> {
    const page = await this.browser.newPage({ viewport: { width: 380, height: 760 }, acceptDownloads: true });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    if (init) await page.addInitScript(init.script, init.arg);
    // Scripts that run before the page's own, in order (a host's object model, as WPS injects its Application).
    for (const content of more.scripts ?? []) await page.addInitScript({ content });
    await page.route((url) => !url.href.startsWith(this.server.url), (route) => {
      const url = route.request().url();
      this.external.push(url);
      if (officeJs && url.startsWith("https://appsforoffice.microsoft.com/") && url.endsWith("/office.js")) {
        return route.fulfill({ contentType: "text/javascript", body: officeJs });
      }
      return route.abort("internetdisconnected");
    });
    await page.goto(`${this.server.url}/${more.path ?? "taskpane.html"}`);
    return { page, errors };
  }
}
