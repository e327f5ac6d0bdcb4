// The thread a big workbook's zip is inflated and its sheets' XML parsed on (hosts/stream-sheet.ts rowsOnThread):
// it sends the rows in batches while the thread that started it reads them into projects.
import { parentPort, workerData } from "node:worker_threads";
import { sendRows } from "./stream-sheet";

void sendRows((workerData as { bytes: Uint8Array }).bytes, parentPort!);
