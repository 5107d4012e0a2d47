import { escapeControl } from "./escape.js";
import { displayPath } from "./paths.js";
import type { Formatter } from "./types.js";

/** GitHub turns only this many annotations of each type per step into visible annotations. */
const SHOWN_PER_TYPE = 10;

/** Escapes a command's message so that text from a file cannot end the command or start another. */
function escapeData(text: string): string {
  return escapeControl(text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A"));
}

/** Property values end at ',' and the properties at '::', so those are escaped too. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** GitHub Actions workflow commands: each finding becomes an annotation on the pull request's diff. */
export const formatGithub: Formatter = (results, { cwd }) => {
  let out = "";
  let errors = 0, warnings = 0, files = 0;
  for (const result of results) {
    if (result.messages.length > 0) files++;
    for (const m of result.messages) {
      const type = m.severity === 2 ? "error" : "warning";
      if (type === "error") errors++;
      else warnings++;
      const properties = [
        `file=${escapeProperty(displayPath(m.filePath ?? result.filePath, cwd))}`,
        `line=${m.line}`,
        `col=${m.column}`,
        `endLine=${m.endLine}`,
        `endColumn=${m.endColumn}`,
        `title=${escapeProperty(`nl-lint ${m.ruleId}`)}`,
      ];
      out += `::${type} ${properties.join(",")}::${escapeData(m.message)}\n`;
    }
  }
  if (errors + warnings === 0) return "";
  out += `nl-lint: ${plural(errors, "error")} and ${plural(warnings, "warning")} in ${plural(files, "file")}.`;
  if (errors > SHOWN_PER_TYPE || warnings > SHOWN_PER_TYPE) {
    out += ` GitHub annotates only the first ${SHOWN_PER_TYPE} errors and ${SHOWN_PER_TYPE} warnings of a step; every finding is listed in this log.`;
  }
  return `${out}\n`;
};
