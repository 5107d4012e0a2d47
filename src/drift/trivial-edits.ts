import type { SourceDrift } from "../core/rule.js";
import { MARKDOWN, type Grammar } from "../parse/parse.js";
import { diffSequences, type Hunk } from "./sequence-diff.js";
import { partsOfLines, readLines, type Part, type ReadText } from "./written-parts.js";

/**
 * Which kinds of source edits need no re-translation. Each is ignored by default; turning one
 * off (`--drift-strict`, or `drift.ignore` in the configuration) makes it drift again.
 */
export interface IgnoredEdits {
  /** Spacing and line wrapping: the same words, laid out again. */
  whitespace: boolean;
  /** Only punctuation added, removed or changed (a comma, an apostrophe, a full stop). */
  punctuation: boolean;
  /** Only where a link or image points: the text a reader reads is the same. */
  linkTargets: boolean;
}

export const IGNORE_TRIVIAL: IgnoredEdits = { whitespace: true, punctuation: true, linkTargets: true };
export const IGNORE_NOTHING: IgnoredEdits = { whitespace: false, punctuation: false, linkTargets: false };

/** A change that did not count as drift, and why: shown with `--verbose`. */
export interface IgnoredChange {
  /** The source lines (as now) the change touched, for an edit; absent for a skipped commit. */
  lines?: [number, number];
  /** The skipped commit, abbreviated. */
  commit?: string;
  reason: string;
}

/**
 * Differing lines of one paragraph taken together: a rewrapped paragraph can differ in several
 * runs of lines that only together say the same. `trivial` says why it needs no re-translation.
 */
export interface HunkGroup {
  hunks: Hunk[];
  /** From the first hunk's start to the last one's end. */
  span: Hunk;
  trivial?: string;
}

/** Lines compared as a translator reads them: spacing inside a line and line endings do not count. */
export function comparableLines(text: string): string[] {
  // Indentation is kept, since it can move a list item or a line of code.
  return text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/).map((l) => l.trimEnd().replace(/(\S)[ \t]+/g, "$1 "));
}

const collapse = (text: string) => text.replace(/\s+/g, " ").trim();

// Sentence punctuation, Western and CJK. Markdown's own marks (`*`, `_`, `#`, backticks) are not
// in it: adding emphasis or code is a change the translation should follow.
// Brackets are not in it either: they make a link, which the translation should have too.
const PUNCTUATION = /[.,;:!?…'"“”‘’„«»‹›()–—‐\-。、，．！？：；「」『』（）〈〉《》]/gu;

/** Prose without punctuation, except between digits, where it is part of a number (1.5, 10,000). */
const unpunctuated = (prose: string) => prose.replace(PUNCTUATION, (mark, offset: number, all: string) => (/\d/.test(all[offset - 1] ?? "") && /\d/.test(all[offset + 1] ?? "") ? mark : ""));

/**
 * The parts as one text: without link destinations when `links` is false, and without
 * punctuation when `punctuation` is false, except in code, since a translation copies code
 * (`a.b` becoming `a?.b` is a change to follow).
 */
function joined(parts: Part[], keep: { links: boolean; punctuation: boolean }): string {
  const shown = parts.filter((part) => keep.links || part.kind !== "destination");
  return collapse(shown.map((part) => (keep.punctuation || part.kind === "code" ? part.text : unpunctuated(part.text))).join(""));
}

/** Why changing the parts `before` into `after` needs no re-translation, or undefined when it does. */
function trivialChange(before: Part[], after: Part[], ignore: IgnoredEdits): string | undefined {
  const same = (keep: { links: boolean; punctuation: boolean }) => joined(before, keep) === joined(after, keep);
  if (same({ links: true, punctuation: true })) return ignore.whitespace ? "whitespace or line wrapping only" : undefined;
  if (!ignore.whitespace) return undefined;
  if (ignore.linkTargets && same({ links: false, punctuation: true })) return "link target only";
  if (!ignore.punctuation || !same({ links: !ignore.linkTargets, punctuation: false })) return undefined;
  return same({ links: true, punctuation: false }) ? "punctuation only" : "punctuation and link targets only";
}

/** Why changing `before` into `after` (each read as Markdown on its own) needs no re-translation, or undefined when it does. */
export function trivialEdit(before: string, after: string, ignore: IgnoredEdits): string | undefined {
  const partsOf = (text: string) => {
    const lines = comparableLines(text);
    return partsOfLines(readLines(lines), 0, lines.length);
  };
  return trivialChange(partsOf(before), partsOf(after), ignore);
}

/** Runs of differing lines not parted by a blank line of `b`, taken together: one paragraph's edits. */
function groupedHunks(a: string[], b: string[]): HunkGroup[] {
  const groups: HunkGroup[] = [];
  for (const hunk of diffSequences(a, b)) {
    const last = groups[groups.length - 1];
    const between = last ? b.slice(last.span.bEnd, hunk.bStart) : [];
    if (last && !between.some((line) => line.trim() === "")) {
      last.hunks.push(hunk);
      last.span = { aStart: last.span.aStart, aEnd: hunk.aEnd, bStart: last.span.bStart, bEnd: hunk.bEnd };
    } else groups.push({ hunks: [hunk], span: hunk });
  }
  return groups;
}

// What may write a link destination on a line or the one before it: `](`, `]:`, a tag or an
// autolink, a bare URL or address, an `href`/`src` attribute.
const MAY_POINT = /\]\(|\]:|<|:\/\/|www\.|@|href|src/i;
const letters = (lines: string[]) => lines.join("").replace(/[\s\p{P}\p{S}]/gu, "");

/**
 * Whether a group could be trivial at all, told without reading Markdown (which costs far more
 * than the diff): the same letters and digits on both sides, or a link destination that may
 * account for the difference.
 */
function mayBeTrivial(a: string[], b: string[], span: Hunk): boolean {
  const [before, after] = [a.slice(span.aStart, span.aEnd), b.slice(span.bStart, span.bEnd)];
  if (letters(before) === letters(after)) return true;
  return MAY_POINT.test([a[span.aStart - 1] ?? "", ...before, b[span.bStart - 1] ?? "", ...after].join("\n"));
}

/**
 * The hunks between two texts' lines, grouped by paragraph and classified. Each text is read
 * once with the Markdown grammar, and only when a group may be trivial; an edit touching a code
 * block always counts.
 */
export function classifiedHunks(a: string[], b: string[], ignore: IgnoredEdits, grammar: Grammar = MARKDOWN): HunkGroup[] {
  const groups = groupedHunks(a, b);
  // Every edit changes at least whitespace: when that counts, nothing is trivial.
  if (!ignore.whitespace) return groups;
  let read: [ReadText, ReadText] | undefined;
  for (const group of groups) {
    const { span } = group;
    if (!mayBeTrivial(a, b, span)) continue;
    const [readA, readB] = (read ??= [readLines(a, grammar), readLines(b, grammar)]);
    if (readA.codeLines.slice(span.aStart, span.aEnd).some(Boolean) || readB.codeLines.slice(span.bStart, span.bEnd).some(Boolean)) continue;
    const trivial = trivialChange(partsOfLines(readA, span.aStart, span.aEnd), partsOfLines(readB, span.bStart, span.bEnd), ignore);
    if (trivial) group.trivial = trivial;
  }
  return groups;
}

const written = (list: string[], from: number, to: number) => list.slice(from, to).filter((l) => l.trim() !== "").length;

/** Whether a hunk takes away lines of text, which the translation may still carry. */
export function removesText(a: string[], b: string[], hunk: Hunk): boolean {
  return written(a, hunk.aStart, hunk.aEnd) > written(b, hunk.bStart, hunk.bEnd);
}

/** The lines (1-based, of `b`) a hunk touches, for a reader: a pure removal names the line before it. */
export function hunkLines(hunk: Hunk): [number, number] {
  return hunk.bEnd > hunk.bStart ? [hunk.bStart + 1, hunk.bEnd] : [Math.max(1, hunk.bStart), Math.max(1, hunk.bStart)];
}

/** Changed and removed lines of `now` against `before`, leaving out edits that need no re-translation. */
export function significantDrift(before: string, now: string, ignore: IgnoredEdits, grammar: Grammar = MARKDOWN): Pick<SourceDrift, "changedLines" | "removedAfter"> & { ignored: IgnoredChange[] } {
  const [a, b] = [comparableLines(before), comparableLines(now)];
  const changedLines: Array<[number, number]> = [];
  const removedAfter: number[] = [];
  const ignored: IgnoredChange[] = [];
  for (const group of classifiedHunks(a, b, ignore, grammar)) {
    if (group.trivial) {
      ignored.push({ lines: hunkLines(group.span), reason: group.trivial });
      continue;
    }
    for (const hunk of group.hunks) {
      if (hunk.bEnd > hunk.bStart) changedLines.push([hunk.bStart + 1, hunk.bEnd]);
      // Fewer lines of text than before: some went, which the translation may still carry.
      if (removesText(a, b, hunk)) removedAfter.push(hunk.bStart);
    }
  }
  return { changedLines, removedAfter, ignored };
}
