import { fromMarkdown } from "mdast-util-from-markdown";
import { frontmatterFromMarkdown } from "mdast-util-frontmatter";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { frontmatter } from "micromark-extension-frontmatter";
import { gfm } from "micromark-extension-gfm";
import type { Nodes, Root } from "mdast";
import { parse as parseYaml } from "yaml";
import type { LineIndex } from "./lines.js";
import { guardLoneBrackets } from "./lone-brackets.js";
import { guardNesting } from "./nesting.js";

const BOM = "\uFEFF";

export function stripBom(text: string): { text: string; bom: boolean } {
  return text.startsWith(BOM) ? { text: text.slice(1), bom: true } : { text, bom: false };
}

const micromarkExtensions = [gfm(), frontmatter(["yaml", "toml"])];
const mdastExtensions = [gfmFromMarkdown(), frontmatterFromMarkdown(["yaml", "toml"])];
// Built once: constructing the GFM extensions for each comment of a post costs more than parsing it.
const fragmentOptions = { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] };

/**
 * Parses a whole document (GFM and front matter); positions are those of `text`. Block quotes and
 * lists nested deeper than the parser copes with are cut (see `guardNesting`); the offsets where
 * that happened are added to `cuts` when given. Crowds of `]` that close nothing are read as
 * spaces (see `guardLoneBrackets`).
 */
export function parseMarkdown(text: string, cuts?: number[]): Root {
  const guarded = guardNesting(text);
  for (const cut of guarded.cuts) cuts?.push(cut);
  return fromMarkdown(guardLoneBrackets(guarded.text), { extensions: micromarkExtensions, mdastExtensions });
}

/**
 * Parses a fragment of a document, such as the inside of an HTML comment, and moves every
 * position so that it points into the document itself.
 */
export function parseFragment(fragment: string, baseOffset: number, lines: LineIndex, cuts?: number[]): Root {
  const guarded = guardNesting(fragment);
  for (const cut of guarded.cuts) cuts?.push(cut + baseOffset);
  const root = fromMarkdown(guardLoneBrackets(guarded.text), fragmentOptions);
  shiftPositions(root, baseOffset, lines);
  return root;
}

function shiftPositions(node: Nodes, baseOffset: number, lines: LineIndex): void {
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    const pos = current.position;
    if (pos && pos.start.offset !== undefined && pos.end.offset !== undefined) {
      const start = pos.start.offset + baseOffset;
      const end = pos.end.offset + baseOffset;
      current.position = {
        start: { ...lines.position(start), offset: start },
        end: { ...lines.position(end), offset: end },
      };
    }
    if ("children" in current) for (const child of current.children as Nodes[]) stack.push(child);
  }
}

/** The YAML front matter as an object, or null when there is none or it is not a mapping. */
export function readFrontMatter(root: Root): Record<string, unknown> | null {
  const first = root.children[0];
  if (!first || first.type !== "yaml") return null;
  try {
    const value: unknown = parseYaml(first.value);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
