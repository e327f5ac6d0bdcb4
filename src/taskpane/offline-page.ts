/**
 * dist/jixiao.html, the one file a clerk double-clicks, is taskpane.html with everything inside it (built by
 * scripts/offline-page.mjs). Opened from disk, its origin is 'null': the page cannot ask for office.js, and a worker
 * cannot be started from a file. The worker's code is in the page as text instead, in the elements marked
 * data-jixiao-worker (the chunks it needs, then its entry), and runs from a Blob.
 */

/** The mark scripts/offline-page.mjs puts in the page's head. */
export function isOfflinePage(): boolean {
  return document.querySelector('meta[name="jixiao-page"][content="offline"]') !== null;
}

let workerUrl: string | null = null;

/** The check worker from the code the page carries, or null on a page that carries none (the served one). */
export function workerFromPage(): Worker | null {
  const parts = document.querySelectorAll<HTMLScriptElement>("script[data-jixiao-worker]");
  if (parts.length === 0) return null;
  if (!workerUrl) {
    // Each part ends where the next begins with "(": the semicolons keep them apart.
    const code = Array.prototype.map.call(parts, (p: HTMLScriptElement) => `${p.text}\n;\n`) as string[];
    workerUrl = URL.createObjectURL(new Blob(code, { type: "text/javascript" }));
  }
  return new Worker(workerUrl);
}
