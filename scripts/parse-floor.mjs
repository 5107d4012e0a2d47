#!/usr/bin/env node
// The parse floor of the benchmark: every file under the given folders parsed once, one thread,
// by the parser nl-lint uses with the same extensions, and nothing else.
import fg from "fast-glob";
import { readFileSync } from "node:fs";
import { parseMarkdown } from "../dist/src/parse.js";

let files = 0;
for (const root of process.argv.slice(2)) {
  for (const file of fg.sync(["**/*.md", "**/*.mdx", "**/*.markdown"], { cwd: root, absolute: true, ignore: ["**/node_modules/**"] })) {
    parseMarkdown(readFileSync(file, "utf8"));
    files++;
  }
}
console.log(`${files} files parsed`);
