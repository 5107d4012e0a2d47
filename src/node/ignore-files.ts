import ignore, { type Ignore } from "ignore";
import { readFileSync } from "node:fs";
import { isAbsolute, join, relative, sep } from "node:path";
import type { ResolvedConfig } from "./config.js";

/** The ignore file read from the folder nl-lint runs in, in .gitignore syntax. */
export const IGNORE_FILE = ".nl-lintignore";

function matcher(patterns: string[]): Ignore {
  return ignore().add(patterns);
}

/** A path relative to `base` in the slash form `ignore` expects, or undefined when it is outside `base`. */
function inside(base: string, file: string): string | undefined {
  const rel = relative(base, file);
  if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) return undefined;
  return rel.split(sep).join("/");
}

/**
 * Decides which files not to lint: `.nl-lintignore` and `--ignore-pattern` (relative to the
 * working folder), and each configuration's `ignores` (relative to the configuration's folder).
 */
export function ignoredFilter(options: { cwd: string; patterns: string[]; configFor: (file: string) => ResolvedConfig }): (file: string) => boolean {
  let fromFile: string[] = [];
  try {
    fromFile = readFileSync(join(options.cwd, IGNORE_FILE), "utf8").split(/\r?\n/);
  } catch {
    // No ignore file: nothing ignored by it.
  }
  const cwdMatcher = matcher([...fromFile, ...options.patterns]);
  const configMatchers = new WeakMap<ResolvedConfig, Ignore>();
  return (file) => {
    const rel = inside(options.cwd, file);
    if (rel !== undefined && cwdMatcher.ignores(rel)) return true;
    const config = options.configFor(file);
    if (config.ignores.length === 0) return false;
    const relToConfig = inside(config.baseDir, file);
    if (relToConfig === undefined) return false;
    let m = configMatchers.get(config);
    if (!m) configMatchers.set(config, (m = matcher(config.ignores)));
    return m.ignores(relToConfig);
  };
}
