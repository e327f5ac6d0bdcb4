/**
 * Pictures of charts placed on sheets of a finished .xlsx (issue 22). exceljs's streaming writer, which writes the
 * command line's result workbook, places no images; so once the workbook is written, each picture is added as the
 * format has it (ECMA-376 Part 1, §20.5 SpreadsheetML drawing): a PNG under xl/media/, a drawing part with one
 * oneCellAnchor per picture, the sheet's <drawing r:id> and the relationships and content types that tie them
 * together. Parts are found by the sheet's name through workbook.xml and its relationships, never by guessing.
 * A sheet that already has a drawing is left as it is (the pictures are then not added).
 */
import JSZip from "jszip";

export interface Picture {
  png: Uint8Array;
  /** 0-based top-left cell. */
  row: number;
  col: number;
  /** Size on the sheet, in pixels at 96 dpi. */
  width: number;
  height: number;
  /** Shown to screen readers and on hover: the chart's title. */
  title: string;
}

const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const xmlText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const EMU = 9525;

function anchor(p: Picture, i: number): string {
  return `<xdr:oneCellAnchor><xdr:from><xdr:col>${p.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>`
    + `<xdr:ext cx="${p.width * EMU}" cy="${p.height * EMU}"/><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="${i + 2}" name="图表 ${i + 1}" descr="${xmlText(p.title)}"/>`
    + `<xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rIdJxImg${i + 1}"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>`
    + `<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${p.width * EMU}" cy="${p.height * EMU}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor>`;
}

/** The worksheet's elements that CT_Worksheet's sequence puts before <drawing> (ECMA-376 Part 1, §18.3.1.99). */
const BEFORE_DRAWING = ["sheetData", "sheetCalcPr", "sheetProtection", "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate",
  "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins",
  "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags"];

/**
 * Where <drawing> goes: just after the last of the elements that come before it. Found by their own tags (an
 * <extLst> nested in a conditional format is no place for it), never nested: none of these names occurs inside another.
 */
function drawingPlace(xml: string): number {
  let at = -1;
  for (const name of BEFORE_DRAWING) {
    const close = xml.lastIndexOf(`</${name}>`);
    if (close >= 0) at = Math.max(at, close + name.length + 3);
    const empty = new RegExp(`<${name}\\b[^>]*/>`, "g");
    for (let m = empty.exec(xml); m; m = empty.exec(xml)) at = Math.max(at, m.index + m[0].length);
  }
  return at >= 0 ? at : xml.lastIndexOf("</worksheet>");
}

/** Where a relationship target points, as a path inside the zip. */
function resolveTarget(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = from.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== ".") parts.push(seg);
  }
  return parts.join("/");
}

/** The workbook's bytes with the pictures placed on the named sheets; the same bytes where a sheet is not found. */
export async function addPictures(bytes: Uint8Array, bySheet: Map<string, Picture[]>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const workbook = await zip.file("xl/workbook.xml")?.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")?.async("string");
  let types = await zip.file("[Content_Types].xml")?.async("string");
  if (!workbook || !rels || !types) return bytes;
  let changed = false;
  let n = 0;
  for (const [name, pictures] of bySheet) {
    if (pictures.length === 0) continue;
    const sheet = new RegExp(`<sheet\\b[^>]*\\bname="${xmlText(name).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*>`).exec(workbook)?.[0];
    const id = sheet && /\br:id="([^"]+)"/.exec(sheet)?.[1];
    const target = id && new RegExp(`<Relationship\\b[^>]*\\bId="${id}"[^>]*>`).exec(rels)?.[0].match(/\bTarget="([^"]+)"/)?.[1];
    if (!target) continue;
    const part = resolveTarget("xl/workbook.xml", target);
    const xml = await zip.file(part)?.async("string");
    if (!xml || /<drawing\b/.test(xml)) continue;
    // The next free drawingN.xml (the names readers such as exceljs look for).
    do n++;
    while (zip.file(`xl/drawings/drawing${n}.xml`));
    const drawing = `xl/drawings/drawing${n}.xml`;
    const sheetRels = part.replace(/([^/]+)$/, "_rels/$1.rels");
    const existing = (await zip.file(sheetRels)?.async("string")) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
    zip.file(sheetRels, existing.replace("</Relationships>", `<Relationship Id="rIdJxDrawing" Type="${REL_NS}/drawing" Target="../drawings/drawing${n}.xml"/></Relationships>`));
    // <drawing> goes where CT_Worksheet's sequence has it: before these, or at the end.
    const withNs = /xmlns:r=/.test(xml) ? xml : xml.replace(/<worksheet\b/, `<worksheet xmlns:r="${REL_NS}"`);
    const at = drawingPlace(withNs);
    zip.file(part, `${withNs.slice(0, at)}<drawing r:id="rIdJxDrawing"/>${withNs.slice(at)}`);
    const media = pictures.map((p, i) => {
      const file = `chart${n}n${i + 1}.png`;
      zip.file(`xl/media/${file}`, p.png);
      return `<Relationship Id="rIdJxImg${i + 1}" Type="${REL_NS}/image" Target="../media/${file}"/>`;
    });
    zip.file(`xl/drawings/_rels/drawing${n}.xml.rels`, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${media.join("")}</Relationships>`);
    zip.file(drawing, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL_NS}">${pictures.map(anchor).join("")}</xdr:wsDr>`);
    types = types.replace("</Types>", `<Override PartName="/${drawing}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>`);
    changed = true;
  }
  if (!changed) return bytes;
  if (!/<Default\b[^>]*Extension="png"/i.test(types)) types = types.replace("</Types>", `<Default Extension="png" ContentType="image/png"/></Types>`);
  zip.file("[Content_Types].xml", types);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
