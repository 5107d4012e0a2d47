import { diffWordsWithSpace } from "diff";
import { diffSequences, type Hunk } from "./sequence-diff.js";
import { comparableLines } from "./trivial-edits.js";

/** A stretch of a word-level diff: kept, removed from the old text, or inserted in the new. */
export interface DiffPart {
  op: "same" | "removed" | "added";
  text: string;
}

/** The words that changed from `before` to `after`, in order, with what stayed between them (jsdiff's word diff). */
export function wordDiff(before: string, after: string): DiffPart[] {
  return diffWordsWithSpace(before, after).map((change) => ({ op: change.added ? "added" : change.removed ? "removed" : "same", text: change.value }));
}

/** A text's lines as written (only a byte-order mark dropped), for showing them. */
const rawLines = (text: string) => text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);

/** The 0-based line range of `before` that lines `[from, to)` of `now` came from. */
function rangeBefore(hunks: Hunk[], from: number, to: number): [number, number] {
  const map = (line: number, end: boolean): number => {
    let shift = 0;
    for (const h of hunks) {
      if (line < h.bStart || (end && line === h.bStart)) break;
      if (line < h.bEnd || (end && line === h.bEnd)) return end ? h.aEnd : h.aStart;
      shift = h.aEnd - h.bEnd;
    }
    return line + shift;
  };
  return [map(from, false), map(to, true)];
}

/**
 * A changed stretch of the source as a word-level diff: source lines `first`–`last` (1-based) as
 * they are now, against the lines they came from in `before`. Without `before` (a stamp keeps no
 * text), the lines are shown as added.
 */
export function changedLinesDiff(before: string | undefined, now: string, first: number, last: number): DiffPart[] {
  const after = rawLines(now).slice(first - 1, last).join("\n");
  if (before === undefined) return [{ op: "added", text: after }];
  const beforeLines = rawLines(before);
  const [from, to] = rangeBefore(diffSequences(comparableLines(before), comparableLines(now)), first - 1, last);
  return wordDiff(beforeLines.slice(from, to).join("\n"), after);
}

/** The source text removed after line `removedAfter` (as now), as a diff of the stretch that lost it. */
export function removalDiff(before: string | undefined, now: string, removedAfter: number): DiffPart[] {
  if (before === undefined) return [];
  const hunk = diffSequences(comparableLines(before), comparableLines(now)).find((h) => h.bStart === removedAfter);
  if (!hunk) return [];
  return wordDiff(rawLines(before).slice(hunk.aStart, hunk.aEnd).join("\n"), rawLines(now).slice(hunk.bStart, hunk.bEnd).join("\n"));
}
