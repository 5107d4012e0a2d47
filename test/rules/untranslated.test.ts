import rule from "../../rules/untranslated/index.js";
import { runRuleTests } from "../helpers/rule-tester.js";

const ptBr = { targetLanguage: "pt-br" };

/** A short page of several kinds of blocks, for a translation that copies it unchanged. */
const PAGE = "# Caching results\n\nThe cache keeps the results of each run in a folder beside the project.\n\n## When the cache is used\n\nA file that has not changed since the last run is not read again.\n\n- Results are stored by the hash of the file.\n- Old entries are removed after a week.\n\nYou can turn the cache off with a flag when you need a clean run.\n";

runRuleTests(rule, {
  valid: [
    {
      name: "a translated paragraph",
      code: "<!-- The team trained the model on a large set of weather reports. -->\n\nA equipe treinou o modelo com um grande conjunto de boletins meteorológicos.\n",
      lint: ptBr,
    },
    {
      name: "English terms kept in italics inside Portuguese prose",
      code: "<!-- The attention layer grows with the square of the input length. -->\n\nA camada de *self-attention* cresce com o quadrado do tamanho da *input sequence*.\n",
      lint: ptBr,
    },
    {
      name: "the title of a cited work, kept as it is",
      code: "<!-- ***Sparse Mixtures of Experts for Small Devices*** -->\n\n***Sparse Mixtures of Experts for Small Devices***\n",
      lint: ptBr,
    },
    {
      name: "a heading that names a paper, kept in English",
      code: "## Learning to Rank with Noisy Labels\n\nUm texto qualquer.\n",
      lint: { ...ptBr, source: { text: "## Learning to Rank with Noisy Labels\n\nSome text.\n" } },
    },
    {
      name: "a command copied unchanged is not prose",
      code: "<!-- npm run build -->\n\nnpm run build\n",
      lint: ptBr,
    },
    {
      name: "nothing is judged when the target language is unknown",
      code: "<!-- The parser now keeps every comment it reads. -->\n\nThe parser now keeps every comment it reads.\n",
    },
    {
      name: "a Chinese translation that keeps product names",
      code: "<!-- The new release of PyTorch makes training on GPUs faster. -->\n\nPyTorch 的新版本让在 GPU 上的训练更快。\n",
      lint: { targetLanguage: "zh" },
    },
    {
      name: "an English quotation in a blockquote is left alone",
      code: "<!-- A short note about the speech. -->\n\nUma nota curta sobre o discurso.\n\n> We choose to do these things not because they are easy, but because they are hard to do well.\n",
      lint: ptBr,
    },
    {
      name: "what a console component shows is program output, kept as the program prints it",
      code: "Se o arquivo faltar, o terminal mostra:\n\n<ConsoleBlock level=\"error\">\n\nError: could not open the settings file because it does not exist.\n\n</ConsoleBlock>\n\nCrie o arquivo antes de rodar.\n",
      lint: {
        ...ptBr,
        source: { text: "If the file is missing, the terminal shows:\n\n<ConsoleBlock level=\"error\">\n\nError: could not open the settings file because it does not exist.\n\n</ConsoleBlock>\n\nCreate the file before running.\n" },
      },
    },
    {
      name: "a short item of a list of names, kept as its siblings are (the numbered step above is another list)",
      code: "1. Instale estas peças:\n\n- Garden Hose Deluxe\n- Brass Nozzle Pro\n- Hose reel (on the wall)\n",
      lint: { ...ptBr, source: { text: "1. Install these parts:\n\n- Garden Hose Deluxe\n- Brass Nozzle Pro\n- Hose reel (on the wall)\n" } },
    },
  ],
  invalid: [
    {
      name: "a short item left in English among translated sentences is still reported",
      code: "Antes de sair:\n\n- Regue as plantas pela manhã.\n- Hose reel (on the wall)\n- Guarde a mangueira longe do sol.\n",
      lint: {
        ...ptBr,
        source: { text: "Before you leave:\n\n- Water the plants in the morning.\n- Hose reel (on the wall)\n- Keep the hose out of the sun.\n" },
      },
      errors: [{ messageId: "identical", line: 4 }],
    },
    {
      name: "a translation identical to its source",
      code: "<!-- The parser now keeps every comment it reads. -->\n\nThe parser now keeps every comment it reads.\n",
      lint: ptBr,
      errors: [{ messageId: "identical", line: 3, column: 1, side: "translation", messageIncludes: "not Portuguese" }],
    },
    {
      name: "a translation reworded but still in English",
      code: "<!-- We released a new library for training small models quickly. -->\n\nWe have released a new library that can train the small models very quickly.\n",
      lint: ptBr,
      errors: [{ messageId: "sourceLanguage", line: 3, messageIncludes: "source at line 1" }],
    },
    {
      name: "a Chinese target told apart by script",
      code: "<!-- The authors show that the method works well on long documents. -->\n\nThe authors have shown that this method works very well on the long documents.\n",
      lint: { targetLanguage: "zh" },
      errors: [{ messageId: "sourceLanguage", line: 3, messageIncludes: "not Chinese" }],
    },
    {
      name: "consecutive untranslated blocks are reported once",
      code: "Primeiro parágrafo traduzido para o português.\n\nThe second part explains how the cache is kept between runs.\n\nThe third part tells what happens when the cache is out of date.\n\nThe fourth part lists the options that turn the cache off.\n",
      lint: {
        ...ptBr,
        source: {
          text: "The first paragraph was translated into Portuguese.\n\nThe second part explains how the cache is kept between runs.\n\nThe third part tells what happens when the cache is out of date.\n\nThe fourth part lists the options that turn the cache off.\n",
        },
      },
      errors: [{ messageId: "run", line: 3, messageIncludes: "3 consecutive blocks, from here to line 7" }],
    },
    {
      name: "a page left wholly in the source language is one finding, not one per block",
      code: PAGE,
      lint: { ...ptBr, source: { text: PAGE } },
      errors: [{ messageId: "wholeFile", line: 1, messageIncludes: "The whole page is still in English, not Portuguese" }],
    },
    {
      name: "English inside a component that is not program output is still prose",
      code: "<Note>\n\nThe cache is removed when the project is deleted, together with every result it holds.\n\n</Note>\n\nO cache guarda resultados.\n",
      lint: {
        ...ptBr,
        source: { text: "<Note>\n\nThe cache is removed when the project is deleted, together with every result it holds.\n\n</Note>\n\nThe cache keeps results.\n" },
      },
      errors: [{ messageId: "identical", line: 3 }],
    },
    {
      name: "a heading copied unchanged",
      code: "## How the cache works\n\nO cache guarda os resultados entre execuções.\n",
      lint: { ...ptBr, source: { text: "## How the cache works\n\nThe cache keeps results between runs.\n" } },
      errors: [{ messageId: "identical", line: 1 }],
    },
    {
      name: "English prose that no source pairs with",
      code: "<!-- A note on the data. -->\n\nUma nota sobre os dados.\n\n```\ncode\n```\n\nThis paragraph was pasted in without a translation, and it still has to be rewritten by the translator before the post goes out.\n",
      lint: ptBr,
      errors: [{ messageId: "unpairedSourceLanguage", line: 9 }],
    },
  ],
});
