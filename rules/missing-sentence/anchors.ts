import { linksOf } from "../../src/text/links.js";
import { featuresOf, normalizeUrl } from "../../src/pair/features.js";
import type { LintDocument, Segment } from "../../src/core/types.js";

/**
 * What a translation writes as the source does, sentence by sentence: link targets, numbers,
 * inline code, names, and (between two Latin-script languages) the stems of long words, which
 * cognates share (`configuration`/`configuração`). A source sentence whose own anchors are
 * nowhere in the translation, when the document's other pairs keep theirs, was likely left out;
 * one whose anchors are there was merged into another sentence, not dropped.
 */

export type AnchorKind = "url" | "number" | "code" | "name" | "stem";
export type Anchors = Map<string, AnchorKind>;

/** A block's prose with where each character came from, as `proseOf` gives it. */
export interface ProseBlock {
  segment: Segment;
  text: string;
  offsets: number[];
}

const NUMBER = /\d+(?:[.,:]\d+)*/g;
const LONG_WORD = /\p{L}{6,}/gu;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A letter or digit that would make a Latin name part of a longer word; Chinese and Japanese write names against their own letters. */
const JOINED = "(?![\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}])[\\p{L}\\p{N}]";
const containsWord = (haystack: string, word: string) => new RegExp(`(?<!${JOINED})${escape(word)}(?!${JOINED})`, "u").test(haystack);

/** The anchors of the prose from `from` to `to` (indexes into the block's prose). */
export function anchorsIn(document: LintDocument, block: ProseBlock, from: number, to: number, withStems: boolean): Anchors {
  const anchors: Anchors = new Map();
  const text = block.text.slice(from, to);
  const lower = text.toLowerCase();
  const docText = block.segment.side === "source" ? document.sourceText : document.text;
  const [first, last] = [block.offsets[from] ?? block.segment.start, block.offsets[Math.max(from, to - 1)] ?? block.segment.end];
  for (const link of linksOf(block.segment, docText)) {
    // A link that opens the sentence starts before its first letter (at `[`): overlap, not containment.
    if (link.end > first && link.start <= last && link.url) anchors.set(normalizeUrl(link.url), "url");
  }
  for (const match of text.matchAll(NUMBER)) anchors.set(match[0].replace(/[.,:]/g, ""), "number");
  const features = featuresOf(block.segment);
  // Code is copied as it is, even one character long (`;`).
  for (const code of features.code) if (code.trim() && text.includes(code)) anchors.set(code, "code");
  for (const name of features.names) if (name.length > 1 && containsWord(lower, name)) anchors.set(name, "name");
  if (withStems) {
    for (const match of text.normalize("NFD").replace(/\p{M}/gu, "").matchAll(LONG_WORD)) {
      const stem = match[0].slice(0, 5).toLowerCase();
      if (!anchors.has(stem)) anchors.set(stem, "stem");
    }
  }
  return anchors;
}

/** How often, in the document's one-to-one pairs, the translation keeps an anchor of each kind. */
export type KeepRates = Record<AnchorKind, number>;

export function keepRatesOf(pairs: Array<{ source: Anchors; translation: Anchors }>): KeepRates {
  const kept: Record<AnchorKind, [number, number]> = { url: [0, 0], number: [0, 0], code: [0, 0], name: [0, 0], stem: [0, 0] };
  for (const { source, translation } of pairs) {
    for (const [token, kind] of source) {
      kept[kind][1]++;
      if (translation.has(token)) kept[kind][0]++;
    }
  }
  // Laplace's rule, kept away from certainty either way.
  const rate = ([found, total]: [number, number]) => Math.min(0.95, Math.max(0.05, (found + 1) / (total + 2)));
  return { url: rate(kept.url), number: rate(kept.number), code: rate(kept.code), name: rate(kept.name), stem: rate(kept.stem) };
}

/** How often a dropped sentence's anchor still turns up in the translation, by chance: a word of another sentence. */
const CHANCE: Record<AnchorKind, number> = { url: 0.02, number: 0.05, code: 0.02, name: 0.05, stem: 0.1 };
/** Most evidence one kind of anchor gives for an omission: stems and names come in correlated bunches. */
const MOST_PER_KIND = 2.5;

/**
 * The log-likelihood ratio, from its anchors, that a source sentence was left out rather than
 * translated: each anchor missing from the translation counts for it, each one present (a
 * sentence merged into another) counts against it, far more strongly.
 */
export function anchorEvidence(own: Anchors, translation: Anchors, rates: KeepRates): number {
  const perKind = new Map<AnchorKind, number>();
  for (const [token, kind] of own) {
    const keep = rates[kind];
    const chance = Math.min(CHANCE[kind], keep / 2);
    const evidence = translation.has(token) ? Math.log(chance / keep) : Math.log((1 - chance) / (1 - keep));
    perKind.set(kind, (perKind.get(kind) ?? 0) + evidence);
  }
  return [...perKind.values()].reduce((total, evidence) => total + Math.min(evidence, MOST_PER_KIND), 0);
}
