import type { Nodes } from "mdast";

/**
 * Visits nodes and their descendants in document order (a node before its children). Returning
 * `false` from `enter` skips the node's children. Walked with a stack, not by recursion: Markdown
 * nests emphasis, links and block quotes without bound, and a deep tree would overflow the call stack.
 */
export function visitNodes(nodes: Nodes | readonly Nodes[], enter: (node: Nodes) => boolean | void): void {
  const stack: Nodes[] = Array.isArray(nodes) ? [...(nodes as readonly Nodes[])].reverse() : [nodes as Nodes];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (enter(node) === false || !("children" in node)) continue;
    // One push a child: spreading a paragraph of 100,000 links into push() would overflow the stack too.
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
  }
}

export interface PlainTextOptions {
  /** Whether code (`inlineCode`, `code`, math) counts: a heading's anchor keeps it, a count of prose words does not. */
  code?: boolean;
  /** Whether an image's alt text counts: a link's label shows it, the text GitHub slugs a heading from does not. */
  imageAlt?: boolean;
  /** Put between the texts of two nodes: "" joins them as rendered; " " keeps the words of `a*b*` apart for counting. */
  separator?: string;
}

/** Markup a reader does not read: raw HTML, MDX expressions (a heading id `{/*id*\/}` is one) and ESM, front matter. */
const NOT_READ = new Set(["html", "mdxTextExpression", "mdxFlowExpression", "mdxjsEsm", "yaml", "toml"]);
const CODE = new Set(["inlineCode", "code", "inlineMath", "math"]);

/** The text of one node, not of its children; undefined when the node has none of its own. */
function ownText(node: Nodes, options: PlainTextOptions): string | undefined {
  if (NOT_READ.has(node.type)) return "";
  if (CODE.has(node.type) && options.code === false) return "";
  if ("value" in node && typeof node.value === "string") return node.value;
  if ("alt" in node && typeof node.alt === "string") return options.imageAlt === false ? "" : node.alt;
  return undefined;
}

/** The text a reader sees in nodes: their text, code and image alts (as `options` say), markup left out. */
export function plainText(nodes: Nodes | readonly Nodes[], options: PlainTextOptions = {}): string {
  const parts: string[] = [];
  visitNodes(nodes, (node) => {
    const text = ownText(node, options);
    if (text === undefined) return;
    if (text !== "") parts.push(text);
    return false;
  });
  return parts.join(options.separator ?? "");
}
