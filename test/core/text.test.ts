import { describe, expect, it } from "vitest";
import { utf8Length } from "../../src/core/text";

describe("utf8Length (the request budget, without TextEncoder)", () => {
  it.each(["", "abc", "绩效目标申报表", "≥95％", "é", "😀 表 😀", "\uD800 lone high", "lone low \uDC00", JSON.stringify([["=1+1", null, 3.5, "𠀋"]])])(
    "counts %j as TextEncoder does",
    (s) => {
      expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
    },
  );
});
