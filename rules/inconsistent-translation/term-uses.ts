import type { Location } from "../../src/core/project-rule.js";
import { segmentFirstLine } from "../../src/core/report-range.js";
import { matchedPairs, type Glossary } from "../../src/core/rule.js";
import type { LintDocument, Side } from "../../src/core/types.js";
import { PROSE_KINDS, termEntriesFor, termModes, termUsesOf } from "../../src/text/glossary-terms.js";
import type { Entry } from "./renderings.js";

/**
 * The file's uses of glossary terms that allow more than one form in its language, one entry per
 * pair that renders the term with exactly one of them. A pair with none is `glossary`'s concern; a
 * pair with several names the term twice (a form and the English it stands for), which says
 * nothing about the form the page chose.
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
      if (formsFound.length !== 1) continue;
      const place = pair.translations.find((s) => PROSE_KINDS.has(s.kind)) ?? pair.translations[0];
      const { side, start, end } = segmentFirstLine(document, place);
      const [form] = formsFound;
      uses.push({ key: entry.term, source: entry.term, translation: form, rendering: form, at: locate(side, start, end), term: true });
    }
  }
  return uses;
}
