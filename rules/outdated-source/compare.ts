import { diffSequences } from "../../src/drift/sequence-diff.js";

/**
 * How the English kept in a comment is compared with the English file's block: what a reader
 * sees, not how it was typed. Line wrapping and runs of spaces, typographic or straight quotes
 * and apostrophes, `…` or `...`, a no-break space, and the marker a list item is written with
 * render the same text (or were changed by an editor's autocorrect, not by the author). A line
 * holding only `\\` is a spacer: the file's blocks are cut there, a comment's text is not.
 */
export function comparableText(raw: string): string {
  return raw
    .replace(/<!--|-->/g, " ")
    .replace(/^[ \t]*\\\\?[ \t]*$/gm, "")
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/\u2026/g, "...")
    .replace(/^[ \t]*[-*+][ \t]+/gm, "- ")
    .replace(/[\s\u00A0\u202F]+/g, " ")
    .trim();
}

/** The words of a comparable text, as the word-level diff counts them. */
export function wordsOf(text: string): string[] {
  return text === "" ? [] : text.split(" ");
}

/** How much two blocks share, 0..1: twice the words they have in common over all their words (Dice). */
export function wordOverlap(a: string[], b: string[]): number {
  if (a.length + b.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const word of a) counts.set(word.toLowerCase(), (counts.get(word.toLowerCase()) ?? 0) + 1);
  let shared = 0;
  for (const word of b) {
    const left = counts.get(word.toLowerCase()) ?? 0;
    if (left > 0) {
      shared++;
      counts.set(word.toLowerCase(), left - 1);
    }
  }
  return (2 * shared) / (a.length + b.length);
}

/** Longest a diff shown in a message may be; a longer one is cut with `…`. */
const MAX_DIFF_LENGTH = 200;

/** The words that differ, as `- old words + new words`, one change after another, `…` between. */
export function wordDiff(before: string[], after: string[]): string {
  const changes = diffSequences(before, after).map((hunk) => {
    const removed = before.slice(hunk.aStart, hunk.aEnd).join(" ");
    const added = after.slice(hunk.bStart, hunk.bEnd).join(" ");
    return [removed && `- ${removed}`, added && `+ ${added}`].filter(Boolean).join(" ");
  });
  const text = changes.join(" … ");
  return text.length > MAX_DIFF_LENGTH ? `${text.slice(0, MAX_DIFF_LENGTH - 1)}…` : text;
}
