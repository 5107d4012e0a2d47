import rule from "../../rules/link-count.js";
import { runRuleTests } from "../helpers/rule-tester.js";

runRuleTests(rule, {
  valid: [
    { name: "same number of links", code: "<!-- See [a](https://a.org) and [b](https://b.org). -->\n\nVeja [a](https://a.org) e [b](https://b.org).\n" },
    { name: "a post without sources", code: "Veja [a](https://a.org).\n" },
    { name: "images are not counted as links", code: "<!-- A [paper](https://a.org). -->\n\nUm [artigo](https://a.org). ![](https://img.org/x.png)\n" },
  ],
  invalid: [
    {
      name: "a link lost in the translation",
      code: "<!-- See [a](https://a.org) and [b](https://b.org). -->\n\nVeja [a](https://a.org) e b.\n",
      errors: [{ messageId: "mismatch", line: 3, column: 1, messageIncludes: "renders 1 link; its source (line 1) renders 2" }],
    },
    {
      name: "a broken link becomes a bare URL, which does not count",
      code: "<!-- Take the [free courses](https://k.org/learn). -->\n\nFaça os [cursos]https://k.org/learn) gratuitos.\n",
      errors: [{ messageId: "mismatch", line: 3 }],
    },
    {
      name: "comment after its translation",
      code: "A [Fastpages](https://fp.org/intro) cria blogs no GitHub Pages de graça.\n\n<!-- sets up blogs on GitHub Pages for free. -->\n",
      errors: [{ messageId: "mismatch", line: 1, messageIncludes: "its source (line 3) renders 0" }],
    },
  ],
});
