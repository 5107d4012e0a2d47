import { matchedPairs } from "../../src/core/rule.js";
import type { LintDocument, Pair, Segment } from "../../src/core/types.js";
import type { LengthModel } from "./align-sentences.js";

/**
 * The document's own length model, from its one-to-one prose pairs: a verbose language, or a
 * translator who writes short, sets the ratio; how much the pairs stray from it sets the spread.
 * Medians, so that a misaligned pair or a real omission does not move either.
 */

/** Fewest pairs a document needs before its own spread is trusted; below, the prior weighs in. */
const PRIOR_WEIGHT = 8;
/** Gale & Church's variance per source character for European languages; widened, since paragraphs of documentation vary more. */
const PRIOR_VARIANCE = 8;
/** The median of a chi-squared variable with one degree of freedom: turns a median of squares into a variance. */
const CHI2_MEDIAN = 0.455;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** A block's length in letters and its count of sentences. */
export type ProseMeasure = (segment: Segment) => { length: number; sentences: number };

const squeezed = (text: string) => text.replace(/\s+/g, " ").trim();

/** One-to-one prose pairs whose translation is not a copy of the source, with their lengths on each side. */
export function calibrationPairs(document: LintDocument, measure: ProseMeasure): Array<{ pair: Pair; source: number; translated: number; sentences: number; translatedSentences: number }> {
  const prose = (s: Segment) => s.kind === "paragraph" || s.kind === "listItem";
  return matchedPairs(document)
    .filter((p) => p.sources.length === 1 && p.translations.length === 1 && prose(p.sources[0]) && prose(p.translations[0]))
    // A block left as it is (a title, a name, a command) says nothing of how long this translation runs.
    .filter((p) => squeezed(p.sources[0].raw) !== squeezed(p.translations[0].raw))
    .map((pair) => {
      const [source, translated] = [measure(pair.sources[0]), measure(pair.translations[0])];
      return { pair, source: source.length, translated: translated.length, sentences: source.sentences, translatedSentences: translated.sentences };
    })
    .filter((p) => p.source >= 20 && p.translated > 0);
}

/** Fewest one-to-one pairs whose median ratio is trusted; a shorter document is measured over all its matched blocks. */
const FEWEST_PAIRS = 3;

/**
 * `pairs` are the one-to-one prose pairs; `overall`, the letters of every matched block on each
 * side, gives the ratio of a document too short to have enough of them.
 */
/** Gale & Church's share of two-to-one beads (and as many one-to-two), the prior for a document's own rate. */
const PRIOR_JOIN_RATE = 0.045;
const PRIOR_SENTENCES = 40;

/**
 * How often the translator joins (or splits) sentences, per source sentence: the shortfall (or
 * excess) of translated sentences over the one-to-one pairs, drawn towards Gale & Church's rate.
 */
function joinRates(pairs: Array<{ sentences: number; translatedSentences: number }>): { merges: number; splits: number } {
  let fewer = 0;
  let more = 0;
  let sentences = 0;
  for (const p of pairs) {
    fewer += Math.max(0, p.sentences - p.translatedSentences);
    more += Math.max(0, p.translatedSentences - p.sentences);
    sentences += p.sentences;
  }
  const rate = (count: number) => Math.min(0.25, Math.max(0.005, (count + PRIOR_JOIN_RATE * PRIOR_SENTENCES) / (sentences + PRIOR_SENTENCES)));
  return { merges: rate(fewer), splits: rate(more) };
}

export function lengthModelOf(
  pairs: Array<{ source: number; translated: number; sentences: number; translatedSentences: number }>,
  overall: { source: number; translated: number },
): LengthModel {
  const ratio =
    pairs.length >= FEWEST_PAIRS
      ? Math.exp(median(pairs.map((p) => Math.log(p.translated / p.source))))
      : overall.source > 0 && overall.translated > 0
        ? overall.translated / overall.source
        : 1;
  if (pairs.length === 0) return { ratio, variance: PRIOR_VARIANCE * ratio * ratio, merges: PRIOR_JOIN_RATE, splits: PRIOR_JOIN_RATE };
  const observed = median(pairs.map((p) => (p.translated - ratio * p.source) ** 2 / p.source)) / CHI2_MEDIAN;
  // The prior is in source letters: scale it by the ratio so that Chinese, shorter by two thirds, is not judged by English's spread.
  const prior = PRIOR_VARIANCE * ratio * ratio;
  const variance = (pairs.length * observed + PRIOR_WEIGHT * prior) / (pairs.length + PRIOR_WEIGHT);
  return { ratio, variance, ...joinRates(pairs) };
}
