import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import rule from "../../rules/outdated-source/index.js";
import { fixUntilStable } from "../../src/core/fix.js";
import { lint } from "../../src/core/lint.js";
import { lintFiles } from "../../src/node/lint-files.js";
import { runRuleTests } from "../helpers/rule-tester.js";
import { writeTempFiles } from "../helpers/temp-files.js";

// The English file of most cases: a short how-to as it reads today.
const english = "# Backups\n\nCopy the data folder to another disk every night.\n\nKeep at least three copies.\n";
const ptBr = { targetLanguage: "pt-br" };

runRuleTests(rule, {
  valid: [
    {
      name: "every comment keeps its block word for word",
      code: "# Cópias\n\nCopie a pasta de dados para outro disco toda noite.\n\n<!-- Copy the data folder to another disk every night. -->\n\nGuarde pelo menos três cópias.\n\n<!-- Keep at least three copies. -->\n",
      source: english,
      lint: ptBr,
    },
    {
      name: "a comment wrapped over several lines, with trailing spaces, is the same block",
      code: "# Cópias\n\nCopie a pasta de dados para outro disco toda noite.\n\n<!-- Copy the data folder   \nto another disk\nevery night. -->\n\nGuarde pelo menos três cópias.\n\n<!-- Keep at least three copies. -->\n",
      source: english,
      lint: ptBr,
    },
    {
      name: "typographic quotes in the file and straight ones in the comment say the same",
      code: "Ele disse \"pronto\".\n\n<!-- He said \"done\". It's over. -->\n",
      source: "He said “done”. It’s over.\n",
      lint: ptBr,
    },
    {
      name: "a spacer line inside a comment, where the file has two blocks, and `...` for `…`",
      code: "Espere... e depois reinicie.\n\n<!-- Wait...\n\\\\\nthen restart. -->\n",
      source: "Wait…\n\\\\\nthen restart.\n",
      lint: ptBr,
    },
    {
      name: "a list item written with another marker is the same item",
      code: "- Copie a pasta.\n  <!-- * Copy the folder. -->\n",
      source: "- Copy the folder.\n",
      lint: ptBr,
    },
    {
      name: "a parallel translation without comments is left to the other rules",
      code: "# Cópias\n\nCopie a pasta para outro disco.\n",
      source: english,
      lint: ptBr,
    },
    {
      name: "a translator's note in a comment, in the target language, is not English to compare",
      code: "Guarde pelo menos três cópias.\n\n<!-- Keep at least three copies. -->\n\n<!-- Nota: o texto original usa o termo em inglês de propósito, mantenha assim. -->\n",
      source: "Keep at least three copies.\n",
      lint: ptBr,
    },
    {
      name: "a code block kept in a comment matches the same code block in the file",
      code: "Rode:\n\n<!-- Run:\n\n```sh\nbackup --all\n```\n-->\n\n```sh\nbackup --all\n```\n",
      source: "Run:\n\n```sh\nbackup --all\n```\n",
      lint: ptBr,
    },
    {
      name: "a title translated without a comment is not a block the comments lost",
      code: "## Antes de começar\n\nFeche o programa.\n\n<!-- Close the program. -->\n",
      source: "## Before you start\n\nClose the program.\n",
      lint: ptBr,
    },
    {
      name: "a bold title line on top of the file's paragraph, set apart by the translator without a comment",
      code: "***Um aviso***\n\nA versão antiga deixa de funcionar em maio.\n\n<!-- The old version stops working in May. -->\n",
      source: "***A warning***\nThe old version stops working in May.\n",
      lint: ptBr,
    },
    {
      name: "a comment that keeps as one paragraph what the file splits in two",
      code: "Copie a pasta. Guarde três cópias.\n\n<!-- Copy the folder.\nKeep three copies. -->\n",
      source: "Copy the folder.\n\nKeep three copies.\n",
      lint: ptBr,
    },
  ],
  invalid: [
    {
      name: "a changed word: the diff names it, --fix writes today's English and marks the translation",
      code: "# Cópias\n\nCopie a pasta de dados para outro disco toda semana.\n\n<!-- Copy the data folder to another disk every week. -->\n\nGuarde pelo menos três cópias.\n\n<!-- Keep at least three copies. -->\n",
      source: english,
      lint: ptBr,
      errors: [{ messageId: "changed", message: "The English in this comment differs from the source file (line 3): - week. + night.", line: 5, column: 6 }],
      output:
        "# Cópias\n\n<!-- nl-lint-review -- source changed: check this translation, then delete this line -->\nCopie a pasta de dados para outro disco toda semana.\n\n<!-- Copy the data folder to another disk every night. -->\n\nGuarde pelo menos três cópias.\n\n<!-- Keep at least three copies. -->\n",
    },
    {
      name: "a block the file added between two kept ones is reported at the comment before it",
      code: "Copie a pasta de dados para outro disco toda noite.\n\n<!-- Copy the data folder to another disk every night. -->\n\nGuarde pelo menos três cópias.\n\n<!-- Keep at least three copies. -->\n",
      source: "Copy the data folder to another disk every night.\n\nCheck that the copy can be read back.\n\nKeep at least three copies.\n",
      lint: ptBr,
      errors: [{ messageId: "added", messageIncludes: '(line 3) that no comment keeps, after this one: "Check that the copy can be read back."', line: 3 }],
      output: null,
    },
    {
      name: "a block the file no longer has is reported at its comment",
      code: "# Cópias\n\nCopie a pasta de dados para outro disco toda noite.\n\n<!-- Copy the data folder to another disk every night. -->\n\nUse um disco criptografado.\n\n<!-- Use an encrypted disk. -->\n\nGuarde pelo menos três cópias.\n\n<!-- Keep at least three copies. -->\n",
      source: english,
      lint: ptBr,
      errors: [{ messageId: "removed", line: 9 }],
      output: null,
    },
    {
      name: "English kept before its translation (the comment first): the marker goes above the translation",
      code: "<!-- Keep at least two copies. -->\nGuarde pelo menos duas cópias.\n",
      source: "Keep at least three copies.\n",
      lint: ptBr,
      errors: [{ messageId: "changed", message: "The English in this comment differs from the source file (line 1): - two + three", line: 1 }],
      output: "<!-- Keep at least three copies. -->\n<!-- nl-lint-review -- source changed: check this translation, then delete this line -->\nGuarde pelo menos duas cópias.\n",
    },
    {
      name: "a changed list item is reported, but not fixed: its translation cannot take a marker line",
      code: "- Copie a pasta.\n  <!-- - Copy the folder. -->\n- Guarde duas cópias.\n  <!-- - Keep two copies. -->\n",
      source: "- Copy the folder.\n- Keep three copies.\n",
      lint: ptBr,
      errors: [{ messageId: "changed", line: 4 }],
      output: null,
    },
    {
      name: "a review marker is reported until it is deleted",
      code: "<!-- nl-lint-review -- source changed: check this translation, then delete this line -->\nGuarde pelo menos três cópias.\n\n<!-- Keep at least three copies. -->\n",
      source: "Keep at least three copies.\n",
      lint: ptBr,
      errors: [{ messageId: "review", line: 1, column: 1 }],
      output: null,
    },
  ],
});

describe("outdated-source and the aligner", () => {
  it("does not take for added a title rendered without a comment that the aligner joined to the next comment's pair", () => {
    const code = "Leia as notícias.\n\n<!-- Read the news. -->\n\n# Eventos\n\n***TinyML Summit***\n\nO encontro é em junho.\n\n<!-- The meeting is in June. -->\n";
    const source = "Read the news.\n\n# Events\n\n***TinyML Summit***\n\nThe meeting is in June.\n";
    const { document } = lint(code, { ...ptBr, source: { text: source }, ruleSet: [rule] });
    // As on real posts where the title shares names with the paragraph: its pair takes the title too.
    const title = document.pairs.findIndex((p) => p.sources.length === 0 && p.translations[0]?.raw === "***TinyML Summit***");
    expect(title).toBeGreaterThan(0);
    const [joined] = document.pairs.splice(title, 1);
    document.pairs[title].translations.unshift(...joined.translations);
    const messages: string[] = [];
    rule.check({ document, options: {}, settings: {}, report: (r) => messages.push(r.messageId) });
    expect(messages).toEqual([]);
  });
});

describe("the review marker", () => {
  it("is a directive that suppresses nothing and is not reported as unknown", () => {
    const code = "<!-- nl-lint-review -- source changed: check this translation, then delete this line -->\nGuarde duas cópias.\n\n<!-- Keep two copies. -->\n";
    const { findings } = lint(code, { ...ptBr, reportUnusedDisableDirectives: "error", only: ["outdated-source"] });
    expect(findings.map((f) => f.ruleId)).toEqual(["outdated-source"]);
  });
});

describe("outdated-source --fix", () => {
  const post = "# Cópias\n\nCopie a pasta de dados para outro disco toda semana.\n\n<!-- Copy the data folder to another disk every week. -->\n\nGuarde pelo menos três cópias.\n\n<!-- Keep at least three copies. -->\n";
  const fixedPost = "# Cópias\n\n<!-- nl-lint-review -- source changed: check this translation, then delete this line -->\nCopie a pasta de dados para outro disco toda semana.\n\n<!-- Copy the data folder to another disk every night. -->\n\nGuarde pelo menos três cópias.\n\n<!-- Keep at least three copies. -->\n";
  const lintPost = (text: string) => lint(text, { ...ptBr, source: { text: english }, ruleSet: [rule] }).findings;

  it("is kept by the verifier although it leaves a review finding, and a second run changes nothing", () => {
    const first = fixUntilStable(post, lintPost);
    expect(first.output).toBe(fixedPost);
    expect(first.findings.map((f) => f.messageId)).toEqual(["review"]);
    const second = fixUntilStable(first.output, lintPost);
    expect(second.changed).toBe(false);
  });

  it("writes the file's own line endings in a file with CRLF", () => {
    const crlf = (text: string) => text.replace(/\n/g, "\r\n");
    const fixed = fixUntilStable(crlf(post), lintPost);
    expect(fixed.output).toBe(crlf(fixedPost));
  });

  it("writes English from a CRLF source file with the post's own line endings", () => {
    const lintWithCrlfSource = (text: string) => lint(text, { ...ptBr, source: { text: english.replace(/\n/g, "\r\n") }, ruleSet: [rule] }).findings;
    expect(fixUntilStable(post, lintWithCrlfSource).output).toBe(fixedPost);
  });
});

describe("outdated-source finds the English file of an inline post", () => {
  const post = "Guarde pelo menos duas cópias.\n\n<!-- Keep at least two copies. -->\n";
  const findingsOf = async (files: Record<string, string>, target: string, options: Parameters<typeof lintFiles>[1] = {}) => {
    const dir = writeTempFiles(files);
    const run = await lintFiles([join(dir, target)], { cwd: dir, only: ["outdated-source"], concurrency: 1, ...options });
    return run.results.flatMap((r) => r.messages.map((m) => m.messageId));
  };

  it("through the configuration's pairs", async () => {
    const config = JSON.stringify({ pairs: [{ source: "en/*.md", translation: "pt-br/*.md" }] });
    expect(await findingsOf({ ".nl-lint.json": config, "en/tips.md": "Keep at least three copies.\n", "pt-br/tips.md": post }, "pt-br/tips.md")).toEqual(["changed"]);
  });

  it("through --source-root", async () => {
    expect(await findingsOf({ "en/tips.md": "Keep at least three copies.\n", "pt-br/tips.md": post }, "pt-br", { sourceRoot: "en" })).toEqual(["changed"]);
  });

  it("through a front-matter key naming the source", async () => {
    const named = `---\nsource: ../en/tips.md\n---\n\n${post}`;
    expect(await findingsOf({ "en/tips.md": "Keep at least three copies.\n", "pt-br/tips.md": named }, "pt-br/tips.md")).toEqual(["changed"]);
  });

  it("and without one says nothing", async () => {
    expect(await findingsOf({ "pt-br/tips.md": post }, "pt-br/tips.md")).toEqual([]);
  });
});

describe("outdated-source on the dair.ai newsletter", () => {
  const config = join(import.meta.dirname, "..", "..", "fixtures", "dair-ai-newsletter.nl-lint.json");
  const corpus = join(import.meta.dirname, "..", "..", "..", "shared", "corpus", "dair-ai-newsletter");
  const present = (() => {
    try {
      return readFileSync(join(corpus, "pairs.json"), "utf8").length > 0;
    } catch {
      return false;
    }
  })();

  it.skipIf(!present)("finds the post whose comment lacks the link the English file has", async () => {
    const post = join(corpus, "2020-03-02-NLP_Newsletter[PT-BR]_BERTology_Primer_fastpages_T5.md");
    const run = await lintFiles([post], { configFile: config, only: ["outdated-source"], concurrency: 1 });
    expect(run.results[0].messages.map((m) => m.messageId)).toEqual(["changed"]);
  });
});
