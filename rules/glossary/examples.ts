import type { RuleExamples } from "../../src/core/rule.js";

const glossary = {
  "pull request": { pt: ["pull request"], es: ["solicitud de incorporación", "pull request"] },
  collector: { fr: ["collecteur"], ja: ["コレクター"], "zh-cn": ["收集器"] },
};

/** What glossary accepts and reports, for its tests and its docs page. */
export const examples: RuleExamples = {
  valid: [
    {
      title: "A term kept as the glossary says, in the plural and with another case.",
      code: "<!-- Review open pull requests before the release. -->\nRevise os Pull Requests abertos antes da versão.\n",
      targetLanguage: "pt-br",
      settings: { glossary },
    },
    {
      title: "An allowed form inflects too: Spanish puts the plural on its first word.",
      source: "Two pull requests changed the parser.\n",
      code: "Dos solicitudes de incorporación cambiaron el analizador.\n",
      targetLanguage: "es",
      settings: { glossary },
    },
    {
      title: "Japanese has no spaces: the allowed form is found inside the sentence.",
      source: "Start the collector first.\n",
      code: "まずコレクターを起動します。\n",
      targetLanguage: "ja",
      settings: { glossary },
    },
    {
      title: "A term inside inline code or a URL is not prose, so it asks for no translation.",
      source: "Set `collector` in <https://example.com/collector>.\n",
      code: "Définissez `collector` dans <https://example.com/collector>.\n",
      targetLanguage: "fr",
      settings: { glossary },
    },
  ],
  invalid: [
    {
      title: "A term to keep untranslated was translated.",
      code: "<!-- Open a pull request for the fix. -->\nAbra uma solicitação de alteração para a correção.\n",
      targetLanguage: "pt-br",
      settings: { glossary },
      messages: ['"pull request" is to be kept untranslated, but the translation does not contain it; it appears 1 time(s) in the source (line 1).'],
    },
    {
      title: "A French translation that renders the term with a word the glossary does not allow.",
      source: "The collector receives spans and the collector exports them.\n",
      code: "Le récepteur reçoit les spans et les exporte.\n",
      targetLanguage: "fr",
      settings: { glossary },
      messages: ['"collector" appears 2 time(s) in the source (line 1), but the translation has none of its allowed forms: "collecteur".'],
    },
    {
      title: "A Chinese sentence without the allowed form.",
      source: "Restart the collector.\n",
      code: "重新启动采集程序。\n",
      targetLanguage: "zh-cn",
      settings: { glossary },
      messages: ['"collector" appears 1 time(s) in the source (line 1), but the translation has none of its allowed forms: "收集器".'],
    },
  ],
};
