/**
 * Injected into the page before its own scripts in the WPS browser test, as WPS injects its object model into a
 * WPS 加载项's pages: `window.Application` is the recording fake of WPS 表格 (test/fakes/fake-wps.ts), holding the
 * sheets the test put in `window.__WPS_SHEETS__`. The fake itself is `window.__fakeWps`, for the test to read.
 */
import { FakeWps, fakeWpsSheet } from "../fakes/fake-wps";
import type { EtValue } from "../../src/hosts/wps-types";

interface SheetData {
  name: string;
  cells: EtValue[][];
  visible?: number;
  numberFormats?: [string, string][];
  merges?: { top: number; left: number; bottom: number; right: number }[];
}
const w = window as unknown as { __WPS_SHEETS__?: SheetData[]; __fakeWps?: FakeWps; Application?: unknown };
const fake = new FakeWps(
  (w.__WPS_SHEETS__ ?? []).map((s) => fakeWpsSheet(s.name, s.cells, { visible: s.visible ?? -1, numberFormats: new Map(s.numberFormats ?? []), merges: s.merges ?? [] })),
  "工作簿1.xlsx",
);
w.__fakeWps = fake;
w.Application = fake.app;
