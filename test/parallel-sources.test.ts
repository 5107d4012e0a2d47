import { describe, expect, it } from "vitest";
import { resolveSource, sourceFinder, type SourceQuery } from "../src/node/sources.js";

/** A file system of the paths given, for the resolver's `exists`. */
function files(...paths: string[]): (path: string) => boolean {
  const set = new Set(paths);
  return (path) => set.has(path);
}

const query = (partial: Partial<SourceQuery> & { filePath: string }): SourceQuery => ({ exists: () => false, ...partial });

describe("finding a translation's source file", () => {
  it("takes a front-matter `source` path, relative to the translation's folder", () => {
    const text = "---\ntitle: Notas\nsource: ../en/notes.md\n---\n\n# Notas\n";
    expect(resolveSource(query({ filePath: "/site/pt/notes.md", text, exists: files("/site/en/notes.md") }))).toEqual({
      kind: "source", path: "/site/en/notes.md", found: true, via: "front matter",
    });
  });

  it("ignores a front-matter `source` that credits a text rather than naming a Markdown file", () => {
    for (const value of ["Agência de Notícias", "https://example.org/original.md", "images/photo.png"]) {
      const text = `---\nsource: ${value}\n---\n\nTexto.\n`;
      expect(resolveSource(query({ filePath: "/site/pt/a.md", text })).kind).toBe("none");
    }
  });

  it("maps a {lang} pattern pair, keeping what `**` matched", () => {
    const pairs = { baseDir: "/repo", patterns: [{ source: "content/en/**", translation: "content/{lang}/**" }] };
    const exists = files("/repo/content/en/docs/intro/index.md");
    expect(resolveSource(query({ filePath: "/repo/content/pt-br/docs/intro/index.md", pairs, exists }))).toEqual({
      kind: "source", path: "/repo/content/en/docs/intro/index.md", found: true, via: "pairs",
    });
  });

  it("does not take a source file for its own translation when `{lang}` matches the source language", () => {
    const pairs = { baseDir: "/repo", patterns: [{ source: "content/en/**", translation: "content/{lang}/**" }] };
    expect(resolveSource(query({ filePath: "/repo/content/en/a.md", pairs, exists: files("/repo/content/en/a.md") })).kind).toBe("none");
  });

  it("maps file-name patterns such as `post.{lang}.md` ↔ `post.md`", () => {
    const pairs = { baseDir: "/blog", patterns: [{ source: "posts/*.md", translation: "posts/*.{lang}.md" }] };
    const result = resolveSource(query({ filePath: "/blog/posts/launch.fr.md", pairs, exists: files("/blog/posts/launch.md") }));
    expect(result).toMatchObject({ kind: "source", path: "/blog/posts/launch.md", found: true });
  });

  it("maps explicit file pairs whose names hold brackets, spaces and `#` literally", () => {
    const pairs = {
      baseDir: "/news",
      patterns: [
        { source: "2021-05 Issue #3.md", translation: "2021-05 Issue #3 [ES].md" },
        { source: "2021-06 Issue #4.md", translation: "Boletín 4 (junio).md" },
      ],
    };
    const exists = files("/news/2021-05 Issue #3.md", "/news/2021-06 Issue #4.md");
    expect(resolveSource(query({ filePath: "/news/Boletín 4 (junio).md", pairs, exists }))).toMatchObject({ path: "/news/2021-06 Issue #4.md", found: true });
    expect(resolveSource(query({ filePath: "/news/2021-05 Issue #3 [ES].md", pairs, exists }))).toMatchObject({ path: "/news/2021-05 Issue #3.md" });
    expect(resolveSource(query({ filePath: "/news/2021-05 Issue #3.md", pairs, exists })).kind).toBe("none");
  });

  it("reports a translation whose paired source does not exist as found: false", () => {
    const pairs = { baseDir: "/repo", patterns: [{ source: "en/**", translation: "{lang}/**" }] };
    expect(resolveSource(query({ filePath: "/repo/ja/new-page.md", pairs }))).toEqual({
      kind: "source", path: "/repo/en/new-page.md", found: false, via: "pairs",
    });
  });

  it("pairs a file under --source-root's sibling folder with the same relative path", () => {
    const sourceRoot = { root: "/docs/en", translationRoots: ["/docs/pt-br"] };
    const exists = files("/docs/en/guide/start.md");
    expect(resolveSource(query({ filePath: "/docs/pt-br/guide/start.md", sourceRoot, exists }))).toMatchObject({
      kind: "source", path: "/docs/en/guide/start.md", found: true, via: "--source-root",
    });
  });

  it("takes the source under another name of the same page (x.md, x/index.md, x/_index.md) when the same path is gone", () => {
    const sourceRoot = { root: "/docs/en", translationRoots: ["/docs/fr"] };
    const exists = files("/docs/en/sdk/php/_index.md", "/docs/en/mobile.md");
    expect(resolveSource(query({ filePath: "/docs/fr/sdk/php.md", sourceRoot, exists }))).toMatchObject({ path: "/docs/en/sdk/php/_index.md", found: true });
    expect(resolveSource(query({ filePath: "/docs/fr/mobile/index.md", sourceRoot, exists }))).toMatchObject({ path: "/docs/en/mobile.md", found: true });
  });

  it("still reports the same path as missing when no name of the page exists", () => {
    const sourceRoot = { root: "/docs/en", translationRoots: ["/docs/fr"] };
    expect(resolveSource(query({ filePath: "/docs/fr/old/page.md", sourceRoot, exists: files() }))).toMatchObject({ path: "/docs/en/old/page.md", found: false });
  });

  it("finds the relative path when the command line names the folder that holds every language", () => {
    const sourceRoot = { root: "/site/content/en", translationRoots: ["/site/content"] };
    const exists = files("/site/content/en/about.md");
    expect(resolveSource(query({ filePath: "/site/content/ja/about.md", sourceRoot, exists }))).toMatchObject({ path: "/site/content/en/about.md", found: true });
  });

  it("pairs with the command-line folder when the source root is not its sibling", () => {
    const sourceRoot = { root: "/repo/docs", translationRoots: ["/repo/i18n/fr/docs"] };
    const exists = files("/repo/docs/api/index.md");
    expect(resolveSource(query({ filePath: "/repo/i18n/fr/docs/api/index.md", sourceRoot, exists }))).toMatchObject({ path: "/repo/docs/api/index.md", found: true });
  });

  it("treats a file inside the source root as a source, not as a translation", () => {
    const sourceRoot = { root: "/docs/en", translationRoots: ["/docs"] };
    expect(resolveSource(query({ filePath: "/docs/en/a.md", sourceRoot })).kind).toBe("is-source");
  });

  it("asks the front matter first, then the pairs, then the source root", () => {
    const text = "---\nsource: original.md\n---\nTexto.\n";
    const pairs = { baseDir: "/d", patterns: [{ source: "en/**", translation: "pt/**" }] };
    const sourceRoot = { root: "/d/en", translationRoots: ["/d/pt"] };
    const exists = files("/d/pt/original.md", "/d/en/a.md");
    expect(resolveSource(query({ filePath: "/d/pt/a.md", text, pairs, sourceRoot, exists }))).toMatchObject({ via: "front matter" });
    expect(resolveSource(query({ filePath: "/d/pt/a.md", pairs, sourceRoot, exists }))).toMatchObject({ via: "pairs" });
    expect(resolveSource(query({ filePath: "/d/pt/a.md", sourceRoot, exists }))).toMatchObject({ via: "--source-root" });
  });

  it("leaves a file that nothing pairs alone (it is linted as inline or monolingual)", () => {
    expect(resolveSource(query({ filePath: "/blog/post.md", text: "# Post\n" })).kind).toBe("none");
  });
});

describe("the command line's source finder", () => {
  it("names the expected source even when it is missing, so the engine reports it once", () => {
    const finder = sourceFinder({ sourceRoot: "/docs/en", paths: ["/docs/pt-br"], pairsFor: () => undefined, exists: () => false });
    expect(finder.sourceFor("/docs/pt-br/new.md", "# Nova\n")).toBe("/docs/en/new.md");
    expect(finder.isSource("/docs/en/old.md")).toBe(true);
    expect(finder.isSource("/docs/pt-br/new.md")).toBe(false);
  });
});
