import type { Segment } from "../core/types.js";

/** What two segments in different languages can share: the clues alignment and rules compare. */
export interface SegmentFeatures {
  urls: Set<string>;
  numbers: Set<string>;
  code: Set<string>;
  /** Lower-cased capitalised, mixed-case or all-caps tokens: names, acronyms, product names. */
  names: Set<string>;
  /** Diacritic-free five-letter stems of long words: cognates such as laboratory/laboratório share them. */
  stems: Set<string>;
  /** A code block's lines as written (comments aside, which translators rewrite): identical code is the surest match. */
  codeLines: Set<string>;
  /** Letters and digits in the segment, a length measure that ignores markup. */
  length: number;
}

const cache = new WeakMap<Segment, SegmentFeatures>();

const URL_PATTERN = /(?:https?:\/\/|www\.)[^\s()<>\]"'`]+/gi;
/** Targets written in link syntax (`](../guide/#setup)`, `]: /docs/x`), relative ones included. */
const LINK_TARGET_PATTERN = /\]\(\s*<?([^()\s<>]+)|^\s*\[[^\]\n]+\]:\s*<?([^\s<>]+)/gm;
const NUMBER_PATTERN = /\d+(?:[.,:]\d+)*/g;
const CODE_PATTERN = /(?<!`)`+([^`\n]+)`+/g;
/**
 * A name is written in a script with capitals: it stops where uncased letters (kana, ideographs)
 * begin, as they do without a space in Japanese or Chinese (`Rustは…` is the name `Rust`).
 */
const NAME_PATTERN = /\p{Lu}[\p{LC}\p{N}]*(?:[.-][\p{LC}\p{N}]+)*|(?<!\p{Ll})\p{Ll}+\p{Lu}[\p{LC}\p{N}]*/gu;
const LONG_WORD = /\p{L}{6,}/gu;

/** A capitalised word that opens a sentence says nothing about names, unless it has more capitals or digits. */
function opensSentence(text: string, index: number, word: string): boolean {
  if (/^.\p{Ll}*$/u.test(word) === false) return false;
  const before = text.slice(Math.max(0, index - 4), index);
  return index === 0 || /(?:^|[.!?:]\s*|[*_"“(\[]\s*|^\s*[-+*>#]+\s*)$/u.test(before) || /\n\s*$/.test(before);
}

/** A word with only its first letter capital (each part of a compound: `Higher-Rank`): in a title, that is title case, not a name. */
const CAPITALISED = /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)*$/u;
/** An acronym's plural (`APIs`, `HRTBs`) names what the acronym names; a translation writes the acronym alone. */
const ACRONYM_PLURAL = /^(\p{Lu}{2,})s$/u;

/**
 * Whether a segment is a title, where capitals mark words rather than names: a heading, or one
 * line with no sentence punctuation at its end (a Pandoc `% Title` line, a bold caption).
 */
function isTitle(segment: Segment, prose: string): boolean {
  if (segment.kind === "heading") return true;
  return segment.kind === "paragraph" && !/\n/.test(prose.trim()) && !/[.!?:;。．！？：]\s*$/.test(prose);
}

/** Strips what varies between a source URL and its faithful copy. */
export function normalizeUrl(url: string): string {
  return url
    .replace(/[.,;:!?*_]+$/, "")
    .replace(/^https?:\/\//i, "")
    .replace(/^www\./i, "")
    .replace(/\/+$/, "")
    .toLowerCase();
}

/** A code line that is a comment, which a translation may rewrite in its language. */
const CODE_COMMENT_LINE = /^(?:\/\/|#|\/\*|\*|<!--|--)/;

/** The lines of a code block that a translation copies as they are: trimmed, four characters or more, no comments. */
export function codeLinesOf(segment: Segment): string[] {
  if (segment.kind !== "code") return [];
  return segment.raw
    .split(/\r?\n/)
    .slice(1, -1)
    .map((line) => line.trim())
    .filter((line) => line.length >= 4 && !CODE_COMMENT_LINE.test(line));
}

export function featuresOf(segment: Segment): SegmentFeatures {
  let features = cache.get(segment);
  if (features) return features;
  const raw = segment.raw;
  const urls = new Set<string>();
  for (const match of raw.matchAll(URL_PATTERN)) urls.add(normalizeUrl(match[0]));
  // Documentation sites link relatively: a relative target is as telling as a full URL.
  for (const match of raw.matchAll(LINK_TARGET_PATTERN)) urls.add(normalizeUrl(match[1] ?? match[2]));
  const withoutUrls = raw.replace(URL_PATTERN, " ");
  const numbers = new Set<string>();
  for (const match of withoutUrls.matchAll(NUMBER_PATTERN)) numbers.add(match[0].replace(/[.,:]/g, ""));
  const code = new Set<string>();
  for (const match of raw.matchAll(CODE_PATTERN)) code.add(match[1].trim());
  const names = new Set<string>();
  const prose = withoutUrls.trimStart();
  const titleCase = isTitle(segment, prose);
  for (const match of prose.matchAll(NAME_PATTERN)) {
    if (match[0].length <= 1 || opensSentence(prose, match.index, match[0])) continue;
    if (titleCase && CAPITALISED.test(match[0])) continue;
    names.add(match[0].replace(ACRONYM_PLURAL, "$1").toLowerCase());
  }
  const stems = new Set<string>();
  for (const match of prose.normalize("NFD").replace(/\p{M}/gu, "").matchAll(LONG_WORD)) stems.add(match[0].slice(0, 5).toLowerCase());
  const length = withoutUrls.replace(/[^\p{L}\p{N}]+/gu, "").length;
  features = { urls, numbers, code, names, stems, codeLines: new Set(codeLinesOf(segment)), length };
  cache.set(segment, features);
  return features;
}

/** Features of several segments taken as one. */
export function mergedFeatures(segments: Segment[]): SegmentFeatures {
  if (segments.length === 1) return featuresOf(segments[0]);
  const merged: SegmentFeatures = { urls: new Set(), numbers: new Set(), code: new Set(), names: new Set(), stems: new Set(), codeLines: new Set(), length: 0 };
  for (const segment of segments) {
    const f = featuresOf(segment);
    for (const key of ["urls", "numbers", "code", "names", "stems", "codeLines"] as const) for (const v of f[key]) merged[key].add(v);
    merged.length += f.length;
  }
  return merged;
}
