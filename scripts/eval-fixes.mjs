#!/usr/bin/env node
// What `nl-lint --fix` does to real, well-kept translations: applies it to copies of every corpus in
// ../shared/corpus (linted as its layout needs), then lists every edit with a few lines around it,
// under the rule whose fix wrote it, and counts edits per rule and corpus. A well-kept translation
// needs few fixes, so every edit listed is one to read and judge.
// Run from the project's root: npm run eval:fixes [-- --only <corpus name part>]
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { structuredPatch } from "diff";
import { inlineDairPosts, OPENTELEMETRY_LANGUAGES, TAURI_LANGUAGES } from "./corpora.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const corpus = resolve(root, "..", "shared", "corpus");
if (!existsSync(corpus)) {
  console.log("eval:fixes: no ../shared/corpus beside the project; nothing to evaluate.");
  process.exit(0);
}
execFileSync("npm", ["run", "--silent", "build"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });

const onlyIndex = process.argv.indexOf("--only");
const only = onlyIndex > 0 ? process.argv[onlyIndex + 1] : undefined;

/** The runs, as ../shared/tools/noise.mjs lints them: folders to copy, and the arguments in the copy. */
function runs() {
  const list = [];
  const inline = inlineDairPosts(corpus);
  if (inline.length > 0) {
    list.push({ name: "dair-ai inline pt-BR", copy: ["dair-ai-newsletter"], args: (c) => inline.map((f) => join(c, "dair-ai-newsletter", f)) });
  }
  list.push({ name: "rust-ja inline ja", copy: ["rust-ja"], args: (c) => [join(c, "rust-ja")] });
  list.push({ name: "react pt-br", copy: ["react/en", "react/pt-br"], args: (c) => ["--source-root", join(c, "react", "en"), join(c, "react", "pt-br")] });
  for (const l of OPENTELEMETRY_LANGUAGES) {
    list.push({ name: `opentelemetry ${l}`, copy: ["opentelemetry/en", `opentelemetry/${l}`], args: (c) => ["--source-root", join(c, "opentelemetry", "en"), join(c, "opentelemetry", l)] });
  }
  for (const l of TAURI_LANGUAGES) {
    list.push({ name: `tauri ${l}`, copy: ["tauri/en", `tauri/${l}`], args: (c) => ["--source-root", join(c, "tauri", "en"), join(c, "tauri", l)] });
  }
  return list.filter((run) => run.copy.every((p) => existsSync(join(corpus, p))) && (!only || run.name.includes(only)));
}

function nlLint(args) {
  try {
    return JSON.parse(execFileSync(process.execPath, [join(root, "bin", "nl-lint.js"), "--format", "json", "--no-progress", ...args], { encoding: "utf8", maxBuffer: 512 << 20, stdio: ["ignore", "pipe", "ignore"] }));
  } catch (error) {
    return JSON.parse(error.stdout || "[]");
  }
}

function markdownFiles(folder) {
  const files = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...markdownFiles(path));
    else if (/\.(md|mdx|markdown)$/i.test(entry.name)) files.push(path);
  }
  return files;
}

/** 1-based line of an offset (the text without its BOM, as nl-lint counts). */
function lineOf(text, offset) {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Which rules' first-pass fixes touch each line of the original file. */
function fixLines(result, text) {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const byLine = new Map();
  for (const m of result?.messages ?? []) {
    if (!m.fix || m.filePath) continue;
    const [from, to] = [lineOf(body, m.fix.range[0]), lineOf(body, m.fix.range[1])];
    for (let line = from; line <= to; line++) byLine.set(line, new Set([...(byLine.get(line) ?? []), m.ruleId]));
  }
  return byLine;
}

/** The part of a hunk's lines that changed, with a little text on either side: `…da «dar.ai» → «dair.ai» e na…`. */
function whatChanged(lines) {
  const was = lines.filter((l) => l.startsWith("-")).map((l) => l.slice(1)).join("\n");
  const now = lines.filter((l) => l.startsWith("+")).map((l) => l.slice(1)).join("\n");
  let start = 0;
  while (start < was.length && start < now.length && was[start] === now[start]) start++;
  let end = 0;
  while (end < was.length - start && end < now.length - start && was[was.length - 1 - end] === now[now.length - 1 - end]) end++;
  const around = (text, from, to) => JSON.stringify(text.slice(from, to)).slice(1, -1);
  return `…${around(was, Math.max(0, start - 25), start)}«${around(was, start, was.length - end)}» → «${around(now, start, now.length - end)}»${around(was, was.length - end, was.length - end + 25)}…`;
}

const table = new Map();
const count = (rule, name) => {
  const row = table.get(rule) ?? new Map();
  row.set(name, (row.get(name) ?? 0) + 1);
  table.set(rule, row);
};
const work = mkdtempSync(join(tmpdir(), "nl-lint-eval-fixes-"));
const rolledBack = new Map();
try {
  for (const run of runs()) {
    const copy = join(work, run.name.replace(/\W+/g, "-"));
    for (const part of run.copy) cpSync(join(corpus, part), join(copy, part), { recursive: true });
    const args = run.args(copy);
    const before = new Map(nlLint(args).map((r) => [r.filePath, r]));
    const after = nlLint(["--fix", ...args]);
    for (const r of after) for (const m of r.messages) if (m.suggestions?.some((s) => s.desc.startsWith("Not applied by --fix"))) {
      rolledBack.set(`${m.ruleId}\t${run.name}`, (rolledBack.get(`${m.ruleId}\t${run.name}`) ?? 0) + 1);
    }
    const edited = run.copy.flatMap((part) => markdownFiles(join(copy, part)));
    for (const file of edited) {
      const original = join(corpus, relative(copy, file));
      const [was, now] = [readFileSync(original, "utf8"), readFileSync(file, "utf8")];
      if (was === now) continue;
      const rulesAt = fixLines(before.get(file), was);
      const patch = structuredPatch(relative(corpus, original), "", was, now, "", "", { context: 2 });
      for (const hunk of patch.hunks) {
        const changed = [];
        let line = hunk.oldStart;
        for (const l of hunk.lines) {
          if (l.startsWith("-")) changed.push(line);
          if (!l.startsWith("+") && !l.startsWith("\\")) line++;
        }
        const rules = new Set(changed.flatMap((n) => [...(rulesAt.get(n) ?? [])]));
        const label = rules.size > 0 ? [...rules].sort().join("+") : "(a later pass)";
        count(label, run.name);
        console.log(`\n[${label}] ${run.name}: ${relative(corpus, original)}:${hunk.oldStart}: ${whatChanged(hunk.lines)}`);
        for (const l of hunk.lines) console.log(`  ${l}`);
      }
    }
    rmSync(copy, { recursive: true, force: true });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const names = runs().map((r) => r.name);
console.log("\nEdits per rule and corpus (one edit = one diff hunk):\n");
console.log(`| rule | ${names.join(" | ")} | total |`);
console.log(`| --- | ${names.map(() => "---").join(" | ")} | --- |`);
for (const [rule, row] of [...table].sort()) {
  const total = [...row.values()].reduce((a, b) => a + b, 0);
  console.log(`| ${rule} | ${names.map((n) => row.get(n) ?? 0).join(" | ")} | ${total} |`);
}
if (table.size === 0) console.log("(no edits)");
console.log("\nFixes rolled back (finding kept, not fixed):", rolledBack.size === 0 ? "none" : "");
for (const [key, n] of [...rolledBack].sort()) console.log(`  ${key.replace("\t", " in ")}: ${n}`);
