import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import fg from "fast-glob";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

const corpus = join(import.meta.dirname, "..", "..", "..", "shared", "corpus", "react");
// A part of the corpus, so that the test stays quick: the whole corpus is checked by hand (README).
const FOLDERS = ["src/content/community", "src/content/warnings", "src/content/learn/react-compiler"];

const work = mkdtempSync(join(tmpdir(), "nl-lint-react-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const status = (args: string[]) => runCli(work, ["status", ...args]);

describe.skipIf(!existsSync(corpus))("react.dev pt-br: stamped against the English it synced with, checked against a later English", () => {
  it("reports behind exactly the pages whose English changed, at the blocks that changed", async () => {
    for (const folder of FOLDERS) cpSync(join(corpus, "pt-br", folder), join(work, "pt-br", folder), { recursive: true });
    const stamped = await status(["--stamp", "--source-root", join(corpus, "en"), "pt-br"]);
    expect(stamped.code, stamped.stderr).toBe(0);

    const result = await status(["--format", "json", "--source-root", join(corpus, "en-head"), "pt-br"]);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as {
      translations: Array<{ file: string; behind: boolean | null; changes: Array<{ sourceLines: Array<[number, number]>; translation?: { firstLine: number } }> }>;
    };
    const name = (file: string) => relative(join(work, "pt-br"), file);
    const behind = report.translations.filter((t) => t.behind).map((t) => name(t.file)).sort();

    // What `diff -rq en en-head` says, for the pages this translation has.
    const pages = (await fg(FOLDERS.map((f) => `${f}/**/*.md`), { cwd: join(work, "pt-br") })).sort();
    const changed = pages.filter((page) => {
      const [before, after] = [join(corpus, "en", page), join(corpus, "en-head", page)];
      return existsSync(before) && existsSync(after) && readFileSync(before, "utf8") !== readFileSync(after, "utf8");
    });
    expect(changed.length).toBeGreaterThan(3);
    expect(behind).toEqual(changed);

    // Checked by reading both Englishes and the translation (lines count the stamp's line).
    const places = (page: string) => report.translations.find((t) => name(t.file) === page)!.changes.map((c) => [c.sourceLines, c.translation?.firstLine]);
    expect(places("src/content/community/acknowledgements.md")).toEqual([[[[7, 7]], 8]]);
    expect(places("src/content/community/versioning-policy.md")).toEqual([[[[139, 139]], 140], [[[169, 169]], 170]]);
    expect(places("src/content/warnings/invalid-aria-prop.md")).toEqual([[[[11, 11]], 12]]);
  }, 300_000);
});
