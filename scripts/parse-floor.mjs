#!/usr/bin/env node
// The parse floor of the benchmark: every file under the given folders parsed once, one thread,
// by the parser nl-lint uses with the same extensions, and nothing else.
// With `--young-generation MB` the parse runs on a worker thread given that young generation,
// the setting nl-lint gives a lone lint thread: the same parse, with the same memory settings.
import fg from "fast-glob";
import { readFileSync } from "node:fs";
import { Worker, isMainThread, workerData } from "node:worker_threads";
import { parseMarkdown } from "../dist/src/parse/parse.js";

function parseAll(roots) {
  let files = 0;
  for (const root of roots) {
    for (const file of fg.sync(["**/*.md", "**/*.mdx", "**/*.markdown"], { cwd: root, absolute: true, ignore: ["**/node_modules/**"] })) {
      parseMarkdown(readFileSync(file, "utf8"));
      files++;
    }
  }
  return files;
}

if (!isMainThread) {
  parseAll(workerData.roots);
} else {
  const args = process.argv.slice(2);
  const at = args.indexOf("--young-generation");
  if (at >= 0) {
    const [, megabytes] = args.splice(at, 2);
    const worker = new Worker(new URL(import.meta.url), { workerData: { roots: args }, resourceLimits: { maxYoungGenerationSizeMb: Number(megabytes) } });
    worker.on("error", (error) => {
      console.error(error);
      process.exitCode = 2;
    });
  } else {
    console.log(`${parseAll(args)} files parsed`);
  }
}
