import rule from "../../rules/markup-mismatch/index.js";
import { runRuleTests } from "../helpers/rule-tester.js";

/** A parallel MDX source page with components. */
const mdxSource = {
  filePath: "/site/en/setup.mdx",
  text: "# Setup\n\nPress <Kbd>Enter</Kbd> to go on, then read the {props.note} below.\n",
};

/** The rule is off by default: every case turns it on with its default options. */
const on = {};

runRuleTests(rule, {
  valid: [
    {
      name: "emphasis moved within a sentence (pt-BR)",
      options: on,
      code: "<!-- Save *before* you quit. -->\nAntes de sair, *salve* o arquivo.\n",
    },
    {
      name: "a kept English term set in italics, as Spanish typography does",
      options: on,
      code: "<!-- The framework ships a new tokenizer. -->\nEl *framework* incluye un nuevo *tokenizer*.\n",
    },
    {
      name: "a Chinese translation that drops emphasis: no italics in Chinese",
      options: on,
      code: "<!-- This is *very* important. -->\n这**非常**重要，请注意。\n",
      lint: { targetLanguage: "zh" },
    },
    {
      name: "the same MDX components and expressions in a parallel pair (German)",
      options: on,
      code: "# Einrichtung\n\nDrücken Sie <Kbd>Enter</Kbd> und lesen Sie dann {props.note} unten.\n",
      lint: { filePath: "/site/de/setup.mdx", source: mdxSource },
    },
    {
      name: "the same heading level, and a footnote whose definition lies outside the source comment",
      options: on,
      code: "<!-- ## Results[^1] -->\n## Résultats[^1]\n\n[^1]: Voir l'annexe.\n",
    },
  ],
  invalid: [
    {
      name: "strong emphasis dropped (French)",
      options: on,
      code: "<!-- Never run this as **root**. -->\nN'exécutez jamais ceci en tant qu'administrateur.\n",
      errors: [{ messageId: "count", line: 2, messageIncludes: "0 strong emphasis; its source (line 1) has 1" }],
    },
    {
      name: "a heading one level deeper than its source (German)",
      options: on,
      code: "<!-- ## Install -->\n### Installation\n",
      errors: [{ messageId: "headingLevel", messageIncludes: "level 3; its source (line 1) is level 2" }],
    },
    {
      name: "an image dropped (Japanese: emphasis is not compared, images are)",
      options: on,
      code: "# 損失\n\n下のグラフは、各エポックの後に損失が下がる様子を示しています。\n",
      lint: { filePath: "/site/ja/loss.md", source: { filePath: "/site/en/loss.md", text: "# Loss\n\nThe plot ![loss curve](loss.png) shows the *loss* falling after each epoch.\n" } },
      errors: [{ messageId: "count", messageIncludes: "0 images" }],
    },
    {
      name: "an MDX component dropped in a parallel pair (Spanish)",
      options: on,
      code: "# Configuración\n\nPulsa Enter para seguir y lee {props.note} abajo.\n",
      lint: { filePath: "/site/es/setup.mdx", source: mdxSource },
      errors: [{ messageId: "named", line: 3, messageIncludes: "drops MDX components Kbd" }],
    },
    {
      name: "an HTML tag added (pt-BR)",
      options: on,
      code: "<!-- Use H2O here. -->\nUse H<sub>2</sub>O aqui.\n",
      errors: [{ messageId: "named", messageIncludes: "adds HTML tags sub" }],
    },
    {
      name: "a Hugo shortcode dropped",
      options: on,
      code: '<!-- See {{< ref "intro" >}} first. -->\nVeja a introdução primeiro.\n',
      errors: [{ messageId: "named", messageIncludes: "drops Hugo shortcodes ref" }],
    },
    {
      name: "emphasis counted for Chinese when the option says so",
      code: "<!-- This is *very* important. -->\n这非常重要。\n",
      lint: { targetLanguage: "zh" },
      options: { emphasisOptional: [] },
      errors: [{ messageId: "count", messageIncludes: "0 emphasis" }],
    },
  ],
});
