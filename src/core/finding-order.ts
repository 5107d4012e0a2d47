import type { Finding } from "./types.js";

/**
 * The order findings of one file are shown in: the translation's before its source file's, then
 * by line, column and rule id. Findings added after linting (URL checks) are sorted the same way.
 */
export function compareFindings(a: Finding, b: Finding): number {
  return (a.filePath ? 1 : 0) - (b.filePath ? 1 : 0) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId);
}
