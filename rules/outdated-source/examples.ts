import type { RuleExamples } from "../../src/core/rule.js";

/** The English file of the examples' inline posts, as it reads today. */
const guide = "# Setup\n\nInstall the command line tool with your package manager.\n\nRun it once to create a settings file.\n";

export const examples: RuleExamples = {
  valid: [
    {
      title: "The comments keep the English file's blocks word for word; line wrapping and curly quotes are not changes.",
      filePath: "/blog/pt-br/setup.md",
      sourcePath: "/blog/en/setup.md",
      source: "# Setup\n\nInstall the tool with your package manager, then run “tool init”.\n",
      code: "# Configuração\n\nInstale a ferramenta com o seu gerenciador de pacotes e depois rode \"tool init\".\n\n<!-- Install the tool with your package\nmanager, then run \"tool init\". -->\n",
    },
    {
      title: "A parallel translation (no comments) is not this rule's: it says nothing.",
      filePath: "/blog/pt-br/setup.md",
      sourcePath: "/blog/en/setup.md",
      source: guide,
      code: "# Configuração\n\nInstale a ferramenta de linha de comando com o seu gerenciador de pacotes.\n\nRode-a uma vez para criar um arquivo de configurações.\n",
    },
  ],
  invalid: [
    {
      title: "A word changed in the English file after the comment was copied; --fix writes today's English and marks the translation for review.",
      filePath: "/blog/pt-br/setup.md",
      sourcePath: "/blog/en/setup.md",
      source: guide,
      code: "# Configuração\n\nInstale a ferramenta com o seu gerenciador de pacotes.\n\n<!-- Install the tool with your package manager. -->\n\nRode-a uma vez para criar um arquivo de configurações.\n\n<!-- Run it once to create a settings file. -->\n",
      messages: ["The English in this comment differs from the source file (line 3): + command line"],
      output:
        "# Configuração\n\n<!-- nl-lint-review -- source changed: check this translation, then delete this line -->\nInstale a ferramenta com o seu gerenciador de pacotes.\n\n<!-- Install the command line tool with your package manager. -->\n\nRode-a uma vez para criar um arquivo de configurações.\n\n<!-- Run it once to create a settings file. -->\n",
    },
    {
      title: "A paragraph the English file added, reported at the comment it would follow, and one it removed, at its comment.",
      filePath: "/blog/es/setup.md",
      sourcePath: "/blog/en/setup.md",
      source: "Install the tool with your package manager.\n\nOn Windows, use the installer instead.\n",
      code: "Instala la herramienta con tu gestor de paquetes.\n\n<!-- Install the tool with your package manager. -->\n\nNo hace falta reiniciar.\n\n<!-- There is no need to restart. -->\n",
      messages: [
        'The source file has a block (line 3) that no comment keeps, after this one: "On Windows, use the installer instead."',
        "The source file no longer has this comment's English: \"There is no need to restart.\"",
      ],
    },
    {
      title: "A translation marked for review by --fix is reported until a person deletes the marker.",
      code: "<!-- nl-lint-review -- source changed: check this translation, then delete this line -->\nInstale a ferramenta.\n\n<!-- Install the tool. -->\n",
      messages: ["Marked for review: the English of this translation changed. Check the translation, then delete this marker."],
    },
  ],
};
