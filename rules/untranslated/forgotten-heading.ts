import type { LintDocument, Pair, Segment } from "../../src/core/types.js";

/**
 * A heading left in the source language is short and title-cased, so the language of its words
 * says little. What says more is the page around it: a heading copied unchanged in a page whose
 * other headings are translated, made of words the source's prose uses as ordinary lower-case
 * words and the translation never uses. Names (`Maven`, `OpenTelemetry`), acronyms (`API`, `FAQ`)
 * and words both languages share (`Props`, `Traces`) are none of these.
 */

/** Fewest other headings of the page, translated, before one copied unchanged stands out. */
const MIN_TRANSLATED_HEADINGS = 2;
/** Most of the page's other headings copied unchanged, as a share of those translated. */
const MAX_COPIED_SHARE = 1 / 3;

type ProseOf = (segments: Segment[]) => string;
type Comparable = (segments: Segment[]) => string;

interface PageHeadings {
  /** Heading pairs with whether the translation is its source unchanged. */
  copied: Map<Pair, boolean>;
  /** Each heading pair's translatable prose. */
  prose: Map<Pair, string>;
  /** How often the source's prose writes each word in lower case: ordinary words, not names. */
  sourceLowerCase: Map<string, number>;
  /** Every word of the translation outside its headings, lower-cased. */
  translationWords: Set<string>;
}

// Apostrophes end a word: French elides articles into the next word (`l'installation`).
const WORD = /\p{L}[\p{L}\p{M}]*/gu;
/** A word written as an ordinary word is: lower case, or capitalised only at its first letter. */
const PLAIN = /^\p{Lu}?\p{Ll}+$/u;
/** A heading attribute that asks translators to keep it as it is (`{.notranslate lang=en}`). */
const NO_TRANSLATE = /\{[^{}]*\.notranslate\b[^{}]*\}\s*$/;
const pages = new WeakMap<LintDocument, PageHeadings>();

function countOf(words: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

const isHeadingPair = (pair: Pair) =>
  pair.sources.length > 0 &&
  pair.translations.length > 0 &&
  pair.sources.every((s) => s.kind === "heading") &&
  pair.translations.every((t) => t.kind === "heading");

function pageHeadings(document: LintDocument, proseOf: ProseOf, comparable: Comparable): PageHeadings {
  const known = pages.get(document);
  if (known) return known;
  const copied = new Map<Pair, boolean>();
  const prose = new Map<Pair, string>();
  for (const pair of document.pairs.filter(isHeadingPair)) {
    const translation = comparable(pair.translations);
    if (translation === "") continue;
    copied.set(pair, translation === comparable(pair.sources));
    prose.set(pair, proseOf(pair.translations));
  }
  const body = (side: Segment["side"]) => document.segments.filter((s) => s.side === side && s.kind !== "heading");
  const sourceWords = proseOf(body("source").filter((s) => s.kind !== "code")).match(WORD) ?? [];
  // Everything the translation writes counts, code and link text too: a word used anywhere is one it keeps.
  const translationText = body("translation").map((s) => s.raw).join("\n");
  const page = {
    copied,
    prose,
    sourceLowerCase: countOf(sourceWords.filter((w) => w === w.toLowerCase())),
    translationWords: new Set((translationText.match(WORD) ?? []).map((w) => w.toLowerCase())),
  };
  pages.set(document, page);
  return page;
}

/**
 * Whether the page's other headings are translated, so that this one copied unchanged stands out.
 * Headings copied unchanged that are names or code (`useState`, `Maven`) are kept in every
 * language and say nothing either way; those of plain source words count against.
 */
function othersTranslated(page: PageHeadings, pair: Pair): boolean {
  let translated = 0;
  let copied = 0;
  for (const [other, same] of page.copied) {
    if (other === pair) continue;
    if (!same) translated++;
    else if (wordsOfTheSource(page, page.prose.get(other) ?? "")) copied++;
  }
  return translated >= MIN_TRANSLATED_HEADINGS && copied <= translated * MAX_COPIED_SHARE;
}

/**
 * Whether a heading's word is a plain word of the source language: one the source's prose writes
 * in lower case (a name is written with its capital), and the translation never writes.
 */
function sourceWord(page: PageHeadings, word: string, uses: number): boolean {
  const lower = word.toLowerCase();
  return PLAIN.test(word) && (page.sourceLowerCase.get(lower) ?? 0) >= uses && !page.translationWords.has(lower);
}

/**
 * Whether the heading's words are all plain words of the source language: one name among them
 * (`OpenTelemetry Community Awards`) makes it a title, which translators often keep. A heading of
 * one word is often a term the page defines and the translation keeps (a glossary's `Contrib`):
 * its word must be one the source's prose uses more than once.
 */
function wordsOfTheSource(page: PageHeadings, heading: string): boolean {
  const words = (heading.match(WORD) ?? []).filter((w) => w.length >= 3);
  const uses = words.length === 1 ? 2 : 1;
  return words.length > 0 && words.every((w) => sourceWord(page, w, uses));
}

/**
 * Whether a heading pair is a heading the translator forgot: copied unchanged from its source
 * (`headingProse` is its translatable prose) in a page that translates its other headings.
 */
export function forgottenHeading(document: LintDocument, pair: Pair, headingProse: string, proseOf: ProseOf, comparable: Comparable): boolean {
  if (!isHeadingPair(pair) || pair.translations.some((t) => NO_TRANSLATE.test(t.raw))) return false;
  const page = pageHeadings(document, proseOf, comparable);
  return page.copied.get(pair) === true && othersTranslated(page, pair) && wordsOfTheSource(page, headingProse);
}
