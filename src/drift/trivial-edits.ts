import type { SourceDrift } from "../core/rule.js";
import { diffSequences, type Hunk } from "./sequence-diff.js";

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

/**
 * Text without punctuation, except between digits, where it is part of a number (1.5, 10,000),
 * and inside code spans: a translation copies code, so `a.b` becoming `a?.b` is a change to follow.
 */
function withoutPunctuation(text: string): string {
  const unmarked = (prose: string) => prose.replace(PUNCTUATION, (mark, offset: number, all: string) => (/\d/.test(all[offset - 1] ?? "") && /\d/.test(all[offset + 1] ?? "") ? mark : ""));
  return text
    .split(/(`+[^`]*?`+)/)
    .map((part, index) => (index % 2 === 1 ? part : unmarked(part)))
    .join("");
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Which lines are in a fenced code block, fences included: there every mark and space counts. */
export function fencedLines(lines: string[]): boolean[] {
  const inside: boolean[] = [];
  let open: string | undefined;
  for (const line of lines) {
    const fence = FENCE.exec(line)?.[1];
    if (open === undefined) {
      if (fence) open = fence;
      inside.push(open !== undefined);
    } else {
      inside.push(true);
      // A closing fence is of the opening's character, at least as long, with nothing after it.
      if (fence && fence[0] === open[0] && fence.length >= open.length && line.trim() === fence) open = undefined;
    }
  }
  return inside;
}

// Where links point, in the three forms a Markdown source writes them: an inline link or image's
// destination, a reference definition's, and an HTML attribute. The label and a title stay.
const INLINE_DESTINATION = /\]\(\s*(?:<[^>\n]*>|(?:[^\s()]|\([^\s()]*\))*)/g;
const DEFINITION_DESTINATION = /^( {0,3}\[[^\]\n]+\]:)[ \t]*(?:<[^>\n]*>|\S+)/gm;
const HTML_DESTINATION = /\b(href|src)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)/gi;

function withoutLinkTargets(text: string): string {
  return text.replace(INLINE_DESTINATION, "](").replace(DEFINITION_DESTINATION, "$1").replace(HTML_DESTINATION, "$1=");
}

/** Why changing `before` into `after` needs no re-translation, or undefined when it does. */
export function trivialEdit(before: string, after: string, ignore: IgnoredEdits): string | undefined {
  const a = collapse(before);
  const b = collapse(after);
  if (a === b) return ignore.whitespace ? "whitespace or line wrapping only" : undefined;
  if (!ignore.whitespace) return undefined;
  const unlinked = ignore.linkTargets ? [withoutLinkTargets(a), withoutLinkTargets(b)] : [a, b];
  const linkOnly = ignore.linkTargets && collapse(unlinked[0]) === collapse(unlinked[1]);
  if (linkOnly) return "link target only";
  if (!ignore.punctuation) return undefined;
  const [pa, pb] = unlinked.map((t) => collapse(withoutPunctuation(t)));
  if (pa !== pb) return undefined;
  return collapse(withoutPunctuation(a)) === collapse(withoutPunctuation(b)) ? "punctuation only" : "punctuation and link targets only";
}

/** The hunks between two texts' lines, grouped by paragraph and classified. */
export function classifiedHunks(a: string[], b: string[], ignore: IgnoredEdits): HunkGroup[] {
  const groups: HunkGroup[] = [];
  for (const hunk of diffSequences(a, b)) {
    const last = groups[groups.length - 1];
    const between = last ? b.slice(last.span.bEnd, hunk.bStart) : [];
    if (last && !between.some((line) => line.trim() === "")) {
      last.hunks.push(hunk);
      last.span = { aStart: last.span.aStart, aEnd: hunk.aEnd, bStart: last.span.bStart, bEnd: hunk.bEnd };
    } else groups.push({ hunks: [hunk], span: hunk });
  }
  const [codeA, codeB] = [fencedLines(a), fencedLines(b)];
  for (const group of groups) {
    const { span } = group;
    if (codeA.slice(span.aStart, span.aEnd).some(Boolean) || codeB.slice(span.bStart, span.bEnd).some(Boolean)) continue;
    const trivial = trivialEdit(a.slice(span.aStart, span.aEnd).join("\n"), b.slice(span.bStart, span.bEnd).join("\n"), ignore);
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
export function significantDrift(before: string, now: string, ignore: IgnoredEdits): Pick<SourceDrift, "changedLines" | "removedAfter"> & { ignored: IgnoredChange[] } {
  const [a, b] = [comparableLines(before), comparableLines(now)];
  const changedLines: Array<[number, number]> = [];
  const removedAfter: number[] = [];
  const ignored: IgnoredChange[] = [];
  for (const group of classifiedHunks(a, b, ignore)) {
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
