import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtinRules } from "../rules/index.js";
import { run, type CliIO } from "../src/cli/main.js";
import { lintFile } from "../src/node/engine.js";
import { formatHtml } from "../src/formatters/html.js";
import type { Finding } from "../src/core/types.js";
import { hasChromium, openBrowser } from "./helpers/browser.js";
import { writeTempFiles } from "./helpers/temp-files.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const shared = join(root, "..", "shared");
const seedPath = join(shared, "seeds", "000_a0a147a17d4b6ea1.txt");

interface JsonFinding extends Omit<Finding, "start" | "end"> {
  range: [number, number];
}

function silentIO(cwd: string): CliIO {
  return { stdout: () => {}, stderr: () => {}, cwd, env: {}, isTTY: false };
}

/** Writes the posts, then lints them twice: once to an HTML report, once to JSON to know what to look for. */
async function makeReport(files: Record<string, string>): Promise<{ dir: string; url: string; findings: JsonFinding[][] }> {
  const dir = writeTempFiles(files, "review-report-");
  const names = Object.keys(files);
  expect(await run(["--format", "html", "--output-file", "report.html", ...names], silentIO(dir))).toBeLessThan(2);
  expect(await run(["--format", "json", "--output-file", "report.json", ...names], silentIO(dir))).toBeLessThan(2);
  const results = JSON.parse(readFileSync(join(dir, "report.json"), "utf8")) as Array<{ messages: JsonFinding[] }>;
  return { dir, url: pathToFileURL(join(dir, "report.html")).href, findings: results.map((r) => r.messages) };
}

/** What the page shows of one finding: the element that highlights it, where it sits, and its text. */
interface Highlight {
  kind: "mark" | "element" | "block";
  text: string;
  /** First and last line of the block (segment or excerpt) that holds the highlight. */
  lines: [number, number];
  side: "source" | "translation" | "outside";
  /** Whether the pair (or excerpt) holding the highlight also holds the finding's note. */
  noteInSamePair: boolean;
}

async function highlightOf(page: Page, token: string): Promise<Highlight | null> {
  return page.evaluate((t) => {
    const all = Array.from(document.querySelectorAll(`.file-body [data-f~="${t}"]:not(.note)`));
    if (all.length === 0) return null;
    const first = all[0];
    const block = first.closest("[data-lines]")!;
    const [from, to] = block.getAttribute("data-lines")!.split("-").map(Number);
    const container = first.closest(".pair, .outside")!;
    const kind = first.classList.contains("f-block") ? "block" : first.tagName === "MARK" ? "mark" : "element";
    const side = first.closest(".side.source") ? "source" : first.closest(".side.translation") ? "translation" : "outside";
    return {
      kind,
      text: all.map((el) => el.textContent).join(""),
      lines: [from, to] as [number, number],
      side,
      noteInSamePair: container.querySelector(`.note[data-f~="${t}"]`) !== null,
    } as const;
  }, token);
}

async function isInView(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((s) => {
    const el = document.querySelector(s);
    if (!el) return false;
    const box = el.getBoundingClientRect();
    const view = document.querySelector("main")!.getBoundingClientRect();
    return box.height > 0 && box.top >= view.top && box.bottom <= view.bottom;
  }, selector);
}

const squash = (text: string) => text.replace(/[*_`\\]/g, "").replace(/\s+/g, " ").trim();

/** Checks that a finding is drawn at its range, in the block of the line it names, beside its note. */
function expectHighlighted(highlight: Highlight | null, finding: JsonFinding, fileText: string): void {
  expect(highlight, `${finding.ruleId} at ${finding.line} is highlighted`).not.toBeNull();
  const h = highlight!;
  expect(h.noteInSamePair).toBe(true);
  expect(finding.line).toBeGreaterThanOrEqual(h.lines[0]);
  expect(finding.line).toBeLessThanOrEqual(h.lines[1]);
  if (h.side !== "outside") expect(h.side).toBe(finding.side);
  if (h.kind === "mark") {
    expect(squash(h.text).length).toBeGreaterThan(0);
    expect(squash(fileText.slice(finding.range[0], finding.range[1]))).toContain(squash(h.text));
  }
}

// A short inline bilingual post in the seed's shape, with defects put in on purpose.
const POST = [
  "---",
  'title: "Boletim de ferramentas #3"',
  "---",
  "",
  "<!-- Welcome to the third tools bulletin. This time we look at parsers, editors and a small linter. -->",
  "",
  "\\\\",
  "Bem-vindo ao terceiro boletim de ferramentas. Desta vez olhamos para analisadores, editores e um pequeno verificador.",
  "",
  "<!-- The [parser guide](https://parsers.example/guide) and the [editor notes](https://editors.example/notes) were both updated this week. -->",
  "",
  "\\\\",
  "O [guia de analisadores] (https://parsers.example/guide) e as [notas do editor](https://editors.example/notes) foram atualizados nesta semanna.",
  "",
  "<!-- Our favourite benchmark is still [SpeedBench](https://bench.example/speed) by the tools team. -->",
  "",
  "\\\\",
  "Nosso teste de desempenho favorito ainda é o SpeedBench](https://bench.example/speed) da equipe de ferramentas.",
  "",
].join("\n");

// Line of each defect in POST, by rule; the typo rule only where the build has it.
const PLANTED: Array<{ rule: string; line: number; kind: Highlight["kind"]; text?: string }> = [
  { rule: "broken-link", line: 13, kind: "mark", text: "[guia de analisadores] (" },
  { rule: "link-count", line: 13, kind: "block" },
  { rule: "broken-link", line: 18, kind: "mark", text: "SpeedBench](" },
  { rule: "link-count", line: 18, kind: "block" },
  ...(builtinRules.some((r) => r.id === "typo") ? [{ rule: "typo", line: 13, kind: "mark" as const, text: "semanna" }] : []),
];

function longPost(): string {
  const filler = Array.from({ length: 45 }, (_, i) =>
    `<!-- Section ${i + 1} explains that careful tools save time for every reviewer. -->\n\nA seção ${i + 1} explica que ferramentas cuidadosas poupam tempo de cada revisor.\n`,
  );
  return `${POST}\n${filler.join("\n")}\n<!-- The last note links the [archive](https://archive.example/all). -->\n\nA última nota aponta para o [arquivo] (https://archive.example/all).\n`;
}

const HOSTILE = [
  "<!-- Read <script>alert(1)</script> the [guide](javascript:alert(2)) now. -->",
  "",
  "Leia <script>alert(3)</script> o [guia](javascript:alert(4)) agora <img src=x onerror=alert(5)>.",
  "",
  "<!-- A picture ![pic](javascript:alert(6)) and <a href=\"javascript:alert(7)\">here</a> and [more](https://ok.example/). -->",
  "",
  "Uma foto ![foto](data:text/html,<script>alert(8)</script>) e [aqui](JaVa&#x09;ScRiPt:alert(9)) <svg onload=alert(10)> e [mais] (https://ok.example/).",
  "",
  "<!-- Press [me](  javascript:alert(11)) or <details open ontoggle=alert(12)>x</details> -->",
  "",
  "Clique [em mim](  javascript:alert(13)) ou <iframe src=\"javascript:alert(14)\"></iframe> `<script>alert(15)</script>`",
  "",
  "```html",
  "</template><script>alert(16)</script><img src=x onerror=alert(17)>",
  "```",
  "",
].join("\n");

// Each test lints with the real CLI and drives a browser: slow on a CI machine busy with other test files.
describe.skipIf(!hasChromium)("HTML review report in Chromium", { timeout: 180_000 }, () => {
  let browser: Awaited<ReturnType<typeof openBrowser>> | undefined;
  beforeAll(async () => {
    try {
      browser = await openBrowser();
    } catch (error) {
      // A Chromium that is installed but cannot start here (no shared memory, a broken package) is a missing one.
      console.warn(`Browser tests skipped: Chromium did not start: ${error instanceof Error ? error.message : String(error)}`);
    }
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  async function newPage(skip: () => void): Promise<Page> {
    if (!browser) skip();
    return browser!.context.newPage();
  }

  /** Loads a report and waits until the file it opens with has been built. */
  async function open(url: string, skip: () => void): Promise<Page> {
    const page = await newPage(skip);
    await page.goto(url);
    await page.waitForSelector("details.file[open][data-built]", { state: "attached" });
    return page;
  }

  it("highlights each defect of a bilingual post in its pair", async ({ skip }) => {
    const { url, findings } = await makeReport({ "post.md": POST });
    const page = await open(url, skip);
    for (const planted of PLANTED) {
      const index = findings[0].findIndex((f) => f.ruleId === planted.rule && f.line === planted.line);
      expect(index, `${planted.rule} reported at line ${planted.line} in ${JSON.stringify(findings[0].map((f) => [f.ruleId, f.line]))}`).toBeGreaterThanOrEqual(0);
      const highlight = await highlightOf(page, `0-${index}`);
      expectHighlighted(highlight, findings[0][index], POST);
      expect(highlight!.kind).toBe(planted.kind);
      expect(highlight!.side).toBe("translation");
      if (planted.text) expect(highlight!.text).toContain(planted.text);
    }
    for (const [index, finding] of findings[0].entries()) expectHighlighted(await highlightOf(page, `0-${index}`), finding, POST);
    // The source stays on the left, the translation on the right, in the same pair.
    const pair = page.locator(".pair", { hasText: "guia de analisadores" });
    await expect(pair.locator(".side.source").textContent()).resolves.toContain("parser guide");
    await page.close();
  });

  it.skipIf(!existsSync(seedPath))("highlights the seed's known defects that nl-lint finds, each in its pair", async ({ skip }) => {
    const seedText = readFileSync(seedPath, "utf8");
    const { url, findings } = await makeReport({ "seed.md": seedText });
    const expected = JSON.parse(readFileSync(join(shared, "expected", "seed.json"), "utf8")) as {
      defects: Array<{ line: number; rule: string; only?: string }>;
    };
    const page = await open(url, skip);
    let checked = 0;
    for (const defect of expected.defects.filter((d) => d.only !== "original")) {
      const index = findings[0].findIndex((f) => f.ruleId === defect.rule && Math.abs(f.line - defect.line) <= 1);
      if (index < 0) continue;
      expectHighlighted(await highlightOf(page, `0-${index}`), findings[0][index], seedText);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(5);
    await page.close();
  });

  it("scrolls to a finding clicked in the list, and j/k walk through the findings", async ({ skip }) => {
    const text = longPost();
    const { url, findings } = await makeReport({ "long.md": text });
    const page = await open(url, skip);
    const last = findings[0].findIndex((f) => f.ruleId === "broken-link" && f.line > 100);
    expect(last).toBeGreaterThanOrEqual(0);
    const mark = `.file-body mark[data-f~="0-${last}"]`;
    expect(await isInView(page, mark)).toBe(false);
    await page.click(`#findings li[data-f="0-${last}"] a`);
    await expect.poll(() => isInView(page, mark)).toBe(true);
    await expect(page.locator(mark).first().getAttribute("class")).resolves.toContain("current");

    await page.click(`#findings li[data-f="0-0"] a`);
    await expect.poll(() => isInView(page, mark)).toBe(false);
    const currentToken = () => page.evaluate(() => document.querySelector("#findings li.current")?.getAttribute("data-f"));
    await page.keyboard.press("j");
    expect(await currentToken()).toBe("0-1");
    await page.keyboard.press("n");
    expect(await currentToken()).toBe("0-2");
    await page.keyboard.press("k");
    expect(await currentToken()).toBe("0-1");
    await page.keyboard.press("p");
    expect(await currentToken()).toBe("0-0");
    await page.keyboard.press("p");
    expect(await currentToken()).toBe(`0-${findings[0].length - 1}`);
    await expect.poll(() => isInView(page, `.file-body [data-f~="0-${findings[0].length - 1}"]`)).toBe(true);
    await page.close();
  });

  it("filters findings by rule and by severity", async ({ skip }) => {
    const { url, findings } = await makeReport({ "post.md": POST });
    const page = await open(url, skip);
    const broken = findings[0].map((f, i) => ({ f, i })).filter(({ f }) => f.ruleId === "broken-link");
    const others = findings[0].map((f, i) => ({ f, i })).filter(({ f }) => f.ruleId !== "broken-link");
    expect(broken.length).toBeGreaterThan(0);
    expect(others.length).toBeGreaterThan(0);
    const entry = (i: number) => page.locator(`#findings li[data-f="0-${i}"]`);
    const markBackground = (i: number) =>
      page.evaluate((t) => getComputedStyle(document.querySelector(`.file-body mark[data-f~="${t}"]`)!).backgroundColor, `0-${i}`);
    const highlighted = await markBackground(broken[0].i);
    expect(highlighted).not.toBe("rgba(0, 0, 0, 0)");

    await page.uncheck('input[data-filter="rule"][value="broken-link"]');
    for (const { i } of broken) {
      await expect(entry(i).isVisible()).resolves.toBe(false);
      await expect(page.locator(`.note[data-f="0-${i}"]`).isVisible()).resolves.toBe(false);
    }
    for (const { i } of others) await expect(entry(i).isVisible()).resolves.toBe(true);
    expect(await markBackground(broken[0].i)).toBe("rgba(0, 0, 0, 0)");
    expect(await page.textContent("#shown-count")).toBe(String(others.length));
    // The checkbox keeps the focus; the next finding is the first one still shown.
    await page.keyboard.press("j");
    expect(await page.evaluate(() => document.querySelector("#findings li.current")?.getAttribute("data-f"))).toBe(`0-${others[0].i}`);

    await page.check('input[data-filter="rule"][value="broken-link"]');
    for (const { i } of broken) await expect(entry(i).isVisible()).resolves.toBe(true);
    expect(await markBackground(broken[0].i)).toBe(highlighted);

    await page.uncheck('input[data-filter="severity"][value="2"]');
    for (const [i, f] of findings[0].entries()) await expect(entry(i).isVisible()).resolves.toBe(f.severity !== 2);
    await page.check('input[data-filter="severity"][value="2"]');
    for (const [i] of findings[0].entries()) await expect(entry(i).isVisible()).resolves.toBe(true);
    await page.close();
  });

  it("opens a run of thousands of findings quickly and still finds the last one", async ({ skip }) => {
    const dir = mkdtempSync(join(tmpdir(), "review-run-"));
    const paragraph = (i: number) =>
      `<!-- Step ${i} is described in the [manual](https://manual.example/${i}). -->\n\nO passo ${i} está descrito no [manual] (https://manual.example/${i}).\n`;
    const results = Array.from({ length: 120 }, (_, f) => {
      const file = join(dir, `post-${f}.md`);
      writeFileSync(file, Array.from({ length: 15 }, (_, i) => paragraph(i)).join("\n"));
      return lintFile(file, { only: ["broken-link", "link-count"], review: true }).result;
    });
    const total = results.reduce((n, r) => n + r.messages.length, 0);
    expect(total).toBeGreaterThanOrEqual(3000);
    writeFileSync(join(dir, "report.html"), formatHtml(results, { color: false, cwd: dir }));

    const page = await newPage(skip);
    await page.goto(pathToFileURL(join(dir, "report.html")).href);
    const timing = await page.evaluate(() => {
      const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      const paint = performance.getEntriesByName("first-contentful-paint")[0];
      return { contentLoaded: navigation.domContentLoadedEventEnd, firstPaint: paint?.startTime ?? 0 };
    });
    console.info(`review report, ${total} findings in ${results.length} files: first contentful paint ${Math.round(timing.firstPaint)} ms, DOMContentLoaded ${Math.round(timing.contentLoaded)} ms`);
    // Generous, for a CI machine busy with the other test files: an idle one takes a fraction of it.
    expect(timing.firstPaint).toBeGreaterThan(0);
    expect(timing.firstPaint).toBeLessThan(3000);
    expect(timing.contentLoaded).toBeLessThan(10_000);
    const last = `${results.length - 1}-${results[results.length - 1].messages.length - 1}`;
    await page.click(`#findings li[data-f="${last}"] a`);
    await expect.poll(() => isInView(page, `.file-body [data-f~="${last}"]:not(.note)`)).toBe(true);
    // Only the files looked at were built.
    expect(await page.locator(".file-body .pair").count()).toBeLessThan(3 * 15);
    await page.close();
  });

  it("runs no script and loads nothing from a hostile post", async ({ skip }) => {
    const { url } = await makeReport({ "hostile.md": HOSTILE });
    const page = await newPage(skip);
    const dialogs: string[] = [];
    const navigations: string[] = [];
    const requests: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on("request", (request) => requests.push(request.url()));
    await page.goto(url);
    await page.waitForSelector("details.file[open][data-built]", { state: "attached" });
    page.on("framenavigated", (frame) => navigations.push(frame.url()));

    // The post's text is there, as text.
    await expect(page.locator(".file-body").textContent()).resolves.toContain("<script>alert(3)</script>");
    // Every neutralised link, image and raw tag is clicked: none may run or leave the page.
    for (const link of await page.locator(".file-body a:not([href]), .file-body .image, .file-body .raw-html").all()) await link.click();
    await page.keyboard.press("j");
    await page.waitForTimeout(300);

    expect(dialogs).toEqual([]);
    expect(navigations).toEqual([]);
    expect(requests).toEqual([url]);
    const unsafe = await page.evaluate(() => ({
      scripts: document.querySelectorAll('script:not([type="application/gzip"])').length,
      handlers: Array.from(document.querySelectorAll("*")).flatMap((el) => el.getAttributeNames().filter((n) => n.startsWith("on"))),
      hrefs: Array.from(document.querySelectorAll("[href], [src]")).map((el) => el.getAttribute("href") ?? el.getAttribute("src")),
      frames: document.querySelectorAll("iframe, object, embed, img, svg").length,
    }));
    expect(unsafe.scripts).toBe(1);
    expect(unsafe.handlers).toEqual([]);
    expect(unsafe.frames).toBe(0);
    for (const href of unsafe.hrefs) expect(href).toMatch(/^(#|https:\/\/ok\.example\/)/);
    await page.close();
  });
});
