import type { Nodes } from "mdast";
import type { Segment } from "../../src/core/types.js";
import { plainText, visitNodes } from "../../src/parse/tree.js";

/** The kinds of rendered structure the rule counts, as its options name them. */
export const MARKUP_KINDS = ["emphasis", "strong", "strikethrough", "headingLevel", "images", "footnotes", "html", "components", "expressions", "shortcodes"] as const;
export type MarkupKind = (typeof MARKUP_KINDS)[number];

/** What a reader of the kinds sees in a message. */
export const KIND_NAMES: Record<MarkupKind, string> = {
  emphasis: "emphasis",
  strong: "strong emphasis",
  strikethrough: "strikethrough",
  headingLevel: "heading level",
  images: "images",
  footnotes: "footnote references",
  html: "HTML tags",
  components: "MDX components",
  expressions: "MDX expressions",
  shortcodes: "Hugo shortcodes",
};

/** Each kind's items in a group of segments: a count, or the names of the tags and shortcodes. */
export type Structure = Record<MarkupKind, string[]>;

/** A Hugo shortcode's opening (`{{< figure`, `{{% alert`), not its closing: Markdown leaves shortcodes as text. */
const SHORTCODE = /\{\{[<%]\s*([\w./-]+)/g;
/** A footnote reference (`[^1]`) the parser left as text because its definition was out of its view. */
const FOOTNOTE_AS_TEXT = /\[\^[^\]\s]+\](?!:)/g;
/** An HTML tag's opening, by name; an HTML comment is not structure a renderer shows. */
const HTML_TAG = /^<([A-Za-z][\w-]*)/;

/** The words a node shows, lower-cased and with spacing evened: what an emphasis marks. */
function shownWords(node: Nodes): string {
  return plainText(node, { code: true }).replace(/\s+/g, " ").trim().toLowerCase();
}

function emptyStructure(): Structure {
  return Object.fromEntries(MARKUP_KINDS.map((k) => [k, []])) as unknown as Structure;
}

/** The structure a reader sees in some segments of one side; code is not looked into. */
export function structureOf(segments: Segment[]): Structure {
  const found = emptyStructure();
  visitNodes(segments.flatMap((s) => s.nodes), (node) => {
    switch (node.type) {
      case "emphasis":
        found.emphasis.push(shownWords(node));
        break;
      case "strong":
        found.strong.push(shownWords(node));
        break;
      case "delete":
        found.strikethrough.push("~~");
        break;
      case "heading":
        found.headingLevel.push(String(node.depth));
        break;
      case "image":
      case "imageReference":
        found.images.push("image");
        break;
      case "footnoteReference":
        found.footnotes.push("footnote");
        break;
      case "html": {
        const tag = HTML_TAG.exec(node.value);
        if (tag) found.html.push(tag[1].toLowerCase());
        break;
      }
      case "mdxJsxTextElement":
      case "mdxJsxFlowElement":
        found.components.push(node.name ?? "fragment");
        break;
      case "mdxTextExpression":
      case "mdxFlowExpression":
        found.expressions.push("{}");
        break;
      case "text":
        for (const m of node.value.matchAll(SHORTCODE)) found.shortcodes.push(m[1]);
        // A source comment is parsed alone: a footnote defined outside it stays text there.
        for (const _ of node.value.matchAll(FOOTNOTE_AS_TEXT)) found.footnotes.push("footnote");
        break;
      default:
        break;
    }
  });
  return found;
}

/** Items of `a` that `b` lacks, counted (a multiset difference). */
export function missingFrom(a: string[], b: string[]): string[] {
  const left = new Map<string, number>();
  for (const item of b) left.set(item, (left.get(item) ?? 0) + 1);
  return a.filter((item) => {
    const n = left.get(item) ?? 0;
    if (n > 0) left.set(item, n - 1);
    return n === 0;
  });
}
