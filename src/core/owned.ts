import { cellText } from "./text";
import type { SheetSpec, WorkbookSnapshot } from "./sheet";

/**
 * Sheets the add-in owns. A hidden register sheet lists every sheet it wrote; only those are ever replaced or
 * deleted, and only those are left out when a workbook is read again. A user's own sheet that happens to be called
 * 汇总 is therefore never touched: the report goes to 汇总（绩效） instead.
 */
export const REGISTER_SHEET = "绩效加载项记录";

/** Per-project document sheets are named after the project behind one of these prefixes. */
export const OWNED_PREFIXES = ["再评价报告-", "反馈通知书-"] as const;

/** Names of the sheets the add-in wrote into this workbook, from its register (empty when it never ran here). */
export function ownedSheets(wb: WorkbookSnapshot): Set<string> {
  const reg = wb.sheets.find((s) => s.name === REGISTER_SHEET);
  const names = new Set<string>([REGISTER_SHEET]);
  if (!reg) return names;
  for (const row of reg.rows.slice(1 - reg.top)) {
    const name = cellText(row[0] ?? null).trim();
    if (name) names.add(name);
  }
  return names;
}

/** The register itself: hidden, one sheet name per row. */
export function registerSpec(names: string[]): SheetSpec {
  return {
    name: REGISTER_SHEET,
    rows: [[{ value: "本工作簿中由预算绩效管理加载项生成的工作表（再次运行时只替换这些表，请勿修改）" }], ...names.map((n) => [{ value: n }])],
    hidden: true,
  };
}

export interface WritePlan {
  specs: SheetSpec[];
  /** Sheets of the last run to delete: owned, and not written again. */
  remove: (name: string) => boolean;
}

/**
 * Plans a write into a workbook whose sheets are `existing` (null for a fresh workbook): a report whose name a
 * user sheet already has moves to a free name, the last run's sheets are replaced, and the register is rewritten.
 */
export function planWrite(existing: WorkbookSnapshot | null, specs: SheetSpec[], keepOwned: (name: string) => boolean = () => false): WritePlan {
  const owned = existing ? ownedSheets(existing) : new Set<string>();
  const taken = new Set(existing?.sheets.map((s) => s.name) ?? []);
  const userSheets = new Set([...taken].filter((n) => !owned.has(n)).map(sheetNameKey));
  const wanted = new Set(specs.map((s) => sheetNameKey(s.name)));
  const out = specs.map((spec) => {
    if (!userSheets.has(sheetNameKey(spec.name))) return spec;
    const clash = (n: string) => userSheets.has(sheetNameKey(n)) || wanted.has(sheetNameKey(n));
    let name = safeSheetName(`${spec.name}（绩效）`);
    if (clash(name)) name = uniqueSheetName(spec.name, clash, (i) => `（绩效${i}）`);
    wanted.add(sheetNameKey(name));
    return { ...spec, name };
  });
  const written = new Set(out.map((s) => s.name));
  const kept = [...owned].filter((n) => n !== REGISTER_SHEET && !written.has(n) && taken.has(n) && keepOwned(n));
  return {
    specs: [...out, registerSpec([...out.map((s) => s.name), ...kept])],
    remove: (name) => owned.has(name) && !written.has(name) && !kept.includes(name),
  };
}

/**
 * A name Excel accepts for a sheet (and exceljs writes and reads back): at most 31 UTF-16 units (`room`, fewer where a
 * number follows), never cut inside a surrogate pair, none of : \\ / ? * [ ], no control character or lone
 * surrogate (XML cannot hold them), no leading or trailing apostrophe, not blank, not Excel's reserved "History".
 */
export function safeSheetName(wanted: string, room = 31): string {
  let s = wanted
    .replace(/[:\\/?*[\]]/g, "_")
    .replace(/[\u0000-\u001f\u007f\ufffe\uffff]/g, " ")
    .replace(/[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]/g, (c) => (c.length === 2 ? c : "_"))
    .replace(/^'+|'+$/g, "");
  if (s.length > room) {
    s = s.slice(0, room);
    if (/[\ud800-\udbff]$/.test(s)) s = s.slice(0, -1);
    s = s.replace(/'+$/, "");
  }
  if (s.trim() === "") s = "Sheet";
  return s.toLowerCase() === "history" ? `${s}_` : s;
}

/** Whether two sheet names are one to Excel, which compares them without case (as exceljs does, by toLowerCase). */
export const sheetNameKey = (name: string): string => name.toLowerCase();

/**
 * A legal sheet name (safeSheetName) that `taken` does not hold, compared without case: the wanted one, or it cut to
 * leave room for a number, "（2）", "（3）"…
 */
export function uniqueSheetName(wanted: string, taken: (name: string) => boolean, numbered = (i: number) => `（${i}）`): string {
  let name = safeSheetName(wanted);
  for (let i = 2; taken(name); i++) {
    const tail = numbered(i);
    name = safeSheetName(wanted, 31 - tail.length) + tail;
  }
  return name;
}
