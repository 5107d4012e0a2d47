#!/usr/bin/env node
// npm run bench [-- --copies N] [--runs R] [--out FILE]
// Copies ../shared/corpus (at its natural size, or N copies of it) to a temporary folder and
// measures, in one run, nl-lint against the parse floor and markdownlint-cli2 on the same files:
// median wall times, peak memory, and the ratios the project targets. The cold runs alternate
// (floor, nl-lint, markdownlint-cli2, then again), so that a change in the machine's load falls
// on all of them alike. Skips cleanly without ../shared.
import { spawn } from "node:child_process";
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const corpus = resolve(root, "..", "shared", "corpus");
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const runs = Number(flag("runs", 3));
const out = resolve(flag("out", join(root, "bench-results.json")));

if (!existsSync(corpus)) {
  console.log("bench: skipped (no ../shared/corpus beside the project)");
  process.exit(0);
}
if (!existsSync(join(root, "dist", "src", "cli", "main.js"))) {
  console.error("bench: run `npm run build` first");
  process.exit(2);
}

function markdownFiles(dir, found = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) markdownFiles(path, found);
    else if (/\.(md|mdx|markdown)$/i.test(entry.name)) found.push(path);
  }
  return found;
}

const copies = Number(flag("copies", 1));
const work = mkdtempSync(join(tmpdir(), "nl-lint-bench-"));
// With --copies N (N ≥ 2), sizes N/4, N/2 and N for the linearity check: the full set is N copies.
const sizes = copies >= 2 ? [...new Set([Math.max(1, Math.round(copies / 4)), Math.max(1, Math.round(copies / 2)), copies])] : [];
for (let c = 0; c < copies; c++) cpSync(corpus, join(work, `copy-${String(c).padStart(3, "0")}`), { recursive: true });
const copyFolders = (n) => Array.from({ length: n }, (_, c) => join(work, `copy-${String(c).padStart(3, "0")}`));
const full = copyFolders(copies);
const fullFiles = full.flatMap((f) => markdownFiles(f));
const fullBytes = fullFiles.reduce((n, f) => n + statSync(f).size, 0);
console.log(`bench: ${fullFiles.length} Markdown files, ${(fullBytes / 1e6).toFixed(1)} MB (${copies} copies of ../shared/corpus) in ${work}`);

/** Runs a command, polling its peak resident memory (VmHWM counts every thread of the process). */
function measure(command, commandArgs, options = {}) {
  return new Promise((resolvePromise) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, commandArgs, { cwd: options.cwd ?? root, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, NO_COLOR: "1", CI: "1" } });
    let peak = 0;
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const poll = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
        const hwm = Number(status.match(/VmHWM:\s+(\d+)/)?.[1] ?? 0) * 1024;
        if (hwm > peak) peak = hwm;
      } catch {
        // The process has ended.
      }
    }, 20);
    child.on("exit", (code) => {
      clearInterval(poll);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0 && code !== 1) console.error(`bench: ${command} ${commandArgs.join(" ")} exited ${code}\n${stderr.slice(0, 2000)}`);
      resolvePromise({ seconds, peak, code });
    });
  });
}

function summary(label, samples) {
  const sorted = [...samples].sort((a, b) => a.seconds - b.seconds);
  return { label, seconds: sorted[Math.floor(sorted.length / 2)].seconds, peak: Math.max(...samples.map((s) => s.peak)), samples: samples.map((s) => s.seconds) };
}

async function median(label, command, commandArgs, options = {}) {
  const samples = [];
  for (let r = 0; r < runs; r++) {
    if (options.before) options.before(r);
    samples.push(await measure(command, commandArgs, options));
    process.stdout.write(`  ${label}: run ${r + 1}/${runs} ${samples.at(-1).seconds.toFixed(2)} s\n`);
  }
  return summary(label, samples);
}

/** Medians of several commands measured in turn, round after round: {key: {label, command, args, options}}. */
async function alternating(commands) {
  const samples = Object.fromEntries(Object.keys(commands).map((key) => [key, []]));
  for (let r = 0; r < runs; r++) {
    for (const [key, { label, command, args: commandArgs, options }] of Object.entries(commands)) {
      samples[key].push(await measure(command, commandArgs, options));
      process.stdout.write(`  ${label}: run ${r + 1}/${runs} ${samples[key].at(-1).seconds.toFixed(2)} s\n`);
    }
  }
  return Object.fromEntries(Object.entries(commands).map(([key, { label }]) => [key, summary(label, samples[key])]));
}

const node = process.execPath;
const cli = join(root, "bin", "nl-lint.js");
const cacheFile = join(work, "cache.json");
const lintArgs = (folders, extra = []) => [cli, "--format", "json", ...extra, ...folders];
const results = {};

// nl-lint gives a lone lint thread a larger young generation; the same parse with that setting
// shows how much of the one-thread ratio is that setting rather than less work.
const { LONE_THREAD_YOUNG_GENERATION_MB: young } = await import(join(root, "dist", "src", "node", "lint-files.js"));
const markdownlint = join(root, "node_modules", "markdownlint-cli2", "markdownlint-cli2-bin.mjs");
Object.assign(results, await alternating({
  parseFloor: { label: "parse floor (1 thread)", command: node, args: [join(root, "scripts", "parse-floor.mjs"), ...full] },
  parseFloorYoung: { label: `parse floor, ${young} MB young generation`, command: node, args: [join(root, "scripts", "parse-floor.mjs"), "--young-generation", String(young), ...full] },
  oneThread: { label: "nl-lint, 1 thread", command: node, args: lintArgs(full, ["--concurrency", "1"]) },
  parallel: { label: "nl-lint, default parallelism", command: node, args: lintArgs(full) },
  markdownlint: { label: "markdownlint-cli2 (default config)", command: node, args: [markdownlint, "copy-*/**/*.{md,mdx,markdown}"], options: { cwd: work } },
}));
// Fill the cache once (a cold run), then time runs that find every file in it.
rmSync(cacheFile, { force: true });
await measure(node, lintArgs(full, ["--cache", "--cache-location", cacheFile]));
results.warm = await median("nl-lint --cache, warm, nothing changed", node, lintArgs(full, ["--cache", "--cache-location", cacheFile]));
const touched = fullFiles.filter((_, i) => i % 100 === 0);
results.onePercent = await median("nl-lint --cache, 1% of files changed", node, lintArgs(full, ["--cache", "--cache-location", cacheFile]), {
  before: (r) => {
    for (const f of touched) appendFileSync(f, `\nbench edit ${r}\n`);
  },
});
const smallPost = join(root, "fixtures", "examples", "boletim-13.pt-br.md");
const { builtinRules } = await import(join(root, "dist", "rules", "index.js"));
const withoutTypo = builtinRules.map((r) => r.id).filter((id) => id !== "typo").join(",");
results.smallPost = await median("one small post, all rules", node, [cli, smallPost]);
results.smallPostNoTypo = await median("one small post, without typo", node, [cli, "--only", withoutTypo, smallPost]);
results.linear = [];
for (const n of sizes) {
  const folders = copyFolders(n);
  const m = n === copies ? results.parallel : await median(`nl-lint, default parallelism, ${n} copies`, node, lintArgs(folders));
  results.linear.push({ copies: n, mb: folders.flatMap((f) => markdownFiles(f)).reduce((s, f) => s + statSync(f).size, 0) / 1e6, seconds: m.seconds });
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ratio = (a, b) => a / b;
const targets = [
  ["default parallelism / parse floor", ratio(results.parallel.seconds, results.parseFloor.seconds), 0.7],
  ["default parallelism / markdownlint-cli2", ratio(results.parallel.seconds, results.markdownlint.seconds), 0.7],
  ["1 thread / parse floor", ratio(results.oneThread.seconds, results.parseFloor.seconds), 1.0],
  ["warm cache, no change / cold", ratio(results.warm.seconds, results.parallel.seconds), 0.05],
  ["warm cache, 1% changed / cold", ratio(results.onePercent.seconds, results.parallel.seconds), 0.1],
  ["peak memory, default parallelism (MB)", results.parallel.peak / 1024 / 1024, 500],
  ["one small post with dictionary (s)", results.smallPost.seconds, 1],
  ["one small post without typo (s)", results.smallPostNoTypo.seconds, 0.3],
];
const lines = [];
lines.push(`Corpus: ${fullFiles.length} files, ${(fullBytes / 1e6).toFixed(1)} MB; median of ${runs} run(s) each.`, "");
lines.push("| measurement | wall time | peak memory |", "| --- | ---: | ---: |");
for (const key of ["parseFloor", "parseFloorYoung", "oneThread", "parallel", "warm", "onePercent", "markdownlint", "smallPost", "smallPostNoTypo"]) {
  const r = results[key];
  lines.push(`| ${r.label} | ${r.seconds.toFixed(2)} s | ${mb(r.peak)} |`);
}
lines.push("", "| target | measured | goal | met |", "| --- | ---: | ---: | --- |");
for (const [name, value, goal] of targets) lines.push(`| ${name} | ${value.toFixed(name.includes("MB") ? 0 : 3)} | ≤ ${goal} | ${value <= goal ? "yes" : "no"} |`);
lines.push("", `For reference, 1 thread / the parse floor with the same young generation: ${ratio(results.oneThread.seconds, results.parseFloorYoung.seconds).toFixed(3)}.`);
const base = results.linear[0];
if (base) lines.push("", "| size | MB | wall time | seconds per MB, relative to the smallest |", "| --- | ---: | ---: | ---: |");
for (const l of results.linear) lines.push(`| ${l.copies} copies | ${l.mb.toFixed(1)} | ${l.seconds.toFixed(2)} s | ${((l.seconds / l.mb) / (base.seconds / base.mb)).toFixed(2)} |`);
const table = lines.join("\n");
console.log(`\n${table}\n`);
writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), files: fullFiles.length, bytes: fullBytes, runs, results, targets: targets.map(([name, value, goal]) => ({ name, value, goal, met: value <= goal })), table }, null, 2));
console.log(`bench: results written to ${out}`);
rmSync(work, { recursive: true, force: true });
