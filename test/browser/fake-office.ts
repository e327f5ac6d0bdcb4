/**
 * Served in place of office.js in the browser test: the page loads it from the Office CDN URL as it would in Excel,
 * and gets an `Office` that reports the Excel host and an `Excel.run` backed by the recording fake, holding the
 * sheets the test put in `window.__FAKE_SHEETS__`. The fake is exposed as `window.__fakeExcel` for the test to read.
 */
import { FakeExcel, fakeSheet } from "../fakes/fake-excel";
import "./fake-office-types";

const excel = new FakeExcel(
  (window.__FAKE_SHEETS__ ?? []).map((s) => fakeSheet(s.name, s.cells, { visibility: s.visibility ?? "Visible" })),
  window.__FAKE_API__ ?? "1.9",
);
window.__fakeExcel = excel;

const w = window as unknown as Record<string, unknown>;
w.Office = {
  HostType: { Excel: "Excel" },
  onReady: () => Promise.resolve({ host: "Excel", platform: "PC" }),
  context: { requirements: { isSetSupported: excel.isSetSupported } },
};
w.Excel = { run: excel.run };
