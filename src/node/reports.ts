import { readFileSync } from "node:fs";
import { z } from "zod";
import { displayPath } from "../formatters/paths.js";
import { toFileResult, type FileResult } from "../formatters/types.js";
import type { Finding } from "../core/types.js";
import { compareFilePaths } from "../core/finding-order.js";

/** A report that cannot be merged: each line says which file and what is wrong with it. */
export class ReportError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
    this.name = "ReportError";
  }
}

const offset = z.number().int().nonnegative();

/** One finding as the json format writes it: a Finding whose offsets are a `range`. */
const jsonFinding = z.object({
  ruleId: z.string(),
  severity: z.union([z.literal(1), z.literal(2)]),
  message: z.string(),
  side: z.enum(["source", "translation"]),
  line: z.number().int(),
  column: z.number().int(),
  endLine: z.number().int(),
  endColumn: z.number().int(),
  range: z.tuple([offset, offset]),
  fix: z.object({ range: z.tuple([offset, offset]), text: z.string() }).optional(),
});

const jsonFileResult = z.object({
  filePath: z.string(),
  messages: z.array(jsonFinding),
  errorCount: z.number().int(),
  warningCount: z.number().int(),
  fixableErrorCount: z.number().int(),
  fixableWarningCount: z.number().int(),
});

/** The json format's report: ESLint's array of file results. */
const jsonReport = z.array(jsonFileResult);

/** A report read from a file: where it came from and its results, offsets back as `start`/`end`. */
export interface ReadReport {
  path: string;
  results: FileResult[];
}

/** Reads a report written with `--format json`; throws ReportError saying where a file is not one. */
export function readJsonReport(path: string, cwd: string): ReadReport {
  const shown = displayPath(path, cwd);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new ReportError([`${shown}: cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`]);
  }
  return { path, results: parseJsonReport(text, shown) };
}

/** A json report's text as file results; `shown` names it in messages. */
export function parseJsonReport(text: string, shown: string): FileResult[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ReportError([`${shown}:${jsonErrorPlace(text, error as Error)} not JSON: ${(error as Error).message} (merge-reports reads reports written with --format json)`]);
  }
  if (isSarif(data)) {
    throw new ReportError([`${shown}: a SARIF log, not a json report: run each shard with --format json to merge, or upload each shard's SARIF with a category of its own (see "Sharding across CI jobs" in the README)`]);
  }
  const checked = jsonReport.safeParse(data);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new ReportError([`${shown}: not an nl-lint json report, or one written by another version of nl-lint: ${describeIssue(data, issue)}`]);
  }
  return (data as JsonFileResult[]).map(fromJson);
}

type JsonFileResult = z.infer<typeof jsonFileResult> & Record<string, unknown>;

/** A file result as the engine made it: `range` back to `start`/`end`, and the counts recomputed from the findings. */
function fromJson(result: JsonFileResult): FileResult {
  const messages = result.messages.map(({ range, ...finding }) => ({ ...finding, start: range[0], end: range[1] }) as Finding);
  const counted = toFileResult(result.filePath, messages);
  // Assigned in place, so that the keys keep the order the json format wrote them in.
  return Object.assign(result, {
    messages,
    errorCount: counted.errorCount,
    warningCount: counted.warningCount,
    fixableErrorCount: counted.fixableErrorCount,
    fixableWarningCount: counted.fixableWarningCount,
  }) as unknown as FileResult;
}

/**
 * One report of the shards' reports, as one run over all their files would have written it: the
 * files sorted as a run sorts them (by path). A file in two reports means they are not shards of
 * one run (or one was given twice), and is refused.
 */
export function mergeReports(reports: readonly ReadReport[], cwd: string): FileResult[] {
  const from = new Map<string, string>();
  const problems: string[] = [];
  for (const report of reports) {
    for (const result of report.results) {
      const earlier = from.get(result.filePath);
      if (earlier !== undefined) problems.push(`${displayPath(result.filePath, cwd)} is in both ${displayPath(earlier, cwd)} and ${displayPath(report.path, cwd)}: are these the reports of the shards of one run, each given once?`);
      from.set(result.filePath, report.path);
    }
  }
  if (problems.length > 0) throw new ReportError(problems);
  // The order selectFiles gives a run's files: the default sort of their absolute paths.
  return reports.flatMap((report) => report.results).sort(compareFilePaths);
}

function isSarif(data: unknown): boolean {
  return typeof data === "object" && data !== null && !Array.isArray(data) && "runs" in data && "version" in data;
}

/** Where in the report a schema issue is, in the report's words: the file result and finding it is in. */
function describeIssue(data: unknown, issue: z.core.$ZodIssue): string {
  const [index, field, findingIndex, ...rest] = issue.path;
  if (typeof index !== "number") return `expected an array of file results (${issue.message})`;
  const filePath = (data as { filePath?: unknown }[])[index]?.filePath;
  const where = `file result ${index + 1}${typeof filePath === "string" ? ` (${filePath})` : ""}`;
  if (field === "messages" && typeof findingIndex === "number") return `${where}, finding ${findingIndex + 1}: ${rest.join(".") || "the finding"}: ${issue.message}`;
  return `${where}: ${field === undefined ? "the result" : String(field)}: ${issue.message}`;
}

/** ` line:column:` of a JSON syntax error, from the position Node names; empty when it names none. */
function jsonErrorPlace(text: string, error: Error): string {
  const position = /at position (\d+)/.exec(error.message);
  if (!position) return "";
  const before = text.slice(0, Number(position[1]));
  const line = before.split("\n").length;
  return `${line}:${before.length - before.lastIndexOf("\n")}:`;
}
