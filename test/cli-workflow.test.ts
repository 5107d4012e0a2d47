import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { run } from "../src/cli/main.js";
import { createProgress, wantsProgress } from "../src/cli/progress.js";
import { writeTempFiles } from "./helpers/temp-files.js";
import { capturedIO } from "./helpers/cli.js";

const fakeIO = (cwd: string, options: { env?: Record<string, string | undefined>; tty?: boolean } = {}) => capturedIO(cwd, { ...options, stderrTty: options.tty ?? false });

/** A post with one broken link (fixable) and nothing else wrong. */
const BROKEN = "Veja o [site] (https://example.org) hoje.\n";
const CLEAN = "Veja o [site](https://example.org) hoje.\n";
/** Keeps the runs to the link rules, whatever other rules the registry has. */
const ONLY = ["--only", "broken-link,link-count"];

function project(files: Record<string, string>): string {
  return writeTempFiles(files, "nl-lint-workflow-");
}

async function lintJson(dir: string, args: string[]): Promise<{ code: number; files: string[]; rules: string[]; stderr: string }> {
  const t = fakeIO(dir);
  const code = await run(["--format", "json", ...args], t.io);
  const results = t.stdout() ? JSON.parse(t.stdout()) : [];
  return {
    code,
    files: results.map((r: { filePath: string }) => r.filePath.slice(dir.length + 1)),
    rules: results.flatMap((r: { messages: Array<{ ruleId: string }> }) => r.messages.map((m) => m.ruleId)),
    stderr: t.stderr(),
  };
}

describe("configuration on the command line", () => {
  it("a configuration file's severities apply, the nearest one winning", async () => {
    const dir = project({
      ".nl-lint.json": JSON.stringify({ rules: { "broken-link": "warn" } }),
      "strict/.nl-lint.yaml": "rules:\n  broken-link: error\n",
      "a.md": BROKEN,
      "strict/b.md": BROKEN,
    });
    const t = fakeIO(dir);
    expect(await run([...ONLY, "--format", "json", "."], t.io)).toBe(1);
    const severities = JSON.parse(t.stdout()).map((r: { filePath: string; messages: Array<{ severity: number }> }) => [r.filePath.slice(dir.length + 1), r.messages[0].severity]);
    expect(severities).toEqual([["a.md", 1], ["strict/b.md", 2]]);
  });

  it("a rule turned off by configuration does not run", async () => {
    // Without --only, which turns on the rules it names whatever the configuration says.
    const dir = project({ ".nl-lint.json": JSON.stringify({ rules: { "broken-link": "off" } }), "a.md": BROKEN });
    expect((await lintJson(dir, ["a.md"])).rules).not.toContain("broken-link");
    writeFileSync(join(dir, ".nl-lint.json"), JSON.stringify({ rules: { "broken-link": "warn" } }));
    expect((await lintJson(dir, ["a.md"])).rules).toContain("broken-link");
  });

  it("warnings alone exit 0", async () => {
    const dir = project({ ".nl-lint.json": JSON.stringify({ rules: { "broken-link": "warn" } }), "a.md": BROKEN });
    expect(await lintJson(dir, [...ONLY, "a.md"])).toMatchObject({ code: 0, rules: ["broken-link"] });
  });

  it("--config uses one file for everything", async () => {
    const dir = project({ ".nl-lint.json": JSON.stringify({ rules: { "broken-link": "off" } }), "ci.yaml": "rules:\n  broken-link: error\n", "a.md": BROKEN });
    expect((await lintJson(dir, [...ONLY, "--config", "ci.yaml", "a.md"])).rules).toEqual(["broken-link"]);
  });

  it("an invalid configuration exits 2, naming the file, the key path and what was expected", async () => {
    const dir = project({ "docs/.nl-lint.json": JSON.stringify({ words: "fastpages", rules: { "broken-link": "on" } }), "docs/a.md": CLEAN });
    const t = fakeIO(dir);
    expect(await run(["docs/a.md"], t.io)).toBe(2);
    expect(t.stderr()).toBe(
      `nl-lint: docs/.nl-lint.json: words: expected an array of strings, got the string "fastpages"\n` +
        `nl-lint: docs/.nl-lint.json: rules.broken-link: expected "off", "warn" or "error", or [severity, options], got "on"\n`,
    );
    expect(t.stdout()).toBe("");
  });

  it("a rule option the rule does not take is named after the rule", async () => {
    const dir = project({ ".nl-lint.json": JSON.stringify({ rules: { "broken-link": ["error", { strict: true }] } }), "a.md": CLEAN });
    const t = fakeIO(dir);
    expect(await run(["a.md"], t.io)).toBe(2);
    expect(t.stderr()).toContain(`.nl-lint.json: rules.broken-link: unknown key "strict"`);
  });

  it("--print-config prints the settings that apply to a file", async () => {
    const dir = project({ "site/.nl-lint.yaml": "targetLanguage: pt-BR\nwords: [fastpages]\nrules:\n  link-count: warn\n" });
    const t = fakeIO(dir);
    expect(await run(["--print-config", "site/posts/a.md", "--source-lang", "en-GB"], t.io)).toBe(0);
    const printed = JSON.parse(t.stdout());
    expect(printed).toMatchObject({
      configFile: join(dir, "site/.nl-lint.yaml"),
      sourceLanguage: "en-GB",
      targetLanguage: "pt-BR",
      words: ["fastpages"],
      rules: { "link-count": "warn", "broken-link": "error" },
    });
  });

  it("--print-config and --debug say a language recognised from the text, and --target-lang wins over it", async () => {
    const dir = project({ "book/ch1.md": "<!-- The function takes ownership of the value. -->\n\nこの関数は値の所有権を受け取ります。\n" });
    const printed = fakeIO(dir);
    expect(await run(["--print-config", "book/ch1.md"], printed.io)).toBe(0);
    expect(JSON.parse(printed.stdout())).toMatchObject({ targetLanguage: "ja", targetLanguageFrom: "text" });
    const overridden = fakeIO(dir);
    expect(await run(["--print-config", "book/ch1.md", "--target-lang", "zh"], overridden.io)).toBe(0);
    expect(JSON.parse(overridden.stdout())).toMatchObject({ targetLanguage: "zh", targetLanguageFrom: "options" });
    const debug = fakeIO(dir);
    await run(["--debug", "--only", "link-count", "book/ch1.md"], debug.io);
    expect(debug.stderr()).toContain("ch1.md: target language ja, recognised from the text");
  });

  it("warns once when the --source-root folder reads as a translation: the roots were swapped", async () => {
    const english = "This page explains how to set up the server before its first start. Install the dependencies first, then copy the example file into the project folder and adjust the values that concern your own network. When all is ready, restart the service and check the home page.\n";
    const portuguese = "Esta página explica como configurar o servidor antes da primeira execução. Primeiro instale as dependências, depois copie o arquivo de exemplo para a pasta do projeto e ajuste os valores da sua rede. Quando tudo estiver pronto, reinicie o serviço e confira a página inicial.\n";
    const dir = project({ "en/a.md": english, "en/b.md": english, "pt/a.md": portuguese, "pt/b.md": portuguese });
    const swapped = await lintJson(dir, [...ONLY, "--source-root", "pt", "en"]);
    expect(swapped.stderr.match(/warning: the files under --source-root read as Portuguese, not English/g)).toHaveLength(1);
    const right = await lintJson(dir, [...ONLY, "--source-root", "en", "pt"]);
    expect(right.stderr).not.toContain("--source-root read as");
  });

  it("--init writes a starter configuration that nl-lint then uses, and will not overwrite it", async () => {
    const dir = project({ "a.md": BROKEN });
    const first = fakeIO(dir);
    expect(await run(["--init"], first.io)).toBe(0);
    const text = readFileSync(join(dir, ".nl-lint.yaml"), "utf8");
    expect(text).toMatch(/^# nl-lint configuration/);
    expect(parseYaml(text).rules["broken-link"]).toBe("error");
    writeFileSync(join(dir, ".nl-lint.yaml"), text.replace(/broken-link: +error/, "broken-link: warn"));
    expect((await lintJson(dir, [...ONLY, "a.md"])).code).toBe(0);
    const second = fakeIO(dir);
    expect(await run(["--init"], second.io)).toBe(2);
    expect(second.stderr()).toContain(".nl-lint.yaml already holds this folder's configuration");
  });

  it("--init will not shadow settings kept in package.json", async () => {
    const dir = project({ "package.json": JSON.stringify({ name: "blog", "nl-lint": { words: ["fastpages"] } }) });
    const t = fakeIO(dir);
    expect(await run(["--init"], t.io)).toBe(2);
    expect(t.stderr()).toContain("package.json already holds this folder's configuration");
    expect(existsSync(join(dir, ".nl-lint.yaml"))).toBe(false);
    const plain = project({ "package.json": JSON.stringify({ name: "blog" }) });
    expect(await run(["--init"], fakeIO(plain).io)).toBe(0);
  });
});

describe("ignoring files", () => {
  it(".nl-lintignore, --ignore-pattern and the configuration's ignores", async () => {
    const dir = project({
      ".nl-lintignore": "# drafts are not reviewed\ndrafts/\n",
      ".nl-lint.json": JSON.stringify({ ignores: ["vendor/**"] }),
      "a.md": BROKEN,
      "drafts/b.md": BROKEN,
      "vendor/c.md": BROKEN,
      "old/d.md": BROKEN,
    });
    expect((await lintJson(dir, [...ONLY, "."])).files).toEqual(["a.md", "old/d.md"]);
    expect((await lintJson(dir, [...ONLY, "--ignore-pattern", "old/", "."])).files).toEqual(["a.md"]);
  });

  it("applies to files named one by one, as pre-commit names them", async () => {
    const dir = project({ ".nl-lintignore": "drafts/\n", "a.md": CLEAN, "drafts/b.md": BROKEN });
    const result = await lintJson(dir, [...ONLY, "a.md", "drafts/b.md"]);
    expect(result).toMatchObject({ code: 0, files: ["a.md"] });
  });
});

describe("suppressions on the command line", () => {
  it("--report-unused-disable-directives reports a directive that suppresses nothing", async () => {
    const dir = project({
      "a.md": `<!-- nl-lint-disable-next-line broken-link -- the site's own spelling -->\n${BROKEN}\n<!-- nl-lint-disable-next-line broken-link -->\n${CLEAN}`,
    });
    expect((await lintJson(dir, [...ONLY, "a.md"])).rules).toEqual([]);
    const reported = await lintJson(dir, [...ONLY, "--report-unused-disable-directives", "a.md"]);
    expect(reported).toMatchObject({ code: 1, rules: ["unused-disable-directive"] });
  });
});

describe("--fix-dry-run", () => {
  it("prints each file's would-be output in JSON and writes nothing", async () => {
    const dir = project({ "a.md": BROKEN, "b.md": CLEAN });
    const t = fakeIO(dir);
    await run([...ONLY, "--fix-dry-run", "--format", "json", "a.md", "b.md"], t.io);
    const results = JSON.parse(t.stdout());
    expect(results.map((r: { output?: string }) => r.output)).toEqual([CLEAN, undefined]);
    expect(readFileSync(join(dir, "a.md"), "utf8")).toBe(BROKEN);
  });

  it("shows each edit as a unified diff in the stylish format", async () => {
    const dir = project({ "a.md": `# Título\n\nPrimeira linha.\n\n${BROKEN}\nÚltima linha.\n`, "b.md": CLEAN });
    const t = fakeIO(dir);
    await run([...ONLY, "--fix-dry-run", "a.md", "b.md"], t.io);
    expect(t.stdout()).toBe(
      [
        "",
        "a.md",
        "  --- a.md",
        "  +++ a.md (fixed)",
        "  @@ -2,6 +2,6 @@",
        "   ",
        "   Primeira linha.",
        "   ",
        `  -${BROKEN.trim()}`,
        `  +${CLEAN.trim()}`,
        "   ",
        "   Última linha.",
        "",
      ].join("\n"),
    );
    expect(readFileSync(join(dir, "a.md"), "utf8")).toContain(BROKEN);
  });
});

describe("--fix-type and fix.rules", () => {
  const TWO_FIXES = `Uma nova edi√ß√£o.\n\n${BROKEN}`;
  const args = ["--only", "broken-link,mojibake"];

  it("--fix-type applies only the named rules' fixes", async () => {
    const dir = project({ "a.md": TWO_FIXES });
    const t = fakeIO(dir);
    expect(await run([...args, "--fix", "--fix-type", "mojibake", "a.md"], t.io)).toBe(1);
    expect(readFileSync(join(dir, "a.md"), "utf8")).toBe(`Uma nova edição.\n\n${BROKEN}`);
    expect(t.stdout()).toContain("broken-link");
  });

  it("the configuration's fix.rules does the same, and --fix-type wins over it", async () => {
    const dir = project({ "a.md": TWO_FIXES, ".nl-lint.json": JSON.stringify({ fix: { rules: ["broken-link"] } }) });
    await run([...args, "--fix", "a.md"], fakeIO(dir).io);
    expect(readFileSync(join(dir, "a.md"), "utf8")).toBe(`Uma nova edi√ß√£o.\n\n${CLEAN}`);
    await run([...args, "--fix", "--fix-type", "mojibake", "a.md"], fakeIO(dir).io);
    expect(readFileSync(join(dir, "a.md"), "utf8")).toBe(`Uma nova edição.\n\n${CLEAN}`);
  });

  it("refuses a rule that has no fixes, on the command line and in the configuration", async () => {
    const dir = project({ "a.md": CLEAN, ".nl-lint.json": JSON.stringify({ fix: { rules: ["link-count"] } }) });
    const cli = fakeIO(dir);
    expect(await run([...args, "--fix", "--fix-type", "link-count", "--config", "/dev/null", "a.md"], cli.io)).toBe(2);
    expect(cli.stderr()).toContain("not a rule with fixes in --fix-type: link-count");
    const config = fakeIO(dir);
    expect(await run([...args, "--fix", "a.md"], config.io)).toBe(2);
    expect(config.stderr()).toContain('fix.rules[0]: "link-count" is not a rule with fixes');
  });
});

describe("--format and --output-file", () => {
  it("writes SARIF to a file in a folder it creates", async () => {
    const dir = project({ "posts/a.md": BROKEN });
    const t = fakeIO(dir);
    expect(await run([...ONLY, "--format", "sarif", "--output-file", "reports/nl-lint.sarif", "posts"], t.io)).toBe(1);
    expect(t.stdout()).toBe("");
    const sarif = JSON.parse(readFileSync(join(dir, "reports/nl-lint.sarif"), "utf8"));
    expect(sarif.runs[0].results[0]).toMatchObject({ ruleId: "broken-link", level: "error" });
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe("posts/a.md");
    expect(sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toContain("link-count");
  });

  it("github and compact", async () => {
    const dir = project({ "a.md": BROKEN });
    const github = fakeIO(dir);
    await run([...ONLY, "--format", "github", "a.md"], github.io);
    expect(github.stdout()).toMatch(/^::error file=a\.md,line=1,col=8,endLine=1,endColumn=\d+,title=nl-lint broken-link::Link will not render/);
    const compact = fakeIO(dir);
    await run([...ONLY, "--format", "compact", "a.md"], compact.io);
    expect(compact.stdout()).toMatch(/^a\.md:1:8: error Link will not render.* \[broken-link\]\n$/);
  });
});

describe("many file names on the command line", () => {
  it("lints 600 files named one by one, as lint-staged passes them", async () => {
    const names = Array.from({ length: 600 }, (_, i) => `posts/p${String(i).padStart(3, "0")}.md`);
    const dir = project(Object.fromEntries(names.map((n, i) => [n, i % 100 === 0 ? BROKEN : CLEAN])));
    const result = await lintJson(dir, [...ONLY, ...names]);
    expect(result.files).toEqual(names);
    expect(result.rules).toHaveLength(6);
  }, 60_000);
});

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.org", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.org" } });
}

describe("--changed-since", () => {
  function repository() {
    const dir = project({ "old.md": BROKEN, "edited.md": CLEAN, "gone.md": CLEAN, "docs/keep.md": BROKEN, "notes.txt": "x" });
    git(dir, "init", "-q", "-b", "main");
    git(dir, "add", ".");
    git(dir, "commit", "-q", "-m", "base");
    git(dir, "checkout", "-q", "-b", "topic");
    writeFileSync(join(dir, "edited.md"), BROKEN);
    writeFileSync(join(dir, "docs/NL [PT-BR] #6.md"), BROKEN);
    writeFileSync(join(dir, "notes.txt"), "changed");
    unlinkSync(join(dir, "gone.md"));
    git(dir, "add", "-A");
    git(dir, "commit", "-q", "-m", "topic work");
    writeFileSync(join(dir, "docs/keep.md"), `${BROKEN}\nMais.\n`);
    writeFileSync(join(dir, "new.md"), BROKEN);
    writeFileSync(join(dir, ".gitignore"), "build/\n");
    mkdirSync(join(dir, "build"));
    writeFileSync(join(dir, "build/out.md"), BROKEN);
    return dir;
  }

  it("lints the Markdown changed on the branch, uncommitted edits and new files; not the rest", async () => {
    const dir = repository();
    const result = await lintJson(dir, [...ONLY, "--changed-since", "main"]);
    expect(result.files).toEqual(["docs/NL [PT-BR] #6.md", "docs/keep.md", "edited.md", "new.md"]);
    expect(result.code).toBe(1);
  });

  it("narrows to the paths given, and works from a subfolder", async () => {
    const dir = repository();
    expect((await lintJson(dir, [...ONLY, "--changed-since", "main", "docs"])).files).toEqual(["docs/NL [PT-BR] #6.md", "docs/keep.md"]);
    const t = fakeIO(join(dir, "docs"));
    await run([...ONLY, "--format", "json", "--changed-since", "main"], t.io);
    expect(JSON.parse(t.stdout()).map((r: { filePath: string }) => r.filePath.slice(dir.length + 1))).toEqual(["docs/NL [PT-BR] #6.md", "docs/keep.md", "edited.md", "new.md"]);
  });

  it("in parallel mode, a changed source brings in the translations made from it", async () => {
    const dir = project({ "en/a.md": "# A\n\nSee [docs](https://d.example).\n", "en/b.md": "# B\n\nText.\n", "pt-br/a.md": "# A\n\nVeja [docs](https://d.example).\n", "pt-br/b.md": "# B\n\nTexto.\n" });
    git(dir, "init", "-q", "-b", "main");
    git(dir, "add", ".");
    git(dir, "commit", "-q", "-m", "base");
    writeFileSync(join(dir, "en/a.md"), "# A\n\nSee [the docs](https://d.example/v2).\n");
    const result = await lintJson(dir, [...ONLY, "--changed-since", "HEAD", "--source-root", "en", "pt-br"]);
    expect(result.files).toEqual(["pt-br/a.md"]);
  });

  it("nothing changed: nothing linted, exit 0", async () => {
    const dir = repository();
    git(dir, "add", "-A");
    git(dir, "commit", "-q", "-m", "more");
    const result = await lintJson(dir, [...ONLY, "--changed-since", "HEAD"]);
    expect(result).toMatchObject({ code: 0, files: [] });
  });

  it("an unknown ref exits 2 with git's reason", async () => {
    const dir = repository();
    const t = fakeIO(dir);
    expect(await run(["--changed-since", "no-such-branch"], t.io)).toBe(2);
    expect(t.stderr()).toMatch(/^nl-lint: cannot compare with 'no-such-branch'/);
  });

  it("outside a git repository exits 2", async () => {
    const dir = project({ "a.md": CLEAN });
    const t = fakeIO(dir, { env: { GIT_CEILING_DIRECTORIES: dirname(dir) } });
    const code = await run(["--changed-since", "main"], t.io);
    // tmpdir() may itself be inside a repository on some machines; then git answers for that one.
    if (!existsSync(join(dirname(dir), ".git"))) {
      expect(code).toBe(2);
      expect(t.stderr()).toContain("needs a git repository");
    }
  });
});

describe("progress", () => {
  it("is shown on a terminal only: not in CI, not when piped, not for JSON or SARIF", () => {
    const terminal = { stdoutIsTTY: true, stderrIsTTY: true, env: {}, format: "stylish" };
    expect(wantsProgress(terminal)).toBe(true);
    expect(wantsProgress({ ...terminal, env: { CI: "true" } })).toBe(false);
    expect(wantsProgress({ ...terminal, stdoutIsTTY: false })).toBe(false);
    expect(wantsProgress({ ...terminal, stderrIsTTY: false })).toBe(false);
    expect(wantsProgress({ ...terminal, format: "json" })).toBe(false);
    expect(wantsProgress({ ...terminal, format: "sarif" })).toBe(false);
  });

  it("appears only once a run has lasted a second, and is cleared at the end", () => {
    let clock = 0;
    const written: string[] = [];
    const progress = createProgress({ enabled: true, total: 3, write: (t) => written.push(t), now: () => clock });
    clock = 500;
    progress.tick();
    expect(written).toEqual([]);
    clock = 1500;
    progress.tick();
    clock = 1550;
    progress.tick();
    progress.done();
    expect(written).toEqual(["\r\u001b[2Knl-lint: 2/3 files", "\r\u001b[2K"]);
  });

  it("a short run on a terminal writes nothing to stderr", async () => {
    const dir = project({ "a.md": CLEAN, "b.md": CLEAN });
    const t = fakeIO(dir, { tty: true });
    expect(await run([...ONLY, "a.md", "b.md"], t.io)).toBe(0);
    expect(t.stderr()).toBe("");
  });
});

describe("files are left alone when only linting", () => {
  it("a plain run writes nothing", async () => {
    const dir = project({ "a.md": BROKEN });
    const inode = statSync(join(dir, "a.md")).ino;
    await run([...ONLY, "a.md"], fakeIO(dir).io);
    expect(statSync(join(dir, "a.md")).ino).toBe(inode);
    expect(readFileSync(join(dir, "a.md"), "utf8")).toBe(BROKEN);
  });
});
