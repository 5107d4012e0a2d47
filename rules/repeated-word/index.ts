import * as z from "zod";
import { primaryLanguage } from "../../src/text/language.js";
import { defineRule, matchedPairs, segmentText } from "../../src/core/rule.js";
import type { LintDocument, Segment } from "../../src/core/types.js";
import { examples } from "./examples.js";
import { repetitionsIn, type Repetition } from "./repetitions.js";

/**
 * The same word written twice in a row in a translation (`o o`, `de de`) where the source has no
 * repetition: a slip made while editing. Only spaces, or a line break inside the paragraph, may
 * stand between the copies; markup between them (`**o** o`) or punctuation (`bora, bora`) does not
 * count. Chinese, Japanese and Thai are not checked: they put no spaces between words, and their
 * grammar doubles words on purpose (`人人`, `時々`).
 *
 * No fix: removing the second copy is not certain in every language (`nous nous` in French, `die
 * die` in German), so each finding suggests it instead. Repetitions a language uses on purpose are
 * listed per language, and a team can add its own; languages that double words freely are skipped.
 */

const PROSE_KINDS = new Set<Segment["kind"]>(["paragraph", "heading", "listItem", "blockquote", "table", "other"]);

/** Repetitions that are grammar, by language (primary tag). */
const BUILT_IN_EXCEPTIONS: Record<string, string[]> = {
  // Reflexive verbs: `nous nous levons`, `vous vous trompez`.
  fr: ["nous nous", "vous vous"],
  // A relative pronoun before an article: `die Regeln, die die Tests prüfen`.
  de: ["die die", "der der", "das das", "den den", "dem dem"],
  en: ["had had", "that that"],
  // `se` for "if" before the reflexive `se`: `se se tornar visível`.
  pt: ["se se"],
};

function repetitionsOf(document: LintDocument, segments: Segment[], language: string | undefined, pauses = false): Repetition[] {
  return segments.filter((s) => PROSE_KINDS.has(s.kind)).flatMap((s) => repetitionsIn(s.nodes, segmentText(document, s), language, pauses));
}

export default defineRule({
  id: "repeated-word",
  description: "The same word twice in a row in a translation, where its source has no such repetition.",
  severity: "warn",
  fixable: false,
  schema: z
    .object({
      /**
       * More repetitions that are grammar, by language (primary tag, or `*` for every language):
       * `{ "pt": ["já já"] }`. They add to the built-in ones (French `nous nous`, German `die die`…).
       */
      exceptions: z.record(z.string(), z.array(z.string())).default({}),
      /**
       * Languages not checked (primary tags): their grammar doubles words freely, so no list of
       * exceptions could be complete (Turkish `adım adım`, Indonesian `buku buku`, Bengali
       * `ধীরে ধীরে`, Korean `빨리 빨리`, Vietnamese `từ từ`). Chinese, Japanese and Thai are never checked.
       */
      skipLanguages: z.array(z.string()).default(["tr", "id", "ms", "tl", "bn", "hi", "ko", "vi"]),
    })
    .strict(),
  messages: {
    repeated: '"{{word}}" is written twice in a row; its source (line {{sourceLine}}) has no repetition.',
  },
  examples,
  check({ document, options, report }) {
    const target = document.targetLanguage;
    const language = target ? primaryLanguage(target) : undefined;
    if (language && options.skipLanguages.map(primaryLanguage).includes(language)) return;
    const allowed = new Set(
      [...(BUILT_IN_EXCEPTIONS[language ?? ""] ?? []), ...(options.exceptions[language ?? ""] ?? []), ...(options.exceptions["*"] ?? [])].map((e) => e.toLowerCase()),
    );
    for (const pair of matchedPairs(document)) {
      // A source that repeats a word on purpose (`very, very` → `muito muito`) is mirrored, not slipped.
      if (repetitionsOf(document, pair.sources, document.sourceLanguage ?? "en", true).length > 0) continue;
      const sourceLine = document.sourceLines.position(pair.sources[0].start).line;
      for (const repetition of repetitionsOf(document, pair.translations, target)) {
        const word = repetition.word;
        if (allowed.has(`${word} ${word}`.toLowerCase())) continue;
        report({
          messageId: "repeated",
          data: { word, sourceLine },
          side: "translation",
          start: repetition.start,
          end: repetition.end,
          suggestions: [{ desc: `Remove the second "${word}".`, fix: { range: [repetition.firstEnd, repetition.end], text: "" } }],
        });
      }
    }
  },
});
