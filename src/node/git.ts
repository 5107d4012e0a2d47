import { execFileSync } from "node:child_process";
import { realpathSync } from "node:fs";
import { dirname, relative, sep } from "node:path";

import type { FileCommit, SourceHistory } from "../drift/drift.js";

export type { FileCommit };

export type GitRunner = (cwd: string, args: string[]) => string;

const runGit: GitRunner = (cwd, args) =>
  execFileSync("git", args, { cwd, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, stdio: ["ignore", "pipe", "pipe"] });

/** The git questions drift needs, answered from the command line and remembered per run. */
export class GitHistory implements SourceHistory {
  private readonly tops = new Map<string, string | undefined>();
  private readonly shallow = new Map<string, boolean>();

  constructor(private readonly run: GitRunner = runGit) {}

  /** The work tree holding a file, or undefined outside any repository (or without git). */
  topOf(filePath: string): string | undefined {
    const folder = dirname(realpathSync(filePath));
    if (this.tops.has(folder)) return this.tops.get(folder);
    let top: string | undefined;
    try {
      top = realpathSync(this.run(folder, ["rev-parse", "--show-toplevel"]).trim());
    } catch {
      top = undefined;
    }
    this.tops.set(folder, top);
    return top;
  }

  isShallow(top: string): boolean {
    let answer = this.shallow.get(top);
    if (answer === undefined) {
      try {
        answer = this.run(top, ["rev-parse", "--is-shallow-repository"]).trim() === "true";
      } catch {
        answer = false;
      }
      this.shallow.set(top, answer);
    }
    return answer;
  }

  /** A path as git names it inside its work tree. */
  pathIn(top: string, filePath: string): string {
    return relative(top, realpathSync(filePath)).split(sep).join("/");
  }

  /** The full hash of a commit, or undefined when the repository does not have it. */
  resolveCommit(top: string, rev: string): string | undefined {
    if (!/^[0-9a-f]{4,64}$/i.test(rev)) return undefined;
    try {
      return this.run(top, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${rev}^{commit}`]).trim() || undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * The commits that touched a file, newest first, following it through renames. With `since`,
   * only those HEAD has and `since` does not (`since..HEAD`).
   */
  fileLog(top: string, path: string, since?: string): FileCommit[] {
    const range = since ? [`${since}..HEAD`] : [];
    let output: string;
    try {
      output = this.run(top, ["log", "--follow", "-M", "--format=%x1e%H%x1f%ct%x1f%s%x1f%b", "--name-status", "-z", ...range, "--", path]);
    } catch {
      // No commits yet, or a path git does not know.
      return [];
    }
    const commits: FileCommit[] = [];
    for (const record of output.split("\x1e")) {
      if (!record.trim()) continue;
      const headerEnd = record.indexOf("\0");
      const [hash, time, subject = "", body = ""] = (headerEnd < 0 ? record : record.slice(0, headerEnd)).split("\x1f");
      const fields = (headerEnd < 0 ? "" : record.slice(headerEnd + 1)).replace(/^\n/, "").split("\0").filter((f) => f !== "");
      const [status = "", first = path, second] = fields;
      const renamed = /^[RC]/.test(status) && second !== undefined;
      commits.push({
        hash: hash.trim(),
        time: Number(time),
        subject,
        ...(body.trim() ? { body: body.trim() } : {}),
        status,
        path: renamed ? second : first,
        ...(renamed ? { previousPath: first } : {}),
      });
    }
    return commits;
  }

  /** A file's text at a commit, or undefined when the commit has no such file. */
  fileAt(top: string, commit: string, path: string): string | undefined {
    try {
      return this.run(top, ["show", `${commit}:${path}`]);
    } catch {
      return undefined;
    }
  }
}
