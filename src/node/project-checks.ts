import { runProjectChecks, type DigestedFile, type FileDigests } from "../core/project-rule.js";
import type { Rule } from "../core/rule.js";
import { compareFilePaths, compareFindings } from "../core/finding-order.js";
import { displayPath } from "../formatters/paths.js";
import { toFileResult, type FileResult } from "../formatters/types.js";
import type { LintCache } from "./cache.js";

/** What the engine needs of a thread's linter to gather digests of files it does not report on. */
export interface DigestSource {
  /** The file's digests from a lint of the project rules alone; undefined when none is on for it. */
  collect(file: string): FileDigests | undefined;
  /** What cached digests of the file must match; undefined when it cannot be read. */
  digestKey(file: string): string | undefined;
}

/**
 * The digests of files that are compared with the run's files but not reported on (the unchanged
 * files of a `--changed-since` run): from the cache when it holds them, else from a lint of the
 * project rules alone, stored for the next run.
 */
export function contextDigests(files: readonly string[], source: DigestSource, cache: LintCache | undefined): Array<{ filePath: string; digests?: FileDigests }> {
  return files.map((filePath) => {
    const key = cache ? source.digestKey(filePath) : undefined;
    const cached = key === undefined ? undefined : cache!.getDigests(filePath, key);
    if (cached) return { filePath, digests: cached };
    const digests = source.collect(filePath);
    if (digests && key !== undefined) cache!.setDigests(filePath, key, digests);
    return { filePath, digests };
  });
}

/**
 * The results with the project rules' findings added to the files they are in, and the digests
 * taken out. `others` contribute digests but get no findings. Results are copied, never changed
 * in place: the cache keeps the per-file ones.
 */
export function withProjectFindings(
  results: readonly FileResult[],
  others: ReadonlyArray<{ filePath: string; digests?: FileDigests }>,
  run: { ruleSet: readonly Rule[]; cwd: string; optionsFor: (rule: Rule) => unknown },
): FileResult[] {
  // In path order, whichever files a run reports on: "first in" names the same place in a
  // --changed-since or --shard run as in a whole run.
  const files: DigestedFile[] = [...results, ...others].sort(compareFilePaths).map(({ filePath, digests }) => ({ filePath, displayPath: displayPath(filePath, run.cwd), digests }));
  const found = files.some((f) => f.digests) ? runProjectChecks(run.ruleSet, files, run.optionsFor) : new Map();
  return results.map((result) => {
    const { digests: _, ...rest } = result;
    const more = found.get(result.filePath);
    if (!more) return rest;
    const { filePath, messages, errorCount: _e, warningCount: _w, fixableErrorCount: _fe, fixableWarningCount: _fw, ...extra } = rest;
    return toFileResult(filePath, [...messages, ...more].sort(compareFindings), extra);
  });
}
