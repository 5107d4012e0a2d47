import fg from "fast-glob";
import { statSync, type Stats } from "node:fs";
import { resolve } from "node:path";

const MARKDOWN = ["**/*.md", "**/*.mdx", "**/*.markdown"];
const IGNORED = ["**/node_modules/**", "**/.git/**"];

export interface Discovery {
  files: string[];
  /** Arguments that named nothing: a missing path, a glob without matches, a folder without Markdown. */
  unmatched: string[];
  /** Why each unmatched argument named nothing, in words for the user. */
  reasons: Record<string, string>;
}

/** The path's status; undefined when nothing is there, "other" when something is there that stat cannot follow (a link loop). */
function statOf(absolute: string): Stats | "other" | undefined {
  try {
    return statSync(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === "ENOENT" || code === "ENOTDIR" ? undefined : "other";
  }
}

/**
 * Expands paths, directories and globs to absolute file paths, sorted and without duplicates.
 * A file named explicitly is kept whatever its extension; a directory contributes its Markdown.
 * Symbolic links are not followed into folders, so that a link loop cannot make discovery endless.
 */
export async function discoverFiles(patterns: string[], cwd: string, ignore: string[] = []): Promise<Discovery> {
  const files = new Set<string>();
  const unmatched: string[] = [];
  const reasons: Record<string, string> = {};
  const miss = (pattern: string, reason: string) => {
    unmatched.push(pattern);
    reasons[pattern] = reason;
  };
  for (const pattern of patterns) {
    const absolute = resolve(cwd, pattern);
    const found = statOf(absolute);
    const stat = found === "other" ? undefined : found;
    // A link loop, a FIFO or a device named on the command line is kept: reading it reports why it cannot be linted.
    if (found === "other" || (stat && !stat.isDirectory())) {
      files.add(absolute);
      continue;
    }
    if (stat?.isDirectory()) {
      // `README.MD` and `Guide.Md` are Markdown too (case-insensitive file systems let them be).
      const markdown = await fg(MARKDOWN, { cwd: absolute, absolute: true, ignore: [...IGNORED, ...ignore], dot: false, followSymbolicLinks: false, caseSensitiveMatch: false });
      // As ESLint does for a folder without files to lint: most often a mistyped folder.
      if (markdown.length === 0) miss(pattern, "no Markdown files (.md, .mdx, .markdown) in this folder");
      for (const file of markdown) files.add(resolve(file));
      continue;
    }
    const matches = fg.isDynamicPattern(pattern)
      ? await fg(pattern, { cwd, absolute: true, ignore: [...IGNORED, ...ignore], followSymbolicLinks: false })
      : [];
    if (matches.length === 0) miss(pattern, fg.isDynamicPattern(pattern) ? "no file matches this pattern" : "no such file or folder");
    for (const file of matches) files.add(resolve(file));
  }
  return { files: [...files].sort(), unmatched, reasons };
}
