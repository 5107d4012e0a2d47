import * as z from "zod";
import { defineProjectRule, type Location } from "../../src/core/project-rule.js";
import { matchedPairs, segmentText } from "../../src/core/rule.js";
import type { LintDocument, Segment, SegmentKind } from "../../src/core/types.js";
import { examples } from "./examples.js";
import { comparableText, readableText, withoutGlosses } from "./comparable.js";
import { letterWords } from "../../src/text/words.js";
import { renderingsOf, termRenderingsOf, type Entry, type Rendering } from "./renderings.js";
import { termUses } from "./term-uses.js";

/**
 * The same source translated in different ways across a run, within one language: a heading
 * `Getting started` rendered `Primeiros passos` in one page and `Começando` in another. A reader
 * who meets both wonders whether they name two things.
 *
 * Each file contributes its one-to-one pairs of the kinds asked for (headings by default: a
 * heading names a thing, while a paragraph's wording may rightly change with its page). Texts are
 * compared as a reader sees them: markup, link targets and explicit heading ids left out, case,
 * spacing, typographic quotes and trailing punctuation folded, and a parenthesised gloss the source
 * has not (`Contexto (Context)`) left out. Short sources are left out, since
 * a one-word heading (`Note`, `Usage`) is often translated by context, and so are translations that
 * keep the source as it is (that is `untranslated`'s concern).
 *
 * When one rendering is used more than any other, the others are reported; when none leads, every
 * occurrence is, each naming the other renderings with a count and one place.
 *
 * Configured terms: a glossary term (the configuration's `glossary` / `glossaryFile`) that allows
 * more than one form in a language (`es: ["solicitud de incorporación", "pull request"]`) may be
 * rendered either way, but a run should pick one. Each pair whose source uses the term and whose
 * translation writes exactly one allowed form as words of its prose (inflected forms count as that
 * form; code, names, heading ids, compounds and derived words do not) is a use of that form; the
 * forms other than the one the most files use are reported. A pair holding both forms
 * names the term and its English (`solicitud de incorporación (pull request)`) and is no use of
 * either; forms mixed within one file are compared only once another file uses the term.
 */

const SEGMENT_KINDS = ["heading", "paragraph", "listItem", "blockquote", "table"] as const satisfies readonly SegmentKind[];

type Options = { kinds: SegmentKind[]; minWords: number; maxWords: number; glossary: boolean };

function entryOf(document: LintDocument, source: Segment, translation: Segment, options: Options, locate: (t: Segment) => Location): Entry | undefined {
  const sourceText = readableText(source, segmentText(document, source));
  const wordCount = letterWords(sourceText, document.sourceLanguage).length;
  if (wordCount < options.minWords || wordCount > options.maxWords) return undefined;
  const translationText = readableText(translation, segmentText(document, translation));
  const key = comparableText(sourceText);
  const rendering = comparableText(withoutGlosses(sourceText, translationText));
  if (rendering === "" || rendering === key) return undefined;
  return { key, source: sourceText, translation: translationText, rendering, at: locate(translation) };
}

export default defineProjectRule({
  id: "inconsistent-translation",
  description: "The same source (a heading, by default), or a glossary term that allows several forms, translated in different ways across the files of one language.",
  severity: "warn",
  fixable: false,
  schema: z
    .object({
      kinds: z
        .array(z.enum(SEGMENT_KINDS))
        .default(["heading"])
        .describe("The kinds of segment compared; the source and its translation must both be of one of them."),
      minWords: z.number().int().min(1).default(2).describe("Fewest words a source needs: shorter ones (`Note`, `Usage`) are often translated by context."),
      maxWords: z.number().int().min(1).default(12).describe("Most words a source may have: a long passage is rarely repeated word for word, and when it is, its wording may follow its page."),
      glossary: z
        .boolean()
        .default(true)
        .describe("Compare how the glossary's terms with more than one allowed form in a language are rendered; does nothing without a configured glossary."),
    })
    .strict(),
  messages: {
    inconsistent: '"{{source}}" is translated "{{translation}}" here, but elsewhere as {{others}}.',
    term: 'The term "{{source}}" is rendered "{{translation}}" here, but elsewhere as {{others}}.',
  },
  examples,
  collect: ({ document, options, settings, locate }): Entry[] => {
    const kinds = new Set<SegmentKind>(options.kinds);
    const entries: Entry[] = [];
    for (const { sources, translations } of matchedPairs(document)) {
      if (sources.length !== 1 || translations.length !== 1) continue;
      const [source, translation] = [sources[0], translations[0]];
      if (!kinds.has(source.kind) || translation.kind !== source.kind) continue;
      const entry = entryOf(document, source, translation, options, (t) => locate("translation", t.start, t.end));
      if (entry) entries.push(entry);
    }
    if (options.glossary && settings.glossary) entries.push(...termUses(document, settings.glossary, locate));
    return entries;
  },
  check: ({ files, report }) => {
    for (const { entry, filePath, others } of renderingsOf(files)) {
      report({ filePath, at: entry.at, messageId: "inconsistent", data: { source: entry.source, translation: entry.translation, others: describeOthers(others) } });
    }
    for (const { entry, filePath, others } of termRenderingsOf(files)) {
      report({ filePath, at: entry.at, messageId: "term", data: { source: entry.source, translation: entry.translation, others: describeOthers(others) } });
    }
  },
});

/** `"Primeiros passos" (3 times, first in docs/a.md:4) and "Começando" (docs/b.md:9)`. */
function describeOthers(others: Rendering[]): string {
  const each = others.map(({ text, count, first }) => `"${text}" (${count > 1 ? `${count} times, first in ` : ""}${first})`);
  return each.length > 1 ? `${each.slice(0, -1).join(", ")} and ${each[each.length - 1]}` : each[0];
}
