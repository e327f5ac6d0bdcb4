// Writes templates/*.xlsx from the template specs in src/core/templates, through the same exceljs writer the
// reports use. A test fails when the committed files drift from the code (`npm run templates` to refresh).
import ExcelJS from "exceljs";
import { mkdirSync, writeFileSync } from "node:fs";
import { templateBooks } from "../src/core/templates";
import { ExcelJsHost } from "../src/hosts/exceljs-host";

export async function templateWorkbook(sheets: Parameters<ExcelJsHost["write"]>[0]): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "预算绩效管理加载项";
  // Fixed dates keep the files' metadata stable between runs.
  wb.created = new Date("2026-01-01T00:00:00Z");
  wb.modified = new Date("2026-01-01T00:00:00Z");
  await new ExcelJsHost(wb, "模板").write(sheets);
  return wb;
}

if (process.argv[1]?.endsWith("make-templates.ts")) {
  mkdirSync("templates", { recursive: true });
  for (const book of templateBooks()) {
    const wb = await templateWorkbook(book.sheets);
    writeFileSync(`templates/${book.file}`, Buffer.from(await wb.xlsx.writeBuffer()));
    console.log(`templates/${book.file}`);
  }
}
