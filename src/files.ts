import fg from "fast-glob";
import { statSync } from "node:fs";
import { resolve } from "node:path";

const MARKDOWN = ["**/*.md", "**/*.mdx", "**/*.markdown"];
const IGNORED = ["**/node_modules/**", "**/.git/**"];

export interface Discovery {
  files: string[];
  /** Arguments that named nothing: a missing path or a glob without matches. */
  unmatched: string[];
}

/**
 * Expands paths, directories and globs to absolute file paths, sorted and without duplicates.
 * A file named explicitly is kept whatever its extension; a directory contributes its Markdown.
 */
export async function discoverFiles(patterns: string[], cwd: string, ignore: string[] = []): Promise<Discovery> {
  const files = new Set<string>();
  const unmatched: string[] = [];
  for (const pattern of patterns) {
    const absolute = resolve(cwd, pattern);
    let stat;
    try {
      stat = statSync(absolute);
    } catch {
      stat = undefined;
    }
    if (stat?.isFile()) {
      files.add(absolute);
      continue;
    }
    const found = stat?.isDirectory()
      ? await fg(MARKDOWN, { cwd: absolute, absolute: true, ignore: [...IGNORED, ...ignore], dot: false, followSymbolicLinks: false })
      : fg.isDynamicPattern(pattern)
        ? await fg(pattern, { cwd, absolute: true, ignore: [...IGNORED, ...ignore], followSymbolicLinks: false })
        : [];
    if (found.length === 0 && !stat?.isDirectory()) unmatched.push(pattern);
    for (const file of found) files.add(resolve(file));
  }
  return { files: [...files].sort(), unmatched };
}
