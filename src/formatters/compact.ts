import { escapeControl } from "./escape.js";
import { displayPath } from "./paths.js";
import type { Formatter } from "./types.js";

/** One finding a line, `file:line:col: severity message [rule]`, the shape editors' problem matchers read. */
export const formatCompact: Formatter = (results, { cwd }) => {
  let out = "";
  for (const result of results) {
    for (const m of result.messages) {
      const file = escapeControl(displayPath(m.filePath ?? result.filePath, cwd));
      const message = escapeControl(m.message.replace(/\r\n|\r|\n/g, " "));
      out += `${file}:${m.line}:${m.column}: ${m.severity === 2 ? "error" : "warning"} ${message} [${m.ruleId}]\n`;
    }
  }
  return out;
};
