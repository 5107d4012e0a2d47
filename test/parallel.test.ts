import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import linkCount from "../rules/link-count.js";
import { buildDocument } from "../src/core/document.js";
import { lint } from "../src/core/lint.js";
import { proseIdentity } from "../rules/untranslated/prose-identity.js";
import type { LintDocument, Segment } from "../src/core/types.js";

const folder = join(import.meta.dirname, "..", "fixtures", "parallel");
const read = (path: string) => readFileSync(join(folder, path), "utf8");

function parallel(sourcePath: string, translationPath: string): LintDocument {
  return buildDocument(read(translationPath), {
    filePath: translationPath,
    source: { text: read(sourcePath), filePath: sourcePath },
  });
}

/** Each pair as "source lines->translation lines" ("-" for an empty side), in the document's order. */
function pairLines(document: LintDocument): string[] {
  const line = (s: Segment) => (s.side === "source" ? document.sourceLines : document.lines).position(s.start).line;
  return document.pairs.map((p) => `${p.sources.map(line).join("+") || "-"}->${p.translations.map(line).join("+") || "-"}`);
}

function kindsOf(document: LintDocument, side: "source" | "translation"): string[] {
  const lines = side === "source" ? document.sourceLines : document.lines;
  return document.segments.filter((s) => s.side === side).map((s) => `${lines.position(s.start).line}:${s.kind}`);
}

describe("aligning a translation with its source file", () => {
  const install = parallel("en/install.md", "pt-br/install.md");

  it("is parallel mode, with the source text and lines of the source file", () => {
    expect(install.mode).toBe("parallel");
    expect(install.sourceText).toBe(read("en/install.md"));
    expect(install.sourceFilePath).toBe("en/install.md");
  });

  it("pairs a translated heading with its source through a preserved {#id} anchor", () => {
    // en 18 "## Install {#install}" ↔ pt-br 17 "## Instalação {#install}"
    expect(pairLines(install)).toContain("18->17");
    expect(pairLines(install)).toContain("28->21");
  });

  it("leaves a section missing from the translation unpaired, heading and body", () => {
    const pairs = pairLines(install);
    // en 22-26: "## Configure" and its two paragraphs have no translation.
    expect(pairs).toContain("22->-");
    expect(pairs).toContain("24->-");
    expect(pairs).toContain("26->-");
    // …and the sections around it still pair with their translations.
    expect(pairs).toContain("20->19");
    expect(pairs).toContain("28->21");
    expect(pairs.filter((p) => p.endsWith("->-"))).toEqual(["14->-", "22->-", "24->-", "26->-"]);
    expect(pairs.filter((p) => p.startsWith("-"))).toEqual([]);
  });

  it("pairs list items one by one and leaves a dropped item unpaired", () => {
    const pairs = pairLines(install);
    expect(pairs).toContain("13->13");
    expect(pairs).toContain("14->-");
    expect(pairs).toContain("15->14");
    expect(pairs).toContain("16->15");
  });

  it("pairs a paragraph whose sentences the translator reordered, and finds nothing wrong with it", () => {
    expect(pairLines(install)).toContain("30->23");
    const { findings } = lint(read("pt-br/install.md"), {
      filePath: "pt-br/install.md",
      source: { text: read("en/install.md"), filePath: "en/install.md" },
      ruleSet: [linkCount],
    });
    expect(findings).toEqual([]);
  });

  it("pairs a paragraph left in English with its source, so a rule can tell it is untranslated", () => {
    expect(pairLines(install)).toContain("32->25");
    const pair = install.pairs.find((p) => p.translations[0] && install.lines.position(p.translations[0].start).line === 25)!;
    expect(pair.translations[0].raw).toBe(pair.sources[0].raw);
  });

  it("pairs a paragraph whose URL changed with its source, 1:1, so the URLs can be compared", () => {
    const links = parallel("en/links.md", "pt-br/links.md");
    expect(pairLines(links)).toEqual(["1->1", "3->3", "5->5", "7->7"]);
  });

  it("pairs sections the translation put in another order by their anchors", () => {
    const regions = parallel("en/regions.md", "pt-br/regions.md");
    expect([...pairLines(regions)].sort()).toEqual(["1->1", "11->15", "13->5", "15->7", "3->3", "5->9", "7->11", "9->13"].sort());
  });

  it("aligns a Japanese translation whose paragraphs are written one sentence a line", () => {
    const ja = parallel("en/install.md", "ja/install.md");
    expect(pairLines(ja)).toEqual([
      "5->5", "7->7", "9->10", "11->12", "13->14", "14->15", "15->16", "16->17",
      "18->19", "20->21", "22->24", "24->26", "26->29", "28->31", "30->33", "32->36",
    ]);
  });
});

describe("length expectations come from paired paragraphs", () => {
  it("is not thrown off by lists of settings that stay in English in a Chinese translation", () => {
    const settings = Array.from({ length: 12 }, (_, k) => `- \`widget.option.number${k}.enabled=true\` and \`widget.option.number${k}.level=debug\``);
    const source = [
      "Widget reads its settings from a file instead of from environment variables.",
      "This approach helps when:",
      "- You have a great many options to set for every service",
      "- You want options that environment variables cannot express at all",
      "The file format is the same for every language that supports it, including the command line tool.",
      "Widget also prints every setting it read when you start it with the verbose flag turned on.",
      ...settings,
    ].join("\n\n");
    const translation = [
      "Widget 从文件而不是环境变量中读取设置。",
      "这种方法在以下情况下很有用：",
      "- 你需要为每个服务设置很多选项",
      "- 你想使用环境变量无法表达的选项",
      "所有支持它的语言都使用相同的文件格式，包括命令行工具。",
      "使用详细模式启动时，Widget 会打印它读取的每个设置。",
      ...settings,
    ].join("\n\n");
    const document = buildDocument(translation, { source: { text: source } });
    expect(pairLines(document).slice(0, 6)).toEqual(["1->1", "3->3", "5->5", "7->7", "9->9", "11->11"]);
  });
});

describe("site-generator markup is structure, not prose", () => {
  it("gives Hugo shortcodes and alert markers the markup kind and pairs them with their copies", () => {
    const hugo = parallel("en/hugo.md", "pt-br/hugo.md");
    expect(kindsOf(hugo, "translation")).toEqual([
      "6:markup", "9:paragraph", "11:markup", "13:heading", "15:paragraph", "17:table",
      "22:markup", "24:paragraph", "26:markup", "29:code", "33:markup", "36:paragraph",
    ]);
    expect(pairLines(hugo)).toEqual(["6->6", "9->9", "11->11", "13->13", "15->15", "17->17", "22->22", "24->24", "26->26", "29->29", "33->33", "36->36"]);
  });

  it("keeps MDX components, expressions and {/*id*/} headings out of the prose", () => {
    const mdx = parallel("en/components.md", "pt-br/components.md");
    expect(kindsOf(mdx, "source")).toEqual([
      "7:paragraph", "13:heading", "15:heading", "17:paragraph", "19:code", "23:markup", "27:code",
      "38:paragraph", "42:heading", "44:listItem", "45:listItem",
    ]);
    expect(pairLines(mdx)).toEqual(["7->7", "13->13", "15->15", "17->17", "19->19", "23->23", "27->27", "38->38", "42->42", "44->44", "45->45"]);
  });

  it("produces no finding of its own for shortcodes and components", () => {
    for (const name of ["hugo.md", "components.md"]) {
      const { findings } = lint(read(`pt-br/${name}`), {
        filePath: `pt-br/${name}`,
        source: { text: read(`en/${name}`), filePath: `en/${name}` },
      });
      expect(findings.map((f) => `${f.line} ${f.ruleId}: ${f.message}`)).toEqual([]);
    }
  });
});

describe("findings in a parallel translation name the source they were compared with", () => {
  it("says which source line a link-count finding compared against", () => {
    const source = "# Links\n\nSee [one](https://a.example) and [two](https://b.example) for details.\n";
    const translation = "# Ligações\n\nVeja [um](https://a.example) e dois para mais detalhes.\n";
    const { findings } = lint(translation, { source: { text: source, filePath: "en/links.md" }, ruleSet: [linkCount] });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: "link-count", line: 3, side: "translation" });
    expect(findings[0].message).toContain("source (line 3)");
  });
});

describe("a post that carries its source in comments", () => {
  it("stays inline bilingual even when a source file is given too", () => {
    const post = [
      "<!-- The model reads 4 languages and answers questions about tables. -->",
      "O modelo lê 4 idiomas e responde perguntas sobre tabelas.",
      "<!-- Its code is public. -->",
      "O código dele é público.",
    ].join("\n\n");
    const document = buildDocument(post, { source: { text: "# Unrelated\n\nSome other text.\n" } });
    expect(document.mode).toBe("inline");
  });

  it("does not become inline because of a note to editors in a comment", () => {
    const translation = [
      "# Título",
      "<!-- keep this table in sync with the data file -->",
      "Este parágrafo explica como a tabela abaixo é gerada a partir dos dados do projeto.",
      "Cada linha corresponde a uma versão, e as colunas mostram as datas de lançamento e de fim do suporte.",
    ].join("\n\n");
    const source = "# Title\n\nThis paragraph explains how the table below is made from the project's data.\n\nEach row is a release; the columns show when it came out and when its support ends.\n";
    const document = buildDocument(translation, { source: { text: source } });
    expect(document.mode).toBe("parallel");
  });
});

describe("a per-document signal for pages left in the source language", () => {
  it("is near 1 for a copy of the source and near 0 for a translation", () => {
    const copy = buildDocument(read("en/install.md"), { source: { text: read("en/install.md") } });
    expect(proseIdentity(copy).share).toBe(1);
    expect(proseIdentity(parallel("en/links.md", "pt-br/links.md")).share).toBe(0);
    const install = proseIdentity(parallel("en/install.md", "pt-br/install.md"));
    expect(install.share).toBeGreaterThan(0);
    expect(install.share).toBeLessThan(0.2);
  });
});

describe("headings whose levels the translation changed", () => {
  it("matches a lifted subsection by the cognates its heading shares with the source's", () => {
    const en = [
      "## On every desktop with the debugger extension",
      "",
      "### Prerequisites",
      "",
      "Install the `lldb` extension.",
      "",
      "### Configure the launcher",
      "",
      "Create a file and paste this into it:",
      "",
      "```json",
      '{ "version": "0.2.0", "type": "lldb", "request": "launch" }',
      "```",
      "",
    ].join("\n");
    const fr = [
      "## Prérequis",
      "",
      "Installez l'extension `lldb`.",
      "",
      "## Configurer le lanceur",
      "",
      "Créez un fichier et collez-y ceci :",
      "",
      "```json",
      '{ "version": "0.2.0", "type": "lldb", "request": "launch" }',
      "```",
      "",
    ].join("\n");
    const document = buildDocument(fr, { filePath: "fr/debug.md", source: { text: en, filePath: "en/debug.md" } });
    expect(pairLines(document)).toEqual(["1->-", "3->1", "5->3", "7->5", "9->7", "11->9"]);
  });
});

describe("a dropped block leaves its neighbours paired", () => {
  it("pairs a code block with the one whose lines it copies, not with a neighbour that only sits where it does", () => {
    const source =
      "# Start\n\nStart the watcher on a socket:\n\n```sh\nWATCH_MODE=socket ./bin/watcher --flows\n```\n\nOr start it on traffic control:\n\n```sh\nWATCH_MODE=tc ./bin/watcher --flows\n```\n\nBoth print one line per flow.\n";
    const translation = "# Início\n\n```sh\nWATCH_MODE=socket ./bin/watcher --flows\n```\n\nOs dois imprimem uma linha por fluxo.\n";
    const document = buildDocument(translation, { filePath: "pt-br/start.md", source: { text: source, filePath: "en/start.md" } });
    expect(pairLines(document)).toContain("5->3");
    expect(pairLines(document)).toContain("11->-");
  });
});
