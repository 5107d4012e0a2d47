import * as z from "zod";
import { linksOf, renderedLinks } from "../src/links.js";
import { defineRule, matchedPairs, segmentText } from "../src/rule.js";
import type { LintDocument, Segment } from "../src/types.js";

/** A citation mark in running text, `[16]`, not a link's label (`[16](…)`, `[16][…]`) or a definition. */
const CITATION = /\[(\d{1,3})\](?![([:])/g;
/** An entry of a numbered reference list: `[16] **Title:** [link](url)`. */
const ENTRY = /^\s*\\?\[(\d{1,3})\]\s/;

const ownText = (document: LintDocument, segment: Segment) => segmentText(document, segment).slice(segment.start, segment.end);

/**
 * The numbers of a translation's reference list, when it has one: some translators move each
 * paragraph's links to numbered entries at the end, and write `[16]` where the link was.
 */
function citedNumbers(document: LintDocument): Set<string> {
  const numbers = new Set<string>();
  for (const segment of document.segments) {
    if (segment.side !== "translation") continue;
    const entry = ownText(document, segment).match(ENTRY);
    // An entry may give its address bare: it still says where the mark leads.
    if (entry && linksOf(segment, document.text).some((l) => !l.image)) numbers.add(entry[1]);
  }
  // A list, not one paragraph that happens to start with a number in brackets.
  return numbers.size >= 3 ? numbers : new Set();
}

/**
 * A pair whose translation renders a different number of links than its source: a link was
 * dropped, broken, or added. A citation mark `[n]` whose entry in the translation's numbered
 * reference list holds a link counts as that link.
 *
 * @example invalid
 * <!-- See [the paper](https://arxiv.org/abs/1) and [the code](https://github.com/x/y). -->
 * Veja [o artigo](https://arxiv.org/abs/1) e o código.
 * → "Translation renders 1 link; its source renders 2."
 */
export default defineRule({
  id: "link-count",
  description: "A translation renders a different number of links than its source.",
  severity: "error",
  fixable: false,
  schema: z.object({}).strict(),
  messages: {
    mismatch: "Translation renders {{translated}} {{translatedNoun}}; its source (line {{sourceLine}}) renders {{source}}.",
  },
  check({ document, report }) {
    const cited = citedNumbers(document);
    const citations = (t: Segment) => (cited.size === 0 ? 0 : [...ownText(document, t).matchAll(CITATION)].filter((m) => cited.has(m[1])).length);
    for (const pair of matchedPairs(document)) {
      const source = pair.sources.reduce((n, s) => n + renderedLinks(s, document.sourceText).length, 0);
      const translated = pair.translations.reduce((n, t) => n + renderedLinks(t, document.text).length + citations(t), 0);
      if (source === translated) continue;
      const first = pair.translations[0];
      const last = pair.translations[pair.translations.length - 1];
      report({
        messageId: "mismatch",
        data: {
          translated,
          translatedNoun: translated === 1 ? "link" : "links",
          source,
          sourceLine: document.sourceLines.position(pair.sources[0].start).line,
        },
        side: "translation",
        start: first.start,
        end: Math.min(last.end, document.lines.starts[document.lines.position(first.start).line] ?? last.end),
      });
    }
  },
});
