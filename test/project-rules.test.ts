import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintFiles, type LintFilesOptions } from "../src/node/lint-files.js";
import { run, type CliIO } from "../src/cli/main.js";
import { writeTempFiles } from "./helpers/temp-files.js";

/** A pt-BR page whose one heading renders `Setting up the server`, with some prose so that pages differ. */
const page = (n: number, heading: string) => `<!-- # Page ${n} -->\n# Página ${n}\n\n<!-- ## Setting up the server -->\n## ${heading}\n\n<!-- This is page ${n}. -->\nEsta é a página ${n}.\n`;

/** Twelve pages: eleven agree on the heading, page 7 does not. */
function site(): string {
  const files: Record<string, string> = { ".nl-lint.json": JSON.stringify({ targetLanguage: "pt-br" }) };
  for (let n = 0; n < 12; n++) files[`docs/page-${String(n).padStart(2, "0")}.md`] = page(n, n === 7 ? "Instalando o servidor" : "Configurando o servidor");
  return writeTempFiles(files, "nl-lint-project-");
}

const ONLY = ["inconsistent-translation"];

/** The rule's findings as `file:line`, relative to the folder. */
async function findings(dir: string, options: LintFilesOptions = {}): Promise<string[]> {
  const { results } = await lintFiles(["docs"], { cwd: dir, only: ONLY, concurrency: 1, ...options });
  for (const result of results) expect(result.digests, "digests are taken out of the results").toBeUndefined();
  return results.flatMap((r) => r.messages.filter((m) => m.ruleId === "inconsistent-translation").map((m) => `${r.filePath.slice(dir.length + 1)}:${m.line}`));
}

describe("project rules in lintFiles", () => {
  it("report in the file that deviates, with the same findings in one thread and in worker threads", async () => {
    const dir = site();
    expect(await findings(dir)).toEqual(["docs/page-07.md:5"]);
    expect(await findings(dir, { concurrency: 2 })).toEqual(["docs/page-07.md:5"]);
  });

  it("take the digests of cached files: a run where every file is a cache hit reports the same", async () => {
    const dir = site();
    const cacheLocation = join(dir, "cache.json");
    expect(await findings(dir, { cache: true, cacheLocation })).toEqual(["docs/page-07.md:5"]);
    const stored = JSON.parse(readFileSync(cacheLocation, "utf8"));
    // The cached result is the file's own, without the project finding: the finding depends on other files.
    expect(stored.entries[join(dir, "docs/page-07.md")].result.messages).toEqual([]);
    expect(await findings(dir, { cache: true, cacheLocation })).toEqual(["docs/page-07.md:5"]);
    // A file that now agrees ends the finding though the other files come from the cache.
    writeFileSync(join(dir, "docs/page-07.md"), page(7, "Configurando o servidor"));
    expect(await findings(dir, { cache: true, cacheLocation })).toEqual([]);
  });

  it("show in the JSON and SARIF formats", async () => {
    const dir = site();
    const out: string[] = [];
    const io: CliIO = { stdout: (t) => out.push(t), stderr: () => {}, cwd: dir, env: {}, isTTY: false };
    await run(["--format", "json", "--only", ONLY[0], "docs"], io);
    const json = JSON.parse(out.join(""));
    expect(json.flatMap((r: { messages: Array<{ ruleId: string }> }) => r.messages.map((m) => m.ruleId))).toEqual(ONLY);
    expect(json.some((r: object) => "digests" in r)).toBe(false);
    out.length = 0;
    await run(["--format", "sarif", "--only", ONLY[0], "docs"], io);
    const sarif = JSON.parse(out.join(""));
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(ONLY);
  });
});

/** Five Spanish pages naming a term with two allowed forms: four write one form, page 3 the other. */
function glossarySite(): string {
  const glossary = { "pull request": { es: ["solicitud de incorporación", "pull request"] } };
  const files: Record<string, string> = { ".nl-lint.json": JSON.stringify({ targetLanguage: "es", glossary }) };
  for (let n = 0; n < 5; n++) {
    const rendering = n === 3 ? "el pull request" : "la solicitud de incorporación";
    files[`docs/page-${n}.md`] = `<!-- # Page ${n} -->\n# Página ${n}\n\n<!-- Open the pull request for page ${n}. -->\nAbre ${rendering} de la página ${n}.\n`;
  }
  return writeTempFiles(files, "nl-lint-project-terms-");
}

describe("project rules in lintFiles, for glossary terms", () => {
  it("report the page that departs, in worker threads and from a cache the glossary reaches through the settings", async () => {
    const dir = glossarySite();
    const cacheLocation = join(dir, "cache.json");
    expect(await findings(dir)).toEqual(["docs/page-3.md:5"]);
    expect(await findings(dir, { concurrency: 2, cache: true, cacheLocation })).toEqual(["docs/page-3.md:5"]);
    expect(await findings(dir, { cache: true, cacheLocation })).toEqual(["docs/page-3.md:5"]);
  });
});

function hasGit(): boolean {
  try {
    execFileSync("git", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

function git(cwd: string, ...args: string[]): void {
  execFileSync("git", args, { cwd, stdio: "ignore", env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.org", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.org" } });
}

describe.skipIf(!hasGit())("project rules with --changed-since (needs git)", () => {
  function repository(): string {
    const dir = site();
    git(dir, "init", "-q", "-b", "main");
    git(dir, "add", ".");
    git(dir, "commit", "-q", "-m", "base");
    return dir;
  }

  it("compare a changed file with the unchanged ones, reporting only in the changed file", async () => {
    const dir = repository();
    writeFileSync(join(dir, "docs/page-02.md"), page(2, "Preparando o servidor"));
    // page-07 deviates too, but it did not change: it is compared with, not reported on.
    expect(await findings(dir, { changedSince: "HEAD" })).toEqual(["docs/page-02.md:5"]);
  });

  it("compare with the working folder's files when no path is given", async () => {
    const dir = repository();
    writeFileSync(join(dir, "docs/page-02.md"), page(2, "Preparando o servidor"));
    const { results } = await lintFiles([], { cwd: dir, only: ONLY, concurrency: 1, changedSince: "HEAD" });
    expect(results.map((r) => [r.filePath.slice(dir.length + 1), r.messages.map((m) => m.line)])).toEqual([["docs/page-02.md", [5]]]);
  });

  it("keep every file's digests in the cache, and read the unchanged files' from it", async () => {
    const dir = repository();
    const cacheLocation = join(dir, "cache.json");
    await findings(dir, { cache: true, cacheLocation });
    writeFileSync(join(dir, "docs/page-02.md"), page(2, "Preparando o servidor"));
    const stored = JSON.parse(readFileSync(cacheLocation, "utf8"));
    expect(Object.keys(stored.digests)).toHaveLength(12);
    expect(await findings(dir, { changedSince: "HEAD", cache: true, cacheLocation })).toEqual(["docs/page-02.md:5"]);
    // Proof that the cache answers: made to say every other page renders the heading as page 2 now
    // does, the changed page agrees with them.
    for (const entry of Object.values(stored.digests) as Array<{ digests: { "inconsistent-translation": { digest: Array<{ rendering: string }> } } }>) {
      for (const e of entry.digests["inconsistent-translation"].digest) e.rendering = "preparando o servidor";
    }
    writeFileSync(cacheLocation, JSON.stringify(stored));
    expect(await findings(dir, { changedSince: "HEAD", cache: true, cacheLocation })).toEqual([]);
  });
});

describe.skipIf(!hasGit())("glossary term renderings with --changed-since (needs git)", () => {
  it("compare a changed page's form of a term with the unchanged pages' forms, reporting only in the changed page", async () => {
    const dir = glossarySite();
    git(dir, "init", "-q", "-b", "main");
    git(dir, "add", ".");
    git(dir, "commit", "-q", "-m", "base");
    writeFileSync(join(dir, "docs/page-1.md"), "<!-- # Page 1 -->\n# Página 1\n\n<!-- Open the pull request for page 1. -->\nAbre el pull request de la página uno.\n");
    // Pages 1 and 3 now use the other form, against three pages: page 3 did not change and is not reported.
    expect(await findings(dir, { changedSince: "HEAD" })).toEqual(["docs/page-1.md:5"]);
  });
});
