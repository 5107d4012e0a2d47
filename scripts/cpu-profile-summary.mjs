#!/usr/bin/env node
// node scripts/cpu-profile-summary.mjs [--top N] [--by function|file|package] [--inclusive] PROFILE.cpuprofile...
// Sums the self time of a V8 CPU profile (written by `node --cpu-prof`, one file per thread) per
// function, per source file or per package, and prints the largest shares. With --inclusive, a
// function's time counts what it calls too (each sample once per function on its stack), which
// says what a rule or a stage costs in all. Profile a lint thread with, for example:
//   node --cpu-prof --cpu-prof-dir /tmp/prof bin/nl-lint.js --concurrency 1 --no-cache --format json <dir> > /dev/null
//   node scripts/cpu-profile-summary.mjs --by package /tmp/prof/*.cpuprofile
import { readFileSync } from "node:fs";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const [value] = args.splice(i, 2).slice(1);
  return value;
};
const top = Number(option("top", 30));
const by = option("by", "function");
const inclusiveAt = args.indexOf("--inclusive");
const inclusive = inclusiveAt >= 0;
if (inclusive) args.splice(inclusiveAt, 1);
if (args.length === 0 || !["function", "file", "package"].includes(by)) {
  console.error("usage: node scripts/cpu-profile-summary.mjs [--top N] [--by function|file|package] PROFILE.cpuprofile...");
  process.exit(2);
}

/** Where a frame's time is counted: a package's name, a file of the project, or V8's own work. */
function packageOf(url) {
  if (url === "") return "(V8: gc, idle, program)";
  const inModules = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (inModules) return inModules[1];
  if (url.startsWith("node:")) return "(node)";
  return url.replace(/^.*\/(dist|src|rules)\//, "$1/");
}

function keyOf(frame) {
  const { functionName, url, lineNumber } = frame;
  if (by === "package") return packageOf(url);
  const file = url.replace(/^file:\/\//, "").replace(/^.*\/node_modules\//, "");
  if (by === "file") return file || `(${functionName || "anonymous"})`;
  return `${functionName || "(anonymous)"} ${file ? `${file}:${lineNumber + 1}` : ""}`.trim();
}

const totals = new Map();
let total = 0;
for (const path of args) {
  const profile = JSON.parse(readFileSync(path, "utf8"));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parents = new Map();
  for (const n of profile.nodes) for (const child of n.children ?? []) parents.set(child, n.id);
  /** The keys a sample is counted to: its own frame's, or every frame's on its stack once. */
  const keysOf = (node) => {
    if (!inclusive) return [keyOf(node.callFrame)];
    const keys = new Set();
    for (let id = node.id; id !== undefined; id = parents.get(id)) keys.add(keyOf(nodes.get(id).callFrame));
    return [...keys];
  };
  // timeDeltas[i] is the time before samples[i] was taken: it is counted to that sample's frame.
  profile.samples.forEach((id, i) => {
    const micros = profile.timeDeltas[i] ?? 0;
    const node = nodes.get(id);
    if (!node || node.callFrame.functionName === "(idle)") return;
    for (const key of keysOf(node)) totals.set(key, (totals.get(key) ?? 0) + micros);
    total += micros;
  });
}

console.log(`${(total / 1e6).toFixed(2)} s of samples (idle left out) in ${args.length} profile(s), ${inclusive ? "inclusive" : "self"} time by ${by}:`);
for (const [key, micros] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`${(micros / 1e6).toFixed(2).padStart(8)} s ${((100 * micros) / total).toFixed(1).padStart(5)}%  ${key}`);
}
