/**
 * Turns exceljs's load failures into a sentence a clerk can act on. Shared by the CLI and the standalone page.
 * The bytes tell the usual cases apart: an encrypted workbook is an OLE compound file, an old .xls too,
 * an .xlsx is a zip.
 */
export function describeLoadError(fileName: string, bytes: Uint8Array, error: unknown): string {
  const ole = bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  const zip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (bytes.length === 0) return `文件 ${fileName} 是空文件（0 字节），无法打开。`;
  if (ole) {
    return `文件 ${fileName} 无法打开：它是加密（设有打开密码）的工作簿或旧版 .xls 文件。请在 Excel/WPS 中取消密码，或另存为 .xlsx 后再试。`;
  }
  if (!zip) return `文件 ${fileName} 不是 .xlsx 工作簿（文件内容不是 Excel 2007 及以后的格式），无法打开。`;
  const detail = error instanceof Error ? error.message : String(error);
  const twin = /^Worksheet name already exists: (.*)$/s.exec(detail);
  if (twin) return `文件 ${fileName} 中有两张工作表同名（“${twin[1].slice(0, 31)}”，Excel 不区分大小写），Excel 打开时也会报错。请在 Excel/WPS 中修复并另存后再试。`;
  return `文件 ${fileName} 已损坏或不完整，无法打开（${detail.slice(0, 120)}）。请在 Excel/WPS 中打开并另存后再试。`;
}
