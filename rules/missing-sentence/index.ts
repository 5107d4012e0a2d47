import * as z from "zod";
import { proseOf } from "../../src/text/prose.js";
import { visitNodes } from "../../src/parse/tree.js";
import { defineRule, matchedPairs, segmentText } from "../../src/core/rule.js";
import type { LintDocument, Pair, Segment } from "../../src/core/types.js";
import { alignSentences, DELETION_PRIOR, type LengthModel } from "./align-sentences.js";
import { anchorEvidence, anchorsIn, keepRatesOf, type Anchors, type KeepRates, type ProseBlock } from "./anchors.js";
import { calibrationPairs, lengthModelOf } from "./length-model.js";
import { dominantScript } from "../../src/text/words.js";
import { examples } from "./examples.js";
import { splitSentences, type Sentence } from "./sentences.js";

/**
 * A sentence of a source paragraph that its translation leaves out. Translators join and split
 * sentences all the time, so neither a lower count of sentences nor a short translation says
 * anything alone: the source's and the translation's sentences are aligned by length (see
 * align-sentences.ts) under the document's own length model, and a finding needs the alignment
 * that leaves one source sentence out to explain the lengths much better than any that does not.
 * Numbers, code and names of that sentence found in the translation after all mean it was merged.
 */

interface ProseSentences extends ProseBlock {
  sentences: Sentence[];
}

const cache = new WeakMap<Segment, ProseSentences>();

function sentencesOf(document: LintDocument, segment: Segment, language: string | undefined): ProseSentences {
  let found = cache.get(segment);
  if (!found) {
    const prose = proseOf(segment, segmentText(document, segment));
    found = { segment, sentences: splitSentences(prose.text, language, withCodeMasked(segment, prose)), text: prose.text, offsets: prose.offsets };
    cache.set(segment, found);
  }
  return found;
}

/**
 * The prose with its inline code turned to letters, for the segmenter: a `;` or `?` in code is no
 * punctuation of the sentence around it. proseOf maps every character of a code span to the span's
 * start, where no text character can sit (a backtick is there).
 */
function withCodeMasked(segment: Segment, prose: { text: string; offsets: number[] }): string {
  const codeStarts = new Set<number>();
  visitNodes(segment.nodes, (node) => {
    if (node.type === "inlineCode" && node.position) codeStarts.add(node.position.start.offset ?? -1);
  });
  if (codeStarts.size === 0) return prose.text;
  // Code units, as the offsets count them.
  return prose.text
    .split("")
    .map((c, i) => (codeStarts.has(prose.offsets[i]) && !/\s/.test(c) ? "X" : c))
    .join("");
}

const sentenceText = (prose: ProseSentences, sentence: Sentence) => prose.text.slice(sentence.start, sentence.end).replace(/\s+/g, " ").trim();

function quoteOf(text: string, count = 12): string {
  const words = text.split(" ");
  return words.length > count ? `${words.slice(0, count).join(" ")}…` : text;
}

export default defineRule({
  id: "missing-sentence",
  description: "A sentence of a source paragraph that its translation leaves out, found by aligning the paragraph's sentences by length.",
  severity: "warn",
  fixable: false,
  schema: z
    .object({
      minGain: z.number().min(0).default(2).describe("How much more likely (natural log-likelihood ratio, from sentence lengths and the anchors a translation keeps) a sentence must be left out than translated."),
      minSentenceLetters: z.number().int().min(1).default(20).describe("Shortest source sentence, in letters and digits, whose absence is reported."),
    })
    .strict(),
  messages: {
    missing: "The translation seems to lack a sentence of the source (line {{sourceLine}}): '{{quote}}'.",
  },
  examples,
  check({ document, options, report }) {
    let model: DocumentModel | undefined;
    for (const pair of matchedPairs(document)) {
      model ??= documentModel(document);
      const omission = omissionIn(document, pair, model);
      if (!omission || omission.sentence.length < options.minSentenceLetters || omission.gain < options.minGain) continue;
      const { source, translation, sentence } = omission;
      const sourceOffset = source.offsets[sentence.start] ?? source.segment.start;
      report({
        messageId: "missing",
        data: { sourceLine: document.sourceLines.position(sourceOffset).line, quote: quoteOf(sentenceText(source, sentence)) },
        side: "translation",
        ...gapRange(translation, omission.before),
      });
    }
  },
});

const sourceLanguageOf = (document: LintDocument) => document.sourceLanguage ?? "en";

/** What the document's own pairs say of its translation: how long it runs and which anchors it keeps. */
export interface DocumentModel {
  lengths: LengthModel;
  keepRates: KeepRates;
  /** Whether both languages are written in Latin script, where cognates share stems. */
  stems: boolean;
}

function proseSentences(document: LintDocument, segment: Segment): ProseSentences {
  return sentencesOf(document, segment, segment.side === "source" ? sourceLanguageOf(document) : document.targetLanguage);
}

const blockAnchors = (document: LintDocument, block: ProseSentences, stems: boolean) => anchorsIn(document, block, 0, block.text.length, stems);

export function documentModel(document: LintDocument): DocumentModel {
  const measure = (segment: Segment) => {
    const { sentences } = proseSentences(document, segment);
    return { length: sentences.reduce((n, s) => n + s.length, 0), sentences: sentences.length };
  };
  const length = (segment: Segment) => measure(segment).length;
  const pairs = calibrationPairs(document, measure);
  const sample = pairs.map((p) => proseSentences(document, p.pair.translations[0]).text).join(" ");
  const stems = dominantScript(sample) === "latin" && dominantScript(pairs.map((p) => proseSentences(document, p.pair.sources[0]).text).join(" ")) === "latin";
  const anchorPairs = pairs.map(({ pair }) => ({
    source: blockAnchors(document, proseSentences(document, pair.sources[0]), stems),
    translation: blockAnchors(document, proseSentences(document, pair.translations[0]), stems),
  }));
  const overall = { source: 0, translated: 0 };
  for (const pair of matchedPairs(document)) {
    for (const segment of pair.sources) overall.source += length(segment);
    for (const segment of pair.translations) overall.translated += length(segment);
  }
  return { lengths: lengthModelOf(pairs, overall), keepRates: keepRatesOf(anchorPairs), stems };
}

export interface Omission {
  source: ProseSentences;
  translation: ProseSentences;
  /** The source sentence most likely left without counterpart. */
  sentence: Sentence;
  /** The translation's sentence the gap stands before (their count when it is at the end). */
  before: number;
  /** Log-likelihood ratio of "this sentence was left out" against "every sentence was translated": lengths and anchors together. */
  gain: number;
  lengthGain: number;
  anchorGain: number;
}

/** For each sentence of a paragraph, the anchors that no other sentence of it has. */
function ownAnchors(document: LintDocument, block: ProseSentences, stems: boolean): Anchors[] {
  const each = block.sentences.map((s) => anchorsIn(document, block, s.start, s.end, stems));
  const seen = new Map<string, number>();
  for (const anchors of each) for (const token of anchors.keys()) seen.set(token, (seen.get(token) ?? 0) + 1);
  return each.map((anchors) => new Map([...anchors].filter(([token]) => seen.get(token) === 1)));
}

/**
 * Most sentences on either side of a pair that are aligned: leaving each out in turn costs the
 * cube of the count, and a paragraph of more sentences is a wall of text, not prose a translator renders sentence by sentence.
 */
const MOST_SENTENCES = 40;

/** The source sentence a one-to-one paragraph pair most likely lost, with the evidence; none when there is nothing to weigh. */
export function omissionIn(document: LintDocument, pair: Pair, model: DocumentModel): Omission | undefined {
  if (pair.sources.length !== 1 || pair.translations.length !== 1) return undefined;
  const [sourceSegment] = pair.sources;
  const [translationSegment] = pair.translations;
  if (sourceSegment.kind !== "paragraph" || translationSegment.kind !== "paragraph") return undefined;
  // A shortcode's attributes are no sentences a translator writes out.
  if (/\{\{[<%]/.test(sourceSegment.raw)) return undefined;
  const source = proseSentences(document, sourceSegment);
  const translation = proseSentences(document, translationSegment);
  if (source.sentences.length < 2 || translation.sentences.length === 0) return undefined;
  if (source.sentences.length > MOST_SENTENCES || translation.sentences.length > MOST_SENTENCES) return undefined;
  // Stems are compared between two Latin-script paragraphs only: a page of English titles does not make its Japanese prose Latin.
  const stems = model.stems && dominantScript(source.text) === "latin" && dominantScript(translation.text) === "latin";
  const sourceLengths = source.sentences.map((s) => s.length);
  const translatedLengths = translation.sentences.map((s) => s.length);
  const kept = alignSentences(sourceLengths, translatedLengths, model.lengths);
  // No alignment renders every sentence (more than three source sentences to one translated):
  // the translation is a summary or another block, which is more than one sentence lost.
  if (!kept) return undefined;
  const translated = blockAnchors(document, translation, stems);
  const own = ownAnchors(document, source, stems);
  let best: Omission | undefined;
  source.sentences.forEach((sentence, index) => {
    const rest = sourceLengths.filter((_, k) => k !== index);
    const without = alignSentences(rest, translatedLengths, model.lengths);
    if (!without) return;
    const lengthGain = kept.cost - (without.cost + DELETION_PRIOR);
    const anchorGain = anchorEvidence(own[index], translated, model.keepRates);
    const gain = lengthGain + anchorGain;
    if (best && gain <= best.gain) return;
    // The gap stands before the bead of the sentence that followed the lost one.
    const next = without.beads.find((b) => b.source + b.sources > index);
    const before = next ? next.translation : translatedLengths.length;
    best = { source, translation, sentence, before, gain, lengthGain, anchorGain };
  });
  return best;
}

/**
 * Where the missing sentence would go in the translation: from the last character of the
 * sentence before the gap to the first of the one after it (the paragraph's first or last
 * character when the gap is at an end).
 */
function gapRange(translation: ProseSentences, before: number): { start: number; end: number } {
  const { sentences, offsets, text, segment } = translation;
  const lastCharOf = (s: Sentence) => {
    let at = s.end - 1;
    while (at > s.start && /\s/.test(text[at])) at--;
    return at;
  };
  const firstCharOf = (s: Sentence) => {
    let at = s.start;
    while (at < s.end - 1 && /\s/.test(text[at])) at++;
    return at;
  };
  const previous = before > 0 ? sentences[before - 1] : undefined;
  const next = sentences[before];
  const start = previous ? offsets[lastCharOf(previous)] : next ? offsets[firstCharOf(next)] : segment.start;
  const end = next ? offsets[firstCharOf(next)] + 1 : (offsets[lastCharOf(previous!)] ?? segment.end - 1) + 1;
  return { start: start ?? segment.start, end: Math.max((start ?? segment.start) + 1, end ?? segment.end) };
}
