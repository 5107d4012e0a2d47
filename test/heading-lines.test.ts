import fc from "fast-check";
import type { Root } from "mdast";
import { describe, expect, it } from "vitest";
import { anchorsOf, anchorsOfNodes } from "../src/text/anchors.js";
import { parseMarkdown } from "../src/parse/parse.js";

/** The reference: anchors from a parse of the whole page. */
function anchorsOfWholePage(text: string) {
  return anchorsOfNodes([parseMarkdown(text) as Root], text);
}

const sameAnchors = (text: string) => expect([...anchorsOf(text).ids].sort()).toEqual([...anchorsOfWholePage(text).ids].sort());

describe("anchors from the heading lines only", () => {
  it.each([
    ["a shell comment in a fenced block", "# Install\n\n```sh\n# not a heading\nnpm i\n```\n\n## Use\n"],
    ["a tilde fence closed only by a long enough fence", "~~~~\n~~~\n# inside\n~~~~\n\n# Outside\n"],
    ["a heading inside an HTML comment", "<!--\n## Hidden\n-->\n\n## Shown\n"],
    ["a processing instruction followed by a fence", '<?code-excerpt "a.java"?>\n```java\n# not a heading\n```\n\n### Real\n'],
    ["setext headings", "First title\n===========\n\nSecond\ntitle\n---\n\n- item\n---\n"],
    ["headings in a block quote and a list item", "> ## Quoted title\n\n- ## Listed title\n"],
    ["an anchor written inline in a list item", 'Intro.\n\n- **Small steps**: <a id="small-steps"></a> keep them short\n'],
    ["ids and headings inside an HTML block", '<div id="top">\n\n## Inside div\n\n</div>\n\n<details>\n<summary id="more">More</summary>\n</details>\n'],
    ["MDX components, as blocks and inline", "<Intro>\nSome words.\n</Intro>\n\nUse <CodeStep step={1}>this</CodeStep> here.\n\n## Then {/*then*/}\n"],
    ["explicit ids and repeated titles", "## Setup {#setup}\n\n## Setup\n\n## Setup\n"],
    ["front matter that looks like a heading underline", "---\ntitle: x\n---\n\nText\n\n# Title\n"],
    ["an indented code block", "Para.\n\n    # code, not a heading\n\n# Heading\n"],
  ])("%s", (_, text) => sameAnchors(text));

  it("matches a parse of the whole page on random pages", () => {
    const words = fc.constantFrom("Setup", "the API", "`code`", "*emph*", "Título", "数据", "x", "{#custom-id}", "{/*jsx-id*/}", "[link](#a)");
    const title = fc.array(words, { minLength: 1, maxLength: 4 }).map((w) => w.join(" "));
    const line = fc.oneof(
      title.map((t) => `## ${t}`),
      title.map((t) => `# ${t}`),
      title,
      fc.constantFrom("", "", "```", "~~~", "````", "---", "===", "***", "<!--", "-->", '<a id="here"></a>', "<?x?>", "    # indented"),
      // Block tags stand apart, as MDX components and HTML blocks do in real pages.
      fc.constantFrom("<div>", "</div>", "<Note>", "</Note>").map((tag) => `\n${tag}\n`),
      title.map((t) => `- ${t}`),
      title.map((t) => `> ## ${t}`),
      title.map((t) => `1. ## ${t}`),
      title.map((t) => `Text <span id="s-${t.length}">${t}</span> more`),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        // Not starting with `---`: an unclosed front matter opening is a parser quirk of its own.
        sameAnchors(`Intro.\n\n${lines.join("\n")}`);
      }),
      { seed: Number(process.env.NL_LINT_SEED ?? 20261126), numRuns: Number(process.env.NL_LINT_PROPERTY_RUNS ?? 400) },
    );
  });
});
