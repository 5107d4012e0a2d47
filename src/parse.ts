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
 * spaces (see `guardLoneBrackets`). `definitions` (reference definitions written elsewhere, such
 * as inside comments) are made visible to the text's references without becoming part of the tree.
 */
export function parseMarkdown(text: string, cuts?: number[], definitions = ""): Root {
  const guarded = guardNesting(text);
  for (const cut of guarded.cuts) cuts?.push(cut);
  const parse = (appended: string) => fromMarkdown(guardLoneBrackets(guarded.text) + appended, { extensions: micromarkExtensions, mdastExtensions });
  return definitions === "" ? parse("") : withAppendedDefinitions(text.length, definitions, parse);
}

/** Where in the document each offset of a fragment lies: a fixed shift, or a map for a fragment pieced together. */
export type FragmentPlacement = number | ((fragmentOffset: number) => number);

/**
 * Parses a fragment of a document, such as the inside of an HTML comment, and moves every
 * position so that it points into the document itself. `definitions` are reference definitions
 * of the document the fragment's references may use (see `parseMarkdown`).
 */
export function parseFragment(fragment: string, placement: FragmentPlacement, lines: LineIndex, cuts?: number[], definitions = ""): Root {
  const place = typeof placement === "number" ? (offset: number) => offset + placement : placement;
  const guarded = guardNesting(fragment);
  for (const cut of guarded.cuts) cuts?.push(place(cut));
  const parse = (appended: string) => fromMarkdown(guardLoneBrackets(guarded.text) + appended, fragmentOptions);
  const root = definitions === "" ? parse("") : withAppendedDefinitions(fragment.length, definitions, parse);
  shiftPositions(root, place, lines);
  return root;
}

/**
 * Parses a text with definitions written after it, after a blank line, so that the text's own
 * offsets are unchanged, then drops the definitions' nodes. A text that leaves a block open (an
 * unclosed code fence) would swallow them: it is then parsed alone.
 */
function withAppendedDefinitions(length: number, definitions: string, parse: (appended: string) => Root): Root {
  const root = parse(`\n\n${definitions}`);
  const own = root.children.filter((child) => (child.position?.start.offset ?? 0) < length);
  if (own.some((child) => (child.position?.end.offset ?? 0) > length)) return parse("");
  root.children = own;
  if (root.position) root.position.end = own.at(-1)?.position?.end ?? root.position.start;
  return root;
}

/** Reference definitions as Markdown lines, to hand to `parseMarkdown` or `parseFragment`. */
export function definitionLines(definitions: ReadonlyArray<{ label?: string | null; identifier: string; url: string }>): string {
  const destination = (url: string) => `<${url.replace(/[<>\s\\]/g, (c) => encodeURIComponent(c))}>`;
  return definitions.map((d) => `[${d.label ?? d.identifier}]: ${destination(d.url)}`).join("\n");
}

function shiftPositions(node: Nodes, place: (offset: number) => number, lines: LineIndex): void {
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    const pos = current.position;
    if (pos && pos.start.offset !== undefined && pos.end.offset !== undefined) {
      const start = place(pos.start.offset);
      const end = place(pos.end.offset);
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
