import { readText, writeAtomically } from "../engine.js";
import type { FileResult } from "../../formatters/types.js";
import { urlCacheLocation } from "./cache.js";
import type { CheckerOptions } from "./checker.js";
import { checkUrlsOnline } from "./index.js";
import type { UrlCheckConfig } from "./options.js";

/** `--check-urls` as the command line runs it: results merged, one line of summary, and a clear message when the network is down. */
export async function runUrlCheck(run: {
  results: FileResult[];
  config: UrlCheckConfig;
  /** The lint cache's location, when `--cache` is on; URL answers are kept beside it. */
  lintCacheLocation?: string;
  fix?: boolean;
  stderr(text: string): void;
  checker?: Partial<CheckerOptions>;
}): Promise<{ results: FileResult[]; networkFailed: boolean }> {
  const started = Date.now();
  const report = await checkUrlsOnline({
    results: run.results,
    config: run.config,
    ...(run.lintCacheLocation ? { cacheLocation: urlCacheLocation(run.lintCacheLocation) } : {}),
    fix: run.fix,
    readText: (file) => readText(file).text,
    writeText: writeAtomically,
    ...(run.checker ? { checker: run.checker } : {}),
  });
  if (report.networkFailure) {
    run.stderr(`nl-lint: --check-urls: ${report.networkFailure} No URL was reported.\n`);
    return { results: report.results, networkFailed: true };
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  run.stderr(`nl-lint: --check-urls: ${report.urls} URLs, ${report.cached} from the cache, ${report.requests} requests, ${seconds}s.\n`);
  if (report.unreachable.length > 0) {
    const shown = report.unreachable.slice(0, 5).map((u) => `${u.url} (${u.reason})`).join(", ");
    const more = report.unreachable.length > 5 ? ` and ${report.unreachable.length - 5} more` : "";
    run.stderr(`nl-lint: --check-urls: no answer from ${shown}${more}; not reported, try again later.\n`);
  }
  return { results: report.results, networkFailed: false };
}
