import { readFileSync } from "node:fs";
import type { HunspellFactory } from "hunspell-asm";
import type { Speller } from "../core/rule.js";
import { findDictionary, systemDictionaryFolders, type DictionaryFiles } from "./dictionaries.js";
import { alphabetOf, slipsFrom, suggestWords } from "../spell/suggest.js";

let factory: Promise<HunspellFactory> | undefined;

function createSpeller(hunspell: HunspellFactory, files: DictionaryFiles): Speller {
  const affBytes = readFileSync(files.aff);
  const dicBytes = readFileSync(files.dic);
  const name = files.aff.replace(/\.aff$/, "").replace(/[^\w]+/g, "_");
  const aff = hunspell.mountBuffer(affBytes, `${name}.aff`);
  const dic = hunspell.mountBuffer(dicBytes, `${name}.dic`);
  const checker = hunspell.create(aff, dic);
  // Hunspell has read both files into its own tables: their copies in its in-memory file system
  // (as large as the files, 13 MB for Turkish) would otherwise stay for the whole run.
  hunspell.unmount(aff);
  hunspell.unmount(dic);
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

/** The speller of a language tag, with the run's configured dictionaries (language → files). */
export type SpellerLoader = (language: string, configured?: Record<string, DictionaryFiles>) => Speller | undefined;

/**
 * Loads Hunspell (WebAssembly) once and returns a loader of spellers: a dictionary is read the
 * first time its language is asked for, then kept, so a run pays only for the languages it lints.
 * Dictionaries are looked for as `findDictionary` says, the system's in `folders` (by default
 * `DICPATH` and the usual Hunspell folders).
 */
export async function loadSpellers(folders: string[] = systemDictionaryFolders(process.env)): Promise<SpellerLoader> {
  // Imported here, not at the top: a bundle hoists an external module's static import to its start,
  // and a run without the typo rule would load the WebAssembly glue for nothing.
  factory ??= import("hunspell-asm").then(({ loadModule }) => loadModule());
  const hunspell = await factory;
  const byFile = new Map<string, Speller>();
  return (language, configured) => {
    const files = findDictionary(language, { configured, folders });
    if (!files) return undefined;
    let speller = byFile.get(files.aff);
    if (!speller) {
      speller = createSpeller(hunspell, files);
      byFile.set(files.aff, speller);
    }
    return speller;
  };
}
