/**
 * File names as the file system gives them. Linux keeps a name as bytes; Node reads them as UTF-8 and puts U+FFFD
 * where they are not, so a name copied from a Chinese Windows share or unzipped from its archive (GBK bytes) becomes
 * a path that names no file, and "找不到文件" printed in mojibake. Here a name is shown as UTF-8 where its bytes are
 * UTF-8, else as GBK where they are GBK, and the path shown leads back to the bytes on disk (`onDisk`), in any
 * thread, with nothing remembered between calls.
 */
import { readFileSync } from "node:fs";
import { lstat, readdir } from "node:fs/promises";
import { sep } from "node:path";

const utf8 = new TextDecoder("utf-8", { fatal: true });
let gbk: TextDecoder | null | undefined;

/** A name's bytes as text: UTF-8 if they are, else GBK (GB 18030's common part) if they are, else UTF-8 with U+FFFD. */
export function fileNameText(raw: Uint8Array): string {
  try {
    return utf8.decode(raw);
  } catch {
    // Not UTF-8: tried as GBK below.
  }
  if (gbk === undefined) {
    try {
      gbk = new TextDecoder("gbk", { fatal: true });
    } catch {
      gbk = null; // A Node built without ICU's GBK.
    }
  }
  try {
    if (gbk) return gbk.decode(raw);
  } catch {
    // Neither: shown with U+FFFD where bytes are unreadable.
  }
  return new TextDecoder().decode(raw);
}

/** A path's bytes shown as text, name by name (fileNameText of each). */
export function pathText(raw: Uint8Array): string {
  const parts: string[] = [];
  let from = 0;
  const slash = sep.charCodeAt(0);
  for (let i = 0; i <= raw.length; i++) {
    if (i === raw.length || raw[i] === slash) {
      parts.push(fileNameText(raw.subarray(from, i)));
      from = i + 1;
    }
  }
  return parts.join(sep);
}

/**
 * The path on disk for a path as shown: the path itself where it exists, else its bytes found name by name, each
 * name that does not exist as UTF-8 matched against its folder's entries as fileNameText shows them. null where
 * there is no such file.
 */
export async function onDisk(path: string): Promise<string | Buffer | null> {
  if (await exists(path)) return path;
  const names = path.split(sep);
  // An absolute path starts at the root (its first name is ""), a relative one at the working folder.
  let at = Buffer.from(names[0] === "" ? "" : ".");
  for (const name of names[0] === "" ? names.slice(1) : names) {
    const folder = at.length === 0 ? Buffer.from(sep) : at;
    const joined = (n: Buffer) => Buffer.concat([at, Buffer.from(sep), n]);
    if (name === "" || (await exists(joined(Buffer.from(name))))) {
      at = joined(Buffer.from(name));
      continue;
    }
    let entries: Buffer[];
    try {
      entries = await readdir(folder, { encoding: "buffer" });
    } catch {
      return null;
    }
    const found = entries.find((e) => fileNameText(e) === name);
    if (!found) return null;
    at = joined(found);
  }
  return at;
}

async function exists(path: string | Buffer): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * The command's arguments as typed: where Node could not read one as UTF-8 (a GBK name typed in a GBK terminal, or
 * pasted from one), its bytes are taken from /proc/self/cmdline and shown as fileNameText shows them. Elsewhere,
 * or where the bytes cannot be matched to the arguments, the arguments as Node gives them.
 */
export function argumentsAsTyped(args: string[]): string[] {
  if (!args.some((a) => a.includes("\uFFFD"))) return args;
  let raw: Buffer[];
  try {
    const all = readFileSync("/proc/self/cmdline");
    raw = [];
    let from = 0;
    for (let i = 0; i < all.length; i++) {
      if (all[i] === 0) {
        raw.push(all.subarray(from, i));
        from = i + 1;
      }
    }
  } catch {
    return args;
  }
  const mine = raw.slice(raw.length - args.length);
  if (mine.length !== args.length || mine.some((b, i) => b.toString("utf8") !== args[i])) return args;
  return args.map((a, i) => (a.includes("\uFFFD") ? pathText(mine[i]) : a));
}
