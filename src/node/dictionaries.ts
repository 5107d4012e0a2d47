import { readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);

/** A Hunspell dictionary: its affix file and its word list. */
export interface DictionaryFiles {
  aff: string;
  dic: string;
}

/**
 * Folders where systems keep Hunspell dictionaries (Debian's and Fedora's `hunspell-*`
 * packages, LibreOffice's myspell ones), after those of `DICPATH`, Hunspell's own variable.
 */
export function systemDictionaryFolders(env: Record<string, string | undefined>): string[] {
  const fromEnv = (env.DICPATH ?? "").split(":").filter((folder) => folder !== "");
  return [...fromEnv, "/usr/share/hunspell", "/usr/share/myspell", "/usr/share/myspell/dicts"];
}

/** A tag and its broader forms, most specific first: `pt-br` → `pt-br`, `pt`. */
function broadening(language: string): string[] {
  const parts = language.toLowerCase().split("-");
  return parts.map((_, i) => parts.slice(0, parts.length - i).join("-"));
}

const isFile = (path: string) => statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;

/** `dictionary-<tag>` (wooorm's packages, `index.aff` and `index.dic`), when installed. */
function fromPackage(tag: string): DictionaryFiles | undefined {
  try {
    const folder = dirname(require.resolve(`dictionary-${tag}`));
    return { aff: join(folder, "index.aff"), dic: join(folder, "index.dic") };
  } catch {
    return undefined;
  }
}

/**
 * A system dictionary for a tag: `pt_BR.aff` for `pt-br`; for a bare language, `ro.aff`, then
 * the country named like the language (`ro_RO`), then any region of it (`uk_UA`, `bn_BD`).
 */
function fromFolder(folder: string, tag: string): DictionaryFiles | undefined {
  const [language, region] = tag.split("-");
  let names: string[];
  try {
    names = readdirSync(folder).filter((name) => name.endsWith(".aff")).map((name) => name.slice(0, -4));
  } catch {
    return undefined;
  }
  const wanted = region
    ? [`${language}_${region.toUpperCase()}`, `${language}-${region.toUpperCase()}`]
    : [language, `${language}_${language.toUpperCase()}`, ...names.filter((n) => n.startsWith(`${language}_`)).sort()];
  for (const name of wanted) {
    const files = { aff: join(folder, `${name}.aff`), dic: join(folder, `${name}.dic`) };
    if (names.includes(name) && isFile(files.dic)) return files;
  }
  return undefined;
}

/**
 * Where the dictionary of a language tag is: the project's `dictionaries` setting, an installed
 * `dictionary-<tag>` package, then the system's Hunspell folders; each asked for the tag, then
 * for its broader forms (`pt-br`, then `pt`).
 */
export function findDictionary(language: string, where: { configured?: Record<string, DictionaryFiles>; folders: string[] }): DictionaryFiles | undefined {
  if (!/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(language)) return undefined;
  const configured = new Map(Object.entries(where.configured ?? {}).map(([tag, files]) => [tag.toLowerCase().replace(/_/g, "-"), files]));
  for (const tag of broadening(language)) {
    const found = configured.get(tag) ?? fromPackage(tag) ?? where.folders.map((folder) => fromFolder(folder, tag)).find(Boolean);
    if (found) return found;
  }
  return undefined;
}
