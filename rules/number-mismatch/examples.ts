import type { RuleExamples } from "../../src/core/rule.js";

/** What number-mismatch accepts and reports, for its tests and its docs page. */
export const examples: RuleExamples = {
  valid: [
    {
      title: "Portuguese groups thousands with a point: 1,500 and 1.500 are one number.",
      code: "<!-- The library grew to 1,500 users in 2023. -->\nA biblioteca chegou a 1.500 usuários em 2023.\n",
      targetLanguage: "pt-br",
    },
    {
      title: "French writes a decimal comma and a narrow no-break space before the percent sign.",
      source: "Compression cut the files by 12.5%.\n",
      code: "La compression a réduit les fichiers de 12,5\u202f%.\n",
      targetLanguage: "fr",
    },
    {
      title: "Japanese full-width digits are the same digits.",
      source: "The cache keeps 3 entries per user.\n",
      code: "キャッシュはユーザーごとに３件のエントリを保持します。\n",
      targetLanguage: "ja",
    },
    {
      title: "Chinese counts large numbers in 亿 (10⁸): 15 亿 is 1.5 billion.",
      source: "The model has 1.5 billion parameters.\n",
      code: "该模型有 15 亿个参数。\n",
      targetLanguage: "zh-cn",
    },
    {
      title: "A number written in words on one side, and a version, in German.",
      source: "Release v2.1 needs two workers.\n",
      code: "Release v2.1 braucht 2 Worker.\n",
      targetLanguage: "de",
    },
    {
      title: "Digits in inline code and in a link's address are not prose.",
      source: "Run `sleep 30` and read [the guide](https://example.com/v3/guide).\n",
      code: "Ejecuta `sleep 30` y lee [la guía](https://example.com/v3/guia).\n",
      targetLanguage: "es",
    },
  ],
  invalid: [
    {
      title: "A date changed in a Portuguese translation: the day is not the source's.",
      code: "<!-- The meeting moved to 14 May. -->\nA reunião passou para 15 de maio.\n",
      targetLanguage: "pt-br",
      messages: ["15 is 14 in the source (line 1)."],
    },
    {
      title: "A Spanish translation that dropped a digit.",
      source: "The test suite runs 250 checks.\n",
      code: "La batería de pruebas ejecuta 25 comprobaciones.\n",
      targetLanguage: "es",
      messages: ["25 is 250 in the source (line 1)."],
    },
    {
      title: "A Chinese translation with a number the source does not have.",
      source: "Uploads are limited in size.\n",
      code: "上传的文件大小限制为 64 MB。\n",
      targetLanguage: "zh-cn",
      messages: ["64 is not in the source (line 1)."],
    },
  ],
};
