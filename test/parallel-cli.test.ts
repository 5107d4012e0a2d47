import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../src/cli/main.js";
import { capturedIO } from "./helpers/cli.js";

const root = join(import.meta.dirname, "..");

const fakeIO = () => capturedIO(root);

interface JsonResult {
  filePath: string;
  sourceFilePath?: string;
  messages: Array<{ ruleId: string; line: number; message: string }>;
}

async function lintJson(args: string[]): Promise<JsonResult[]> {
  const t = fakeIO();
  const code = await run(["--format", "json", ...args], t.io);
  expect(code, t.stderr()).toBeLessThan(2);
  return JSON.parse(t.stdout()) as JsonResult[];
}

const rel = (path: string | undefined) => (path === undefined ? undefined : relative(root, path));

describe("nl-lint --source-root", () => {
  it("lints each translation against the file at the same relative path, and not the sources themselves", async () => {
    const results = await lintJson(["--source-root", "fixtures/parallel/en", "fixtures/parallel/pt-br"]);
    expect(results.map((r) => [rel(r.filePath), rel(r.sourceFilePath)])).toEqual([
      ["fixtures/parallel/pt-br/components.md", "fixtures/parallel/en/components.md"],
      ["fixtures/parallel/pt-br/hugo.md", "fixtures/parallel/en/hugo.md"],
      ["fixtures/parallel/pt-br/install.md", "fixtures/parallel/en/install.md"],
      ["fixtures/parallel/pt-br/links.md", "fixtures/parallel/en/links.md"],
      ["fixtures/parallel/pt-br/regions.md", "fixtures/parallel/en/regions.md"],
      ["fixtures/parallel/pt-br/roadmap.md", undefined],
    ]);
  });

  it("reports a translation without a source once", async () => {
    const results = await lintJson(["--source-root", "fixtures/parallel/en", "fixtures/parallel/pt-br/roadmap.md"]);
    expect(results).toHaveLength(1);
    expect(results[0].messages.map((m) => m.ruleId)).toEqual(["missing-source"]);
    expect(results[0].messages[0].message).toContain(join("fixtures", "parallel", "en", "roadmap.md"));
    // Not "deleted or moved during the run": the page was never in the source tree.
    expect(results[0].messages[0].message).toMatch(/^No source file at /);
  });

  it("skips the source tree when the command line names the folder that holds every language", async () => {
    const results = await lintJson(["--source-root", "fixtures/parallel/en", "fixtures/parallel"]);
    const linted = results.map((r) => rel(r.filePath)!);
    expect(linted.some((f) => f.startsWith("fixtures/parallel/en/"))).toBe(false);
    expect(linted).toContain("fixtures/parallel/ja/install.md");
    const ja = results.find((r) => rel(r.filePath) === "fixtures/parallel/ja/install.md")!;
    expect(rel(ja.sourceFilePath)).toBe("fixtures/parallel/en/install.md");
  });

  it("pairs a translation with the source its front matter names", async () => {
    const results = await lintJson(["fixtures/parallel/front-matter/anuncio.md"]);
    expect(rel(results[0].sourceFilePath)).toBe("fixtures/parallel/front-matter/announcement.md");
  });

  it("lints a post that keeps its source in comments inline, and names no source file for it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nl-lint-parallel-"));
    writeFileSync(join(dir, "post.md"), "# News\n\nThe team shipped version 3 with faster builds.\n\nIt also fixed 12 bugs.\n");
    const inline = [
      "---\nsource: post.md\n---",
      "<!-- # News -->",
      "# Novidades",
      "<!-- The team shipped version 3 with faster builds. -->",
      "A equipe lançou a versão 3 com builds mais rápidos.",
      "<!-- It also fixed 12 bugs. -->",
      "Ela também corrigiu 12 bugs.",
    ].join("\n\n");
    writeFileSync(join(dir, "post.pt-br.md"), `${inline}\n`);
    const t = fakeIO();
    expect(await run(["--format", "json", join(dir, "post.pt-br.md")], t.io)).toBeLessThan(2);
    const [result] = JSON.parse(t.stdout()) as JsonResult[];
    expect(result.sourceFilePath).toBeUndefined();
  });

  it("shows the parallel pairs with --print-pairs", async () => {
    const t = fakeIO();
    expect(await run(["--print-pairs", "--source-root", "fixtures/parallel/en", "fixtures/parallel/pt-br/links.md"], t.io)).toBe(0);
    expect(t.stdout()).toContain("mode: parallel; 4 pairs, 0 unpaired source segments, 0 unpaired translation segments");
  });
});

describe("--source-root and file names on the command line", () => {
  it("exits 2 and says so when --source-root names no folder", async () => {
    const t = fakeIO();
    expect(await run(["--source-root", "fixtures/parallel/english", "fixtures/parallel/pt-br"], t.io)).toBe(2);
    expect(t.stderr()).toBe("nl-lint: fixtures/parallel/english: no such folder: --source-root must name the folder that holds the source files\n");
    expect(t.stdout()).toBe("");
  });

  it("exits 2 when --source-root names a file", async () => {
    const t = fakeIO();
    expect(await run(["--source-root", "fixtures/parallel/en/install.md", "fixtures/parallel/pt-br"], t.io)).toBe(2);
    expect(t.stderr()).toContain("no such folder");
  });

  it("finds Markdown in a folder whatever the case of its extension, and pairs it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nl-lint-case-"));
    for (const language of ["en", "pt"]) mkdirSync(join(dir, language));
    writeFileSync(join(dir, "en", "GUIDE.MD"), "# Guide\n\nRead the guide before you start.\n");
    writeFileSync(join(dir, "pt", "GUIDE.MD"), "# Guia\n\nLeia o guia antes de começar.\n");
    writeFileSync(join(dir, "pt", "Notes.Md"), "# Notas\n\nNotas soltas.\n");
    const t = fakeIO();
    const code = await run(["--format", "json", "--source-root", join(dir, "en"), join(dir, "pt")], t.io);
    expect(code, t.stderr()).toBeLessThan(2);
    const results = JSON.parse(t.stdout()) as JsonResult[];
    expect(results.map((r) => [relative(dir, r.filePath), r.sourceFilePath && relative(dir, r.sourceFilePath)])).toEqual([
      [join("pt", "GUIDE.MD"), join("en", "GUIDE.MD")],
      [join("pt", "Notes.Md"), undefined],
    ]);
  });
});
