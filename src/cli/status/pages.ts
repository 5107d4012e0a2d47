import { translatedPercent, type FileStatus } from "./report.js";

/** What a reader of the dashboard or a pull-request comment is told of one page in one language. */
export type PageState = "up to date" | "outdated" | "untranslated" | "missing" | "unknown" | "no source";

export const PAGE_STATES: PageState[] = ["up to date", "outdated", "untranslated", "missing", "unknown", "no source"];

/** One page in one language: its translation's status, or nothing when the translation is missing. */
export interface PageRow {
  /** The page's name: its source's path under the source root, or the translation's own path. */
  page: string;
  language: string;
  state: PageState;
  /** The translation, or for a missing one the source to translate. */
  file: string;
  status?: FileStatus;
}

/** A translation with under half its source blocks rendered in its language is still untranslated. */
const UNTRANSLATED_BELOW = 50;

export function pageState(file: FileStatus): PageState {
  if (!file.sourceFound) return "no source";
  if (file.coverage && file.coverage.sourceBlocks > 0 && translatedPercent(file.coverage) < UNTRANSLATED_BELOW) return "untranslated";
  if (file.behind === true) return "outdated";
  // An inline post carries its source beside the translation: nothing to drift from.
  if (file.behind === false || file.mode === "inline") return "up to date";
  return "unknown";
}

/** A language's pages by state, and the share translated (up to date, outdated or unknown) of all its pages. */
export interface LanguageSummary {
  language: string;
  pages: number;
  counts: Record<PageState, number>;
  translatedShare: number;
}

export function languageSummaries(rows: PageRow[]): LanguageSummary[] {
  const byLanguage = new Map<string, LanguageSummary>();
  for (const row of rows) {
    let summary = byLanguage.get(row.language);
    if (!summary) {
      summary = { language: row.language, pages: 0, counts: Object.fromEntries(PAGE_STATES.map((s) => [s, 0])) as Record<PageState, number>, translatedShare: 0 };
      byLanguage.set(row.language, summary);
    }
    summary.pages++;
    summary.counts[row.state]++;
  }
  for (const summary of byLanguage.values()) {
    const translated = summary.counts["up to date"] + summary.counts.outdated + summary.counts.unknown;
    summary.translatedShare = summary.pages === 0 ? 0 : (100 * translated) / summary.pages;
  }
  return [...byLanguage.values()].sort((a, b) => a.language.localeCompare(b.language));
}

/** The source's commits since the translation, oldest first date: how far behind, for a reader. */
export function behindText(status: FileStatus | undefined): string {
  const commits = status?.drift?.commits ?? [];
  if (status?.behind !== true) return "";
  if (commits.length === 0) return status.drift?.method === "stamp" ? "source changed since the stamp" : "source changed (not committed yet)";
  const oldest = commits[commits.length - 1];
  const date = new Date(oldest.time * 1000).toISOString().slice(0, 10);
  return `${commits.length} source commit${commits.length === 1 ? "" : "s"} behind, since ${date}`;
}

/** Why drift is unknown for some pages, in one sentence; undefined when it is known for all. */
export function whyUnknown(rows: PageRow[]): string | undefined {
  const unknown = rows.filter((r) => r.state === "unknown");
  if (unknown.length === 0) return undefined;
  const reasons = [...new Set(unknown.flatMap((r) => r.status?.drift?.notes ?? []))];
  return `Drift unknown for ${unknown.length} page${unknown.length === 1 ? "" : "s"}: ${reasons.slice(0, 3).join("; ")}${reasons.length > 3 ? "; …" : ""}.`;
}
