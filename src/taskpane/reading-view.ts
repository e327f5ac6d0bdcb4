import { KIND_NAMES } from "../core/classify";
import { type ColumnRole, fieldText, type Reading } from "../core/model";
import { type LayoutProfile, LayoutError, makeProfile, parseLayoutProfiles, PROFILE_ROLES } from "../core/read/layout";
import { NEEDS } from "../core/read/needs";
import type { Analysis, ProjectResult } from "../core/results";
import { clear, el, offerDownload } from "./dom";

/**
 * The 读取方式 view (issue 20 §3): for each table read, which column was taken for each role and which roles were not
 * found; the clerk picks another column for a role, the reading becomes a layout profile, kept in the pane, exported
 * as a file (`jixiao check --layout`), imported on another machine. The same in the Office pane, WPS and the page.
 */
export interface ReadingView {
  title: string;
  reading: Reading;
  /** Roles shown for this kind of table. */
  roles: ColumnRole[];
  /** Roles its verdict needs (one of each group), for the view to mark. */
  needed: ColumnRole[];
}

const SHOWN: Record<"target" | "monitoring" | "self-evaluation", ColumnRole[]> = {
  target: ["level1", "level2", "level3", "nature", "target", "measure", "weight"],
  monitoring: ["level1", "level2", "level3", "target", "progress", "expected", "possibility", "reason", "correction"],
  "self-evaluation": ["level1", "level2", "level3", "target", "weight", "actual", "score", "reason", "reviewActual", "reviewScore", "deduction", "clue"],
};
const ROLE_NAME = new Map(PROFILE_ROLES);

/**
 * One reading per header read: a form's, or a list's once for all its projects (a budget system's list of 10,000
 * projects has one header, so the clerk sees, and corrects, one reading — not 10,000 of the same).
 */
export function readingViews(a: Analysis): ReadingView[] {
  const byHeader = new Map<string, { first: ProjectResult["project"]; count: number }>();
  for (const r of a.projects) {
    const p = r.project;
    if (!p.reading) continue;
    const key = `${p.file}|${p.sheet}|${p.reading.row}|${p.kind}`;
    const seen = byHeader.get(key);
    if (seen) seen.count++;
    else byHeader.set(key, { first: p, count: 1 });
  }
  return [...byHeader.values()].map(({ first: p, count }) => ({
    title: count > 1
      ? `${p.sheet}（${KIND_NAMES[p.kind]}清单，${count} 个项目，第 ${p.reading!.row} 行表头）`
      : `${fieldText(p, "name") || p.sheet}（${KIND_NAMES[p.kind]}，${p.sheet} 第 ${p.reading!.row} 行表头）`,
    reading: p.reading!,
    roles: SHOWN[p.kind],
    needed: NEEDS[p.kind].groups.flatMap((g) => g.roles),
  }));
}

/** The profiles the clerk made, kept in the browser's storage of the pane or page; nothing leaves the machine. */
export class LayoutStore {
  private list: LayoutProfile[] = [];
  constructor(private readonly key = "jixiao.layouts") {
    try {
      const text = window.localStorage.getItem(key);
      if (text) this.list = parseLayoutProfiles(text, "本机保存的版式");
    } catch {
      this.list = [];
    }
  }
  all(): LayoutProfile[] {
    return this.list.slice();
  }
  /** Adds profiles, a newer one replacing an older one of the same header. */
  add(profiles: LayoutProfile[]): void {
    for (const p of profiles) this.list = [...this.list.filter((x) => x.fingerprint !== p.fingerprint), p];
    try {
      window.localStorage.setItem(this.key, JSON.stringify(this.list));
    } catch {
      // Storage may be refused (a private window): the profiles still hold for this session.
    }
  }
}

/** The roles as the clerk now sets them, as a profile of the table's header. */
function profileOf(v: ReadingView, chosen: Map<ColumnRole, number | null>, name: string): LayoutProfile {
  const roles: { column: number; role: ColumnRole }[] = [];
  const taken = new Set<number>();
  for (const [role, column] of chosen) {
    if (column === null || taken.has(column)) continue;
    taken.add(column);
    roles.push({ column, role });
  }
  // A column the reader had guessed for a role the clerk took away is not read for it any more.
  for (const c of v.reading.columns) if (c.role && !taken.has(c.column) && chosen.has(c.role)) roles.push({ column: c.column, role: "ignore" });
  return makeProfile(name || v.title.replace(/（.*$/, ""), v.reading.header, roles);
}

export interface ReadingActions {
  /** Checks again with the profiles now held. */
  rerun(): void;
  /** Offers the profiles as a file to download. */
  exportFile(text: string, name: string): void;
  status(text: string, isError?: boolean): void;
}

/** Shows the 读取方式 of the tables just read, with a column list per role, and the profile buttons. */
export function renderReadings(views: ReadingView[], store: LayoutStore, act: ReadingActions): void {
  const box = document.getElementById("reading-section") as HTMLDetailsElement | null;
  if (!box) return;
  box.hidden = views.length === 0;
  const pick = document.getElementById("reading-table") as HTMLSelectElement;
  const body = (document.getElementById("reading-roles") as HTMLTableElement).tBodies[0];
  const note = document.getElementById("reading-note")!;
  const name = document.getElementById("layout-name") as HTMLInputElement;
  while (pick.options.length > 0) pick.remove(0);
  views.forEach((v, i) => pick.add(new Option(v.title, String(i))));
  const chosen = new Map<ColumnRole, number | null>();

  const show = () => {
    const v = views[Number(pick.value)];
    if (!v) return;
    chosen.clear();
    clear(body);
    note.textContent = v.reading.profile ? `按版式“${v.reading.profile}”读取。` : "按表头文字识别。选错或没找到的，请在右侧选择正确的列，再按“按此读取并重新检查”。";
    for (const role of v.roles) {
      const at = v.reading.columns.find((c) => c.role === role);
      const tr = el("tr");
      const needed = v.needed.includes(role);
      tr.appendChild(el("td", `${ROLE_NAME.get(role) ?? role}${needed ? "（判定需要）" : ""}`));
      const td = el("td");
      const select = el("select");
      select.dataset.role = role;
      select.add(new Option(needed && !at ? "未找到" : "（不读取）", ""));
      for (const c of v.reading.columns) if (c.label) select.add(new Option(`${c.letter} 列：${c.label}`, String(c.column)));
      select.value = at ? String(at.column) : "";
      if (needed && !at) tr.className = "missing";
      select.addEventListener("change", () => chosen.set(role, select.value === "" ? null : Number(select.value)));
      td.appendChild(select);
      tr.appendChild(td);
      body.appendChild(tr);
    }
  };
  pick.onchange = show;
  pick.value = "0";
  show();

  (document.getElementById("reading-apply") as HTMLButtonElement).onclick = () => {
    const v = views[Number(pick.value)];
    if (!v) return;
    const profile = profileOf(v, chosen, name.value.trim());
    store.add([profile]);
    act.status(`已保存版式“${profile.name}”（表头指纹 ${profile.fingerprint}），正在按此重新检查…`);
    act.rerun();
  };
  (document.getElementById("layout-export") as HTMLButtonElement).onclick = () => {
    const all = store.all();
    if (all.length === 0) return act.status("还没有保存任何版式：请先在上面改好读取的列，按“按此读取并重新检查”。", true);
    act.exportFile(JSON.stringify(all, null, 2), "读取方式-版式.json");
    act.status(`已导出 ${all.length} 个版式；命令行用 jixiao check … --layout 读取方式-版式.json 按此读取。`);
  };
  const input = document.getElementById("layout-import") as HTMLInputElement;
  input.onchange = () => {
    const file = input.files?.[0];
    if (!file) return;
    // FileReader, not Blob.text(): the webviews of Office 2016/2019 have only the former.
    const reader = new FileReader();
    reader.onload = () => {
      try {
        const got = parseLayoutProfiles(String(reader.result), file.name);
        store.add(got);
        act.status(`已导入 ${got.length} 个版式（${got.map((p) => p.name).join("、")}），下次检查起生效。`);
      } catch (e) {
        act.status(e instanceof LayoutError ? e.message : `无法读取版式文件 ${file.name}。`, true);
      }
    };
    reader.onerror = () => act.status(`无法读取版式文件 ${file.name}。`, true);
    reader.readAsText(file, "utf-8");
  };
}

/** Offers text as a file to download (a JSON profile). */
export function downloadText(text: string, name: string): void {
  offerDownload(new Blob([text], { type: "application/json" }), name);
}
