import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lint } from "../../src/core/lint.js";
import { driftedBlocks } from "../../src/drift/drift-blocks.js";
import { COMMIT_KEYS, DEFAULT_DRIFT_POLICY, findDrift, type DriftPolicy } from "../../src/drift/drift.js";
import { IGNORE_NOTHING, IGNORE_TRIVIAL, significantDrift, trivialEdit } from "../../src/drift/trivial-edits.js";
import { GitHistory } from "../../src/node/git.js";
import { grammarFor } from "../../src/parse/parse.js";
import { hasGit, repository } from "../helpers/git-repo.js";

// Source: a heading (line 1), then three paragraphs (lines 3–4, 6, 8), the first wrapped on two lines.
const SOURCE = [
  "# Setup",
  "",
  "Install the tool with the package manager of",
  "your system, then check its version.",
  "",
  "Read the [manual](https://example.org/manual) for the 12 options.",
  "",
  "Its the 7th step of the guide.",
  "",
].join("\n");
const TRANSLATION = [
  "# Configuração",
  "",
  "Instale a ferramenta com o gerenciador de pacotes do seu sistema e confira a versão.",
  "",
  "Leia o [manual](https://example.org/manual) sobre as 12 opções.",
  "",
  "É o 7º passo do guia.",
  "",
].join("\n");

function driftOf(dir: string, policy: DriftPolicy = DEFAULT_DRIFT_POLICY) {
  const sourcePath = join(dir, "en/setup.md");
  const translationPath = join(dir, "pt/setup.md");
  const sourceText = readFileSync(sourcePath, "utf8");
  const { document } = lint(readFileSync(translationPath, "utf8"), { filePath: translationPath, source: { text: sourceText, filePath: sourcePath }, only: [] });
  const drift = findDrift({ translationPath, frontMatter: document.frontMatter, stamp: () => undefined, sourcePath, sourceText, commitKeys: COMMIT_KEYS, policy }, new GitHistory());
  return { drift, blocks: drift.known ? driftedBlocks(document, drift) : [] };
}

/** A repository where the translation was committed, then the source edited by `edit` in a commit titled `message`. */
function editedAfterTranslation(edit: (text: string) => string, message = "edit the source") {
  const repo = repository();
  repo.write("en/setup.md", SOURCE);
  repo.write("pt/setup.md", TRANSLATION);
  repo.commit("source and translation");
  repo.write("en/setup.md", edit(SOURCE));
  repo.commit(message);
  return repo;
}

describe("which edits need no re-translation", () => {
  it("whitespace and rewrapping", () => {
    expect(trivialEdit("one two\nthree four", "one two three\nfour", IGNORE_TRIVIAL)).toBe("whitespace or line wrapping only");
  });
  it("punctuation, but not digits a mark joins", () => {
    expect(trivialEdit("Its done, mostly", "It's done — mostly.", IGNORE_TRIVIAL)).toBe("punctuation only");
    expect(trivialEdit("version 1.5 works", "version 15 works", IGNORE_TRIVIAL)).toBeUndefined();
  });
  it("where a link points, not its label or a new link", () => {
    expect(trivialEdit("see [the guide](old/a.md)", "see [the guide](new/b.md#top)", IGNORE_TRIVIAL)).toBe("link target only");
    expect(trivialEdit('[guide]: https://a.example/x "Guide"', '[guide]: https://b.example/y "Guide"', IGNORE_TRIVIAL)).toBe("link target only");
    expect(trivialEdit("see [the guide](a.md)", "see [the manual](a.md)", IGNORE_TRIVIAL)).toBeUndefined();
    expect(trivialEdit("see the guide", "see [the guide](a.md)", IGNORE_TRIVIAL)).toBeUndefined();
  });
  it("emphasis and a changed word count", () => {
    expect(trivialEdit("a short list", "a *short* list", IGNORE_TRIVIAL)).toBeUndefined();
    expect(trivialEdit("a short list", "a long list", IGNORE_TRIVIAL)).toBeUndefined();
  });
  it("marks inside code are code, which a translation copies: they count", () => {
    expect(trivialEdit("call `user.name` here", "call `user?.name` here", IGNORE_TRIVIAL)).toBeUndefined();
    expect(trivialEdit("call `f(x)` here.", "call `f(x)` here!", IGNORE_TRIVIAL)).toBe("punctuation only");
    const fenced = (line: string) => `Intro.\n\n\`\`\`js\n${line}\n\`\`\`\n`;
    expect(significantDrift(fenced("const a = b.c;"), fenced("const a = b?.c;"), IGNORE_TRIVIAL).changedLines).toEqual([[4, 4]]);
    expect(significantDrift(fenced("x"), fenced("x").replace("Intro.", "Intro!"), IGNORE_TRIVIAL).changedLines).toEqual([]);
  });

  it("nothing is trivial when trivial edits are counted", () => {
    expect(trivialEdit("one two\nthree", "one\ntwo three", IGNORE_NOTHING)).toBeUndefined();
  });
});

describe("trivial edits are read with the Markdown grammar, not patterns", () => {
  const changedLines = (before: string, after: string) => significantDrift(before, after, IGNORE_TRIVIAL).changedLines;

  it("brackets and attributes inside code spans or prose are not links", () => {
    expect(trivialEdit("type `m](left right` here", "type `m](top right` here", IGNORE_TRIVIAL)).toBeUndefined();
    expect(trivialEdit("set `src=one.png` first", "set `src=two.png` first", IGNORE_TRIVIAL)).toBeUndefined();
    expect(trivialEdit("then write href=old.html by hand", "then write href=new.html by hand", IGNORE_TRIVIAL)).toBeUndefined();
    // Not a definition: a definition's title must be quoted, so this is a sentence.
    expect(trivialEdit("[Note]: keep this short", "[Note]: keep that short", IGNORE_TRIVIAL)).toBeUndefined();
  });

  it("destinations with nested or escaped parentheses and angle brackets", () => {
    expect(trivialEdit("the [wiki](w/Box_(a_(b))_one) page", "the [wiki](w/Box_(a_(b))_two) page", IGNORE_TRIVIAL)).toBe("link target only");
    expect(trivialEdit("the [wiki](w/x\\)one) page", "the [wiki](w/y\\)two) page", IGNORE_TRIVIAL)).toBe("link target only");
    expect(trivialEdit("an ![icon](<img/my icon.png> \"Icon\") here", "an ![icon](<pics/your icon.svg> \"Icon\") here", IGNORE_TRIVIAL)).toBe("link target only");
    expect(trivialEdit("an ![icon](a.png \"Icon\") here", "an ![icon](a.png \"Logo\") here", IGNORE_TRIVIAL)).toBeUndefined();
  });

  it("an autolink, a definition written over two lines or in a quote, and an HTML attribute", () => {
    expect(trivialEdit("mail <https://one.example/list> today", "mail <https://two.example/lists> today", IGNORE_TRIVIAL)).toBe("link target only");
    expect(trivialEdit("[spec]:\n  https://one.example/spec", "[spec]:\n  https://two.example/v2", IGNORE_TRIVIAL)).toBe("link target only");
    expect(changedLines("Text [spec].\n\n[spec]:\n  https://one.example/spec\n", "Text [spec].\n\n[spec]:\n  https://two.example/v2\n")).toEqual([]);
    expect(trivialEdit("> see [it][x]\n>\n> [x]: one.html", "> see [it][x]\n>\n> [x]: two.html", IGNORE_TRIVIAL)).toBe("link target only");
    expect(trivialEdit('<img alt="Logo" src="a.png">', '<img alt="Logo" src="b/c.png">', IGNORE_TRIVIAL)).toBe("link target only");
    expect(trivialEdit('<img alt="Logo" src="a.png">', '<img alt="Icon" src="a.png">', IGNORE_TRIVIAL)).toBeUndefined();
  });

  it("code blocks indented, in a list item or a quote, or fenced with tildes count at every mark", () => {
    const inList = (code: string) => `Steps:\n\n1.  Build it:\n\n    \`\`\`sh\n    ${code}\n    \`\`\`\n`;
    expect(changedLines(inList("make a.b"), inList("make ab"))).toEqual([[6, 6]]);
    const quoted = (code: string) => `Note:\n\n> \`\`\`\n> ${code}\n> \`\`\`\n`;
    expect(changedLines(quoted("x.y()"), quoted("x?.y()"))).toEqual([[4, 4]]);
    const indented = (code: string) => `Example:\n\n    ${code}\n\nDone.\n`;
    expect(changedLines(indented("let a = b.c;"), indented("let a = b?.c;"))).toEqual([[3, 3]]);
    const tildes = (code: string) => `Example:\n\n~~~\n\`\`\`\n${code}\n~~~\n`;
    expect(changedLines(tildes("f(a, b)"), tildes("f(a b)"))).toEqual([[5, 5]]);
  });

  it("an MDX page is read as MDX: indented lines in a component are prose, and a JSX href is a target", () => {
    const mdx = grammarFor({ filePath: "page.mdx" });
    const page = (line: string, href: string) => `<Card>\n\n    ${line}\n\n</Card>\n\nSee <a href="${href}">the list</a>.\n`;
    expect(significantDrift(page("Its quick.", "a.html"), page("It's quick.", "b/a.html"), IGNORE_TRIVIAL, mdx)).toEqual({
      changedLines: [],
      removedAfter: [],
      ignored: [
        { lines: [3, 3], reason: "punctuation only" },
        { lines: [7, 7], reason: "link target only" },
      ],
    });
    // Read as Markdown, the same indented line is a code block, where every mark counts.
    expect(significantDrift(page("Its quick.", "a.html"), page("It's quick.", "a.html"), IGNORE_TRIVIAL).changedLines).toEqual([[3, 3]]);
  });

  it("a line that only looks like a fence opens no code block after it", () => {
    // Backticks in a backtick fence's info string make it a paragraph, so what follows is prose.
    const text = (end: string) => `\`\`\` not\`a fence\n\nIts over${end}\n`;
    expect(changedLines(text(""), text("."))).toEqual([]);
  });
});

describe.skipIf(!hasGit())("drift ignores edits and commits that need no re-translation", () => {
  it("a typo fixed by punctuation alone leaves the translation current, and says why", () => {
    const repo = editedAfterTranslation((t) => t.replace("Its the 7th", "It's the 7th"), "apostrophe");
    const { drift, blocks } = driftOf(repo.dir);
    expect(drift.known).toBe(true);
    expect(blocks).toEqual([]);
    expect(drift.ignored).toEqual([{ lines: [8, 8], reason: "punctuation only" }]);
  });

  it("a rewrapped paragraph and a moved link target are not drift, unless trivial edits are counted", () => {
    const edit = (t: string) =>
      t.replace("manager of\nyour system, then", "manager\nof your system, then").replace("https://example.org/manual", "https://example.org/docs/manual");
    const repo = editedAfterTranslation(edit);
    const ignoring = driftOf(repo.dir);
    expect(ignoring.blocks).toEqual([]);
    expect(ignoring.drift.ignored.map((i) => i.reason)).toEqual(["whitespace or line wrapping only", "link target only"]);
    const counting = driftOf(repo.dir, { ...DEFAULT_DRIFT_POLICY, ignore: IGNORE_NOTHING });
    // Two neighbouring blocks changed: one place in the translation to revisit.
    expect(counting.blocks.map((b) => b.sourceLines)).toEqual([[[3, 4], [6, 6]]]);
  });

  it("a commit whose message has a skip keyword is skipped, and a later real change still counts", () => {
    const repo = editedAfterTranslation((t) => t.replace("check its version", "check its release"), "Fix typo in the setup page");
    repo.write("en/setup.md", readFileSync(join(repo.dir, "en/setup.md"), "utf8").replace("the 12 options", "the 14 options"));
    repo.commit("document two more options");
    const { drift, blocks } = driftOf(repo.dir);
    expect(blocks.map((b) => [b.change, b.sourceLines])).toEqual([["changed", [[6, 6]]]]);
    expect(drift.ignored.map((i) => i.reason)).toEqual(['commit "Fix typo in the setup page" skipped: its message has "fix typo"', "changed only by skipped commits"]);
  });

  it("the keyword may stand in the message's body, and the list is configurable", () => {
    const repo = editedAfterTranslation((t) => t.replace("check its version", "check its release"), "wording\n\n[l10n: none]");
    expect(driftOf(repo.dir).blocks).toHaveLength(1);
    expect(driftOf(repo.dir, { ...DEFAULT_DRIFT_POLICY, skipKeywords: ["[L10N: none]"] }).blocks).toEqual([]);
  });

  it("a real change is outdated at the right blocks, with its translation", () => {
    const repo = editedAfterTranslation((t) => t.replace("then check its version.", "then restart and check its version.").replace("7th step", "8th step"));
    const { drift, blocks } = driftOf(repo.dir);
    expect(drift.ignored).toEqual([]);
    expect(blocks.map((b) => [b.change, b.sourceLines, b.translation && [b.translation.firstLine, b.translation.lastLine]])).toEqual([
      ["changed", [[4, 4]], [3, 3]],
      ["changed", [[8, 8]], [7, 7]],
    ]);
  });
});
