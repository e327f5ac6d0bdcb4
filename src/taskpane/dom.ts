/** Small DOM helpers shared by the pane's views. Workbook text only ever reaches the page through textContent. */

/** Empties an element (replaceChildren is missing in the webviews of Office 2016/2019). */
export function clear(e: Node): void {
  while (e.firstChild) e.removeChild(e.firstChild);
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

/** Offers data as a file to download; nothing leaves the machine. */
// The standalone page asks for a modern browser (it says so in an old one, see startStandaloneMode): URL is fine here.
/* eslint-disable compat/compat */
export function offerDownload(blob: Blob, name: string): void {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  document.body.removeChild(a);
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
/* eslint-enable compat/compat */
