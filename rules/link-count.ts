import { z } from "zod";
import { renderedLinks } from "../src/links.js";
import { defineRule, matchedPairs } from "../src/rule.js";

/**
 * A pair whose translation renders a different number of links than its source: a link was
 * dropped, broken, or added.
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
    for (const pair of matchedPairs(document)) {
      const source = pair.sources.reduce((n, s) => n + renderedLinks(s, document.sourceText).length, 0);
      const translated = pair.translations.reduce((n, t) => n + renderedLinks(t, document.text).length, 0);
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
