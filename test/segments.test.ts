import { describe, expect, it } from "vitest";
import { buildDocument } from "../src/core/document.js";

describe("segments of an inline post", () => {
  it("reads a comment that is never closed as holding its own paragraph only", () => {
    const text = "<!-- The cat sleeps all day\nin the sun. ->\n\nO gato dorme o dia todo ao sol.\n\n> O cão late.\n";
    const document = buildDocument(text);
    const sources = document.segments.filter((s) => s.side === "source");
    // Everything after the opener is raw HTML to the parser, so no translation is left to pair.
    expect(document.segments.filter((s) => s.side === "translation")).toEqual([]);
    expect(sources.map((s) => s.raw)).toEqual(["The cat sleeps all day\nin the sun. ->"]);
    expect(sources[0].comment).toEqual({ start: 0, end: text.length });
  });

  it("still reads the whole of a closed comment, over several paragraphs", () => {
    const text = "<!-- First part.\n\nSecond part. -->\n\nPrimeira parte. Segunda parte.\n";
    const sources = buildDocument(text).segments.filter((s) => s.side === "source");
    expect(sources.map((s) => s.raw.trim())).toEqual(["First part.", "Second part."]);
  });

  it("finds the paragraphs of nested block quotes in document order", () => {
    const depth = 30;
    const text = Array.from({ length: depth }, (_, i) => "> ".repeat(i + 1) + `Nível ${i + 1}.`).join("\n>\n") + "\n";
    const paragraphs = buildDocument(text).segments.filter((s) => s.kind === "paragraph");
    expect(paragraphs.map((s) => s.raw)).toEqual(Array.from({ length: depth }, (_, i) => `Nível ${i + 1}.`));
  });
});
