import { spawnSync } from "node:child_process";
import { appendFileSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run, type CliIO } from "../src/cli/main.js";
import { lintFiles, type LintFilesOptions } from "../src/node/lint-files.js";
import { assignShards, filesOfShard, parseShard, type ShardGroup } from "../src/node/shard.js";
import type { FileResult } from "../src/formatters/types.js";
import { writeTempFiles } from "./helpers/temp-files.js";

/** A small docs site: English pages with German, French and Spanish translations beside them, and a blog of inline posts. */
function projectFiles(): Record<string, string> {
  const files: Record<string, string> = {
    ".nl-lint.yaml": "sourceLanguage: en\npairs:\n  - source: docs/en/**\n    translation: docs/{lang}/**\n",
  };
  const translations: Record<string, (page: number) => string> = {
    de: (page) => `# Seite ${page}\n\nDiese Seite erklärt den Schritt ${page} und verweist auf [das Handbuch](https://example.com/manual/${page}).\n`,
    fr: (page) => `# Page ${page}\n\nCette page explique l'étape ${page}, voir [le manuel](https://example.com/manuel/${page}).\n`,
    es: (page) => `# Página ${page}\n\nEsta página explica el paso ${page} y enlaza [el manual](https://example.com/manual/${page}).\n`,
  };
  for (let page = 1; page <= 9; page++) {
    // Pages of different lengths, so that balancing by size has something to do.
    const extra = "This paragraph pads the page out. ".repeat(page * 3);
    files[`docs/en/page-${page}.md`] = `# Page ${page}\n\nThis page explains step ${page} and links [the manual](https://example.com/manual/${page}).\n\n${extra}\n`;
    for (const [lang, text] of Object.entries(translations)) {
      // Not every page is translated into every language; one French page lost its link.
      if (lang === "es" && page % 3 === 0) continue;
      files[`docs/${lang}/page-${page}.md`] = lang === "fr" && page === 4 ? text(page).replace(/\[(.*?)\]\(.*?\)/, "$1") : text(page);
    }
  }
  for (let post = 1; post <= 7; post++) {
    files[`blog/post-${post}.md`] =
      `<!-- # Release ${post} -->\n# Versão ${post}\n\n<!-- Version ${post} adds [a feature](https://example.com/r/${post}). -->\n` +
      `A versão ${post} traz [um recurso](https://example.com/r/${post === 5 ? 50 : post}).\n`;
  }
  return files;
}

let dir: string;
beforeAll(() => {
  dir = writeTempFiles(projectFiles(), "nl-lint-shard-");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Rules that compare a translation with its source, without dictionaries to load: each run stays light.
const RULES = ["link-target", "link-count", "number-mismatch"];
const options = (extra: LintFilesOptions = {}): LintFilesOptions => ({ cwd: dir, concurrency: 1, only: RULES, ...extra });

/** Many runs of the engine each: time enough on a loaded machine (the suite's default is 30 s). */
const MANY_RUNS = 180_000;

/** What a run found, file by file, in a form two runs can be compared in. */
function findingsOf(results: FileResult[]): Record<string, unknown[]> {
  return Object.fromEntries(results.map((r) => [r.filePath, r.messages.map((m) => [m.ruleId, m.line, m.column, m.message])]));
}

describe("--shard i/n", () => {
  it("splits a run of parallel and inline files into shares whose union is the whole run, each file once", async () => {
    const whole = await lintFiles(["docs", "blog"], options());
    expect(whole.results.length).toBe(7 + 9 * 3 - 3 + 9);
    // The fixture has findings to compare: links of French pages and of a post that lead elsewhere than their sources.
    expect(whole.results.some((r) => r.messages.length > 0)).toBe(true);
    for (let count = 1; count <= 4; count++) {
      const shares: FileResult[][] = [];
      for (let index = 1; index <= count; index++) shares.push((await lintFiles(["docs", "blog"], options({ shard: { index, count } }))).results);
      const union = shares.flat();
      expect(union.map((r) => r.filePath).sort()).toEqual(whole.results.map((r) => r.filePath).sort());
      expect(findingsOf(union)).toEqual(findingsOf(whole.results));
      if (count > 1) expect(shares.every((share) => share.length > 0)).toBe(true);
    }
  }, MANY_RUNS);

  it("compares each shard's files with the other shards' files for a project rule, so the shards' findings add up to the whole run's", async () => {
    // Eight German pages share one English heading; two of them word it differently from the rest.
    const files: Record<string, string> = { ".nl-lint.yaml": "sourceLanguage: en\npairs:\n  - source: en/**\n    translation: \"{lang}/**\"\n" };
    for (let page = 1; page <= 8; page++) {
      files[`en/topic-${page}.md`] = `# Topic ${page}\n\n## Before you begin\n\nTopic ${page} needs nothing else.\n`;
      const heading = page % 4 === 0 ? "Bevor es losgeht" : "Bevor Sie beginnen";
      files[`de/topic-${page}.md`] = `# Thema ${page}\n\n## ${heading}\n\nThema ${page} braucht nichts weiter.\n`;
    }
    const project = writeTempFiles(files, "nl-lint-shard-project-");
    try {
      const run = (extra: LintFilesOptions = {}) => lintFiles(["de"], { cwd: project, concurrency: 1, only: ["inconsistent-translation"], ...extra });
      const whole = findingsOf((await run()).results);
      expect(Object.values(whole).flat()).toHaveLength(2);
      for (let count = 2; count <= 4; count++) {
        const shares: FileResult[] = [];
        for (let index = 1; index <= count; index++) shares.push(...(await run({ shard: { index, count } })).results);
        expect(findingsOf(shares)).toEqual(whole);
      }
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  }, MANY_RUNS);

  it("keeps a source's translations (and the source, when it is linted too) in one shard", async () => {
    const pagesPerShard: string[][] = [];
    for (let index = 1; index <= 3; index++) {
      const share = (await lintFiles(["docs"], options({ shard: { index, count: 3 } }))).results.map((r) => r.filePath);
      expect(share.length).toBeGreaterThan(0);
      pagesPerShard.push([...new Set(share.map((file) => basename(file)))]);
    }
    // Each page name (docs/en/page-4.md and its translations) is found in one shard only.
    const pages = pagesPerShard.flat();
    expect(new Set(pages).size).toBe(pages.length);
    expect(pages.length).toBe(9);
  });

  it("keeps together the translations whose front matter names the same source, with no pairs configured", async () => {
    const files: Record<string, string> = {};
    for (let guide = 1; guide <= 6; guide++) {
      files[`en/guide-${guide}.md`] = `# Guide ${guide}\n\nRead [the notes](https://example.com/${guide}).\n`;
      files[`pt/guia-${guide}.md`] = `---\nsource: ../en/guide-${guide}.md\n---\n\n# Guia ${guide}\n\nLeia [as notas](https://example.com/${guide}).\n`;
      files[`fr/guide-${guide}.md`] = `---\nsource: ../en/guide-${guide}.md\n---\n\n# Guide ${guide}\n\nLisez [les notes](https://example.com/${guide}).\n`;
    }
    const notes = writeTempFiles(files, "nl-lint-shard-fm-");
    const guideOf = (file: string) => /(\d+)\.md$/.exec(file)![1];
    for (let index = 1; index <= 3; index++) {
      const share = (await lintFiles(["pt", "fr"], { cwd: notes, concurrency: 1, only: ["link-count"], shard: { index, count: 3 } })).results.map((r) => r.filePath);
      const guides = share.map(guideOf);
      // Each guide of this shard is here in both languages.
      for (const guide of guides) expect(guides.filter((g) => g === guide)).toHaveLength(2);
    }
    rmSync(notes, { recursive: true, force: true });
  });

  it("gives the same shares whatever the concurrency and with a cache", async () => {
    const one = await lintFiles(["docs", "blog"], options({ shard: { index: 2, count: 3 } }));
    const threads = await lintFiles(["docs", "blog"], options({ shard: { index: 2, count: 3 }, concurrency: 2 }));
    const cached = await lintFiles(["docs", "blog"], options({ shard: { index: 2, count: 3 }, cache: true, cacheLocation: join(dir, ".cache") }));
    const again = await lintFiles(["docs", "blog"], options({ shard: { index: 2, count: 3 }, cache: true, cacheLocation: join(dir, ".cache") }));
    expect(findingsOf(threads.results)).toEqual(findingsOf(one.results));
    expect(findingsOf(cached.results)).toEqual(findingsOf(one.results));
    expect(findingsOf(again.results)).toEqual(findingsOf(one.results));
  }, MANY_RUNS);

  it("refuses a shard out of range in the API with a message", async () => {
    await expect(lintFiles(["docs"], options({ shard: { index: 4, count: 3 } }))).rejects.toThrow(/between 1 and 3/);
  });
});

const hasGit = spawnSync("git", ["--version"]).status === 0;

describe.skipIf(!hasGit)("--shard with --changed-since (needs git)", () => {
  it("shares out the changed files, a changed source with its translations", async () => {
    const repo = writeTempFiles(projectFiles(), "nl-lint-shard-git-");
    const git = (...args: string[]) => spawnSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false", ...args], { cwd: repo, encoding: "utf8" });
    git("init", "-q");
    git("add", "-A");
    git("commit", "-q", "-m", "base");
    appendFileSync(join(repo, "docs", "en", "page-2.md"), "\nOne more sentence in English.\n");
    appendFileSync(join(repo, "blog", "post-3.md"), "\n<!-- One more line. -->\nMais uma linha.\n");
    const changed = (extra: LintFilesOptions = {}) => lintFiles(["docs", "blog"], { cwd: repo, concurrency: 1, changedSince: "HEAD", ...extra });
    const whole = (await changed()).results.map((r) => r.filePath);
    // The source's three translations and the post; the source itself is linted as a page too.
    expect(whole.map((file) => file.slice(repo.length + 1)).sort()).toEqual(["blog/post-3.md", "docs/de/page-2.md", "docs/en/page-2.md", "docs/es/page-2.md", "docs/fr/page-2.md"]);
    const shares = [];
    for (let index = 1; index <= 3; index++) shares.push((await changed({ shard: { index, count: 3 } })).results.map((r) => r.filePath));
    expect(shares.flat().sort()).toEqual([...whole].sort());
    expect(shares.filter((share) => share.some((file) => file.endsWith("page-2.md")))).toHaveLength(1);
    rmSync(repo, { recursive: true, force: true });
  }, MANY_RUNS);
});

describe("the command line's --shard", () => {
  function io(): CliIO & { out: string; err: string } {
    const captured = { out: "", err: "" };
    return Object.assign(captured, {
      stdout: (t: string) => void (captured.out += t),
      stderr: (t: string) => void (captured.err += t),
      cwd: dir,
      env: {},
      isTTY: false,
    });
  }

  it.each(["0/3", "4/3", "a/b", "1/0", "2", "-1/3"])("exits 2 with a clear message for --shard %s", async (value) => {
    const cli = io();
    expect(await run(["--shard", value, "docs"], cli)).toBe(2);
    expect(cli.err).toContain("--shard");
    expect(cli.err).toContain(value);
    expect(cli.err).not.toMatch(/\n\s+at /);
  });

  it("lints only the shard's files", async () => {
    const cli = io();
    await run(["--shard", "1/2", "--format", "json", "--concurrency", "1", "blog"], cli);
    const shown = (JSON.parse(cli.out) as FileResult[]).map((r) => r.filePath);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(7);
  });
});

describe("merge-reports", () => {
  async function cli(args: string[]): Promise<{ code: number; err: string; out: string }> {
    const captured = { out: "", err: "" };
    const code = await run(args, {
      stdout: (t) => void (captured.out += t),
      stderr: (t) => void (captured.err += t),
      cwd: dir,
      env: {},
      isTTY: false,
    });
    return { code, ...captured };
  }
  const read = (name: string) => readFileSync(join(dir, name), "utf8");

  it("merges the json reports of three shards into the whole run's json and SARIF, byte for byte, with its exit code", async () => {
    const whole = await cli(["--format", "json", "-o", "whole.json", "--concurrency", "1", "docs", "blog"]);
    await cli(["--format", "sarif", "-o", "whole.sarif", "--concurrency", "1", "docs", "blog"]);
    const shards = ["1/3", "2/3", "3/3"].map((shard, i) => ["--shard", shard, "--format", "json", "-o", `shard-${i + 1}.json`, "--concurrency", "1", "docs", "blog"]);
    for (const args of shards) await cli(args);
    // Given out of order: the merge sorts the files as the whole run does.
    const merged = await cli(["merge-reports", "shard-3.json", "shard-1.json", "shard-2.json", "--format", "json", "-o", "merged.json"]);
    expect(merged.err).toBe("");
    expect(read("merged.json")).toBe(read("whole.json"));
    expect(merged.code).toBe(whole.code);
    expect(whole.code).toBe(1);
    await cli(["merge-reports", "shard-2.json", "shard-1.json", "shard-3.json", "--format", "sarif", "-o", "merged.sarif"]);
    expect(read("merged.sarif")).toBe(read("whole.sarif"));
  }, MANY_RUNS);

  it("prints the merged report in the other formats, with counts summed over the shards", async () => {
    for (const [i, shard] of ["1/2", "2/2"].entries()) await cli(["--shard", shard, "--format", "json", "-o", `half-${i + 1}.json`, "--concurrency", "1", "docs", "blog"]);
    const whole = await cli(["--format", "stylish", "--concurrency", "1", "docs", "blog"]);
    const merged = await cli(["merge-reports", "half-1.json", "half-2.json"]);
    expect(merged.out).toBe(whole.out);
    expect(merged.out).toMatch(/\d+ problems?/);
  }, MANY_RUNS);

  // These read the reports the first test of this block wrote (shard-1.json, shard-2.json, whole.sarif).
  describe("refuses what it cannot merge, saying which file and why, with exit 2", () => {
    const shard = () => JSON.parse(read("shard-1.json")) as Record<string, unknown>[];
    const cases: [string, () => string, RegExp][] = [
      ["text that is not JSON", () => "Findings: none\n", /not-a-report\.json: not JSON/],
      ["a report cut short", () => read("shard-1.json").slice(0, 40), /not-a-report\.json:1:41: not JSON/],
      ["JSON that is not a report", () => JSON.stringify({ files: 3 }), /not an nl-lint json report.*expected an array/],
      [
        "a report whose findings lack a field this version writes",
        () => JSON.stringify(shard().map((r) => ({ ...r, messages: (r.messages as object[]).map(({ range, ...m }: Record<string, unknown>) => m) }))),
        /another version of nl-lint: file result \d+ \(.*\), finding 1: range/,
      ],
      [
        "a report with findings of a rule this version does not know",
        () => JSON.stringify(shard().map((r) => ({ ...r, messages: (r.messages as object[]).map((m) => ({ ...m, ruleId: "retired-rule" })) }))),
        /does not know: retired-rule; was it written by another version/,
      ],
      ["a SARIF log", () => read("whole.sarif"), /a SARIF log, not a json report.*category/],
    ];
    it.each(cases)("%s", async (_, text, message) => {
      writeFileSync(join(dir, "not-a-report.json"), text());
      const merged = await cli(["merge-reports", "shard-2.json", "not-a-report.json"]);
      expect(merged.code).toBe(2);
      expect(merged.err).toMatch(message);
      expect(merged.err).not.toMatch(/\n\s+at /);
      expect(merged.out).toBe("");
    });

    it("a report given twice, or reports of overlapping runs", async () => {
      const merged = await cli(["merge-reports", "shard-1.json", "shard-2.json", "shard-1.json"]);
      expect(merged.code).toBe(2);
      expect(merged.err).toMatch(/ is in both shard-1\.json and shard-1\.json: are these the reports of the shards of one run/);
    });

    it("a report that is not there", async () => {
      const merged = await cli(["merge-reports", "shard-1.json", "missing.json"]);
      expect(merged.code).toBe(2);
      expect(merged.err).toBe("nl-lint merge-reports: missing.json: cannot read: ENOENT\n");
    });
  });
});

describe("assigning groups to shards", () => {
  /** Groups of uneven sizes, as real pages are: a few long ones, many short ones. */
  function groups(count: number, salt = ""): ShardGroup[] {
    return Array.from({ length: count }, (_, i) => ({ key: `docs/${salt}page-${i}.md`, weight: 500 + ((i * 7919) % 13) * 900 + (i % 17 === 0 ? 40_000 : 0) }));
  }

  function loads(assigned: Map<string, number>, all: ShardGroup[], count: number): number[] {
    const totals = new Array<number>(count).fill(0);
    for (const group of all) totals[assigned.get(group.key)!] += group.weight;
    return totals;
  }

  it("balances the shards by size within a tenth of an even share, or the largest group", () => {
    const all = groups(300);
    const total = all.reduce((sum, g) => sum + g.weight, 0);
    const largest = Math.max(...all.map((g) => g.weight));
    for (const count of [2, 3, 4, 7]) {
      const totals = loads(assignShards(all, count), all, count);
      for (const load of totals) expect(load).toBeLessThanOrEqual(Math.max(largest, (1.1 * total) / count));
      expect(Math.min(...totals)).toBeGreaterThan((0.5 * total) / count);
    }
  });

  it("moves few groups when one is added or removed", () => {
    const all = groups(300);
    for (const count of [2, 3, 4]) {
      const before = assignShards(all, count);
      const added = assignShards([...all, { key: "docs/new-page.md", weight: 4_000 }], count);
      const removed = assignShards(all.filter((g) => g.key !== "docs/page-150.md"), count);
      const moved = (after: Map<string, number>) => all.filter((g) => after.has(g.key) && after.get(g.key) !== before.get(g.key)).length;
      // A greedy packing over sorted paths moves about half of them; consistent hashing a few.
      expect(moved(added)).toBeLessThanOrEqual(15);
      expect(moved(removed)).toBeLessThanOrEqual(15);
    }
  });

  it("does not depend on the order the groups come in", () => {
    const all = groups(100);
    expect([...assignShards([...all].reverse(), 3)].sort()).toEqual([...assignShards(all, 3)].sort());
  });

  it("keeps the files of one group together and each file in one shard", () => {
    const files = ["/p/en/a.md", "/p/de/a.md", "/p/fr/a.md", "/p/de/b.md", "/p/post.md"];
    const groupOf = (file: string) => file.replace(/\/(de|fr)\//, "/en/");
    const shares = [1, 2, 3].map((index) => filesOfShard(files, { index, count: 3 }, { cwd: "/p", groupOf }));
    expect(shares.flat().sort()).toEqual([...files].sort());
    const withA = shares.find((share) => share.includes("/p/en/a.md"))!;
    expect(withA).toEqual(expect.arrayContaining(["/p/de/a.md", "/p/fr/a.md"]));
  });
});

describe("reading --shard", () => {
  it("reads i/n, numbered from 1", () => {
    expect(parseShard("2/3")).toEqual({ index: 2, count: 3 });
    expect(parseShard("1/1")).toEqual({ index: 1, count: 1 });
  });

  it.each([
    ["0/3", /between 1 and 3/],
    ["4/3", /between 1 and 3/],
    ["a/b", /not i\/n/],
    ["3", /not i\/n/],
    ["1/0", /1 or more/],
  ])("refuses %s", (value, message) => {
    expect(() => parseShard(value)).toThrow(message);
  });
});
