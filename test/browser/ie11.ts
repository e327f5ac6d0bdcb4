/**
 * A Trident-like runtime in real Chromium: what Internet Explorer 11 (the webview of Office 2016/2019 volume licence)
 * lacks, removed before any page script runs. Used by the task pane's legacy test and the single-file page's test.
 */

/** What Internet Explorer 11 does not have, removed from the page before its first script. */
export const MISSING_IN_IE11 = {
  globals: ["Promise", "Map", "Set", "WeakSet", "Symbol", "fetch", "TextEncoder", "TextDecoder", "BigInt", "Proxy", "Reflect", "AbortController", "structuredClone", "queueMicrotask"],
  statics: {
    Object: ["assign", "entries", "values", "fromEntries", "getOwnPropertySymbols"],
    Array: ["from", "of"],
    Number: ["isInteger", "isFinite", "isNaN", "parseFloat", "parseInt"],
    Math: ["trunc", "sign", "log10", "log2", "hypot", "cbrt"],
    String: ["fromCodePoint", "raw"],
  },
  methods: {
    Array: ["includes", "find", "findIndex", "findLast", "flat", "flatMap", "fill", "at", "copyWithin", "entries", "keys", "values"],
    String: ["includes", "startsWith", "endsWith", "padStart", "padEnd", "replaceAll", "repeat", "trimStart", "trimEnd", "at", "codePointAt", "normalize"],
    Element: ["replaceChildren", "closest", "remove", "append", "prepend", "toggleAttribute"],
  },
};

export function strip(missing: typeof MISSING_IN_IE11): void {
  const w = window as unknown as Record<string, unknown>;
  // Kept aside (under a name no code looks for) only to tell afterwards that the page's Promise is not the browser's.
  w.__removedPromise = w.Promise;
  const gone = (o: Record<string, unknown>, k: string) => {
    try {
      delete o[k];
    } catch {
      // not configurable
    }
    if (k in o) Object.defineProperty(o, k, { value: undefined, configurable: true, writable: true });
  };
  // Plain loops only: what this removes is what it would otherwise be using.
  const statics = missing.statics as Record<string, string[]>;
  const methods = missing.methods as Record<string, string[]>;
  for (const owner in methods) for (const k of methods[owner]) gone((w[owner] as { prototype: Record<string, unknown> }).prototype, k);
  for (const owner in statics) for (const k of statics[owner]) gone(w[owner] as Record<string, unknown>, k);
  for (const g of missing.globals) gone(w, g);
}
