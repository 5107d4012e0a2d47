import { describe, expect, it } from "vitest";
import { withLanguageForms } from "../src/spell/variants.js";

const dictionary = (words: string) => {
  const known = new Set(words.split(" "));
  return { correct: (word: string) => known.has(word) || known.has(word.toLowerCase()) };
};

describe("Spanish enclitic pronouns", () => {
  const spanish = withLanguageForms(dictionary("guardar guardando guarda guardad pon sostén abrir escribir to"), "es");

  it("accepts the pronouns after an infinitive, a gerund or an imperative, with the accent the stress asks for", () => {
    for (const word of ["guardarlo", "guardarlas", "escribirnos", "guardárselo", "guardándola", "guárdalos", "ponlo", "sostenlas", "abrirse"]) {
      expect(spanish.correct(word), word).toBe(true);
    }
  });

  it("rejects a form whose accent breaks the rule, and a word that is no verb form", () => {
    // A gerund or a longer imperative with a pronoun needs the written accent; an infinitive with one pronoun has none.
    // `tolos`: a short word that is no imperative (`to`) takes no pronoun.
    for (const word of ["guardandolo", "guardalos", "guárdarlo", "guardarselo", "cerrarlo", "mesalo", "tolos"]) {
      expect(spanish.correct(word), word).toBe(false);
    }
  });

  it("takes a derived verb as the base too", () => {
    expect(withLanguageForms(dictionary("sondeo"), "es").correct("sondearlos")).toBe(true);
  });
});

describe("French spellings the classic dictionary lacks", () => {
  const french = withLanguageForms(dictionary("étoile écrire île goûter maître"), "fr");

  it("accepts a capital written without its accent, and only that letter", () => {
    expect(french.correct("Etoile")).toBe(true);
    expect(french.correct("Ecrire")).toBe(true);
    expect(french.correct("Etoilé")).toBe(false);
    expect(french.correct("etoile")).toBe(false);
  });

  it("accepts the 1990 reform's i and u without a circumflex, at one place", () => {
    expect(french.correct("ile")).toBe(true);
    expect(french.correct("gouter")).toBe(true);
    expect(french.correct("maitre")).toBe(true);
    expect(french.correct("maittre")).toBe(false);
  });

  it("leaves other languages' dictionaries as they are", () => {
    expect(withLanguageForms(dictionary("île"), "pt").correct("Ile")).toBe(false);
    expect(withLanguageForms(dictionary("île"), "fr").correct("Ile")).toBe(true);
  });
});

describe("Turkish", () => {
  it("accepts a known word with a chain of suffixes", () => {
    const turkish = withLanguageForms(dictionary("kitap"), "tr");
    expect(turkish.correct("kitaplarda")).toBe(true);
    expect(turkish.correct("kitaplerda")).toBe(false);
  });
});
