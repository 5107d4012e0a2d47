import * as z from "zod";
import { withoutMarkup } from "../../src/parse/markup.js";
import { segmentFirstLine } from "../../src/core/report-range.js";
import { defineRule, matchedPairs, segmentText, type Glossary } from "../../src/core/rule.js";
import type { LintDocument, Segment } from "../../src/core/types.js";
import { foldWord } from "../../src/text/words.js";
import { proseOf } from "../../src/text/prose.js";
import { examples } from "./examples.js";
import { findPhrase, matchLanguage, type MatchMode } from "./term-match.js";

/**
 * A glossary term of the source that its translation does not render with any of the forms the
 * glossary allows for the translation's language, or a term to keep untranslated that was
 * translated. The glossary comes from the configuration (`glossary`, `glossaryFile`); without one
 * the rule does nothing.
 *
 * Counting: a pair is reported when its source uses a term and its translation holds none of
 * the allowed forms. A translation with fewer forms than the source has uses is not reported:
 * translators rightly replace a repeated noun with a pronoun or merge two mentions into one.
 *
 * Only prose counts: code spans and code blocks, URLs, link destinations and markup (shortcodes,
 * JSX tags) of the source never ask for a term. In the translation, an allowed form inside an
 * inline code span still counts as rendered (`Span` kept as `` `Span` ``). No fix: which words
 * of the translation render the term is not known.
 */

const PROSE_KINDS = new Set<Segment["kind"]>(["paragraph", "heading", "listItem", "blockquote", "table", "other"]);

const ADDRESS = /(?:https?:\/\/|www\.)[^\s<>]+/gi;

/** A term and the forms the translation's language allows for it. */
interface Entry {
  term: string;
  forms: string[];
}

/**
 * The forms a term's entry allows for a language: its tags match case-insensitively and by prefix
 * (`pt` covers `pt-br`), the most specific tag wins, and `*` covers every language.
 */
export function formsForLanguage(byLanguage: Record<string, string[]>, target: string): string[] | undefined {
  const wanted = target.toLowerCase().replace(/_/g, "-");
  let best: string[] | undefined;
  let bestLength = -1;
  for (const [tag, forms] of Object.entries(byLanguage)) {
    const key = tag.toLowerCase().replace(/_/g, "-");
    const applies = key === "*" || wanted === key || wanted.startsWith(`${key}-`);
    const specificity = key === "*" ? 0 : key.length;
    if (applies && specificity > bestLength) {
      best = forms;
      bestLength = specificity;
    }
  }
  return best;
}

function entriesFor(glossary: Glossary, target: string): Entry[] {
  return Object.entries(glossary).flatMap(([term, byLanguage]) => {
    const forms = formsForLanguage(byLanguage, target);
    return forms && forms.length > 0 ? [{ term, forms }] : [];
  });
}

/** A side's readable text: prose without URLs and markup; inline code kept only where asked. */
function readableText(document: LintDocument, segments: Segment[], keepCode: boolean): string {
  return segments
    .filter((s) => PROSE_KINDS.has(s.kind))
    .map((s) => withoutMarkup(proseOf(s, segmentText(document, s), { skipCode: !keepCode }).text))
    .join("\n")
    .replace(ADDRESS, " ");
}

/** True when every allowed form is the term itself: the term is kept untranslated. */
function keptAsIs(entry: Entry): boolean {
  const term = foldWord(entry.term);
  return entry.forms.every((form) => foldWord(form) === term);
}

export default defineRule({
  id: "glossary",
  description: "A glossary term of the source that its translation does not render with one of the allowed forms.",
  severity: "warn",
  fixable: false,
  schema: z.object({}).strict(),
  messages: {
    missing: '"{{term}}" appears in the source {{count}} time(s), but the translation has none of its allowed forms: {{forms}}.',
    keep: '"{{term}}" is to be kept untranslated, but the translation does not contain it ({{count}} time(s) in the source).',
  },
  examples,
  check({ document, settings, report }) {
    const target = document.targetLanguage;
    if (!settings.glossary || !target) return;
    const entries = entriesFor(settings.glossary, target);
    if (entries.length === 0) return;
    const sourceMode: MatchMode = { language: matchLanguage(document.sourceLanguage), strict: true };
    const translationMode: MatchMode = { language: matchLanguage(target), strict: false };
    for (const pair of matchedPairs(document)) {
      const sourceText = readableText(document, pair.sources, false);
      const translationText = readableText(document, pair.translations, true);
      const place = pair.translations.find((s) => PROSE_KINDS.has(s.kind)) ?? pair.translations[0];
      for (const entry of entries) {
        const count = findPhrase(sourceText, entry.term, sourceMode).length;
        if (count === 0) continue;
        if (entry.forms.some((form) => findPhrase(translationText, form, translationMode).length > 0)) continue;
        report({
          messageId: keptAsIs(entry) ? "keep" : "missing",
          data: { term: entry.term, count, forms: entry.forms.map((f) => `"${f}"`).join(", ") },
          ...segmentFirstLine(document, place),
        });
      }
    }
  },
});
