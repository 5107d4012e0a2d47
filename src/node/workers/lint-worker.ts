import { parentPort, workerData } from "node:worker_threads";
import type { FileResult } from "../../formatters/types.js";
import { workerLinter, type LintWorkerInit } from "../lint-files.js";
import type { WorkerReply, WorkerRequest } from "./pool.js";

// Each thread builds the run from the options it was handed (plain data, no arguments to parse):
// configuration, dictionaries and file view are loaded once here and reused for every file.
const linter = workerLinter(workerData as LintWorkerInit);

// An item is a group of files, the translations of one source together (see groupBySource).
parentPort!.on("message", async ({ id, item }: WorkerRequest<string[]>) => {
  let reply: WorkerReply<FileResult[]>;
  let file: string | undefined;
  try {
    const ready = await linter;
    const out: FileResult[] = [];
    for (file of item) out.push(ready.lint(file));
    reply = { id, out };
  } catch (error) {
    reply = { id, error: `${file ?? item.join(", ")}: ${error instanceof Error ? error.message : String(error)}` };
  }
  parentPort!.postMessage(reply);
});
