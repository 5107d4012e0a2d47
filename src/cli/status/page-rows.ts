import { statSync } from "node:fs";
import { basename, relative, resolve, sep } from "node:path";
import fg from "fast-glob";
import type { FileStatus } from "./report.js";
import { pageState, type PageRow } from "./pages.js";

const posix = (path: string) => path.split(sep).join("/");

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function inside(folder: string, file: string): boolean {
  const rel = relative(folder, file);
  return rel !== "" && !rel.startsWith("..") && !rel.startsWith(sep);
}

/** The language most of a folder's translations are in, or the folder's name when it has none. */
function folderLanguage(folder: string, files: FileStatus[]): string {
  const counts = new Map<string, number>();
  for (const f of files) if (f.language) counts.set(f.language, (counts.get(f.language) ?? 0) + 1);
  const top = [...counts].sort((a, b) => b[1] - a[1])[0];
  return top ? top[0] : basename(folder);
}

/**
 * One row per page and language: each translation measured, and, with a source root, each source
 * page a language folder named on the command line has no translation of (missing).
 */
export function pageRows(files: FileStatus[], options: { cwd: string; sourceRoot?: string; paths: string[] }): PageRow[] {
  const root = options.sourceRoot === undefined ? undefined : resolve(options.cwd, options.sourceRoot);
  const pageOf = (f: FileStatus) => posix(f.source && root && inside(root, f.source) ? relative(root, f.source) : relative(options.cwd, f.source ?? f.file));
  const rows: PageRow[] = files.map((f) => ({ page: f.mode === "inline" ? posix(relative(options.cwd, f.file)) : pageOf(f), language: f.language ?? "unknown", state: pageState(f), file: f.file, status: f }));
  if (!root) return rows;
  const sources = fg.sync("**/*.{md,mdx,markdown}", { cwd: root, onlyFiles: true, dot: false }).sort();
  for (const folder of options.paths.map((p) => resolve(options.cwd, p)).filter(isFolder)) {
    if (folder === root) continue;
    const here = files.filter((f) => inside(folder, f.file));
    const language = folderLanguage(folder, here);
    const translated = new Set(here.map((f) => posix(relative(folder, f.file))));
    for (const page of sources) if (!translated.has(page)) rows.push({ page, language, state: "missing", file: resolve(root, page) });
  }
  return rows.sort((a, b) => a.page.localeCompare(b.page) || a.language.localeCompare(b.language));
}
