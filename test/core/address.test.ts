import { describe, expect, it } from "vitest";
import { a1, blockAddress, columnLetters, parseA1, parseArea, quoteSheetName } from "../../src/core/address";

describe("A1 addresses", () => {
  it("names columns past Z the way Excel does", () => {
    expect(columnLetters(0)).toBe("A");
    expect(columnLetters(25)).toBe("Z");
    expect(columnLetters(26)).toBe("AA");
    expect(columnLetters(701)).toBe("ZZ");
    expect(columnLetters(702)).toBe("AAA");
    expect(columnLetters(16383)).toBe("XFD");
  });

  it("round-trips cell addresses", () => {
    for (const [r, c] of [[0, 0], [9, 27], [1048575, 16383]]) {
      expect(parseA1(a1(r, c))).toEqual({ row: r, col: c });
    }
    expect(parseA1("$B$12")).toEqual({ row: 11, col: 1 });
    expect(parseA1("B0")).toBeNull();
    expect(parseA1("项目名称")).toBeNull();
  });

  it("parses sheet-qualified areas as Excel reports them", () => {
    expect(parseArea("'绩效 目标'!C3:F20")).toEqual({ top: 2, left: 2, bottom: 19, right: 5 });
    expect(parseArea("Sheet1!D4")).toEqual({ top: 3, left: 3, bottom: 3, right: 3 });
    expect(blockAddress(3, 2)).toBe("A1:B3");
  });

  it("quotes sheet names with quotes inside", () => {
    expect(quoteSheetName("张三's 表")).toBe("'张三''s 表'");
  });
});
