import { findFrontMatter, readYamlMapping } from "../../parse/front-matter.js";

export class FrontMatterEditError extends Error {}

function lineEnding(text: string): string {
  return text.match(/\r\n|\n|\r/)?.[0] ?? "\n";
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The header's keys, read as the linter reads them; an error when this tool could not edit it safely. */
function headerData(body: string): Record<string, unknown> {
  const read = readYamlMapping(body);
  if ("problem" in read) throw new FrontMatterEditError(read.problem);
  return read.mapping ?? {};
}

/**
 * Sets one top-level key of a Markdown file's YAML front matter to a one-line plain value,
 * changing nothing else in the file: the key's line is replaced (with any indented continuation
 * lines of its old value), or a line is added before the closing `---`, or a header holding only
 * the key is added at the top when the file has none. Throws rather than guess when the header
 * is not plain YAML it can edit this way.
 */
export function setFrontMatterKey(text: string, key: string, value: string): string {
  if (/[\r\n]/.test(value) || value.trim() !== value) throw new FrontMatterEditError("a stamp value is one trimmed line");
  const from = text.startsWith("\uFEFF") ? 1 : 0;
  const header = findFrontMatter(text, from);
  let result: string;
  if (!header) {
    const eol = lineEnding(text);
    result = `${text.slice(0, from)}---${eol}${key}: ${value}${eol}---${eol}${text.slice(from)}`;
  } else {
    const body = text.slice(header.bodyStart, header.closeStart);
    const before = headerData(body);
    const line = new RegExp(`^${escapeRegExp(key)}:[^\\r\\n]*(?:\\r\\n|\\n|\\r|$)(?:[ \\t]+[^\\r\\n]*(?:\\r\\n|\\n|\\r|$))*`, "m");
    const existing = line.exec(body);
    const newLine = `${key}: ${value}${header.eol}`;
    if (existing) {
      const start = header.bodyStart + existing.index;
      const end = start + existing[0].length;
      result = text.slice(0, start) + newLine + text.slice(end);
    } else if (key in before) {
      throw new FrontMatterEditError(`the front matter sets ${key} in a form this tool does not rewrite (quoted or nested); remove that line and stamp again`);
    } else {
      const needsBreak = header.closeStart > header.bodyStart && !/[\r\n]$/.test(body);
      result = text.slice(0, header.closeStart) + (needsBreak ? header.eol : "") + newLine + text.slice(header.closeStart);
    }
  }
  const check = findFrontMatter(result, from);
  const after = check ? headerData(result.slice(check.bodyStart, check.closeStart)) : {};
  if (after[key] !== value) throw new FrontMatterEditError(`setting ${key} would not read back as written`);
  return result;
}
