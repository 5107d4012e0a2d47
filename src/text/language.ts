/** A tag's language without region or script: `pt_BR` → `pt`. */
export function primaryLanguage(tag: string): string {
  return tag.toLowerCase().split(/[-_]/)[0];
}

/** Lower-case BCP 47-ish tag: `pt_BR` → `pt-br`. */
export function normalizeLanguage(tag: string): string {
  return tag.trim().replace(/_/g, "-").toLowerCase();
}

const KNOWN = new Set([
  "ar", "bn", "de", "en", "es", "fa", "fr", "he", "hi", "id", "it", "ja", "ko", "nl", "pl", "pt", "pt-br", "pt-pt",
  "ro", "ru", "sv", "th", "tr", "uk", "vi", "zh", "zh-cn", "zh-hans", "zh-hant", "zh-tw", "ca", "cs", "el", "fi",
  "hu", "da", "nb", "no",
]);

/** A language, optionally with a region (`pt-br`) or a script (`zh-hans`): not any word that starts like one (`nl-lint`). */
const TAG_SHAPE = /^[a-z]{2,3}(?:-(?:[a-z]{2}|\d{3}|hans|hant|latn|cyrl|arab))?$/;

function known(tag: string): string | undefined {
  const t = normalizeLanguage(tag);
  if (!TAG_SHAPE.test(t)) return undefined;
  return KNOWN.has(t) || KNOWN.has(t.split("-")[0]) ? t : undefined;
}

/** Where a document's target language was read: the run's options, the front matter, the path, or the text itself. */
export type LanguageOrigin = "options" | "front matter" | "path" | "text";

/**
 * The language of a translation from its front matter (`lang`, `locale`, `language`) or its path:
 * `[PT-BR]` or `[FR]` in the name, a `_fr`/`-fr` suffix, or a `/pt-br/` folder.
 */
export function detectLanguage(options: { frontMatter?: Record<string, unknown> | null; filePath?: string }): string | undefined {
  return locateLanguage(options)?.tag;
}

/** `detectLanguage`, saying where the language was found. */
export function locateLanguage(options: { frontMatter?: Record<string, unknown> | null; filePath?: string }): { tag: string; from: LanguageOrigin } | undefined {
  const fm = options.frontMatter;
  if (fm) {
    for (const key of ["lang", "locale", "language"]) {
      const value = fm[key];
      const tag = typeof value === "string" ? known(value) : undefined;
      if (tag) return { tag, from: "front matter" };
    }
  }
  const tag = options.filePath ? languageOfPath(options.filePath) : undefined;
  return tag ? { tag, from: "path" } : undefined;
}

function languageOfPath(path: string): string | undefined {
  const bracket = path.match(/\[([A-Za-z]{2}(?:[-_][A-Za-z]{2,4})?)\]/g);
  if (bracket) {
    for (const b of bracket.reverse()) {
      const tag = known(b.slice(1, -1));
      if (tag) return tag;
    }
  }
  const name = path.split(/[\\/]/).pop() ?? "";
  const suffix = name.match(/[._-]([A-Za-z]{2}(?:[-_][A-Za-z]{2,4})?)\.(?:md|mdx|markdown|txt)$/i);
  if (suffix && known(suffix[1])) return known(suffix[1]);
  const folders = path.split(/[\\/]/).slice(0, -1).reverse();
  for (const folder of folders) {
    const tag = known(folder);
    if (tag) return tag;
  }
  return undefined;
}

const ENGLISH_NAMES: Record<string, string> = {
  ar: "Arabic", bn: "Bengali", de: "German", en: "English", es: "Spanish", fr: "French", ja: "Japanese",
  ko: "Korean", pt: "Portuguese", ro: "Romanian", ru: "Russian", tr: "Turkish", uk: "Ukrainian", zh: "Chinese",
  pl: "Polish", it: "Italian", nl: "Dutch",
};

export function languageName(tag: string | undefined): string {
  if (!tag) return "unknown";
  return ENGLISH_NAMES[tag.split("-")[0]] ?? tag;
}
