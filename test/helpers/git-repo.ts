import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach } from "vitest";

export interface TempRepository {
  dir: string;
  git(...args: string[]): string;
  write(path: string, text: string): void;
  /** Commits everything; returns the new commit's hash. */
  commit(message: string): string;
}

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const env = { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.org", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.org" };

/** Runs git in a folder with a fixed identity and no signing, whatever the machine's configuration. */
export function runGit(dir: string, ...args: string[]): string {
  return execFileSync("git", ["-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", ...args], { cwd: dir, env, encoding: "utf8" });
}

/** A fresh git repository in a temporary folder, removed after the test. */
export function repository(): TempRepository {
  const dir = mkdtempSync(join(tmpdir(), "nl-lint-git-"));
  folders.push(dir);
  const git = (...args: string[]) => runGit(dir, ...args);
  git("init", "-q");
  return {
    dir,
    git,
    write(path, text) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    },
    commit(message) {
      git("add", "-A");
      git("commit", "-q", "-m", message);
      return git("rev-parse", "HEAD").trim();
    },
  };
}

/** A temporary folder removed after the test (for clones). */
export function tempFolder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
}

/** Whether git can be run here; tests that need it skip, saying why, when it cannot. */
export function hasGit(): boolean {
  try {
    execFileSync("git", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}
