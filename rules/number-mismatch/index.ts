import * as z from "zod";
import { primaryLanguage } from "../../src/text/language.js";
import { withoutMarkup } from "../../src/parse/markup.js";
import { proseOf } from "../../src/text/prose.js";
import { defineRule, matchedPairs, segmentText } from "../../src/core/rule.js";
import { segmentFirstLine } from "../../src/core/report-range.js";
import { isTranslatorNoteSegment, NOTE_MARK } from "../../src/pair/segments.js";
import type { LintDocument, Segment } from "../../src/core/types.js";
import { spelledValues } from "./number-words.js";
import { numbersIn, type FoundNumber } from "./numbers.js";
import { examples } from "./examples.js";

/**
 * A number of the source missing from its translation, or one the translation adds. Only prose
 * counts: inline code, code blocks, HTML, URLs, link destinations, footnote labels, list markers
 * and site-generator markup are not read. A number is the same whatever the locale writes it
 * with (see `numbers.ts`), and a number written in words on the other side is not a mismatch.
 */

const PROSE_KINDS = new Set<Segment["kind"]>(["paragraph", "heading", "listItem", "blockquote", "table", "other"]);

/** Addresses written as text (a bare `www.` or a GFM autolink's label): their digits are not prose. */
const ADDRESS = /(?:https?:\/\/|www\.)[^\s<>]+/gi;
/** A footnote mark the parser left as text (`[^3]` in a comment whose definition is elsewhere). */
const FOOTNOTE_MARK = /\[\^[^\]\s]+\]/g;
/** A citation mark in running text (`[24]`), whose entry a translator may have moved to a reference list. */
const CITATION_MARK = /\[\d{1,3}\]/g;
/**
 * A section number opening a heading or a one-line title (`3.2 Tools`, `5、Articles`): an outline
 * marker translators add or drop, like an ordered list's, not a number of the text.
 */
const SECTION_NUMBER = /^([\s\\]*)\d+(?:\.\d+)*[.)、:]?(?=\s|$)/;
/** Lines holding only `\\` (a spacer some posts put above each block), which are not content. */
const SPACER = /^[\s\\]+/;
/** Between two numbers of one date or time (`27/04/2020`, `10:30`): one finding, not three. */
const DATE_JOINT = /^[/.:-]$/;

/** A number with offsets into the text its segment lives in. */
interface PlacedNumber extends FoundNumber {
  segment: Segment;
}

const blank = (m: string) => " ".repeat(m.length);

/** A translator's note in parentheses inside a paragraph (`（訳注: …）`): the translator's own words. */
function withoutTranslatorNotes(text: string): string {
  return text.replace(/[(（][^()（）]*[)）]/g, (m) => (NOTE_MARK.test(m) ? blank(m) : m));
}

/**
 * The numbers a reader reads in a segment; with `all`, those of its inline code, of names (`p99`)
 * and section numbers too: never reported, but a number the other side writes so is not missing.
 */
/** Languages whose decimal mark is a point, where `2,3` is a list of two numbers. */
const DECIMAL_POINT = new Set(["en", "zh", "ja", "ko", "th", "he"]);

function numbersOf(document: LintDocument, segment: Segment, all = false): PlacedNumber[] {
  if (!PROSE_KINDS.has(segment.kind) || isTranslatorNoteSegment(segment)) return [];
  const prose = proseOf(segment, segmentText(document, segment), { skipCode: !all });
  if (segment.side === "translation" && NOTE_MARK.test(prose.text.replace(/^[\s\\*_]+/, ""))) return [];
  let readable = withoutTranslatorNotes(withoutMarkup(prose.text).replace(ADDRESS, blank).replace(FOOTNOTE_MARK, blank).replace(CITATION_MARK, blank));
  // A section number is never reported, but it still matches: `2020 in review` may become `Retrospectiva de 2020`.
  if (!all && isTitle(segment, readable)) readable = readable.replace(SECTION_NUMBER, (m, space: string) => space + blank(m.slice(space.length)));
  const language = segment.side === "source" ? (document.sourceLanguage ?? "en") : document.targetLanguage;
  const decimalComma = !language || !DECIMAL_POINT.has(primaryLanguage(language));
  return numbersIn(readable, all, decimalComma).map((n) => {
    const start = prose.offsets[n.start];
    return { ...n, segment, start, end: Math.max(start + 1, prose.offsets[n.end - 1] + 1) };
  });
}

/** A heading, or a paragraph of one line (a bold title): where a section number may open the text. */
const isTitle = (segment: Segment, text: string) => segment.kind === "heading" || (segment.kind === "paragraph" && !text.replace(SPACER, "").trim().includes("\n"));

const shareValue = (a: FoundNumber, b: FoundNumber) => [...a.values].some((v) => b.values.has(v));

/** Numbers of `ours` that none of `theirs` matches, nor a number word of the other side; one per value. */
function unmatched(ours: PlacedNumber[], theirs: PlacedNumber[], spelled: Set<number>, ignored: Set<string>): PlacedNumber[] {
  const seen = new Set<string>();
  return ours.filter((n) => {
    const key = [...n.values].sort().join(" ");
    if (seen.has(key)) return false;
    seen.add(key);
    if (ignored.has(n.written) || [...n.values].some((v) => ignored.has(v))) return false;
    if (theirs.some((t) => shareValue(n, t))) return false;
    return ![...n.values].some((v) => spelled.has(Number(v)));
  });
}

/** A whole number no greater than `limit`: one that style guides have written in words. */
const isSmall = (n: FoundNumber, limit: number) => [...n.values].every((v) => /^\d+$/.test(v) && Number(v) <= limit);

/** Numbers of a date or a time written together (`27/04/2020`) as one, spanning them all. */
function joinDates(numbers: PlacedNumber[], text: string): PlacedNumber[] {
  const out: PlacedNumber[] = [];
  for (const n of numbers) {
    const last = out[out.length - 1];
    if (last && last.segment === n.segment && DATE_JOINT.test(text.slice(last.end, n.start))) {
      out[out.length - 1] = { ...last, written: text.slice(last.start, n.end), end: n.end, values: new Set([...last.values, ...n.values]) };
    } else {
      out.push(n);
    }
  }
  return out;
}

export default defineRule({
  id: "number-mismatch",
  description: "A number of the source missing from its translation, or one it adds; off by default, since translators add dates and titles or reword counts (about 80% right on real corpora).",
  severity: "warn",
  // Read on the corpora, about four findings in five were real differences (most of them a
  // translation behind its source); the rest were dates, titles and counts translators add or
  // reword on purpose. Below the 95% a default rule needs, so a team turns it on.
  enabledByDefault: false,
  fixable: false,
  schema: z
    .object({
      /** Numbers never compared, as written or as values (`"1"`, `"2"`): counts a team's translators write freely. */
      ignore: z.array(z.string()).default([]),
      /**
       * More numbers written as words, by language (primary tag): `{ "nl": { "drie": 3 } }`. Built in:
       * en, pt, es, fr, de, it, and Chinese and Japanese numerals.
       */
      numberWords: z.record(z.string(), z.record(z.string(), z.number())).default({}),
      /**
       * Whole numbers up to this one are often written in words (`another` → `もう1つ`, `square` →
       * `2乗`): one found on one side only is reported only when the other side lacks a number too.
       */
      wordsUpTo: z.number().int().min(-1).default(10),
    })
    .strict(),
  messages: {
    missing: "{{number}} (source line {{sourceLine}}) is missing from the translation.",
    added: "{{number}} is not in the source (line {{sourceLine}}).",
    changed: "{{number}} is {{sourceNumber}} in the source (line {{sourceLine}}).",
  },
  examples,
  check({ document, options, report }) {
    const ignored = new Set(options.ignore);
    const source = primaryLanguage(document.sourceLanguage ?? "en");
    const target = document.targetLanguage ? primaryLanguage(document.targetLanguage) : undefined;
    const spelledIn = (segments: Segment[], language: string | undefined) =>
      spelledValues(segments.map((s) => proseOf(s, segmentText(document, s), { skipCode: true }).text).join("\n"), language, language ? options.numberWords[language] : undefined);
    const withCode = (segments: Segment[]) => segments.flatMap((s) => numbersOf(document, s, true));
    const sourceLineOf = (n: PlacedNumber) => document.sourceLines.position(n.start).line;

    for (const pair of matchedPairs(document)) {
      const sourceNumbers = pair.sources.flatMap((s) => numbersOf(document, s));
      const translationNumbers = pair.translations.flatMap((t) => numbersOf(document, t));
      if (sourceNumbers.length === 0 && translationNumbers.length === 0) continue;
      const missing = unmatched(sourceNumbers, withCode(pair.translations), spelledIn(pair.translations, target), ignored);
      const added = joinDates(unmatched(translationNumbers, withCode(pair.sources), spelledIn(pair.sources, source), ignored), document.text);
      // A small count on one side only is a number the other side wrote in words the tables do not
      // know (`another` → `もう1つ`, `square` → `2乗`); a number changed into another is kept.
      const small = (n: PlacedNumber) => isSmall(n, options.wordsUpTo);
      const keptMissing = missing.filter((n) => !small(n) || added.length > 0);
      const keptAdded = added.filter((n) => !small(n) || missing.length > 0);

      const changed = Math.min(keptMissing.length, keptAdded.length);
      for (let i = 0; i < changed; i++) {
        const [was, now] = [keptMissing[i], keptAdded[i]];
        report({ messageId: "changed", data: { number: now.written, sourceNumber: was.written, sourceLine: sourceLineOf(was) }, side: "translation", start: now.start, end: now.end });
      }
      const firstLine = segmentFirstLine(document, pair.translations[0]);
      for (const n of keptMissing.slice(changed)) {
        report({ messageId: "missing", data: { number: n.written, sourceLine: sourceLineOf(n) }, ...firstLine });
      }
      const firstSourceLine = document.sourceLines.position(pair.sources[0].start).line;
      for (const n of keptAdded.slice(changed)) {
        report({ messageId: "added", data: { number: n.written, sourceLine: firstSourceLine }, side: "translation", start: n.start, end: n.end });
      }
    }
  },
});
