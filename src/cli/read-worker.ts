// One of the threads a folder is read with (cli/pool.ts): it opens the workbooks it is given, one at a time, and
// sends back each snapshot (a list read as a stream, with what its rows gave) or the Chinese reason it could not.
import { parentPort } from "node:worker_threads";
import { type ReadJob, readJob } from "./pool";

parentPort!.on("message", async (job: ReadJob) => {
  parentPort!.postMessage(await readJob(job, (rows, projects) => parentPort!.postMessage({ id: job.id, rows, projects })));
});
