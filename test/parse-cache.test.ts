import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lint, type LintOptions, type LintResult } from "../src/core/lint.js";
import { ParseCache } from "../src/parse/parse-cache.js";

// A made-up inline bilingual post: English in comments, Portuguese beside it, with what makes the
// comments' parse depend on the rest of the page (reference definitions, definitions inside a
// comment, a list, a quote, a comment opened on each line).
const POST = [
  "---",
  "lang: pt-BR",
  "---",
  "",
  "<!-- # Notes from the workshop -->",
  "# Notas da oficina",
  "",
  "<!-- We read [the guide][guide] twice and then the [manual] once. -->",
  "Lemos [o guia][guide] duas vezes e depois o [manual] uma vez.",
  "",
  "<!--",
  "- first item with `code`",
  "- second item, see https://example.org/a",
  "-->",
  "- primeiro item com `code`",
  "- segundo item, veja https://example.org/a",
  "",
  "<!-- > A quoted line about the weather in 2024. -->",
  "> Uma linha citada sobre o tempo em 2024.",
  "",
  "<!-- The first line of a long sentence",
  "<!-- goes on in a second comment line. -->",
  "A primeira linha de uma frase longa continua numa segunda linha.",
  "",
  "<!-- [manual]: https://example.org/manual -->",
  "",
  "[guide]: https://example.org/guide",
  "",
].join("\n");

const OPTIONS: LintOptions = { filePath: "notes.pt-br.md" };

/** What a lint found and how it read the page: every finding, segment and pair, positions included. */
function outcome(result: LintResult): unknown {
  const { document } = result;
  return JSON.parse(JSON.stringify({
    findings: result.findings,
    mode: document.mode,
    segments: document.segments,
    pairs: document.pairs.map((p) => ({ sources: p.sources.map((s) => s.id), translations: p.translations.map((t) => t.id) })),
    nestingCuts: document.nestingCuts,
    root: document.root,
  }));
}

/** `text` with `inserted` put at the first place `after` ends. */
function insertAfter(text: string, after: string, inserted: string): string {
  const at = text.indexOf(after);
  if (at < 0) throw new Error(`not in the post: ${after}`);
  return text.slice(0, at + after.length) + inserted + text.slice(at + after.length);
}

describe("a lint with a parse cache kept from the last lint", () => {
  const edits: Array<[string, (text: string) => string]> = [
    ["a letter typed in a translation", (t) => insertAfter(t, "duas vezes", "x")],
    ["a letter typed inside a comment", (t) => insertAfter(t, "We read", "x")],
    ["a line added before every comment", (t) => insertAfter(t, "---\n", "\nUma linha nova.\n")],
    ["a definition the comments use, changed", (t) => t.replace("https://example.org/guide", "https://example.org/other")],
    ["a comment's closing mark removed", (t) => t.replace("weather in 2024. -->", "weather in 2024.")],
    ["a comment opened on every line, joined", (t) => t.replace("sentence\n<!-- goes", "sentence goes")],
    ["a list made a code block by a fence", (t) => insertAfter(t, "<!--\n", "```\n")],
    ["the front matter's language removed", (t) => t.replace("lang: pt-BR\n", "")],
  ];

  for (const [what, edit] of edits) {
    it(`finds what a fresh lint finds after ${what}`, () => {
      const cache = new ParseCache();
      lint(POST, { ...OPTIONS, parseCache: cache });
      const edited = edit(POST);
      expect(edited).not.toBe(POST);
      expect(outcome(lint(edited, { ...OPTIONS, parseCache: cache }))).toEqual(outcome(lint(edited, OPTIONS)));
    });
  }

  it("parses only the document again after a letter typed in a translation, and the comment typed into", () => {
    const cache = new ParseCache();
    lint(POST, { ...OPTIONS, parseCache: cache });
    const first = cache.parsed;
    lint(insertAfter(POST, "duas vezes", "x"), { ...OPTIONS, parseCache: cache });
    // The document is read twice: the second time with the definition only a comment has.
    expect(cache.parsed - first).toBe(2);
    const before = cache.parsed;
    lint(insertAfter(POST, "We read", "x"), { ...OPTIONS, parseCache: cache });
    // The comment typed into is read twice too: its bracketed words may be references to a definition nothing has.
    expect(cache.parsed - before).toBe(4);
  });

  it("keeps only what the last lint used", () => {
    const cache = new ParseCache();
    lint(POST, { ...OPTIONS, parseCache: cache });
    const kept = cache.size;
    for (let k = 1; k <= 5; k++) lint(insertAfter(POST, "We read", "x".repeat(k)), { ...OPTIONS, parseCache: cache });
    expect(cache.size).toBe(kept);
  });

  it("gives a parallel translation's findings as a fresh lint does, its source's tree kept", () => {
    const source = { text: "# Title\n\nA paragraph with a [link](https://example.org/x).\n\n- one\n- two\n", filePath: "en/page.md" };
    const translation = "# Título\n\nUm parágrafo com um [link](https://example.org/y).\n\n- um\n- dois\n";
    const options: LintOptions = { filePath: "pt/page.md", source };
    const cache = new ParseCache();
    lint(translation, { ...options, parseCache: cache });
    const edited = translation.replace("parágrafo", "parágrafox");
    expect(outcome(lint(edited, { ...options, parseCache: cache }))).toEqual(outcome(lint(edited, options)));
  });

  it("finds what a fresh lint finds after any run of random edits (property)", () => {
    const piece = fc.constantFrom("a", " ", "\n", "\n\n", "<!--", "-->", "<!-- x -->", "[", "]", "(", ")", "*", "`", "```", "- ", "> ", "# ", "[guide]: https://example.org/g\n", "\\\\");
    const edit = fc.tuple(fc.nat(), fc.nat({ max: 6 }), fc.array(piece, { maxLength: 3 })).map(([at, cut, pieces]) => ({ at, cut, text: pieces.join("") }));
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (steps) => {
        const cache = new ParseCache();
        let text = POST;
        lint(text, { ...OPTIONS, parseCache: cache });
        for (const step of steps) {
          const at = step.at % (text.length + 1);
          text = text.slice(0, at) + step.text + text.slice(at + step.cut);
          expect(outcome(lint(text, { ...OPTIONS, parseCache: cache }))).toEqual(outcome(lint(text, OPTIONS)));
        }
      }),
      { seed: 20261203, numRuns: Number(process.env.NL_LINT_PROPERTY_RUNS ?? 15) },
    );
  }, 120_000);
});
