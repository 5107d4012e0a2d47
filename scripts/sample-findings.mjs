#!/usr/bin/env node
// Draws a seeded random sample of findings per rule from one corpus of ../shared/corpus and prints
// each with the text around it (and, for parallel files, the source lines the message names), so
// that a reader can judge it right or wrong with the pair open. Precision is measured by reading
// these samples; the seed makes a sample reproducible.
//
//   node scripts/sample-findings.mjs --corpus tauri [--seed nl-lint-16] [--per-rule 30] [--rule typo] [--config file]
//
// Corpora: dair-inline, dair-parallel, rust-ja, tauri, react, otel (every language), otel-<lang> (e.g. otel-ja). Skips without ../shared.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { inlineDairPosts, TAURI_LANGUAGES } from "./corpora.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const shared = resolve(option("shared", "../shared"));
const corpus = join(shared, "corpus");
if (!existsSync(corpus)) {
  console.log(`sample-findings: no corpus at ${corpus}; nothing to sample.`);
  process.exit(0);
}

/** The command-line arguments that lint a corpus the way its layout needs. */
function runArgs(name) {
  if (name === "dair-inline") {
    // The pairs name each post's English file too, which outdated-source compares its comments with.
    return ["--config", "fixtures/dair-ai-newsletter.nl-lint.json", ...inlineDairPosts(corpus).map((f) => join(corpus, "dair-ai-newsletter", f))];
  }
  if (name === "dair-parallel") return ["--config", "fixtures/dair-ai-newsletter.nl-lint.json", join(corpus, "dair-ai-newsletter")];
  if (name === "rust-ja") return [join(corpus, "rust-ja")];
  if (name === "tauri") return ["--source-root", join(corpus, "tauri", "en"), ...TAURI_LANGUAGES.map((l) => join(corpus, "tauri", l))];
  if (name === "react") return ["--source-root", join(corpus, "react", "en"), join(corpus, "react", "pt-br")];
  if (name === "otel") {
    const root = join(corpus, "opentelemetry");
    const languages = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== "en").map((d) => join(root, d.name));
    return ["--source-root", join(root, "en"), ...languages];
  }
  const otel = /^otel-(\w+)$/.exec(name);
  if (otel) return ["--source-root", join(corpus, "opentelemetry", "en"), join(corpus, "opentelemetry", otel[1])];
  throw new Error(`unknown corpus ${name}`);
}

/** A small seeded generator (mulberry32 over a string hash), so a sample can be drawn again. */
function random(seedText) {
  let h = 1779033703 ^ seedText.length;
  for (let i = 0; i < seedText.length; i++) h = Math.imul(h ^ seedText.charCodeAt(i), 3432918353), (h = (h << 13) | (h >>> 19));
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function excerpt(path, line, around) {
  const lines = readFileSync(path, "utf8").split(/\r?\n/);
  const from = Math.max(1, line - around);
  const to = Math.min(lines.length, line + around);
  const out = [];
  for (let n = from; n <= to; n++) out.push(`${n === line ? ">" : " "}${String(n).padStart(5)}| ${lines[n - 1]}`);
  return out.join("\n");
}

const name = option("corpus");
const seed = option("seed", "nl-lint-16");
const perRule = Number(option("per-rule", "30"));
// `--rule X` samples rule X alone, and lints with it alone (`--only`), which is much faster.
const onlyRule = option("rule") ?? option("only");
// A configuration for the run (a glossary, say), given before the corpus's own arguments.
const config = option("config");
let out;
try {
  const args = [...(onlyRule ? ["--only", onlyRule] : []), ...(config ? ["--config", config] : []), ...runArgs(name)];
  out = execFileSync(process.execPath, ["bin/nl-lint.js", "--format", "json", "--no-progress", ...args], { encoding: "utf8", maxBuffer: 512 << 20, stdio: ["ignore", "pipe", "ignore"] });
} catch (error) {
  out = error.stdout ?? "";
}
const byRule = new Map();
for (const result of JSON.parse(out)) {
  for (const m of result.messages) {
    if (onlyRule && m.ruleId !== onlyRule) continue;
    if (!byRule.has(m.ruleId)) byRule.set(m.ruleId, []);
    byRule.get(m.ruleId).push({ ...m, file: result.filePath, sourceFile: result.sourceFilePath });
  }
}
const next = random(`${seed}:${name}`);
for (const [rule, findings] of [...byRule].sort()) {
  // A partial Fisher–Yates shuffle: the first `perRule` entries are the sample.
  for (let i = 0; i < Math.min(perRule, findings.length); i++) {
    const j = i + Math.floor(next() * (findings.length - i));
    [findings[i], findings[j]] = [findings[j], findings[i]];
  }
  const sample = findings.slice(0, perRule);
  console.log(`\n######## ${name} ${rule}: ${findings.length} findings, ${sample.length} sampled (seed ${seed})`);
  sample.forEach((f, k) => {
    console.log(`\n--- ${rule} #${k + 1} ${f.file.replace(corpus + "/", "")}:${f.line}:${f.column} (${f.side})\n${f.message}`);
    const inFile = f.side === "source" && f.filePath ? f.filePath : f.file;
    console.log(excerpt(inFile, f.line, 3));
    const sourceLine = /\bline (\d+)\b/.exec(f.message);
    if (f.sourceFile && f.side !== "source" && sourceLine) console.log(`  source ${f.sourceFile.replace(corpus + "/", "")}:\n${excerpt(f.sourceFile, Number(sourceLine[1]), 3)}`);
  });
}
