import { describe, expect, it } from "vitest";
import { buildDocument } from "../src/core/document.js";
import { maskedText } from "../src/text/links.js";

describe("maskedText", () => {
  it("blanks code, HTML and well-formed links, keeping line breaks and every offset", () => {
    const text = "Run `npm 🚀 ci` and <kbd>Ctrl</kbd>,\nthen see [the docs](https://d.example/x) or [broken](.\n";
    const [segment] = buildDocument(text).segments;
    const masked = maskedText(segment, text);
    expect(masked).toHaveLength(segment.end - segment.start);
    expect(masked).toBe(`Run ${" ".repeat(11)} and ${" ".repeat(5)}Ctrl${" ".repeat(6)},\nthen see ${" ".repeat(31)} or [broken](.`);
  });

  it("blanks a fenced code block whole but for its line breaks", () => {
    const text = "```\nlet a = 1;\r\nlet b = 2;\n```\n";
    const [segment] = buildDocument(text).segments;
    expect(maskedText(segment, text)).toBe("   \n          \r\n          \n   ");
  });
});
