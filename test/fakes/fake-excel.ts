/**
 * A fake of the Excel JavaScript API subset the Office host uses, faithful to its batching model:
 * methods return proxies at once and queue their work; nothing happens until `context.sync()`; reading a
 * property that was not loaded (and synced) throws PropertyNotLoaded; writing `values` or `numberFormat` with a
 * 2-D array whose size differs from the range throws InvalidArgument at sync, as Excel does.
 *
 * It records every load, every write and every sync, and the bytes each sync would send.
 *
 * What it cannot prove: how Excel itself parses a string written to `values` (the apostrophe prefix and the text
 * number format are trusted to work as documented), rendering, and the limits of a real host (5 MB requests, the
 * 5-second watchdog).
 */

export type FakeValue = string | number | boolean | { error: string } | { formula: string } | null;

export interface FakeSheet {
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  /** Cell values, row-major, from A1. */
  cells: FakeValue[][];
  numberFormats: Map<string, string>;
  formats: Map<string, Record<string, unknown>>;
  hyperlinks: Map<string, { documentReference?: string; textToDisplay?: string }>;
  merges: string[];
  frozenRows: number;
  tabColor: string;
  /** Every other write the host made to this sheet (validation, layout, charts, protection…), in order. */
  calls: string[];
  /** Empty cells formatted out to here (0-based): Excel counts them as used unless asked for values only. */
  formattedTo?: { bottom: number; right: number };
}

export interface FakeLog {
  syncs: number;
  loads: string[];
  writes: string[];
  /** Approximate JSON size of what each sync sends (the queued writes). */
  bytesPerSync: number[];
}

export function fakeSheet(name: string, cells: FakeValue[][], opts: Partial<FakeSheet> = {}): FakeSheet {
  return {
    name,
    visibility: "Visible",
    cells,
    numberFormats: new Map(),
    formats: new Map(),
    hyperlinks: new Map(),
    merges: [],
    frozenRows: 0,
    tabColor: "",
    calls: [],
    ...opts,
  };
}

/** Bytes a value takes as UTF-8 JSON, as it travels to Excel. */
function utf8Length(v: unknown): number {
  return new TextEncoder().encode(JSON.stringify(v)).length;
}

function letters(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function parseCell(a: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a);
  if (!m) throw new Error(`InvalidArgument: bad address ${a}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]) - 1, col: col - 1 };
}

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function parseBox(address: string): Box {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [a, b] = local.split(":");
  if (/^\d+$/.test(a) && b && /^\d+$/.test(b)) {
    return { top: Number(a) - 1, left: 0, bottom: Number(b) - 1, right: 16383 };
  }
  if (/^[A-Z]+$/.test(a) && b && /^[A-Z]+$/.test(b)) {
    const l = parseCell(a + "1").col;
    const r = parseCell(b + "1").col;
    return { top: 0, left: l, bottom: 1048575, right: r };
  }
  const p = parseCell(a);
  const q = b ? parseCell(b) : p;
  return { top: p.row, left: p.col, bottom: q.row, right: q.col };
}

function qualify(sheet: string, box: Box): string {
  const name = /^[A-Za-z0-9_]+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  const tl = `${letters(box.left)}${box.top + 1}`;
  const br = `${letters(box.right)}${box.bottom + 1}`;
  return `${name}!${tl}${tl === br ? "" : ":" + br}`;
}

/**
 * A write-only API object (format.borders, dataValidation, pageLayout, charts…): setting a property or calling a
 * method queues a recorded call; reading a plain property throws PropertyNotLoaded, as it would without load().
 */
function recorder(ctx: FakeContext, sheet: () => FakeSheet, pathOf: string | (() => string)): unknown {
  // The path may name a range of a sheet that only exists after the queued add(): resolve it at sync.
  const path = () => (typeof pathOf === "string" ? pathOf : pathOf());
  const target = function () {} as unknown as object;
  return new Proxy(target, {
    get(_t, prop) {
      if (typeof prop === "symbol") return undefined;
      if (prop === "then") return undefined;
      return recorder(ctx, sheet, () => `${path()}.${prop}`);
    },
    set(_t, prop, value) {
      ctx.enqueue(() => {
        const s = sheet();
        const call = `${path()}.${String(prop)}=${JSON.stringify(value)}`;
        s.calls.push(call);
        ctx.excel.log.writes.push(`${s.name}:${call}`);
      });
      return true;
    },
    apply(_t, _this, args) {
      ctx.enqueue(() => {
        const s = sheet();
        const call = `${path()}(${args.map((a) => (a instanceof Range ? a.describe() : JSON.stringify(a))).join(",")})`;
        s.calls.push(call);
        ctx.excel.log.writes.push(`${s.name}:${call}`);
      });
      return recorder(ctx, sheet, () => `${path()}()`);
    },
  });
}

class NotLoaded extends Error {
  constructor(prop: string) {
    super(`PropertyNotLoaded: The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
  }
}

export class FakeExcel {
  readonly log: FakeLog = { syncs: 0, loads: [], writes: [], bytesPerSync: [] };

  constructor(
    readonly sheets: FakeSheet[],
    readonly apiVersion = "1.1",
  ) {}

  isSetSupported = (name: string, minVersion?: string): boolean => {
    if (name !== "ExcelApi") return false;
    const [a, b] = (minVersion ?? "1.1").split(".").map(Number);
    const [x, y] = this.apiVersion.split(".").map(Number);
    return x > a || (x === a && y >= b);
  };

  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = new FakeContext(this);
    return batch(ctx as unknown as Excel.RequestContext);
  };

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }
}

class FakeContext {
  queue: (() => void)[] = [];
  pendingBytes = 0;
  readonly workbook: { worksheets: WorksheetCollection };

  constructor(readonly excel: FakeExcel) {
    this.workbook = { worksheets: new WorksheetCollection(this) };
  }

  /** `bytes`: what the action adds to the request; about 96 for an action with a small value, as Office.js sends it. */
  enqueue(op: () => void, bytes = 96): void {
    this.queue.push(op);
    this.pendingBytes += bytes;
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    this.excel.log.syncs++;
    this.excel.log.bytesPerSync.push(this.pendingBytes);
    this.pendingBytes = 0;
    for (const op of ops) op();
  }
}

function loadList(props: unknown): string[] {
  if (typeof props === "string") return props.split(",").map((p) => p.trim());
  if (Array.isArray(props)) return props as string[];
  return [];
}

class WorksheetCollection {
  private loadedItems: Worksheet[] | null = null;

  constructor(private readonly ctx: FakeContext) {}

  load(props: string | string[]): this {
    const list = loadList(props);
    this.ctx.excel.log.loads.push(`worksheets:${list.join(",")}`);
    this.ctx.enqueue(() => {
      this.loadedItems = this.ctx.excel.sheets.map((s) => {
        const ws = new Worksheet(this.ctx, () => s);
        ws.markLoaded(list.map((p) => p.replace(/^items\//, "")));
        return ws;
      });
    });
    return this;
  }

  get items(): Worksheet[] {
    if (!this.loadedItems) throw new NotLoaded("items");
    return this.loadedItems;
  }

  getItem(name: string): Worksheet {
    return new Worksheet(this.ctx, () => {
      const s = this.ctx.excel.sheet(name);
      if (!s) throw new Error(`ItemNotFound: worksheet ${name}`);
      return s;
    });
  }

  add(name: string): Worksheet {
    let created: FakeSheet | null = null;
    this.ctx.enqueue(() => {
      if (this.ctx.excel.sheet(name)) throw new Error(`ItemAlreadyExists: ${name}`);
      created = fakeSheet(name, []);
      this.ctx.excel.sheets.push(created);
      this.ctx.excel.log.writes.push(`add:${name}`);
    });
    return new Worksheet(this.ctx, () => {
      if (!created) throw new Error("InvalidState: sheet not yet added");
      return created;
    });
  }
}

class Worksheet {
  private loaded = new Set<string>();
  private snapshot: Partial<Pick<FakeSheet, "name" | "visibility">> = {};
  readonly freezePanes: { freezeRows: (n: number) => void };
  readonly pageLayout: unknown;
  readonly charts: unknown;
  readonly protection: unknown;

  constructor(
    private readonly ctx: FakeContext,
    readonly resolve: () => FakeSheet,
  ) {
    this.pageLayout = recorder(ctx, resolve, "pageLayout");
    this.charts = recorder(ctx, resolve, "charts");
    this.protection = recorder(ctx, resolve, "protection");
    this.freezePanes = {
      freezeRows: (n: number) =>
        this.ctx.enqueue(() => {
          const s = this.resolve();
          s.frozenRows = n;
          this.ctx.excel.log.writes.push(`freezeRows:${s.name}:${n}`);
        }),
    };
  }

  markLoaded(props: string[]): void {
    const s = this.resolve();
    for (const p of props) {
      this.loaded.add(p);
      if (p === "name") this.snapshot.name = s.name;
      if (p === "visibility") this.snapshot.visibility = s.visibility;
    }
  }

  get name(): string {
    if (!this.loaded.has("name")) throw new NotLoaded("name");
    return this.snapshot.name!;
  }

  get visibility(): string {
    if (!this.loaded.has("visibility")) throw new NotLoaded("visibility");
    return this.snapshot.visibility!;
  }

  set visibility(v: string) {
    this.ctx.enqueue(() => {
      const s = this.resolve();
      s.visibility = v as FakeSheet["visibility"];
      this.ctx.excel.log.writes.push(`visibility:${s.name}:${v}`);
    });
  }

  set tabColor(color: string) {
    this.ctx.enqueue(() => {
      const s = this.resolve();
      s.tabColor = color;
      this.ctx.excel.log.writes.push(`tabColor:${s.name}`);
    });
  }

  getUsedRange(valuesOnly = false): Range {
    return new Range(this.ctx, this, () => {
      const s = this.resolve();
      let bottom = -1;
      let right = -1;
      let top = Infinity;
      let left = Infinity;
      s.cells.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v === null || v === "") return;
          top = Math.min(top, r);
          left = Math.min(left, c);
          bottom = Math.max(bottom, r);
          right = Math.max(right, c);
        }),
      );
      if (s.formattedTo && !valuesOnly) {
        top = Math.min(top, 0);
        left = Math.min(left, 0);
        bottom = Math.max(bottom, s.formattedTo.bottom);
        right = Math.max(right, s.formattedTo.right);
      }
      return bottom < 0 ? { top: 0, left: 0, bottom: 0, right: 0 } : { top, left, bottom, right };
    });
  }

  getRange(address: string): Range {
    return new Range(this.ctx, this, () => parseBox(address));
  }

  delete(): void {
    this.ctx.enqueue(() => {
      const s = this.resolve();
      const i = this.ctx.excel.sheets.indexOf(s);
      this.ctx.excel.sheets.splice(i, 1);
      this.ctx.excel.log.writes.push(`delete:${s.name}`);
    });
  }

  activate(): void {
    this.ctx.enqueue(() => this.ctx.excel.log.writes.push(`activate:${this.resolve().name}`));
  }
}

/**
 * What Excel makes of a value written through `range.values`: a leading apostrophe marks text (and is not
 * stored), a text-formatted cell keeps the string, otherwise a string that starts like a formula becomes one.
 */
function asExcelParses(v: unknown, numberFormat: string | undefined): FakeValue {
  if (typeof v !== "string") return v as FakeValue;
  if (v.startsWith("'")) return v.slice(1);
  if (numberFormat === "@") return v;
  if (/^[=+\-@]/.test(v) && !/^[+-]?\d+(\.\d+)?$/.test(v)) return { formula: v };
  return v;
}

function cellKey(r: number, c: number): string {
  return `${letters(c)}${r + 1}`;
}

class Range {
  private loaded = new Set<string>();
  private data: { address?: string; values?: unknown[][]; valueTypes?: string[][]; numberFormat?: string[][] } = {};
  readonly format: {
    fill: { color: string };
    font: { color: string; bold: boolean; italic: boolean; size: number };
    columnWidth: number;
  };

  constructor(
    private readonly ctx: FakeContext,
    private readonly ws: Worksheet,
    private readonly box: () => Box,
  ) {
    const setFormat = (key: string) => (value: unknown) =>
      this.ctx.enqueue(() => {
        const s = this.ws.resolve();
        const b = this.box();
        const k = cellKey(b.top, b.left);
        s.formats.set(k, { ...s.formats.get(k), [key]: value });
        this.ctx.excel.log.writes.push(`format.${key}:${s.name}!${k}`);
      });
    const props = (prefix: string, names: string[]) => {
      const o: Record<string, unknown> = {};
      for (const n of names) {
        Object.defineProperty(o, n, {
          set: setFormat(prefix + n),
          get: () => {
            throw new NotLoaded(prefix + n);
          },
        });
      }
      return o;
    };
    const format = props("", ["columnWidth", "rowHeight", "wrapText", "horizontalAlignment"]) as Record<string, unknown>;
    format.fill = props("fill.", ["color"]);
    format.font = props("font.", ["color", "bold", "italic", "size"]);
    Object.defineProperty(format, "borders", { get: () => recorder(ctx, ws.resolve, () => `format@${this.describe()}.borders`) });
    Object.defineProperty(format, "protection", { get: () => recorder(ctx, ws.resolve, () => `format@${this.describe()}.protection`) });
    this.format = format as unknown as Range["format"];
  }

  /** "Sheet!A1:B2" of this range, for recorded calls. */
  describe(): string {
    return qualify(this.ws.resolve().name, this.box());
  }

  get dataValidation(): unknown {
    return recorder(this.ctx, this.ws.resolve, () => `dataValidation@${this.describe()}`);
  }

  get conditionalFormats(): unknown {
    return recorder(this.ctx, this.ws.resolve, () => `conditionalFormats@${this.describe()}`);
  }

  get worksheet(): Worksheet {
    return this.ws;
  }

  select(): void {
    this.ctx.enqueue(() => this.ctx.excel.log.writes.push(`select:${this.describe()}`));
  }

  activate(): void {
    this.ctx.enqueue(() => this.ctx.excel.log.writes.push(`activate:${this.ws.resolve().name}`));
  }

  merge(across = false): void {
    this.ctx.enqueue(() => {
      const s = this.ws.resolve();
      const b = this.box();
      s.merges.push(`${letters(b.left)}${b.top + 1}:${letters(b.right)}${b.bottom + 1}`);
      this.ctx.excel.log.writes.push(`merge:${this.describe()}${across ? ":across" : ""}`);
    });
  }

  load(props: string | string[]): this {
    const list = loadList(props);
    this.ctx.excel.log.loads.push(`range:${list.join(",")}`);
    this.ctx.enqueue(() => {
      const s = this.ws.resolve();
      const b = this.box();
      const values: unknown[][] = [];
      const types: string[][] = [];
      const formats: string[][] = [];
      // Only an address asked for: Excel sends no cells (and a used range of millions of cells costs nothing).
      const cells = list.some((p) => p !== "address");
      for (let r = b.top; cells && r <= b.bottom; r++) {
        const vr: unknown[] = [];
        const tr: string[] = [];
        formats.push(Array.from({ length: b.right - b.left + 1 }, (_, i) => s.numberFormats.get(cellKey(r, b.left + i)) ?? "General"));
        for (let c = b.left; c <= b.right; c++) {
          const v = s.cells[r]?.[c] ?? null;
          if (v === null || v === "") {
            vr.push("");
            tr.push("Empty");
          } else if (typeof v === "object" && "error" in v) {
            vr.push(v.error);
            tr.push("Error");
          } else if (typeof v === "object") {
            vr.push(0);
            tr.push("Double");
          } else {
            vr.push(v);
            tr.push(typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : "String");
          }
        }
        values.push(vr);
        types.push(tr);
      }
      this.data = { address: qualify(s.name, b), values, valueTypes: types, numberFormat: formats };
      for (const p of list) this.loaded.add(p);
    });
    return this;
  }

  private read<K extends keyof Range["data"]>(k: K): NonNullable<Range["data"][K]> {
    if (!this.loaded.has(k)) throw new NotLoaded(k);
    return this.data[k]!;
  }

  get address(): string {
    return this.read("address");
  }
  get values(): unknown[][] {
    return this.read("values");
  }
  get valueTypes(): string[][] {
    return this.read("valueTypes");
  }

  set values(grid: unknown[][]) {
    this.ctx.enqueue(() => {
      const s = this.ws.resolve();
      const b = this.checkSize(grid, "values");
      grid.forEach((row, r) =>
        row.forEach((v, c) => {
          const rr = b.top + r;
          while (s.cells.length <= rr) s.cells.push([]);
          s.cells[rr][b.left + c] = asExcelParses(v, s.numberFormats.get(cellKey(rr, b.left + c)));
        }),
      );
      this.ctx.excel.log.writes.push(`values:${qualify(s.name, b)}`);
    }, utf8Length(grid));
  }

  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }

  set numberFormat(grid: string[][]) {
    this.ctx.enqueue(() => {
      const s = this.ws.resolve();
      const b = this.checkSize(grid, "numberFormat");
      grid.forEach((row, r) => row.forEach((f, c) => s.numberFormats.set(cellKey(b.top + r, b.left + c), f)));
      this.ctx.excel.log.writes.push(`numberFormat:${qualify(s.name, b)}`);
    }, utf8Length(grid));
  }

  set hyperlink(link: { documentReference?: string; textToDisplay?: string }) {
    this.ctx.enqueue(() => {
      const s = this.ws.resolve();
      const b = this.box();
      s.hyperlinks.set(cellKey(b.top, b.left), link);
      this.ctx.excel.log.writes.push(`hyperlink:${s.name}!${cellKey(b.top, b.left)}`);
    }, utf8Length(link));
  }

  private checkSize(grid: unknown[][], what: string): Box {
    const b = this.box();
    const rows = b.bottom - b.top + 1;
    const cols = b.right - b.left + 1;
    if (grid.length !== rows || grid.some((r) => r.length !== cols)) {
      throw new Error(`InvalidArgument: ${what} is ${grid.length}x${grid[0]?.length ?? 0}, range is ${rows}x${cols}`);
    }
    return b;
  }

  getMergedAreasOrNullObject(): { load: (p: string) => void; readonly address: string; readonly isNullObject: boolean } {
    let loaded = false;
    let address = "";
    let isNull = true;
    const { ctx, ws } = this;
    return {
      load(p: string) {
        ctx.excel.log.loads.push(`mergedAreas:${p}`);
        ctx.enqueue(() => {
          const s = ws.resolve();
          isNull = s.merges.length === 0;
          address = s.merges.map((m) => qualify(s.name, parseBox(m))).join(", ");
          loaded = true;
        });
      },
      get address() {
        if (!loaded) throw new NotLoaded("address");
        return address;
      },
      get isNullObject() {
        if (!loaded) throw new NotLoaded("isNullObject");
        return isNull;
      },
    };
  }
}
