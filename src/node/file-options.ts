import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { ConfigError, type ResolvedConfig } from "./config.js";
import { sourceFinder } from "./sources.js";
import type { EngineOptions } from "./engine.js";
import { resolveRuleSettings } from "../core/lint.js";
import type { Rule } from "../core/rule.js";
import type { Severity } from "../core/types.js";

/** What the command line says that a configuration file may also say; the command line wins. */
export interface CommandLineOverrides {
  sourceLanguage?: string;
  targetLanguage?: string;
  reportUnusedDisableDirectives?: Severity;
  /** `--fix-type`: the rules whose fixes are applied. */
  fixRules?: string[];
}

/** The engine options for the files one configuration covers: command line, then configuration, then defaults. */
export function optionsForConfig(base: EngineOptions, config: ResolvedConfig, cli: CommandLineOverrides): EngineOptions {
  const sourceLanguage = cli.sourceLanguage ?? config.sourceLanguage ?? base.sourceLanguage;
  const targetLanguage = cli.targetLanguage ?? config.targetLanguage ?? base.targetLanguage;
  const reportUnused = cli.reportUnusedDisableDirectives ?? config.reportUnusedDisableDirectives ?? base.reportUnusedDisableDirectives;
  const fixRules = cli.fixRules ?? config.fixRules ?? base.fixRules;
  return {
    ...base,
    rules: { ...base.rules, ...config.rules },
    settings: { ...base.settings, ...config.settings },
    ...(sourceLanguage ? { sourceLanguage } : {}),
    ...(targetLanguage ? { targetLanguage } : {}),
    ...(reportUnused ? { reportUnusedDisableDirectives: reportUnused } : {}),
    ...(config.mdx !== undefined ? { mdx: config.mdx } : {}),
    ...(config.directives !== undefined ? { directives: config.directives } : {}),
    ...(fixRules ? { fixRules } : {}),
  };
}

/** The resolved configuration of a file as `--print-config` shows it: every rule with its setting. */
export function describeConfig(config: ResolvedConfig, options: EngineOptions, ruleSet: Rule[]): Record<string, unknown> {
  const rules = ruleSet.map((rule) => {
    const { severity, ruleOptions } = resolveRuleSettings(rule, options);
    return [rule.id, ruleOptions === undefined ? severity : [severity, ruleOptions]];
  });
  return {
    configFile: config.filePath ?? null,
    baseDir: config.baseDir,
    sourceLanguage: options.sourceLanguage ?? "en",
    targetLanguage: options.targetLanguage ?? null,
    rules: Object.fromEntries(rules),
    pairs: config.pairs,
    ignores: config.ignores,
    words: options.settings?.words ?? [],
    corrections: options.settings?.corrections ?? {},
    urlLocalizations: options.settings?.urlLocalizations ?? [],
    reportUnusedDisableDirectives: options.reportUnusedDisableDirectives ?? "off",
  };
}

/** The source finder of a command-line run (lint and status alike): configuration pairs, then `--source-root`. */
export function commandLineSourceFinder(options: { cwd: string; paths: string[]; sourceRoot?: string; configFor: (file: string) => ResolvedConfig }) {
  const sourceRoot = options.sourceRoot === undefined ? undefined : resolve(options.cwd, options.sourceRoot);
  // A mistyped source folder would pair every translation with a missing file, one error a file.
  if (sourceRoot !== undefined && !isFolder(sourceRoot)) {
    throw new ConfigError(options.sourceRoot!, [{ path: "", message: "no such folder: --source-root must name the folder that holds the source files" }]);
  }
  return sourceFinder({
    sourceRoot,
    sourceRootFor: (file) => configuredSourceRoot(options.configFor(file)),
    paths: options.paths.map((p) => resolve(options.cwd, p)),
    pairsFor: (file) => {
      const config = options.configFor(file);
      return config.pairs.length > 0 ? { patterns: config.pairs, baseDir: config.baseDir } : undefined;
    },
    exists: existsSync,
  });
}

/** A configuration's `sourceRoot`; one that names no folder is a configuration that cannot be used. */
function configuredSourceRoot(config: ResolvedConfig): string | undefined {
  if (config.sourceRoot !== undefined && !isFolder(config.sourceRoot)) {
    throw new ConfigError(config.filePath ?? config.baseDir, [{ path: "sourceRoot", message: `no such folder: ${config.sourceRoot}` }]);
  }
  return config.sourceRoot;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
