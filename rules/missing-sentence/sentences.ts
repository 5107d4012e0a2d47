import { segmenterFor } from "../../src/text/segmenter.js";

/**
 * A paragraph's prose cut into sentences with the segmenter built into the runtime
 * (`Intl.Segmenter`, ICU's sentence rules: it knows `。！？`, decimals like 1.5, host names and
 * a period before a lower-case word). ICU without its suppression lists ends a sentence after any
 * period before a capital, so abbreviations and initials (`Dr.`, `U.S.`, `e.g.`) are joined back
 * here, and a piece with no words of its own, or the closing `»` or `)` at a piece's head, goes with the sentence before it.
 */

export interface Sentence {
  /** Offsets into the text that was cut. */
  start: number;
  end: number;
  /** Letters and digits: the length measure alignment compares. */
  length: number;
}

/** Titles and abbreviations that stand before a name or a number, never at a sentence's end. */
const ABBREVIATIONS = new Set(["mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs", "fig", "figs", "no", "nr", "vol", "cf", "ca", "approx", "sec", "ch", "p", "pp", "ed", "eds", "sra", "sr", "dra", "srta", "mme", "mlle", "bzw", "z", "bsp", "nº", "art"]);

/** Whether a piece ends inside a sentence: at an abbreviation, an initial or a dotted acronym (`e.g.`, `U.S.`). */
function endsWithAbbreviation(piece: string): boolean {
  const last = /(\S+)\.\s*$/u.exec(piece)?.[1];
  if (!last) return false;
  const word = last.replace(/^[("'“«¿¡]+/u, "");
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return true;
  if (/^\p{Lu}$/u.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

const CLOSERS = /^[\s»”’)）」』】\]]*[»”’)）」』】\]]\s*/u;

const letterCount = (text: string) => text.replace(/[^\p{L}\p{N}]+/gu, "").length;

/**
 * The sentences of `text` (a soft line break read as a space), in order, covering it whole.
 * `segmentable` is the same text with what must not end a sentence masked (inline code, whose
 * `;` or `.` is no punctuation of the prose); lengths are counted in `text`.
 */
export function splitSentences(text: string, language?: string, segmentable = text): Sentence[] {
  const flat = segmentable.replace(/\s/g, " ");
  const sentences: Sentence[] = [];
  let joinNext = false;
  for (const { segment, index } of segmenterFor(language ?? "en", "sentence").segment(flat)) {
    const previous = sentences[sentences.length - 1];
    // Closing quotes and brackets ICU left at the head of the next piece close the sentence before.
    const closers = previous ? (CLOSERS.exec(segment)?.[0].length ?? 0) : 0;
    if (previous && closers > 0) {
      previous.end = index + closers;
      previous.length += letterCount(text.slice(index, index + closers));
    }
    const rest = segment.slice(closers);
    const start = index + closers;
    const letters = letterCount(text.slice(start, start + rest.length));
    if (previous && (joinNext || !/[\p{L}\p{N}]/u.test(rest))) {
      previous.end = start + rest.length;
      previous.length += letters;
    } else if (rest.length > 0) {
      sentences.push({ start, end: start + rest.length, length: letters });
    }
    joinNext = endsWithAbbreviation(segment);
  }
  // Pieces that are only blanks say nothing: a prose block ends in a newline.
  return sentences.filter((s) => s.length > 0);
}
