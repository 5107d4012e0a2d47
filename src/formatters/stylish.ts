import { Chalk, type ChalkInstance } from "chalk";
import { structuredPatch } from "diff";
import { relative } from "node:path";
import { escapeControl } from "./escape.js";
import type { FileResult, Formatter } from "./types.js";

/**
 * `--fix-dry-run`: the edits `--fix` would write, as a unified diff with three lines of context.
 * CRLF files are compared line by line without their carriage returns, which no fix changes.
 */
function fixDiff(result: FileResult, name: string, chalk: ChalkInstance): string {
  if (result.output === undefined || result.originalText === undefined) return "";
  const patch = structuredPatch(name, name, result.originalText, result.output, "", "", { context: 3, stripTrailingCr: true });
  let out = chalk.dim(`  --- ${name}\n  +++ ${name} (fixed)\n`);
  for (const hunk of patch.hunks) {
    out += chalk.cyan(`  @@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@\n`);
    for (const line of hunk.lines) {
      const shown = `  ${escapeControl(line)}\n`;
      out += line.startsWith("+") ? chalk.green(shown) : line.startsWith("-") ? chalk.red(shown) : line.startsWith("\\") ? chalk.dim(shown) : shown;
    }
  }
  return out;
}

/** Findings grouped by file, aligned in columns, with a summary line; colours only when asked. */
export const formatStylish: Formatter = (results, { color, cwd }) => {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  let out = "";
  let errors = 0, warnings = 0, fixable = 0;
  for (const result of results) {
    const diff = fixDiff(result, relative(cwd, result.filePath) || result.filePath, chalk);
    if (result.messages.length === 0 && !diff) continue;
    errors += result.errorCount;
    warnings += result.warningCount;
    fixable += result.fixableErrorCount + result.fixableWarningCount;
    out += `\n${chalk.underline(escapeControl(relative(cwd, result.filePath) || result.filePath))}\n`;
    // Parallel mode: the source lines that messages quote are in this file.
    if (result.sourceFilePath) out += chalk.dim(`  compared with ${escapeControl(relative(cwd, result.sourceFilePath) || result.sourceFilePath)}\n`);
    const rows = result.messages.map((m) => {
      const where = m.filePath ? `${escapeControl(relative(cwd, m.filePath))}:${m.line}:${m.column}` : `${m.line}:${m.column}`;
      const level = m.severity === 2 ? chalk.red("error") : chalk.yellow("warning");
      const levelWidth = m.severity === 2 ? 5 : 7;
      return { where, level, levelWidth, message: escapeControl(m.message).replace(/\n/g, " "), rule: m.ruleId };
    });
    const whereWidth = Math.max(0, ...rows.map((r) => r.where.length));
    for (const r of rows) {
      out += `  ${chalk.dim(r.where.padEnd(whereWidth))}  ${r.level}${" ".repeat(8 - r.levelWidth)}${r.message}  ${chalk.dim(r.rule)}\n`;
    }
    out += diff;
  }
  const total = errors + warnings;
  if (total === 0) return out;
  const summary = `✖ ${total} problem${total === 1 ? "" : "s"} (${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"})`;
  out += `\n${errors > 0 ? chalk.red.bold(summary) : chalk.yellow.bold(summary)}\n`;
  if (fixable > 0) out += chalk.dim(`  ${fixable} fixable with the \`--fix\` option.\n`);
  return out;
};
