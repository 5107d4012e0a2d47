import * as z from "zod";
import { withoutMarkup } from "../../src/parse/markup.js";
import { segmentFirstLine } from "../../src/core/report-range.js";
import { defineRule, matchedPairs, segmentText, type Glossary } from "../../src/core/rule.js";
import type { LintDocument, Segment } from "../../src/core/types.js";
import { foldWord } from "../../src/text/words.js";
import { normalizeLanguage } from "../../src/text/language.js";
import { proseOf } from "../../src/text/prose.js";
import { examples } from "./examples.js";
import { findPhrase, matchLanguage, type Hit, type MatchMode } from "./term-match.js";

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
 * JSX tags) of the source never ask for a term, nor does a term inside an identifier or a
 * hyphenated compound (`#otel-semantic-conventions`, `auto-instrumentation`), a noun used as an
 * English verb (`to trace`, `must not span`), or a name or title the translation copies letter
 * for letter (`Metrics Server`). A pair whose translation holds only code is a pairing slip. In the
 * translation, an allowed form inside an inline code span or a shortcode's title still counts
 * as rendered. No fix: which words of the translation render the term is not known.
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
  const wanted = normalizeLanguage(target);
  let best: string[] | undefined;
  let bestLength = -1;
  for (const [tag, forms] of Object.entries(byLanguage)) {
    const key = normalizeLanguage(tag);
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

/** The source's prose that asks for terms: no code, URLs or markup (shortcodes, tags and their attributes). */
function sourceProse(document: LintDocument, segments: Segment[]): string {
  return segments
    .filter((s) => PROSE_KINDS.has(s.kind))
    .map((s) => withoutMarkup(proseOf(s, segmentText(document, s), { skipCode: true }).text))
    .join("\n")
    .replace(ADDRESS, " ");
}

/**
 * The translation's text that may render terms: its prose with inline code and markup kept, since
 * a shortcode's title (`{{% alert title="…" %}}`) or a code span shows a reader the term too, and
 * with camel-case names split (`SpanExporter` renders `span exporter`).
 */
function translationProse(document: LintDocument, segments: Segment[]): string {
  const text = segments
    .filter((s) => PROSE_KINDS.has(s.kind) || s.kind === "markup")
    .map((s) => (s.kind === "markup" ? s.raw : proseOf(s, segmentText(document, s)).text))
    .join("\n")
    .replace(ADDRESS, " ");
  const split = text.replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2");
  return split === text ? text : `${text}\n${split}`;
}

/** Letters of scripts written with spaces: a name kept in a Japanese sentence touches kana, not these. */
const SPACED_LETTER = String.raw`[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{N}]`;

function containsExactly(text: string, phrase: string): boolean {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<!${SPACED_LETTER})${escaped}(?!${SPACED_LETTER})`, "u").test(text);
}

/**
 * An occurrence the translation copies letter for letter is kept on purpose, not left untranslated:
 * a capitalised name (`Attributes`, `Metrics Server`), or a longer English title or identifier
 * copied with the word beside it (`[Integrate with existing metrics code]`, `span metrics connector`).
 */
function keptAsName(sourceText: string, hit: Hit, translationText: string): boolean {
  const written = sourceText.slice(hit.start, hit.end);
  if (/^\p{Lu}/u.test(written) && containsExactly(translationText, written)) return true;
  const before = /(\p{L}+[ \t]+)$/u.exec(sourceText.slice(Math.max(0, hit.start - 40), hit.start))?.[1];
  const after = /^([ \t]+\p{L}+)/u.exec(sourceText.slice(hit.end, hit.end + 40))?.[1];
  return (before !== undefined && containsExactly(translationText, before + written)) || (after !== undefined && containsExactly(translationText, written + after));
}

/** True when every allowed form is the term itself: the term is kept untranslated. */
function keptAsIs(entry: Entry): boolean {
  const term = foldWord(entry.term);
  return entry.forms.every((form) => foldWord(form) === term);
}

export default defineRule({
  id: "glossary",
  description: "A glossary term of the source that its translation does not render with one of the allowed forms; nothing is checked until a glossary is configured.",
  severity: "warn",
  fixable: false,
  schema: z.object({}).strict(),
  messages: {
    missing: '"{{term}}" appears {{count}} time(s) in the source (line {{sourceLine}}), but the translation has none of its allowed forms: {{forms}}.',
    keep: '"{{term}}" is to be kept untranslated, but the translation does not contain it; it appears {{count}} time(s) in the source (line {{sourceLine}}).',
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
      const sourceText = sourceProse(document, pair.sources);
      const translationText = translationProse(document, pair.translations);
      // Prose aligned with a translation of code or markup only is a pairing slip, not a missing term.
      if (!/\p{L}/u.test(translationText.replace(/\{\{[<%][\s\S]*?[%>]\}\}/g, ""))) continue;
      const place = pair.translations.find((s) => PROSE_KINDS.has(s.kind)) ?? pair.translations[0];
      const sourceLine = document.sourceLines.position(pair.sources[0].start).line;
      for (const entry of entries) {
        const count = findPhrase(sourceText, entry.term, sourceMode).filter((hit) => !keptAsName(sourceText, hit, translationText)).length;
        if (count === 0) continue;
        if (entry.forms.some((form) => findPhrase(translationText, form, translationMode).length > 0)) continue;
        report({
          messageId: keptAsIs(entry) ? "keep" : "missing",
          data: { term: entry.term, count, sourceLine, forms: entry.forms.map((f) => `"${f}"`).join(", ") },
          ...segmentFirstLine(document, place),
        });
      }
    }
  },
});
