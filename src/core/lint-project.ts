import { lint, resolveRuleSettings, type LintOptions, type LintResult } from "./lint.js";
import { runProjectChecks } from "./project-rule.js";
import { compareFindings } from "./finding-order.js";
import { builtinRules } from "../../rules/index.js";

/** One text of a run linted in memory; `source` is its parallel source file. */
export interface ProjectText {
  filePath: string;
  text: string;
  source?: { text: string; filePath?: string };
}

/**
 * Lints several texts as one run, in memory: each with `lint()`, then the project rules over all
 * of them, whose findings join the file they are in. Pure, for tests, examples and programs that
 * hold their texts already; `lintFiles` does the same for files on disk.
 */
export function lintProject(texts: readonly ProjectText[], options: Omit<LintOptions, "filePath" | "source"> = {}): Array<LintResult & { filePath: string }> {
  const results = texts.map(({ filePath, text, source }) => ({ filePath, ...lint(text, { ...options, filePath, source }) }));
  const ruleSet = options.ruleSet ?? builtinRules;
  const found = runProjectChecks(
    ruleSet,
    results.map(({ filePath, digests }) => ({ filePath, displayPath: filePath, digests })),
    (rule) => resolveRuleSettings(rule, options).ruleOptions,
  );
  return results.map((result) => {
    const more = found.get(result.filePath);
    return more ? { ...result, findings: [...result.findings, ...more].sort(compareFindings) } : result;
  });
}
