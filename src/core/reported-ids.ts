import type { RuleDescription } from "../formatters/types.js";

/** An id nl-lint reports itself, outside any rule module: a file it cannot read, a grammar it had to give up, a URL checked online. */
export interface ReportedId extends RuleDescription {
  severity: "warn" | "error";
  /** The severity follows the configuration (`reportUnusedDisableDirectives`); `severity` is the usual one. */
  configured?: boolean;
  /** Reported only when URLs are checked online (`checkUrls`). */
  online?: boolean;
}

/**
 * The one list of the ids the engine reports itself, with what each means: SARIF describes them
 * from here, `--only` explains from here why they cannot be chosen, and the docs list them.
 */
export const reportedIds: readonly ReportedId[] = [
  { id: "encoding", severity: "error", description: "The file could not be read as UTF-8 text." },
  { id: "missing-source", severity: "error", description: "The source file of a translation could not be read." },
  { id: "fix-conflict", severity: "error", description: "The file changed on disk while it was being fixed, so it was left alone." },
  { id: "unused-disable-directive", severity: "warn", configured: true, description: "An nl-lint-disable comment that suppresses nothing." },
  { id: "read-error", severity: "error", description: "The file could not be opened or read." },
  { id: "parse-error", severity: "error", description: "The Markdown parser failed on the file, so it was not checked." },
  { id: "mdx-syntax", severity: "warn", description: "The file is not valid MDX, so it was read as Markdown." },
  { id: "nesting-limit", severity: "warn", description: "Block quotes or lists nested deeper than nl-lint follows; the deeper part of the block is not checked." },
  { id: "dead-url", severity: "error", online: true, description: "An external URL answers 4xx (other than 429), names a host that does not exist, or fails TLS." },
  { id: "url-redirect", severity: "warn", online: true, description: "An external URL redirects permanently: link to where it leads now." },
];

/** The description of an id the engine reports itself; undefined for any other id. */
export function reportedIdDescription(id: string): string | undefined {
  return reportedIds.find((entry) => entry.id === id)?.description;
}

/** The ids a run with these options can report besides its rules' own, as formats that list rules take them. */
export function reportedIdDescriptions(run: { checkUrls?: boolean }): RuleDescription[] {
  return reportedIds.filter((entry) => entry.online && run.checkUrls).map(({ id, description, severity }) => ({ id, description, severity }));
}

/** The README's table of these ids (between `<!-- reported-ids:start -->` and `<!-- reported-ids:end -->`). */
export function reportedIdsTable(): string {
  const rows = reportedIds.map((entry) => `| \`${entry.id}\` | ${entry.severity}${entry.configured ? " or error, as configured" : ""}${entry.online ? " (with `--check-urls`)" : ""} | ${entry.description} |`);
  return ["| id | severity | what it reports |", "| --- | --- | --- |", ...rows].join("\n");
}
