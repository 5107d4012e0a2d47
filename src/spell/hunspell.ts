import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { HunspellFactory } from "hunspell-asm";
import type { Speller } from "../rule.js";
import { alphabetOf, slipsFrom, suggestWords } from "./suggest.js";

const require = createRequire(import.meta.url);

let factory: Promise<HunspellFactory> | undefined;

/** The `dictionary-*` package folder for a language tag (`pt-br` falls back to `pt`), if installed. */
export function dictionaryFolder(language: string): string | undefined {
  const tag = language.toLowerCase();
  if (!/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/.test(tag)) return undefined;
  const parts = tag.split("-");
  for (let n = parts.length; n > 0; n--) {
    try {
      return dirname(require.resolve(`dictionary-${parts.slice(0, n).join("-")}`));
    } catch {
      // Not installed under this name; try the broader tag.
    }
  }
  return undefined;
}

function createSpeller(hunspell: HunspellFactory, folder: string): Speller {
  const affBytes = readFileSync(join(folder, "index.aff"));
  const dicBytes = readFileSync(join(folder, "index.dic"));
  const name = folder.replace(/[^\w]+/g, "_");
  const checker = hunspell.create(hunspell.mountBuffer(affBytes, `${name}.aff`), hunspell.mountBuffer(dicBytes, `${name}.dic`));
  const alphabet = alphabetOf(affBytes.toString("utf8"));
  const known = new Map<string, boolean>();
  const correct = (word: string) => {
    let answer = known.get(word);
    if (answer === undefined) {
      answer = checker.spell(word);
      known.set(word, answer);
    }
    return answer;
  };
  // A suggestion tries hundreds of made-up words: remembering them all would keep millions of
  // strings alive for the run, and the garbage collector would walk them again and again.
  const candidateIsWord = (candidate: string) => known.get(candidate) ?? checker.spell(candidate);
  const suggested = new Map<string, string[]>();
  const suggest = (word: string) => {
    let answer = suggested.get(word);
    if (answer === undefined) {
      // Only likely slips are ever shown, so only they are looked up: most candidates are not.
      answer = suggestWords(word, candidateIsWord, alphabet, { keep: slipsFrom(word) });
      suggested.set(word, answer);
    }
    return answer;
  };
  return { correct, suggest };
}

/**
 * Loads Hunspell (WebAssembly) once and returns `settings.speller`: a dictionary is read the
 * first time its language is asked for, then kept, so a run pays only for the languages it lints.
 */
export async function loadSpellers(): Promise<(language: string) => Speller | undefined> {
  // Imported here, not at the top: a bundle hoists an external module's static import to its start,
  // and a run without the typo rule would load the WebAssembly glue for nothing.
  factory ??= import("hunspell-asm").then(({ loadModule }) => loadModule());
  const hunspell = await factory;
  const byFolder = new Map<string, Speller>();
  return (language) => {
    const folder = dictionaryFolder(language);
    if (!folder) return undefined;
    let speller = byFolder.get(folder);
    if (!speller) {
      speller = createSpeller(hunspell, folder);
      byFolder.set(folder, speller);
    }
    return speller;
  };
}
