import { compareFindings } from "../../core/finding-order.js";
import { applyFixes } from "../../core/fix.js";
import { toFileResult, type FileResult } from "../../formatters/types.js";
import { LineIndex } from "../../core/lines.js";
import type { Finding } from "../../core/types.js";
import { UrlCache } from "./cache.js";
import { checkUrls, type CheckerOptions, type Outcome } from "./checker.js";
import { externalUrls, fetchKey, type UrlOccurrence } from "./collect.js";
import { urlFilter, type UrlCheckConfig } from "./options.js";

export interface OnlineCheck {
  results: FileResult[];
  config: UrlCheckConfig;
  /** Where answers are kept between runs (`--cache`); without it every URL is checked. */
  cacheLocation?: string;
  /** Rewrite permanently redirected URLs in the files (`--fix`). */
  fix?: boolean;
  readText(filePath: string): string | undefined;
  writeText?(filePath: string, text: string): void;
  /** For tests: timings, the transport. */
  checker?: Partial<CheckerOptions>;
}

export interface OnlineReport {
  results: FileResult[];
  /** Distinct URLs, how many came from the cache, how many got no answer worth keeping. */
  urls: number;
  cached: number;
  unreachable: Array<{ url: string; reason: string }>;
  requests: number;
  /** Set when the network failed as a whole; the results are then those of linting alone. */
  networkFailure?: string;
}

function findingFor(occurrence: UrlOccurrence, outcome: Outcome, lines: LineIndex): Finding | undefined {
  if (outcome.kind !== "dead" && outcome.kind !== "redirect") return undefined;
  const start = lines.position(occurrence.start);
  const end = lines.position(occurrence.end);
  const at = { side: "translation" as const, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, start: occurrence.start, end: occurrence.end };
  if (outcome.kind === "dead") {
    return { ruleId: "dead-url", severity: 2, messageId: "dead", message: `URL '${occurrence.url}' is dead: ${outcome.reason}.`, ...at };
  }
  const hash = occurrence.url.indexOf("#");
  // The fragment is the page's business, not the server's: keep it across the redirect.
  const to = hash >= 0 && !outcome.to.includes("#") ? outcome.to + occurrence.url.slice(hash) : outcome.to;
  return {
    ruleId: "url-redirect",
    severity: 1,
    messageId: "redirect",
    message: `URL '${occurrence.url}' redirects permanently (${outcome.status}) to '${to}'.`,
    ...at,
    ...(occurrence.exact ? { fix: { range: [occurrence.start, occurrence.end] as [number, number], text: to } } : {}),
  };
}

/**
 * Checks the external URLs of linted files online and merges what it finds into their results:
 * `dead-url` and `url-redirect` findings. I/O stays here, outside the linting core.
 */
export async function checkUrlsOnline(check: OnlineCheck): Promise<OnlineReport> {
  const wanted = urlFilter(check.config);
  const files = check.results.map((result) => {
    const raw = check.readText(result.filePath);
    const bom = raw?.startsWith("\uFEFF") ? "\uFEFF" : "";
    const text = raw === undefined ? undefined : raw.slice(bom.length);
    const occurrences = text === undefined ? [] : externalUrls(text).filter((o) => wanted(o.url));
    return { result, text, bom, occurrences };
  });
  const keys = [...new Set(files.flatMap((f) => f.occurrences.map((o) => fetchKey(o.url))))];
  const ttlMs = (check.config.cacheTtlHours ?? 24) * 3_600_000;
  const cache = check.cacheLocation ? new UrlCache(check.cacheLocation, ttlMs, check.checker?.now) : undefined;
  const outcomes = new Map<string, Outcome>();
  for (const key of keys) {
    const hit = cache?.get(key);
    if (hit) outcomes.set(key, hit);
  }
  const cached = outcomes.size;
  const run = await checkUrls(
    keys.filter((k) => !outcomes.has(k)),
    {
      ...(check.config.concurrency ? { concurrency: check.config.concurrency } : {}),
      ...(check.config.perHostConcurrency ? { perHostConcurrency: check.config.perHostConcurrency } : {}),
      ...(check.config.perHostIntervalMs !== undefined ? { perHostIntervalMs: check.config.perHostIntervalMs } : {}),
      ...(check.config.timeoutMs ? { timeoutMs: check.config.timeoutMs } : {}),
      ...(check.config.retries !== undefined ? { retries: check.config.retries } : {}),
      ...check.checker,
    },
  );
  const report = { urls: keys.length, cached, requests: run.requests };
  if (run.networkFailure) return { ...report, results: check.results, unreachable: [], networkFailure: run.networkFailure };
  for (const [key, outcome] of run.outcomes) {
    outcomes.set(key, outcome);
    cache?.set(key, outcome);
  }
  cache?.save();

  const results = files.map(({ result, text, bom, occurrences }) => {
    if (text === undefined || occurrences.length === 0) return result;
    const lines = new LineIndex(text);
    let found = occurrences
      .map((o) => findingFor(o, outcomes.get(fetchKey(o.url))!, lines))
      .filter((f): f is Finding => f !== undefined);
    if (found.length === 0) return result;
    if (check.fix && check.writeText && found.some((f) => f.fix)) {
      // Only the URLs are rewritten; the lint fixes, if any, were written before the file was read here.
      check.writeText(result.filePath, bom + applyFixes(text, found).output);
      found = found.filter((f) => !f.fix);
    }
    const { filePath, messages, errorCount, warningCount, fixableErrorCount, fixableWarningCount, ...rest } = result;
    return toFileResult(filePath, [...messages, ...found].sort(compareFindings), rest);
  });
  const unreachable = [...outcomes].flatMap(([url, o]) => (o.kind === "unreachable" ? [{ url, reason: o.reason }] : []));
  return { ...report, results, unreachable };
}
