import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { run, type CliIO } from "../src/cli/main.js";
import { readTranslation } from "../src/node/engine.js";
import { formatJson } from "../src/formatters/json.js";
import { lintFiles, LintFilesError } from "../src/node/lint-files.js";

// A small project in both layouts: an inline bilingual post (its English in comments) and a
// parallel translation that names its English file in front matter. Each loses a link.
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "nl-lint-files-"));
  mkdirSync(join(dir, "posts"));
  mkdirSync(join(dir, "en"));
  mkdirSync(join(dir, "pt-br"));
  writeFileSync(
    join(dir, "posts", "weekly.md"),
    [
      "<!-- Our team shipped [the new parser](https://example.org/parser) this week. -->",
      "Nossa equipe lançou o novo analisador nesta semana.",
      "",
      "<!-- Thanks to everyone who tested it. -->",
      "Obrigado a todos que o testaram.",
      "",
    ].join("\n"),
  );
  writeFileSync(join(dir, "en", "setup.md"), "# Setup\n\nDownload [the installer](https://example.org/installer) and run it twice.\n");
  writeFileSync(join(dir, "pt-br", "setup.md"), "---\nsource: ../en/setup.md\n---\n# Configuração\n\nBaixe o instalador e execute-o duas vezes.\n");
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: dir, env: {}, isTTY: false };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

describe("lintFiles", () => {
  it("gives the results the command line prints as JSON, for an inline post and a parallel pair", async () => {
    const printed = await cli(["--format", "json", "posts", "pt-br"]);
    const { results, warnings } = await lintFiles(["posts", "pt-br"], { cwd: dir });
    expect(warnings).toEqual([]);
    expect(`${formatJson(results, { color: false, cwd: dir })}\n`).toBe(printed.stdout);
    // The comparison means something only if both layouts were read and reported on.
    const byFile = new Map(results.map((r) => [r.filePath, r]));
    expect([...byFile.keys()]).toEqual([join(dir, "posts", "weekly.md"), join(dir, "pt-br", "setup.md")]);
    expect(byFile.get(join(dir, "pt-br", "setup.md"))!.sourceFilePath).toBe(join(dir, "en", "setup.md"));
    for (const result of results) expect(result.messages.map((m) => m.ruleId)).toContain("link-count");
  });

  it("gives the same results from worker threads, which are handed the options rather than arguments", async () => {
    const alone = await lintFiles(["posts", "pt-br"], { cwd: dir, concurrency: 1 });
    const threaded = await lintFiles(["posts", "pt-br"], { cwd: dir, concurrency: 2 });
    expect(threaded.results).toEqual(alone.results);
  });

  it("prints nothing: what the command line says, it is handed", async () => {
    const stdout = vi.spyOn(process.stdout, "write");
    const stderr = vi.spyOn(process.stderr, "write");
    try {
      await lintFiles(["posts"], { cwd: dir, maxFileSize: 10 });
      await expect(lintFiles(["nowhere"], { cwd: dir })).rejects.toThrow(LintFilesError);
      expect(stdout).not.toHaveBeenCalled();
      expect(stderr).not.toHaveBeenCalled();
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
  });

  it("returns a skipped file's warning, which the command line prints with its name", async () => {
    const { results, warnings } = await lintFiles(["posts"], { cwd: dir, maxFileSize: 10 });
    expect(results).toEqual([]);
    expect(warnings).toEqual([expect.stringMatching(/^warning: skipped posts\/weekly\.md: \d+ bytes, over the --max-file-size limit of 10 bytes$/)]);
    const printed = await cli(["--max-file-size", "10", "posts"]);
    expect(printed.stderr).toBe(`nl-lint: ${warnings[0]}\n`);
  });

  it("throws, listing each pattern that names nothing, instead of printing and exiting", async () => {
    const error = await lintFiles(["nowhere", "posts"], { cwd: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LintFilesError);
    expect((error as LintFilesError).problems).toEqual([expect.stringMatching(/^nowhere: /)]);
    expect((await lintFiles(["nowhere", "posts"], { cwd: dir, errorOnUnmatchedPattern: false })).results).toHaveLength(1);
  });

  it("refuses an id the engine reports itself in `only`, saying it is no rule", async () => {
    const error = await lintFiles(["posts"], { cwd: dir, only: ["parse-error"] }).catch((e: unknown) => e);
    expect((error as LintFilesError).problems[0]).toMatch(/^parse-error in --only: reported by nl-lint itself, not by a rule/);
    const printed = await cli(["--only", "dead-url", "posts"]);
    expect(printed.code).toBe(2);
    expect(printed.stderr).toMatch(/^nl-lint: dead-url in --only: reported by nl-lint itself, not by a rule/);
  });
});

describe("readTranslation", () => {
  it("reads a translation and the source its front matter names", () => {
    const read = readTranslation(join(dir, "pt-br", "setup.md"), () => join(dir, "en", "setup.md"));
    expect(read.text).toMatch(/^---\nsource:/);
    expect(read.source).toEqual({ filePath: join(dir, "en", "setup.md"), text: expect.stringMatching(/^# Setup/) });
  });

  it("tells a source that is not there from a translation that cannot be read", () => {
    const noSource = readTranslation(join(dir, "pt-br", "setup.md"), () => join(dir, "en", "gone.md"));
    expect(noSource).toMatchObject({ sourcePath: join(dir, "en", "gone.md"), sourceMissing: true });
    expect(noSource.source).toBeUndefined();
    const noFile = readTranslation(join(dir, "pt-br", "gone.md"), () => join(dir, "en", "setup.md"));
    expect(noFile).toMatchObject({ unreadable: true });
    expect(noFile.sourcePath).toBeUndefined();
  });

  it("looks for no source when nothing names one", () => {
    const read = readTranslation(join(dir, "posts", "weekly.md"));
    expect(read.text).toContain("<!--");
    expect(read.sourcePath).toBeUndefined();
  });
});
