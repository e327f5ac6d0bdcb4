// The unavoidable work of `jixiao check <folder> --out <file>`, for the bench to set beside it: start node, load
// exceljs, read every workbook of the folder, and write one result workbook. No engine at all.
import ExcelJS from "exceljs";
import { readdirSync } from "node:fs";
import { join } from "node:path";

const [dir, out] = process.argv.slice(2);
const result = new ExcelJS.Workbook();
const ws = result.addWorksheet("结果");
for (const f of readdirSync(dir).filter((x) => x.endsWith(".xlsx")).sort()) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, f));
  ws.addRow([f, wb.worksheets.length]);
}
await result.xlsx.writeFile(out);
