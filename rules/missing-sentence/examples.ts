import type { RuleExamples } from "../../src/core/rule.js";

/** Pairs a document's length model learns from: how long this translator's Portuguese runs (the rule's tests use them too). */
export const PORTUGUESE_INLINE_CONTEXT = [
  ["The garden needs water every morning in summer.", "O jardim precisa de água todas as manhãs no verão."],
  ["Our library lends books for three weeks at a time.", "Nossa biblioteca empresta livros por três semanas de cada vez."],
  ["The bakery opens early and closes after lunch on Sundays.", "A padaria abre cedo e fecha depois do almoço aos domingos."],
  ["Each room has a desk, a lamp and a narrow bed.", "Cada quarto tem uma mesa, uma luminária e uma cama estreita."],
  ["The museum shows old maps of the coast and its ports.", "O museu mostra mapas antigos da costa e dos seus portos."],
  ["Trains leave the station every twenty minutes until midnight.", "Os trens saem da estação a cada vinte minutos até a meia-noite."],
]
  .map(([en, pt]) => `<!-- ${en} -->\n${pt}\n`)
  .join("\n");

const SOURCE =
  "The parser reads the whole file before it starts. Every heading becomes a section of its own, holding all the paragraphs, lists and tables that follow it up to the next heading. The result is cached for the next run.";

export const examples: RuleExamples = {
  valid: [
    {
      title: "Every sentence translated, two of them joined into one by the translator (Portuguese).",
      code: `${PORTUGUESE_INLINE_CONTEXT}\n<!-- ${SOURCE} -->\nO analisador lê o arquivo inteiro antes de começar, e cada título vira uma seção própria, com todos os parágrafos, listas e tabelas que o seguem até o próximo título. O resultado fica guardado para a próxima execução.\n`,
    },
    {
      title: "A source of one sentence has none to leave out.",
      code: "<!-- Press the green button to start the machine. -->\nPressione o botão verde para ligar a máquina.\n",
    },
  ],
  invalid: [
    {
      title: "The middle sentence left out (Portuguese): reported where it belongs in the translation.",
      code: `${PORTUGUESE_INLINE_CONTEXT}\n<!-- ${SOURCE} -->\nO analisador lê o arquivo inteiro antes de começar. O resultado fica guardado para a próxima execução.\n`,
      messages: ["The translation seems to lack a sentence of the source (line 19): 'Every heading becomes a section of its own, holding all the paragraphs,…'."],
    },
    {
      title: "The closing sentence left out: reported at the translation's last character.",
      code: `${PORTUGUESE_INLINE_CONTEXT}\n<!-- The parser reads the whole file before it starts. Its result is kept in a folder beside the project, so that the next run reads only the files that changed since. -->\nO analisador lê o arquivo inteiro antes de começar.\n`,
      messages: ["The translation seems to lack a sentence of the source (line 19): 'Its result is kept in a folder beside the project, so that…'."],
    },
  ],
};
