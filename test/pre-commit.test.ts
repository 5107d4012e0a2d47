import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The real pre-commit, with this repository's .pre-commit-hooks.yaml, in a new repository that
 * uses the hook as a user would: a commit with a broken link is refused, a clean one goes in.
 * Installing the hook's environment runs npm (about a minute); the test skips cleanly when
 * pre-commit is not installed (.ci/run installs Debian's package).
 */

const repoRoot = import.meta.dirname ? join(import.meta.dirname, "..") : process.cwd();

function sh(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(command, args, { cwd, env, encoding: "utf8", timeout: 280_000 });
  return { code: r.status ?? -1, output: `${r.stdout ?? ""}${r.stderr ?? ""}` };
}

const hasPreCommit = sh("pre-commit", ["--version"], repoRoot).code === 0;
const head = sh("git", ["rev-parse", "HEAD"], repoRoot);
const hookCommitted = head.code === 0 && sh("git", ["cat-file", "-e", "HEAD:.pre-commit-hooks.yaml"], repoRoot).code === 0;

describe("the pre-commit hook", () => {
  it.skipIf(!hasPreCommit || !hookCommitted)(
    "blocks a commit with a broken link and lets a clean one through",
    () => {
      const work = mkdtempSync(join(tmpdir(), "nl-lint-pre-commit-"));
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        PRE_COMMIT_HOME: join(work, ".cache"),
        GIT_AUTHOR_NAME: "Tester", GIT_AUTHOR_EMAIL: "tester@example.org",
        GIT_COMMITTER_NAME: "Tester", GIT_COMMITTER_EMAIL: "tester@example.org",
        // npm's cache already holds nl-lint's dependencies after `npm ci`: use it first.
        npm_config_prefer_offline: "true", npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false",
      };
      const project = join(work, "blog");
      sh("git", ["init", "-q", "-b", "main", project], work, env);
      writeFileSync(
        join(project, ".pre-commit-config.yaml"),
        [
          "default_language_version:",
          "  node: system",
          "repos:",
          `  - repo: ${repoRoot}`,
          `    rev: ${head.output.trim()}`,
          "    hooks:",
          "      - id: nl-lint",
          "",
        ].join("\n"),
      );
      expect(sh("pre-commit", ["install"], project, env).code).toBe(0);

      writeFileSync(join(project, "post.md"), "# Olá\n\nVeja o [guia] (https://example.org/guia) antes.\n");
      // Link-like text outside Markdown is not the hook's business.
      writeFileSync(join(project, "notes.txt"), "[guia] (https://example.org/guia)\n");
      sh("git", ["add", "."], project, env);
      const blocked = sh("git", ["commit", "-q", "-m", "post with a broken link"], project, env);
      expect(blocked.output).toContain("broken-link");
      expect(blocked.output).toContain("post.md");
      expect(blocked.code).not.toBe(0);
      expect(sh("git", ["rev-parse", "--verify", "-q", "HEAD"], project, env).code).not.toBe(0);

      writeFileSync(join(project, "post.md"), "# Olá\n\nVeja o [guia](https://example.org/guia) antes.\n");
      sh("git", ["add", "."], project, env);
      const passed = sh("git", ["commit", "-q", "-m", "clean post"], project, env);
      expect(passed.output).toMatch(/nl-lint\.+Passed/);
      expect(passed.code).toBe(0);
      expect(sh("git", ["log", "--format=%s"], project, env).output.trim()).toBe("clean post");
    },
    300_000,
  );
});
