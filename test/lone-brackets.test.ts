import { describe, expect, it } from "vitest";
import { lint } from "../src/core/lint.js";
import { guardLoneBrackets } from "../src/parse/lone-brackets.js";

describe("guardLoneBrackets", () => {
  it("leaves a text alone when no paragraph is crowded with ']' that close nothing", () => {
    const text = "Uma [ligação](https://example.org) e um ] solto.\n\n" + "a] ".repeat(10) + "\n";
    expect(guardLoneBrackets(text, 10)).toBe(text);
  });

  it("blanks only the lone ']' of a crowded paragraph, keeping length and the brackets that close", () => {
    const crowded = "Veja [o site](https://example.org) " + "x] ".repeat(5) + "e \\] escapado, [um] par.";
    const calm = "Outro parágrafo ] com um só.";
    const text = `${crowded}\n\n${calm}\n`;
    const guarded = guardLoneBrackets(text, 4);
    expect(guarded).toHaveLength(text.length);
    expect(guarded).toBe(`Veja [o site](https://example.org) ${"x  ".repeat(5)}e \\] escapado, [um] par.\n\n${calm}\n`);
  });

  it("counts a block quote's blank '>' line as the end of a paragraph", () => {
    const text = "> " + "a] ".repeat(3) + "\n>\n> " + "b] ".repeat(3) + "\n";
    expect(guardLoneBrackets(text, 4)).toBe(text);
  });
});

describe("lone ']' in lint", () => {
  it("lints a paragraph of 100,000 ']' without the parser's quadratic look-back, and the rest of the file", () => {
    // Before the guard this paragraph alone took the parser most of a minute.
    const text = "]".repeat(100_000) + "\n\nVeja o [site] (https://example.org).\n";
    const start = performance.now();
    const { findings } = lint(text, { only: ["broken-link"] });
    expect((performance.now() - start) / 1000).toBeLessThan(10);
    expect(findings.map((f) => [f.ruleId, f.line, f.column])).toEqual([["broken-link", 3, 8]]);
  });
});
