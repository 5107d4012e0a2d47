import { readFileSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { validateConfig, type ConfigFile } from "./config-schema.js";
import type { RuleSetting } from "../core/lint.js";
import type { Glossary, LintSettings, Rule } from "../core/rule.js";
import type { Severity } from "../core/types.js";
import type { DictionaryFiles } from "./dictionaries.js";
import type { UrlCheckConfig } from "./url-check/options.js";
import { GlossaryFileError, mergeGlossary, readGlossaryFile } from "./glossary-file.js";

/** Looked for in each folder from a linted file's own upwards; in a folder, the first of these that exists wins. */
export const CONFIG_FILE_NAMES = [".nl-lint.json", ".nl-lint.yaml", ".nl-lint.yml", "nl-lint.config.json", "package.json"];

/** The key that holds nl-lint's settings in a package.json. */
const PACKAGE_KEY = "nl-lint";

/** A `{source, translation}` path or pattern pair, relative to the configuration's folder. */
export interface PairPattern {
  source: string;
  translation: string;
}

/** The settings that apply to one linted file. */
export interface ResolvedConfig {
  /** The file the settings came from; undefined when none was found and the defaults apply. */
  filePath?: string;
  /** The folder that relative paths (`pairs`, `ignores`) are resolved against. */
  baseDir: string;
  rules: Record<string, RuleSetting>;
  sourceLanguage?: string;
  targetLanguage?: string;
  /** For the parallel-file resolver; relative to `baseDir`. */
  pairs: PairPattern[];
  /** gitignore-style patterns, relative to `baseDir`. */
  ignores: string[];
  /** Hunspell dictionaries by language tag, absolute paths (see `findDictionary`). */
  dictionaries?: Record<string, DictionaryFiles>;
  /** Project word lists, handed to rules as `LintSettings`. */
  settings: Pick<LintSettings, "words" | "corrections" | "urlLocalizations" | "glossary">;
  reportUnusedDisableDirectives?: Severity;
  /** `--check-urls` settings: which URLs, how politely. */
  urlCheck?: UrlCheckConfig;
  /** The front-matter key recording the source commit a translation was made from, besides the usual ones. */
  sourceCommitKey?: string;
  /** What counts as drift, as the configuration's `drift` key says. */
  drift?: { countTrivialEdits?: boolean; skipKeywords?: string[] };
  /** The grammar's switches (see `grammarFor`): MDX for every file, directives on or off. */
  mdx?: boolean;
  directives?: boolean;
  /** The rules whose fixes `--fix` applies; all when undefined. */
  fixRules?: string[];
  /** The configuration's `sourceRoot`, absolute: what `--source-root` names when it is not given. */
  sourceRoot?: string;
}

/** A configuration file that cannot be used; the message names the file, the key path and what was expected. */
export class ConfigError extends Error {
  constructor(readonly filePath: string, readonly problems: Array<{ path: string; message: string }>) {
    super(problems.map((p) => `${filePath}: ${p.path ? `${p.path}: ` : ""}${p.message}`).join("\n"));
    this.name = "ConfigError";
  }

  /** The same message with the file named as a reader in `cwd` would name it. */
  describe(displayName: string): string {
    return this.problems.map((p) => `${displayName}: ${p.path ? `${p.path}: ` : ""}${p.message}`).join("\n");
  }
}

function parseFile(filePath: string, text: string): unknown {
  const name = basename(filePath);
  try {
    if (/\.ya?ml$/.test(name)) return parseYaml(text, { prettyErrors: true }) ?? {};
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new ConfigError(filePath, [{ path: "", message: `cannot parse ${/\.ya?ml$/.test(name) ? "YAML" : "JSON"}: ${message}` }]);
  }
}

/**
 * The configured dictionaries as absolute file pairs; a file that is not there stops the run
 * here, naming the key, rather than failing when the typo rule first needs the language.
 */
function dictionaryFiles(filePath: string | undefined, baseDir: string, configured: NonNullable<ConfigFile["dictionaries"]>): Record<string, DictionaryFiles> {
  const out: Record<string, DictionaryFiles> = {};
  const missing: Array<{ path: string; message: string }> = [];
  for (const [tag, value] of Object.entries(configured)) {
    const base = typeof value === "string" ? value.replace(/\.(?:aff|dic)$/, "") : undefined;
    const files = base === undefined ? (value as DictionaryFiles) : { aff: `${base}.aff`, dic: `${base}.dic` };
    out[tag] = { aff: resolve(baseDir, files.aff), dic: resolve(baseDir, files.dic) };
    for (const kind of ["aff", "dic"] as const) {
      if (!isFile(out[tag][kind])) missing.push({ path: `dictionaries.${tag}`, message: `no such file: ${out[tag][kind]}` });
    }
  }
  if (missing.length > 0) throw new ConfigError(filePath ?? baseDir, missing);
  return out;
}

/**
 * The configured glossary as plain data: the `glossary` object and the terms of `glossaryFile`,
 * their forms added up. A glossary file that cannot be used stops the run here, naming its line.
 */
function glossarySettings(filePath: string | undefined, baseDir: string, file: ConfigFile): Pick<LintSettings, "glossary"> {
  if (!file.glossary && !file.glossaryFile) return {};
  const glossary: Glossary = {};
  if (file.glossaryFile) {
    const path = resolve(baseDir, file.glossaryFile);
    try {
      mergeGlossary(glossary, readGlossaryFile(path, file.sourceLanguage));
    } catch (error) {
      if (!(error instanceof GlossaryFileError)) throw error;
      throw new ConfigError(filePath ?? baseDir, [{ path: "glossaryFile", message: `${path}${error.line ? `:${error.line}` : ""}: ${error.message}` }]);
    }
  }
  if (file.glossary) mergeGlossary(glossary, file.glossary);
  return { glossary };
}

function toResolved(filePath: string | undefined, baseDir: string, file: ConfigFile): ResolvedConfig {
  return {
    ...(filePath ? { filePath } : {}),
    baseDir,
    rules: file.rules ?? {},
    ...(file.sourceLanguage ? { sourceLanguage: file.sourceLanguage } : {}),
    ...(file.targetLanguage ? { targetLanguage: file.targetLanguage } : {}),
    pairs: file.pairs ?? [],
    ignores: file.ignores ?? [],
    ...(file.dictionaries ? { dictionaries: dictionaryFiles(filePath, baseDir, file.dictionaries) } : {}),
    settings: {
      ...(file.words ? { words: file.words } : {}),
      ...(file.corrections ? { corrections: file.corrections } : {}),
      ...(file.urlLocalizations ? { urlLocalizations: file.urlLocalizations } : {}),
      ...glossarySettings(filePath, baseDir, file),
    },
    ...(file.reportUnusedDisableDirectives ? { reportUnusedDisableDirectives: file.reportUnusedDisableDirectives } : {}),
    ...(file.urlCheck ? { urlCheck: file.urlCheck } : {}),
    ...(file.sourceCommitKey ? { sourceCommitKey: file.sourceCommitKey } : {}),
    ...(file.drift ? { drift: file.drift } : {}),
    ...(file.mdx !== undefined ? { mdx: file.mdx } : {}),
    ...(file.directives !== undefined ? { directives: file.directives } : {}),
    ...(file.fix ? { fixRules: file.fix.rules } : {}),
    ...(file.sourceRoot ? { sourceRoot: resolve(baseDir, file.sourceRoot) } : {}),
  };
}

/**
 * Reads one configuration file. A package.json without an "nl-lint" key is no configuration
 * (undefined), so that the search goes on upwards.
 */
export function readConfigFile(filePath: string, ruleSet: Rule[], pluginsFrom?: string): ResolvedConfig | undefined {
  const raw = readRawConfig(filePath);
  if (raw === undefined) return undefined;
  const checked = validateConfig(raw, ruleSet);
  if ("problems" in checked) throw configProblems(filePath, checked.problems);
  // The rule set is the run's, so only the file it was built from may name rule modules.
  if (checked.config.plugins && filePath !== pluginsFrom) {
    const message = `only the configuration a run starts from (${pluginsFrom ?? "--config, or the first one found from the working folder upwards"}) may load plugins; their rules apply to every file`;
    throw configProblems(filePath, [{ path: "plugins", message }]);
  }
  return toResolved(filePath, dirname(filePath), checked.config);
}

/** A file's problems, their key paths under the "nl-lint" key when the file is a package.json. */
export function configProblems(filePath: string, problems: Array<{ path: string; message: string }>): ConfigError {
  const prefix = basename(filePath) === "package.json" ? `${PACKAGE_KEY}.` : "";
  return new ConfigError(filePath, problems.map((p) => ({ ...p, path: p.path ? prefix + p.path : prefix.slice(0, -1) })));
}

/**
 * A configuration file's settings as written, not yet checked; undefined for a package.json
 * without an "nl-lint" key, which holds no configuration.
 */
export function readRawConfig(filePath: string): unknown {
  let text: string;
  try {
    text = readFileSync(filePath, "utf8");
  } catch (error) {
    throw new ConfigError(filePath, [{ path: "", message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` }]);
  }
  const raw = parseFile(filePath, text);
  if (basename(filePath) !== "package.json") return raw;
  if (raw === null || typeof raw !== "object" || !(PACKAGE_KEY in raw)) return undefined;
  return (raw as Record<string, unknown>)[PACKAGE_KEY];
}

function isFile(filePath: string): boolean {
  try {
    return statSync(filePath).isFile();
  } catch {
    return false;
  }
}

/** The configuration file a folder holds itself, if any (a package.json counts only with an "nl-lint" key). */
export function configFileIn(folder: string): string | undefined {
  for (const name of CONFIG_FILE_NAMES) {
    const candidate = join(folder, name);
    if (!isFile(candidate)) continue;
    if (name !== "package.json") return name;
    try {
      const pkg = JSON.parse(readFileSync(candidate, "utf8"));
      if (pkg !== null && typeof pkg === "object" && PACKAGE_KEY in pkg) return name;
    } catch {
      // A package.json that does not parse holds no configuration that --init could clash with.
    }
  }
  return undefined;
}

/**
 * The configuration file a run starts from: `--config`, or the first found from the working
 * folder upwards (the file whose `plugins` the run loads).
 */
export function runConfigFile(options: { configFile?: string; cwd: string }): string | undefined {
  if (options.configFile) return resolve(options.cwd, options.configFile);
  for (let folder = resolve(options.cwd); ; folder = dirname(folder)) {
    const name = configFileIn(folder);
    if (name) return join(folder, name);
    if (dirname(folder) === folder) return undefined;
  }
}

/**
 * Finds and caches the configuration of each folder. With an explicit file (`--config`), that
 * file applies to every linted file and no search is made.
 */
export class ConfigLoader {
  private readonly byFolder = new Map<string, ResolvedConfig>();
  private readonly explicit?: ResolvedConfig;

  /** `pluginsFrom`: the file whose plugins are in `ruleSet` (see `rulesForRun`); no other may name plugins. */
  constructor(private readonly options: { ruleSet: Rule[]; configFile?: string; cwd: string; pluginsFrom?: string }) {
    if (options.configFile) {
      const path = resolve(options.cwd, options.configFile);
      this.explicit = readConfigFile(path, options.ruleSet, options.pluginsFrom) ?? toResolved(path, dirname(path), {});
    }
  }

  /** The configuration that applies to a file: the first configuration found from its folder upwards. */
  forFile(filePath: string): ResolvedConfig {
    return this.explicit ?? this.forFolder(dirname(resolve(this.options.cwd, filePath)));
  }

  private forFolder(folder: string): ResolvedConfig {
    const cached = this.byFolder.get(folder);
    if (cached) return cached;
    let found: ResolvedConfig | undefined;
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(folder, name);
      if (!isFile(candidate)) continue;
      found = readConfigFile(candidate, this.options.ruleSet, this.options.pluginsFrom);
      if (found) break;
    }
    const parent = dirname(folder);
    const config = found ?? (parent === folder ? toResolved(undefined, this.options.cwd, {}) : this.forFolder(parent));
    this.byFolder.set(folder, config);
    return config;
  }
}
