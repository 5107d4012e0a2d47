import type { MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx";

/**
 * Markup that a site generator renders but a reader does not read as prose: Hugo shortcodes
 * (`{{< figure >}}`, `{{% alert %}}`), Go template actions, MDX expressions and comments
 * (`{/* note *\/}`), HTML and JSX tags, attribute lists (`{.lead}`), HTML comments, and what
 * Hugo's `{{< comment >}}` hides.
 */
const MARKUP = [
  // Hugo's comment shortcode hides what it wraps, which may run on past the end of the block.
  /\{\{[<%]\s*comment\s*[%>]\}\}[\s\S]*?(?:\{\{[<%]\s*\/comment\s*[%>]\}\}|$)/g,
  /\{\{[<%][\s\S]*?[%>]\}\}/g,
  /\{\{[\s\S]*?\}\}/g,
  /\{\/\*[\s\S]*?\*\/\}/g,
  /<!--[\s\S]*?(?:-->|$)/g,
  /<\/?[A-Za-z][\w.:-]*(?:\s+[^<>]*?)?\/?>/g,
  /\{[.#][^{}\n]*\}/g,
  /\[![A-Z]+\]/g,
];

/** The text with every piece of markup blanked out, so that only what a reader reads is left. */
export function withoutMarkup(text: string): string {
  let out = text;
  for (const pattern of MARKUP) out = out.replace(pattern, (m) => m.replace(/[^\n]/g, " "));
  return out;
}

/**
 * True when a block holds markup only: a shortcode, a component or a tag with nothing a reader
 * reads around it. Such a block is structure, not prose, even when its attributes hold words.
 */
export function isMarkupOnly(text: string): boolean {
  if (!/[<{[]/.test(text)) return false;
  return !/[\p{L}\p{N}]/u.test(withoutMarkup(text));
}

/** A JSX component written as a block, and the offsets of what it holds. */
export interface ComponentSpan {
  name: string;
  /** Just after the opening tag's line, and at the closing tag. */
  start: number;
  end: number;
}

const BLOCK_TAG = /^[ \t]*<(\/?)([A-Z][\w.]*)(?:\s[^<>]*)?>[ \t]*$/gm;

/**
 * JSX components whose tags stand on lines of their own (`<Note>` … `</Note>`), as MDX writes
 * the ones that wrap whole paragraphs. A tag left open is dropped, as is a self-closing one.
 */
export function blockComponents(text: string): ComponentSpan[] {
  const spans: ComponentSpan[] = [];
  const open: Array<{ name: string; start: number }> = [];
  for (const match of text.matchAll(BLOCK_TAG)) {
    const [whole, closing, name] = match;
    if (whole.trimEnd().endsWith("/>")) continue;
    if (!closing) {
      open.push({ name, start: match.index + whole.length });
      continue;
    }
    let at = open.length - 1;
    while (at >= 0 && open[at].name !== name) at--;
    if (at < 0) continue;
    spans.push({ name, start: open[at].start, end: match.index });
    open.length = at;
  }
  return spans;
}

/**
 * Offsets of an MDX JSX element's opening tag, where its attributes (`href`, `id`) are written:
 * from its start to its first child, or the whole element when it has none.
 */
export function jsxOpeningTag(node: MdxJsxFlowElement | MdxJsxTextElement): [number, number] {
  const start = node.position?.start.offset ?? 0;
  const end = node.children[0]?.position?.start.offset ?? node.position?.end.offset ?? start;
  return [start, end];
}
