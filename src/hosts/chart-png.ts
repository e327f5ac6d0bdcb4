/**
 * A chart's SVG (hosts/chart-render.ts) as PNG, in Node, by resvg (@resvg/resvg-js: the Rust renderer, prebuilt for
 * each platform on npm, no browser). Text is drawn with a Chinese font of the machine: the first of the usual ones
 * found (Microsoft YaHei or SimHei on Windows, PingFang on macOS, WenQuanYi or Noto CJK on Linux), else whatever
 * fontconfig finds (a scan of every installed font, slower on a machine with many).
 */
import { Resvg } from "@resvg/resvg-js";
import { existsSync } from "node:fs";
import type { ChartSpec } from "../core/sheet";
import { chartSvg } from "./chart-render";

const CJK_FONTS = [
  "C:\\Windows\\Fonts\\msyh.ttc", "C:\\Windows\\Fonts\\simhei.ttf", "C:\\Windows\\Fonts\\simsun.ttc",
  "/System/Library/Fonts/PingFang.ttc", "/System/Library/Fonts/STHeiti Medium.ttc",
  "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
  "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
];

let fonts: string[] | undefined;

export function chartPng(c: ChartSpec, scale = 2): Uint8Array {
  fonts ??= CJK_FONTS.filter((f) => existsSync(f)).slice(0, 1);
  const font = fonts.length > 0 ? { loadSystemFonts: false, fontFiles: fonts } : { loadSystemFonts: true };
  const png = new Resvg(chartSvg(c), { fitTo: { mode: "zoom", value: scale }, font, background: "#ffffff" }).render().asPng();
  return new Uint8Array(png);
}
