import rule from "../../rules/broken-link.js";
import { describe, expect, it } from "vitest";
import { lint } from "../../src/core/lint.js";
import { runRuleTests } from "../helpers/rule-tester.js";

runRuleTests(rule, {
  valid: [
    { name: "well-formed links on both sides", code: "<!-- Read [the guide](https://example.org/guide). -->\n\nLeia [o guia](https://example.org/guide).\n" },
    { name: "brackets that are not links", code: "Um array [1, 2] (veja abaixo) e uma nota [a].\n" },
    { name: "reference link with a definition", code: "Veja [o site][site].\n\n[site]: https://example.org\n" },
    { name: "link syntax inside code", code: "Escreva `[texto] (https://x.org)` ou\n\n```\n[a]https://x.org)\n```\n" },
    { name: "relative and anchor targets", code: "Veja [abaixo](#uso) e [o guia](./guia.md).\n" },
    { name: "Hugo templating inside a target", code: "Veja [a doc](https://github.com/o/r/blob/v{{% param vers %}}/README.md) e [issues]({{% param _issue %}}%22help%22).\n" },
    { name: "footnote", code: "Texto[^1].\n\n[^1]: Nota.\n" },
    { name: "bracketed prose around a parenthesis, and a word after brackets", code: "Uma nota [ver (#3)] e [a](#b)] e [rascunho]versão e [en]/pt.\n" },
  ],
  invalid: [
    {
      name: "space between ] and (, fixed from the source",
      code: "<!-- See our [GitHub organization](https://github.com/acme). -->\n\nVeja nossa [organização no GitHub] (https://github.com/acme).\n",
      errors: [{ messageId: "spaceBeforeParen", line: 3, column: 12, side: "translation", messageIncludes: "[GitHub organization](https://github.com/acme)" }],
      output: "<!-- See our [GitHub organization](https://github.com/acme). -->\n\nVeja nossa [organização no GitHub](https://github.com/acme).\n",
    },
    {
      name: "missing [ restored from the source's label",
      code: "<!-- Datasets: [DuReader](https://example.org/du) and [KorQuAD](https://example.org/ko). -->\n\nConjuntos: DuReader](https://example.org/du) e [KorQuAD](https://example.org/ko).\n",
      errors: [{ messageId: "missingOpenBracket", line: 3, column: 12 }],
      output: "<!-- Datasets: [DuReader](https://example.org/du) and [KorQuAD](https://example.org/ko). -->\n\nConjuntos: [DuReader](https://example.org/du) e [KorQuAD](https://example.org/ko).\n",
    },
    {
      name: "missing [ without a source to restore from",
      code: "Conjuntos: DuReader](https://example.org/du).\n",
      errors: [{ messageId: "missingOpenBracket", line: 1, column: 12 }],
      output: null,
    },
    {
      name: "several lone ']' on one line, a '[' left open on the next, words with accents and emoji before them",
      code: "Veja [o site](https://example.org/a), Página](https://example.org/b) e 🙂Ação](https://example.org/c).\nUm [colchete aberto e Outra](https://example.org/d)\n",
      errors: [
        { messageId: "missingOpenBracket", line: 1, column: 39 },
        { messageId: "missingOpenBracket", line: 1, column: 74 },
      ],
      output: null,
    },
    {
      name: "missing (",
      code: "Veja os [cursos gratuitos]https://example.org/learn) hoje.\n",
      errors: [{ messageId: "missingOpenParen", line: 1, column: 9 }],
      output: "Veja os [cursos gratuitos](https://example.org/learn) hoje.\n",
    },
    {
      name: "a missing ) is reported, never invented: where the link ends is a guess",
      code: "Veja os [cursos](https://example.org/learn hoje.\n",
      errors: [{ messageId: "missingCloseParen", line: 1, column: 9 }],
      output: null,
    },
    {
      name: "a URL broken by a space is not closed after its first piece",
      code: "<!-- Sign the [pledge](https://www.pledge-site.example/v2/). -->\n\nAssine o [compromisso](https://www .pledge-site.example/v2/).\n",
      errors: [{ messageId: "missingCloseParen", line: 3, column: 10 }],
      output: null,
    },
    {
      name: "missing ( and ): only the ( has one reading, so nothing is applied",
      code: "Lisez les [notes]https://example.org/notes avant tout.\n",
      errors: [{ messageId: "missingOpenParen", line: 1, column: 11 }],
      output: null,
    },
    {
      name: "a lost ] before a site path: restored when the source links to that path (Chinese)",
      code: "<!-- Read the [security guide](/docs/security/). -->\n\n请阅读[安全指南(/docs/security/)。\n",
      errors: [{ messageId: "missingCloseBracket", line: 3, column: 4, messageIncludes: "'[安全指南(/docs/security/)'" }],
      output: "<!-- Read the [security guide](/docs/security/). -->\n\n请阅读[安全指南](/docs/security/)。\n",
    },
    {
      name: "a lost ] before an anchor, with no source to confirm it: reported without a fix",
      code: "Consulte a seção [Requisitos(#requisitos) antes de instalar.\n",
      errors: [{ messageId: "missingCloseBracket", line: 1, column: 18 }],
      output: null,
    },
    {
      name: "a lost ) after a relative path and after an anchor, CJK punctuation not taken into the URL",
      code: "詳しくは[参照](../std/primitive.u8.html を見てください。\n\n[手順](#setup。\n",
      errors: [
        { messageId: "missingCloseParen", line: 1, column: 5, messageIncludes: "'[参照](../std/primitive.u8.html'" },
        { messageId: "missingCloseParen", line: 3, column: 1, messageIncludes: "'[手順](#setup'" },
      ],
      output: null,
    },
    {
      name: "a lost ( and ) around a site path and around a relative file, the label written as code",
      code: "Veja o [escopo]/docs/concepts/scope/ e o trait [`Eq`]../core/cmp/trait.Eq.html aqui.\n",
      errors: [
        { messageId: "missingOpenParen", line: 1, column: 8 },
        { messageId: "missingOpenParen", line: 1, column: 48, messageIncludes: "'[`Eq`]'" },
      ],
      output: null,
    },
    {
      name: "a lost ( and ) around a bare relative path the paired source links to",
      code: "<!-- - [Ops](ops/) -->\n- [运维]ops/\n",
      errors: [{ messageId: "missingOpenParen", line: 2, column: 3 }],
      output: null,
    },
    {
      name: "empty target",
      code: "Veja [aqui]().\n",
      errors: [{ messageId: "emptyTarget", line: 1, column: 6 }],
    },
    {
      name: "a title pasted where the host should be, in the source comment",
      code: "<!-- Sasha shares a [notebook](http://Visualizing%20Sparse%20Models) on attention. -->\n\nSasha compartilhou um [notebook](https://colab.example.org/x) sobre atenção.\n",
      errors: [{ messageId: "notAUrl", line: 1, column: 32, side: "source" }],
    },
    {
      name: "a target wrapped in a second pair of parentheses",
      code: "Veja a [última edição]((https://news.example/last)).\n",
      errors: [{ messageId: "notAUrl", line: 1, column: 24 }],
    },
    {
      name: "undefined reference label",
      code: "Veja [o site][nada] agora.\n",
      errors: [{ messageId: "undefinedReference", line: 1, column: 6 }],
    },
  ],
});

describe("broken-link suggestions for a missing )", () => {
  const suggestionsFor = (code: string) => lint(code, { ruleSet: [rule], rules: {} }).findings.flatMap((f) => f.suggestions ?? []);

  it("offers to close the link where the source's link with the same URL ends", () => {
    const code = "<!-- Die [Anleitung](https://docs.example.net/start) lesen. -->\n\nLea la [guía](https://docs.example.net/start y siga.\n";
    const [suggestion] = suggestionsFor(code);
    expect(suggestion?.fix.text).toBe("https://docs.example.net/start)");
    expect(code.slice(...suggestion!.fix.range)).toBe("https://docs.example.net/start");
  });

  it("offers nothing when the source has no link to that URL", () => {
    expect(suggestionsFor("<!-- Read [it](https://www.example.net/a). -->\n\nLeia [isto](https://www .example.net/a).\n")).toEqual([]);
  });
});
