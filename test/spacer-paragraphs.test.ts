import { describe, expect, it } from "vitest";
import { buildDocument } from "../src/core/document.js";
import { renderedLinks } from "../src/text/links.js";
import type { LintDocument } from "../src/core/types.js";

/** Each pair as "source lines -> translation lines". */
function pairLines(document: LintDocument): string[] {
  const line = (s: LintDocument["segments"][number]) => (s.side === "source" ? document.sourceLines : document.lines).position(s.start).line;
  return document.pairs.map((p) => `${p.sources.map(line).join("+") || "-"}->${p.translations.map(line).join("+") || "-"}`);
}

describe("a line holding only \\\\ inside a paragraph", () => {
  const source = "# News\n\n***A faster parser for tables***\n\n\\\\\nThe new release parses tables twice as fast, thanks to a rewritten tokenizer.\nIt also reads [wide tables][wt] without running out of memory.\n\n[wt]: https://example.org/wide\n";
  const translation = "# Notícias\n\n***Um analisador mais rápido para tabelas***\n\\\\\nA nova versão analisa tabelas duas vezes mais rápido, graças a um [tokenizador][wt] reescrito.\n\n\\\\\nEla também lê tabelas largas sem esgotar a memória.\n\n[wt]: https://example.org/wide\n";

  it("parts a bold title from the text below it, so that each pairs with its own source block", () => {
    const document = buildDocument(translation, { targetLanguage: "pt-br", source: { text: source } });
    expect(pairLines(document)).toEqual(["1->1", "3->3", "6->5+8"]);
  });

  it("keeps the reference links of each part, read with the document's definitions", () => {
    const document = buildDocument(translation, { targetLanguage: "pt-br", source: { text: source } });
    const body = document.segments.filter((s) => s.side === "translation")[2];
    expect(renderedLinks(body, document.text).map((l) => [l.form, l.reference])).toEqual([["reference", "wt"]]);
  });

  it("leaves a paragraph without such a line whole", () => {
    const document = buildDocument("Uma linha.\nOutra linha.\n", { targetLanguage: "pt-br", source: { text: "One line.\nAnother line.\n" } });
    expect(pairLines(document)).toEqual(["1->1"]);
  });
});
