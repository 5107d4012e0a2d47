import type { SourceDrift } from "../core/rule.js";
import type { Grammar } from "../parse/parse.js";
import type { Hunk } from "./sequence-diff.js";
import { classifiedHunks, comparableLines, hunkLines, removesText, type IgnoredChange, type IgnoredEdits } from "./trivial-edits.js";

/** One version of the source in its history: its text, and whether the commit that made it counts as drift. */
export interface SourceVersion {
  text: string;
  counted: boolean;
}

/** Which lines of a version were changed by a counted edit since the base, and where counted edits removed text. */
interface Marks {
  lines: string[];
  dirty: boolean[];
  /** Indexes `i`: text was removed just before line `i`. */
  removals: Set<number>;
}

const END = (a: string[], b: string[]): Hunk & { trivial?: string } => ({ aStart: a.length, aEnd: a.length, bStart: b.length, bEnd: b.length });

/** Carries the marks of one version over to the next, adding what the next one's commit changed if it counts. */
function carry(marks: Marks, version: SourceVersion, ignore: IgnoredEdits, grammar?: Grammar): Marks {
  const a = marks.lines;
  const b = comparableLines(version.text);
  const dirty = new Array<boolean>(b.length).fill(false);
  const removals = new Set<number>();
  let [ai, bi] = [0, 0];
  const hunks = classifiedHunks(a, b, ignore, grammar).flatMap((group) => group.hunks.map((hunk) => ({ ...hunk, trivial: group.trivial })));
  for (const hunk of [...hunks, END(a, b)]) {
    for (; ai < hunk.aStart; ai++, bi++) {
      dirty[bi] = marks.dirty[ai];
      if (marks.removals.has(ai)) removals.add(bi);
    }
    const wasMarked = marks.dirty.slice(hunk.aStart, hunk.aEnd).some(Boolean) || [...marks.removals].some((r) => r >= hunk.aStart && r <= hunk.aEnd && hunk.aEnd > hunk.aStart);
    const counts = version.counted && !hunk.trivial;
    for (let i = hunk.bStart; i < hunk.bEnd; i++) dirty[i] = counts || wasMarked;
    if ((counts && removesText(a, b, hunk)) || (wasMarked && hunk.bEnd === hunk.bStart)) removals.add(hunk.bStart);
    [ai, bi] = [hunk.aEnd, hunk.bEnd];
  }
  if (marks.removals.has(a.length)) removals.add(b.length);
  return { lines: b, dirty, removals };
}

function ranges(flags: boolean[], from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = from; i < to; i++) {
    if (!flags[i]) continue;
    const last = out[out.length - 1];
    if (last && last[1] === i) last[1] = i + 1;
    else out.push([i + 1, i + 1]);
  }
  return out;
}

/**
 * Drift when some commits since the base do not count (their message says so): a line of the
 * source now is changed only if a counted commit (or an uncommitted edit, the last version)
 * changed it, and it still differs from the base. The versions run oldest first and end with
 * the source as it is now.
 */
export function driftSkippingCommits(base: string, versions: SourceVersion[], ignore: IgnoredEdits, grammar?: Grammar): Pick<SourceDrift, "changedLines" | "removedAfter"> & { ignored: IgnoredChange[] } {
  let marks: Marks = { lines: comparableLines(base), dirty: comparableLines(base).map(() => false), removals: new Set() };
  for (const version of versions) marks = carry(marks, version, ignore, grammar);
  const before = comparableLines(base);
  const changedLines: Array<[number, number]> = [];
  const removedAfter: number[] = [];
  const ignored: IgnoredChange[] = [];
  const groups = classifiedHunks(before, marks.lines, ignore, grammar);
  for (const group of groups) if (group.trivial) ignored.push({ lines: hunkLines(group.span), reason: group.trivial });
  for (const hunk of groups.filter((g) => !g.trivial).flatMap((g) => g.hunks)) {
    const changed = ranges(marks.dirty, hunk.bStart, hunk.bEnd);
    const removed = [...marks.removals].some((r) => r >= hunk.bStart && r <= hunk.bEnd) && removesText(before, marks.lines, hunk);
    if (changed.length === 0 && !removed) ignored.push({ lines: hunkLines(hunk), reason: "changed only by skipped commits" });
    changedLines.push(...changed);
    if (removed || (changed.length > 0 && removesText(before, marks.lines, hunk))) removedAfter.push(hunk.bStart);
  }
  return { changedLines, removedAfter, ignored };
}
