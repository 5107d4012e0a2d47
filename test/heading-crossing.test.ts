import { describe, expect, it } from "vitest";
import { buildDocument } from "../src/core/document.js";
import type { LintDocument } from "../src/core/types.js";

/** Each pair as "source lines -> translation lines". */
function pairLines(document: LintDocument): string[] {
  const line = (s: LintDocument["segments"][number]) => (s.side === "source" ? document.sourceLines : document.lines).position(s.start).line;
  return document.pairs.map((p) => `${p.sources.map(line).join("+") || "-"}->${p.translations.map(line).join("+") || "-"}`);
}

describe("a paragraph the translation moved across a heading", () => {
  it("pairs with its source on the other side of the heading", () => {
    const source = [
      "Welcome to issue 7 of the Parser Weekly. This week we look at faster tokenizers and at a new test suite.",
      "",
      "# Project news",
      "",
      "- The [tokenizer](https://example.org/tok) is now twice as fast.",
      "",
    ].join("\n");
    const translation = [
      "# Uma palavra do editor",
      "Bem-vindos à edição 7 da Parser Weekly. Nesta semana vemos tokenizadores mais rápidos e uma nova bateria de testes.",
      "",
      "- O [tokenizador](https://example.org/tok) agora é duas vezes mais rápido.",
      "",
    ].join("\n");
    const document = buildDocument(translation, { targetLanguage: "pt-br", source: { text: source } });
    expect(pairLines(document)).toEqual(["1->2", "3->1", "5->4"]);
  });

  it("pairs a run of such paragraphs, each with its own source", () => {
    const source = [
      "Welcome to issue 8 of the Parser Weekly, where we cover faster tokenizers and a new test suite.",
      "",
      "It has been 2 months since the last issue; thanks to the 40 readers who wrote to us in the meantime.",
      "",
      "# Project news",
      "",
      "- The [tokenizer](https://example.org/tok) is now twice as fast.",
      "",
    ].join("\n");
    const translation = [
      "# Uma palavra do editor",
      "Bem-vindos à edição 8 da Parser Weekly, sobre tokenizadores mais rápidos e uma nova bateria de testes.",
      "",
      "Faz 2 meses desde a última edição; obrigado aos 40 leitores que nos escreveram nesse tempo.",
      "",
      "- O [tokenizador](https://example.org/tok) agora é duas vezes mais rápido.",
      "",
    ].join("\n");
    const document = buildDocument(translation, { targetLanguage: "pt-br", source: { text: source } });
    expect(pairLines(document)).toEqual(["1->2", "3->4", "5->1", "7->6"]);
  });

  it("stays unpaired when what lies across the heading is another text", () => {
    const source = "Read the [notes](https://example.org/notes/3) on the 3 releases of 2019.\n\n# Project news\n\n- The tokenizer is faster.\n";
    const translation = "# Notícias\n\nConheça as [pessoas](https://example.org/people) do projeto e os 12 encontros mensais.\n\n- O tokenizador está mais rápido.\n";
    const document = buildDocument(translation, { targetLanguage: "pt-br", source: { text: source } });
    expect(pairLines(document)).toEqual(["1->-", "3->1", "-->3", "5->5"]);
  });
});
