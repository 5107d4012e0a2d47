import { describe, expect, it } from "vitest";
import rule from "../../rules/link-destination/index.js";
import { lint } from "../../src/core/lint.js";
import { memoryFiles } from "../helpers/memory-files.js";
import { runRuleTests } from "../helpers/rule-tester.js";

/** A small site: a guide in English and its Portuguese translation, side by side. */
const site = memoryFiles({
  "/site/en/guide/setup.md": "# Setup\n\n## First steps\n\nInstall it.\n\n## Next steps {#next}\n\nRead on.\n",
  "/site/en/guide/usage.md": "# Usage\n\n## Options\n\nText.\n",
  "/site/en/guide/index.md": "# Guide\n",
  "/site/en/guide/untranslated.md": "# Not yet translated\n\n## Details\n",
  "/site/pt/guide/setup.md": "# Instalação\n\n## Primeiros passos\n\nInstale.\n\n## Próximos passos {#next}\n\nContinue.\n",
  "/site/pt/guide/usage.md": "# Uso\n\n## Opções {#options}\n\nTexto.\n\n<a id=\"legacy-flags\"></a>\n\n<h3 name=\"old-name\">Antigo</h3>\n",
  "/site/pt/guide/index.md": "# Guia\n",
  "/site/pt/guide/img/diagram.png": "",
  "/site/pt/guide/_includes/note.md": "## Nota\n\nVeja [as opções](#options).\n",
  "/site/pt/guide/templated.md": "# Modelo\n\n{{% include \"parts/flags.md\" %}}\n",
  "/site/pt/blog/post/index.md": "# Post\n",
  "/site/pt/blog/post/cover.jpg": "",
  "/site/pt/docs/page.md": "# Página\n",
  "/site/pt/docs/other.md": "# Outra\n",
  "/site/pt/develop/Plugins/index.mdx": "# Extensões\n\n## Configuração\n",
  "/site/react/src/content/learn/state.md": "# State\n\n## Updating state {/*updating*/}\n",
  "/site/react/src/content/reference/hooks.md": "# Hooks\n",
  "/site/react/public/images/logo.png": "",
  "/site/gh/README.md": "# Project\n\n## Intro\n\n## Intro\n\n## Build & test\n",
  "/site/gh/docs/README.md": "# Docs\n",
});

const pt = (name: string) => ({ filePath: `/site/pt/guide/${name}`, settings: { files: site } });
const parallel = (name: string, sourceText: string) => ({
  ...pt(name),
  source: { text: sourceText, filePath: `/site/en/guide/${name}` },
});

runRuleTests(rule, {
  valid: [
    { name: "a relative link to a page that exists, with and without its extension", code: "Veja [a instalação](./setup.md) e [o uso](usage).\n", lint: pt("intro.md") },
    { name: "a folder link leads to its index page", code: "Volte ao [guia](./) ou ao [blog](../blog/post/).\n", lint: pt("intro.md") },
    { name: "a README stands for its folder", code: "See [the docs](docs/).\n", lint: { filePath: "/site/gh/README.md", settings: { files: site } } },
    { name: "a fragment that is a heading's GitHub slug", code: "Veja [os primeiros passos](./setup.md#primeiros-passos).\n", lint: pt("intro.md") },
    { name: "explicit ids and HTML ids are anchors", code: "Veja [opções](usage.md#options), [flags](usage.md#legacy-flags), [antigo](usage.md#old-name) e [próximos](setup.md#next).\n", lint: pt("intro.md") },
    { name: "repeated headings are numbered, and punctuation leaves its spaces", code: "See [the second intro](#intro-1) and [building](#build--test).\n\n## Intro\n\n## Intro\n\n## Build & test\n", lint: { filePath: "/site/gh/README.md", settings: { files: site } } },
    { name: "a site-absolute link under a configured root", code: "Read [state](/learn/state#updating) and [hooks](/reference/hooks).\n", options: { roots: { "/": "src/content" } }, lint: { filePath: "/site/react/src/content/learn/intro.md", settings: { files: site } } },
    { name: "a site-absolute link whose root is found from its first folder", code: "Read [state](/learn/state#updating).\n", lint: { filePath: "/site/react/src/content/reference/hooks.md", settings: { files: site } } },
    { name: "a Hugo-style link relative to the page's own URL", code: "Veja [a outra página](../other/).\n", lint: { filePath: "/site/pt/docs/page.md", settings: { files: site } } },
    { name: "a page not translated yet is served from the source tree", code: "Veja [os detalhes](./untranslated.md#details).\n", lint: parallel("setup.md", "# Setup\n") },
    { name: "an image beside the page", code: "![Diagrama](img/diagram.png)\n", lint: pt("intro.md") },
    { name: "an image in a folder that keeps no assets may come from a static folder", code: "![Logo](/images/logo.png) ![Outro](../static/x.png)\n", lint: pt("intro.md") },
    { name: "other sites, mail and templating are not checked", code: "[a](https://example.org/x.md) [b](mailto:a@b.c) [c]({{< ref \"x\" >}}) [d](//cdn.example/x)\n", lint: pt("intro.md") },
    { name: "without a file view, files are not checked", code: "Veja [o guia antigo](./data-loading.md).\n", lint: { filePath: "/site/pt/guide/intro.md" } },
    { name: "a missing page the source links to as well may be mounted from elsewhere", code: "Veja [o anúncio](../blog/launch/).\n", lint: parallel("setup.md", "See [the announcement](../blog/launch/).\n") },
    { name: "a partial's anchors belong to the page that includes it", code: "Veja [as opções](#options).\n", lint: { filePath: "/site/pt/guide/_includes/note.md", settings: { files: site } } },
    { name: "a page with templating may get anchors from its includes", code: "Veja [as flags](templated.md#flags).\n", lint: pt("intro.md") },
    { name: "ignored links", code: "Veja [a especificação](/docs/specs/otel/).\n", options: { ignore: ["/docs/specs/*"] }, lint: pt("intro.md") },
    { name: "the top of the page and text fragments need no anchor", code: "[Topo](#top) e [trecho](#:~:text=foo).\n\n# Título\n" },
    {
      name: "a site URL in lower case leads to a file whose path has capitals, as site generators lower-case paths",
      code: "Veja [as extensões](../develop/plugins/#configuração) e [o índice](/develop/plugins).\n",
      lint: pt("intro.md"),
    },
    {
      name: "without a source file, a page not translated yet is found in the source-language sibling folder",
      code: "Veja [os detalhes](./untranslated.md#details) e [o guia](/guide/untranslated/).\n",
      lint: { ...pt("intro.md"), targetLanguage: "pt" },
    },
    {
      name: "a site-absolute link without the language's prefix may lead to the source-language page, whose anchor counts",
      code: "Veja [os primeiros passos](/guide/setup/#first-steps).\n",
      lint: parallel("usage.md", "See [the first steps](/guide/setup/#first-steps).\n"),
    },
    { name: "a translated heading that keeps its source's id", code: "## Próximos passos {#next}\n", lint: parallel("setup.md", "## Next steps {#next}\n") },
    { name: "a translated heading without ids on either side", code: "## Próximos passos\n", lint: parallel("setup.md", "## Next steps\n") },
  ],
  invalid: [
    {
      name: "a link naming a Markdown file must match its case",
      code: "Veja [a instalação](./Setup.md).\n",
      lint: pt("intro.md"),
      errors: [{ messageId: "missingFile" }],
      output: null,
    },
    {
      name: "a relative link to a page that was renamed",
      code: "Veja [o carregamento](./data-loading.md).\n",
      lint: pt("intro.md"),
      errors: [{ messageId: "missingFile", line: 1, column: 6, messageIncludes: "'data-loading.md'" }],
    },
    {
      name: "an extensionless link to a page that does not exist",
      code: "Veja [o uso](usage-old).\n",
      lint: pt("intro.md"),
      errors: [{ messageId: "missingFile", messageIncludes: "no page 'usage-old'" }],
    },
    {
      name: "an image missing from a folder that keeps images",
      code: "![Diagrama](img/diagrama.png)\n",
      lint: pt("intro.md"),
      errors: [{ messageId: "missingFile", messageIncludes: "no file 'img/diagrama.png'" }],
    },
    {
      name: "a reference definition to a missing page",
      code: "Veja [o guia][g].\n\n[g]: ./guia.md\n",
      lint: pt("intro.md"),
      errors: [{ messageId: "missingFile", line: 3, column: 1 }],
    },
    {
      name: "a missing page the translator wrote, not the source",
      code: "Veja [o anúncio](../blog/lancamento/).\n",
      lint: parallel("setup.md", "See [the announcement](../blog/launch/).\n"),
      errors: [{ messageId: "missingFile", messageIncludes: "no page '../blog/lancamento'" }],
    },
    {
      name: "a relative link written as if from the site's root, with a suggestion",
      code: "Read [state](learn/state).\n",
      lint: { filePath: "/site/react/src/content/reference/hooks.md", settings: { files: site } },
      errors: [{ messageId: "missingFile", messageIncludes: "Did you mean '/learn/state'?" }],
      output: null,
    },
    {
      name: "a web address written without its scheme",
      code: "Veja o [curso](deeplearning.ai).\n",
      lint: pt("intro.md"),
      errors: [{ messageId: "missingFile", messageIncludes: "Did you mean 'https://deeplearning.ai'?" }],
      output: null,
    },
    {
      name: "an anchor that died when its heading was translated",
      code: "# Instalação\n\n## Primeiros passos\n\nVeja [acima](#getting-started).\n",
      lint: parallel("setup.md", "# Setup\n\n## Getting started\n\nSee [above](#getting-started).\n"),
      errors: [{ messageId: "fragmentOnlyInSource", line: 5, column: 6 }],
    },
    {
      name: "an anchor nothing on the page defines",
      code: "# Título\n\nVeja [abaixo](#nada-aqui).\n",
      errors: [{ messageId: "missingFragment", line: 3, column: 6, messageIncludes: "this page" }],
    },
    {
      name: "an anchor another page does not define",
      code: "Veja [as opções](./usage.md#flags).\n",
      lint: pt("intro.md"),
      errors: [{ messageId: "missingFragment", messageIncludes: "'usage.md'" }],
    },
    {
      name: "an anchor of the source page that the translated page lost",
      code: "Veja [os primeiros passos](./setup.md#first-steps).\n",
      lint: parallel("usage.md", "See [the first steps](./setup.md#first-steps).\n"),
      errors: [{ messageId: "fragmentOnlyInSource", messageIncludes: "'setup.md'" }],
    },
    {
      name: "a link to the source-language page although the translated page exists",
      code: "Veja [a instalação](../../en/guide/setup.md#next).\n",
      lint: parallel("usage.md", "See [setup](./setup.md#next).\n"),
      errors: [{ messageId: "sourceLanguagePage", messageIncludes: "use 'setup.md#next'" }],
      output: "Veja [a instalação](setup.md#next).\n",
    },
    {
      name: "a site-absolute link to the source-language page",
      code: "Veja [o uso](/en/guide/usage/).\n",
      lint: parallel("setup.md", "See [usage](/guide/usage/).\n"),
      errors: [{ messageId: "sourceLanguagePage" }],
      output: "Veja [o uso](/pt/guide/usage/).\n",
    },
    {
      name: "a changed explicit id is fixed when the page's other headings keep their source ids",
      code: "## Fornecendo um fallback {/*fallback-for-server-only*/}\n\n## Lendo dados {/*reading-data*/}\n",
      lint: parallel("setup.md", "## Providing a fallback {/*fallback-for-client-only*/}\n\n## Reading data {/*reading-data*/}\n"),
      errors: [{ messageId: "headingIdChanged", line: 1, column: 1, messageIncludes: "'fallback-for-client-only' (line 1)" }],
      output: "## Fornecendo um fallback {/*fallback-for-client-only*/}\n\n## Lendo dados {/*reading-data*/}\n",
    },
    {
      name: "a lone heading: the site's convention is unknown, so the id is only suggested",
      code: "## Datos de entrada {/*datos-de-entrada*/}\n",
      lint: parallel("setup.md", "## Input data {/*input-data*/}\n"),
      errors: [{ messageId: "headingIdChanged", messageIncludes: "'input-data'" }],
      output: null,
    },
    {
      name: "a lone heading on a site configured to keep the source's ids",
      code: "## Eingabedaten {/*eingabedaten*/}\n",
      options: { headingIds: "source" },
      lint: parallel("setup.md", "## Input data {/*input-data*/}\n"),
      errors: [{ messageId: "headingIdChanged" }],
      output: "## Eingabedaten {/*input-data*/}\n",
    },
    {
      name: "two translated ids differ: the page does not show that it keeps the source's ids",
      code: "## Première étape {#premiere-etape}\n\n## Deuxième étape {#deuxieme-etape}\n\n## Fin {#end}\n",
      lint: parallel("setup.md", "## First step {#first-step}\n\n## Second step {#second-step}\n\n## End {#end}\n"),
      errors: [{ messageId: "headingIdChanged" }, { messageId: "headingIdChanged" }],
      output: null,
    },
    {
      name: "outlines that differ (the translation lags a heading behind): the pairing is not certain",
      code: "# 手順\n\n## インストール {#setup}\n\n## 設定 {#configure}\n",
      lint: parallel("setup.md", "# Steps\n\n## Install {#install}\n\n### Prerequisites\n\n## Configure {#configure}\n"),
      errors: [{ messageId: "headingIdChanged" }],
      output: null,
    },
    {
      name: "a translated heading that dropped its source's id, on a page whose other headings keep theirs",
      code: "## Próximos passos\n\n## Referência {#reference}\n",
      lint: parallel("setup.md", "Intro.\n\n## Next steps {#next}\n\n## Reference {#reference}\n"),
      errors: [{ messageId: "headingIdMissing", messageIncludes: "source heading (line 3) has 'next'" }],
      output: "## Próximos passos {#next}\n\n## Referência {#reference}\n",
    },
    {
      name: "a translated heading whose id is not the source heading's slug",
      code: "### スパン {#span}\n\n### トレース {#traces}\n",
      lint: parallel("setup.md", "### Spans\n\n### Traces\n"),
      errors: [{ messageId: "headingIdChanged", messageIncludes: "'spans'" }],
      output: "### スパン {#spans}\n\n### トレース {#traces}\n",
    },
    {
      name: "an id among classes and attributes",
      code: "## `Easy CLA` {.notranslate #easy lang=en}\n",
      options: { headingIds: "source" },
      lint: parallel("setup.md", "## `Easy CLA` {.notranslate lang=en}\n"),
      errors: [{ messageId: "headingIdChanged", messageIncludes: "'easy-cla'" }],
      output: "## `Easy CLA` {.notranslate #easy-cla lang=en}\n",
    },
    {
      name: "a code fence pasted into the heading's line: its second id is no place for a fix",
      code: "#### 参数 {/*load-parameters*/}```js {/*参数-load-parametersjs*/}\n\n#### 返回值 {/*load-returns*/}\n",
      options: { headingIds: "source" },
      lint: parallel("setup.md", "#### Parameters {/*load-parameters*/}\n\n#### Returns {/*load-returns*/}\n"),
      errors: [{ messageId: "headingIdChanged", messageIncludes: "'load-parameters'" }],
      output: null,
    },
  ],
});

describe("link-destination in a partial copy of a site", () => {
  const files = memoryFiles({
    "/copy/de/guide/start.md": "# Start\n",
    "/copy/de/guide/logo.png": "",
    "/full/de/guide/start.md": "# Start\n",
    "/full/de/guide/install.md": "# Installation\n",
    "/full/de/guide/config.md": "# Konfiguration\n",
    "/full/de/guide/deploy.md": "# Bereitstellung\n",
    "/full/de/guide/faq.md": "# FAQ\n",
  }, ["/copy", "/full"]);
  const links = "Lies [Installation](./install.md), [Konfiguration](./config.md), [Bereitstellung](./deploy.md), [FAQ](./faq.md) und [Updates](./updates.md).\n";
  const findingsIn = (filePath: string) => lint(links, { filePath, ruleSet: [rule], settings: { files } }).findings;

  it("says once that the tree lacks the pages most links lead to", () => {
    const findings = findingsIn("/copy/de/guide/start.md");
    expect(findings.map((f) => f.messageId)).toEqual(["incompleteTree"]);
    expect(findings[0].message).toContain("5 links lead to pages this tree does not have, and 0 to pages it has");
    expect(findings[0].message).toContain("'./install.md' (line 1)");
    expect(findings[0].column).toBe(6);
  });

  it("still reports a dead link on its own where the tree has the other pages", () => {
    const findings = findingsIn("/full/de/guide/start.md");
    expect(findings.map((f) => `${f.messageId} ${f.message.match(/'[^']*'/)![0]}`)).toEqual(["missingFile './updates.md'"]);
  });
});

describe("link-destination's heading ids", () => {
  const findings = (code: string, source: string, options?: unknown) =>
    lint(code, { ...parallel("setup.md", source), ruleSet: [rule], rules: options === undefined ? {} : { [rule.id]: ["warn", options] } }).findings;

  it("suggests the source's id when it does not fix it", () => {
    const [finding] = findings("## Datos de entrada {/*datos-de-entrada*/}\n", "## Input data {/*input-data*/}\n");
    expect(finding.fix).toBeUndefined();
    expect(finding.suggestions?.map((s) => s.fix.text)).toEqual(["input-data"]);
  });

  it("says nothing about heading ids on a site whose translators write their own", () => {
    expect(findings("## Datos {/*datos*/}\n\n## Fin {/*end*/}\n", "## Data {/*data*/}\n\n## End {/*end*/}\n", { headingIds: "translated" })).toEqual([]);
  });
});

describe("link-destination's file view", () => {
  it("reads each linked page once however many links point to it", () => {
    const files = memoryFiles({ "/w/a.md": "# A\n\n## One\n", "/w/b.md": "# B\n" }, ["/w"]);
    const findings = lint("[1](a.md#one) [2](a.md#two) [3](./a.md#one) [4](a#three)\n", {
      filePath: "/w/b.md",
      ruleSet: [rule],
      settings: { files },
    }).findings;
    expect(findings.map((f) => f.messageId)).toEqual(["missingFragment", "missingFragment"]);
    expect(files.reads).toEqual(["/w/a.md"]);
  });

  it("answers nothing about a path outside its roots", () => {
    const files = memoryFiles({ "/w/a.md": "# A\n", "/elsewhere/b.md": "# B\n" }, ["/w"]);
    expect(files.exists("/w/a.md")).toBe(true);
    expect(files.exists("/w/nope.md")).toBe(false);
    expect(files.exists("/elsewhere/b.md")).toBeUndefined();
    expect(lint("[b](../elsewhere/c.md)\n", { filePath: "/w/a.md", ruleSet: [rule], settings: { files } }).findings).toEqual([]);
  });
});
