import type { Finding, TextEdit } from "./types.js";

/** The line ending most of the text's lines use, so that a fix that adds lines matches them. */
function lineEnding(text: string): "\n" | "\r\n" {
  const crlf = text.split("\r\n").length - 1;
  const lf = text.split("\n").length - 1 - crlf;
  return crlf > lf ? "\r\n" : "\n";
}

/** The fixes of these findings that apply to this text (not to a source file), in order, none overlapping an earlier one. */
function nonOverlapping(findings: Finding[]): Finding[] {
  const sorted = findings
    .filter((f) => f.fix && !f.filePath)
    .sort((a, b) => a.fix!.range[0] - b.fix!.range[0] || a.fix!.range[1] - b.fix!.range[1]);
  const kept: Finding[] = [];
  let at = 0;
  for (const finding of sorted) {
    if (finding.fix!.range[0] < at) continue;
    kept.push(finding);
    at = finding.fix!.range[1];
  }
  return kept;
}

/** Applies edits that are sorted and do not overlap. */
function applyEdits(text: string, edits: TextEdit[]): string {
  let output = "";
  let at = 0;
  for (const edit of edits) {
    output += text.slice(at, edit.range[0]) + edit.text;
    at = edit.range[1];
  }
  return output + text.slice(at);
}

/** Applies the fixes that do not overlap an earlier one; returns the new text and how many were applied. */
export function applyFixes(text: string, findings: Finding[]): { output: string; applied: number } {
  const eol = lineEnding(text);
  const fixes = nonOverlapping(findings).map((f) => withLineEnding(f, eol).fix!);
  return { output: applyEdits(text, fixes), applied: fixes.length };
}

/** Where an offset of the text before the edits lies after them; one inside an edit goes to the edit's start or end. */
function mapOffset(offset: number, edits: TextEdit[], side: "start" | "end"): number {
  let shift = 0;
  for (const { range: [start, end], text } of edits) {
    if (offset < start) break;
    if (offset >= end && !(offset === end && start === end && side === "start")) {
      shift += text.length - (end - start);
      continue;
    }
    return start + shift + (side === "end" ? text.length : 0);
  }
  return offset + shift;
}

function identity(finding: Finding, start: number, end: number): string {
  return `${finding.ruleId}\0${finding.messageId ?? finding.message}\0${finding.side}\0${finding.filePath ?? ""}\0${start}\0${end}`;
}

/**
 * The findings after the edits that are not findings from before them which the edits left
 * alone: a finding a fix was meant to remove and did not, or one a fix brought. A finding of the
 * fixing rule that has a fix of its own where the fix wrote is its next step (text damaged twice
 * is repaired one layer a pass) and is verified in the next pass, unless the fix changed nothing.
 */
function findingsBrought(before: Finding[], fixed: Finding[], edits: TextEdit[], after: Finding[], beforeText: string, afterText: string): Finding[] {
  const fixedKeys = new Set(fixed.map((f) => identity(f, f.start, f.end)));
  const remaining = new Map<string, number>();
  for (const finding of before) {
    if (fixedKeys.has(identity(finding, finding.start, finding.end))) continue;
    // A source file's findings in parallel mode point into that file, which no edit changes.
    const key = finding.filePath
      ? identity(finding, finding.start, finding.end)
      : identity(finding, mapOffset(finding.start, edits, "start"), mapOffset(finding.end, edits, "end"));
    remaining.set(key, (remaining.get(key) ?? 0) + 1);
  }
  const unexplained = after.filter((finding) => {
    const key = identity(finding, finding.start, finding.end);
    const count = remaining.get(key) ?? 0;
    if (count === 0) return true;
    remaining.set(key, count - 1);
    return false;
  });
  return unexplained.filter((finding) => !fixed.some((f) => isNextStep(f, finding, edits, beforeText, afterText) || isReviewMarkerOf(f, finding, edits)));
}

/** Whether a finding after a fix is the review marker that fix wrote on purpose (see `Report.reviewMarker`). */
function isReviewMarkerOf(fixedFinding: Finding, finding: Finding, edits: TextEdit[]): boolean {
  if (!finding.reviewMarker || finding.ruleId !== fixedFinding.ruleId || finding.filePath) return false;
  const [editStart, editEnd] = fixedFinding.fix!.range;
  return finding.start >= mapOffset(editStart, edits, "start") && finding.end <= mapOffset(editEnd, edits, "end");
}

/** Whether a finding after a fix is the fixing rule's next step there, not the same finding left in place. */
function isNextStep(fixedFinding: Finding, finding: Finding, edits: TextEdit[], beforeText: string, afterText: string): boolean {
  if (finding.ruleId !== fixedFinding.ruleId || !finding.fix || finding.filePath) return false;
  const [editStart, editEnd] = fixedFinding.fix!.range;
  const [from, to] = [mapOffset(editStart, edits, "start"), mapOffset(editEnd, edits, "end")];
  if (finding.end < from || finding.start > to) return false;
  const start = mapOffset(fixedFinding.start, edits, "start");
  const end = mapOffset(fixedFinding.end, edits, "end");
  const left = finding.start === start && finding.end === end && finding.message === fixedFinding.message
    && afterText.slice(start, end) === beforeText.slice(fixedFinding.start, fixedFinding.end);
  return !left;
}

/**
 * A rolled-back fix as a later pass sees it: the rule, the message, the text it replaces and
 * what it writes. Where the text around it has moved or changed it is still the same fix.
 */
function fixKey(text: string, finding: Finding): string {
  const [start, end] = finding.fix!.range;
  return `${finding.ruleId}\0${finding.message}\0${text.slice(start, end)}\0${finding.fix!.text.replace(/\r\n/g, "\n")}`;
}

export interface FixOptions {
  /** At most this many passes of fixing and linting again (ESLint's and markdownlint's limit is 10). */
  passes?: number;
  /** Which findings' fixes may be applied (`--fix-type`); all by default. */
  allowed?: (finding: Finding) => boolean;
}

export interface FixOutcome {
  output: string;
  /** The findings of the output. A fix that was rolled back is offered there as a suggestion, no longer as a fix. */
  findings: Finding[];
  changed: boolean;
  /** How many fixes were applied, and how many findings are left whose fix was rolled back. */
  applied: number;
  rolledBack: number;
}

interface Pass {
  text: string;
  findings: Finding[];
}

/**
 * Applies a group of fixes (sorted, not overlapping) to a text and keeps them only if the text,
 * linted again, has no finding that was not there before; otherwise tries each half on its own,
 * down to single fixes, and rejects those that fail. Returns the text with the fixes kept and
 * that text's findings.
 */
function applyVerified(base: Pass, group: Finding[], lintText: (text: string) => Finding[], reject: (finding: Finding, text: string) => void): Pass & { applied: number } {
  const edits = group.map((f) => f.fix!);
  const text = applyEdits(base.text, edits);
  const findings = lintText(text);
  if (findingsBrought(base.findings, group, edits, findings, base.text, text).length === 0) return { text, findings, applied: group.length };
  if (group.length === 1) {
    reject(group[0], base.text);
    return { ...base, applied: 0 };
  }
  const half = Math.ceil(group.length / 2);
  const first = applyVerified(base, group.slice(0, half), lintText, reject);
  // The second half lies after every fix of the first, so the kept ones only shift it.
  const shift = first.text.length - base.text.length;
  const second = applyVerified(first, group.slice(half).map((f) => shifted(f, shift)), lintText, reject);
  return { ...second, applied: first.applied + second.applied };
}

function shifted(finding: Finding, by: number): Finding {
  if (by === 0) return finding;
  const [start, end] = finding.fix!.range;
  return { ...finding, start: finding.start + by, end: finding.end + by, fix: { range: [start + by, end + by], text: finding.fix!.text } };
}

/** A finding whose fix writes added lines with the text's own line ending, so that lengths are known before applying it. */
function withLineEnding(finding: Finding, eol: "\n" | "\r\n"): Finding {
  if (eol === "\n" || !finding.fix!.text.includes("\n")) return finding;
  return { ...finding, fix: { range: finding.fix!.range, text: finding.fix!.text.replace(/\r?\n/g, "\r\n") } };
}

/**
 * Fixes, lints again and fixes again until nothing changes (at most `passes` times), as ESLint
 * and markdownlint do: a fix may only become possible once another has been applied. Every fix
 * is verified: one that leaves its finding, or brings a new finding of any rule, is rolled back
 * and its finding reported as not fixed, its edit kept only as a suggestion.
 */
export function fixUntilStable(text: string, lintText: (text: string) => Finding[], options: FixOptions = {}): FixOutcome {
  const passes = options.passes ?? 10;
  const allowed = options.allowed ?? (() => true);
  const eol = lineEnding(text);
  const rejected = new Set<string>();
  let current: Pass = { text, findings: lintText(text) };
  let applied = 0;
  for (let pass = 0; pass < passes; pass++) {
    const tried = current.findings.filter((f) => f.fix && allowed(f) && !rejected.has(fixKey(current.text, f)));
    const candidates = nonOverlapping(tried).map((f) => withLineEnding(f, eol));
    if (candidates.length === 0) break;
    const next = applyVerified(current, candidates, lintText, (finding, within) => rejected.add(fixKey(within, finding)));
    applied += next.applied;
    current = next;
  }
  const findings = current.findings.map((f) => (f.fix && rejected.has(fixKey(current.text, f)) ? asNotFixed(f) : f));
  const rolledBack = findings.filter((f, i) => f !== current.findings[i]).length;
  return { output: current.text, findings, changed: current.text !== text, applied, rolledBack };
}

/** A finding whose fix was rolled back: the edit stays on offer as a suggestion, to be judged by a person. */
function asNotFixed(finding: Finding): Finding {
  const { fix, ...rest } = finding;
  const suggestion = { desc: "Not applied by --fix: it left this finding or brought a new one.", fix: fix! };
  return { ...rest, suggestions: [suggestion, ...(finding.suggestions ?? [])] };
}
