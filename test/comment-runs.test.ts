import { describe, expect, it } from "vitest";
import { buildDocument } from "../src/core/document.js";
import { definitionsUsableIn } from "../src/parse/parse.js";
import { visitNodes } from "../src/parse/tree.js";
import { renderedLinks } from "../src/text/links.js";
import type { LintDocument } from "../src/core/types.js";

const sourcesOf = (document: LintDocument) => document.segments.filter((s) => s.side === "source");
const linkCount = (document: LintDocument, side: "source" | "translation") =>
  document.segments.filter((s) => s.side === side).reduce((n, s) => n + renderedLinks(s, document.text).length, 0);

describe("comments that together hold one source text", () => {
  it("reads one comment per line, with no blank line between them, as one paragraph", () => {
    const text = [
      "<!-- Owls hunt at night and sleep -->",
      "<!-- through most of the day. -->",
      "フクロウは夜に狩りをして、昼はほとんど眠ります。",
      "",
    ].join("\n");
    const document = buildDocument(text, { targetLanguage: "ja" });
    const sources = sourcesOf(document);
    expect(sources).toHaveLength(1);
    expect(sources[0].kind).toBe("paragraph");
    // Positions stay those of the document: from the first comment's words to the last one's.
    expect(sources[0].start).toBe(text.indexOf("Owls"));
    expect(sources[0].raw.trimEnd().endsWith("the day.")).toBe(true);
    expect(sources[0].comment).toEqual({ start: 0, end: text.indexOf("\nフクロウ") });
    expect(document.pairs.filter((p) => p.sources.length > 0 && p.translations.length > 0)).toHaveLength(1);
  });

  it("keeps comments apart when a blank line separates them", () => {
    const text = "<!-- Owls hunt at night. -->\n\n<!-- Bats do as well. -->\n\nフクロウは夜に狩りをします。コウモリもそうです。\n";
    expect(sourcesOf(buildDocument(text, { targetLanguage: "ja" }))).toHaveLength(2);
  });

  it("reads a code block written over several one-line comments as one block", () => {
    const text = ["<!-- ```sh -->", "<!-- make install -->", "<!-- ``` -->", "```sh", "make install", "```", ""].join("\n");
    const sources = sourcesOf(buildDocument(text, { targetLanguage: "ja" }));
    expect(sources.map((s) => s.kind)).toEqual(["code"]);
    expect(sources[0].nodes[0]).toMatchObject({ type: "code", lang: "sh" });
    expect((sources[0].nodes[0] as { value: string }).value.trim()).toBe("make install");
  });
});

describe("a comment opened on every line and closed on the last", () => {
  it("reads as one paragraph whose later openers are no text", () => {
    const text = [
      "<!-- Owls hunt at night, when `mice` leave",
      "<!-- their burrows, and sleep through most",
      "<!-- of the day. -->",
      "フクロウは `mice` が巣穴を出る夜に狩りをし、昼はほとんど眠ります。",
      "",
    ].join("\n");
    const document = buildDocument(text, { targetLanguage: "ja" });
    const sources = sourcesOf(document);
    expect(sources.map((s) => s.kind)).toEqual(["paragraph"]);
    expect(sources[0].raw.trimEnd().endsWith("of the day.")).toBe(true);
    expect(document.pairs.filter((p) => p.sources.length > 0 && p.translations.length > 0)).toHaveLength(1);
  });
});

describe("reference links across the comment's edge", () => {
  it("resolves a reference in a comment with a definition written outside it", () => {
    const text = [
      "<!-- Read [the guide][guide] first. -->",
      "まず[ガイド][guide]を読んでください。",
      "",
      "[guide]: https://guide.example/start",
      "",
    ].join("\n");
    const document = buildDocument(text, { targetLanguage: "ja" });
    expect(linkCount(document, "source")).toBe(1);
    expect(linkCount(document, "translation")).toBe(1);
  });

  it("resolves a reference in the translation with a definition kept only inside the comment", () => {
    const text = [
      "<!-- Read [the guide][guide] first.",
      "",
      "[guide]: https://guide.example/start -->",
      "",
      "まず[ガイド][guide]を読んでください。",
      "",
    ].join("\n");
    const document = buildDocument(text, { targetLanguage: "ja" });
    expect(linkCount(document, "source")).toBe(1);
    expect(linkCount(document, "translation")).toBe(1);
    // The definitions seen only for resolving are not part of the document's tree.
    expect(document.root.children.every((c) => (c.position?.end.offset ?? 0) <= text.length)).toBe(true);
  });

  it("resolves a comment's reference whose label differs from its definition's in case and spacing, in a block quote", () => {
    const text = [
      "<!-- > Ask [the Owl\n> Council] for leave. -->",
      "> Peça licença ao [Conselho das Corujas][the owl council].",
      "",
      "[The OWL   council]: https://owls.example/council",
      "[unused label]: https://owls.example/elsewhere",
      "",
    ].join("\n");
    const document = buildDocument(text, { targetLanguage: "pt-br" });
    expect(linkCount(document, "source")).toBe(1);
    expect(linkCount(document, "translation")).toBe(1);
  });

  it("marks the comment's references that nothing defines, beside those the document defines", () => {
    const unknownTargets = (text: string) => {
      const marks: boolean[] = [];
      for (const segment of sourcesOf(buildDocument(text, { targetLanguage: "pt-br" }))) {
        visitNodes(segment.nodes, (node) => void (node.type === "linkReference" && marks.push(node.data?.unknownTarget === true)));
      }
      return marks;
    };
    const defined = "[hive]: https://bees.example/hive\n";
    expect(unknownTargets(`<!-- Visit the [hive] and the [Hive]. -->\nVisite a [colmeia][hive].\n\n${defined}`)).toEqual([false, false]);
    expect(unknownTargets(`<!-- Visit the [hive] and the [meadow]. -->\nVisite a [colmeia][hive] e o [prado].\n\n${defined}[prado]: https://bees.example/meadow\n`)).toEqual([false, true]);
  });

  it("hands a comment's parse only the definitions whose label's words it writes", () => {
    const definitions = [
      { label: "The OWL   council", identifier: "the owl council" },
      { label: "unused label", identifier: "unused label" },
      { label: null, identifier: "owl" },
    ];
    const usable = definitionsUsableIn("Ask [the Owl\n> Council] for leave.", definitions);
    expect(usable.map((d) => d.identifier)).toEqual(["the owl council", "owl"]);
    expect(definitionsUsableIn("No brackets here.", definitions)).toEqual([]);
  });

  it("leaves a fragment that never closes its code fence as written", () => {
    const text = ["<!-- ```rust", "let [a][b] = pair; -->", "", "[b]: https://example.com/b", ""].join("\n");
    const sources = sourcesOf(buildDocument(text, { targetLanguage: "ja" }));
    expect(sources.map((s) => s.kind)).toEqual(["code"]);
    expect(sources[0].end).toBeLessThanOrEqual(text.indexOf("-->"));
  });
});

describe("comments that are translator's notes", () => {
  it("does not read a comment in the target language as source", () => {
    const text = [
      "<!-- The list below is sorted by year. -->",
      "以下のリストは年順に並んでいます。",
      "",
      "<!-- 訳者より：一部の項目は原文にありません -->",
      "",
      "<!-- * first -->",
      "* 最初",
      "",
    ].join("\n");
    const sources = sourcesOf(buildDocument(text));
    expect(sources.map((s) => s.raw.trim())).toEqual(["The list below is sorted by year.", "* first"]);
  });

  it("does not read a comment that says it is a translator's note as source", () => {
    const text = "<!-- N.d.T.: mantivemos o termo em inglês -->\n\n<!-- The model learns fast. -->\nO modelo aprende rápido.\n";
    const sources = sourcesOf(buildDocument(text, { targetLanguage: "pt-br" }));
    expect(sources.map((s) => s.raw.trim())).toEqual(["The model learns fast."]);
  });

  it("does not read a Portuguese comment as source in a Portuguese translation", () => {
    const text = "<!-- Aqui o tradutor explica que a seção foi resumida para os leitores. -->\n\n<!-- The model learns fast. -->\nO modelo aprende rápido.\n";
    const sources = sourcesOf(buildDocument(text, { targetLanguage: "pt-br" }));
    expect(sources.map((s) => s.raw.trim())).toEqual(["The model learns fast."]);
  });
});
