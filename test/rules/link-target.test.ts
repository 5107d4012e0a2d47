import rule from "../../rules/link-target.js";
import { describe, expect, it } from "vitest";
import { lint } from "../../src/core/lint.js";
import { runRuleTests } from "../helpers/rule-tester.js";

const ptBr = { targetLanguage: "pt-br" };

runRuleTests(rule, {
  valid: [
    {
      name: "a source reference defined nowhere (the translator relabelled its definition) has no target to compare",
      code: "<!-- See [Setup] and [the tour][tour] for details. -->\nVeja [Configuração] e [o passeio][passeio].\n\n[Configuração]: setup.html\n[passeio]: tour.html\n",
    },
    {
      name: "the same URL written differently: scheme, www, trailing slash, tracking parameters, anchor",
      code: "<!-- Read [the guide](https://www.example.org/guide/?utm_source=mail#setup) and [the notes](http://example.org/notes). -->\n\nLeia [o guia](http://example.org/guide#configuracao) e [as notas](https://www.example.org/notes/?ref=home).\n",
    },
    {
      name: "spaces written as %20, as + or unescaped lead to the same search; an escaped plus is a plus",
      code: "<!-- Pick an [easy task](https://tracker.example.org/search?q=label%3A%22first%20task%22) or a [hard one](https://tracker.example.org/search?q=label:%22very%20hard%22). -->\n\nEscolha uma [tarefa fácil](https://tracker.example.org/search?q=label%3A%22first+task%22) ou uma [difícil](<https://tracker.example.org/search?q=label%3A\"very hard\">).\n\n<!-- Read [the C++ page](https://wiki.example.org/C%2B%2B) and [open tasks]({{% param tracker %}}%22first%20task%22). -->\n\nLeia [a página de C++](https://wiki.example.org/C++) e [tarefas abertas]({{% param tracker %}}%22first+task%22).\n",
    },
    {
      name: "a reference defined inside a blockquote, as GitHub alerts keep theirs",
      code: "{{% alert title=\"Aviso\" %}}\n\nLeia as [regras de estilo][estilo] antes de enviar.\n\n[estilo]: /docs/style/\n\n{{% /alert %}}\n",
      lint: { source: { text: "> [!WARNING]\n>\n> Read the [style rules][style] before you send it.\n>\n> [style]: /docs/style/\n" } },
    },
    {
      name: "a shortcut reference whose label is code, as the source writes it, and the same link written as a collapsed one",
      code: "Compruebe las versiones con [`npm outdated`][] antes de subir.\n\n[`npm outdated`]: https://docs.npmjs.example/cli/outdated\n",
      lint: { source: { text: "Check the versions with [`npm outdated`] before you upgrade.\n\n[`npm outdated`]: https://docs.npmjs.example/cli/outdated\n" } },
    },
    {
      name: "a localisation given as an option",
      code: "<!-- See [fetch](https://docs.example.com/en-US/web/fetch). -->\n\nVeja [fetch](https://docs.example.com/pt-BR/web/fetch).\n",
      options: { localizations: [{ source: "docs.example.com/en-US/", translation: "docs.example.com/pt-BR/" }] },
    },
    {
      name: "a localisation given in the settings",
      code: "<!-- See [the manual](https://manual.example.net/english/start). -->\n\nVeja [o manual](https://manual.example.net/portugues/start).\n",
      lint: { settings: { urlLocalizations: [{ source: "https://manual.example.net/english/", translation: "https://manual.example.net/portugues/" }] } },
    },
    {
      name: "a language segment of the path swapped for the target's",
      code: "<!-- See [the docs](https://example.org/en/docs/install). -->\n\nVeja [a documentação](https://example.org/pt-br/docs/install).\n",
      lint: ptBr,
    },
    {
      name: "a Wikipedia article in the target language",
      code: "<!-- Read about [beam search](https://en.wikipedia.org/wiki/Beam_search). -->\n\nLeia sobre [busca em feixe](https://pt.wikipedia.org/wiki/Busca_em_feixe).\n",
      lint: ptBr,
    },
    {
      name: "a documentation host that gains the target language as a subdomain, the rest of the URL unchanged",
      code: "<!-- See [hooks](https://react.example.dev/reference/hooks) and [the blog](https://www.tool.example/blog/). -->\n\nVeja [hooks](https://pt-br.react.example.dev/reference/hooks) e [o blog](https://pt.tool.example/blog/).\n",
      lint: ptBr,
    },
    {
      name: "a host served in the source language without a prefix, localised by a path prefix (parallel files, Japanese)",
      code: "[設定](https://site.example.dev/ja/docs/config/)を参照してください。\n",
      lint: { targetLanguage: "ja", source: { text: "See [the configuration](https://site.example.dev/docs/config/).\n" } },
    },
    {
      name: "a localisation with a {lang} placeholder, given in the settings",
      code: "Voir [le guide](https://guide.example.net/intl/fr/start).\n",
      lint: {
        targetLanguage: "fr",
        source: { text: "See [the guide](https://guide.example.net/start).\n" },
        settings: { urlLocalizations: [{ source: "https://guide.example.net/", translation: "https://guide.example.net/intl/{lang}/" }] },
      },
    },
    {
      name: "same-page anchors follow translated headings; so do anchors on a localised page",
      code: "## Les slots\n\nVoir [les slots](#les-slots) et [le guide](/fr/guides/components/#les-props).\n",
      lint: { targetLanguage: "fr", source: { text: "## Slots\n\nSee [slots](#slots) and [the guide](/guides/components/#props).\n" } },
    },
    {
      name: "a link broken in the translation still has its URL in the text (broken-link's finding)",
      code: "<!-- Join our [forum](https://forum.example.org). -->\n\nEntre no nosso [fórum] (https://forum.example.org).\n",
    },
    {
      name: "a link moved to another paragraph of the translation",
      code: "<!-- The code is [online](https://git.example.org/tool). -->\n\nO código está disponível.\n\n<!-- More soon. -->\n\nEm breve, mais: veja o [repositório](https://git.example.org/tool).\n",
    },
    {
      name: "links the source repeats in two paragraphs, cited once in the translation's notes at the end",
      code: "O novo índice responde a 40 consultas por segundo com o Lucene [1].\n\nNós o reconstruímos em 2024 com o Tantivy, em três dias [1].\n\n## Créditos\n\nObrigado a todas as pessoas que ajudaram.\n\n## Referências\n\n[1] Índice: https://notes.example.org/index\n",
      lint: {
        source: { text: "The new [index](https://notes.example.org/index) answers 40 queries a second with Lucene.\n\nWe rebuilt [it](https://notes.example.org/index) in 2024 with Tantivy, in three days.\n\n## Credits\n\nThanks to everyone who helped.\n" },
      },
    },
    {
      name: "a link the translation adds, with `added: off`",
      code: "<!-- Sort the list first. -->\n\nOrdene a lista primeiro ([ordenação](https://pt.wikipedia.org/wiki/Ordenação)).\n",
      options: { added: "off" },
    },
    {
      name: "a link to the translated edition of the same page",
      code: "<!-- Read the [previous issue](https://blog.example.org/issue-6). -->\n\nLeia a [edição anterior](https://blog.example.org/issue-6-pt-br).\n",
      lint: ptBr,
    },
    {
      name: "a reference link on one side, an inline link on the other",
      code: "<!-- Read [the paper][paper]. -->\n\nLeia [o artigo](https://papers.example.org/42).\n\n[paper]: https://papers.example.org/42\n",
    },
    {
      name: "a source URL that is no URL, repaired by the translator",
      code: "<!-- Try the [notebook](http://Visualizing%20Attention). -->\n\nExperimente o [notebook](https://colab.example.com/drive/abc).\n",
    },
  ],
  invalid: [
    {
      name: "a link's last path segment dropped where the page links the same place again: a shorter path is not the same page",
      code: "<!-- Start with [the install guide](/guide/install/). -->\n\nComece pelo [guia de instalação](/guide/).\n\n<!-- Then read [it](/guide/install/) again. -->\n\nDepois leia [o guia](/guide/install/) de novo.\n",
      errors: [{ messageId: "changed", line: 3, messageIncludes: "'/guide/install/'" }],
    },
    {
      name: "a link repeated on a page and dropped in one place is missing there, though the translation keeps it elsewhere",
      code: "<!-- See [the forum](https://forum.example.org/c/help). -->\n\nVeja o fórum.\n\n<!-- Ask in [the forum](https://forum.example.org/c/help). -->\n\nPergunte no [fórum](https://forum.example.org/c/help).\n",
      errors: [{ messageId: "missing", line: 3 }],
    },
    {
      name: "a link whose target changed",
      code: "<!-- Read [the paper](https://arxiv.org/abs/2001.00001). -->\n\nLeia [o artigo](https://arxiv.org/abs/2001.00002).\n",
      errors: [{ messageId: "changed", line: 3, column: 6, messageIncludes: "'https://arxiv.org/abs/2001.00001'" }],
    },
    {
      name: "a URL the source does not have",
      code: "<!-- lets you publish a blog from notebooks. -->\n\nO [notebook-blog](https://blog.example.org/intro) permite publicar um blog a partir de notebooks.\n",
      errors: [{ messageId: "added", line: 3, column: 3, side: "translation" }],
    },
    {
      name: "a source URL the translation lacks",
      code: "<!-- Download [the data](https://data.example.org/set.zip) and [the code](https://git.example.org/code). -->\n\nBaixe [os dados](https://data.example.org/set.zip) e o código.\n",
      errors: [{ messageId: "missing", line: 3, column: 1, messageIncludes: "https://git.example.org/code" }],
    },
    {
      name: "a language swap is not accepted for a language other than the target",
      code: "<!-- See [the install docs](https://example.org/en/docs/install) for Linux, macOS and Windows. -->\n\nVeja [a documentação de instalação](https://example.org/fr/docs/install) para Linux, macOS e Windows.\n",
      lint: ptBr,
      errors: [{ messageId: "changed", line: 3 }],
    },
    {
      name: "findings about links in a note point at the links' own lines and name the source's lines",
      code: "# Títol\n\n:::note\nEl procés es descriu a [la guia](https://old.example.dev/guide) i\nprou.\n:::\n",
      lint: {
        source: { text: "# Title\n\n:::note\nThe process is described in [the guide](https://core.example.dev/guide) and\nin [the second guide](https://core.example.dev/two).\n:::\n" },
      },
      errors: [
        { messageId: "changed", line: 4, column: 24, messageIncludes: "(line 4)" },
        { messageId: "missing", line: 5, column: 1, messageIncludes: "The source (line 5)" },
      ],
    },
    {
      name: "a host that gains the target language but also changes its path is a changed target",
      code: "Lee [la guía](https://es.docs.example.dev/v1/start).\n",
      lint: { targetLanguage: "es", source: { text: "Read [the guide](https://docs.example.dev/v2/start).\n" } },
      errors: [{ messageId: "changed", line: 1 }],
    },
    {
      name: "a {lang} localisation stands for the target language only",
      code: "Lee [la guía](https://guide.example.net/intl/de/start).\n",
      lint: {
        targetLanguage: "es",
        source: { text: "Read [the guide](https://guide.example.net/start).\n" },
        settings: { urlLocalizations: [{ source: "https://guide.example.net/", translation: "https://guide.example.net/intl/{lang}/" }] },
      },
      errors: [{ messageId: "changed", line: 1 }],
    },
    {
      name: "parallel files: a changed target in the translation file",
      code: "# Guia\n\nVeja [o site](https://tool.example.org/v2).\n",
      lint: { source: { text: "# Guide\n\nSee [the site](https://tool.example.org/v3).\n" } },
      errors: [{ messageId: "changed", line: 3, side: "translation", messageIncludes: "(line 3)" }],
    },
  ],
});

describe("link-target: links the translation adds", () => {
  const gloss = "<!-- Sort the list first. -->\n\nOrdene a lista primeiro ([ordenação](https://pt.wikipedia.org/wiki/Ordenação)).\n";
  const severities = (setting: unknown) =>
    lint(gloss, { only: ["link-target"], rules: { "link-target": setting as never } }).findings.map((f) => [f.messageId, f.severity]);

  it("are warnings by default: they break no link of the source, while a lost or changed one is an error", () => {
    expect(severities("error")).toEqual([["added", 1]]);
  });

  it("take the rule's severity with `added: error`", () => {
    expect(severities(["error", { added: "error" }])).toEqual([["added", 2]]);
  });
});
