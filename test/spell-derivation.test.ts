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

describe("verbs, agents and qualities built on a known word", () => {
  it("es: a verb in -ear and its noun in -eo come from a noun", () => {
    const correct = knows("pasta escaner sondeo");
    for (const word of ["pastear", "pasteo", "escanereando", "sondeado", "sondeen"]) expect(isRegularDerivation(word, "es", correct)).toBe(true);
    // Without the noun, no -ear verb: `trabear` is no form of anything the dictionary has.
    expect(isRegularDerivation("trabear", "es", correct)).toBe(false);
  });

  it("es and pt: an agent noun in -dor and an adjective in -ante come from the verb", () => {
    expect(isRegularDerivation("empaquetadores", "es", knows("empaquetar"))).toBe(true);
    expect(isRegularDerivation("atrapante", "es", knows("atrapar"))).toBe(true);
    expect(isRegularDerivation("empacotador", "pt", knows("empacotar"))).toBe(true);
    // The ending must match the verb's class: `-edor` needs an `-er` verb.
    expect(isRegularDerivation("empaquetedor", "es", knows("empaquetar"))).toBe(false);
  });

  it("es and pt: a quality noun in -idad / -idade comes from the adjective", () => {
    expect(isRegularDerivation("modularidad", "es", knows("modular"))).toBe(true);
    expect(isRegularDerivation("modularidade", "pt", knows("modular"))).toBe(true);
    expect(isRegularDerivation("modularidad", "es", knows("modulo"))).toBe(false);
  });
});

describe("Spanish verbs made with a prefix and a noun at once, and plurals of stressed endings", () => {
  it("es: en-/em- + a noun's stem + a verb ending is a verb", () => {
    const correct = knows("paquete carta");
    expect(isRegularDerivation("empaquetar", "es", correct)).toBe(true);
    expect(isRegularDerivation("encartado", "es", correct)).toBe(true);
    // Without the prefix, or with an ending no verb has, it is not.
    expect(isRegularDerivation("paquetar", "es", correct)).toBe(false);
    expect(isRegularDerivation("empaquetur", "es", correct)).toBe(false);
  });

  it("es: a word stressed on its last vowel takes -s", () => {
    expect(isRegularDerivation("bebés", "es", knows("bebé"))).toBe(true);
    expect(isRegularDerivation("bebes", "es", knows("bebé"))).toBe(false);
  });
});

describe("regular forms of a known verb", () => {
  it("es and pt: the present, participle and gerund of a verb in -ar whose infinitive is known", () => {
    expect(isRegularDerivation("desbloquea", "es", knows("desbloquear"))).toBe(true);
    expect(isRegularDerivation("desbloqueando", "es", knows("desbloquear"))).toBe(true);
    expect(isRegularDerivation("desbloqueado", "pt", knows("desbloquear"))).toBe(true);
    expect(isRegularDerivation("desbloqueindo", "es", knows("desbloquear"))).toBe(false);
  });
});

describe("a stem ending in i or u before a vowel", () => {
  it("is not taken: the form may need an accent on that vowel (envía, not envia)", () => {
    expect(isRegularDerivation("envia", "es", knows("enviar"))).toBe(false);
    expect(isRegularDerivation("continuan", "es", knows("continuar"))).toBe(false);
  });
});

describe("a derivation that moves the stress", () => {
  it("es: the base word loses its written accent (rápido → rapidizar)", () => {
    expect(isRegularDerivation("rapidizado", "es", knows("rápido"))).toBe(true);
    expect(isRegularDerivation("rapidizado", "pt", knows("rápido"))).toBe(false);
    expect(isRegularDerivation("rapidizado", "es", knows("rapto"))).toBe(false);
  });
});
