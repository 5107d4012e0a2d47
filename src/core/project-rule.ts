import type * as z from "zod";
import { messageOf, type LintSettings, type Rule, type RuleMeta } from "./rule.js";
import type { Finding, LintDocument, Side } from "./types.js";

/**
 * Project rules look at a whole run rather than one file: `inconsistent-translation` compares how
 * the same source is translated across every file of a language. They run in two steps so that a
 * file need not be kept, nor linted again, for the second:
 *
 * - `collect` runs inside `lint()` with the file's document and returns a digest: plain JSON
 *   data, small, holding only what the check needs. It travels in the file's result, so a cached
 *   file or one linted by a worker thread contributes its digest like any other.
 * - `check` runs once a run, in the files engine, over the digests of every file, grouped by
 *   target language, and reports at `Location`s the digests hold.
 *
 * A location carries its 1-based position and whether an inline directive of the file turns the
 * rule off there (`suppressed`): directives are read while the document is at hand, and the check
 * drops reports at suppressed locations. Such a directive counts as used (for
 * `--report-unused-disable-directives`) whether or not the check would have reported there: that
 * is only known once every file is linted.
 */

/** A place in a linted file, found while collecting; plain data. */
export interface Location {
  side: Side;
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Set when a directive of the file keeps the rule from reporting here. */
  suppressed?: true;
}

export interface CollectContext<Options> {
  document: LintDocument;
  options: Options;
  settings: LintSettings;
  /** The location of a range of the document, for the digest; `check` reports at it. */
  locate(side: Side, start: number, end: number): Location;
}

/** One file's part in a project check. */
export interface ProjectFile<Digest> {
  filePath: string;
  /** The path as messages should show it (relative to the run's folder). */
  displayPath: string;
  digest: Digest;
}

export interface ProjectReport {
  filePath: string;
  at: Location;
  messageId: string;
  data?: Record<string, string | number>;
}

export interface ProjectCheckContext<Options, Digest> {
  /** Every file of one target language whose digest the rule collected, in the run's order. */
  files: Array<ProjectFile<Digest>>;
  language: string;
  options: Options;
  report(report: ProjectReport): void;
}

export interface ProjectHooks<Options = unknown, Digest = unknown> {
  collect(context: CollectContext<Options>): Digest;
  check(context: ProjectCheckContext<Options, Digest>): void;
}

/** A project rule is a rule (ids, options, docs, `--only` and configuration treat it as one) with two steps of its own. */
export interface ProjectRule<Schema extends z.ZodType = z.ZodType, Digest = unknown> extends Rule<Schema> {
  project: ProjectHooks<z.infer<Schema>, Digest>;
}

export function isProjectRule(rule: Rule): rule is ProjectRule {
  return "project" in rule && rule.project !== undefined;
}

/** Declares a project rule; its per-file `check` does nothing, its work is in `collect` and the project `check`. */
export function defineProjectRule<Schema extends z.ZodType, Digest>(
  rule: RuleMeta<Schema> & ProjectHooks<z.infer<Schema>, Digest>,
): ProjectRule<Schema, Digest> {
  const { collect, check, ...meta } = rule;
  return { ...meta, check: () => {}, project: { collect, check } };
}

/** What `lint()` keeps of a file for the project rules that ran on it, keyed by rule id. */
export type FileDigests = Record<string, { severity: 1 | 2; language?: string; digest: unknown }>;

/** A file's digests and where it is, as the files engine hands them to `runProjectChecks`. */
export interface DigestedFile {
  filePath: string;
  displayPath: string;
  digests?: FileDigests;
}

/**
 * Runs each project rule's check over the files, one language at a time, and returns its
 * findings by file path. A file without a known language is left out: nothing says which files
 * it should agree with. Options are parsed once per rule from `optionsFor`.
 */
export function runProjectChecks(rules: readonly Rule[], files: readonly DigestedFile[], optionsFor: (rule: Rule) => unknown): Map<string, Finding[]> {
  const found = new Map<string, Finding[]>();
  for (const rule of rules) {
    if (!isProjectRule(rule)) continue;
    const byLanguage = new Map<string, Array<ProjectFile<unknown>>>();
    const severities = new Map<string, 1 | 2>();
    for (const file of files) {
      const entry = file.digests?.[rule.id];
      if (!entry?.language) continue;
      severities.set(file.filePath, entry.severity);
      let group = byLanguage.get(entry.language);
      if (!group) byLanguage.set(entry.language, (group = []));
      group.push({ filePath: file.filePath, displayPath: file.displayPath, digest: entry.digest });
    }
    if (byLanguage.size === 0) continue;
    const options = rule.schema.parse(optionsFor(rule) ?? {});
    const report = ({ filePath, at, messageId, data }: ProjectReport) => {
      const severity = severities.get(filePath);
      if (severity === undefined || at.suppressed) return;
      const { side, start, end, line, column, endLine, endColumn } = at;
      const finding: Finding = { ruleId: rule.id, severity, message: messageOf(rule, messageId, data), messageId, side, line, column, endLine, endColumn, start, end };
      found.set(filePath, [...(found.get(filePath) ?? []), finding]);
    };
    for (const [language, group] of byLanguage) rule.project.check({ files: group, language, options, report });
  }
  return found;
}
