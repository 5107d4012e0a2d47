import { parse as parseYaml } from "yaml";

export class FrontMatterEditError extends Error {}

interface Header {
  /** Offset where the header's first line after the opening fence starts. */
  bodyStart: number;
  /** Offset where the closing fence line starts. */
  closeStart: number;
  eol: string;
}

function lineEnding(text: string): string {
  return text.match(/\r\n|\n|\r/)?.[0] ?? "\n";
}

/** The YAML header after an optional BOM: `---` on the first line, up to the next `---` line. */
function findHeader(text: string, from: number): Header | undefined {
  const open = /^---[ \t]*(\r\n|\n|\r)/.exec(text.slice(from));
  if (!open) return undefined;
  const bodyStart = from + open[0].length;
  const close = /(?:^|\r\n|\n|\r)---[ \t]*(?=\r\n|\n|\r|$)/g;
  close.lastIndex = bodyStart;
  // An empty header closes on the line right after the opening fence.
  const immediate = /^---[ \t]*(?=\r\n|\n|\r|$)/.exec(text.slice(bodyStart));
  if (immediate) return { bodyStart, closeStart: bodyStart, eol: open[1] };
  const match = close.exec(text);
  if (!match || match.index < bodyStart) return undefined;
  const closeStart = match.index + (match[0].startsWith("\r\n") ? 2 : match[0].startsWith("---") ? 0 : 1);
  return { bodyStart, closeStart, eol: open[1] };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function headerData(body: string): Record<string, unknown> {
  const data: unknown = parseYaml(body);
  if (data === null || data === undefined) return {};
  if (typeof data !== "object" || Array.isArray(data)) throw new FrontMatterEditError("the front matter is not a mapping of keys to values");
  return data as Record<string, unknown>;
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
  const header = findHeader(text, from);
  let result: string;
  if (!header) {
    const eol = lineEnding(text);
    result = `${text.slice(0, from)}---${eol}${key}: ${value}${eol}---${eol}${text.slice(from)}`;
  } else {
    const body = text.slice(header.bodyStart, header.closeStart);
    let before: Record<string, unknown>;
    try {
      before = headerData(body);
    } catch (error) {
      throw error instanceof FrontMatterEditError ? error : new FrontMatterEditError(`the front matter is not valid YAML: ${(error as Error).message.split("\n")[0]}`);
    }
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
  const check = findHeader(result, from);
  const after = check ? headerData(result.slice(check.bodyStart, check.closeStart)) : {};
  if (after[key] !== value) throw new FrontMatterEditError(`setting ${key} would not read back as written`);
  return result;
}
