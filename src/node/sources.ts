import { posix } from "node:path";
import { parse as parseYaml } from "yaml";

/** A `{source, translation}` path or pattern pair, as the configuration's `pairs` holds them. */
export interface PairPattern {
  source: string;
  translation: string;
}

export interface SourceQuery {
  /** The translation, as an absolute path with `/` separators. */
  filePath: string;
  /** Its text, for a front-matter key naming its source. */
  text?: string;
  /** The configuration's pairs and the folder their relative paths start from. */
  pairs?: { patterns: PairPattern[]; baseDir: string };
  /** `--source-root`: the source tree, and the folders named on the command line. */
  sourceRoot?: { root: string; translationRoots: string[] };
  exists(path: string): boolean;
}

/** What named a translation's source. */
export type SourceVia = "front matter" | "pairs" | "--source-root";

export type SourceResolution =
  /** The translation's source file; `found` is false when it does not exist. */
  | { kind: "source"; path: string; found: boolean; via: SourceVia }
  /** The file is itself in the source tree: not a translation. */
  | { kind: "is-source" }
  /** Nothing names a source: the file is linted on its own (inline bilingual or monolingual). */
  | { kind: "none" };

/** The front-matter key a translation names its source file with. */
export const SOURCE_KEY = "source";

const MARKDOWN_PATH = /\.(?:md|mdx|markdown)$/i;

function frontMatterSource(text: string | undefined): string | undefined {
  const header = text?.replace(/^\uFEFF/, "").match(/^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/);
  // Most headers have no such key at all, and reading YAML costs far more than looking.
  if (!header || !header[1].includes(SOURCE_KEY)) return undefined;
  let data: unknown;
  try {
    data = parseYaml(header[1]);
  } catch {
    return undefined;
  }
  const value = data && typeof data === "object" ? (data as Record<string, unknown>)[SOURCE_KEY] : undefined;
  // `source` may credit where a text came from ("Reuters", a URL): only a Markdown path names a file.
  if (typeof value !== "string" || /^[a-z][a-z0-9+.-]*:/i.test(value) || !MARKDOWN_PATH.test(value.trim())) return undefined;
  return value.trim();
}

const LANGUAGE_TAG = "[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*";

/** A pattern's pieces: literal text, `**`, `*`, `{lang}`, or a choice `{a,b}`. */
type Piece = { literal: string } | { wildcard: "**" | "*" | "lang" } | { choice: string[] };

function pieces(pattern: string): Piece[] {
  const out: Piece[] = [];
  const token = /\*\*\/?|\*|\{lang\}|\{([^{}]*,[^{}]*)\}/g;
  let at = 0;
  for (const m of pattern.matchAll(token)) {
    if (m.index > at) out.push({ literal: pattern.slice(at, m.index) });
    if (m[0].startsWith("**")) out.push({ wildcard: "**" });
    else if (m[0] === "*") out.push({ wildcard: "*" });
    else if (m[0] === "{lang}") out.push({ wildcard: "lang" });
    else out.push({ choice: m[1].split(",") });
    at = m.index + m[0].length;
  }
  if (at < pattern.length) out.push({ literal: pattern.slice(at) });
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Matches a path against a translation pattern; the wildcards' values in order, or null. */
function matchPattern(pattern: string, path: string): Array<{ wildcard: string; value: string }> | null {
  const list = pieces(pattern);
  const wildcards: string[] = [];
  let source = "^";
  for (const piece of list) {
    if ("literal" in piece) source += escapeRegExp(piece.literal);
    else if ("choice" in piece) source += `(?:${piece.choice.map(escapeRegExp).join("|")})`;
    else {
      wildcards.push(piece.wildcard);
      // `**/` may stand for no folder at all, as in globs.
      source += piece.wildcard === "**" ? "((?:.*/)?.*?)" : piece.wildcard === "*" ? "([^/]*)" : `(${LANGUAGE_TAG})`;
    }
  }
  const match = path.match(new RegExp(`${source}$`));
  if (!match) return null;
  return wildcards.map((wildcard, k) => ({ wildcard, value: match[k + 1] }));
}

/**
 * Fills a source pattern with the values the translation pattern matched: `{lang}` takes the
 * language, and `**` and `*` take the values of the translation's `**` and `*`, in order.
 * A choice `{a,b}` gives one candidate per alternative.
 */
function fillPattern(pattern: string, values: Array<{ wildcard: string; value: string }>): string[] {
  const queues = new Map<string, string[]>();
  for (const v of values) queues.set(v.wildcard, [...(queues.get(v.wildcard) ?? []), v.value]);
  let candidates = [""];
  for (const piece of pieces(pattern)) {
    let next: string[];
    if ("literal" in piece) next = [piece.literal];
    else if ("choice" in piece) next = piece.choice;
    else {
      const queue = queues.get(piece.wildcard) ?? [];
      next = [queue.length > 0 ? queue.shift()! : ""];
    }
    candidates = candidates.flatMap((c) => next.map((n) => c + n));
  }
  return candidates.map((c) => c.replace(/\/{2,}/g, "/"));
}

function isUnder(path: string, folder: string): boolean {
  const relative = posix.relative(folder, path);
  return relative !== "" && !relative.startsWith("..") && !posix.isAbsolute(relative);
}

function fromPairs(query: SourceQuery): string[] {
  if (!query.pairs) return [];
  const relative = posix.relative(query.pairs.baseDir, query.filePath);
  for (const pair of query.pairs.patterns) {
    const values = matchPattern(posix.normalize(pair.translation), relative);
    if (!values) continue;
    const candidates = fillPattern(posix.normalize(pair.source), values)
      .map((c) => posix.resolve(query.pairs!.baseDir, c))
      .filter((c) => c !== query.filePath);
    if (candidates.length > 0) return candidates;
  }
  return [];
}

/**
 * Where a file under `--source-root` pairs: the same relative path under the source root, the
 * path taken from the command-line folder that holds the file or from the source root's sibling
 * folder that does (`docs/en` ↔ `docs/pt-br`).
 */
function fromSourceRoot(query: SourceQuery): string[] {
  if (!query.sourceRoot) return [];
  const { root, translationRoots } = query.sourceRoot;
  const candidates: string[] = [];
  const holders = translationRoots.filter((t) => isUnder(query.filePath, t)).sort((a, b) => b.length - a.length);
  for (const holder of holders) candidates.push(posix.join(root, posix.relative(holder, query.filePath)));
  const parent = posix.dirname(root);
  if (isUnder(query.filePath, parent)) {
    const [, ...rest] = posix.relative(parent, query.filePath).split("/");
    if (rest.length > 0) candidates.push(posix.join(root, ...rest));
  }
  // The exact path first: the others only stand in when it does not exist.
  return [...new Set([...candidates, ...candidates.flatMap(samePageNames)])];
}

/**
 * The other names a site generator gives the same page: Hugo and most static-site generators
 * serve `x.md`, `x/index.md` and `x/_index.md` at one address, so a translation may keep the page
 * under one name while its source moved to another.
 */
export function samePageNames(path: string): string[] {
  const match = /^(.*?)(\/(?:_?index))?(\.(?:md|mdx|markdown))$/i.exec(path);
  if (!match) return [];
  const [, stem, bundle, extension] = match;
  if (bundle) return [`${stem}${extension}`, `${stem}${bundle.startsWith("/_") ? "/index" : "/_index"}${extension}`];
  return [`${stem}/_index${extension}`, `${stem}/index${extension}`];
}

/**
 * Finds the source file of a translation: a front-matter `source` key first (relative to the
 * translation's folder), then the configuration's `pairs`, then `--source-root`. The first way
 * that names a source decides; among its candidates, the first that exists.
 */
export function resolveSource(query: SourceQuery): SourceResolution {
  if (query.sourceRoot && isUnder(query.filePath, query.sourceRoot.root)) return { kind: "is-source" };
  const named = frontMatterSource(query.text);
  const ways: Array<[SourceVia, string[]]> = [
    ["front matter", named ? [posix.resolve(posix.dirname(query.filePath), named)] : []],
    ["pairs", fromPairs(query)],
    ["--source-root", fromSourceRoot(query)],
  ];
  for (const [via, candidates] of ways) {
    if (candidates.length === 0) continue;
    const found = candidates.find((c) => query.exists(c));
    return { kind: "source", path: found ?? candidates[0], found: found !== undefined, via };
  }
  return { kind: "none" };
}

export interface SourceFinderOptions {
  /** `--source-root`, absolute. */
  sourceRoot?: string;
  /** Without `--source-root`, the source root a file's configuration names (absolute). */
  sourceRootFor?(filePath: string): string | undefined;
  /** The folders named on the command line, absolute. */
  paths: string[];
  /** The pairs that apply to a file (from the configuration that applies to it). */
  pairsFor(filePath: string): { patterns: PairPattern[]; baseDir: string } | undefined;
  exists(path: string): boolean;
}

function toPosix(path: string): string {
  return path.replace(/\\/g, "/");
}

/** What the command line needs: the engine's `sourceFor`, and which files are sources, not translations. */
export function sourceFinder(options: SourceFinderOptions): {
  sourceFor(filePath: string, text: string): string | undefined;
  isSource(filePath: string): boolean;
} {
  const rootAndTranslations = (root: string) => ({ root: toPosix(root), translationRoots: options.paths.map(toPosix).filter((p) => !isUnder(p, toPosix(root)) && p !== toPosix(root)) });
  const sourceRoot = options.sourceRoot ? rootAndTranslations(options.sourceRoot) : undefined;
  const configuredRoot = (filePath: string) => {
    const root = options.sourceRootFor?.(filePath);
    return root ? rootAndTranslations(root) : undefined;
  };
  const query = (filePath: string, text?: string): SourceQuery => ({
    filePath: toPosix(filePath),
    text,
    pairs: options.pairsFor(filePath),
    sourceRoot: sourceRoot ?? configuredRoot(filePath),
    exists: options.exists,
  });
  return {
    sourceFor(filePath, text) {
      const resolution = resolveSource(query(filePath, text));
      return resolution.kind === "source" ? resolution.path : undefined;
    },
    isSource: (filePath) => resolveSource(query(filePath)).kind === "is-source",
  };
}
