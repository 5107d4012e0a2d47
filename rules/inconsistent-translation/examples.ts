import type { RuleExamples } from "../../src/core/rule.js";

/** A glossary whose terms allow two forms in Spanish and in French: either is right, but a run should keep to one. */
const glossary = {
  "pull request": { es: ["solicitud de incorporación", "pull request"] },
  deployment: { fr: ["déploiement", "deployment"] },
};

/** What inconsistent-translation accepts and reports, for its tests and its docs page. */
export const examples: RuleExamples = {
  valid: [
    {
      title: "Two pages render a heading the same way, one with other capitals and a colon.",
      filePath: "/docs/pt-br/install.md",
      targetLanguage: "pt-br",
      code: "<!-- ## Before you begin -->\n## Antes de começar\n",
      otherFiles: [{ filePath: "/docs/pt-br/deploy.md", code: "<!-- ## Before you begin: -->\n## Antes de Começar:\n" }],
    },
    {
      title: "A one-word heading is left out: its translation often depends on the page.",
      filePath: "/docs/es/api.md",
      targetLanguage: "es",
      code: "<!-- ## Returns -->\n## Devuelve\n",
      otherFiles: [{ filePath: "/docs/es/hooks.md", code: "<!-- ## Returns -->\n## Valor de retorno\n" }],
    },
    {
      title: "What a reader does not see is not compared: link targets, explicit heading ids, a space beside Chinese characters, a heading's number.",
      filePath: "/docs/zh-cn/b.md",
      targetLanguage: "zh-cn",
      code: "<!-- ## Configure the [CLI](/cli/) -->\n## 2. 配置 [CLI](/zh-cn/cli/) {#config-cli}\n",
      otherFiles: [{ filePath: "/docs/zh-cn/a.md", code: "<!-- ## Configure the [CLI](../cli/) -->\n## 配置[CLI](../cli/)\n" }],
    },
    {
      title: "A translation that keeps the source as it is does not count as a rendering (`untranslated` reports it).",
      filePath: "/docs/de/b.md",
      targetLanguage: "de",
      code: "<!-- ## Server Actions -->\n## Server Actions\n",
      otherFiles: [{ filePath: "/docs/de/a.md", code: "<!-- ## Server Actions -->\n## Serveraktionen\n" }],
    },
    {
      title: "Paragraphs are not compared unless `kinds` asks for them.",
      filePath: "/docs/fr/a.md",
      targetLanguage: "fr",
      code: "<!-- Save the file and reload the page. -->\nEnregistrez le fichier et rechargez la page.\n",
      otherFiles: [{ filePath: "/docs/fr/b.md", code: "<!-- Save the file and reload the page. -->\nSauvegardez le fichier, puis rechargez la page.\n" }],
    },
    {
      title: "A glossary term with two allowed forms: a page that names both, and no other page that uses the term, is not compared (nor is a sentence that gives the English beside its translation).",
      filePath: "/docs/fr/a.md",
      targetLanguage: "fr",
      settings: { glossary },
      code: "<!-- Start a deployment. -->\nLancez un déploiement.\n\n<!-- Stop the deployment. -->\nArrêtez le deployment.\n",
      otherFiles: [{ filePath: "/docs/fr/b.md", code: "<!-- Each deployment has a name. -->\nChaque déploiement (deployment) a un nom.\n" }],
    },
  ],
  invalid: [
    {
      title: "Two pages agree on a heading and a third renders it otherwise: the third is reported.",
      filePath: "/docs/pt-br/c.md",
      targetLanguage: "pt-br",
      code: "<!-- ## Getting started -->\n## Começando\n",
      otherFiles: [
        { filePath: "/docs/pt-br/a.md", code: "<!-- ## Getting started -->\n## Primeiros passos\n" },
        { filePath: "/docs/pt-br/b.md", code: "# Guia\n\n<!-- ## Getting started -->\n## Primeiros passos\n" },
      ],
      messages: ['"Getting started" is translated "Começando" here, but elsewhere as "Primeiros passos" (2 times, first in /docs/pt-br/a.md:2).'],
    },
    {
      title: "When no rendering leads, each is reported.",
      filePath: "/docs/ja/b.md",
      targetLanguage: "ja",
      code: "<!-- ## Error handling -->\n## エラー処理\n",
      otherFiles: [{ filePath: "/docs/ja/a.md", code: "<!-- ## Error handling -->\n## エラーハンドリング\n" }],
      messages: ['"Error handling" is translated "エラー処理" here, but elsewhere as "エラーハンドリング" (/docs/ja/a.md:2).'],
    },
    {
      title: "List items, when `kinds` names them.",
      filePath: "/docs/es/b.md",
      targetLanguage: "es",
      options: { kinds: ["listItem"] },
      code: "<!-- - Open the settings page -->\n- Abre la página de ajustes\n",
      otherFiles: [{ filePath: "/docs/es/a.md", code: "<!-- - Open the settings page -->\n- Abre la página de configuración\n" }],
      messages: ['"Open the settings page" is translated "Abre la página de ajustes" here, but elsewhere as "Abre la página de configuración" (/docs/es/a.md:2).'],
    },
    {
      title: "A glossary term rendered with a form other than the one most pages use (pages count before uses); a plural counts as its form. A term with one allowed form, or none configured, is not compared.",
      filePath: "/docs/es/c.md",
      targetLanguage: "es",
      settings: { glossary },
      code: "<!-- Merge the pull request. -->\nFusiona el pull request.\n",
      otherFiles: [
        { filePath: "/docs/es/a.md", code: "<!-- Review the pull requests. -->\nRevisa las solicitudes de incorporación.\n" },
        { filePath: "/docs/es/b.md", code: "<!-- Close the pull request. -->\nCierra la solicitud de incorporación.\n" },
      ],
      messages: ['The term "pull request" is rendered "pull request" here, but elsewhere as "solicitud de incorporación" (2 times, first in /docs/es/a.md:2).'],
    },
  ],
};
