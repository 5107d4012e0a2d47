import { describe, expect, it } from "vitest";
import { LineIndex } from "../src/core/lines.js";
import { lint } from "../src/core/lint.js";
import { firstLineOf } from "../src/core/report-range.js";

/** The text a range covers. */
const covered = (text: string, range: { start: number; end: number }) => text.slice(range.start, range.end);

describe("firstLineOf", () => {
  it("stops before the line break, a CRLF's carriage return included", () => {
    // The copies in rules disagreed here: some kept the `\r`, one ended before it, one took the `\n` too.
    for (const eol of ["\n", "\r\n", "\r"]) {
      const text = `Primeira linha${eol}segunda linha${eol}`;
      expect(covered(text, firstLineOf(new LineIndex(text), { start: 0, end: text.length }))).toBe("Primeira linha");
    }
  });

  it("covers the whole of a last line that has no line break", () => {
    // Two copies took one character off the end when no line followed.
    const text = "Antes\n\nÚltima frase";
    const start = text.indexOf("Última");
    expect(covered(text, firstLineOf(new LineIndex(text), { start, end: text.length }))).toBe("Última frase");
  });

  it("ends with the span when the span ends first", () => {
    const text = "um <!-- dois --> três\n";
    expect(covered(text, firstLineOf(new LineIndex(text), { start: 3, end: 16 }))).toBe("<!-- dois -->");
  });

  it("is never empty, so that an editor can show it", () => {
    const text = "\nTexto\n";
    expect(firstLineOf(new LineIndex(text), { start: 0, end: text.length })).toEqual({ start: 0, end: 1 });
  });
});

describe("rules report a block on its first line", () => {
  it("link-count underlines one line of a wrapped paragraph (where the dropped link's line falls), not the break after it", () => {
    const text = "<!-- Read the guide\nfirst, then the notes\nat [the archive](https://archive.example). -->\n\nLeia o guia primeiro,\ndepois as notas no arquivo.\n";
    const [finding] = lint(text, { only: ["link-count"] }).findings;
    // It once ended at column 1 of the paragraph's next line.
    expect(finding).toMatchObject({ line: 6, column: 1, endLine: 6, endColumn: "depois as notas no arquivo.".length + 1 });
  });
});
