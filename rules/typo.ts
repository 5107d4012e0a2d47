import * as z from "zod";
import { featuresOf } from "../src/pair/features.js";
import { usesOwnScript } from "../src/text/language-id.js";
import { primaryLanguage } from "../src/text/language.js";
import { linksOf } from "../src/text/links.js";
import { defineRule, segmentText, type LintSettings, type Speller } from "../src/core/rule.js";
import { derivesFromSource, looksLikeCognate, nearSourceWords } from "../src/spell/borrowing.js";
import { isRegularDerivation, lacksDoubledLetter, withOneLetterDoubled } from "../src/spell/derivation.js";
import { katakanaRuns, katakanaSlips } from "../src/spell/katakana.js";
import { isSourceName, shapeOf } from "../src/spell/names.js";
import { withLanguageForms } from "../src/spell/variants.js";
import { isLikelySlip } from "../src/spell/suggest.js";
import { fold, wordsOf, type Word } from "../src/spell/words.js";
import type { LintDocument, Pair, Report, Segment } from "../src/core/types.js";

/**
 * Misspelt words in a translation, from three signals: the project's wrong → right list, a slip
 * in a word copied from the paired source (a borrowing or a name), and the target language's
 * dictionary. A word of the paired source is never a typo; names, acronyms, borrowings the
 * post's sources or the source language's dictionary know, cognates of source words, untranslated
 * titles and words no dictionary word is near (coinages, jargon) are accepted, as a translator would.
 *
 * Chinese, Japanese and Korean get no dictionary: only Latin names and words copied from the
 * source are compared with it (`OprnTelemetry`, also in a link's text), and in Japanese a
 * katakana loanword one slip from one the page repeats is suggested (see `katakanaSlips`).
 *
 * A fix is applied only when it is certain: a word of the project's corrections list, or a token
 * the translation copied from its paired source (a name, a product, an identifier, a term set in
 * italics as foreign, any Latin word in a text of another script) and misspelt, with exactly one
 * source word near it. A token that the target language's dictionary knows, that its affixes
 * build from a known word (`microservicios`, `subproyecto`) or that reads as a cognate of the
 * source word (`modelo`) is the translator's word, never replaced by the source's. A common
 * source-language word near a target word (`components` near `compomentes`) is no correction
 * either: the word is judged by the target dictionary, whose corrections are suggestions only.
 */

/** The source's spelling, with the first letter's case of the word it replaces (unless it is a name like `PyTorch`). */
function matchCase(replacement: string, original: string): string {
  if (replacement.slice(1) !== replacement.slice(1).toLowerCase()) return replacement;
  const upper = original[0] !== original[0].toLowerCase();
  return (upper ? replacement[0].toUpperCase() : replacement[0].toLowerCase()) + replacement.slice(1);
}

/** True when `word` is a whole word of one of the URLs, as `fastpages` in `fastpages.fast.ai`. */
function inAddress(word: string, urls: string[]): boolean {
  const lower = word.toLowerCase();
  const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  return urls.some((url) => {
    for (let at = url.indexOf(lower); at >= 0; at = url.indexOf(lower, at + 1)) {
      if (!isWordChar(url[at - 1]) && !isWordChar(url[at + lower.length])) return true;
    }
    return false;
  });
}

/**
 * A capitalised word in a run of capitalised words (`Marek Rei`, `Convolutional Neural
 * Networks`) or before `et al.` is part of a name or a title, not a common word.
 */
function looksLikeName(words: Word[], index: number, text: string): boolean {
  const joined = (a: Word | undefined, b: Word | undefined) => a !== undefined && b !== undefined && /^[\s*_]+$/.test(text.slice(a.end, b.start));
  const capital = (w: Word | undefined) => w !== undefined && /^\p{Lu}/u.test(w.text);
  const [before, word, after] = [words[index - 1], words[index], words[index + 1]];
  if (after?.text === "et" && words[index + 2]?.text === "al" && joined(word, after)) return true;
  return (capital(before) && joined(before, word)) || (capital(after) && joined(word, after));
}

const splitCompound = (word: string) => word.split(/[-'’]/).filter((part) => part !== "");

/** Known to a dictionary, or a compound whose every part is: `pré-treinamento`, `vídeo-aulas`. */
function isKnown(word: string, dictionary: Speller): boolean {
  return dictionary.correct(word) || (/[-'’]/.test(word) && splitCompound(word).every((part) => dictionary.correct(part)));
}

/** Words of source segments and the parts of their compounds, lower case → as written. */
function vocabularyOf(document: LintDocument, segments: Segment[]): Map<string, string> {
  const vocabulary = new Map<string, string>();
  for (const segment of segments) {
    for (const w of wordsOf(segment, segmentText(document, segment))) {
      for (const form of new Set([w.text, ...splitCompound(w.text)])) vocabulary.set(form.toLowerCase(), form);
    }
  }
  return vocabulary;
}

/** A name with a suffix of another script (`OpenTelemetry-র`) is the target's inflection of it, not a copy. */
const sameScript = (a: string, b: string) => allLatin(a) === allLatin(b);
const allLatin = (word: string) => /^[\p{Script=Latin}\P{L}]*$/u.test(word);

/** A word without its hyphens and dots: `re-layout` and `relayout` are one spelling. */
const lettersOf = (word: string) => word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

/** What the words of one translation segment are judged against. */
interface Context {
  segment: Segment;
  words: Word[];
  /** Words of the paired source segments, lower case → as written. */
  sourceWords: Map<string, string>;
  /** The same without hyphens and dots. */
  sourceLetters: Set<string>;
  /** Link targets of the segment and of its sources. */
  urls: string[];
  /** Source words that are names, products or identifiers, lower case (see `isSourceName`). */
  sourceNames: Set<string>;
  /** Inline code of the paired source, lower case: a name the translation may quote as text (`«my-app»`). */
  sourceCode: Set<string>;
}

interface Verdict {
  messageId: "correction" | "nearSource" | "unknown";
  suggestions: string[];
  /** Whether a single suggestion is safe to apply with `--fix`. */
  fixable: boolean;
}

/** The dictionaries and word lists of a document, and the questions the rule asks them. */
function lexicon(document: LintDocument, settings: LintSettings) {
  const hasSources = document.pairs.some((p) => p.sources.length > 0);
  const language = document.targetLanguage;
  // A page written in the source language is no translation (an English page linted on its own):
  // its terms are its authors', and a dictionary would flag them by the hundred (`backend`).
  const inSourceLanguage = language !== undefined && primaryLanguage(language) === primaryLanguage(document.sourceLanguage ?? "en");
  const dictionary = language && !inSourceLanguage ? settings.speller?.(language) : undefined;
  const target = dictionary && language ? withLanguageForms(dictionary, language) : undefined;
  let source: Speller | undefined | null = null;
  const sourceDictionary = () => (source === null ? (source = settings.speller?.(document.sourceLanguage ?? "en")) : source);

  let postVocabulary: Map<string, string> | undefined;
  /** Words of all the post's sources: terms a translator keeps, and stems a coinage builds on. */
  const postSources = () => (postVocabulary ??= vocabularyOf(document, document.segments.filter((s) => s.side === "source")));

  /** A word kept from the source language: in the post's sources, its dictionary, or a link target. */
  const isBorrowed = (word: string, context: Context) => {
    const english = sourceDictionary();
    return postSources().has(word.toLowerCase()) || (english !== undefined && isKnown(word, english)) || inAddress(word, context.urls);
  };

  /** An untranslated title or quote: more of its words belong to the source language than to the target. */
  const untranslated = new Map<Segment, boolean>();
  const keptInSourceLanguage = (segment: Segment) => {
    let answer = untranslated.get(segment);
    if (answer === undefined) untranslated.set(segment, (answer = countsAsSourceLanguage(segment)));
    return answer;
  };
  const countsAsSourceLanguage = (segment: Segment) => {
    const english = sourceDictionary();
    if (!english || !target) return false;
    let sourceOnly = 0;
    let targetOnly = 0;
    for (const w of wordsOf(segment, document.text)) {
      if (shapeOf(w.text) === "acronym" || shapeOf(w.text) === "brand" || w.text.length < 3) continue;
      const inSource = english.correct(w.text);
      if (inSource !== target.correct(w.text)) inSource ? sourceOnly++ : targetOnly++;
    }
    return sourceOnly >= 2 && sourceOnly > 2 * targetOnly;
  };

  return { language, target, hasSources, sourceDictionary, postSources, isBorrowed, keptInSourceLanguage };
}

export default defineRule({
  id: "typo",
  description: "Misspelt words in the translation: known misspellings, slips in borrowed words and names, words the dictionary does not know.",
  severity: "warn",
  fixable: true,
  uses: ["speller"],
  schema: z
    .object({
      words: z.array(z.string()).default([]).describe("Words to accept in any language (names, jargon)."),
      corrections: z
        .record(z.string(), z.string())
        .default({})
        .describe("Known misspellings and their corrections; a listed correction is applied by `--fix`."),
    })
    .strict(),
  messages: {
    correction: "Misspelt word '{{word}}'; write '{{suggestion}}'.",
    nearSource: "Unknown word '{{word}}'; the source (line {{sourceLine}}) has '{{suggestion}}'.",
    unknown: "Unknown word '{{word}}'.{{hint}}",
    katakana: "'{{word}}' is written once; this page writes '{{suggestion}}' {{uses}} times. A slip?",
  },
  examples: {
    valid: [
      {
        title: "Every word is in the Portuguese dictionary, or copied from the source (`GPU`).",
        code: "<!-- The model runs on any GPU. -->\nO modelo roda em qualquer GPU.\n",
        targetLanguage: "pt-br",
        settings: { dictionaries: { "pt-br": ["o", "modelo", "roda", "em", "qualquer"] } },
      },
      {
        title: "A word the dictionary lacks but the project accepts (Spanish, the `words` option).",
        code: "<!-- Run kubectl apply. -->\nEjecuta kubectl apply.\n",
        targetLanguage: "es",
        options: { words: ["kubectl"] },
        settings: { dictionaries: { es: ["ejecuta"] } },
      },
    ],
    invalid: [
      {
        title: "A slip in a name copied from the source (Portuguese): one source word is near, so the fix writes it.",
        code: "<!-- The Kubernetes scheduler places each pod. -->\nO agendador do Kubernets posiciona cada pod.\n",
        targetLanguage: "pt-br",
        settings: { dictionaries: { "pt-br": ["o", "agendador", "do", "posiciona", "cada"] } },
        messages: ["Unknown word 'Kubernets'; the source (line 1) has 'Kubernetes'."],
        output: "<!-- The Kubernetes scheduler places each pod. -->\nO agendador do Kubernetes posiciona cada pod.\n",
      },
      {
        title: "The same slip in a German file beside its English source.",
        source: "Deploy it with Terraform.\n",
        code: "Stellen Sie es mit Terrafrom bereit.\n",
        targetLanguage: "de",
        settings: { dictionaries: { de: ["stellen", "sie", "es", "mit", "bereit"] } },
        messages: ["Unknown word 'Terrafrom'; the source (line 1) has 'Terraform'."],
        output: "Stellen Sie es mit Terraform bereit.\n",
      },
      {
        title: "A word of the project's corrections list (French): the fix writes the correction.",
        code: "<!-- Ask a developer. -->\nDemandez à un developpeur.\n",
        targetLanguage: "fr",
        options: { corrections: { developpeur: "développeur" } },
        settings: { dictionaries: { fr: ["demandez", "à", "un", "développeur"] } },
        messages: ["Misspelt word 'developpeur'; write 'développeur'."],
        output: "<!-- Ask a developer. -->\nDemandez à un développeur.\n",
      },
      {
        title: "A word the Spanish dictionary does not know, one accent from one it does: the guess is suggested, never applied.",
        code: "<!-- The setup is ready. -->\nLa configuracion está lista.\n",
        targetLanguage: "es",
        settings: { dictionaries: { es: ["la", "configuración", "está", "lista"] } },
        messages: ["Unknown word 'configuracion'. Did you mean 'configuración'?"],
      },
      {
        title: "Japanese has no dictionary: a katakana word one kana away from one the page repeats is suggested.",
        code: "プログラムを書きます。プログラムを読みます。プログラムを直します。ブログラムを消します。\n",
        targetLanguage: "ja",
        messages: ["'ブログラム' is written once; this page writes 'プログラム' 3 times. A slip?"],
      },
    ],
  },
  check({ document, options, settings, report }) {
    const accepted = new Set([...(settings.words ?? []), ...options.words].map((w) => w.toLowerCase()));
    const corrections = new Map<string, string>();
    for (const [wrong, right] of Object.entries({ ...settings.corrections, ...options.corrections })) {
      corrections.set(wrong, right);
      if (!corrections.has(wrong.toLowerCase())) corrections.set(wrong.toLowerCase(), right);
    }
    const { language, target, hasSources, sourceDictionary, postSources, isBorrowed, keptInSourceLanguage } = lexicon(document, settings);
    if (language !== undefined && primaryLanguage(language) === "ja") reportKatakanaSlips(document, report);
    // With no dictionary, no source to compare with and no list of misspellings, no word can be judged.
    if (!target && !hasSources && corrections.size === 0) return;
    const pairOf = new Map<Segment, Pair>();
    for (const pair of document.pairs) for (const t of pair.translations) pairOf.set(t, pair);

    /** A word the target language builds from its dictionary's words: the translator's own, not a slip of a source word. */
    const isTargetForm = (word: string) => target !== undefined && isRegularDerivation(word, language, target.correct);
    const otherScript = language !== undefined && usesOwnScript(language);
    /**
     * Whether `word` stands where the source's `sourceWord` was copied, not translated: a Latin
     * word in a text of another script, a term marked foreign, or a near miss of a source name.
     * Without the target's dictionary, a capitalised name may be the target's own word (`Colector`
     * for `Collector`): only an identifier's shape (`DeepSpeed`, `dair.ai`) is certain then.
     */
    const isCopyOf = (word: Word, sourceWord: string, context: Context) => {
      if (!sameScript(word.text, sourceWord)) return false;
      if (otherScript) return true;
      if (!target) return ["brand", "acronym"].includes(shapeOf(sourceWord));
      return word.emphasized || context.sourceNames.has(sourceWord.toLowerCase());
    };

    /** What is wrong with a word, or undefined when a translator would let it stand. */
    const judge = (word: Word, index: number, context: Context): Verdict | undefined => {
      const { sourceWords } = context;
      const lower = word.text.toLowerCase();
      if (accepted.has(lower) || sourceWords.has(lower) || context.sourceLetters.has(lettersOf(lower)) || context.sourceCode.has(lower)) return undefined;
      const correction = corrections.get(word.text) ?? corrections.get(lower);
      if (correction !== undefined) return { messageId: "correction", suggestions: [matchCase(correction, word.text)], fixable: true };
      const shape = shapeOf(word.text);
      if (shape === "acronym" || word.text.replace(/[^\p{L}]/gu, "").length < 3) return undefined;
      // Without a dictionary, only what looks borrowed (a name, a marked term) is compared with the source.
      if (target ? isKnown(word.text, target) : shape === "plain" && !word.emphasized) return undefined;
      const parts = splitCompound(word.text);
      if (parts.length > 1 && parts.every((p) => sourceWords.has(p.toLowerCase()) || (target?.correct(p) ?? false))) return undefined;

      const near = sourceDictionary()?.correct(word.text) ? [] : nearSourceWords(word.text, sourceWords.values());
      const copied = isTargetForm(word.text) ? [] : near.filter((n) => isCopyOf(word, n, context));
      if (copied.length > 0) return { messageId: "nearSource", suggestions: copied.map((n) => matchCase(n, word.text)), fixable: true };

      if (!target || shape === "brand" || isBorrowed(word.text, context)) return undefined;
      const isCognate = (w: string) => [...sourceWords.values()].some((s) => looksLikeCognate(w, s));
      if (parts.length > 1 && parts.every((p) => isKnown(p, target) || isBorrowed(p, context) || isCognate(p))) return undefined;
      if (keptInSourceLanguage(context.segment)) return undefined;
      if (shape === "capitalised" && looksLikeName(context.words, index, document.text)) return undefined;
      // Suggestions cost hundreds of look-ups a word. A regular derivation is reported only when the
      // dictionary has it with a letter the writer dropped (below): with no such form, none can.
      const derived = isRegularDerivation(word.text, language, target.correct);
      if (derived && !withOneLetterDoubled(word.text).some((form) => target.correct(form))) return undefined;
      const guesses = (target.suggest?.(word.text) ?? []).filter((g) => isLikelySlip(word.text, g));
      // A slip leaves a word one edit (or an edit and an accent) from the intended one; a word no
      // dictionary word is near is a name, jargon or a coinage (`despriorizar`, `esparsidade`).
      if (guesses.length === 0) return undefined;
      // A missing accent is a slip even on a cognate (`sistematica`); otherwise a word built on a
      // source word is the translator's rendering of it (`adversariais`, `hasheadas`).
      const accentOnly = guesses.some((g) => fold(g) === fold(word.text));
      // A term set in italics or bold is marked as foreign (`_refcache_`): only a missing accent
      // there is a slip of the target language.
      if (word.emphasized && !accentOnly) return undefined;
      if (!accentOnly && (isCognate(word.text) || derivesFromSource(word.text, guesses, postSources().values()))) return undefined;
      // A word built by the language's own rules (`desduplicação`, `arrastável`, `muta` beside
      // `mutação`) is a coinage, even with a rare accented neighbour (`mutá`), unless the
      // dictionary has that very derivation with a letter the writer dropped (`ressincronizar`).
      const dropped = guesses.some((g) => lacksDoubledLetter(word.text, g));
      if (!dropped && derived) return undefined;
      return { messageId: "unknown", suggestions: guesses, fixable: false };
    };

    /** The line of the source block that has `word`, to name what the translation was compared with. */
    const lineOfSourceWord = (sources: Segment[], word: string): number => {
      const lower = word.toLowerCase();
      const segment = sources.find((s) => wordsOf(s, segmentText(document, s)).some((w) => w.text.toLowerCase() === lower || splitCompound(w.text).some((p) => p.toLowerCase() === lower))) ?? sources[0];
      return document.sourceLines.position(segment.start).line;
    };

    const isSourceWord = sourceDictionary() ? (w: string) => sourceDictionary()!.correct(w) : undefined;
    const namesOf = (sources: Segment[]) =>
      new Set(sources.flatMap((s) => {
        const block = { text: segmentText(document, s), start: s.start };
        return wordsOf(s, block.text).filter((w) => isSourceName(w, block, isSourceWord)).map((w) => w.text.toLowerCase());
      }));

    for (const segment of document.segments) {
      if (segment.side !== "translation" || segment.kind === "code" || segment.kind === "html") continue;
      const sources = pairOf.get(segment)?.sources ?? [];
      const sourceWords = vocabularyOf(document, sources);
      const context: Context = {
        segment,
        words: wordsOf(segment, document.text),
        sourceWords,
        sourceLetters: new Set([...sourceWords.keys()].map(lettersOf)),
        urls: [segment, ...sources].flatMap((s) => linksOf(s, segmentText(document, s)).map((l) => l.url.toLowerCase())),
        sourceNames: namesOf(sources),
        sourceCode: new Set(sources.flatMap((s) => [...featuresOf(s).code].map((code) => code.toLowerCase()))),
      };
      for (const [index, word] of context.words.entries()) {
        const verdict = judge(word, index, context);
        if (!verdict) continue;
        const { messageId, suggestions } = verdict;
        const r: Report = { messageId, side: "translation", start: word.start, end: word.end, data: { word: word.text, suggestion: suggestions.join("' or '") } };
        if (messageId === "nearSource") r.data!.sourceLine = lineOfSourceWord(sources, suggestions[0]);
        if (messageId === "unknown") r.data!.hint = ` Did you mean '${suggestions.slice(0, 3).join("', '")}'?`;
        if (verdict.fixable && suggestions.length === 1) r.fix = { range: [word.start, word.end], text: suggestions[0] };
        r.suggestions = suggestions.map((text) => ({ desc: `Replace with '${text}'`, fix: { range: [word.start, word.end], text } }));
        report(r);
      }
    }
  },
});

/**
 * Japanese has no dictionary here, but a page repeats its loanwords: one written once and one
 * kana away from one written three times is likely a slip. Only suggested: the rare spelling
 * may be another word.
 */
function reportKatakanaSlips(document: LintDocument, report: (r: Report) => void): void {
  const runs = document.segments
    .filter((s) => s.side === "translation" && s.kind !== "code" && s.kind !== "html")
    .flatMap((s) => katakanaRuns(wordsOf(s, document.text)));
  for (const { run, intended, uses } of katakanaSlips(runs)) {
    const fix = { range: [run.start, run.end] as [number, number], text: intended };
    report({ messageId: "katakana", side: "translation", start: run.start, end: run.end, data: { word: run.text, suggestion: intended, uses }, suggestions: [{ desc: `Replace with '${intended}'`, fix }] });
  }
}
