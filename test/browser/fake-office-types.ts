// The globals test/browser/fake-office.ts defines in the page, for the test code that reads them.
import type { FakeExcel, FakeValue } from "../fakes/fake-excel";

declare global {
  interface Window {
    __FAKE_SHEETS__?: { name: string; cells: FakeValue[][]; visibility?: "Visible" | "Hidden" }[];
    __FAKE_API__?: string;
    __fakeExcel?: FakeExcel;
  }
}

export {};
