import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../src/cli/main.js";
import { capturedIO } from "./helpers/cli.js";

const fakeIO = (cwd: string) => capturedIO(cwd);

const post = (n: number, broken: boolean) =>
  `<!-- Issue ${n}: read [the notes](https://notes.example/${n}) and [the code](https://code.example/${n}). -->\n\n` +
  `Edição ${n}: leia [as notas](https://notes.example/${n}) e [o código]${broken ? " " : ""}(https://code.example/${n}).\n`;

function project(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), "nl-lint-cache-"));
  for (let n = 0; n < count; n++) writeFileSync(join(dir, `post-${n}.md`), post(n, n % 3 === 0));
  return dir;
}

const messagesOf = (json: string) =>
  JSON.parse(json).map((r: { filePath: string; messages: Array<{ ruleId: string; line: number }> }) => [r.filePath, r.messages.map((m) => `${m.line} ${m.ruleId}`).sort()]);

describe("worker threads and the cache give the results of a plain run", () => {
  it("lints the same with 2 worker threads as with one thread, in the same order", async () => {
    const dir = project(12);
    const serial = fakeIO(dir);
    const threaded = fakeIO(dir);
    expect(await run(["--format", "json", "--concurrency", "1", "--only", "broken-link,link-count", "."], serial.io)).toBe(1);
    expect(await run(["--format", "json", "--concurrency", "2", "--only", "broken-link,link-count", "."], threaded.io)).toBe(1);
    expect(messagesOf(threaded.stdout())).toEqual(messagesOf(serial.stdout()));
    expect(messagesOf(serial.stdout()).filter(([, m]: [string, string[]]) => m.length > 0)).toHaveLength(4);
  });

  it("lints the translations of each source together, each compared with its own source, in any number of threads", async () => {
    // Two source pages in three languages: a thread keeps the last source it parsed for the next
    // translation, which must never be compared with the other page.
    const dir = mkdtempSync(join(tmpdir(), "nl-lint-groups-"));
    const page = (links: string[], words: string) => `# ${words}\n\n${words}: ${links.map((l, i) => `[part ${i}](https://${l}.example/)`).join(" and ")}.\n`;
    const write = (path: string, text: string) => {
      mkdirSync(join(dir, path, ".."), { recursive: true });
      writeFileSync(join(dir, path), text);
    };
    write(".nl-lint.json", JSON.stringify({ pairs: [{ source: "en/**", translation: "{lang}/**" }] }));
    write("en/a.md", page(["alpha", "beta"], "Read both"));
    write("en/b.md", page(["gamma"], "Read this one"));
    for (const lang of ["es", "fr", "pt-br"]) {
      write(`${lang}/a.md`, page(lang === "es" ? ["alpha"] : ["alpha", "beta"], "Leia os dois"));
      write(`${lang}/b.md`, page(["gamma"], "Leia este"));
    }
    const outputs: string[] = [];
    for (const threads of ["1", "2"]) {
      const { io, stdout } = fakeIO(dir);
      await run(["--format", "json", "--concurrency", threads, "--only", "link-count", "es", "fr", "pt-br"], io);
      outputs.push(stdout());
    }
    expect(messagesOf(outputs[1])).toEqual(messagesOf(outputs[0]));
    const flagged = messagesOf(outputs[0]).filter(([, m]: [string, string[]]) => m.length > 0).map(([file]: [string]) => file);
    expect(flagged).toEqual([join(dir, "es", "a.md")]);
  });

  it("reuses cached results until a file, or the configuration, changes", async () => {
    const dir = project(6);
    const cacheFile = join(dir, ".cache", "nl-lint.json");
    const args = ["--format", "json", "--cache", "--cache-location", cacheFile, "--only", "broken-link,link-count", "."];
    const first = fakeIO(dir);
    await run(args, first.io);
    expect(existsSync(cacheFile)).toBe(true);
    const stored = JSON.parse(readFileSync(cacheFile, "utf8"));
    expect(Object.keys(stored.entries)).toHaveLength(6);

    // Poison one entry's result while keeping its key: a second run must serve it from the cache.
    const target = join(dir, "post-1.md");
    stored.entries[target].result.messages = [{ ruleId: "from-cache", severity: 1, message: "x", line: 1, column: 1, endLine: 1, endColumn: 1, start: 0, end: 0, side: "translation" }];
    writeFileSync(cacheFile, JSON.stringify(stored));
    const second = fakeIO(dir);
    await run(args, second.io);
    expect(messagesOf(second.stdout()).find(([f]: [string]) => f === target)[1]).toEqual(["1 from-cache"]);

    // Changing the file's text invalidates its entry.
    writeFileSync(target, post(1, true));
    const third = fakeIO(dir);
    await run(args, third.io);
    expect(messagesOf(third.stdout()).find(([f]: [string]) => f === target)[1]).toEqual(["3 broken-link", "3 link-count"]);

    // So does changing which rules run.
    writeFileSync(cacheFile, JSON.stringify(stored));
    const fourth = fakeIO(dir);
    await run(["--format", "json", "--cache", "--cache-location", cacheFile, "--only", "broken-link", "."], fourth.io);
    expect(messagesOf(fourth.stdout()).find(([f]: [string]) => f === target)[1]).toEqual(["3 broken-link"]);
  });
});
