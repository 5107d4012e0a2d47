import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isSourceName } from "../src/spell/names.js";
import type { Word } from "../src/spell/words.js";

/** The word `name` placed after `before` in a block starting at `from`. */
function placed(before: string, name: string, from = 0): { word: Word; block: { text: string; start: number } } {
  const text = "x".repeat(from) + before + name + " tail";
  const start = from + before.length;
  return { word: { text: name, start, end: start + name.length, emphasized: false }, block: { text, start: from } };
}

const nameAfter = (before: string, from = 0) => {
  const { word, block } = placed(before, "Falcon", from);
  return isSourceName(word, block, undefined);
};

describe("isSourceName: a capitalised word where no sentence opens", () => {
  it("counts a capital in mid-sentence as a name", () => {
    expect(nameAfter("we flew on ")).toBe(true);
    expect(nameAfter("we flew on (")).toBe(true);
    expect(nameAfter("a list, then **")).toBe(true);
  });

  it("reads a capital after the block's start or a sentence's end, past markup, as saying nothing", () => {
    expect(nameAfter("")).toBe(false);
    expect(nameAfter("## **[")).toBe(false);
    expect(nameAfter("It rained. ")).toBe(false);
    expect(nameAfter("Note: “")).toBe(false);
    expect(nameAfter("雨が降った。\u3000")).toBe(false);
    expect(nameAfter("> ", 7)).toBe(false);
  });

  it("gives the same answers as trimming the text before the word with a regular expression", () => {
    // The former definition, kept here as the reference the backward walk must agree with.
    const reference = (before: string) => {
      const trimmed = before.replace(/[\s*_[\]#>"'“‘(-]+$/u, "");
      return !(trimmed === "" || /[.!?:;。！？：]$/u.test(trimmed));
    };
    const piece = fc.constantFrom(" ", "\u00a0", "\u3000", "\n", "*", "_", "[", "]", "#", ">", '"', "'", "“", "‘", "(", "-", ".", "!", "?", ":", ";", "。", "word", "🤗", ",", "é");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.integer({ min: 0, max: 3 }), (pieces, from) => {
        const before = pieces.join("");
        expect(nameAfter(before, from)).toBe(reference(before));
      }),
      { seed: 20261203, numRuns: 500 },
    );
  });
});
