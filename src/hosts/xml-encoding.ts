/**
 * XML parts in UTF-16. XML 1.0 lets a document be UTF-16, marked by its byte-order mark (§4.3.3, Appendix F), and
 * Excel and WPS open a workbook whose sheets or shared strings are written so (some older exporters do). exceljs
 * decodes every part as UTF-8 and stops at the first NUL byte ("disallowed character"), as if the file were damaged.
 * Such parts are rewritten in UTF-8, with their declaration saying so, into a new zip that is read instead; the
 * user's file is not touched. A workbook of UTF-8 parts (every one Excel saves) costs a look at each part's start.
 */
import { type InflateStart, partStart, type ZipEntry, zipDirectory } from "./zip-limits";

type Utf16 = "utf-16le" | "utf-16be";

/** The UTF-16 a part's first bytes announce: a byte-order mark, or "<?" in two-byte units (Appendix F.1); null otherwise. */
export function utf16Of(head: Uint8Array): Utf16 | null {
  if (head.length < 2) return null;
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  if (head.length < 4) return null;
  if (head[0] === 0x3c && head[1] === 0 && head[2] === 0x3f && head[3] === 0) return "utf-16le";
  if (head[0] === 0 && head[1] === 0x3c && head[2] === 0 && head[3] === 0x3f) return "utf-16be";
  return null;
}

/** The zip's XML parts written in UTF-16, found from the first bytes of each (never inflated whole). */
export async function utf16Parts(bytes: Uint8Array, entries: ZipEntry[], inflate: InflateStart): Promise<Map<string, Utf16>> {
  const found = new Map<string, Utf16>();
  for (const e of entries) {
    if (!/\.(xml|rels|vml)$/i.test(e.name) || e.uncompressedSize < 2) continue;
    const head = await partStart(bytes, e, 1024, inflate);
    const utf16 = head ? utf16Of(head) : null;
    if (utf16) found.set(e.name, utf16);
  }
  return found;
}

/**
 * The workbook as one whose every XML part is UTF-8: the same bytes where they already are (null), else a new zip
 * with the UTF-16 parts decoded and their declaration's encoding="UTF-16" made "UTF-8", and its directory.
 */
export async function asUtf8Workbook(bytes: Uint8Array, entries: ZipEntry[], inflate: InflateStart): Promise<{ bytes: Uint8Array; entries: ZipEntry[] } | null> {
  const parts = await utf16Parts(bytes, entries, inflate);
  if (parts.size === 0) return null;
  const { default: JSZip } = await import(/* webpackChunkName: "jszip" */ "jszip");
  const zip = await JSZip.loadAsync(bytes);
  for (const [name, encoding] of parts) {
    const part = zip.file(name);
    if (!part) continue;
    const text = new TextDecoder(encoding).decode(await part.async("uint8array"));
    zip.file(name, text.replace(/^(<\?xml[^?]*?\bencoding\s*=\s*)(["'])[^"']*\2/, '$1"UTF-8"'));
  }
  const out = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 1 } });
  const directory = zipDirectory(out);
  return Array.isArray(directory) ? { bytes: out, entries: directory } : null;
}
