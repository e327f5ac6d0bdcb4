import { parseA1 } from "../address";
import type { SheetSpec, SpecCell } from "../sheet";

export type FillValue = string | number | null;

/**
 * A copy of a template with values typed into its cells, as a unit would: `cells` by A1 address, and
 * `rows` of values written from an A1 start cell rightwards and downwards. Styles and validations stay.
 */
export function fillTemplate(
  spec: SheetSpec,
  fill: { name?: string; cells?: Record<string, FillValue>; rows?: { from: string; values: FillValue[][] }[] },
): SheetSpec {
  const rows: SpecCell[][] = spec.rows.map((r) => r.map((c) => ({ ...c })));
  const put = (row: number, col: number, value: FillValue) => {
    while (rows.length <= row) rows.push([]);
    while (rows[row].length <= col) rows[row].push({ value: null });
    rows[row][col] = { ...rows[row][col], value };
  };
  for (const [address, value] of Object.entries(fill.cells ?? {})) {
    const at = parseA1(address);
    if (!at) throw new Error(`bad address ${address}`);
    put(at.row, at.col, value);
  }
  for (const block of fill.rows ?? []) {
    const at = parseA1(block.from);
    if (!at) throw new Error(`bad address ${block.from}`);
    block.values.forEach((vals, r) => vals.forEach((v, c) => put(at.row + r, at.col + c, v)));
  }
  return { ...spec, name: fill.name ?? spec.name, rows };
}
