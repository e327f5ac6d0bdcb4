/**
 * A chart's SVG (hosts/chart-render.ts) as PNG, in Node, by resvg (@resvg/resvg-js: the Rust renderer, prebuilt for
 * each platform on npm, no browser). Text is drawn with the machine's fonts (Microsoft YaHei on Windows, Noto or
 * WenQuanYi on Linux), found as fontconfig finds them.
 */
import { Resvg } from "@resvg/resvg-js";
import type { ChartSpec } from "../core/report/charts";
import { chartSvg } from "./chart-render";

export function chartPng(c: ChartSpec, scale = 2): Uint8Array {
  const svg = chartSvg(c);
  const png = new Resvg(svg, { fitTo: { mode: "zoom", value: scale }, font: { loadSystemFonts: true, defaultFontFamily: "WenQuanYi Micro Hei" }, background: "#ffffff" }).render().asPng();
  return new Uint8Array(png);
}
