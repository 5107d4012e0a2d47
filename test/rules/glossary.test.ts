import { describe, expect, it } from "vitest";
import rule from "../../rules/glossary/index.js";
import { formsForLanguage } from "../../src/text/glossary-terms.js";
import { lint } from "../../src/core/lint.js";
import type { Glossary } from "../../src/core/rule.js";
import { runRuleTests } from "../helpers/rule-tester.js";

const glossary: Glossary = {
  "merge request": { "pt-BR": ["merge request"], es: ["solicitud de fusión"], de: ["Merge-Request"] },
  branch: { pt: ["branch", "ramo"], fr: ["branche"], de: ["Zweig", "Branch"] },
  queue: { fr: ["file d'attente"], ja: ["キュー"], zh: ["队列"], es: ["cola"] },
  workflow: { "zh-CN": ["工作流"], zh: ["流程"], de: ["Workflow"] },
  cluster: { "*": ["cluster"] },
  action: { pt: ["ação"], it: ["azione"] },
};

const parallel = (source: string, targetLanguage: string) => ({ source: { text: source }, targetLanguage, settings: { glossary } });
const inline = (targetLanguage: string) => ({ targetLanguage, settings: { glossary } });

runRuleTests(rule, {
  valid: [
    {
      name: "no glossary: nothing to check",
      code: "<!-- Push the branch. -->\nEnvie o galho.\n",
      lint: { targetLanguage: "pt-br" },
    },
    {
      name: "a language the glossary has no entry for",
      code: "Schiebe den Ast.\n",
      lint: { ...parallel("Push the branch.\n", "nl"), targetLanguage: "nl" },
    },
    {
      name: "the source's plural and capital letter still name the term; the translation keeps it",
      code: "<!-- Merge Requests wait for review. -->\nOs merge requests aguardam revisão.\n",
      lint: inline("pt-br"),
    },
    {
      name: "a Spanish allowed form in the plural, its first word inflected",
      code: "Las solicitudes de fusión esperan revisión.\n",
      lint: parallel("The merge requests wait for review.\n", "es"),
    },
    {
      name: "a Portuguese plural that replaces the ending (ação → ações)",
      code: "As ações rodam em paralelo.\n",
      lint: parallel("The actions run in parallel.\n", "pt-br"),
    },
    {
      name: "an Italian plural (azione → azioni)",
      code: "Le azioni girano in parallelo.\n",
      lint: parallel("The actions run in parallel.\n", "it"),
    },
    {
      name: "a French allowed form after an elided article and in the plural",
      code: "Les tâches attendent dans les files d'attente, et l'autre branche aussi.\n",
      lint: parallel("Tasks wait in the queues, and the other branch too.\n", "fr"),
    },
    {
      name: "a German compound holds the allowed form",
      code: "Der Hauptzweig und die Zweige bleiben geschützt.\n",
      lint: parallel("The main branch and the branches stay protected.\n", "de"),
    },
    {
      name: "German capitalised allowed form with a hyphen",
      code: "Öffne einen Merge-Request.\n",
      lint: parallel("Open a merge request.\n", "de"),
    },
    {
      name: "Japanese: the allowed form inside a sentence with no spaces",
      code: "ジョブはキューで待機します。\n",
      lint: parallel("Jobs wait in the queue.\n", "ja"),
    },
    {
      name: "Chinese: the most specific language tag wins (zh-CN over zh)",
      code: "工作流会自动运行。\n",
      lint: parallel("The workflow runs on its own.\n", "zh-cn"),
    },
    {
      name: "a term kept untranslated for every language (*) in a Japanese sentence",
      code: "clusterを再起動します。\n",
      lint: parallel("Restart the cluster.\n", "ja"),
    },
    {
      name: "the term only inside inline code, a URL, a link destination and a code block",
      code: "Use `branch` em [esta página](https://example.com/branch) e <https://example.com/branch>.\n\n```sh\ngit branch\n```\n",
      lint: parallel("Use `branch` on [this page](https://example.com/branch) and <https://example.com/branch>.\n\n```sh\ngit branch\n```\n", "pt-br"),
    },
    {
      name: "a noun of the glossary used as a verb is another word",
      code: "Les modifications ne doivent pas toucher deux langues ; il faut mettre en attente les envois.\n",
      lint: parallel("Changes must not queue twice; you need to queue the uploads.\n", "fr"),
    },
    {
      name: "the term inside an identifier or a hyphenated compound",
      code: "Le canal #team-queue-alerts signale les pannes.\n",
      lint: parallel("The #team-queue-alerts channel reports outages.\n", "fr"),
    },
    {
      name: "a name the translation copies letter for letter",
      code: "Ouvrez le tableau Queue Monitor pour voir l'état.\n",
      lint: parallel("Open the Queue Monitor board to see the state.\n", "fr"),
    },
    {
      name: "the allowed form only in the source's link label, rendered in the translation's link label",
      code: "Leia sobre [o ramo principal](./main.md).\n",
      lint: parallel("Read about [the main branch](./main.md).\n", "pt-br"),
    },
    {
      name: "the source says the term twice, the translation once: counted as rendered",
      code: "Crie a branch e depois publique-a.\n",
      lint: parallel("Create the branch and then publish the branch.\n", "pt-br"),
    },
  ],
  invalid: [
    {
      name: "a term to keep untranslated was translated (inline layout)",
      code: "<!-- Open a merge request. -->\nAbra uma solicitação de mesclagem.\n",
      lint: inline("pt-br"),
      errors: [{ messageId: "keep", line: 2, side: "translation", messageIncludes: '"merge request"' }],
    },
    {
      name: "a Spanish translation with a word the glossary does not allow",
      code: "Los trabajos esperan en la fila.\n",
      lint: parallel("Jobs wait in the queue.\n", "es"),
      errors: [{ message: '"queue" appears 1 time(s) in the source (line 1), but the translation has none of its allowed forms: "cola".', line: 1 }],
    },
    {
      name: "a Japanese sentence with another word for the term",
      code: "ジョブは待ち行列で待機します。\n",
      lint: parallel("Jobs wait in the queue.\n", "ja"),
      errors: [{ messageId: "missing", messageIncludes: '"キュー"' }],
    },
    {
      name: "a Chinese sentence: zh's form does not satisfy the more specific zh-CN entry",
      code: "流程会自动运行。\n",
      lint: parallel("The workflow runs on its own.\n", "zh-cn"),
      errors: [{ messageId: "missing", messageIncludes: '"工作流"' }],
    },
    {
      name: "the term in the plural in a heading, translated otherwise",
      code: "# Ramificações protegidas\n",
      lint: parallel("# Protected branches\n", "pt-br"),
      errors: [{ messageId: "missing", messageIncludes: "1 time(s)", line: 1 }],
    },
    {
      name: "a German translation: reported at the translation's paragraph, not the source's",
      code: "Einleitung.\n\nSchiebe den Ast nach oben.\n",
      lint: parallel("Introduction.\n\nPush the branch up.\n", "de"),
      errors: [{ messageId: "missing", line: 3, side: "translation" }],
    },
  ],
});

describe("glossary language tags", () => {
  const byLanguage = { pt: ["a"], "pt-BR": ["b"], "*": ["c"] };

  it("match case-insensitively, the most specific tag winning", () => {
    expect(formsForLanguage(byLanguage, "pt-br")).toEqual(["b"]);
    expect(formsForLanguage(byLanguage, "PT_br")).toEqual(["b"]);
  });

  it("match by prefix, and * covers every other language", () => {
    expect(formsForLanguage(byLanguage, "pt-pt")).toEqual(["a"]);
    expect(formsForLanguage(byLanguage, "ja")).toEqual(["c"]);
    expect(formsForLanguage({ pt: ["a"] }, "ptx")).toBeUndefined();
  });
});

describe("glossary without configuration", () => {
  it("reports nothing when the settings hold no glossary", () => {
    const result = lint("<!-- Push the branch. -->\nEmpurre o galho.\n", { targetLanguage: "pt-br", ruleSet: [rule], rules: { glossary: "warn" } });
    expect(result.findings).toEqual([]);
  });
});
