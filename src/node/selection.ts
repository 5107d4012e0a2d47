import { changedMarkdownFiles } from "./changed.js";
import type { ResolvedConfig } from "./config.js";
import { discoverFiles } from "./files.js";
import { ignoredFilter } from "./ignore-files.js";

export interface SelectionOptions {
  /** Files, folders and globs from the command line (as lint-staged and pre-commit pass them). */
  paths: string[];
  cwd: string;
  /** `--changed-since REF`: only Markdown files changed since this git ref. */
  changedSince?: string;
  ignorePatterns: string[];
  configFor: (file: string) => ResolvedConfig;
  /**
   * In parallel mode, the translations of a source file, so that a changed source brings its
   * translations along with --changed-since. Supplied by the parallel-file resolver.
   */
  translationsOf?: (sourceFile: string, candidates: string[]) => string[];
}

export interface Selection {
  files: string[];
  /** Command-line paths that named nothing. */
  unmatched: string[];
  /** Why each of them named nothing. */
  reasons: Record<string, string>;
}

/** The files to lint: what the paths name, narrowed to changed files when asked, less the ignored ones. */
export async function selectFiles(options: SelectionOptions): Promise<Selection> {
  let files: string[];
  let unmatched: string[] = [];
  let reasons: Record<string, string> = {};
  if (options.paths.length > 0) ({ files, unmatched, reasons } = await discoverFiles(options.paths, options.cwd));
  else files = [];
  if (options.changedSince !== undefined) {
    const changed = changedMarkdownFiles(options.cwd, options.changedSince);
    const withTranslations = new Set(changed);
    for (const file of changed) for (const t of options.translationsOf?.(file, files) ?? []) withTranslations.add(t);
    if (options.paths.length > 0) {
      const named = new Set(files);
      files = [...withTranslations].filter((f) => named.has(f));
    } else {
      files = [...withTranslations];
    }
  }
  const isIgnored = ignoredFilter({ cwd: options.cwd, patterns: options.ignorePatterns, configFor: options.configFor });
  return { files: files.filter((f) => !isIgnored(f)).sort(), unmatched, reasons };
}
