import type { Finding } from "./types.js";

/** The line ending most of the text's lines use, so that a fix that adds lines matches them. */
function lineEnding(text: string): "\n" | "\r\n" {
  const crlf = text.split("\r\n").length - 1;
  const lf = text.split("\n").length - 1 - crlf;
  return crlf > lf ? "\r\n" : "\n";
}

/** Applies the fixes that do not overlap an earlier one; returns the new text and how many were applied. */
export function applyFixes(text: string, findings: Finding[]): { output: string; applied: number } {
  const fixes = findings
    .filter((f) => f.fix && !f.filePath)
    .map((f) => f.fix!)
    .sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const eol = lineEnding(text);
  let output = "";
  let at = 0;
  let applied = 0;
  for (const fix of fixes) {
    if (fix.range[0] < at) continue;
    const replacement = eol === "\r\n" ? fix.text.replace(/\r?\n/g, "\r\n") : fix.text;
    output += text.slice(at, fix.range[0]) + replacement;
    at = fix.range[1];
    applied++;
  }
  return { output: output + text.slice(at), applied };
}

/**
 * Fixes, re-lints and fixes again until nothing changes (at most `passes` times), as ESLint does:
 * a fix may only become possible once another has been applied.
 */
export function fixUntilStable(
  text: string,
  lintText: (text: string) => Finding[],
  passes = 10,
): { output: string; findings: Finding[]; changed: boolean } {
  let current = text;
  let findings = lintText(current);
  for (let pass = 0; pass < passes; pass++) {
    const { output, applied } = applyFixes(current, findings);
    if (applied === 0 || output === current) break;
    current = output;
    findings = lintText(current);
  }
  return { output: current, findings, changed: current !== text };
}
