import { readdirSync, readFileSync, statSync } from "node:fs";
import { posix, resolve } from "node:path";
import { anchorsOf } from "../text/anchors.js";
import type { FileView, PageAnchors } from "../core/rule.js";

/** How a view reaches the files: listing a folder and reading a Markdown file. */
export interface FileViewSource {
  /** The names in a folder, folders ending in `/`; undefined when it is no folder. */
  list(folder: string): string[] | undefined;
  read(file: string): string | undefined;
}

const MARKDOWN = /\.(?:md|mdx|markdown)$/i;

function toPosix(path: string): string {
  return path.replace(/\\/g, "/");
}

function isUnder(path: string, root: string): boolean {
  return path === root || path.startsWith(root.endsWith("/") ? root : `${root}/`);
}

/**
 * A view of the files under some folders, answering lazily and remembering each answer, so that a
 * run lists a folder and reads a page at most once however many links point there.
 */
export function createFileView(options: { roots: string[]; source: FileViewSource }): FileView {
  const roots = options.roots.map((r) => posix.normalize(toPosix(r)).replace(/(.)\/$/, "$1"));
  const listings = new Map<string, string[] | undefined>();
  const anchorSets = new Map<string, PageAnchors | undefined>();
  const covers = (path: string) => roots.some((root) => isUnder(path, root));
  const entries = (folder: string): string[] | undefined => {
    const key = posix.normalize(toPosix(folder)).replace(/(.)\/$/, "$1");
    if (!covers(key)) return undefined;
    if (!listings.has(key)) listings.set(key, options.source.list(key));
    return listings.get(key);
  };
  // A folder's names as a set: links are looked up by the thousand, and a listing by the hundred.
  const nameSets = new Map<string, Set<string> | undefined>();
  const namesIn = (folder: string): Set<string> | undefined => {
    if (!nameSets.has(folder)) {
      const listing = entries(folder);
      nameSets.set(folder, listing && new Set(listing));
    }
    return nameSets.get(folder);
  };
  const exists = (path: string): boolean | undefined => {
    const normal = posix.normalize(toPosix(path)).replace(/(.)\/$/, "$1");
    if (!covers(normal)) return undefined;
    if (roots.includes(normal)) return entries(normal) !== undefined;
    const names = namesIn(posix.dirname(normal));
    const name = posix.basename(normal);
    return names !== undefined && (names.has(name) || names.has(`${name}/`));
  };
  return {
    entries,
    exists,
    anchors(path) {
      const normal = posix.normalize(toPosix(path));
      if (!MARKDOWN.test(normal) || !covers(normal)) return undefined;
      if (!anchorSets.has(normal)) {
        const text = exists(normal) ? options.source.read(normal) : undefined;
        anchorSets.set(normal, text === undefined ? undefined : anchorsOf(text));
      }
      return anchorSets.get(normal);
    },
  };
}

/** The file system as a view source. */
export const diskSource: FileViewSource = {
  list(folder) {
    try {
      return readdirSync(folder, { withFileTypes: true }).map((entry) => {
        let isFolder = entry.isDirectory();
        if (entry.isSymbolicLink()) {
          try {
            isFolder = statSync(posix.join(folder, entry.name)).isDirectory();
          } catch {
            // A dangling link: a name that leads nowhere, kept as a file.
          }
        }
        return isFolder ? `${entry.name}/` : entry.name;
      });
    } catch {
      return undefined;
    }
  },
  read(file) {
    try {
      return readFileSync(file, "utf8");
    } catch {
      return undefined;
    }
  },
};

/** A view of the file system under the given folders. */
export function diskFileView(roots: string[]): FileView {
  return createFileView({ roots, source: diskSource });
}

/**
 * The folders a run's view covers: the working folder, the source root and the folders named on
 * the command line (a file or a glob stands for the folder it is in).
 */
export function viewRoots(options: { cwd: string; paths: string[]; sourceRoot?: string }): string[] {
  const folders = new Set<string>([toPosix(resolve(options.cwd))]);
  if (options.sourceRoot) folders.add(toPosix(resolve(options.cwd, options.sourceRoot)));
  for (const path of options.paths) {
    const literal = toPosix(path).split("/");
    const glob = literal.findIndex((segment) => /[*?[\]{}!]/.test(segment));
    let folder = toPosix(resolve(options.cwd, glob >= 0 ? literal.slice(0, glob).join("/") || "." : path));
    if (glob < 0 && diskSource.list(folder) === undefined) folder = posix.dirname(folder);
    folders.add(folder);
  }
  return [...folders];
}
