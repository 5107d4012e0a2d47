import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, ConfigLoader } from "../src/node/config.js";
import { glossaryFromCsv, glossaryFromTbx, GlossaryFileError } from "../src/node/glossary-file.js";
import { builtinRules } from "../rules/index.js";
import { writeTempFiles } from "./helpers/temp-files.js";

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function problemOf(read: () => unknown): { line: number; message: string } {
  try {
    read();
  } catch (error) {
    if (error instanceof GlossaryFileError) return { line: error.line, message: error.message };
    throw error;
  }
  throw new Error("no error");
}

describe("CSV glossaries", () => {
  it("read a header, forms separated by |, several rows for one term, quoted cells and comments", () => {
    const csv = [
      "term,language,allowed forms",
      "# kept as it is everywhere",
      "cluster,*,cluster",
      'queue,fr,"file d\'attente|queue"',
      "queue,fr,file",
      "queue,es,cola",
      "",
    ].join("\n");
    expect(glossaryFromCsv(csv)).toEqual({
      cluster: { "*": ["cluster"] },
      queue: { fr: ["file d'attente", "queue", "file"], es: ["cola"] },
    });
  });

  it("name the line of a row without allowed forms", () => {
    expect(problemOf(() => glossaryFromCsv("term,language,forms\nqueue,fr,file\nbranch,de,\n"))).toEqual({
      line: 3,
      message: '"branch" (de) lists no allowed form in the third column',
    });
  });

  it("name the line of a language that is not a tag, and of a row with too many columns", () => {
    expect(problemOf(() => glossaryFromCsv("queue,French,file\n")).line).toBe(1);
    expect(problemOf(() => glossaryFromCsv("queue,fr,file\nbranch,de,Zweig,Ast\n"))).toMatchObject({ line: 2, message: expect.stringContaining("expected 3 columns") });
  });

  it("name the line where the CSV itself breaks", () => {
    expect(problemOf(() => glossaryFromCsv('queue,fr,file\nbranch,de,"Zweig\n'))).toMatchObject({ line: expect.any(Number), message: expect.stringContaining("not valid CSV") });
  });
});

describe("TBX-lite glossaries", () => {
  const tbx = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
<martif type="TBX" xml:lang="en">
  <text><body>
    <termEntry id="t1">
      <langSet xml:lang="en"><tig><term>queue</term></tig></langSet>
      <langSet xml:lang="fr"><tig><term>file d'attente</term></tig><tig><term>queue</term></tig></langSet>
      <langSet xml:lang="pt-BR"><ntig><termGrp><term>fila</term></termGrp></ntig></langSet>
    </termEntry>
  </body></text>
</martif>
`;

  it("give each non-source langSet's terms as allowed forms of the source term", () => {
    expect(glossaryFromTbx(tbx, "en")).toEqual({ queue: { fr: ["file d'attente", "queue"], "pt-BR": ["fila"] } });
  });

  it("name the line of an entry without a term in the source language", () => {
    const noSource = `<martif><text><body>\n<termEntry>\n<langSet xml:lang="fr"><tig><term>file</term></tig></langSet>\n</termEntry>\n</body></text></martif>`;
    expect(problemOf(() => glossaryFromTbx(noSource, "en"))).toEqual({ line: 2, message: "the termEntry has no langSet in the source language (en) to name its term" });
  });

  it("name the line where the XML is not well-formed", () => {
    const broken = `<martif>\n<termEntry>\n<langSet xml:lang="en"><tig><term>queue</tig></langSet>\n</termEntry>\n</martif>`;
    expect(problemOf(() => glossaryFromTbx(broken, "en"))).toMatchObject({ line: 3, message: expect.stringContaining("not well-formed XML") });
  });
});

describe("glossary configuration", () => {
  function settingsFor(files: Record<string, string>) {
    dir = writeTempFiles(files, "nl-lint-glossary-");
    return new ConfigLoader({ ruleSet: builtinRules, cwd: dir }).forFile(join(dir, "docs/post.md")).settings;
  }

  function configProblem(files: Record<string, string>): string {
    try {
      settingsFor(files);
    } catch (error) {
      if (error instanceof ConfigError) return error.describe(".nl-lint.json").replaceAll(dir!, "<dir>");
      throw error;
    }
    throw new Error("no error");
  }

  it("adds the glossary file's forms to the configured object's", () => {
    const settings = settingsFor({
      ".nl-lint.json": JSON.stringify({ glossaryFile: "terms.csv", glossary: { queue: { fr: ["queue"] }, branch: { de: ["Zweig"] } } }),
      "terms.csv": "queue,fr,file d'attente\n",
      "docs/post.md": "",
    });
    expect(settings.glossary).toEqual({ queue: { fr: ["file d'attente", "queue"] }, branch: { de: ["Zweig"] } });
  });

  it("says which file and line of the glossary file is wrong", () => {
    const message = configProblem({ ".nl-lint.json": JSON.stringify({ glossaryFile: "terms.csv" }), "terms.csv": "queue,fr,file\nbranch,,Zweig\n", "docs/post.md": "" });
    expect(message).toBe('.nl-lint.json: glossaryFile: <dir>/terms.csv:2: expected a language tag (pt-BR, es, *) in the second column, got ""');
  });

  it("says when the glossary file is missing or has another extension", () => {
    expect(configProblem({ ".nl-lint.json": JSON.stringify({ glossaryFile: "none.csv" }), "docs/post.md": "" })).toContain("cannot read the glossary file: ENOENT");
    expect(configProblem({ ".nl-lint.json": JSON.stringify({ glossaryFile: "terms.txt" }), "terms.txt": "", "docs/post.md": "" })).toContain("a glossary file is .csv or .tbx, not .txt");
  });

  it("checks the glossary object's shape, naming the key path", () => {
    const message = configProblem({ ".nl-lint.json": JSON.stringify({ glossary: { queue: { fr: [] }, branch: { "not a tag": ["x"] } } }), "docs/post.md": "" });
    expect(message).toContain("list at least one allowed form");
    expect(message).toContain("expected a language tag (pt-BR, es) or * for every language");
    expect(message).toContain("glossary.queue.fr");
  });
});
