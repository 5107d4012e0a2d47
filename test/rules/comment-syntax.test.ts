import rule from "../../rules/comment-syntax.js";
import { runRuleTests } from "../helpers/rule-tester.js";

runRuleTests(rule, {
  valid: [
    { name: "source comments beside their translations", code: "<!-- The cat sleeps. -->\n\nO gato dorme.\n\n<!-- It wakes up\nat night. -->\n\nEle acorda à noite.\n" },
    { name: "a comment inside a paragraph", code: "O gato dorme <!-- the cat sleeps --> muito.\n" },
    { name: "three-dash markers", code: "<!--- a note for editors --->\n\nTexto.\n" },
    { name: "a lone empty comment", code: "<!--->\n\nTexto.\n\n<!---->\n" },
    { name: "nl-lint directives", code: "<!-- nl-lint-disable-next-line typo -->\nUm texto.\n" },
    { name: "comment syntax in code", code: "Use `<!--` para abrir e `-->` para fechar.\n\n```html\n<!-- nunca fechado\nA --> B\n```\n\n    <!- indented code\n" },
    { name: "an escaped opener shown as text", code: "Escreva \\<!-- nota --> para comentar.\n" },
    { name: "arrows in prose", code: "O fluxo vai de A --> B e volta B <-- A.\n" },
    { name: "double hyphens inside words, URLs and flags", code: "<!-- See https://example.org/a--b and run it with --verbose. -->\n\nVeja.\n" },
    { name: "double hyphens allowed by option", code: "<!-- a -- b -->\n", options: { allowDoubleHyphen: true } },
    { name: "'--' between words and before flags: valid HTML5", code: "<!-- Pass flags after -- to the test binary: run tests -- --nocapture. -->\n\nPasse as opções depois de --.\n" },
    { name: "front matter", code: "---\ntitle: \"<!-- not a comment\"\n---\n\nTexto.\n" },
  ],
  invalid: [
    {
      name: "a mistyped end and no '-->' anywhere: the rest of the post is hidden",
      code: "<!-- The cat sleeps. ->\n\nO gato dorme.\n\nO cão late.\n",
      errors: [{ messageId: "unclosed", line: 1, column: 1, side: "source", messageIncludes: "never closed ('->' at line 1 is not '-->'): it hides the rest of the file (4 lines)" }],
    },
    {
      name: "no end at all, at the very end of the post",
      code: "O gato dorme.\n\n<!-- The cat sleeps.\n",
      errors: [{ messageId: "unclosedAtEnd", line: 3 }],
    },
    {
      name: "a mistyped end runs on into the next comment",
      code: "<!-- The cat sleeps. -- >\n\nO gato dorme.\n\n<!-- The dog barks. -->\n\nO cão late.\n",
      errors: [{ messageId: "runsOn", line: 1, side: "source", messageIncludes: "('-- >' at line 1 is not '-->'): it runs on to the '-->' at line 5 and hides lines 2–5" }],
    },
    {
      name: "a missing end runs on into the next comment",
      code: "<!-- The cat sleeps.\n\nO gato dorme.\n\n<!-- The dog barks. -->\n",
      errors: [{ messageId: "runsOn", line: 1, messageIncludes: "before the next '<!--' (line 5)" }],
    },
    {
      name: "a nested comment leaves the outer end showing",
      code: "<!-- The cat <!-- really --> sleeps. -->\n\nO gato dorme.\n",
      errors: [{ messageId: "nested", line: 1 }],
    },
    {
      name: "'<!-' is not an opener",
      code: "<!- The cat sleeps. -->\n\nO gato dorme.\n",
      errors: [{ messageId: "badOpener", line: 1, column: 1, messageIncludes: "'<!-' at line 1" }],
    },
    {
      name: "an em dash typed for the hyphens",
      code: "Texto <!— a note —> aqui.\n",
      errors: [{ messageId: "badOpener", line: 1, column: 7 }],
    },
    {
      name: "'<--' with the '!' lost",
      code: "<--?include \"main.go\"?-->\n",
      errors: [{ messageId: "badOpener", line: 1 }],
    },
    {
      name: "a comment opened inside a paragraph and closed after it",
      code: "O gato dorme <!-- the cat\n\nsleeps --> muito.\n",
      errors: [{ messageId: "textComment", line: 1, column: 14, messageIncludes: "its '-->' (line 3) is past the end of its paragraph" }],
    },
    {
      name: "a stray end of comment",
      code: "{{% note %}}\nUma nota.\n{{% /note %}} -->\n",
      errors: [{ messageId: "strayClose", line: 3, column: 15 }],
    },
    {
      name: "an empty comment followed by the text meant to be inside it",
      code: "<!---> The cat sleeps. -->\n\nO gato dorme.\n",
      errors: [{ messageId: "emptyComment", line: 1, messageIncludes: "'<!--->' at line 1" }],
    },
    {
      name: "one comment a line, one left open: it runs into the next comment only",
      code: "<!-- The cat sleeps all day\n<!-- in the sun. -->\nO gato dorme ao sol.\n",
      errors: [{ messageId: "runsIntoComment", line: 1, messageIncludes: "line 2" }],
    },
    {
      name: "one comment a line, one with a mistyped end",
      code: "<!-- The cat sleeps all day ->\n<!-- in the sun. -->\nO gato dorme ao sol.\n",
      errors: [{ messageId: "runsIntoComment", line: 1, messageIncludes: "'->' at line 1 is not '-->'" }],
    },
    {
      name: "'--!>' inside a comment, which browsers read as its end",
      code: "<!-- The cat --!> sleeps. -->\n\nO gato dorme.\n",
      errors: [{ messageId: "bangClose", line: 1, column: 14 }],
    },
    {
      name: "a directive is held to the same syntax",
      code: "<!-- nl-lint-disable-next-line typo ->\nUm texto.\n\nOutro texto.\n",
      errors: [{ messageId: "unclosed", line: 1, side: "translation" }],
    },
    {
      name: "CRLF line ends",
      code: "<!-- The cat sleeps. ->\r\n\r\nO gato dorme.\r\n",
      errors: [{ messageId: "unclosed", line: 1, messageIncludes: "(2 lines)" }],
    },
  ],
});
