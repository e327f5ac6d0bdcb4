// Writes the small workbooks in test/fixtures/ from the builders in test/fixtures.ts (`npm run fixtures`).
// They are what `npx jixiao check test/fixtures` runs on; the CLI test checks its contract on them.
import { mkdirSync } from "node:fs";
import { buildWorkbook, monitoringSheet, selfEvaluationSheet, targetSheet, withCell } from "../test/fixtures";

mkdirSync("test/fixtures", { recursive: true });
const write = async (file: string, sheets: Parameters<typeof buildWorkbook>[0]) => (await buildWorkbook(sheets)).xlsx.writeFile(`test/fixtures/${file}`);

await write("政务公开办-绩效目标申报表.xlsx", [targetSheet()]);
// The same indicators under another unit, with a cost target written ≥ and a vague benefit target.
let copied = withCell(withCell(targetSheet(), "B3", "政务新媒体矩阵运维"), "B4", "双鸭山市融媒体中心");
await write("融媒体中心-绩效目标申报表.xlsx", [copied]);
copied = withCell(withCell(copied, "D15", "≥"), "C16", "社会效益明显");
await write("融媒体中心-绩效目标申报表（修改稿）.xlsx", [withCell(copied, "B3", "政务新媒体矩阵运维（二期）")]);
// Self-evaluation with the finance review: two indicators cut without evidence, one clue.
let reviewed = withCell(withCell(selfEvaluationSheet(), "K14", 0), "L14", "无佐证材料");
reviewed = withCell(withCell(reviewed, "K16", 0), "L16", "未开展满意度调查");
reviewed = withCell(withCell(withCell(reviewed, "K13", 2), "L13", "运维合同金额与支付凭证不符"), "M13", "疑似虚列支出");
await write("政务服务中心-绩效自评表（含复核）.xlsx", [reviewed]);
// Monitoring at July: execution 20%, so funding is suspended.
await write("消防支队-绩效运行监控表.xlsx", [withCell(withCell(monitoringSheet(), "B5", 20), "C5", "20%")]);
console.log("test/fixtures/ 已生成");
