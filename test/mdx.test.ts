import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { anchorsOfNodes } from "../src/text/anchors.js";
import { builtinRules } from "../rules/index.js";
import { ConfigLoader } from "../src/node/config.js";
import { buildDocument } from "../src/core/document.js";
import { lintFile } from "../src/node/engine.js";
import { optionsForConfig } from "../src/node/file-options.js";
import { writtenDestinations } from "../src/text/links.js";
import { lint } from "../src/core/lint.js";
import { headingText } from "../src/pair/sections.js";
import type { Segment } from "../src/core/types.js";

const view = (segments: Segment[]) => segments.map((s) => [s.kind, s.raw]);
const translations = (text: string, filePath: string, options: { directives?: boolean; mdx?: boolean } = {}) =>
  buildDocument(text, { filePath, ...options }).segments.filter((s) => s.side === "translation");

describe("an .mdx page is read with the MDX grammar", () => {
  it("leaves ESM lines out, and keeps a code fence with blank lines and # lines whole inside a component", () => {
    const text = [
      "import Panel from '../widgets/Panel.astro';",
      "export const size = 3;",
      "",
      "<Panel>",
      '<Pane title="shell">',
      "```sh",
      "# fetch the sources",
      "",
      "git pull",
      "```",
      "",
      "</Pane>",
      "</Panel>",
      "",
      "Then build the site.",
      "",
    ].join("\n");
    expect(view(translations(text, "guide/build.mdx"))).toEqual([
      ["code", "```sh\n# fetch the sources\n\ngit pull\n```"],
      ["paragraph", "Then build the site."],
    ]);
    // Markdown ends the HTML block at the blank line in the fence, and the closing fence opens a new one.
    expect(translations(text, "guide/build.md").at(-1)?.kind).toBe("code");
  });

  it("reads a tab-indented line in a component as text: MDX has no indented code", () => {
    const text = "<Steps>\n\n1. Open the panel.\n\n\tPress the green button twice.\n\n</Steps>\n";
    const segments = translations(text, "steps.mdx");
    expect(segments.map((s) => s.kind)).toEqual(["listItem"]);
    expect(segments[0].raw).toContain("Press the green button twice.");
  });

  it("leaves an MDX heading id out of the heading's text", () => {
    const [heading] = translations("## Paint the fence {/*painting*/}\n", "chores.mdx");
    expect(headingText(heading)).toBe("Paint the fence");
  });

  it("reads an aside's label as prose of its own and its content as blocks, the :::name line as neither", () => {
    const text = ":::caution[Hot surface]\nWait [ten minutes](/cooling) before you touch it.\n:::\n";
    expect(view(translations(text, "oven.mdx"))).toEqual([
      ["paragraph", "Hot surface"],
      ["paragraph", "Wait [ten minutes](/cooling) before you touch it."],
    ]);
  });

  it("reads the destination of an <a href> written as JSX, as it does an HTML one", () => {
    const text = 'Read <a href="https://example.org/guide" target="_blank">the guide</a> first.\n';
    const document = buildDocument(text, { filePath: "intro.mdx" });
    const destinations = writtenDestinations(document.root.children, text, /<a\b[^>]*?\shref\s*=\s*"([^"]*)"/gi);
    expect(destinations.map((d) => [d.url, text.slice(d.urlAt, d.urlAt! + d.url.length)])).toEqual([
      ["https://example.org/guide", "https://example.org/guide"],
    ]);
  });

  it("finds the anchors a JSX element names, as it does an HTML element's", () => {
    const text = '## Cooking {/*cooking*/}\n\n<Recipe titleId="soup-basics">\n\nBoil the water.\n\n</Recipe>\n\nGo to <span id="serving">the table</span>.\n';
    const document = buildDocument(text, { filePath: "kitchen.mdx" });
    expect([...anchorsOfNodes(document.root.children, text).ids].sort()).toEqual(["cooking", "recipe", "serving", "soup-basics"]);
  });

  it("does not pair import lines or component markup as prose left untranslated", () => {
    const en = "import Card from './Card.astro';\n\n<Card>\n\nFeed the cat every morning at seven.\n\n</Card>\n";
    const fr = "import Card from './Card.astro';\n\n<Card>\n\nNourrissez le chat chaque matin à sept heures.\n\n</Card>\n";
    const run = (ext: string) =>
      lint(fr, { filePath: `fr/pets${ext}`, source: { text: en, filePath: `en/pets${ext}` }, only: ["untranslated"], targetLanguage: "fr" }).findings;
    expect(run(".mdx")).toEqual([]);
    // Read as Markdown, the import line is a paragraph copied unchanged.
    expect(run(".md").map((f) => f.line)).toEqual([1]);
  });
});

describe("what is not valid MDX", () => {
  it("is read as Markdown, with one warning at the line MDX stopped at, and still linted", () => {
    const text = "# Title\n\nSome text.\n\nKeep fewer than 3 <4 jars open.\n\nMore text.\n";
    const { findings, document } = lint(text, { filePath: "page.mdx", only: [] });
    expect(findings.map((f) => [f.ruleId, f.line, f.severity])).toEqual([["mdx-syntax", 5, 1]]);
    expect(findings[0].message).toContain("read as Markdown");
    expect(document.segments.map((s) => s.raw)).toEqual(["# Title", "Some text.", "Keep fewer than 3 <4 jars open.", "More text."]);
  });

  it("names the source file when the source is the one that is not valid MDX", () => {
    const { findings } = lint("Du texte.\n", { filePath: "fr/a.mdx", source: { text: "Some <b text.\n", filePath: "en/a.mdx" }, only: [] });
    expect(findings.map((f) => [f.ruleId, f.side, f.filePath])).toEqual([["mdx-syntax", "source", "en/a.mdx"]]);
  });
});

describe("which files get which grammar", () => {
  it("reads a .md file as Markdown: a JSX-looking tag is HTML and :::note is text", () => {
    const text = ":::note\nKeep the lid on.\n:::\n";
    expect(view(translations(text, "kitchen.md"))).toEqual([["paragraph", ":::note\nKeep the lid on.\n:::"]]);
  });

  it("reads directives in a .md file when asked to, and MDX when asked to", () => {
    expect(view(translations(":::note\nKeep the lid on.\n:::\n", "kitchen.md", { directives: true }))).toEqual([["paragraph", "Keep the lid on."]]);
    expect(view(translations("import A from 'a';\n\nHello.\n", "kitchen.md", { mdx: true }))).toEqual([["paragraph", "Hello."]]);
  });

  it("takes the switches from the configuration file", () => {
    const dir = mkdtempSync(join(tmpdir(), "nl-lint-mdx-"));
    try {
      writeFileSync(join(dir, ".nl-lint.yaml"), "directives: true\n");
      writeFileSync(join(dir, "kitchen.md"), ":::note\nKeep the lid on.\n:::\n");
      const config = new ConfigLoader({ ruleSet: builtinRules, cwd: dir }).forFile(join(dir, "kitchen.md"));
      const { document } = lintFile(join(dir, "kitchen.md"), optionsForConfig({}, config, {}));
      expect(document?.segments.map((s) => s.raw)).toEqual(["Keep the lid on."]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("keeps directives off in an .mdx file when asked to", () => {
    expect(view(translations("See :::note\n", "a.mdx", { directives: false }))).toEqual([["paragraph", "See :::note"]]);
  });

  it("keeps offsets exact with a BOM and CRLF line ends", () => {
    const text = "\uFEFFimport A from 'a';\r\n\r\n:::tip[Mind the step]\r\nHold the rail.\r\n:::\r\n";
    const { document } = lint(text, { filePath: "stairs.mdx", only: [] });
    for (const s of document.segments) expect(document.text.slice(s.start, s.end)).toBe(s.raw);
    expect(document.segments.map((s) => s.raw)).toEqual(["Mind the step", "Hold the rail."]);
  });
});

describe("footnotes", () => {
  it("segments a footnote's text and pairs it with its translation", () => {
    const en = "Bread needs time.[^rise]\n\n[^rise]: Two hours at room temperature.\n";
    const pt = "O pão precisa de tempo.[^rise]\n\n[^rise]: Duas horas em temperatura ambiente.\n";
    const document = buildDocument(pt, { filePath: "pt/bread.md", source: { text: en, filePath: "en/bread.md" } });
    const pairs = document.pairs.map((p) => [p.sources.map((s) => s.raw), p.translations.map((t) => t.raw)]);
    expect(pairs).toEqual([
      [["Bread needs time.[^rise]"], ["O pão precisa de tempo.[^rise]"]],
      [["Two hours at room temperature."], ["Duas horas em temperatura ambiente."]],
    ]);
  });
});

describe("GitHub alerts", () => {
  it("pair as the block quotes they are, the [!NOTE] marker with its text", () => {
    const en = "Boil the water.\n\n> [!WARNING]\n> The handle gets hot.\n\nServe the tea.\n";
    const pt = "Ferva a água.\n\n> [!WARNING]\n> A alça esquenta.\n\nSirva o chá.\n";
    const { document, findings } = lint(pt, { filePath: "pt/tea.md", source: { text: en, filePath: "en/tea.md" }, targetLanguage: "pt-br" });
    expect(document.pairs.map((p) => [p.sources.map((s) => s.raw), p.translations.map((t) => t.raw)])).toEqual([
      [["Boil the water."], ["Ferva a água."]],
      [["[!WARNING]\n> The handle gets hot."], ["[!WARNING]\n> A alça esquenta."]],
      [["Serve the tea."], ["Sirva o chá."]],
    ]);
    expect(findings).toEqual([]);
  });
});
