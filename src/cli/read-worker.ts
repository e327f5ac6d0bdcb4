// One of the threads a folder is read with (cli/pool.ts): it opens the workbooks it is given, one at a time, and
// sends back each snapshot (a list read as a stream, with what its rows gave) or the Chinese reason it could not.
import { parentPort } from "node:worker_threads";
import { openWorkbookFile } from "../hosts/node-files";
import { openFailure, type ReadJob, type ReadReply } from "./pool";

parentPort!.on("message", async (job: ReadJob) => {
  let reply: ReadReply;
  try {
    const host = await openWorkbookFile(job.file, { read: job.read, previous: job.previous, onRows: (rows, projects) => parentPort!.postMessage({ id: job.id, rows, projects }) });
    reply = { id: job.id, snapshot: await host.read() };
  } catch (e) {
    reply = { id: job.id, error: openFailure(job.file, e) };
  }
  parentPort!.postMessage(reply);
});
