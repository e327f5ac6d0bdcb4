import { KIND_NAMES } from "../core/classify";
import type { InventoryRow } from "../core/inventory";

/** Small DOM helpers. Workbook text only ever reaches the page through textContent. */

export function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id}`);
  return el as T;
}

export function setStatus(text: string, isError = false): void {
  const el = byId("status");
  el.textContent = text;
  el.classList.toggle("error", isError);
}

export function showInventory(rows: InventoryRow[]): void {
  const body = byId<HTMLTableElement>("result-table").tBodies[0];
  body.replaceChildren();
  for (const r of rows) {
    const tr = document.createElement("tr");
    const cells = [r.sheet + (r.hidden ? "（隐藏）" : ""), r.usedRange ?? "（空）", KIND_NAMES[r.classification.kind]];
    cells.forEach((text, i) => {
      const td = document.createElement("td");
      td.textContent = text;
      if (i === 2) {
        td.className = `kind-${r.classification.kind}`;
        td.title = r.classification.evidence;
      }
      tr.appendChild(td);
    });
    body.appendChild(tr);
  }
  byId("result-section").hidden = false;
}
