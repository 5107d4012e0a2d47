import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { run, type CliIO } from "../../src/cli/main.js";
import { repository, runGit, tempFolder } from "../helpers/git-repo.js";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

async function lintJson(cwd: string, args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd, env: {}, isTTY: false };
  const code = await run(["--format", "json", ...args], io);
  expect(code, err.join("")).toBeLessThan(2);
  return JSON.parse(out.join("")) as Array<{ messages: Array<{ ruleId: string; line: number; message: string }> }>;
}

it("nl-lint with stale-translation turned on names the paragraph whose English changed since the recorded commit", async () => {
  const dir = mkdtempSync(join(tmpdir(), "nl-lint-stale-"));
  folders.push(dir);
  const env = { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.org", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.org" };
  const git = (...args: string[]) => execFileSync("git", ["-c", "commit.gpgsign=false", ...args], { cwd: dir, env, encoding: "utf8" });
  git("init", "-q");
  mkdirSync(join(dir, "en"));
  mkdirSync(join(dir, "pt"));
  writeFileSync(join(dir, "en/a.md"), "# Title\n\nFirst part, with 1 number.\n\nSecond part, with 2 numbers.\n");
  git("add", "-A");
  git("commit", "-q", "-m", "source");
  const synced = git("rev-parse", "HEAD").trim();
  writeFileSync(join(dir, "pt/a.md"), `---\ndefault_lang_commit: ${synced}\n---\n# Título\n\nPrimeira parte, com 1 número.\n\nSegunda parte, com 2 números.\n`);
  writeFileSync(join(dir, "en/a.md"), "# Title\n\nFirst part, with 1 number.\n\nSecond part, now with 3 numbers.\n");
  git("add", "-A");
  git("commit", "-q", "-m", "source edit and translation");
  writeFileSync(join(dir, ".nl-lint.json"), JSON.stringify({ rules: { "stale-translation": "warn" } }));

  const [result] = await lintJson(dir, ["--source-root", "en", "pt"]);
  const stale = result.messages.filter((m) => m.ruleId === "stale-translation");
  expect(stale.map((m) => m.line)).toEqual([8]);
  expect(stale[0].message).toBe(`The source changed here since ${synced.slice(0, 7)} (its default_lang_commit; 1 source commit since): source line 5.`);

  // Off by default: without the configuration, git is not asked and nothing is reported.
  rmSync(join(dir, ".nl-lint.json"));
  const [quiet] = await lintJson(dir, ["--source-root", "en", "pt"]);
  expect(quiet.messages.filter((m) => m.ruleId === "stale-translation")).toEqual([]);
});

it("stale-translation, like status, leaves out a punctuation-only edit and a skipped commit, unless the configuration counts them", async () => {
  const repo = repository();
  repo.write("en/b.md", "# Menu\n\nOpen the 3 menus.\n\nClose the 2 windows.\n");
  repo.write("pt/b.md", "# Menu\n\nAbra os 3 menus.\n\nFeche as 2 janelas.\n");
  repo.commit("page");
  repo.write("en/b.md", "# Menu\n\nOpen the 3 menus!\n\nClose the 2 windows.\n");
  repo.commit("exclaim");
  repo.write("en/b.md", "# Menu\n\nOpen the 3 menus!\n\nClose the 2 big windows.\n");
  repo.commit("Bigger windows\n\n[nl-lint skip]");
  const stale = async () => (await lintJson(repo.dir, ["--source-root", "en", "pt"]))[0].messages.filter((m) => m.ruleId === "stale-translation").map((m) => `${m.line}: ${m.message.replace(/.*: /, "")}`);
  repo.write(".nl-lint.json", JSON.stringify({ rules: { "stale-translation": "warn" } }));
  expect(await stale()).toEqual([]);
  repo.write(".nl-lint.json", JSON.stringify({ rules: { "stale-translation": "warn" }, drift: { countTrivialEdits: true, skipKeywords: ["[no-l10n]"] } }));
  // Two neighbouring paragraphs changed: one place, naming both source lines.
  expect(await stale()).toEqual(["3: source lines 3, 5."]);
});

it("in a shallow clone stale-translation warns that it cannot tell, naming fetch-depth: 0, rather than reporting nothing silently", async () => {
  const repo = repository();
  repo.write("en/c.md", "# Keys\n\nPress the 2 keys.\n");
  repo.write("pt/c.md", "# Teclas\n\nAperte as 2 teclas.\n");
  repo.write(".nl-lint.json", JSON.stringify({ rules: { "stale-translation": "warn" } }));
  repo.commit("page");
  repo.write("en/c.md", "# Keys\n\nPress the 3 keys.\n");
  repo.commit("three keys");
  const clone = tempFolder("nl-lint-shallow-lint-");
  runGit(clone, "clone", "-q", "--depth", "1", `file://${repo.dir}`, "work");
  const err: string[] = [];
  const io: CliIO = { stdout: () => {}, stderr: (t) => err.push(t), cwd: join(clone, "work"), env: {}, isTTY: false };
  expect(await run(["--source-root", "en", "pt"], io)).toBeLessThan(2);
  expect(err.join("")).toContain("nl-lint: warning: stale-translation cannot tell drift: the repository is a shallow clone");
  expect(err.join("")).toContain("fetch-depth: 0");
});
