#!/usr/bin/env node
// npm run bench:lsp [-- --keystrokes N]
// The language server as an editor meets it: `nl-lint lsp --stdio` is started fresh for each page,
// the page is opened (the first lint, dictionaries loaded then) and then typed into, one letter at a
// time, each change answered with diagnostics: a word of the page's own is typed again and again at
// the end of the translated line nearest the middle (each half-typed word is new to the speller, as
// when a translator types). Prints the first lint and the median re-lint after a
// keystroke, the server's pause for typing (LINT_DELAY_MS) taken out. Pages: the seed post (inline,
// ../shared/seeds) and a median-size Tauri page in French with its English source (parallel);
// without ../shared, the project's own example post.
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createProtocolConnection, PublishDiagnosticsNotification, StreamMessageReader, StreamMessageWriter } from "vscode-languageserver-protocol/node";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const shared = resolve(root, "..", "shared");
const args = process.argv.slice(2);
const keystrokes = Number(args[args.indexOf("--keystrokes") + 1] ?? 0) || 21;

if (!existsSync(join(root, "dist", "src", "lsp", "server.js"))) {
  console.error("bench-lsp: run `npm run build` first");
  process.exit(2);
}
const { LINT_DELAY_MS } = await import(pathToFileURL(join(root, "dist", "src", "lsp", "server.js")).href);

/**
 * The server's CPU time so far, in ms (Linux: /proc/<pid>/stat, in ticks of 10 ms): on a machine
 * other jobs share, wall time waits for the processor, and CPU time says what the lint itself costs.
 */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /, "").split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function filesUnder(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/** The French Tauri page of median size whose English source exists, copied with it beside a configuration that pairs them. */
function parallelPage() {
  const tauri = join(shared, "corpus", "tauri");
  if (!existsSync(join(tauri, "fr"))) return undefined;
  const pages = filesUnder(join(tauri, "fr"))
    .filter((path) => /\.mdx?$/.test(path) && existsSync(join(tauri, "en", relative(join(tauri, "fr"), path))))
    .sort((a, b) => statSync(a).size - statSync(b).size);
  const page = pages[pages.length >> 1];
  const work = mkdtempSync(join(tmpdir(), "nl-lint-bench-lsp-"));
  const name = relative(join(tauri, "fr"), page);
  for (const [from, to] of [[page, join(work, "fr", name)], [join(tauri, "en", name), join(work, "en", name)]]) {
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(from, to);
  }
  writeFileSync(join(work, ".nl-lint.json"), JSON.stringify({ pairs: [{ source: "en/**", translation: "fr/**" }] }));
  return { label: `parallel: tauri fr/${name} (${statSync(page).size} bytes)`, root: work, path: join(work, "fr", name) };
}

/** A median-size chapter of the inline Japanese books: the seed post is three times an inline page's usual size. */
function medianInlineChapter() {
  const books = join(shared, "corpus", "rust-ja");
  if (!existsSync(books)) return undefined;
  const chapters = readdirSync(books, { recursive: true })
    .map((name) => join(books, name))
    .filter((path) => path.endsWith(".md") && statSync(path).size > 0)
    .sort((a, b) => statSync(a).size - statSync(b).size || a.localeCompare(b));
  if (chapters.length === 0) return undefined;
  const path = chapters[chapters.length >> 1];
  return { label: `inline: rust-ja ${relative(books, path)}, the median chapter (${statSync(path).size} bytes)`, root: dirname(path), path };
}

function pages() {
  const seeds = join(shared, "seeds");
  const seed = existsSync(seeds) ? readdirSync(seeds).find((name) => name.startsWith("000_")) : undefined;
  const list = [];
  if (seed) list.push({ label: `inline: the seed post (${statSync(join(seeds, seed)).size} bytes)`, root: seeds, path: join(seeds, seed) });
  const chapter = medianInlineChapter();
  if (chapter) list.push(chapter);
  const parallel = parallelPage();
  if (parallel) list.push(parallel);
  if (list.length === 0) {
    const example = join(root, "fixtures", "examples", "boletim-12.pt-br.md");
    list.push({ label: `inline: fixtures/examples/boletim-12.pt-br.md (${statSync(example).size} bytes)`, root: join(root, "fixtures", "examples"), path: example });
  }
  return list;
}

/**
 * Where a translator types: the end of the line of translated prose nearest the page's middle (not
 * front matter, a comment or code), and what: the first word of five letters or more of that line.
 */
function typingPlace(text) {
  const lines = text.split("\n");
  const prose = [];
  let inComment = false;
  let inFence = false;
  let inFrontMatter = lines[0] === "---";
  lines.forEach((line, index) => {
    if (index > 0 && inFrontMatter && line === "---") inFrontMatter = false;
    else if (/^\s*(?:```|~~~)/.test(line)) inFence = !inFence;
    else if (!inFrontMatter && !inFence && !inComment && /^\p{L}/u.test(line) && /\p{L}{5,}/u.test(line)) prose.push(index);
    if (!inFence) inComment = (line.lastIndexOf("<!--") > line.lastIndexOf("-->")) || (inComment && !line.includes("-->"));
  });
  const middle = lines.length >> 1;
  const line = prose.sort((a, b) => Math.abs(a - middle) - Math.abs(b - middle))[0] ?? middle;
  return { line, word: lines[line].match(/\p{L}{5,}/u)?.[0] ?? "palavra" };
}

async function measure(page) {
  const child = spawn(process.execPath, [join(root, "bin", "nl-lint.js"), "lsp", "--stdio"], { cwd: page.root, stdio: ["pipe", "pipe", "inherit"] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  let published;
  connection.onNotification(PublishDiagnosticsNotification.type, () => published?.());
  connection.onRequest("client/registerCapability", () => null);
  connection.listen();
  const uri = pathToFileURL(page.path).href;
  await connection.sendRequest("initialize", { processId: process.pid, rootUri: pathToFileURL(page.root).href, capabilities: {} });
  await connection.sendNotification("initialized", {});
  const next = () => new Promise((resolvePublished) => (published = resolvePublished));
  let text = readFileSync(page.path, "utf8");
  let at = performance.now();
  let cpuAt = cpuMs(child.pid);
  let answered = next();
  await connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "markdown", version: 1, text } });
  await answered;
  const first = performance.now() - at;
  const firstCpu = cpuMs(child.pid) - cpuAt;
  // One letter a change, as an editor sends them.
  const { line, word } = typingPlace(text);
  const typed = ` ${word}`;
  const relints = [];
  const relintCpu = [];
  for (let k = 0; k < keystrokes; k++) {
    const column = text.split("\n")[line].length;
    const letter = typed[k % typed.length];
    text = text.split("\n").map((l, i) => (i === line ? `${l}${letter}` : l)).join("\n");
    answered = next();
    at = performance.now();
    cpuAt = cpuMs(child.pid);
    await connection.sendNotification("textDocument/didChange", {
      textDocument: { uri, version: k + 2 },
      contentChanges: [{ range: { start: { line, character: column }, end: { line, character: column } }, text: letter }],
    });
    await answered;
    relints.push(performance.now() - at - LINT_DELAY_MS);
    relintCpu.push(cpuMs(child.pid) - cpuAt);
  }
  await connection.sendRequest("shutdown");
  await connection.sendNotification("exit");
  connection.dispose();
  return { first, firstCpu, relint: median(relints), relintCpu: median(relintCpu), typed: `"${word}" on line ${line + 1}` };
}

console.log(`nl-lint lsp: first lint after opening, and the median re-lint after one keystroke (${keystrokes} keystrokes; the ${LINT_DELAY_MS} ms pause for typing not counted)`);
for (const page of pages()) {
  const { first, firstCpu, relint, relintCpu, typed } = await measure(page);
  const cpu = (ms) => (Number.isNaN(ms) ? "" : ` (server CPU ${ms.toFixed(0)} ms)`);
  console.log(`${page.label}: first lint ${first.toFixed(0)} ms${cpu(firstCpu)}, re-lint ${relint.toFixed(0)} ms${cpu(relintCpu)}; typed ${typed}`);
}
