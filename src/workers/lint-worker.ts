import { parentPort, workerData } from "node:worker_threads";
import { workerLinter, type LintWorkerInit } from "../cli.js";
import type { FileResult } from "../formatters/types.js";
import type { WorkerReply, WorkerRequest } from "./pool.js";

// Each thread rebuilds the run from its arguments: configuration, dictionaries and file view are
// loaded once here and reused for every file this thread is handed.
const linter = workerLinter(workerData as LintWorkerInit);

parentPort!.on("message", async ({ id, item }: WorkerRequest<string>) => {
  let reply: WorkerReply<FileResult>;
  try {
    reply = { id, out: (await linter).lint(item) };
  } catch (error) {
    reply = { id, error: `${item}: ${error instanceof Error ? error.message : String(error)}` };
  }
  parentPort!.postMessage(reply);
});
