import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { alphabetOf, isLikelySlip, slipsFrom, suggestWords } from "../src/spell/suggest.js";

const alphabet = alphabetOf("TRY aenr\nMAP eé\n");

describe("suggestWords with a keep filter", () => {
  it("returns exactly the kept ones of the unfiltered suggestions", () => {
    // A small alphabet and short words make a dense dictionary: most words have many neighbours,
    // and long words (over six letters) take the other branch of the slip test.
    const short = fc.stringMatching(/^[aenré]{3,4}$/);
    const long = fc.stringMatching(/^[aenré]{7,8}$/);
    const dense = (typed: string) => fc.uniqueArray(typed.length > 6 ? fc.oneof(long, short) : short, { minLength: 40, maxLength: 300 });
    fc.assert(
      fc.property(fc.oneof(short, long).chain((typed) => fc.tuple(fc.constant(typed), dense(typed))), ([typed, dictionaryWords]) => {
        const dictionary = new Set(dictionaryWords);
        const correct = (w: string) => dictionary.has(w);
        const unfiltered = suggestWords(typed, correct, alphabet);
        const filtered = suggestWords(typed, correct, alphabet, { keep: slipsFrom(typed) });
        expect(filtered).toEqual(unfiltered.filter((s) => isLikelySlip(typed, s)));
      }),
      { seed: 20261126, numRuns: 300 },
    );
  });

  it("keeps the same limit whatever the filter keeps", () => {
    const word = fc.stringMatching(/^[aenré]{3,4}$/);
    fc.assert(
      fc.property(word, fc.uniqueArray(word, { minLength: 40, maxLength: 300 }), fc.integer({ min: 1, max: 4 }), fc.constantFrom("a", "e", "n", "r", "é"), (typed, dictionaryWords, limit, letter) => {
        const correct = (w: string) => dictionaryWords.includes(w);
        const keep = (candidate: string) => candidate.includes(letter);
        expect(suggestWords(typed, correct, alphabet, { limit, keep })).toEqual(suggestWords(typed, correct, alphabet, { limit }).filter(keep));
      }),
      { seed: 20261126, numRuns: 300 },
    );
  });

  it("finds a one-letter slip and its neighbours in generation order", () => {
    const dictionary = new Set(["traduzir", "produzir"]);
    expect(suggestWords("tarduzir", (w) => dictionary.has(w), alphabet, { keep: slipsFrom("tarduzir") })).toEqual(["traduzir"]);
  });

  it("looks up no candidate when the filter keeps none: none could be returned", () => {
    const looked: string[] = [];
    const correct = (w: string) => (looked.push(w), w === "arena");
    expect(suggestWords("arenna", correct, alphabet, { keep: () => false })).toEqual([]);
    expect(looked).toEqual([]);
  });

  it("does not look two slips away when a word one edit away exists, even an unkept one", () => {
    // `retrained` is one deletion away (not a slip: the first letter differs), so the two-swap
    // `pertained` must not be offered.
    const dictionary = new Set(["retrained", "pertained"]);
    expect(suggestWords("pretrained", (w) => dictionary.has(w), alphabetOf("TRY etainrdp\n"), { keep: slipsFrom("pretrained") })).toEqual([]);
  });
});
