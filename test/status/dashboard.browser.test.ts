import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run, type CliIO } from "../../src/cli/main.js";
import { hasChromium, openBrowser } from "../helpers/browser.js";
import { hasGit, repository, type TempRepository } from "../helpers/git-repo.js";

const HOSTILE = "<img src=x onerror=alert(1)>";
const SOURCES: Record<string, string> = {
  "intro.md": "# Welcome\n\nThis guide has 4 parts.\n\nStart with part 1.\n",
  "setup.md": "# Setup\n\nInstall version 2 of the tool.\n\nRun it on port 8080.\n",
  [`tricky ${HOSTILE}.md`]: `# Title ${HOSTILE}\n\nThe 3 rules apply.\n`,
};
const TRANSLATIONS: Record<string, Record<string, string>> = {
  de: {
    "intro.md": "# Willkommen\n\nDiese Anleitung hat 4 Teile.\n\nBeginnen Sie mit Teil 1.\n",
    "setup.md": "# Einrichtung\n\nInstallieren Sie Version 2 des Werkzeugs.\n\nStarten Sie es auf Port 8080.\n",
    [`tricky ${HOSTILE}.md`]: `# Titel ${HOSTILE}\n\nDie 3 Regeln gelten.\n`,
  },
  fr: {
    "intro.md": "# Bienvenue\n\nCe guide comporte 4 parties.\n\nCommencez par la partie 1.\n",
    "setup.md": "# Installation\n\nInstallez la version 2 de l'outil.\n\nLancez-le sur le port 8080.\n",
  },
  es: {
    "intro.md": "# Bienvenido\n\nEsta guía tiene 4 partes.\n\nEmpiece por la parte 1.\n",
  },
};

/**
 * Three languages translated from `en/`, then the English edited: setup's port changes (a real
 * change: de and fr outdated), intro gets an apostrophe in a commit marked "fix typo" (skipped).
 */
function site(): TempRepository {
  const repo = repository();
  for (const [page, text] of Object.entries(SOURCES)) repo.write(`en/${page}`, text);
  for (const [language, pages] of Object.entries(TRANSLATIONS)) for (const [page, text] of Object.entries(pages)) repo.write(`${language}/${page}`, text);
  repo.commit("site");
  repo.write("en/setup.md", SOURCES["setup.md"].replace("Run it on port 8080.", "Run it on port 9090 as a service."));
  repo.commit("a new port");
  repo.write("en/intro.md", SOURCES["intro.md"].replace("Start with part 1.", "Start with part 1!"));
  repo.commit("fix typo");
  return repo;
}

const silent = (cwd: string): CliIO => ({ stdout: () => {}, stderr: () => {}, cwd, env: {}, isTTY: false });

describe.skipIf(!hasChromium || !hasGit())("the status dashboard in Chromium", () => {
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  let page: Page;
  let html: string;
  const alerts: string[] = [];

  beforeAll(async () => {
    // The repository goes after the first test; the page, loaded, stays.
    const repo = site();
    expect(await run(["status", "--format", "html", "-o", "status.html", "--source-root", "en", "de", "fr", "es"], silent(repo.dir))).toBe(0);
    browser = await openBrowser();
    page = await browser.context.newPage();
    page.on("dialog", (dialog) => {
      alerts.push(dialog.message());
      void dialog.dismiss();
    });
    html = readFileSync(join(repo.dir, "status.html"), "utf8");
    await page.goto(pathToFileURL(join(repo.dir, "status.html")).href);
    await page.waitForSelector("details.folder-section[data-built]");
  }, 60_000);
  afterAll(async () => browser?.close());

  const languageRow = (language: string) =>
    page.$$eval(`#languages tr[data-lang="${language}"] td`, (cells) => cells.map((c) => c.textContent!.trim()));

  it("shows each language's share and counts", async () => {
    // translated, pages, up to date, outdated, untranslated, missing, unknown, no source
    expect(await languageRow("de")).toEqual(["100.0%", "3", "2", "1", "0", "0", "0", "0"]);
    expect(await languageRow("fr")).toEqual(["66.7%", "3", "1", "1", "0", "1", "0", "0"]);
    expect(await languageRow("es")).toEqual(["33.3%", "3", "1", "0", "0", "2", "0", "0"]);
  });

  it("filters by state and by language", async () => {
    const visible = () => page.$$eval(".page:not([hidden])", (rows) => rows.map((r) => `${r.getAttribute("data-lang")} ${r.querySelector(".page-link")!.textContent}`));
    expect(await visible()).toHaveLength(9);
    await page.uncheck('input[data-filter="state"][value="up to date"]');
    expect((await visible()).sort()).toEqual(["de setup.md", "es setup.md", `es tricky ${HOSTILE}.md`, "fr setup.md", `fr tricky ${HOSTILE}.md`]);
    await page.uncheck('input[data-filter="lang"][value="es"]');
    expect((await visible()).sort()).toEqual(["de setup.md", "fr setup.md", `fr tricky ${HOSTILE}.md`]);
    expect(await page.textContent("#shown-count")).toBe("3");
    await page.check('input[data-filter="state"][value="up to date"]');
    await page.check('input[data-filter="lang"][value="es"]');
  });

  it("shows an outdated page's changed source words, and links to its file", async () => {
    const entry = page.locator('details.page[data-lang="de"]');
    await entry.locator("summary").click();
    expect(await entry.locator(".behind").textContent()).toMatch(/^1 source commit behind, since \d{4}-\d\d-\d\d$/);
    expect(await entry.locator("del").allTextContents()).toEqual(["8080"]);
    expect(await entry.locator("ins").allTextContents()).toEqual(["9090 as a service"]);
    expect(await entry.locator(".page-link").getAttribute("href")).toBe("de/setup.md");
    // The skipped "fix typo" commit left intro current.
    expect(await page.locator('.page[data-lang="de"]', { hasText: "intro.md" }).getAttribute("data-state")).toBe("up to date");
  });

  it("runs no script from a hostile file name or title, and escapes them", async () => {
    expect(alerts).toEqual([]);
    expect(await page.locator("img").count()).toBe(0);
    expect(html).not.toContain(HOSTILE);
    expect(await page.locator(".page-link", { hasText: HOSTILE }).first().getAttribute("href")).toBe(`de/${encodeURIComponent(`tricky ${HOSTILE}.md`)}`);
  });
});
