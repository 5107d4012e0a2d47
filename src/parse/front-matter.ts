import type { Root } from "mdast";
import { parseDocument as parseYamlDocument, visit as visitYaml } from "yaml";

// One reader of YAML front matter, for the parsed document, for status (before any parse) and for stamping.

export interface FrontMatterSpan {
  /** Offset where the header's first line after the opening fence starts. */
  bodyStart: number;
  /** Offset where the closing fence line starts. */
  closeStart: number;
  eol: string;
}

/**
 * The YAML header after an optional BOM: `---` on the first line, up to the next `---` line, with
 * any line ending (`\r` alone too), as micromark's front matter reads it.
 */
export function findFrontMatter(text: string, from = text.startsWith("\uFEFF") ? 1 : 0): FrontMatterSpan | undefined {
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

/** The YAML front matter of a parsed document as an object, or null when there is none or it is not a mapping. */
export function readFrontMatter(root: Root): Record<string, unknown> | null {
  const first = root.children[0];
  return first && first.type === "yaml" ? frontMatterMapping(first.value) : null;
}

/** A plain scalar shaped like an abbreviated or full commit hash. */
const COMMIT_HASH = /^[0-9a-f]{7,40}$/i;

/**
 * A front-matter header's YAML as a mapping, or null when it is not one (or not YAML). A commit
 * hash written without quotes stays the text it is: YAML would read `2785761` as an integer and
 * `2785761e42` as a float, and the hash would be lost.
 */
export function frontMatterMapping(yaml: string): Record<string, unknown> | null {
  const read = readYamlMapping(yaml);
  return "mapping" in read ? read.mapping : null;
}

/** What is wrong with a header that is not a mapping of keys to values. */
export const NOT_A_MAPPING = "the front matter is not a mapping of keys to values";

/**
 * A header's YAML read as `frontMatterMapping` reads it, saying what is wrong when it cannot be
 * read: an empty header is no mapping (null), a list or a scalar is a problem.
 */
export function readYamlMapping(yaml: string): { mapping: Record<string, unknown> | null } | { problem: string } {
  try {
    // YAML breaks lines at a carriage return alone too, but the yaml package reads it as part of a value.
    const document = parseYamlDocument(yaml.replace(/\r(?!\n)/g, "\n"));
    if (document.errors.length > 0) return { problem: `the front matter is not valid YAML: ${document.errors[0].message.split("\n")[0]}` };
    visitYaml(document, {
      Scalar(_key, node) {
        if (typeof node.value === "number" && typeof node.source === "string" && COMMIT_HASH.test(node.source)) node.value = node.source;
      },
    });
    const value: unknown = document.toJS();
    if (value === null || value === undefined) return { mapping: null };
    return typeof value === "object" && !Array.isArray(value) ? { mapping: value as Record<string, unknown> } : { problem: NOT_A_MAPPING };
  } catch (error) {
    return { problem: `the front matter is not valid YAML: ${(error as Error).message.split("\n")[0]}` };
  }
}

/** The YAML front matter of a text, read without parsing the Markdown: the same mapping `readFrontMatter` gives. */
export function frontMatterOfText(text: string): Record<string, unknown> | null {
  const header = findFrontMatter(text);
  return header ? frontMatterMapping(text.slice(header.bodyStart, header.closeStart)) : null;
}
