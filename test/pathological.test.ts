import type { Emphasis, Link, Paragraph, Text } from "mdast";
import { describe, expect, it } from "vitest";
import commentSyntax from "../rules/comment-syntax.js";
import mojibake from "../rules/mojibake/index.js";
import { explicitHeadingId } from "../src/text/anchors.js";
import { buildDocument } from "../src/core/document.js";
import { featuresOf } from "../src/pair/features.js";
import { linksOf } from "../src/text/links.js";
import { lint } from "../src/core/lint.js";
import type { LintDocument, Segment } from "../src/core/types.js";

/** Seconds one call takes; the budgets below are far above linear time and far below the old blow-ups. */
function secondsFor(work: () => unknown): number {
  const start = performance.now();
  work();
  return (performance.now() - start) / 1000;
}

describe("inputs built to make regular expressions backtrack", () => {
  it("reads a heading's attribute block with many '=' and no closing brace at once", () => {
    // Once split in exponentially many ways: 22 pairs took 11 s, 40 would take days.
    const heading = `## Title {${"ab=".repeat(40)} tail`;
    expect(secondsFor(() => expect(explicitHeadingId(heading)).toBeUndefined())).toBeLessThan(0.5);
    expect(explicitHeadingId("## Next steps {#next .big lang=en}")).toMatchObject({ id: "next" });
  });

  it("finds a paragraph's names and code in linear time, through long runs of letters and backticks", () => {
    // Each position of such a run used to rescan the rest of it: 40,000 letters took 9 s.
    const paragraph = (raw: string) => ({ id: 0, side: "translation", kind: "paragraph", start: 0, end: raw.length, raw, nodes: [] }) as Segment;
    const letters = paragraph(`Texto ${"b".repeat(200_000)} e o iPhone com \`npm ci\`.`);
    const ticks = paragraph(`Código ${"`".repeat(200_000)} fim.`);
    expect(secondsFor(() => featuresOf(letters))).toBeLessThan(1);
    expect(secondsFor(() => featuresOf(ticks))).toBeLessThan(1);
    expect([...featuresOf(letters).names]).toEqual(["iphone"]);
    expect([...featuresOf(letters).code]).toEqual(["npm ci"]);
  });
});

describe("trees too wide or too deep for recursion or spread arguments", () => {
  /** A paragraph with `count` children, built by hand: parsing that many links takes the parser half a minute. */
  function wideParagraph(count: number): LintDocument {
    const document = buildDocument("Texto.\n");
    const paragraph = document.root.children[0] as Paragraph;
    const at = (offset: number) => ({ line: 1, column: offset + 1, offset });
    paragraph.children = Array.from({ length: count }, () => ({ type: "text", value: "Texto.", position: { start: at(0), end: at(6) } }) as Text);
    return document;
  }

  it("runs the rules that walk the whole tree on a paragraph of 300,000 inline nodes", () => {
    const document = wideParagraph(300_000);
    for (const rule of [commentSyntax, mojibake]) {
      expect(() => rule.check({ document, options: rule.schema.parse({}), settings: {}, report: () => {} }), rule.id).not.toThrow();
    }
  });

  it("lints a source comment of 300 KB with its translation without a rule failing", () => {
    const source = "The model reads a [long](https://a.example/x) text and writes a summary. ".repeat(4_000);
    const translation = "O modelo lê um [longo](https://a.example/x) texto e escreve um resumo. ".repeat(4_000);
    const { findings } = lint(`<!-- ${source} -->\n\n${translation}\n`, { filePath: "/posts/long.pt-br.md" });
    expect(findings.filter((f) => f.fatal).map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
  });

  it("reads the label of a link nested 100,000 inline levels deep", () => {
    const text = "[ok](https://example.org)\n";
    const segment = buildDocument(text).segments[0];
    const link = (segment.nodes[0] as Paragraph).children[0] as Link;
    let innermost: Emphasis = { type: "emphasis", children: [{ type: "text", value: "ok" }] };
    for (let i = 0; i < 100_000; i++) innermost = { type: "emphasis", children: [innermost] };
    link.children = [innermost];
    expect(linksOf(segment, text).map((l) => l.label)).toEqual(["ok"]);
  });
});
