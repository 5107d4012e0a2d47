import type { Location } from "../../src/core/project-rule.js";
import { segmentFirstLine } from "../../src/core/report-range.js";
import { matchedPairs, type Glossary } from "../../src/core/rule.js";
import type { LintDocument, Side } from "../../src/core/types.js";
import { formsWrittenIn, PROSE_KINDS, termEntriesFor, termModes, termUsesOf } from "../../src/text/glossary-terms.js";
import type { Entry } from "./renderings.js";

/**
 * The file's uses of glossary terms that allow more than one form in its language, one entry per
 * pair that writes exactly one of them as words of its prose. A pair with none is `glossary`'s
 * concern, or renders the term in a way no allowed form names (a compound, a derived word, a name
 * in code), which says nothing about the form chosen; a pair with several names the term twice (a
 * form and the English it stands for).
 */
export function termUses(document: LintDocument, glossary: Glossary, locate: (side: Side, start: number, end: number) => Location): Entry[] {
  const target = document.targetLanguage;
  if (!target) return [];
  const entries = termEntriesFor(glossary, target).filter((entry) => entry.forms.length > 1);
  if (entries.length === 0) return [];
  const modes = termModes(document, target);
  const uses: Entry[] = [];
  for (const pair of matchedPairs(document)) {
    for (const { entry, formsFound } of termUsesOf(document, pair, entries, modes)) {
      if (formsFound.length === 0) continue;
      const written = formsWrittenIn(document, pair.translations, entry.forms, modes.translation);
      if (written.length !== 1) continue;
      const place = pair.translations.find((s) => PROSE_KINDS.has(s.kind)) ?? pair.translations[0];
      const { side, start, end } = segmentFirstLine(document, place);
      const [form] = written;
      uses.push({ key: entry.term, source: entry.term, translation: form, rendering: form, at: locate(side, start, end), term: true });
    }
  }
  return uses;
}
