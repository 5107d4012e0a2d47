import type { Speller } from "../../src/core/rule.js";
import type { LintDocument, Pair, Segment } from "../../src/core/types.js";
import { segmentText } from "../../src/core/rule.js";
import { identifyLanguage } from "../../src/text/language-id.js";
import { proseOf as proseOfSegment } from "../../src/text/prose.js";

/**
 * A heading left in the source language is short and title-cased, so the language of its words
 * says little. What says more is the page around it: a heading copied unchanged in a page whose
 * other headings are translated, made of words the source's prose uses as ordinary lower-case
 * words and the translation never uses. Names (`Maven`, `OpenTelemetry`), acronyms (`API`, `FAQ`)
 * and words both languages share (`Props`, `Traces`) are none of these.
 *
 * With the source language's dictionary at hand, a word of the source language is one the
 * dictionary knows in lower case, so that a heading's word the source's prose never writes
 * (`Usage`, `Troubleshooting`) is still known for what it is; a word the target language's
 * dictionary knows, or the translation's prose uses, is one the translation keeps.
 */

/** The dictionaries a heading's words are looked up in, loaded only when a heading is copied. */
export interface HeadingDictionaries {
  source?: Speller;
  target?: Speller;
}

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
  /** Words the source's prose capitalises inside a sentence, where only a name is capitalised (`Rust`, `Windows`). */
  sourceNames: Set<string>;
  /** One-word inline code of the page, as written: identifiers a heading may name (`Borrow`, the trait). */
  codeWords: Set<string>;
  /** English stems of the words of the translation's prose outside its headings (not its code): the terms it keeps from the source. */
  translationProse: Set<string>;
  /** Whether the translation's body reads as the target language, asked once. */
  bodyTranslated: () => boolean;
  dictionaries: HeadingDictionaries;
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

function pageHeadings(document: LintDocument, proseOf: ProseOf, comparable: Comparable, dictionaries: () => HeadingDictionaries): PageHeadings {
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
  const sourceProse = proseOf(body("source").filter((s) => s.kind !== "code"));
  const sourceWords = sourceProse.match(WORD) ?? [];
  // Everything the translation writes counts, code and link text too: a word used anywhere is one it keeps.
  const translationText = body("translation").map((s) => s.raw).join("\n");
  // Link text and emphasis count: a term the translation keeps is often linked or set in italics.
  const translationProse = body("translation")
    .filter((s) => s.kind !== "code")
    .map((s) => proseOfSegment(s, segmentText(document, s), { skipCode: true }).text)
    .join("\n");
  let bodyTranslated: boolean | undefined;
  const languages = { source: document.sourceLanguage ?? "en", target: document.targetLanguage ?? "" };
  const page = {
    copied,
    prose,
    sourceLowerCase: countOf(sourceWords.filter((w) => w === w.toLowerCase())),
    translationWords: new Set((translationText.match(WORD) ?? []).map((w) => w.toLowerCase())),
    sourceNames: capitalisedInsideSentences(sourceProse),
    codeWords: identifiersOf(document.segments.filter((s) => s.kind !== "heading")),
    translationProse: new Set((translationProse.match(WORD) ?? []).map(englishStem)),
    bodyTranslated: () => (bodyTranslated ??= identifyLanguage(translationProse, languages).verdict === "target"),
    dictionaries: dictionaries(),
  };
  pages.set(document, page);
  return page;
}

/** Where a sentence may start: after `.`, `!`, `?`, `:` or at the start of a block. */
const SENTENCE_START = /(?:^|[.!?:]["'’”)]*)\s*$/u;

/** Words written with a capital inside a sentence, lower-cased: names, such as `Rust` in "written in Rust". */
function capitalisedInsideSentences(prose: string): Set<string> {
  const names = new Set<string>();
  // Lines, not paragraphs: each block of the prose starts a line, and its first word a sentence.
  for (const line of prose.split("\n")) {
    for (const match of line.matchAll(/\p{Lu}\p{Ll}+/gu)) {
      const before = line.slice(Math.max(0, match.index - 8), match.index);
      if (!/\p{L}$/u.test(before) && !SENTENCE_START.test(line.slice(0, match.index))) names.add(match[0].toLowerCase());
    }
  }
  return names;
}

/**
 * Identifiers the prose names as code: inline code spans that are one word (`Borrow`). Code
 * blocks are left out: their comments and strings are English sentences (`// Create a window`).
 */
function identifiersOf(segments: Segment[]): Set<string> {
  const spans = segments.flatMap((s) => (s.kind === "code" ? [] : (s.raw.match(/`[^`\n]+`/g) ?? [])));
  return new Set(spans.map((span) => span.slice(1, -1).trim()).filter((span) => /^\p{L}+$/u.test(span)));
}

/**
 * Whether the page's other headings are translated, so that this one copied unchanged stands out.
 * Headings copied unchanged that are names or code (`useState`, `Maven`) are kept in every
 * language and say nothing either way; those of plain source words count against. A page with
 * few other headings (a chapter's title, a short plugin page) is judged by its body's language.
 */
function othersTranslated(page: PageHeadings, pair: Pair): boolean {
  let translated = 0;
  let copied = 0;
  for (const [other, same] of page.copied) {
    if (other === pair) continue;
    if (!same) translated++;
    else if (wordsOfTheSource(page, page.prose.get(other) ?? "")) copied++;
  }
  return copied <= translated * MAX_COPIED_SHARE && (translated >= MIN_TRANSLATED_HEADINGS || page.bodyTranslated());
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
  if (page.dictionaries.source) return dictionaryWordsOfTheSource(page, page.dictionaries.source, heading);
  const words = (heading.match(WORD) ?? []).filter((w) => w.length >= 3);
  const uses = words.length === 1 ? 2 : 1;
  return words.length > 0 && words.every((w) => sourceWord(page, w, uses));
}

/** An English suffix of inflection or of the doer (`-s`, `-ing`, `-ers`), where a stem of four letters is left. */
const INFLECTION = /^(.{4,}?)(?:ings|ing|ers|er|es|s|ed)$/;

/** A word without its English inflection, lower-cased: `Exporters` and `exporter`, `Linting` and `linters` share one. */
function englishStem(word: string): string {
  const lower = word.toLowerCase();
  return lower.match(INFLECTION)?.[1] ?? lower;
}

/** Whether the translation keeps a word: its dictionary knows it, or its prose writes it, or another form of it. */
function keptWord(page: PageHeadings, word: string): boolean {
  const target = page.dictionaries.target;
  return page.translationProse.has(englishStem(word)) || (target !== undefined && (target.correct(word) || target.correct(word.toLowerCase())));
}

/**
 * Whether a word is a plain word of the source language, not a name: the dictionary knows it in
 * lower case, the source's prose never writes it capitalised inside a sentence unless it also
 * writes it in lower case (`rust` the word, `Rust` the language), and no code writes it.
 */
function plainSourceWord(page: PageHeadings, source: Speller, word: string): boolean {
  const lower = word.toLowerCase();
  const name = page.sourceNames.has(lower) && !page.sourceLowerCase.has(lower);
  return PLAIN.test(word) && source.correct(lower) && !name && !page.codeWords.has(word);
}

/**
 * The same question asked of dictionaries: every word of the heading is a plain word the source
 * language's dictionary knows in lower case (one name or acronym makes it a title), and at least
 * half of them are words the translation does not keep. Short words count: `to`, `and`, `of` say
 * English as plainly as any.
 */
function dictionaryWordsOfTheSource(page: PageHeadings, source: Speller, heading: string): boolean {
  const words = heading.match(WORD) ?? [];
  if (words.length === 0 || !words.every((w) => plainSourceWord(page, source, w))) return false;
  const foreign = words.filter((w) => !keptWord(page, w));
  return foreign.length * 2 >= words.length && foreign.some((w) => w.length >= 3);
}

/**
 * Whether a heading pair is a heading the translator forgot: copied unchanged from its source
 * (`headingProse` is its translatable prose) in a page that translates its other headings.
 */
export function forgottenHeading(
  document: LintDocument,
  pair: Pair,
  headingProse: string,
  proseOf: ProseOf,
  comparable: Comparable,
  dictionaries: () => HeadingDictionaries = () => ({}),
): boolean {
  if (!isHeadingPair(pair) || pair.translations.some((t) => NO_TRANSLATE.test(t.raw))) return false;
  const page = pageHeadings(document, proseOf, comparable, dictionaries);
  return page.copied.get(pair) === true && othersTranslated(page, pair) && wordsOfTheSource(page, headingProse) && !amongKept(page, pair);
}

/**
 * Whether a heading stands beside a heading of its level that the translation keeps on purpose
 * as its source wrote it (a name, or words its prose uses): one of a list kept on purpose, names
 * (`JavaScript`, then `Rust`), titles of works (`React for Two Computers`, then `Forget About
 * Memo`) or the terms of a glossary (`Span`, `Tag`, `Tracer`).
 */
function amongKept(page: PageHeadings, pair: Pair): boolean {
  const headings = [...page.copied.keys()];
  const at = headings.indexOf(pair);
  const depth = pair.translations[0].depth ?? 1;
  /** The nearest heading of the same level in a direction, unless a higher heading comes first. */
  const sibling = (step: number) => {
    for (let i = at + step; i >= 0 && i < headings.length; i += step) {
      const other = headings[i].translations[0].depth ?? 1;
      if (other <= depth) return other === depth ? headings[i] : undefined;
    }
    return undefined;
  };
  // A sibling of plain English words the translation does not use is forgotten itself, not kept.
  const kept = (other: Pair) => {
    const prose = page.prose.get(other) ?? "";
    return page.copied.get(other) === true && /\p{L}/u.test(prose) && !wordsOfTheSource(page, prose);
  };
  return [sibling(-1), sibling(1)].some((other) => other !== undefined && kept(other));
}
