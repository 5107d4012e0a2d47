import type { Finding } from "./types.js";

/**
 * The order findings of one file are shown in: the translation's before its source file's, then
 * by line, column and rule id. Findings added after linting (URL checks) are sorted the same way.
 */
export function compareFindings(a: Finding, b: Finding): number {
  return (a.filePath ? 1 : 0) - (b.filePath ? 1 : 0) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId);
}

/** The order of a run's files: their paths as `Array.prototype.sort` orders strings (by UTF-16 code units). */
export function compareFilePaths(a: { filePath: string }, b: { filePath: string }): number {
  return a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0;
}
