#!/usr/bin/env node
// Saves the JSON report of every corpus in ../shared/corpus (inline posts alone; parallel
// corpora against their English root), or compares a new run with a saved one, byte for byte.
// A refactoring that must not change behaviour is checked with it:
//   node scripts/report-snapshot.mjs save /tmp/before   (on the old commit)
//   node scripts/report-snapshot.mjs compare /tmp/before (on the new one; exit 1 on a difference)
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { inlineDairPosts, OPENTELEMETRY_LANGUAGES, TAURI_LANGUAGES } from "./corpora.mjs";

const corpusRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "shared", "corpus");

const [mode, folder] = process.argv.slice(2);
if (!["save", "compare"].includes(mode) || !folder) {
  console.error("usage: node scripts/report-snapshot.mjs save|compare <folder>");
  process.exit(2);
}
if (!existsSync(corpusRoot)) {
  console.log(`report-snapshot: ${corpusRoot} is absent; nothing to do.`);
  process.exit(0);
}

const parallel = (name, en, translation) => ({ name, args: ["--source-root", en, translation] });
const runs = [
  { name: "dair-inline", args: inlineDairPosts(corpusRoot).map((post) => join(corpusRoot, "dair-ai-newsletter", post)) },
  { name: "rust-ja", args: [join(corpusRoot, "rust-ja")] },
  ...TAURI_LANGUAGES.map((l) => parallel(`tauri-${l}`, join(corpusRoot, "tauri", "en"), join(corpusRoot, "tauri", l))),
  parallel("react-pt-br", join(corpusRoot, "react", "en"), join(corpusRoot, "react", "pt-br")),
  ...OPENTELEMETRY_LANGUAGES.map((l) => parallel(`otel-${l}`, join(corpusRoot, "opentelemetry", "en"), join(corpusRoot, "opentelemetry", l))),
];

function report(args) {
  try {
    return execFileSync(process.execPath, ["bin/nl-lint.js", "--format", "json", "--no-progress", ...args], {
      encoding: "utf8",
      maxBuffer: 1 << 30,
      stdio: ["ignore", "pipe", "ignore"],
    });
  } catch (error) {
    return error.stdout ?? "";
  }
}

mkdirSync(folder, { recursive: true });
let differences = 0;
for (const run of runs) {
  const text = report(run.args);
  const file = join(folder, `${run.name}.json`);
  if (mode === "save") {
    writeFileSync(file, text);
    console.log(`${run.name}: ${text.length} bytes saved`);
  } else {
    const same = existsSync(file) && readFileSync(file, "utf8") === text;
    if (!same) {
      differences++;
      writeFileSync(`${file}.new`, text);
    }
    console.log(`${run.name}: ${same ? "identical" : `DIFFERS (new report in ${file}.new)`}`);
  }
}
if (differences > 0) process.exitCode = 1;
