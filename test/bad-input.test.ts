import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { run } from "../src/cli/main.js";
import { writeAtomically } from "../src/node/engine.js";
import { defineRule } from "../src/core/rule.js";
import { capturedIO } from "./helpers/cli.js";

// Two stand-in rules join the built-in ones, acting only on their marker words: one fails the way a
// buggy rule would, the other deletes a file behind the run's back, as a `git checkout` might.
vi.mock("../rules/index.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../rules/index.js")>();
  const { defineRule: define } = await import("../src/core/rule.js");
  const { z: zod } = await import("zod");
  const { unlinkSync: remove } = await import("node:fs");
  const explode = define({
    id: "test-explode",
    description: "Throws on a marker word, as a rule with a bug would.",
    severity: "error",
    fixable: false,
    schema: zod.object({}).strict(),
    messages: {},
    check({ document }) {
      if (document.text.includes("EXPLODE")) throw new TypeError("cannot read properties of undefined");
    },
  });
  const vanish = define({
    id: "test-vanish",
    description: "Deletes the file named after the marker, once its own file is being linted.",
    severity: "warn",
    fixable: false,
    schema: zod.object({}).strict(),
    messages: {},
    check({ document }) {
      const named = /DELETE (\S+)/.exec(document.text)?.[1];
      if (named) remove(named);
    },
  });
  return { ...original, builtinRules: [...original.builtinRules, explode, vanish] };
});

const fakeIO = (cwd: string, env: Record<string, string | undefined> = { NO_COLOR: "1" }) => capturedIO(cwd, { env });

function folder(files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "nl-lint-bad-"));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

const BROKEN = "Leia [o guia] (https://guide.example/start) hoje.\n";
const CLEAN = "Leia [o guia](https://guide.example/start) hoje.\n";

interface JsonResult {
  filePath: string;
  messages: Array<{ ruleId: string; message: string; fatal?: boolean }>;
}

async function lintJson(dir: string, args: string[]) {
  const t = fakeIO(dir);
  const code = await run(["--format", "json", ...args], t.io);
  const results = t.stdout() ? (JSON.parse(t.stdout()) as JsonResult[]) : [];
  const byName = (name: string) => results.find((r) => r.filePath === join(dir, name));
  return { code, results, byName, stderr: t.stderr() };
}

describe("paths that name nothing", () => {
  it("exits 2 and names a path that does not exist", async () => {
    const t = fakeIO(folder());
    expect(await run(["missing.md"], t.io)).toBe(2);
    expect(t.stderr()).toBe("nl-lint: missing.md: no such file or folder\n");
  });

  it("exits 2 for a glob that matches nothing, and 0 with --no-error-on-unmatched-pattern", async () => {
    const dir = folder({ "docs/post.md": CLEAN });
    const t = fakeIO(dir);
    expect(await run(["drafts/**/*.md"], t.io)).toBe(2);
    expect(t.stderr()).toBe("nl-lint: drafts/**/*.md: no file matches this pattern\n");
    const tolerant = fakeIO(dir);
    expect(await run(["--no-error-on-unmatched-pattern", "drafts/**/*.md", "docs"], tolerant.io)).toBe(0);
    expect(tolerant.stderr()).toBe("");
  });

  // ESLint exits 2 for a folder with nothing to lint ("No files matching the pattern"): most often the
  // folder name is mistyped, and a silent success would hide that.
  it("exits 2 for a folder without Markdown, unless --no-error-on-unmatched-pattern", async () => {
    const dir = folder({ "notes/readme.txt": "plain text\n" });
    const t = fakeIO(dir);
    expect(await run(["notes"], t.io)).toBe(2);
    expect(t.stderr()).toBe("nl-lint: notes: no Markdown files (.md, .mdx, .markdown) in this folder\n");
    expect(await run(["--no-error-on-unmatched-pattern", "notes"], fakeIO(dir).io)).toBe(0);
  });
});

describe("files that cannot be linted", () => {
  it("reports a binary file and invalid UTF-8 under `encoding` and lints the other files", async () => {
    const dir = folder({
      "a-binary.md": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a]),
      "b-latin1.md": Buffer.from("Tradu\xe7\xe3o\n", "latin1"),
      "c-post.md": BROKEN,
    });
    const { code, byName } = await lintJson(dir, ["."]);
    expect(code).toBe(1);
    expect(byName("a-binary.md")!.messages).toEqual([expect.objectContaining({ ruleId: "encoding", message: expect.stringContaining("NUL bytes") })]);
    expect(byName("b-latin1.md")!.messages).toEqual([expect.objectContaining({ ruleId: "encoding", message: expect.stringContaining("not valid UTF-8") })]);
    expect(byName("c-post.md")!.messages.map((m) => m.ruleId)).toContain("broken-link");
  });

  it("skips a file over --max-file-size with a warning and lints the rest", async () => {
    const dir = folder({ "big.md": BROKEN.repeat(100), "small.md": BROKEN });
    const { code, results, stderr } = await lintJson(dir, ["--max-file-size", "1000", "."]);
    expect(stderr).toBe(`nl-lint: warning: skipped big.md: ${BROKEN.length * 100} bytes, over the --max-file-size limit of 1000 bytes\n`);
    expect(results.map((r) => r.filePath)).toEqual([join(dir, "small.md")]);
    expect(code).toBe(1);
  });

  it("has a default size limit of 10 MB", async () => {
    const dir = folder({ "huge.md": "x".repeat(10 * 1024 * 1024 + 1), "small.md": CLEAN });
    const { results, stderr } = await lintJson(dir, ["--only", "broken-link", "."]);
    expect(stderr).toContain("skipped huge.md: 10485761 bytes, over the --max-file-size limit of 10485760 bytes");
    expect(results.map((r) => r.filePath)).toEqual([join(dir, "small.md")]);
  });

  it("refuses a size limit that is not a number of bytes", async () => {
    const t = fakeIO(folder({ "post.md": CLEAN }));
    expect(await run(["--max-file-size", "ten", "post.md"], t.io)).toBe(2);
    expect(t.stderr()).toContain("--max-file-size");
  });

  it("reports a file it may not read and lints the rest (exit 2: the run is incomplete)", async () => {
    const dir = folder({ "a-locked.md": CLEAN, "b-post.md": BROKEN });
    chmodSync(join(dir, "a-locked.md"), 0o000);
    let code: number;
    let results: JsonResult[];
    if (process.getuid?.() === 0) {
      // Root reads any file whatever its mode: the command runs as the unprivileged user `nobody`.
      chmodSync(dir, 0o755);
      const child = spawnSync(process.execPath, [join(import.meta.dirname, "../bin/nl-lint.js"), "--format", "json", "."], { cwd: dir, uid: 65534, gid: 65534, encoding: "utf8" });
      code = child.status!;
      results = JSON.parse(child.stdout);
    } else {
      ({ code, results } = await lintJson(dir, ["."]));
    }
    expect(code).toBe(2);
    const locked = results.find((r) => r.filePath === join(dir, "a-locked.md"))!;
    expect(locked.messages).toEqual([expect.objectContaining({ ruleId: "read-error", fatal: true, message: expect.stringContaining("permission denied") })]);
    expect(results.find((r) => r.filePath === join(dir, "b-post.md"))!.messages.map((m) => m.ruleId)).toContain("broken-link");
  });

  it("reports a FIFO named on the command line instead of waiting on it forever", async () => {
    const dir = folder({ "post.md": BROKEN });
    expect(spawnSync("mkfifo", [join(dir, "pipe.md")]).status).toBe(0);
    const { code, byName } = await lintJson(dir, ["pipe.md", "post.md"]);
    expect(code).toBe(2);
    expect(byName("pipe.md")!.messages[0]).toMatchObject({ ruleId: "read-error", message: expect.stringContaining("not a regular file") });
    expect(byName("post.md")!.messages.map((m) => m.ruleId)).toContain("broken-link");
  });

  it("reports a symbolic link loop named on the command line, and does not follow loops in folders", async () => {
    const dir = folder({ "docs/post.md": BROKEN });
    symlinkSync("b.md", join(dir, "a.md"));
    symlinkSync("a.md", join(dir, "b.md"));
    symlinkSync("..", join(dir, "docs", "up"));
    const { code, results, byName } = await lintJson(dir, ["a.md", "docs"]);
    expect(code).toBe(2);
    expect(byName("a.md")!.messages[0]).toMatchObject({ ruleId: "read-error", message: expect.stringContaining("ELOOP") });
    expect(results.map((r) => r.filePath)).toEqual([join(dir, "a.md"), join(dir, "docs/post.md")]);
  });

  it("reports a file deleted between discovery and reading, and goes on", async () => {
    const dir = folder({ "b.md": CLEAN, "c.md": BROKEN });
    writeFileSync(join(dir, "a.md"), `Apaga o outro. DELETE ${join(dir, "b.md")}\n`);
    const { code, byName } = await lintJson(dir, ["."]);
    expect(existsSync(join(dir, "b.md"))).toBe(false);
    expect(code).toBe(2);
    expect(byName("b.md")!.messages).toEqual([expect.objectContaining({ ruleId: "read-error", message: expect.stringContaining("file not found") })]);
    expect(byName("c.md")!.messages.map((m) => m.ruleId)).toContain("broken-link");
  });
});

describe("internal errors", () => {
  it("names the rule and the file of a rule that throws, runs the other rules and files, and exits 2", async () => {
    const dir = folder({ "a.md": `EXPLODE ${BROKEN}`, "b.md": BROKEN });
    const t = fakeIO(dir);
    expect(await run(["."], t.io)).toBe(2);
    const out = t.stdout();
    expect(out).toMatch(/a\.md\n(.*\n)*.*Internal error in rule test-explode: cannot read properties of undefined/);
    expect(out.match(/broken-link/g)).toHaveLength(2);
    expect(`${out}${t.stderr()}`).not.toMatch(/^\s+at /m);
  });

  it("prints a throwing rule's stack trace to stderr with --debug, and never in the report", async () => {
    const dir = folder({ "a.md": `EXPLODE ${BROKEN}`, "b.md": BROKEN });
    const t = fakeIO(dir);
    expect(await run(["--debug", "--format", "json", "."], t.io)).toBe(2);
    const stderr = t.stderr();
    expect(stderr).toMatch(/a\.md: Internal error in rule test-explode: cannot read properties of undefined\nTypeError: cannot read properties of undefined\n\s+at /);
    expect(stderr).toMatch(/^\s+at .*bad-input\.test\.ts/m);
    // b.md gets only --debug's note on its language, no trace.
    expect(stderr).not.toMatch(/b\.md: Internal error/);
    expect(stderr).toMatch(/b\.md: target language unknown/);
    expect(t.stdout()).not.toMatch(/\bat .*bad-input\.test\.ts|"stack"/);
    const results = JSON.parse(t.stdout()) as Array<{ filePath: string; messages: Array<{ message: string }> }>;
    expect(results.find((r) => r.filePath.endsWith("a.md"))!.messages.some((m) => m.message.includes("test-explode"))).toBe(true);
  });

  it("lints a file nested thousands of levels deep, with a warning where the nesting was cut", async () => {
    const dir = folder({ "deep.md": "> ".repeat(10_000) + "citação\n\nVeja o [site] (https://example.org).\n", "post.md": BROKEN });
    const { code, byName, stderr } = await lintJson(dir, ["."]);
    expect(code).toBe(1);
    expect(byName("deep.md")!.messages.map((m) => [m.ruleId, m.line, m.severity, m.fatal])).toEqual([
      ["nesting-limit", 1, 1, undefined],
      ["broken-link", 3, 2, undefined],
    ]);
    expect(byName("post.md")!.messages.map((m) => m.ruleId)).toContain("broken-link");
    expect(stderr).toBe("");
  }, 60_000);

  it("exits 2 on an invalid configuration and names the key path", async () => {
    const dir = folder({ ".nl-lint.json": JSON.stringify({ rules: { "broken-link": "loud" } }), "post.md": CLEAN });
    const t = fakeIO(dir);
    expect(await run(["post.md"], t.io)).toBe(2);
    expect(t.stderr()).toMatch(/^nl-lint: \.nl-lint\.json: rules\.broken-link: /);
    expect(t.stderr()).not.toMatch(/^\s+at /m);
  });
});

describe("--fix safety", () => {
  const temporaryFiles = (dir: string) => readdirSync(dir).filter((n) => n.endsWith(".tmp"));

  it("leaves the original and no temporary file when writing the new text fails half way", () => {
    const dir = folder({ "post.md": BROKEN });
    const path = join(dir, "post.md");
    const halfThenFail = {
      write: (temporary: string, text: string) => {
        writeFileSync(temporary, text.slice(0, text.length / 2));
        throw Object.assign(new Error("no space left on device"), { code: "ENOSPC" });
      },
      rename: () => expect.unreachable("a failed write must not be renamed into place"),
    };
    expect(() => writeAtomically(path, CLEAN, halfThenFail)).toThrow("no space left");
    expect(readFileSync(path, "utf8")).toBe(BROKEN);
    expect(temporaryFiles(dir)).toEqual([]);
  });

  it("leaves the original and no temporary file when the rename fails", () => {
    const dir = folder({ "post.md": BROKEN });
    const path = join(dir, "post.md");
    const failingRename = {
      write: (temporary: string, text: string) => writeFileSync(temporary, text),
      rename: () => {
        throw Object.assign(new Error("operation not permitted"), { code: "EPERM" });
      },
    };
    expect(() => writeAtomically(path, CLEAN, failingRename)).toThrow("not permitted");
    expect(readFileSync(path, "utf8")).toBe(BROKEN);
    expect(temporaryFiles(dir)).toEqual([]);
  });

  it("fixes a file whose name is near the file system's length limit", async () => {
    const name = `${"n".repeat(250)}.md`;
    const dir = folder({ [name]: BROKEN });
    expect(await run(["--fix", "--only", "broken-link", name], fakeIO(dir).io)).toBe(0);
    expect(readFileSync(join(dir, name), "utf8")).toBe(CLEAN);
    expect(temporaryFiles(dir)).toEqual([]);
  });
});

describe("output cannot be hijacked by file contents", () => {
  const hostile = "Veja [\u001b[31m::error::forjado] (https://a.example) agora.\n";

  it("escapes terminal control characters from posts and file names in stylish and compact output", async () => {
    const dir = folder({ "post.md": hostile, "\u001b[31mred\u0007.md": Buffer.from([0xff, 0xfe]) });
    for (const format of ["stylish", "compact"]) {
      const t = fakeIO(dir);
      expect(await run(["--format", format, "--only", "broken-link", "."], t.io)).toBe(1);
      expect(t.stdout()).toContain("::error::forjado");
      expect(t.stdout()).toContain("\\u001b[31mred\\u0007.md");
      expect(t.stdout()).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    }
  });

  it("lets neither a post nor a file name start a GitHub workflow command of its own", async () => {
    const forgedName = "x\n::warning file=y.md::forjado 100%.md";
    const dir = folder({ "post.md": hostile, [forgedName]: Buffer.from([0xff, 0xfe]) });
    const t = fakeIO(dir);
    expect(await run(["--format", "github", "--only", "broken-link", "."], t.io)).toBe(1);
    const lines = t.stdout().split("\n").filter(Boolean);
    const commands = lines.filter((l) => l.startsWith("::"));
    expect(commands).toHaveLength(2);
    for (const line of commands) expect(line).toMatch(/^::error file=[^,:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=nl-lint [a-z-]+::/);
    expect(t.stdout()).not.toContain("\u001b");
    expect(t.stdout()).toContain("x%0A%3A%3Awarning file=y.md%3A%3Aforjado 100%25.md");
    expect(lines.filter((l) => !l.startsWith("::"))).toEqual([expect.stringMatching(/^nl-lint: 2 errors/)]);
  });
});
