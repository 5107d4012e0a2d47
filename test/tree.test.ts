import type { Emphasis, Nodes, Paragraph, Text } from "mdast";
import { describe, expect, it } from "vitest";
import { headingPlainText } from "../src/text/anchors.js";
import { buildDocument } from "../src/core/document.js";
import { linksOf } from "../src/text/links.js";
import { wordsOf } from "../src/spell/words.js";
import { plainText, visitNodes } from "../src/parse/tree.js";
import type { Segment } from "../src/core/types.js";

const text = (value: string): Text => ({ type: "text", value });

/** `depth` emphasis nodes, one inside the other, around one word: deeper than a recursive walk survives. */
function nestedEmphasis(depth: number, word: string): Emphasis {
  let node: Emphasis = { type: "emphasis", children: [text(word)] };
  for (let i = 1; i < depth; i++) node = { type: "emphasis", children: [node] };
  return node;
}

const translated = (markdown: string): Segment[] => buildDocument(markdown).segments.filter((s) => s.side === "translation");

describe("visitNodes", () => {
  it("visits in document order and skips the children of a node when told to", () => {
    const tree: Paragraph = {
      type: "paragraph",
      children: [text("a"), { type: "strong", children: [text("b"), text("c")] }, { type: "emphasis", children: [text("d")] }, text("e")],
    };
    const seen: string[] = [];
    visitNodes(tree, (node) => {
      seen.push(node.type === "text" ? node.value : node.type);
      if (node.type === "emphasis") return false;
    });
    expect(seen).toEqual(["paragraph", "a", "strong", "b", "c", "emphasis", "e"]);
  });

  it("walks 10,000 nested block quotes", () => {
    let quote: Nodes = { type: "blockquote", children: [{ type: "paragraph", children: [text("deep")] }] };
    for (let i = 1; i < 10_000; i++) quote = { type: "blockquote", children: [quote] };
    let quotes = 0;
    visitNodes(quote, (node) => void (node.type === "blockquote" && quotes++));
    expect(quotes).toBe(10_000);
    expect(plainText(quote)).toBe("deep");
  });
});

describe("plainText", () => {
  const image: Nodes = { type: "image", url: "logo.png", alt: "Logo" };
  const mixed: Paragraph = {
    type: "paragraph",
    children: [text("Run"), { type: "inlineCode", value: "make" }, image, { type: "html", value: "<br>" }, { type: "mdxTextExpression", value: "props.x" } as Nodes as Text],
  };

  it("reads text, code and alt text, never HTML or MDX expressions", () => {
    expect(plainText(mixed)).toBe("RunmakeLogo");
  });

  it("leaves code and alt text out when asked, and keeps sibling nodes apart with a separator", () => {
    expect(plainText(mixed, { code: false, imageAlt: false, separator: " " })).toBe("Run");
    expect(plainText({ type: "paragraph", children: [text("one"), { type: "emphasis", children: [text("two")] }] }, { separator: " " })).toBe("one two");
  });

  it("reads 10,000 nested emphasis nodes without overflowing the stack", () => {
    expect(plainText(nestedEmphasis(10_000, "core"))).toBe("core");
  });

  it("is what the heading, link and word readers see in deeply nested markup", () => {
    // Each of these once walked the tree by recursion and overflowed the stack at this depth.
    expect(headingPlainText([nestedEmphasis(10_000, "Ponte")])).toBe("Ponte");
    const [segment] = translated("Uma *ponte* antiga.\n");
    segment.nodes = [{ type: "paragraph", children: [nestedEmphasis(10_000, "ponte")] }];
    expect(() => wordsOf(segment, segment.raw)).not.toThrow();
    const [linked] = translated("[ponte](https://example.org/ponte)\n");
    const link = linked.nodes[0] as Paragraph;
    const anchor = link.children[0] as { children: Nodes[] };
    anchor.children = [nestedEmphasis(10_000, "ponte")];
    expect(linksOf(linked, "[ponte](https://example.org/ponte)\n")[0].label).toBe("ponte");
  });
});
