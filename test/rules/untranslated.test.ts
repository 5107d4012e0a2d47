import rule from "../../rules/untranslated/index.js";
import { runRuleTests } from "../helpers/rule-tester.js";

const ptBr = { targetLanguage: "pt-br" };

/** A short page of several kinds of blocks, for a translation that copies it unchanged. */
const PAGE = "# Caching results\n\nThe cache keeps the results of each run in a folder beside the project.\n\n## When the cache is used\n\nA file that has not changed since the last run is not read again.\n\n- Results are stored by the hash of the file.\n- Old entries are removed after a week.\n\nYou can turn the cache off with a flag when you need a clean run.\n";

/** An English guide with four title-cased headings, and its French translation with a heading to swap in. */
const GUIDE_EN =
  "# Watering the garden\n\nThe hose reaches every bed in the garden.\n\n## Setup\n\nThe setup is quick: connect the hose to the tap and open the valve, and the setup is done.\n\n## Daily Usage\n\nFor daily usage, water the beds early in the morning, before the sun is high.\n\n## Winter Storage\n\nDrain the hose and keep it in the shed.\n";
const guideFr = (setup: string) =>
  `# Arroser le jardin\n\nLe tuyau atteint chaque massif du jardin.\n\n## ${setup}\n\nBranchez d'abord le tuyau au robinet et ouvrez la vanne.\n\n## Utilisation quotidienne\n\nArrosez les massifs tôt le matin, avant que le soleil soit haut.\n\n## Rangement d'hiver\n\nVidez le tuyau et rangez-le dans la remise.\n`;
const fr = { targetLanguage: "fr" };

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
    {
      name: "a heading kept as a name: the source writes it only with a capital",
      code: guideFr("Hoseline").replace("le tuyau au", "le Hoseline au"),
      lint: { ...fr, source: { text: GUIDE_EN.replace("## Setup", "## Hoseline").replace("The setup is quick", "The Hoseline is quick") } },
    },
    {
      name: "a heading kept as a word both languages use: the translation's prose uses it too",
      code: guideFr("Installation").replace("la vanne.", "la vanne pour finir l'installation."),
      lint: { ...fr, source: { text: GUIDE_EN.replace("## Setup", "## Installation").replace("The setup is", "The installation is") } },
    },
    {
      name: "a heading whose attributes ask translators to keep it",
      code: guideFr("`hose` and `tap` {.notranslate lang=en}"),
      lint: { ...fr, source: { text: GUIDE_EN.replace("## Setup", "## `hose` and `tap` {.notranslate lang=en}") } },
    },
    {
      name: "a title with a name among its words, kept as it is",
      code: guideFr("Hoseline Daily Setup").replace("le tuyau au", "le Hoseline au"),
      lint: { ...fr, source: { text: GUIDE_EN.replace("## Setup", "## Hoseline Daily Setup").replace("The setup is quick", "The Hoseline setup is quick") } },
    },
    {
      name: "a one-word heading that names a term the source uses once in lower case, kept as a term",
      code: guideFr("Setup"),
      lint: { ...fr, source: { text: GUIDE_EN.replace(", and the setup is done.", ".") } },
    },
    {
      name: "a heading copied unchanged in a page whose headings are mostly kept in English",
      code: guideFr("Setup").replace("Utilisation quotidienne", "Daily Usage").replace("Rangement d'hiver", "Winter Storage"),
      lint: { ...fr, source: { text: GUIDE_EN } },
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
      name: "a one-word heading left in English in a page whose other headings are translated",
      code: guideFr("Setup"),
      lint: { ...fr, source: { text: GUIDE_EN } },
      errors: [{ messageId: "identical", line: 5, messageIncludes: "not French" }],
    },
    {
      name: "a title-cased heading left in English in a Japanese page",
      code: "# 庭の水やり\n\nホースは庭のすべての花壇に届きます。\n\n## Daily Usage\n\n朝早く、日が高くなる前に水をやります。\n\n## 準備\n\nまずホースを蛇口につなぎます。\n\n## 冬の保管\n\nホースの水を抜いて物置にしまいます。\n",
      lint: {
        targetLanguage: "ja",
        source: { text: GUIDE_EN.replace(/(## Setup\n\n.*\n\n)(## Daily Usage\n\n.*\n\n)/, "$2$1") },
      },
      errors: [{ messageId: "identical", line: 5, messageIncludes: "not Japanese" }],
    },
    {
      name: "English prose that no source pairs with",
      code: "<!-- A note on the data. -->\n\nUma nota sobre os dados.\n\n```\ncode\n```\n\nThis paragraph was pasted in without a translation, and it still has to be rewritten by the translator before the post goes out.\n",
      lint: ptBr,
      errors: [{ messageId: "unpairedSourceLanguage", line: 9 }],
    },
  ],
});

/** A word list standing in for a Hunspell dictionary: it knows a word in lower case, as Hunspell knows `setup` and `Setup`. */
const wordList = (words: string) => {
  const known = new Set(words.split(/\s+/));
  return { correct: (word: string) => known.has(word.toLowerCase()) };
};
const englishWords = wordList("keeping beds moist for small gardens sprinkler windows rust spool the a to and of in it hose garden bed every reaches setup daily usage winter storage drain keep shed cleanup rinse nozzle snippets watering cans care");
const frenchWords = wordList("le la les de du et un une tuyau jardin configuration nettoyage");
const withDictionaries = (target: string, targetWords?: { correct(word: string): boolean }) => ({
  targetLanguage: target,
  settings: { speller: (language: string) => (language === "en" ? englishWords : language === target ? targetWords : undefined) },
});
const GUIDE_EN_CLEANUP = GUIDE_EN.replace("## Setup\n\nThe setup is quick: connect the hose to the tap and open the valve, and the setup is done.", "## Cleanup\n\nRinse the nozzle after each use.");

runRuleTests(rule, {
  valid: [
    {
      name: "with dictionaries: a heading word the target language's dictionary knows is the translation's word too",
      code: guideFr("Configuration"),
      lint: { ...withDictionaries("fr", frenchWords), source: { text: GUIDE_EN.replace("## Setup", "## Configuration") } },
    },
    {
      name: "with dictionaries: a heading word the translation's prose uses is a term it keeps",
      code: guideFr("Snippets").replace("ouvrez la vanne.", "ouvrez la vanne ; les snippets suivent."),
      lint: { ...withDictionaries("fr", frenchWords), source: { text: GUIDE_EN.replace("## Setup", "## Snippets") } },
    },
    {
      name: "with dictionaries: a heading with a name the English dictionary does not know is a title",
      code: guideFr("Hoseline Cleanup"),
      lint: { ...withDictionaries("fr", frenchWords), source: { text: GUIDE_EN_CLEANUP.replace("## Cleanup", "## Hoseline Cleanup") } },
    },
    {
      name: "with dictionaries: a heading that names an identifier of the page's code",
      code: guideFr("Spool").replace("ouvrez la vanne.", "ouvrez la vanne avec `Spool`."),
      lint: { ...withDictionaries("fr", frenchWords), source: { text: GUIDE_EN_CLEANUP.replace("## Cleanup", "## Spool").replace("after each use.", "with `Spool` after each use.") } },
    },
    {
      name: "with dictionaries: a heading the source's prose writes with a capital inside its sentences, a name",
      code: guideFr("Windows"),
      lint: { ...withDictionaries("fr", frenchWords), source: { text: GUIDE_EN_CLEANUP.replace("## Cleanup\n\nRinse the nozzle", "## Windows\n\nOn Windows, rinse the nozzle") } },
    },
    {
      name: "with dictionaries: a heading beside a heading of its level that is a name kept unchanged",
      code: guideFr("Rust").replace("## Utilisation quotidienne", "## TypeScript"),
      lint: { ...withDictionaries("fr", frenchWords), source: { text: GUIDE_EN_CLEANUP.replace("## Cleanup", "## Rust").replace("## Daily Usage", "## TypeScript") } },
    },
    {
      name: "with dictionaries: a heading word the translation's prose writes in the plural is a term it keeps",
      code: guideFr("Sprinkler").replace("ouvrez la vanne.", "ouvrez la vanne des sprinklers."),
      lint: { ...withDictionaries("fr", frenchWords), source: { text: GUIDE_EN_CLEANUP.replace("## Cleanup", "## Sprinkler") } },
    },
    {
      name: "with dictionaries: the nearest heading of its level, past a deeper one, is a name kept unchanged",
      code: guideFr("Rust").replace("## Utilisation quotidienne", "### Les massifs\n\nDu texte.\n\n## TypeScript"),
      lint: {
        ...withDictionaries("fr", frenchWords),
        source: { text: GUIDE_EN_CLEANUP.replace("## Cleanup", "## Rust").replace("## Daily Usage", "### The beds\n\nSome text.\n\n## TypeScript") },
      },
    },
    {
      name: "with dictionaries: a heading in a list of talks' titles kept as they are",
      code: guideFr("Keeping Beds Moist").replace("## Utilisation quotidienne", "## Hoseline for Small Gardens"),
      lint: {
        ...withDictionaries("fr", wordList("le la les de du et un une tuyau jardin")),
        source: { text: GUIDE_EN_CLEANUP.replace("## Cleanup", "## Keeping Beds Moist").replace("## Daily Usage", "## Hoseline for Small Gardens") },
      },
    },
    {
      name: "with dictionaries: a heading word the translation's prose writes as another form of it (`Watering`, `waterers`) is kept",
      code: guideFr("Watering").replace("ouvrez la vanne.", "ouvrez la vanne des waterers."),
      lint: { ...withDictionaries("fr", frenchWords), source: { text: GUIDE_EN_CLEANUP.replace("## Cleanup", "## Watering") } },
    },
    {
      name: "with dictionaries: a heading beside a glossary term of its level that the translation keeps in English",
      code: "# Glossaire\n\nLes termes du jardin.\n\n## Arrosoir\n\nUn récipient.\n\n## Nozzle\n\nLa pointe du tuyau.\n\n## Sprinkler\n\nLe sprinkler arrose.\n\n## Tuyau\n\nUn tube souple.\n",
      lint: {
        ...withDictionaries("fr", frenchWords),
        source: { text: "# Glossary\n\nThe garden's terms.\n\n## Watering can\n\nA vessel.\n\n## Nozzle\n\nThe tip of the hose.\n\n## Sprinkler\n\nA device that sprays.\n\n## Hose\n\nA soft tube.\n" },
      },
    },
  ],
  invalid: [
    {
      name: "with dictionaries: a one-word heading the source's prose never writes, left in English",
      code: guideFr("Cleanup"),
      lint: { ...withDictionaries("fr", frenchWords), source: { text: GUIDE_EN_CLEANUP } },
      errors: [{ messageId: "identical", line: 5, messageIncludes: "not French" }],
    },
    {
      name: "with dictionaries: a Japanese page's only heading, its title, left in English above a translated body",
      code: "# Care of Watering Cans\n\n使い終わったじょうろは水を抜いて、日の当たらない物置にしまってください。冬の間は逆さにして乾かします。\n",
      lint: { ...withDictionaries("ja"), source: { text: "# Care of Watering Cans\n\nEmpty the cans after use and keep them in a shady shed. In winter, dry them upside down.\n" } },
      errors: [{ messageId: "identical", line: 1, messageIncludes: "not Japanese" }],
    },
    {
      name: "with dictionaries: a heading beside another heading left in English is still reported, as that one is",
      code: `${guideFr("Cleanup").replace("## Utilisation quotidienne", "## Daily Usage")}\n## Soins d'automne\n\nRamassez les feuilles.\n\n## Outils\n\nUne pelle suffit.\n`,
      lint: { ...withDictionaries("fr", frenchWords), source: { text: `${GUIDE_EN_CLEANUP}\n## Autumn Care\n\nRake the leaves.\n\n## Tools\n\nA spade will do.\n` } },
      errors: [
        { messageId: "identical", line: 5 },
        { messageId: "identical", line: 9 },
      ],
    },
  ],
});
