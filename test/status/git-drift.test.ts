import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repository, tempFolder } from "../helpers/git-repo.js";
import { lint } from "../../src/core/lint.js";
import { driftedBlocks } from "../../src/drift/drift-blocks.js";
import { COMMIT_KEYS, findDrift } from "../../src/drift/drift.js";
import { driftSinceStamp } from "../../src/drift/fingerprint.js";
import { GitHistory } from "../../src/node/git.js";

// The source: a heading (line 1), three paragraphs (lines 3, 5, 7). Numbers and URLs let the
// aligner pair each paragraph with its translation whatever the words.
const SOURCE_V1 = "# Guide\n\nStep 1: open https://example.org/a in a browser.\n\nStep 2: type the 4 digit code.\n\nStep 3: press the 9 key.\n";
const SOURCE_V2 = SOURCE_V1.replace("type the 4 digit code.", "type the 6 digit code you received.");
const TRANSLATION = "# Guia\n\nPasso 1: abra https://example.org/a em um navegador.\n\nPasso 2: digite o código de 4 dígitos.\n\nPasso 3: aperte a tecla 9.\n";

function translationWith(frontMatter: string): string {
  return `---\n${frontMatter}\n---\n${TRANSLATION}`;
}

function driftOf(dir: string, translationPath: string, sourcePath: string) {
  const text = readFileSync(join(dir, translationPath), "utf8");
  const sourceText = readFileSync(join(dir, sourcePath), "utf8");
  const { document } = lint(text, { filePath: join(dir, translationPath), source: { text: sourceText, filePath: join(dir, sourcePath) }, only: [] });
  const drift = findDrift(
    { translationPath: join(dir, translationPath), frontMatter: document.frontMatter, stamp: () => driftSinceStamp(document), sourcePath: join(dir, sourcePath), sourceText, commitKeys: COMMIT_KEYS },
    new GitHistory(),
  );
  const blocks = drift.known ? driftedBlocks(document, drift) : [];
  return { drift, blocks, translationLines: blocks.map((b) => b.translation && [b.translation.firstLine, b.translation.lastLine]) };
}

describe("drift from git history (no commit recorded)", () => {
  it("a translation committed before its source changed is behind, at the changed paragraph", () => {
    const repo = repository();
    repo.write("en/guide.md", SOURCE_V1);
    repo.commit("source");
    repo.write("pt/guide.md", TRANSLATION);
    const translated = repo.commit("translation");
    repo.write("en/guide.md", SOURCE_V2);
    const change = repo.commit("source: a longer code");
    const { drift, blocks, translationLines } = driftOf(repo.dir, "pt/guide.md", "en/guide.md");
    expect(drift.method).toBe("git history");
    expect(drift.base).toBe(translated);
    expect(drift.commits.map((c) => c.hash)).toEqual([change]);
    expect(blocks.map((b) => [b.change, b.sourceLines])).toEqual([["changed", [[5, 5]]]]);
    expect(translationLines).toEqual([[5, 5]]);
  });

  it("a translation committed after the source changed is current", () => {
    const repo = repository();
    repo.write("en/guide.md", SOURCE_V1);
    repo.commit("source");
    repo.write("en/guide.md", SOURCE_V2);
    repo.commit("source: a longer code");
    repo.write("pt/guide.md", TRANSLATION);
    repo.commit("translation");
    const { drift, blocks } = driftOf(repo.dir, "pt/guide.md", "en/guide.md");
    expect(drift).toMatchObject({ method: "git history", known: true, commits: [] });
    expect(blocks).toEqual([]);
  });

  it("a source and translation changed in one commit are current together", () => {
    const repo = repository();
    repo.write("en/guide.md", SOURCE_V2);
    repo.write("pt/guide.md", TRANSLATION);
    repo.commit("both");
    expect(driftOf(repo.dir, "pt/guide.md", "en/guide.md").blocks).toEqual([]);
  });

  it("a source changed in the work tree, not committed yet, already counts", () => {
    const repo = repository();
    repo.write("en/guide.md", SOURCE_V1);
    repo.write("pt/guide.md", TRANSLATION);
    repo.commit("both");
    repo.write("en/guide.md", SOURCE_V1.replace("press the 9 key.", "press the 9 key twice."));
    const { drift, blocks } = driftOf(repo.dir, "pt/guide.md", "en/guide.md");
    expect(drift.commits).toEqual([]);
    expect(blocks.map((b) => b.sourceLines)).toEqual([[[7, 7]]]);
  });

  it("follows a source renamed after the translation, and names only what its edit changed", () => {
    const repo = repository();
    repo.write("en/guide.md", SOURCE_V1);
    repo.write("pt/guide.md", translationWith("source: ../en/getting-started.md"));
    repo.commit("both");
    repo.git("mv", "en/guide.md", "en/getting-started.md");
    const renamed = repo.commit("rename the source");
    repo.write("en/getting-started.md", SOURCE_V2);
    const edited = repo.commit("edit the source");
    const { drift, blocks } = driftOf(repo.dir, "pt/guide.md", "en/getting-started.md");
    expect(drift.commits.map((c) => c.hash)).toEqual([edited, renamed]);
    expect(blocks.map((b) => b.sourceLines)).toEqual([[[5, 5]]]);
  });

  it("a translation only renamed since is still behind: a rename is no work on its text", () => {
    const repo = repository();
    repo.write("en/guide.md", SOURCE_V1);
    repo.write("pt/guide.md", TRANSLATION);
    const both = repo.commit("both");
    repo.write("en/guide.md", SOURCE_V2);
    repo.commit("source edit");
    repo.git("mv", "pt/guide.md", "pt/guia.md");
    repo.commit("rename the translation");
    const { drift, blocks } = driftOf(repo.dir, "pt/guia.md", "en/guide.md");
    expect(drift.base).toBe(both);
    expect(blocks).toHaveLength(1);
  });

  it("a translation with no commit cannot be placed in history: unknown, with the reason", () => {
    const repo = repository();
    repo.write("en/guide.md", SOURCE_V1);
    repo.commit("source");
    repo.write("pt/guide.md", TRANSLATION);
    const { drift } = driftOf(repo.dir, "pt/guide.md", "en/guide.md");
    expect(drift).toMatchObject({ method: "none", known: false, notes: ["the translation has no commit yet"] });
  });
});

describe("drift from a commit recorded in front matter", () => {
  it("compares with the source at the recorded commit, whatever the translation's own commits say", () => {
    const repo = repository();
    repo.write("en/guide.md", SOURCE_V1);
    const v1 = repo.commit("source v1");
    repo.write("en/guide.md", SOURCE_V2);
    const v2 = repo.commit("source v2");
    // Committed after v2, but translated from v1: git history alone would call it current.
    repo.write("pt/guide.md", translationWith(`default_lang_commit: ${v1}`));
    repo.commit("translation");
    const { drift, blocks, translationLines } = driftOf(repo.dir, "pt/guide.md", "en/guide.md");
    expect(drift).toMatchObject({ method: "recorded commit", base: v1 });
    expect(drift.commits.map((c) => c.hash)).toEqual([v2]);
    expect(drift.since).toContain("default_lang_commit");
    expect(blocks.map((b) => b.sourceLines)).toEqual([[[5, 5]]]);
    // Three front-matter lines move the translation's paragraph to line 8.
    expect(translationLines).toEqual([[8, 8]]);
  });

  it("reads the nested l10n.sourceCommit and an abbreviated hash", () => {
    const repo = repository();
    repo.write("en/guide.md", SOURCE_V1);
    const v1 = repo.commit("source v1");
    repo.write("pt/guide.md", `---\nl10n:\n  sourceCommit: ${v1.slice(0, 10)}\n---\n${TRANSLATION}`);
    repo.commit("translation");
    const { drift, blocks } = driftOf(repo.dir, "pt/guide.md", "en/guide.md");
    expect(drift).toMatchObject({ method: "recorded commit", base: v1 });
    expect(blocks).toEqual([]);
  });

  it("finds the source under its name at the recorded commit when it was renamed since", () => {
    const repo = repository();
    repo.write("en/old-name.md", SOURCE_V1);
    const v1 = repo.commit("source v1");
    repo.git("mv", "en/old-name.md", "en/guide.md");
    repo.commit("rename");
    repo.write("en/guide.md", SOURCE_V1.replace("Step 1: open", "Step 1: first open"));
    repo.commit("edit");
    repo.write("pt/guide.md", translationWith(`sourceCommit: ${v1}`));
    repo.commit("translation");
    const { drift, blocks } = driftOf(repo.dir, "pt/guide.md", "en/guide.md");
    expect(drift.commits).toHaveLength(2);
    expect(blocks.map((b) => b.sourceLines)).toEqual([[[3, 3]]]);
  });

  it("a recorded commit the repository does not have (rewritten history) falls back to git history, saying so", () => {
    const repo = repository();
    repo.write("en/guide.md", SOURCE_V1);
    repo.write("pt/guide.md", translationWith("default_lang_commit: 0123456789abcdef0123456789abcdef01234567"));
    repo.commit("both");
    repo.write("en/guide.md", SOURCE_V2);
    repo.commit("source edit");
    const { drift, blocks } = driftOf(repo.dir, "pt/guide.md", "en/guide.md");
    expect(drift.method).toBe("git history");
    expect(drift.notes[0]).toMatch(/default_lang_commit is not in the source's repository/);
    expect(blocks.map((b) => b.sourceLines)).toEqual([[[5, 5]]]);
  });

  it("outside git a recorded commit says nothing: unknown, with the reason", () => {
    const dir = tempFolder("nl-lint-nogit-");
    mkdirSync(join(dir, "en"));
    mkdirSync(join(dir, "pt"));
    writeFileSync(join(dir, "en/guide.md"), SOURCE_V2);
    writeFileSync(join(dir, "pt/guide.md"), translationWith("default_lang_commit: 0123456789abcdef0123456789abcdef01234567"));
    const { drift } = driftOf(dir, "pt/guide.md", "en/guide.md");
    expect(drift.known).toBe(false);
    expect(drift.notes[0]).toBe("default_lang_commit is recorded, but the source is not in a git repository");
  });
});

describe("line comparison", () => {
  it("ignores spacing within a line and blank lines, not indentation", async () => {
    const { lineDrift } = await import("../../src/drift/drift.js");
    expect(lineDrift("a  b\nc\n", "a b  \nc\n")).toEqual({ changedLines: [], removedAfter: [] });
    expect(lineDrift("- a\n  - b\n", "- a\n- b\n")).toEqual({ changedLines: [[2, 2]], removedAfter: [] });
    // A blank line going is no removal; a line of text going is one, after the line before it.
    expect(lineDrift("x\n\ny\nz\n", "x\ny\n")).toEqual({ changedLines: [], removedAfter: [2] });
  });
});
