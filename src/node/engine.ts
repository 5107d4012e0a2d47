import { randomBytes } from "node:crypto";
import { closeSync, constants, fstatSync, openSync, readFileSync, realpathSync, renameSync, statSync, writeFileSync, chmodSync, unlinkSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fixUntilStable } from "../core/fix.js";
import { toFileResult, type FileResult, type ReviewView } from "../formatters/types.js";
import { lint, type LintOptions, type LintResult } from "../core/lint.js";
import type { Finding, LintDocument } from "../core/types.js";

export interface EngineOptions extends Omit<LintOptions, "filePath" | "source"> {
  fix?: boolean;
  fixDryRun?: boolean;
  /** The rules whose fixes --fix applies (`--fix-type`, or the configuration's `fix.rules`); all when undefined. */
  fixRules?: string[];
  /**
   * The source file of a translation in parallel mode, when one is known (it may not exist: the
   * file is then reported as missing its source). Handed the file's text for a front-matter key.
   */
  sourceFor?: (filePath: string, text: string) => string | undefined;
  /** Keep each file's pairs in its result, for a format that shows them (html). */
  review?: boolean;
}

export interface FileOutcome {
  result: FileResult;
  document?: LintDocument;
  /** Set when the file could not be linted at all (unreadable, not text). */
  problem?: string;
}

// ignoreBOM keeps a BOM in the text (the decoder would drop it), so that --fix can write it back.
const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Why a file could not be opened or read, in words; the code stays for searching. */
function readProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ENOENT":
      return "file not found (was it deleted or moved during the run?)";
    case "ELOOP":
      return "symbolic link loop (ELOOP)";
    case "EISDIR":
      return "it is a folder";
    default:
      return `cannot read file (${code ?? String(error)})`;
  }
}

/**
 * Reads a file as UTF-8 text, keeping the BOM; no text but a reason when it cannot be read
 * (`unreadable`) or is not text. Opened without blocking, so that a FIFO cannot stall the run.
 */
export function readText(filePath: string): { text?: string; problem?: string; unreadable?: boolean; missing?: boolean } {
  let bytes: Buffer;
  let fd: number | undefined;
  try {
    fd = openSync(filePath, constants.O_RDONLY | constants.O_NONBLOCK);
    if (!fstatSync(fd).isFile()) return { problem: "not a regular file", unreadable: true };
    bytes = readFileSync(fd);
  } catch (error) {
    return { problem: readProblem(error), unreadable: true, missing: (error as NodeJS.ErrnoException).code === "ENOENT" };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  if (bytes.includes(0)) return { problem: "not a text file (it contains NUL bytes)" };
  try {
    return { text: decoder.decode(bytes) };
  } catch {
    return { problem: "not valid UTF-8" };
  }
}

/** A translation as read from disk, with its source file when one is known. */
export interface TranslationRead {
  /** The translation's text (BOM kept); undefined when it cannot be read, and `problem` says why. */
  text?: string;
  problem?: string;
  /** Set when the file could not be opened or read at all, rather than read and found not to be text. */
  unreadable?: boolean;
  /** The source file the translation names or the run pairs it with; it may not exist. */
  sourcePath?: string;
  /** The source, when `sourcePath` names a file that reads as text. */
  source?: { text: string; filePath: string };
  /** Why the source at `sourcePath` could not be read; `sourceMissing` when no file is there. */
  sourceProblem?: string;
  sourceMissing?: boolean;
}

/**
 * The one way a run reads a translation, finds its source and reads the source: linting,
 * cache keys, --print-pairs, drift and status all go through here, so that they agree on
 * which source a file has and on what counts as a source that cannot be read.
 */
export function readTranslation(filePath: string, sourceFor?: (filePath: string, text: string) => string | undefined): TranslationRead {
  const read = readText(filePath);
  if (read.text === undefined) return { problem: read.problem, unreadable: read.unreadable };
  return translationWithSource(filePath, read.text, sourceFor);
}

/**
 * A translation whose text is at hand, with its source found as `readTranslation` finds it; the
 * source is read by `readSource`, from the disk by default (the language server reads an open
 * editor's text first).
 */
export function translationWithSource(
  filePath: string,
  text: string,
  sourceFor?: (filePath: string, text: string) => string | undefined,
  readSource: (sourcePath: string) => ReturnType<typeof readText> = readText,
): TranslationRead {
  const sourcePath = sourceFor?.(filePath, text);
  if (!sourcePath) return { text };
  const sourceRead = readSource(sourcePath);
  if (sourceRead.text === undefined) return { text, sourcePath, sourceProblem: sourceRead.problem, sourceMissing: sourceRead.missing };
  return { text, sourcePath, source: { text: sourceRead.text, filePath: sourcePath } };
}

/** The two steps of an atomic write, replaceable so that tests can make either fail. */
export interface WriteSteps {
  write(path: string, text: string, mode: number): void;
  rename(from: string, to: string): void;
}

const diskWrites: WriteSteps = {
  write: (path, text, mode) => writeFileSync(path, text, { mode }),
  rename: renameSync,
};

/**
 * Writes through a temporary file and a rename, so a reader sees the old file or the new one,
 * never half. A symbolic link is followed, so that the link stays a link and its target is fixed.
 */
export function writeAtomically(linkOrFile: string, text: string, steps: WriteSteps = diskWrites): void {
  const filePath = realpathSync(linkOrFile);
  const mode = statSync(filePath).mode;
  // The name is cut so that a file whose own name is near the length limit can still be fixed.
  const temporary = join(dirname(filePath), `.${basename(filePath).slice(0, 100)}.nl-lint-${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
  try {
    steps.write(temporary, text, mode);
    chmodSync(temporary, mode & 0o7777);
    steps.rename(temporary, filePath);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // The temporary file was never made.
    }
    throw error;
  }
}

/** A finding for the whole file; `fatal` when the file could not be linted at all (the run then exits 2). */
function fileProblem(filePath: string, message: string, ruleId = "encoding", fatal = false): FileResult {
  return toFileResult(filePath, [
    { ruleId, severity: 2, ...(fatal ? { fatal } : {}), message, side: "translation", line: 1, column: 1, endLine: 1, endColumn: 1, start: 0, end: 0 },
  ]);
}

/** The part of a document a review report shows; the rest (syntax tree, line index) is left to be freed. */
function reviewOf(document: LintDocument): ReviewView {
  const { mode, text, sourceText, pairs, sourceLanguage, targetLanguage, sourceFilePath } = document;
  return { mode, text, sourceText, pairs, sourceLanguage, targetLanguage, sourceFilePath };
}

/**
 * Takes the stack traces of a result's internal errors out of it, so that no formatter shows them,
 * and returns them for --debug, each headed by the file and the message.
 */
export function takeStackTraces(result: FileResult): string[] {
  const traces: string[] = [];
  for (const message of result.messages) {
    if (message.stack === undefined) continue;
    traces.push(`${result.filePath}: ${message.message}\n${message.stack}\n`);
    delete message.stack;
  }
  return traces;
}

/** Lints one file from disk: reads it, pairs it, runs the rules, and fixes it when asked. */
export function lintFile(filePath: string, options: EngineOptions): FileOutcome {
  return lintRead(filePath, readTranslation(filePath, options.sourceFor), options);
}

/** Lints a translation already read (from disk, or an editor's text), as `lintFile` does. */
export function lintRead(filePath: string, read: TranslationRead, options: EngineOptions): FileOutcome {
  if (read.text === undefined) {
    const result = read.unreadable
      ? fileProblem(filePath, `Cannot read ${filePath}: ${read.problem}.`, "read-error", true)
      : fileProblem(filePath, `Cannot lint ${filePath}: ${read.problem}.`);
    return { result, problem: read.problem };
  }
  const { text, sourcePath, source } = read;
  if (sourcePath && !source) {
    // A source that is not there at all is the usual case (a page not yet in the source tree).
    const problem = read.sourceMissing ? `No source file at ${sourcePath}.` : `Cannot read the source ${sourcePath}: ${read.sourceProblem}.`;
    return { result: fileProblem(filePath, problem, "missing-source") };
  }
  const lintOptions: LintOptions = { ...options, filePath, source };
  const extra = sourcePath ? { sourceFilePath: sourcePath } : {};
  if (!options.fix && !options.fixDryRun) {
    const { findings, document, digests } = lint(text, lintOptions);
    const review = options.review ? { review: reviewOf(document) } : {};
    // A post that keeps its source in comments is linted inline even when a source file is known.
    const paired = document.mode === "parallel" ? extra : {};
    return { result: toFileResult(filePath, findings, { ...paired, ...review, ...(digests ? { digests } : {}) }), document };
  }
  const bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
  const body = bom ? text.slice(1) : text;
  const fixRules = options.fixRules;
  const allowed = fixRules ? (finding: Finding) => fixRules.includes(finding.ruleId) : undefined;
  // The project rules' digests are those of the text as fixed, the last one linted.
  const digestsOf = new Map<string, LintResult["digests"]>();
  const fixed = fixUntilStable(body, (t) => {
    const linted = lint(t, lintOptions);
    digestsOf.set(t, linted.digests);
    return linted.findings;
  }, { allowed });
  const digests = digestsOf.get(fixed.output);
  const withDigests = digests ? { ...extra, digests } : extra;
  const output = bom + fixed.output;
  if (options.fixDryRun) return { result: toFileResult(filePath, fixed.findings, { ...withDigests, ...(fixed.changed ? { output, originalText: text } : {}) }) };
  if (fixed.changed) {
    const now = readText(filePath);
    if (now.text !== text) {
      // Writing now would throw away someone else's edit; the findings of the text read still stand.
      const conflict = fileProblem(filePath, `Not fixed: ${filePath} changed on disk while it was being linted; run nl-lint --fix again.`, "fix-conflict");
      const original = lint(text, lintOptions).findings;
      return { result: toFileResult(filePath, [...conflict.messages, ...original], extra) };
    }
    writeAtomically(filePath, output);
  }
  return { result: toFileResult(filePath, fixed.findings, withDigests) };
}
