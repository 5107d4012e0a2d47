#!/usr/bin/env node
// npm run eval:mutations [-- --seed S] [--n N] [--jobs J] [--corpus DIR] [--only NAME,...] [--classes C,...] [--json] [--misses FILE]
// Recall on real text: plants one defect at a time in real translations of ../shared/corpus (a fixed,
// printed seed chooses where), lints the file before and after with the built core, and counts the
// mutation found when a new finding touches the place it was planted (see classifyFindings in
// eval-mutations-plant.mjs for "new" and "at the place"). New findings anywhere else are counted as
// findings the mutation caused elsewhere. Skips cleanly without ../shared. Needs `npm run build`.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { isMainThread, parentPort, Worker } from "node:worker_threads";
import { NOT_APPLICABLE, PLANTERS, applySplices, classifyFindings, randomSource, scriptOf } from "./eval-mutations-plant.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const seed = Number(flag("seed", 16));
const perClass = Number(flag("n", 20));
const corpus = resolve(flag("corpus", resolve(root, "..", "shared", "corpus")));
const onlyCorpora = flag("only", "").split(",").filter(Boolean);
const onlyClasses = flag("classes", "").split(",").filter(Boolean);
const asJson = args.includes("--json");
const jobs = Number(flag("jobs", 2));
const missesFile = flag("misses", undefined);

if (!existsSync(corpus)) {
  console.log(`eval:mutations: skipped (no corpus at ${corpus})`);
  process.exit(0);
}
if (!existsSync(join(root, "dist", "src", "core", "lint.js"))) {
  console.error("eval:mutations: run `npm run build` first");
  process.exit(2);
}
const { lint } = await import(join(root, "dist", "src", "core", "lint.js"));
const { loadSpellers } = await import(join(root, "dist", "src", "node", "hunspell.js"));
const { diskFileView } = await import(join(root, "dist", "src", "node", "file-view.js"));
const { anchorsOf } = await import(join(root, "dist", "src", "text", "anchors.js"));
// The same services the command line hands the core: dictionaries and a view of the files around.
const settings = { speller: await loadSpellers(), files: diskFileView([corpus.replaceAll("\\", "/")]) };

function markdownFiles(dir, found = []) {
  if (!existsSync(dir)) return found;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) markdownFiles(path, found);
    else if (/\.(md|mdx)$/i.test(entry.name)) found.push(path);
  }
  return found.sort();
}

/** Translations beside the English file of the same relative path. */
function parallel(name, language, translations, english) {
  const files = markdownFiles(translations)
    .map((file) => ({ file, source: join(english, relative(translations, file)) }))
    .filter((f) => existsSync(f.source));
  return { name, language, files };
}

function inline(name, language, files) {
  return { name, language, files: files.filter((f) => readFileSync(f, "utf8").includes("<!--")).map((file) => ({ file })) };
}

function corpora() {
  const dair = join(corpus, "dair-ai-newsletter");
  const list = [
    inline("dair pt-BR inline", "pt-br", markdownFiles(dair).filter((f) => f.includes("[PT-BR]"))),
    inline("rust-ja inline", "ja", markdownFiles(join(corpus, "rust-ja"))),
    parallel("react pt-br", "pt-br", join(corpus, "react", "pt-br"), join(corpus, "react", "en")),
    ...["ja", "fr", "pt", "zh"].map((l) => parallel(`otel ${l}`, l, join(corpus, "opentelemetry", l), join(corpus, "opentelemetry", "en"))),
    ...["zh-cn", "fr", "es"].map((l) => parallel(`tauri ${l}`, l, join(corpus, "tauri", l), join(corpus, "tauri", "en"))),
  ];
  return list.filter((c) => c.files.length > 0 && (onlyCorpora.length === 0 || onlyCorpora.some((o) => c.name.includes(o))));
}

function lintText(entry, text) {
  const source = entry.sourceText === undefined ? undefined : { text: entry.sourceText, filePath: entry.source };
  return lint(text, { filePath: entry.file, ...(source ? { source } : {}), settings });
}

const WORD = /\p{L}[\p{L}\p{N}]*/gu;

/** What planting needs of one file: its text, its untouched findings, segments and pairs. */
const contexts = new Map();
function contextOf(entry, language) {
  if (contexts.has(entry.file)) return contexts.get(entry.file);
  if (contexts.size > 150) contexts.delete(contexts.keys().next().value);
  const text = readFileSync(entry.file, "utf8").replace(/^\uFEFF/, "");
  const sourceText = entry.source ? readFileSync(entry.source, "utf8").replace(/^\uFEFF/, "") : undefined;
  const { findings, document } = lintText({ ...entry, sourceText }, text);
  const english = sourceText ?? document.segments.filter((s) => s.side === "source").map((s) => s.raw).join("\n");
  const context = {
    entry: { ...entry, sourceText },
    text,
    sourceText,
    mode: document.mode,
    segments: document.segments,
    pairs: document.pairs,
    findings,
    script: scriptOf(language),
    sourceWords: new Set(english.match(WORD) ?? []),
  };
  contexts.set(entry.file, context);
  return context;
}

const lineOf = (text, offset) => text.slice(0, offset).split("\n").length;

/**
 * Whether a finding is at a same-page link to an anchor the mutation removed (a heading left in
 * English or dropped takes its translated slug with it): the link is broken by the planted defect
 * itself, so the finding is right, and no noise elsewhere; it is not the defect found either.
 */
function brokenByMutation(finding, before, after) {
  const kept = anchorsOf(after).ids;
  const lost = [...anchorsOf(before).ids].filter((id) => !kept.has(id));
  if (lost.length === 0) return false;
  let at = after.slice(finding.start, finding.end).toLowerCase();
  try {
    at = decodeURIComponent(at);
  } catch {
    // A malformed escape: compare the text as written.
  }
  return lost.some((id) => at.includes(`#${id}`));
}

function evaluate(corpusEntry, klass, random) {
  const planted = [];
  const keys = new Set();
  for (let attempt = 0; attempt < perClass * 30 && planted.length < perClass; attempt++) {
    const entry = random.pick(corpusEntry.files);
    const context = contextOf(entry, corpusEntry.language);
    if (context.mode === "monolingual") continue;
    const mutation = PLANTERS[klass](context, random);
    if (!mutation) continue;
    const key = `${entry.file}|${JSON.stringify(mutation.splices.map((s) => [s.start, s.end, s.insert]))}`;
    if (keys.has(key)) continue;
    keys.add(key);
    const text = applySplices(context.text, mutation.splices);
    const after = lintText(context.entry, text).findings;
    const { near, elsewhere: all } = classifyFindings(mutation, context.findings, after, context.mode);
    const elsewhere = all.filter((f) => !brokenByMutation(f, context.text, text));
    planted.push({
      file: relative(corpus, entry.file),
      line: lineOf(context.text, mutation.splices[0].start),
      note: mutation.note,
      found: near.length > 0,
      by: [...new Set(near.map((f) => f.ruleId))],
      elsewhere: elsewhere.map((f) => `${f.ruleId}:${f.line}`),
    });
  }
  return planted;
}

const classes = Object.keys(PLANTERS).filter((c) => onlyClasses.length === 0 || onlyClasses.includes(c));

/** A seed of its own for each corpus and class: the same mutations whatever the threads and filters. */
function seedFor(...parts) {
  let hash = seed >>> 0;
  for (const ch of parts.join("|")) hash = Math.imul(hash ^ ch.codePointAt(0), 0x01000193) >>> 0;
  return hash;
}

const notApplicable = (corpusEntry, klass) => NOT_APPLICABLE[klass]?.scripts.includes(scriptOf(corpusEntry.language)) ?? false;

function evaluateCorpus(corpusEntry) {
  const rows = classes.map((klass) =>
    notApplicable(corpusEntry, klass)
      ? { corpus: corpusEntry.name, klass, planted: [], notApplicable: true }
      : { corpus: corpusEntry.name, klass, planted: evaluate(corpusEntry, klass, randomSource(seedFor(corpusEntry.name, klass))) },
  );
  contexts.clear();
  return rows;
}

if (!isMainThread) {
  parentPort.on("message", (name) => {
    const corpusEntry = corpora().find((c) => c.name === name);
    parentPort.postMessage(evaluateCorpus(corpusEntry));
  });
  await new Promise(() => {});
}

const started = Date.now();
/** Each corpus on the first free thread; the rows come back in the corpora's order. */
async function evaluateAll(list) {
  const results = new Array(list.length);
  let next = 0;
  const threads = Math.max(1, Math.min(jobs, list.length));
  await Promise.all(
    Array.from({ length: threads }, async () => {
      const worker = new Worker(fileURLToPath(import.meta.url), { argv: args });
      while (next < list.length) {
        const index = next++;
        results[index] = await new Promise((resolveRows, reject) => {
          worker.once("message", resolveRows);
          worker.once("error", reject);
          worker.postMessage(list[index].name);
        });
        if (!asJson) process.stderr.write(`eval:mutations: ${list[index].name} done (${Math.round((Date.now() - started) / 1000)} s)\n`);
      }
      await worker.terminate();
    }),
  );
  return results.flat();
}
const rows = await evaluateAll(corpora());

const summary = (planted) => {
  const found = planted.filter((p) => p.found).length;
  const elsewhere = planted.reduce((n, p) => n + p.elsewhere.length, 0);
  return { planted: planted.length, found, recall: planted.length ? found / planted.length : null, elsewherePerMutation: planted.length ? elsewhere / planted.length : null };
};

if (missesFile) {
  const misses = rows.flatMap((r) => r.planted.filter((p) => !p.found || p.elsewhere.length).map((p) => ({ corpus: r.corpus, klass: r.klass, ...p })));
  writeFileSync(missesFile, JSON.stringify(misses, null, 1));
}
if (asJson) {
  console.log(JSON.stringify({ seed, perClass, rows: rows.map((r) => ({ corpus: r.corpus, klass: r.klass, ...(r.notApplicable ? { notApplicable: true } : {}), ...summary(r.planted), mutations: r.planted })) }, null, 1));
  process.exit(0);
}

const corpusNames = [...new Set(rows.map((r) => r.corpus))];
const cell = (planted) => {
  const s = summary(planted);
  return s.planted ? `${s.found}/${s.planted}` : "-";
};
const pad = (s, n) => String(s).padEnd(n);
const width = Math.max(...corpusNames.map((n) => n.length), 7) + 1;
console.log(`eval:mutations: seed ${seed}, up to ${perClass} mutations per class and corpus, ${Math.round((Date.now() - started) / 1000)} s`);
console.log(`found/planted (a new finding at the mutated place)\n`);
console.log(pad("class", 24) + corpusNames.map((n) => pad(n, width)).join("") + pad("recall", 8) + "elsewhere/mutation");
for (const klass of classes) {
  const mine = rows.filter((r) => r.klass === klass);
  const all = summary(mine.flatMap((r) => r.planted));
  const cells = corpusNames.map((n) => {
    const row = mine.find((r) => r.corpus === n);
    return pad(row?.notApplicable ? "n/a" : cell(row?.planted ?? []), width);
  });
  console.log(pad(klass, 24) + cells.join("") + pad(all.recall === null ? "-" : all.recall.toFixed(2), 8) + (all.elsewherePerMutation === null ? "-" : all.elsewherePerMutation.toFixed(3)));
}
const total = corpusNames.map((n) => pad(cell(rows.filter((r) => r.corpus === n).flatMap((r) => r.planted)), width));
const overall = summary(rows.flatMap((r) => r.planted));
console.log(pad("all", 24) + total.join("") + pad(overall.recall === null ? "-" : overall.recall.toFixed(2), 8) + (overall.elsewherePerMutation === null ? "-" : overall.elsewherePerMutation.toFixed(3)));
for (const [klass, { scripts, why }] of Object.entries(NOT_APPLICABLE)) {
  if (rows.some((r) => r.klass === klass && r.notApplicable)) console.log(`n/a: ${klass} is not measured in ${scripts.join(", ")}: ${why}.`);
}
