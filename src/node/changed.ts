import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";

const MARKDOWN = /\.(md|mdx|markdown)$/i;

function git(cwd: string, args: string[]): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, stdio: ["ignore", "pipe", "pipe"] });
}

function names(output: string): string[] {
  return output.split("\0").filter(Boolean);
}

export class ChangedFilesError extends Error {}

/**
 * The Markdown files changed since a git ref, as absolute paths: those changed on this branch
 * since it left `ref` (`git diff REF...HEAD`, what a pull request shows), those changed in the
 * work tree or the index but not committed yet, and new files git does not ignore. The last two
 * are empty in CI; locally they make `--changed-since main` cover work in progress too.
 * Deleted files are left out: there is nothing to lint.
 */
export function changedMarkdownFiles(cwd: string, ref: string): string[] {
  let top: string;
  try {
    top = git(cwd, ["rev-parse", "--show-toplevel"]).trim();
  } catch {
    throw new ChangedFilesError(`--changed-since needs a git repository, and ${cwd} is not in one`);
  }
  const found = new Set<string>();
  try {
    // The ref is passed after "--end-of-options" so that a ref cannot be read as an option.
    for (const name of names(git(top, ["diff", "--name-only", "-z", "--no-renames", "--diff-filter=d", "--end-of-options", `${ref}...HEAD`, "--"]))) found.add(name);
  } catch (error) {
    const detail = ((error as { stderr?: string }).stderr ?? "").trim().split("\n")[0];
    throw new ChangedFilesError(`cannot compare with '${ref}'${detail ? `: ${detail}` : ""} (in CI, fetch the base branch and its history, e.g. actions/checkout with fetch-depth: 0)`);
  }
  for (const name of names(git(top, ["diff", "--name-only", "-z", "--no-renames", "--diff-filter=d", "HEAD", "--"]))) found.add(name);
  for (const name of names(git(top, ["ls-files", "-z", "--others", "--exclude-standard"]))) found.add(name);
  return [...found]
    .filter((name) => MARKDOWN.test(name))
    .map((name) => resolve(top, name))
    .filter((file) => existsSync(file))
    .sort();
}
