import rule from "../../rules/link-count.js";
import { runRuleTests } from "../helpers/rule-tester.js";

/** A parallel source page, and its translation that moves links to a numbered list at the end. */
const source = { filePath: "/site/en/vision.md", text: "# Vision\n\nGrace Lindsay released [a report](https://r2.example) on CNNs in 2020.\n\nCNNs are compared with the brain.\n" };
const translated = (mark: string, list: string) =>
  `# Visão\n\nGrace Lindsay publicou um relatório ${mark} sobre CNNs em 2020.\n\nAs CNNs são comparadas com o cérebro.\n\n## Referências\n\n${list}\n`;
const referenceList = (n: number) =>
  Array.from({ length: n }, (_, i) => `[${i + 1}] **Item ${i + 1}:** [https://r${i + 1}.example](https://r${i + 1}.example)`).join("\n\n");

runRuleTests(rule, {
  valid: [
    { name: "same number of links", code: "<!-- See [a](https://a.org) and [b](https://b.org). -->\n\nVeja [a](https://a.org) e [b](https://b.org).\n" },
    { name: "a post without sources", code: "Veja [a](https://a.org).\n" },
    {
      name: "a citation mark [n] whose numbered entry at the end holds the link counts as the link",
      code: translated("[2]", referenceList(3)),
      lint: { filePath: "/site/zh/vision.md", source },
    },
    {
      name: "a source reference whose definition the translator relabelled still counts as a link",
      code: "<!-- Start with the [Setup] page. -->\nComece pela página de [Configuração].\n\n[Configuração]: setup.html\n",
    },
    {
      name: "brackets in code or escaped in a source comment are no link",
      code: "<!-- Index it with `v[idx]`, not \\[idx\\]. -->\nIndexe com `v[idx]`, não \\[idx\\].\n",
    },
    {
      name: "bracketed text defined nowhere that the translation keeps as text is no link",
      code: "<!-- Pick a port in [1024, 49151] first. -->\nまず [1024, 49151] の範囲でポートを選びます。\n",
    },
    {
      name: "a link with nothing to click ([](url)) beside the real one is not a link the translation must keep",
      code: "Os pesos estão no [repositório do projeto](https://example.org/weights).\n",
      lint: { filePath: "/site/pt/weights.md", source: { filePath: "/site/en/weights.md", text: "The weights are in [](https://example.org/weights)[the project's repository](https://example.org/weights).\n" } },
    },
    { name: "a label of blanks shows nothing either", code: "<!-- Ask on [ ](https://chat.example) [the chat](https://chat.example). -->\nPergunte no [chat](https://chat.example).\n" },
    {
      name: "a translation that gives a label to the source's empty link ([](url)) repairs it",
      code: "<!-- The talks took place at [](https://venue.example)the venue. -->\nAs palestras foram no [local](https://venue.example).\n",
    },
    { name: "images are not counted as links", code: "<!-- A [paper](https://a.org). -->\n\nUm [artigo](https://a.org). ![](https://img.org/x.png)\n" },
    {
      name: "two source links to one place, translated as one link there: a link merged, none lost",
      code: "<!-- Pointer networks [improve](https://papers.example.org/77) [summaries](https://papers.example.org/77) of long texts. -->\nAs redes de ponteiros melhoram os [resumos](https://papers.example.org/77) de textos longos.\n",
    },
  ],
  invalid: [
    {
      name: "a translation whose link lost its label ([](url)) no longer shows it",
      code: "<!-- Read [the paper](https://paper.example). -->\nLeia o artigo [](https://paper.example).\n",
      errors: [{ messageId: "mismatch", line: 2, messageIncludes: "renders 0 links; its source (line 1) renders 1" }],
    },
    {
      name: "a link lost in the translation",
      code: "<!-- See [a](https://a.org) and [b](https://b.org). -->\n\nVeja [a](https://a.org) e b.\n",
      errors: [{ messageId: "mismatch", line: 3, column: 1, messageIncludes: "renders 1 link; its source (line 1) renders 2" }],
    },
    {
      name: "source references defined nowhere (relabelled definitions) count: one dropped is found",
      code: "<!-- Start with [Setup], then take [the tour][tour]. -->\nComece pela configuração e depois faça [o passeio][passeio].\n\n[passeio]: tour.html\n",
      errors: [{ messageId: "mismatch", messageIncludes: "renders 1 link; its source (line 1) renders 2" }],
    },
    {
      name: "a link dropped on the last line of a wrapped source paragraph names that line, and is reported on the translation's last line",
      code: "<!-- Read the guide\nfirst, then the notes\nat [the archive](https://archive.example). -->\n\nLeia o guia primeiro,\ndepois as notas no arquivo.\n",
      errors: [{ messageId: "mismatch", line: 6, column: 1, messageIncludes: "its source (line 3) renders 1" }],
    },
    {
      name: "a list item that was only a link, unlinked in the translation (parallel files): alignment leaves the two facing each other",
      code: "Langages :\n\n- [Java](/docs/languages/java/)\n- Go\n- [Rust](/docs/languages/rust/)\n\nChoisissez le vôtre.\n",
      lint: { source: { text: "Languages:\n\n- [Java](/docs/languages/java/)\n- [Go](/docs/languages/go/)\n- [Rust](/docs/languages/rust/)\n\nPick yours.\n" } },
      errors: [{ messageId: "mismatch", line: 4, messageIncludes: "renders 0 links; its source (line 4) renders 1" }],
    },
    {
      name: "a link dropped on the fourth line of a wrapped paragraph (parallel files) is reported on the translation's fourth line",
      code: "Le pilote lit la configuration\nau démarrage, puis ouvre\nune connexion vers le serveur\net consigne les erreurs dans le journal.\n",
      lint: { source: { text: "The driver reads its settings\nwhen it starts, then opens\na connection to the server\nand writes errors to [the log](/docs/logging/).\n" } },
      errors: [{ messageId: "mismatch", line: 4, column: 1, messageIncludes: "its source (line 4) renders 1" }],
    },
    {
      name: "a link added on the second line of a translation is pointed at",
      code: "<!-- Read [the guide](https://g.example) first. -->\n\nLeia [o guia](https://g.example)\nno [site](https://site.example) primeiro.\n",
      errors: [{ messageId: "mismatch", line: 4, column: 4 }],
    },
    {
      name: "a broken link becomes a bare URL, which does not count",
      code: "<!-- Take the [free courses](https://k.org/learn). -->\n\nFaça os [cursos]https://k.org/learn) gratuitos.\n",
      errors: [{ messageId: "mismatch", line: 3 }],
    },
    {
      name: "a number in brackets without a reference list is no link",
      code: translated("[2]", "Fim."),
      lint: { filePath: "/site/zh/vision.md", source },
      errors: [{ messageId: "mismatch", line: 3, messageIncludes: "renders 0 links" }],
    },
    {
      name: "a citation mark with no entry in the list does not count",
      code: translated("[9]", referenceList(3)),
      lint: { filePath: "/site/zh/vision.md", source },
      errors: [{ messageId: "mismatch", line: 3 }],
    },
    {
      name: "comment after its translation",
      code: "A [Fastpages](https://fp.org/intro) cria blogs no GitHub Pages de graça.\n\n<!-- sets up blogs on GitHub Pages for free. -->\n",
      errors: [{ messageId: "mismatch", line: 1, messageIncludes: "its source (line 3) renders 0" }],
    },
  ],
});
