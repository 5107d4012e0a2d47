import { franc } from "franc-min";

/** ISO 639-3 codes franc returns, for the languages a spelling dictionary is likely to exist for. */
const TWO_LETTER: Record<string, string> = {
  por: "pt", eng: "en", spa: "es", fra: "fr", deu: "de", tur: "tr", ita: "it", nld: "nl",
  pol: "pl", ron: "ro", ukr: "uk", rus: "ru", swe: "sv", ces: "cs", hun: "hu", cat: "ca",
};

/**
 * The language a text is written in, when its name and front matter do not say: a post whose
 * file name carries no language tag should still get its translation spell-checked.
 */
export function guessLanguage(text: string): string | undefined {
  if (text.length < 200) return undefined;
  return TWO_LETTER[franc(text, { minLength: 200 })];
}
