import { describe, expect, it } from "vitest";
import rule from "../../rules/repeated-word/index.js";
import { lint } from "../../src/core/lint.js";
import { runRuleTests } from "../helpers/rule-tester.js";

const ptBr = { targetLanguage: "pt-br" };
const parallel = (source: string, targetLanguage: string) => ({ source: { text: source }, targetLanguage });

runRuleTests(rule, {
  valid: [
    {
      name: "one copy of each word",
      code: "<!-- The tool reads the file. -->\nA ferramenta lê o arquivo.\n",
      lint: ptBr,
    },
    {
      name: "a comma between the copies is a choice, not a slip",
      code: "Ele disse: bora, bora, vamos!\n",
      lint: parallel("He said: come on, let's go!\n", "pt-br"),
    },
    {
      name: "markup between the copies: a term set in bold, then used",
      code: "**Cache** cache é a pasta onde os resultados ficam.\n",
      lint: parallel("**Cache**: the folder where the results are kept.\n", "pt-br"),
    },
    {
      name: "a word in inline code followed by the same word in prose",
      code: "O campo `nome` nome do usuário é obrigatório.\n",
      lint: parallel("The `nome` field, the user's name, is required.\n", "pt-br"),
    },
    {
      name: "French reflexive pronouns are built in",
      code: "Vous vous connectez avec votre compte.\n",
      lint: parallel("You sign in with your account.\n", "fr"),
    },
    {
      name: "a capital letter inside a sentence is a name, not a slip",
      code: "O guia cobre tudo, de A a Z.\n",
      lint: parallel("The guide covers everything from A to Z.\n", "pt-br"),
    },
    {
      name: "a Chinese sentence that doubles a word on purpose",
      code: "请慢慢阅读，人人都能看懂。\n",
      lint: parallel("Read it slowly; everyone can follow it.\n", "zh-cn"),
    },
    {
      name: "a repetition the source has too",
      code: "O sistema é muito muito lento.\n",
      lint: parallel("The system is very very slow.\n", "pt-br"),
    },
    {
      name: "a source that repeats a word in another form",
      code: "Elle révèle les « inconnus inconnus » du système.\n",
      lint: parallel("It shows the unknown unknowns of the system.\n", "fr"),
    },
    {
      name: "a team's own exceptions",
      code: "Eu volto já já.\n",
      lint: parallel("I will be right back.\n", "pt-br"),
      options: { exceptions: { pt: ["já já"] } },
    },
    {
      name: "Turkish doubles words to say 'step by step'",
      code: "Kurulumu adım adım anlatıyor.\n",
      lint: parallel("It explains the setup in detail.\n", "tr"),
    },
    {
      name: "a word followed by a compound that starts with it",
      code: "Preencha o nome e e-mail do contato.\n",
      lint: parallel("Fill in the contact's name and email.\n", "pt-br"),
    },
    {
      name: "Portuguese 'if' before a reflexive pronoun",
      code: "Se se tornar visível, a animação começa.\n",
      lint: parallel("If it becomes visible, the animation starts.\n", "pt-br"),
    },
    {
      name: "numbers written twice are not words",
      code: "A tabela mostra 10 10 vezes.\n",
      lint: parallel("The table shows 10 ten times.\n", "pt-br"),
    },
  ],
  invalid: [
    {
      name: "an article written twice, found at the first copy",
      code: "<!-- Open the file. -->\nAbra o o arquivo.\n",
      lint: ptBr,
      errors: [{ messageId: "repeated", line: 2, column: 6, side: "translation", messageIncludes: '"o" is written twice' }],
      output: null,
    },
    {
      name: "case does not hide a repetition at the start of a sentence",
      code: "O o arquivo foi salvo.\n",
      lint: parallel("The file was saved.\n", "pt-br"),
      errors: [{ messageId: "repeated", column: 1 }],
    },
    {
      name: "across a line break inside the paragraph",
      code: "Copie a pasta para\npara o servidor.\n",
      lint: parallel("Copy the folder to\nthe server.\n", "pt-br"),
      errors: [{ messageId: "repeated", line: 1, column: 15 }],
    },
    {
      name: "across a line break inside a block quote",
      code: "> Guarde a chave em em\n> um lugar seguro.\n",
      lint: parallel("> Keep the key in\n> a safe place.\n", "pt-br"),
      errors: [{ messageId: "repeated", line: 1, column: 18 }],
    },
    {
      name: "inside a link's label",
      code: "Leia [o guia de de instalação](https://example.org/guia).\n",
      lint: parallel("Read [the installation guide](https://example.org/guide).\n", "pt-br"),
      errors: [{ messageId: "repeated", column: 14 }],
    },
    {
      name: "a language skipped by default is checked when the options say so",
      code: "Dosyayı dosyayı kaydedin.\n",
      lint: parallel("Save the file.\n", "tr"),
      options: { skipLanguages: [] },
      errors: [{ messageId: "repeated", column: 1 }],
    },
  ],
});

describe("repeated-word suggestions", () => {
  it("suggests removing the second copy and the space before it, without fixing", () => {
    const findings = lint("Abra o o arquivo.\n", { ruleSet: [rule], ...parallel("Open the file.\n", "pt-br") }).findings;
    expect(findings).toHaveLength(1);
    expect(findings[0].fix).toBeUndefined();
    const [suggestion] = findings[0].suggestions!;
    const text = "Abra o o arquivo.\n";
    expect(text.slice(0, suggestion.fix.range[0]) + suggestion.fix.text + text.slice(suggestion.fix.range[1])).toBe("Abra o arquivo.\n");
  });
});

describe("repeated-word examples", () => {
  const examples = rule.examples!;
  const run = (example: (typeof examples.valid)[number]) =>
    lint(example.code, {
      ruleSet: [rule],
      targetLanguage: example.targetLanguage,
      ...(example.source === undefined ? {} : { source: { text: example.source } }),
    }).findings.map((f) => f.message);
  it("has at least two of each kind", () => {
    expect(examples.valid.length).toBeGreaterThanOrEqual(2);
    expect(examples.invalid.length).toBeGreaterThanOrEqual(2);
  });
  for (const example of [...examples.valid, ...examples.invalid]) {
    it(example.title, () => expect(run(example)).toEqual(example.messages ?? []));
  }
});
