import type { FileDigests } from "../core/project-rule.js";
import type { Finding, LintDocument } from "../core/types.js";

/** What a report that shows the text needs of a file: its pairs and the texts their offsets point into. */
export type ReviewView = Pick<LintDocument, "mode" | "text" | "sourceText" | "pairs" | "sourceLanguage" | "targetLanguage" | "sourceFilePath">;

/** One linted file's findings, in ESLint's result shape. */
export interface FileResult {
  filePath: string;
  messages: Finding[];
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** The fixed text, with --fix-dry-run. */
  output?: string;
  /** The text before fixing, with --fix-dry-run when `output` is set: the stylish format shows the edits as a diff. */
  originalText?: string;
  /** The source file compared with, in parallel mode. */
  sourceFilePath?: string;
  /** Notes for `--debug` (how the file's language was found), taken out before formatting. */
  debug?: string[];
  /** The file's pairs, only for formats that show them (see `reviewFormats`): costly to keep for a large run. */
  review?: ReviewView;
  /** What the project rules collected of the file, for their run-level check; taken out before the run returns. */
  digests?: FileDigests;
}

/** What a formatter may say about a rule (SARIF lists every rule with its help). */
export interface RuleDescription {
  id: string;
  description: string;
  severity: "off" | "warn" | "error";
}

export interface FormatterOptions {
  color: boolean;
  cwd: string;
  /** The rules that can report, for formats that describe them. */
  rules?: RuleDescription[];
  toolVersion?: string;
}

export type Formatter = (results: FileResult[], options: FormatterOptions) => string;

export function toFileResult(filePath: string, messages: Finding[], extra: Partial<FileResult> = {}): FileResult {
  let errorCount = 0, warningCount = 0, fixableErrorCount = 0, fixableWarningCount = 0;
  for (const m of messages) {
    if (m.severity === 2) {
      errorCount++;
      if (m.fix) fixableErrorCount++;
    } else {
      warningCount++;
      if (m.fix) fixableWarningCount++;
    }
  }
  return { filePath, messages, errorCount, warningCount, fixableErrorCount, fixableWarningCount, ...extra };
}
