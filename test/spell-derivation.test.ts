import { describe, expect, it } from "vitest";
import { isRegularDerivation } from "../src/spell/derivation.js";

const knows = (words: string) => {
  const known = new Set(words.split(" "));
  return (word: string) => known.has(word);
};

describe("regular derivations", () => {
  it("es: a prefix ending in a vowel doubles the r that follows it", () => {
    const correct = knows("requisitos regular");
    expect(isRegularDerivation("prerrequisitos", "es", correct)).toBe(true);
    expect(isRegularDerivation("autorregular", "es", correct)).toBe(true);
  });

  it("es: only r is doubled, unlike Portuguese, which doubles s too", () => {
    const correct = knows("supuesto suposto");
    expect(isRegularDerivation("pressupuesto", "es", correct)).toBe(false);
    expect(isRegularDerivation("pressuposto", "pt", correct)).toBe(true);
  });
});
