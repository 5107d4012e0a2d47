import { describe, expect, it } from "vitest";
import { hasGit, repository, runGit, tempFolder } from "../helpers/git-repo.js";
import { runCli } from "../helpers/cli.js";

const status = (dir: string, args: string[]) => runCli(dir, ["status", ...args]);

const SOURCE = "# Colors\n\nThe palette has 5 colors.\n\nPick one for the 3 buttons.\n";
const TRANSLATION = "# Cores\n\nA paleta tem 5 cores.\n\nEscolha uma para os 3 botões.\n";

/** A source and its translation committed together, then the source edited in a second commit. */
function repoWithEdit(edited: string, message: string) {
  const repo = repository();
  repo.write("en/colors.md", SOURCE);
  repo.write("pt/colors.md", TRANSLATION);
  repo.commit("add the page");
  repo.write("en/colors.md", edited);
  repo.commit(message);
  return repo;
}

describe.skipIf(!hasGit())("status over git history", () => {
  it("--verbose names the skipped commit and the ignored edit; the page stays current", async () => {
    const repo = repoWithEdit(SOURCE.replace("5 colors.", "5 colours!").replace("3 buttons", "3 keys"), "[nl-lint skip] wording");
    const result = await status(repo.dir, ["--verbose", "--source-root", "en", "pt"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/pt\/colors\.md .*current \(git history\)/);
    expect(result.stderr).toContain('not drift: ');
    expect(result.stderr).toMatch(/pt\/colors\.md: not drift: [0-9a-f]{7}: commit "\[nl-lint skip\] wording" skipped: its message has "\[nl-lint skip\]"/);
  });

  it("a shallow clone is said to be one, with what to change, instead of a wrong 'current'", async () => {
    const repo = repoWithEdit(SOURCE.replace("3 buttons", "4 buttons"), "four buttons");
    const clone = tempFolder("nl-lint-shallow-");
    runGit(clone, "clone", "-q", "--depth", "1", `file://${repo.dir}`, "work");
    const result = await status(`${clone}/work`, ["--format", "json", "--source-root", "en", "pt"]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { translations: Array<{ behind: boolean | null; drift: { notes: string[] } }> };
    expect(report.translations[0].behind).toBeNull();
    expect(report.translations[0].drift.notes.join(" ")).toContain("shallow clone");
    expect(result.stderr).toContain("fetch-depth: 0");
    // The full clone of the same history tells.
    const full = await status(repo.dir, ["--format", "json", "--source-root", "en", "pt"]);
    expect((JSON.parse(full.stdout) as typeof report).translations[0].behind).toBe(true);
  });
});

describe.skipIf(!hasGit())("status --format markdown, the pull-request comment", () => {
  it("names the pages a branch touches, what it leaves outdated or missing, and the totals", async () => {
    const repo = repository();
    repo.write("en/colors.md", SOURCE);
    repo.write("en/shapes.md", "# Shapes\n\nThere are 3 shapes.\n");
    repo.write("pt/colors.md", TRANSLATION);
    repo.write("pt/shapes.md", "# Formas\n\nHá 3 formas.\n");
    repo.write("fr/shapes.md", "# Formes\n\nIl y a 3 formes.\n");
    repo.commit("site");
    repo.git("checkout", "-q", "-b", "topic");
    repo.write("en/colors.md", SOURCE.replace("3 buttons", "3 buttons and 2 links"));
    repo.commit("links too");
    const result = await status(repo.dir, ["--format", "markdown", "--changed-since", "main", "--source-root", "en", "pt", "fr"]);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.split("\n");
    expect(lines[0]).toBe("<!-- nl-lint-status -->");
    expect(lines).toContain("This change touches 1 page; 2 translations of them are outdated or missing.");
    expect(lines).toContain("| page | fr | pt |");
    expect(lines).toContain("| colors.md | ❌ missing | ⚠️ outdated (1 place) |");
    expect(lines).toContain("| fr | 50.0% | 1 | 0 | 1 | 0 | 0 |");
    expect(lines).toContain("| pt | 100.0% | 1 | 1 | 0 | 0 | 0 |");
  });

  it("says clearly when the ref to compare with is unknown", async () => {
    const repo = repoWithEdit(SOURCE.replace("5 colors", "6 colors"), "six");
    const result = await status(repo.dir, ["--format", "markdown", "--changed-since", "no-such-branch", "--source-root", "en", "pt"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^nl-lint status: cannot compare with 'no-such-branch'/);
  });
});
