import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";

const repoRoot = join(import.meta.dirname, "..");
const built = existsSync(join(repoRoot, "dist", "src", "cli", "main.js"));

const gitEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.org", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.org",
};

function sh(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = gitEnv) {
  const r = spawnSync(command, args, { cwd, env, encoding: "utf8" });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe("action.yml", () => {
  const action = parseYaml(readFileSync(join(repoRoot, "action.yml"), "utf8"));

  it("is a composite action whose shell steps name their shell and whose script exists", () => {
    expect(action.runs.using).toBe("composite");
    for (const step of action.runs.steps) if (step.run) expect(step.shell, step.name).toBe("bash");
    const lint = action.runs.steps.find((s: { id?: string }) => s.id === "lint");
    expect(lint.run).toContain("scripts/github-action.sh");
    expect(statSync(join(repoRoot, "scripts", "github-action.sh")).isFile()).toBe(true);
    expect(action.outputs["exit-code"].value).toBe("${{ steps.lint.outputs.exit-code }}");
  });

  it("uploads SARIF even when the lint step found errors, and fails the job after", () => {
    const steps = action.runs.steps as Array<{ name?: string; if?: string; uses?: string }>;
    const upload = steps.findIndex((s) => s.uses?.startsWith("github/codeql-action/upload-sarif"));
    const fail = steps.findIndex((s) => s.name === "Fail on errors");
    expect(steps[upload].if).toContain("always()");
    expect(fail).toBeGreaterThan(upload);
  });

  it.skipIf(!built)("its lint script annotates only a pull request's changed Markdown, from a shallow checkout", () => {
    const dir = mkdtempSync(join(tmpdir(), "nl-lint-action-"));
    const upstream = join(dir, "upstream");
    mkdirSync(upstream);
    sh("git", ["init", "-q", "-b", "main"], upstream);
    writeFileSync(join(upstream, "old.md"), "Veja o [site] (https://example.org) antigo.\n");
    sh("git", ["add", "."], upstream);
    sh("git", ["commit", "-q", "-m", "base"], upstream);
    sh("git", ["checkout", "-q", "-b", "topic"], upstream);
    writeFileSync(join(upstream, "new post.md"), "Veja o [guia] (https://example.org/guia) novo.\n");
    sh("git", ["add", "."], upstream);
    sh("git", ["commit", "-q", "-m", "new post"], upstream);
    // As actions/checkout does by default: one commit of the pull request's head, nothing else.
    sh("git", ["clone", "-q", "--depth", "1", "--branch", "topic", `file://${upstream}`, "work"], dir);
    const work = join(dir, "work");
    const outputFile = join(dir, "github-output");
    writeFileSync(outputFile, "");
    const run = sh("bash", [join(repoRoot, "scripts", "github-action.sh")], work, {
      ...gitEnv,
      GITHUB_ACTION_PATH: repoRoot,
      GITHUB_OUTPUT: outputFile,
      NL_LINT_BASE: "main",
      NL_LINT_ARGS: "--only broken-link,link-count",
      NL_LINT_SARIF: "reports/nl-lint.sarif",
    });
    expect(run.code).toBe(0);
    const commands = run.stdout.split("\n").filter((l) => l.startsWith("::"));
    expect(commands).toHaveLength(1);
    expect(commands[0]).toMatch(/^::error file=new post\.md,line=1,col=8,.*title=nl-lint broken-link::/);
    expect(readFileSync(outputFile, "utf8")).toBe("exit-code=1\n");
    const sarif = JSON.parse(readFileSync(join(work, "reports", "nl-lint.sarif"), "utf8"));
    expect(sarif.runs[0].results.map((r: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => r.locations[0].physicalLocation.artifactLocation.uri)).toEqual(["new%20post.md"]);
  });

  it.skipIf(!built)("its lint script lints the paths it is given, one a line", () => {
    const dir = mkdtempSync(join(tmpdir(), "nl-lint-action-"));
    writeFileSync(join(dir, "a b.md"), "Veja o [guia](https://example.org/guia).\n");
    writeFileSync(join(dir, "c.md"), "Veja o [guia] (https://example.org/guia).\n");
    const outputFile = join(dir, "github-output");
    const run = sh("bash", [join(repoRoot, "scripts", "github-action.sh")], dir, {
      ...gitEnv,
      GITHUB_ACTION_PATH: repoRoot,
      GITHUB_OUTPUT: outputFile,
      NL_LINT_PATHS: "a b.md\n",
      NL_LINT_ARGS: "--only broken-link",
    });
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe("");
    expect(readFileSync(outputFile, "utf8")).toBe("exit-code=0\n");
  });

  it.skipIf(!built)("its lint script lints only its shard's files when given one, and the shards together lint all of them", () => {
    const dir = mkdtempSync(join(tmpdir(), "nl-lint-action-"));
    const names = ["um.md", "dois.md", "três.md", "quatro.md", "cinco.md"];
    for (const name of names) writeFileSync(join(dir, name), `Leia o [texto] (https://example.org/${encodeURI(name)}).\n`);
    const annotated = (shard: string) => {
      const run = sh("bash", [join(repoRoot, "scripts", "github-action.sh")], dir, {
        ...gitEnv,
        GITHUB_ACTION_PATH: repoRoot,
        NL_LINT_PATHS: ".",
        NL_LINT_ARGS: "--only broken-link",
        NL_LINT_SHARD: shard,
      });
      return run.stdout.split("\n").flatMap((line) => /^::error file=([^,]+),/.exec(line)?.[1] ?? []);
    };
    const shards = [annotated("1/2"), annotated("2/2")];
    expect(shards[0].length).toBeGreaterThan(0);
    expect(shards[1].length).toBeGreaterThan(0);
    expect(shards.flat().sort()).toEqual([...names].sort());
  });

  it("uploads each shard's SARIF under a category of its own", () => {
    const upload = action.runs.steps.find((s: { uses?: string }) => s.uses?.startsWith("github/codeql-action/upload-sarif"));
    expect(upload.with.category).toContain("inputs.shard");
    expect(action.inputs.shard.default).toBe("");
  });
});
