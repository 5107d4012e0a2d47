import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../src/cli/main.js";
import { writeTempFiles } from "./helpers/temp-files.js";
import { capturedIO } from "./helpers/cli.js";

const fakeIO = (cwd: string, env: Record<string, string | undefined> = {}, isTTY = false) => capturedIO(cwd, { env, tty: isTTY });

const BROKEN = "<!-- Read [the guide](https://guide.example/start) today. -->\n\nLeia [o guia] (https://guide.example/start) hoje.\n";
const CLEAN = "<!-- Read [the guide](https://guide.example/start) today. -->\n\nLeia [o guia](https://guide.example/start) hoje.\n";

function project(files: Record<string, string>): string {
  return writeTempFiles(files, "nl-lint-cli-");
}

describe("nl-lint command line", () => {
  it("prints its version with --version and -v, and exits 0", async () => {
    const { version } = JSON.parse(readFileSync(join(import.meta.dirname, "..", "package.json"), "utf8"));
    for (const flag of ["--version", "-v"]) {
      const { io, stdout } = fakeIO(tmpdir());
      expect(await run([flag], io)).toBe(0);
      expect(stdout().trim()).toBe(version);
    }
  });

  it("exits 0 and prints nothing for a clean post", async () => {
    const dir = project({ "post.md": CLEAN });
    const t = fakeIO(dir);
    expect(await run(["post.md"], t.io)).toBe(0);
    expect(t.stdout()).toBe("");
  });

  it("exits 1 with errors and reports them in ESLint's JSON shape", async () => {
    const dir = project({ "post.md": BROKEN });
    const t = fakeIO(dir);
    expect(await run(["--format", "json", "post.md"], t.io)).toBe(1);
    const results = JSON.parse(t.stdout());
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ filePath: join(dir, "post.md"), errorCount: 2, warningCount: 0, fixableErrorCount: 1 });
    const ruleIds = results[0].messages.map((m: { ruleId: string }) => m.ruleId).sort();
    expect(ruleIds).toEqual(["broken-link", "link-count"]);
    const broken = results[0].messages.find((m: { ruleId: string }) => m.ruleId === "broken-link");
    expect(broken).toMatchObject({ severity: 2, line: 3, column: 6, endLine: 3 });
    expect(broken.fix).toEqual({ range: [BROKEN.indexOf("] (") + 1, BROKEN.indexOf("] (") + 2], text: "" });
  });

  it("expands directories to Markdown files, names with brackets, spaces, # and CJK included", async () => {
    const names = ["a/NL [PT-BR] #6.md", "a/b/简报 第5期.mdx", "a/notes.txt", "node_modules/x/ignored.md"];
    const dir = project(Object.fromEntries(names.map((n) => [n, BROKEN])));
    const t = fakeIO(dir);
    expect(await run(["--format", "json", "."], t.io)).toBe(1);
    const files = JSON.parse(t.stdout()).map((r: { filePath: string }) => r.filePath.slice(dir.length + 1));
    expect(files).toEqual(["a/NL [PT-BR] #6.md", "a/b/简报 第5期.mdx"]);
  });

  it("lints a file named explicitly whatever its extension", async () => {
    const dir = project({ "post.txt": BROKEN });
    const t = fakeIO(dir);
    expect(await run(["post.txt"], t.io)).toBe(1);
    expect(t.stdout()).toContain("broken-link");
  });

  it("exits 2 with a clear message for a path that does not exist", async () => {
    const dir = project({});
    const t = fakeIO(dir);
    expect(await run(["missing.md"], t.io)).toBe(2);
    expect(t.stderr()).toContain("missing.md");
  });

  it("exits 2 for an unknown option or rule", async () => {
    const dir = project({ "post.md": CLEAN });
    expect(await run(["--no-such-flag", "post.md"], fakeIO(dir).io)).toBe(2);
    const t = fakeIO(dir);
    expect(await run(["--only", "no-such-rule", "post.md"], t.io)).toBe(2);
    expect(t.stderr()).toContain("no-such-rule");
  });

  it("runs only the rules named by --only", async () => {
    const dir = project({ "post.md": BROKEN });
    const t = fakeIO(dir);
    await run(["--format", "json", "--only", "link-count", "post.md"], t.io);
    const ruleIds = JSON.parse(t.stdout())[0].messages.map((m: { ruleId: string }) => m.ruleId);
    expect(ruleIds).toEqual(["link-count"]);
  });

  it("colours stylish output on a terminal unless NO_COLOR is set", async () => {
    const dir = project({ "post.md": BROKEN });
    const coloured = fakeIO(dir, {}, true);
    await run(["post.md"], coloured.io);
    expect(coloured.stdout()).toContain("\u001b[");
    const plain = fakeIO(dir, { NO_COLOR: "1" }, true);
    await run(["post.md"], plain.io);
    expect(plain.stdout()).not.toContain("\u001b[");
    expect(plain.stdout()).toMatch(/3:6 +error +Link will not render/);
    expect(plain.stdout()).toContain("✖ 2 problems (2 errors, 0 warnings)");
  });

  it("prints how a post was paired with --print-pairs", async () => {
    const dir = project({ "post.md": CLEAN });
    const t = fakeIO(dir);
    expect(await run(["--print-pairs", "post.md"], t.io)).toBe(0);
    expect(t.stdout()).toContain("Read [the guide](https://guide.example/start) today.  ↔  Leia [o guia](https://guide.example/start) hoje.");
    expect(t.stdout()).toMatch(/^ +1 ↔ 3 +Read \[/m);
  });

  it("keeps errors with --quiet", async () => {
    const dir = project({ "post.md": BROKEN });
    const t = fakeIO(dir);
    expect(await run(["--quiet", "--only", "link-count", "post.md"], t.io)).toBe(1);
    expect(t.stdout()).toContain("link-count");
  });

  it("fixes a file in place with --fix and leaves the rest of it untouched", async () => {
    const dir = project({ "post.md": BROKEN.replace(/\n/g, "\r\n") });
    expect(await run(["--fix", "--only", "broken-link", "post.md"], fakeIO(dir).io)).toBe(0);
    expect(readFileSync(join(dir, "post.md"), "utf8")).toBe(CLEAN.replace(/\n/g, "\r\n"));
  });
});
