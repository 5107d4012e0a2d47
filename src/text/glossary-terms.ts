import { withoutMarkup } from "../parse/markup.js";
import { segmentText, type Glossary } from "../core/rule.js";
import type { LintDocument, Pair, Segment } from "../core/types.js";
import { withoutExplicitId } from "./anchors.js";
import { foldWord } from "./words.js";
import { normalizeLanguage } from "./language.js";
import { proseOf } from "./prose.js";
import { findPhrase, matchLanguage, type Hit, type MatchMode } from "./term-match.js";

/**
 * Glossary terms in a pair, as the `glossary` rule (a term not rendered) and
 * `inconsistent-translation` (a term rendered one way here, another elsewhere) both read them:
 * how often the source uses each term, and which of its allowed forms the translation holds.
 *
 * Only prose counts: code spans and code blocks, URLs, link destinations and markup (shortcodes,
 * JSX tags) of the source never ask for a term, nor does a term inside an identifier or a
 * hyphenated compound, a noun used as an English verb, or a name or title the translation copies
 * letter for letter (`Metrics Server`). In the translation, an allowed form inside an inline code
 * span or a shortcode's title still counts as rendered.
 */

export const PROSE_KINDS = new Set<Segment["kind"]>(["paragraph", "heading", "listItem", "blockquote", "table", "other"]);

const ADDRESS = /(?:https?:\/\/|www\.)[^\s<>]+/gi;

/** A term and the forms the translation's language allows for it. */
export interface TermEntry {
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

/** The glossary's terms that allow at least one form in the target language. */
export function termEntriesFor(glossary: Glossary, target: string): TermEntry[] {
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

/** A term the source of a pair uses: how many times, and which allowed forms its translation holds. */
export interface TermUse {
  entry: TermEntry;
  count: number;
  /** The allowed forms the translation holds, found leniently (in compounds, by stem, in code and markup too). */
  formsFound: string[];
}

/** How a document's pairs are searched for terms: the source strictly, the translation leniently. */
export interface TermModes {
  source: MatchMode;
  translation: MatchMode;
}

export function termModes(document: LintDocument, target: string): TermModes {
  return {
    source: { language: matchLanguage(document.sourceLanguage), strict: true },
    translation: { language: matchLanguage(target), strict: false },
  };
}

/**
 * The terms a pair's source uses (names the translation copies letter for letter left out), each
 * with the allowed forms found in its translation. A translation holding only code or markup is a
 * pairing slip and gives nothing.
 */
export function termUsesOf(document: LintDocument, pair: Pair, entries: TermEntry[], modes: TermModes): TermUse[] {
  const sourceText = sourceProse(document, pair.sources);
  const translationText = translationProse(document, pair.translations);
  if (!/\p{L}/u.test(translationText.replace(/\{\{[<%][\s\S]*?[%>]\}\}/g, ""))) return [];
  const uses: TermUse[] = [];
  for (const entry of entries) {
    const count = findPhrase(sourceText, entry.term, modes.source).filter((hit) => !keptAsName(sourceText, hit, translationText)).length;
    if (count === 0) continue;
    const formsFound = entry.forms.filter((form) => findPhrase(translationText, form, modes.translation).length > 0);
    uses.push({ entry, count, formsFound });
  }
  return uses;
}

/**
 * The allowed forms a translation writes as words of its prose, or as their inflections (`branches`
 * for `branch`, not `branche`): no compound, no shared stem, nothing in code, markup or a heading's
 * explicit id. Which of two forms a translator chose is only known from what a reader sees.
 */
export function formsWrittenIn(document: LintDocument, translations: Segment[], forms: string[], mode: MatchMode): string[] {
  const text = translations
    .filter((s) => PROSE_KINDS.has(s.kind))
    .map((s) => {
      const prose = proseOf(s, segmentText(document, s), { skipCode: true }).text;
      return s.kind === "heading" ? withoutExplicitId(prose) : prose;
    })
    .join("\n")
    .replace(ADDRESS, " ");
  const wordsOnly: MatchMode = { ...mode, inflectedOnly: true };
  return forms.filter((form) => findPhrase(text, form, wordsOnly).length > 0);
}

/** True when every allowed form is the term itself: the term is kept untranslated. */
export function keptAsIs(entry: TermEntry): boolean {
  const term = foldWord(entry.term);
  return entry.forms.every((form) => foldWord(form) === term);
}
