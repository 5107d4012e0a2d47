import { describe, expect, it } from "vitest";
import { isTurkishApostropheForm, isTurkishSuffixChain } from "../src/spell/turkish.js";

const known = new Set(["kitap", "araba", "oku", "okumak"]);
const correct = (word: string) => known.has(word.toLocaleLowerCase("tr"));

describe("Turkish suffix chains", () => {
  it("accepts a known word with suffixes in harmony, in their order", () => {
    for (const word of ["kitaplarımızdan", "kitabı", "kitapta", "arabaya", "arabalarda", "okuyabileceğini", "okumaktadır", "kitaplarımızdakiler"]) {
      expect(isTurkishSuffixChain(word, correct), word).toBe(true);
    }
  });

  it("rejects a suffix out of harmony, unassimilated, in the wrong order or on a vowel it cannot follow", () => {
    // lerımız: front -ler after a back vowel; kitapda: d after p; kitaptanlı: -lI after a case; arabaa: vowel after vowel.
    for (const word of ["kitaplerımızdan", "kitapda", "kitaptanlı", "arabaa", "kitaplrı"]) {
      expect(isTurkishSuffixChain(word, correct), word).toBe(false);
    }
  });

  it("puts a verb's suffixes only on a verb", () => {
    expect(isTurkishSuffixChain("okuyacak", correct)).toBe(true);
    expect(isTurkishSuffixChain("arabayacak", correct)).toBe(false);
  });

  it("reads the suffixes after an apostrophe against the word before it", () => {
    expect(isTurkishApostropheForm("Araba'da", correct)).toBe(true);
    expect(isTurkishApostropheForm("Kitap’ta", correct)).toBe(true);
    expect(isTurkishApostropheForm("Araba'de", correct)).toBe(false);
  });
});
