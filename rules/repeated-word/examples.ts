import type { RuleExamples } from "../../src/core/rule.js";

/** What repeated-word accepts and reports, for its tests and its docs page. */
export const examples: RuleExamples = {
  valid: [
    {
      title: "French reflexive verbs write the pronoun twice.",
      source: "We get up early and you make mistakes.\n",
      code: "Nous nous levons tôt et vous vous trompez.\n",
      targetLanguage: "fr",
    },
    {
      title: "A German relative pronoun before an article.",
      source: "These are the rules that the tests check.\n",
      code: "Das sind die Regeln, die die Tests prüfen.\n",
      targetLanguage: "de",
    },
    {
      title: "A Spanish translation that keeps the source's own repetition.",
      code: "<!-- It is very, very slow. -->\nEs muy muy lento.\n",
      targetLanguage: "es",
    },
    {
      title: "Japanese doubles words on purpose and writes no spaces: it is not checked.",
      source: "Check the logs from time to time.\n",
      code: "時々ログを確認してください。\n",
      targetLanguage: "ja",
    },
  ],
  invalid: [
    {
      title: "A Portuguese article written twice.",
      code: "<!-- The parser reads the file once. -->\nO o analisador lê o arquivo uma vez.\n",
      targetLanguage: "pt-br",
      messages: ['"o" is written twice in a row; its source (line 1) has no repetition.'],
    },
    {
      title: "A Spanish preposition repeated across a line break.",
      source: "Copy the list of\nfiles to the folder.\n",
      code: "Copia la lista de\nde archivos a la carpeta.\n",
      targetLanguage: "es",
      messages: ['"de" is written twice in a row; its source (line 1) has no repetition.'],
    },
    {
      title: "A German conjunction written twice.",
      source: "Save and close the file.\n",
      code: "Speichern und und schließen Sie die Datei.\n",
      targetLanguage: "de",
      messages: ['"und" is written twice in a row; its source (line 1) has no repetition.'],
    },
  ],
};
