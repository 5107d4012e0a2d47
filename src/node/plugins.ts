// Rules from outside nl-lint: the `plugins` key of the configuration a run starts from names
// modules whose rules join the built-in ones for the whole run. Loading is asynchronous (ES
// modules), so it happens once, before the configuration files are checked against the rules.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, isAbsolute, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { builtinRules } from "../../rules/index.js";
import { hashText } from "./cache.js";
import { pluginsSchema } from "./config-schema.js";
import { ConfigError, configProblems, readRawConfig, runConfigFile } from "./config.js";
import type { Rule } from "../core/rule.js";
import { formatPath } from "../core/zod-messages.js";

/** The rules a run can use, and where their plugins came from. */
export interface RunRules {
  /** The built-in rules, then each plugin's, in the order the configuration names them. */
  ruleSet: Rule[];
  /** The configuration file the plugins were named in (see `ConfigLoader`'s `pluginsFrom`). */
  configFile?: string;
  /** Changes when a plugin's file does, so that cached results of its rules are not reused; undefined without plugins. */
  fingerprint?: string;
}

interface Problem {
  path: string;
  message: string;
}

/** The rules of a run: the built-in ones plus the plugins of its configuration file (`--config`, or found from `cwd`). */
export async function rulesForRun(options: { configFile?: string; cwd: string }): Promise<RunRules> {
  const configFile = runConfigFile(options);
  const raw = configFile === undefined ? undefined : readableConfig(configFile);
  const specifiers = raw !== null && typeof raw === "object" ? (raw as { plugins?: unknown }).plugins : undefined;
  if (configFile === undefined || specifiers === undefined) return { ruleSet: builtinRules, configFile };
  const checked = pluginsSchema.safeParse(specifiers);
  if (!checked.success) throw configProblems(configFile, [{ path: "plugins", message: "expected a list of module paths or package names" }]);
  const loaded = await loadPlugins(configFile, checked.data);
  return { ruleSet: [...builtinRules, ...loaded.rules], configFile, fingerprint: loaded.fingerprint };
}

/**
 * The settings of a file, or undefined when it cannot be read or parsed: the configuration
 * loader reports that, in its turn, so that the run's other checks come first as they always did.
 */
function readableConfig(configFile: string): unknown {
  try {
    return readRawConfig(configFile);
  } catch (error) {
    if (error instanceof ConfigError) return undefined;
    throw error;
  }
}

/**
 * Loads the rule modules a configuration file names. Every problem (a module not found or not
 * loading, an export that is not a rule, an id already taken) becomes one `ConfigError` naming
 * the file and the plugin: a user sees what to fix, not a stack trace.
 */
export async function loadPlugins(configFile: string, specifiers: string[]): Promise<{ rules: Rule[]; fingerprint: string }> {
  const rules: Rule[] = [];
  const problems: Problem[] = [];
  const owners = new Map<string, string>(builtinRules.map((r) => [r.id, "a built-in rule"]));
  const hashes: string[] = [];
  for (const [index, specifier] of specifiers.entries()) {
    const path = formatPath(["plugins", index]);
    const found = await importPlugin(configFile, specifier);
    if ("problem" in found) {
      problems.push({ path, message: `${JSON.stringify(specifier)}: ${found.problem}` });
      continue;
    }
    hashes.push(`${found.file}\0${hashText(readFileSync(found.file, "utf8"))}`);
    for (const [n, candidate] of found.exports.entries()) {
      const what = found.exports.length > 1 ? `export ${n + 1}` : "its export";
      const problem = notARule(candidate);
      const id = problem ? undefined : (candidate as Rule).id;
      if (problem) problems.push({ path, message: `${JSON.stringify(specifier)}: ${what} is not a rule made with defineRule(): ${problem}` });
      else if (owners.has(id!)) problems.push({ path, message: `${JSON.stringify(specifier)}: rule id "${id}" is already taken by ${owners.get(id!)}` });
      else {
        owners.set(id!, `plugin ${JSON.stringify(specifier)}`);
        rules.push(candidate as Rule);
      }
    }
  }
  if (problems.length > 0) throw configProblems(configFile, problems);
  return { rules, fingerprint: hashText(hashes.join("\n")) };
}

/** A plugin's module, found from its configuration file's folder, and the rules it exports. */
async function importPlugin(configFile: string, specifier: string): Promise<{ file: string; exports: unknown[] } | { problem: string }> {
  const file = pluginFile(configFile, specifier);
  if ("problem" in file) return file;
  let module: Record<string, unknown>;
  try {
    module = await import(pathToFileURL(file.path).href);
  } catch (error) {
    return { problem: `cannot load ${file.path}: ${firstLine(error)}` };
  }
  const exported = module.default !== undefined ? module.default : module.rules;
  if (exported === undefined) return { problem: "exports no rule: give it a default export made with defineRule(), or a `rules` array" };
  return { file: file.path, exports: Array.isArray(exported) ? exported : [exported] };
}

/** Where a plugin lives: a path relative to the configuration file, or a package resolved from its folder. */
function pluginFile(configFile: string, specifier: string): { path: string } | { problem: string } {
  if (specifier.startsWith(".") || isAbsolute(specifier)) {
    const path = resolve(dirname(configFile), specifier);
    return existsSync(path) ? { path } : { problem: `no such file: ${path}` };
  }
  try {
    return { path: createRequire(configFile).resolve(specifier) };
  } catch (error) {
    return { problem: `cannot find the package from ${dirname(configFile)} (is it installed?): ${firstLine(error)}` };
  }
}

/** What makes a value unusable as a rule, in words; undefined for a rule. */
function notARule(value: unknown): string | undefined {
  if (value === null || typeof value !== "object") return `got ${value === null ? "null" : typeof value}`;
  const rule = value as Partial<Record<keyof Rule, unknown>>;
  if (typeof rule.id !== "string" || !/^[A-Za-z0-9@][\w@/.-]*$/.test(rule.id)) return "its id must be a name of letters, digits, -, _, / or .";
  const missing = [
    typeof rule.description === "string" ? undefined : "description (a string)",
    rule.severity === "warn" || rule.severity === "error" ? undefined : 'severity ("warn" or "error")',
    typeof rule.fixable === "boolean" ? undefined : "fixable (true or false)",
    typeof (rule.schema as { safeParse?: unknown } | undefined)?.safeParse === "function" ? undefined : "schema (a zod schema)",
    rule.messages !== null && typeof rule.messages === "object" ? undefined : "messages (an object)",
    typeof rule.check === "function" ? undefined : "check (a function)",
  ].filter((m) => m !== undefined);
  return missing.length > 0 ? `rule "${rule.id}" lacks ${missing.join(", ")}` : undefined;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0];
}
