import fc from "fast-check";
import type { Nodes } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { describe, expect, it } from "vitest";
import { lint } from "../src/core/lint.js";
import { guardNesting, MAX_NESTING } from "../src/parse/nesting.js";
import { parseMarkdown } from "../src/parse/parse.js";

/** The most block quotes and list items any node of the tree sits in. */
function containerDepth(root: Nodes): number {
  let deepest = 0;
  const stack: Array<[Nodes, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    const own = node.type === "blockquote" || node.type === "listItem" ? depth + 1 : depth;
    deepest = Math.max(deepest, own);
    if ("children" in node) for (const child of node.children as Nodes[]) stack.push([child, own]);
  }
  return deepest;
}

const plainDepth = (text: string) => containerDepth(fromMarkdown(text));

describe("guardNesting", () => {
  it("leaves a text alone when its nesting stays within the limit", () => {
    const texts = [
      "> ".repeat(MAX_NESTING) + "citação funda\n",
      "- ".repeat(MAX_NESTING) + "item fundo\n",
      Array.from({ length: MAX_NESTING }, (_, i) => "  ".repeat(i) + `- nível ${i + 1}`).join("\n") + "\n",
      "> - > 1. > * texto\n>   > continua\n",
    ];
    for (const text of texts) expect(guardNesting(text)).toEqual({ text, cuts: [] });
  });

  it("blanks the markers past the limit on one line, keeping length, line ends and the parse depth bounded", () => {
    const text = "Antes.\n\n" + "> ".repeat(100) + "citação\r\n" + "> ".repeat(100) + "mais\n\nDepois.\n";
    const guarded = guardNesting(text);
    expect(guarded.text).toHaveLength(text.length);
    expect(guarded.text.split(/\r\n|\n/).length).toBe(text.split(/\r\n|\n/).length);
    const firstCut = "Antes.\n\n".length + 2 * MAX_NESTING;
    // One cut for the block, at its first blanked marker; the second line continues that block.
    expect(guarded.cuts).toEqual([firstCut]);
    expect(guarded.text.slice(firstCut - 2, firstCut + 4)).toBe(">     ");
    expect(guarded.text.endsWith("mais\n\nDepois.\n")).toBe(true);
    expect(plainDepth(guarded.text)).toBe(MAX_NESTING);
  });

  it("cuts list items, ordered or not, and items nested by indentation", () => {
    const bullets = "1. " + "- ".repeat(60) + "item\n";
    expect(plainDepth(guardNesting(bullets).text)).toBe(MAX_NESTING);
    expect(guardNesting(bullets).cuts).toEqual([3 + 2 * (MAX_NESTING - 1)]);
    const indented = Array.from({ length: 40 }, (_, i) => "  ".repeat(i) + `- nível ${i + 1}`).join("\n") + "\n";
    const guarded = guardNesting(indented);
    expect(plainDepth(guarded.text)).toBe(MAX_NESTING);
    expect(guarded.cuts).toEqual([indented.indexOf("- nível 33")]);
  });

  it("does not take indented code, thematic breaks or lazy lines for more nesting", () => {
    const rule = "- ".repeat(50) + "\n";
    const indentedCode = "    " + "> ".repeat(50) + "código\n";
    const inItem = "- item\n\n      " + "> ".repeat(50) + "código no item\n";
    for (const text of [rule, indentedCode, inItem]) expect(guardNesting(text).cuts).toEqual([]);
    // A lazy line keeps the quotes open: the line after it is still 30 deep plus its own markers.
    const lazy = "> ".repeat(30) + "a\ncontinua\n" + "> ".repeat(30) + "> > > > b\n";
    expect(plainDepth(lazy)).toBe(34);
    expect(plainDepth(guardNesting(lazy).text)).toBe(MAX_NESTING);
  });

  it("keeps every parse within the limit, whatever mix of containers a line opens", () => {
    const marker = fc.constantFrom("> ", "- ", "* ", "1. ", "10) ", ">", "  ", "    ", "\t", "- > ", "+ ");
    const line = fc.tuple(fc.array(marker, { maxLength: 45 }), fc.constantFrom("texto", "", "```", "- - -", "# título")).map(([m, rest]) => m.join("") + rest);
    const doc = fc.array(line, { minLength: 1, maxLength: 8 }).map((lines) => lines.join("\n") + "\n");
    fc.assert(
      fc.property(doc, (text) => {
        const guarded = guardNesting(text, 8);
        expect(guarded.text).toHaveLength(text.length);
        expect(containerDepth(fromMarkdown(guarded.text))).toBeLessThanOrEqual(8);
        if (guarded.cuts.length === 0) expect(guarded.text).toBe(text);
      }),
      { seed: 20261126, numRuns: 300 },
    );
  });
});

describe("deep nesting in lint", () => {
  it("warns once at the line where nesting was cut and still checks the rest of the file", () => {
    const text = "Um parágrafo.\n\n" + "> ".repeat(5000) + "citação\n\nVeja o [site] (https://example.org).\n";
    const { findings } = lint(text, { only: ["broken-link"] });
    expect(findings.map((f) => [f.ruleId, f.line, f.column, f.severity])).toEqual([
      ["nesting-limit", 3, 2 * MAX_NESTING + 1, 1],
      ["broken-link", 5, 8, 2],
    ]);
    expect(findings[0].message).toContain(`deeper than ${MAX_NESTING} levels`);
  });

  it("reports nesting cut inside a source comment of an inline post at its line in the file", () => {
    const text = "<!-- The first paragraph. -->\n\nO primeiro parágrafo.\n\n<!--\n" + "> ".repeat(200) + "A quote.\n-->\n\n> Uma citação.\n";
    const { findings, document } = lint(text, { only: [] });
    expect(document.mode).toBe("inline");
    expect(findings.map((f) => [f.ruleId, f.line])).toEqual([["nesting-limit", 6]]);
  });

  it("reads a line of 200,000 list markers in one pass", () => {
    // Each marker once looked at the rest of the line for a thematic break: minutes for this line.
    const text = "- ".repeat(200_000) + "item\n";
    const start = performance.now();
    const guarded = guardNesting(text);
    expect((performance.now() - start) / 1000).toBeLessThan(2);
    expect(guarded.cuts).toEqual([2 * MAX_NESTING]);
  });

  it("gives the other modules a tree no deeper than the limit", () => {
    expect(containerDepth(parseMarkdown("- ".repeat(10_000) + "item\n"))).toBe(MAX_NESTING);
  });
});
