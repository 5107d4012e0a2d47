#!/usr/bin/env node
// Makes docs/status-dashboard.png: the status dashboard for the react.dev corpus in ../shared.
// The corpus has no git history, so a temporary repository is made from it: the English the
// pt-br translation was synced with (en/) and the translation are committed, then the later
// English (en-head/) is committed over it; the dashboard then shows what that later English
// leaves outdated. Needs `npm run build` first and Chromium (NL_LINT_CHROMIUM or /usr/bin/chromium).
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const root = resolve(import.meta.dirname, "..");
const corpus = join(root, "..", "shared", "corpus", "react");
const out = process.argv[2] ?? join(root, "docs", "status-dashboard.png");
const work = mkdtempSync(join(tmpdir(), "nl-lint-react-status-"));
const env = { ...process.env, GIT_AUTHOR_NAME: "docs", GIT_AUTHOR_EMAIL: "docs@example.org", GIT_COMMITTER_NAME: "docs", GIT_COMMITTER_EMAIL: "docs@example.org" };
const git = (...args) => execFileSync("git", ["-c", "commit.gpgsign=false", ...args], { cwd: work, env, stdio: "ignore" });

try {
  git("init", "-q", "-b", "main");
  cpSync(join(corpus, "en"), join(work, "en"), { recursive: true });
  cpSync(join(corpus, "pt-br"), join(work, "pt-br"), { recursive: true });
  git("add", "-A");
  git("commit", "-q", "-m", "English and its pt-br translation, in sync");
  rmSync(join(work, "en"), { recursive: true });
  cpSync(join(corpus, "en-head"), join(work, "en"), { recursive: true });
  git("add", "-A");
  git("commit", "-q", "-m", "Later English");
  execFileSync("node", [join(root, "bin", "nl-lint.js"), "status", "--format", "html", "-o", "status.html", "--source-root", "en", "pt-br"], { cwd: work, stdio: "inherit" });
  const browser = await chromium.launch({ executablePath: process.env.NL_LINT_CHROMIUM ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  const page = await browser.newPage({ viewport: { width: 1100, height: 760 } });
  await page.goto(pathToFileURL(join(work, "status.html")).href);
  await page.waitForSelector("details.folder-section[data-built]");
  await page.uncheck('input[data-filter="state"][value="up to date"]');
  await page.locator("details.page").first().locator("summary").click();
  await page.screenshot({ path: out, type: "png" });
  await browser.close();
  console.log(`wrote ${out}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
