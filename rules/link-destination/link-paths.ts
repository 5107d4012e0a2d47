import * as posix from "../../src/text/posix-path.js";
import type { FileView } from "../../src/core/rule.js";

/** How a site turns link paths into files; the options of `link-destination`. */
export interface SiteConventions {
  /** Page extensions a link may leave out: `./setup` is `setup.md`. */
  extensions: string[];
  /** Files that stand for their folder: `./guide/` is `guide/index.md`. */
  indexNames: string[];
  /**
   * Site-absolute link prefixes and the folders they map to (`"/": "src/content"`), the folder
   * found as an ancestor of the linted file (or below one); `{lang}` stands for one folder name.
   */
  roots: Record<string, string>;
  /**
   * What an extensionless relative link is relative to: the file's folder (GitHub, Next.js) or the
   * page's own URL, one level deeper (Hugo's `/docs/page/`); `either` accepts both.
   */
  relativeTo: "file" | "page" | "either";
}

/** A link that stays on the site: its path (decoded, "" for a fragment alone), query and fragment. */
export interface LocalLink {
  path: string;
  query: string;
  fragment?: string;
  trailingSlash: boolean;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** The parts of a link that leads to this site; undefined for other sites, templating and mail links. */
export function parseLocalLink(url: string): LocalLink | undefined {
  const trimmed = url.trim();
  // Braces, angle brackets and spaces come from templating or JSX: only the built site knows them.
  if (trimmed === "" || SCHEME.test(trimmed) || trimmed.startsWith("//") || /[{}<>\s\\]|^[~$@]/.test(trimmed)) return undefined;
  const hash = trimmed.indexOf("#");
  const beforeHash = hash >= 0 ? trimmed.slice(0, hash) : trimmed;
  const fragment = hash >= 0 ? decode(trimmed.slice(hash + 1)) : undefined;
  const question = beforeHash.indexOf("?");
  const rawPath = question >= 0 ? beforeHash.slice(0, question) : beforeHash;
  const path = decode(rawPath);
  if (path === undefined || (hash >= 0 && fragment === undefined)) return undefined;
  if (path === "" && question >= 0) return undefined;
  return {
    path,
    query: question >= 0 ? beforeHash.slice(question) : "",
    ...(fragment !== undefined ? { fragment } : {}),
    trailingSlash: path.endsWith("/"),
  };
}

const MARKDOWN = /\.(?:md|mdx|markdown)$/i;

/** A file extension, as opposed to a version number's dot (`v1.2`). */
function extensionOf(path: string): string {
  const ext = posix.extname(path);
  return /^\.[a-z0-9]{1,8}$/i.test(ext) && /[a-z]/i.test(ext) ? ext : "";
}

export function isPagePath(path: string, conventions: SiteConventions): boolean {
  const ext = extensionOf(path).toLowerCase();
  return ext === "" || /^\.html?$/.test(ext) || MARKDOWN.test(path) || conventions.extensions.includes(ext);
}

/** The files a written path may be, in the order a site would look for them. */
export function fileCandidates(written: string, trailingSlash: boolean, conventions: SiteConventions): string[] {
  const path = written.replace(/(.)\/+$/, "$1");
  const ext = extensionOf(path);
  if (ext && !/^\.html?$/i.test(ext)) return [path];
  const stem = ext ? path.slice(0, -ext.length) : path;
  const own = conventions.extensions.map((e) => stem + e);
  const index = conventions.indexNames.flatMap((name) => conventions.extensions.map((e) => `${stem}/${name}${e}`));
  return [...new Set([...(trailingSlash ? [...index, ...own] : [...own, ...index]), path])];
}

/** Where a written path leads: the first candidate that exists, whether none does, or that the view cannot tell. */
export type Lookup = { found: string } | { missing: true } | { unknown: true };

export function lookUp(view: FileView, written: string, trailingSlash: boolean, conventions: SiteConventions): Lookup {
  let unknown = false;
  const candidates = fileCandidates(written, trailingSlash, conventions);
  for (const candidate of candidates) {
    const exists = view.exists(candidate);
    if (exists) return { found: candidate };
    if (exists === undefined) unknown = true;
  }
  // Site generators (Astro, Docusaurus, Hugo) lower-case file paths into URLs: `/develop/plugins/`
  // is `develop/Plugins/index.mdx`. A link naming the file itself (`Setup.md`) gets no such leeway.
  if (extensionOf(written.replace(/(.)\/+$/, "$1")) === "") {
    for (const candidate of candidates) {
      const found = ignoringCase(view, candidate);
      if (found) return { found };
    }
  }
  return unknown ? { unknown: true } : { missing: true };
}

/** The path that exists and differs from `path` only in letter case, found folder by folder from the nearest one that exists. */
function ignoringCase(view: FileView, path: string): string | undefined {
  const missing: string[] = [];
  let folder = path;
  while (view.exists(folder) === false) {
    missing.unshift(posix.basename(folder));
    folder = posix.dirname(folder);
    if (folder === posix.dirname(folder)) return undefined;
  }
  for (const name of missing) {
    const entry = view.entries(folder)?.find((e) => e.replace(/\/$/, "").toLowerCase() === name.toLowerCase());
    if (!entry) return undefined;
    folder = posix.join(folder, entry.replace(/\/$/, ""));
  }
  return folder;
}

/** Folders from a file's own up to the file system's root. */
export function ancestors(filePath: string): string[] {
  const out: string[] = [];
  for (let folder = posix.dirname(filePath); ; folder = posix.dirname(folder)) {
    out.push(folder);
    if (folder === posix.dirname(folder)) return out;
  }
}

/** The folder a configured root names for a file: an ancestor ending in it, else an ancestor holding it. */
function rootFolder(pattern: string, filePath: string, view: FileView): string | undefined {
  const wanted = pattern.split("/").filter((s) => s !== "" && s !== ".");
  const matches = (folder: string) => {
    const segments = folder.split("/");
    if (segments.length < wanted.length) return false;
    const tail = segments.slice(segments.length - wanted.length);
    return wanted.every((w, k) => w === "{lang}" || w === tail[k]);
  };
  const all = ancestors(filePath);
  const own = all.find(matches);
  if (own) return own;
  if (wanted.includes("{lang}")) return undefined;
  return all.map((a) => posix.join(a, ...wanted)).find((candidate) => view.exists(candidate));
}

/**
 * The folder a site-absolute path starts from, when no root is configured: the nearest ancestor
 * of the file that holds the path's first segment (`/learn/x` from `src/content/reference/y.md`
 * starts at `src/content`, which holds `learn`).
 */
function guessedRoot(path: string, filePath: string, view: FileView, conventions: SiteConventions): string | undefined {
  const first = path.split("/").find((s) => s !== "");
  if (!first) return undefined;
  const names = new Set([`${first}/`, first, ...conventions.extensions.map((e) => first + e)]);
  for (const folder of ancestors(filePath)) {
    const listing = view.entries(folder);
    if (listing === undefined) return undefined;
    if (listing.some((name) => names.has(name))) return folder;
  }
  return undefined;
}

/** A written target: the absolute path a link names, and the folder it was taken from. */
export interface Written {
  path: string;
  base: string;
  siteAbsolute: boolean;
}

/** The absolute paths a link may name, the likeliest first. */
export function writtenTargets(link: LocalLink, filePath: string, view: FileView, conventions: SiteConventions): Written[] {
  if (link.path.startsWith("/")) {
    const prefixes = Object.keys(conventions.roots).sort((a, b) => b.length - a.length);
    const prefix = prefixes.find((p) => link.path.startsWith(p) || `${link.path}/` === p);
    let base: string | undefined;
    let rest = link.path;
    if (prefix !== undefined) {
      base = rootFolder(conventions.roots[prefix], filePath, view);
      rest = link.path.slice(prefix.length);
    } else {
      base = guessedRoot(link.path, filePath, view, conventions);
    }
    return base === undefined ? [] : [{ path: posix.join(base, rest), base, siteAbsolute: true }];
  }
  const fileBase = posix.dirname(filePath);
  const stem = filePath.replace(/\.[^./]+$/, "");
  const isIndex = conventions.indexNames.includes(posix.basename(stem));
  // Only an extensionless link is a site URL, which a browser resolves against the page's own URL.
  const pageBase = isIndex || !isPagePath(link.path, conventions) || MARKDOWN.test(link.path) || /\.html?$/i.test(link.path) ? fileBase : stem;
  const bases =
    conventions.relativeTo === "file" ? [fileBase] : conventions.relativeTo === "page" ? [pageBase] : [...new Set([fileBase, pageBase])];
  return bases.map((base) => ({ path: posix.join(base, link.path), base, siteAbsolute: false }));
}

/** How many trailing segments of a path are missing: 1 when its folder exists, more when folders are missing too. */
export function missingDepth(path: string, view: FileView): number {
  let depth = 1;
  for (let folder = posix.dirname(path); folder !== posix.dirname(folder); folder = posix.dirname(folder)) {
    if (view.exists(folder) !== false) return depth;
    depth++;
  }
  return depth;
}

/** Whether a folder holds files other than pages: then assets are kept there, and a missing one is missing. */
export function holdsAssets(folder: string, view: FileView): boolean {
  return (view.entries(folder) ?? []).some((name) => !name.endsWith("/") && !MARKDOWN.test(name));
}

/**
 * The two trees of a parallel translation, from the paths of a translation and its source:
 * the folders left once their common trailing segments are removed (`…/pt/docs/a.md` and
 * `…/en/docs/a.md` give `…/pt` and `…/en`).
 */
export function mirrorRoots(translationPath: string, sourcePath: string): { translation: string; source: string } | undefined {
  const t = translationPath.split("/");
  const s = sourcePath.split("/");
  let shared = 0;
  while (shared < Math.min(t.length, s.length) - 1 && t[t.length - 1 - shared] === s[s.length - 1 - shared]) shared++;
  if (shared === 0) return undefined;
  const translation = t.slice(0, t.length - shared).join("/");
  const source = s.slice(0, s.length - shared).join("/");
  return translation === source ? undefined : { translation, source };
}

export function isUnder(path: string, folder: string): boolean {
  return path === folder || path.startsWith(`${folder}/`);
}

/** The same path in the other tree. */
export function mirrored(path: string, from: string, to: string): string | undefined {
  return isUnder(path, from) ? to + path.slice(from.length) : undefined;
}
