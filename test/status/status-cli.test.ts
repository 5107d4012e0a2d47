import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "nl-lint-status-"));
  folders.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const status = (dir: string, args: string[]) => runCli(dir, ["status", ...args]);

interface Report {
  translations: Array<{
    file: string;
    source?: string;
    sourceFound: boolean;
    mode: string;
    language?: string;
    behind: boolean | null;
    coverage?: { sourceBlocks: number; translated: number; sourceLanguage: number; missing: number };
    drift?: { method: string; notes: string[] };
    changes: Array<{ change: string; sourceLines: Array<[number, number]>; translation?: { firstLine: number; lastLine: number } }>;
  }>;
  languages: Array<{ language: string; files: number; behind: number; current: number; unknown: number; sourceMissing: number; translatedPercent: number }>;
}

async function json(dir: string, args: string[]): Promise<Report> {
  const result = await status(dir, ["--format", "json", ...args]);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Report;
}

const ENGLISH = {
  "en/start.md": "---\ntitle: Start\n---\n\n# Start\n\nInstall the tool with the 2 commands below.\n\nThen run it on a folder of 10 files.\n",
  "en/faq.md": "# FAQ\n\nThe tool reads Markdown written in any of 5 languages.\n",
};

// start.md: fully translated; faq.md: its one paragraph left in English.
const PORTUGUESE = {
  "pt/start.md": "---\ntitle: Início\n---\n\n# Início\n\nInstale a ferramenta com os 2 comandos abaixo.\n\nDepois rode-a em uma pasta de 10 arquivos.\n",
  "pt/faq.md": "# Perguntas\n\nThe tool reads Markdown written in any of 5 languages.\n",
};

describe("nl-lint status on a plain folder (no git)", () => {
  it("measures each translation and each language, and cannot tell drift without a stamp", async () => {
    const dir = folder({ ...ENGLISH, ...PORTUGUESE });
    const report = await json(dir, ["--source-root", "en", "pt"]);
    const byName = Object.fromEntries(report.translations.map((t) => [t.file.slice(dir.length + 1), t]));
    expect(Object.keys(byName).sort()).toEqual(["pt/faq.md", "pt/start.md"]);
    expect(byName["pt/start.md"]).toMatchObject({ source: join(dir, "en/start.md"), language: "pt", behind: null, coverage: { sourceBlocks: 3, translated: 3, sourceLanguage: 0, missing: 0 } });
    expect(byName["pt/faq.md"].coverage).toEqual({ sourceBlocks: 2, translated: 1, sourceLanguage: 1, missing: 0, languageJudged: true });
    expect(byName["pt/start.md"].drift?.notes).toEqual(["no recorded source commit, no stamp, and no git repository"]);
    expect(report.languages).toEqual([expect.objectContaining({ language: "pt", files: 2, behind: 0, current: 0, unknown: 2, translatedPercent: 80 })]);
  });

  it("--stamp writes one front-matter line and nothing else, then later runs name the changed blocks", async () => {
    const dir = folder({ ...ENGLISH, ...PORTUGUESE });
    const stamped = await status(dir, ["--stamp", "--source-root", "en", "pt"]);
    expect(stamped.stderr).toContain("stamped 2 translations");
    const start = readFileSync(join(dir, "pt/start.md"), "utf8");
    const faq = readFileSync(join(dir, "pt/faq.md"), "utf8");
    expect(start.replace(/^nl-lint-source: v1( [0-9a-f]{8}){4}\n/m, "")).toBe(PORTUGUESE["pt/start.md"]);
    expect(faq).toMatch(/^---\nnl-lint-source: v1( [0-9a-f]{8}){2}\n---\n# Perguntas\n/);
    expect(faq.replace(/^---\n.*\n---\n/, "")).toBe(PORTUGUESE["pt/faq.md"]);

    const current = await json(dir, ["--source-root", "en", "pt"]);
    expect(current.translations.map((t) => [t.behind, t.drift?.method])).toEqual([[false, "stamp"], [false, "stamp"]]);

    // The English changes its second paragraph (line 9) and gains a third (line 11).
    writeFileSync(join(dir, "en/start.md"), ENGLISH["en/start.md"].replace("10 files.", "10 files or more.") + "\nIt stops at the first error.\n");
    const behind = await json(dir, ["--source-root", "en", "pt"]);
    const start2 = behind.translations.find((t) => t.file.endsWith("start.md"))!;
    expect(start2.behind).toBe(true);
    // Both changes come one after the other in the source: one place to work on, the second paragraph (translation line 10, after the stamp line).
    expect(start2.changes.map((c) => [c.change, c.sourceLines, c.translation && [c.translation.firstLine, c.translation.lastLine]])).toEqual([
      ["changed", [[9, 9], [11, 11]], [10, 10]],
    ]);
    expect(behind.languages[0]).toMatchObject({ behind: 1, current: 1 });

    // Stamping again after updating the translation makes it current; a second stamp changes nothing.
    await status(dir, ["--stamp", "--source-root", "en", "pt"]);
    const again = await status(dir, ["--stamp", "--source-root", "en", "pt"]);
    expect(again.stderr).toContain("stamped 0 translations (2 already current)");
    expect((await json(dir, ["--source-root", "en", "pt"])).translations.every((t) => t.behind === false)).toBe(true);
  });

  it("the table lists each translation, what needs work, and the totals per language", async () => {
    const dir = folder({ ...ENGLISH, ...PORTUGUESE });
    await status(dir, ["--stamp", "--source-root", "en", "pt"]);
    writeFileSync(join(dir, "en/faq.md"), "# FAQ\n\nThe tool reads Markdown written in any of 6 languages.\n");
    const { code, stdout } = await status(dir, ["--source-root", "en", "pt"]);
    expect(code).toBe(0);
    const lines = stdout.split("\n");
    expect(lines[0]).toMatch(/^translation +lang +blocks +translated +source lang +missing +drift$/);
    expect(lines[1]).toMatch(/^pt\/faq\.md +pt +2 +50\.0% +50\.0% +0\.0% +behind: 1 place \(stamp\)$/);
    // The stamp gave faq.md a three-line header: its paragraph is now on line 6.
    expect(lines[2]).toBe("    source line 3 (paragraph) → translation line 6");
    expect(lines[4]).toMatch(/^pt\/start\.md +pt +3 +100\.0% +0\.0% +0\.0% +current \(stamp\)$/);
    expect(stdout).toMatch(/\npt +2 +1 +1 +0 +0 +5 +80\.0% +20\.0% +0\.0%\n/);
  });

  it("--fail-under gates on each language's translated share", async () => {
    const dir = folder({ ...ENGLISH, ...PORTUGUESE });
    expect((await status(dir, ["--source-root", "en", "pt", "--fail-under", "80"])).code).toBe(0);
    const under = await status(dir, ["--source-root", "en", "pt", "--fail-under", "90"]);
    expect(under.code).toBe(1);
    expect(under.stderr).toContain("pt: 80.0% translated, under --fail-under 90");
    expect((await status(dir, ["--source-root", "en", "pt", "--fail-under", "120"])).code).toBe(2);
  });

  it("reports a translation whose source is missing, and leaves out files that are no translation", async () => {
    const dir = folder({ ...ENGLISH, "pt/start.md": PORTUGUESE["pt/start.md"], "pt/old.md": "# Antigo\n\nUma página que o inglês não tem mais.\n" });
    const report = await json(dir, ["--source-root", "en", "pt"]);
    const old = report.translations.find((t) => t.file.endsWith("old.md"))!;
    expect(old).toMatchObject({ sourceFound: false, behind: null, changes: [] });
    expect(report.languages[0]).toMatchObject({ files: 2, sourceMissing: 1 });
    const alone = folder({ "notes.md": "# Notas\n\nNada traduzido aqui.\n" });
    expect((await status(alone, ["notes.md"])).stdout).toMatch(/^No translations found/);
  });

  it("measures an inline bilingual post, where drift does not apply", async () => {
    const post = "<!-- The first sentence of the post. -->\nA primeira frase do post.\n\n<!-- A second sentence follows, with a link to https://example.org/more and the number 42. -->\n";
    const dir = folder({ "post[PT-BR].md": post });
    const report = await json(dir, ["."]);
    expect(report.translations[0]).toMatchObject({ mode: "inline", language: "pt-br", behind: null, coverage: { sourceBlocks: 2, translated: 1, missing: 1 } });
    expect(report.translations[0].drift).toBeUndefined();
  });

  it("a stamp wins over git history: it records what was synced, which a later unrelated commit does not", async () => {
    const dir = folder({ ...ENGLISH, ...PORTUGUESE });
    const env = { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.org", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.org" };
    const git = (...args: string[]) => execFileSync("git", ["-c", "commit.gpgsign=false", ...args], { cwd: dir, env });
    git("init", "-q");
    await status(dir, ["--stamp", "--source-root", "en", "pt"]);
    writeFileSync(join(dir, "en/faq.md"), "# FAQ\n\nThe tool reads Markdown written in any of 6 languages.\n");
    git("add", "-A");
    git("commit", "-q", "-m", "everything, the translation last touched in the same commit");
    const report = await json(dir, ["--source-root", "en", "pt"]);
    const faq = report.translations.find((t) => t.file.endsWith("faq.md"))!;
    expect(faq.drift?.method).toBe("stamp");
    expect(faq.behind).toBe(true);
  });
});
