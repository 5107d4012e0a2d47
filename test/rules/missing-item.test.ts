import rule from "../../rules/missing-item/index.js";
import { runRuleTests } from "../helpers/rule-tester.js";

const ptBr = { targetLanguage: "pt-br" };

runRuleTests(rule, {
  valid: [
    {
      name: "every enumerated item translated",
      code: "<!-- The tool checks spelling, grammar, punctuation, and style. -->\n\nA ferramenta verifica ortografia, gramática, pontuação e estilo.\n",
      lint: ptBr,
    },
    {
      name: "a short enumeration merged by the translator",
      code: "<!-- You need flour, eggs, and milk. -->\n\nVocê precisa de farinha e ovos.\n",
      lint: ptBr,
    },
    {
      name: "commas of an ordinary sentence are no list",
      code: "<!-- However, in this release, as we said before, the parser is faster and safer. -->\n\nNesta versão o analisador ficou mais rápido e seguro.\n",
      lint: ptBr,
    },
    {
      name: "items kept in the source language count as kept",
      code: "<!-- Topics include transfer learning, model pruning, knowledge distillation, and quantization. -->\n\nOs tópicos incluem *transfer learning*; *model pruning* e *knowledge distillation* são abordados com quantização.\n",
      lint: ptBr,
    },
    {
      name: "most items kept",
      code: "<!-- It runs on Linux, macOS, Windows, and FreeBSD. -->\n\nEle roda no Linux, no macOS e no Windows.\n",
      lint: ptBr,
    },
    {
      name: "every comment has its translation",
      code: "<!-- The first part. -->\n\nA primeira parte.\n\n<!-- The second part. -->\n\nA segunda parte.\n",
      lint: ptBr,
    },
    {
      name: "parallel files: shortcode blocks the translation lays out its own way are structure",
      code: "# Bem-vindo\n\nEsta é a página inicial do projeto, com tudo o que você precisa para começar.\n\n## Comece aqui\n\nLeia o guia de instalação.\n",
      lint: {
        ...ptBr,
        source: {
          text: "# Welcome\n\nThis is the project's home page, with everything you need to get started.\n\n{{< home/card title=\"Fast\" icon=\"bolt\" >}}\nChecks run in parallel on every core, so large sites finish in seconds.\n{{< /home/card >}}\n\n{{< home/card title=\"Safe\" icon=\"lock\" >}}\nNothing is written to disk unless you ask for a fix, and every fix can be undone.\n{{< /home/card >}}\n\n{{% include \"notes/start.md\" %}}\n\n- {{% status \"API\" \"core/api\" %}}\n- {{% status \"SDK\" \"core/sdk\" %}}\n\n## Start here\n\nRead the installation guide.\n",
        },
      },
    },
    {
      name: "parallel files: a paragraph the translation moved into another section keeps its link there",
      code: "# Espelhos\n\nBaixe o pacote de um espelho. Escolha o [espelho](https://mirror.example.net/pkg) mais perto de você: o download é grande.\n\n## Escolha\n\nCada espelho é sincronizado a cada 6 horas.\n",
      lint: {
        ...ptBr,
        source: {
          text: "# Mirrors\n\nDownload the package from a mirror.\n\n## Choosing a mirror\n\nPick the [mirror](https://mirror.example.net/pkg) nearest to you, since the download is large and a far one is slow.\n\nEach mirror is synced every 6 hours.\n",
        },
      },
    },
    {
      // Alignment joins two source steps to one translated step and leaves the next translated
      // step unpaired beside them: that step is the one that looked missing.
      name: "parallel files: a list item left unpaired beside a merged pair is not missing",
      code: "图 2：从 Fork 仓库提交拉取请求\n\n1. 在浏览器中，前往 [`lintkit`](https://forge.example/lintkit/lintkit) 仓库。\n\n2. 点击 **New Pull Request**。\n\n3. 点击 **compare across forks**。\n\n4. 在 **head repository** 下拉菜单中，选择你的 fork 仓库。\n\n5. 在 **compare** 下拉菜单中，选择你要提交的分支。\n\n6. 点击 **Create Pull Request**。\n\n7. 为你的拉取请求添加一段描述信息，方便审阅者理解：\n   - **Title**（不超过 50 个字符）：用一句话简要概括这次变更的目的和范围。\n   - **Description**：更加详细地描述这次变更的内容、原因以及可能产生的影响。\n",
      lint: {
        targetLanguage: "zh",
        source: {
          text: "_Figure 2. Opening a pull request from a fork._\n\n1. In a web browser, go to the\n   [`lintkit`](https://forge.example/lintkit/lintkit)\n   repository.\n1. Select **New Pull Request**.\n1. Select **compare across forks**.\n1. From the **head repository** drop-down menu, select your fork.\n1. From the **compare** drop-down menu, select your branch.\n1. Select **Create Pull Request**.\n1. Add a description for your pull request:\n   - **Title** (50 characters or less): Summarize the intent of the change.\n   - **Description**: Describe the change in more detail.\n",
        },
      },
    },
    {
      name: "parallel files: a table cell that lists values is data, not an enumeration to keep",
      code: "| Métrica | Atributos |\n| --- | --- |\n| `net.io` | `direction` |\n",
      lint: { ...ptBr, source: { text: "| Metric | Attributes |\n| --- | --- |\n| `net.io` | Source address, port, name, and zone attributes |\n" } },
    },
    {
      name: "parallel files: a list the source grew out of a sentence the translation keeps whole",
      code: "# Envio\n\nPara enviar métricas, ative o `Receiver` e use o exportador, ou use o `Reader`, que inicia um servidor e coleta as métricas.\n\n## Depois\n\nVeja os painéis.\n",
      lint: {
        ...ptBr,
        source: { text: "# Sending\n\nTo send metrics, you can:\n\n- Enable the `Receiver` and use the exporter, or\n- Use the `Reader`, which starts a server that collects the metrics.\n\n## Next\n\nSee the dashboards.\n" },
      },
    },
    {
      name: "parallel files: a translated list wrapped over lines, with an aside, keeps its items",
      code: "O pacote traz APIs, bibliotecas (para várias linguagens),\nagentes e serviços de coleta para os seus dados.\n",
      lint: { ...ptBr, source: { text: "The package brings APIs, libraries, agents, and collection services for your data.\n" } },
    },
    {
      name: "parallel files: a Japanese list of translated common nouns is not counted",
      code: "ツールとサンプルとプラグインとガイドとテンプレートを用意しています。\n",
      lint: { targetLanguage: "ja", source: { text: "We provide tools, samples, plugins, guides, and templates.\n" } },
    },
    {
      name: "two sentences joined into one, with everything kept, lose nothing",
      code: "A ferramenta lê o arquivo de configuração da pasta atual e espera 30 segundos até que `lintkit.json` seja liberado antes de desistir; se não houver nenhum, ela usa os padrões embutidos.\n",
      lint: {
        ...ptBr,
        source: {
          text: "The tool reads the configuration file from the current folder. It waits 30 seconds for `lintkit.json` to unlock before it gives up. If there is none, it uses the built-in defaults.\n",
        },
      },
    },
    {
      name: "a shorter translation with all its sentences loses nothing",
      code: "A ferramenta lê a configuração. Espera 30 segundos por `lintkit.json`. Sem ela, usa os padrões.\n",
      lint: {
        ...ptBr,
        source: {
          text: "The tool reads the configuration file from the current folder. It waits 30 seconds for `lintkit.json` to unlock before it gives up. If there is none, it uses the built-in defaults.\n",
        },
      },
    },
    {
      name: "parallel files: an alert the translation writes as a shortcode block, words inside, is translated",
      code: "# Instalação\n\n{{% alert title=\"Nota\" %}} Rode o instalador como administrador, **uma vez por máquina**. {{% /alert %}}\n\nDepois chame a ferramenta na pasta do projeto.\n",
      lint: {
        ...ptBr,
        source: { text: "# Installation\n\n> [!NB] Run the installer as an administrator, **once a machine**.\n\nThen call the tool in the project folder.\n" },
      },
    },
    {
      name: "a short label the original kept as a comment, over the comments of a list",
      code: "<!-- Reading and writing -->\n\n<!-- * `open`: opens a file. -->\n<!-- * `close`: closes it again. -->\n* `open`: abre um arquivo.\n* `close`: fecha o arquivo de novo.\n",
      lint: ptBr,
    },
    {
      name: "parallel files: two code blocks the translation merged into one",
      code: "# Instalação\n\nAdicione o repositório e instale o pacote:\n\n```console\nnpm config set registry https://registry.example\nnpm install lintkit\n```\n",
      lint: {
        ...ptBr,
        source: { text: "# Installation\n\nAdd the registry:\n\n```sh\nnpm config set registry https://registry.example\n```\n\nThen install the package:\n\n```sh\nnpm install lintkit\n```\n" },
      },
    },
    {
      name: "parallel files: a one-line command block the translation gives as inline code",
      code: "# Versão\n\nVeja a arquitetura na linha `host:` que `rustc -Vv` imprime.\n",
      lint: { ...ptBr, source: { text: "# Version\n\nFind the architecture in the `host:` line that this command prints:\n\n```sh\nrustc -Vv\n```\n" } },
    },
  ],
  invalid: [
    {
      name: "an enumeration whose tail the translation dropped",
      code: "<!-- The library handles tokenization, tagging, parsing, lemmatization, and entity recognition. -->\n\nA biblioteca faz tokenização e marcação, entre outros.\n",
      lint: ptBr,
      errors: [
        {
          messageId: "enumeration",
          line: 1,
          column: 49,
          side: "source",
          messageIncludes: "keeps about 2. Missing: 'parsing', 'lemmatization', 'entity recognition'",
        },
      ],
    },
    {
      name: "names kept as written count as kept items, one-letter names too",
      code: "<!-- It supports Python, Java, Go, Rust, and C. -->\n\nEle suporta Python e Java, com acesso a recursos.\n",
      lint: ptBr,
      errors: [{ messageId: "enumeration", line: 1, messageIncludes: "keeps about 2. Missing: 'Go', 'Rust', 'C'" }],
    },
    {
      name: "the target language unknown: conjunctions of every known language are tried",
      code: "<!-- Supported formats are CSV, JSON, YAML, TOML, and XML. -->\n\nOs formatos aceitos são CSV e JSON.\n",
      errors: [{ messageId: "enumeration", line: 1, messageIncludes: "'YAML', 'TOML', 'XML'" }],
    },
    {
      name: "a comment whose translation was dropped, before the next comment, is no label: it says too much",
      code: "<!-- Files are opened lazily, on their first read. -->\n\n<!-- * `open`: opens a file. -->\n<!-- * `close`: closes it again. -->\n* `open`: abre um arquivo.\n* `close`: fecha o arquivo de novo.\n",
      lint: ptBr,
      errors: [{ messageId: "untranslated", line: 1, side: "source", messageIncludes: "Files are opened lazily" }],
    },
    {
      name: "a comment with no translation, reported once",
      code: "<!-- The opening paragraph of the post. -->\n\nO parágrafo de abertura do texto.\n\n<!-- A closing paragraph that nobody translated.\n\nAnd a second one in the same comment. -->\n",
      lint: ptBr,
      errors: [{ messageId: "untranslatedMany", line: 5, side: "source", messageIncludes: "A closing paragraph" }],
    },
    {
      name: "parallel files: an enumeration names the source line it was compared with",
      code: "Uma introdução curta.\n\nO leitor aceita arquivos Markdown e HTML, com extensões.\n",
      lint: { ...ptBr, source: { text: "A short introduction.\n\nThe reader accepts Markdown, HTML, AsciiDoc, Textile, and Org files.\n" } },
      errors: [{ messageId: "enumeration", line: 3, side: "translation", messageIncludes: "The source (line 3) lists 5 items; the translation (line 3) keeps about 2" }],
    },
    {
      name: "parallel files: a Chinese translation that drops named items",
      code: "它支持 Python 和 Java。\n",
      lint: { targetLanguage: "zh", source: { text: "It supports Python, Java, Go, Rust, and Kotlin.\n" } },
      errors: [{ messageId: "enumeration", line: 1, side: "translation", messageIncludes: "'Go', 'Rust', 'Kotlin'" }],
    },
    {
      name: "parallel files: a list item left out",
      code: "Passos:\n\n- Instale o `lintkit` 2.0 com o gerenciador.\n- Rode `lintkit check` na pasta.\n",
      lint: {
        ...ptBr,
        source: { text: "Steps:\n\n- Install `lintkit` 2.0 with the manager.\n- Write `lintkit.json` by hand, with 3 rules.\n- Run `lintkit check` in the folder.\n" },
      },
      errors: [{ messageId: "dropped", line: 3, side: "translation", messageIncludes: "list item at line 4: 'Write lintkit.json by hand, with 3 rules.'" }],
    },
    {
      name: "parallel files: a code block written nowhere in the translation is dropped",
      code: "# Instalação\n\nAdicione o repositório e instale o pacote.\n\n## Uso\n\nChame a ferramenta na pasta do projeto.\n",
      lint: {
        ...ptBr,
        source: { text: "# Installation\n\nAdd the registry and install the package.\n\n```sh\nnpm install lintkit\n```\n\n## Usage\n\nCall the tool in the project folder.\n" },
      },
      errors: [{ messageId: "dropped", side: "translation", messageIncludes: "code block at line 5" }],
    },
    {
      name: "parallel files: a dropped alert is quoted by its text, not by its marker",
      code: "# Instalação\n\nRode `setup.sh` e siga os 3 passos na tela.\n\n## Uso\n\nChame a ferramenta na pasta do projeto.\n",
      lint: {
        ...ptBr,
        source: {
          text: "# Installation\n\nRun `setup.sh` and follow the 3 steps on the screen.\n\n> [!WARNING]\n>\n> The installer replaces any older copy of the tool without asking you first.\n\n## Usage\n\nCall the tool in the project folder.\n",
        },
      },
      errors: [{ messageId: "dropped", line: 3, side: "translation", messageIncludes: "paragraph at line 7: 'The installer replaces any older copy of the…'" }],
    },
    {
      name: "parallel files: a list item that is only a link, left as plain text, lacks its link",
      code: "Receitas:\n\n- [Pão](/recipes/bread/)\n- Bolo\n- [Sopa](/recipes/soup/)\n",
      lint: { ...ptBr, source: { text: "Recipes:\n\n- [Bread](/recipes/bread/)\n- [Cake](/recipes/cake/)\n- [Soup](/recipes/soup/)\n" } },
      errors: [{ messageId: "droppedLink", side: "translation", messageIncludes: "list item at line 4, a link to /recipes/cake/ ('Cake')" }],
    },
    {
      name: "parallel files: a list item that is only a link, dropped",
      code: "Receitas:\n\n- [Pão](/recipes/bread/)\n- [Sopa](/recipes/soup/)\n",
      lint: { ...ptBr, source: { text: "Recipes:\n\n- [Bread](/recipes/bread/)\n- [Cake](/recipes/cake/)\n- [Soup](/recipes/soup/)\n" } },
      errors: [{ messageId: "droppedLink", side: "translation", messageIncludes: "a link to /recipes/cake/" }],
    },
    {
      name: "parallel files: a shortcode line beside a dropped paragraph is layout, not its translation",
      code: "# Instalação\n\n{{% alert title=\"Nota\" %}}\n\nRode o `setup.sh` como administrador, uma vez em cada uma das 2 máquinas.\n\n{{% /alert %}}\n\n## Uso\n\nChame a ferramenta na pasta do projeto.\n",
      lint: {
        ...ptBr,
        source: {
          text: "# Installation\n\n> [!NOTE]\n>\n> Run `setup.sh` as an administrator, once on each of the 2 machines.\n\nFor more options, and for setting up the same tool on many machines at once without anyone at the keyboard, read [the guide to unattended installs](https://example.org/unattended).\n\n## Usage\n\nCall the tool in the project folder.\n",
        },
      },
      errors: [{ messageId: "dropped", side: "translation", messageIncludes: "paragraph at line 7: 'For more options, and for setting up the…'" }],
    },
    {
      name: "parallel files: a sentence with the paragraph's numbers and code left out",
      code: "A ferramenta lê o arquivo de configuração da pasta atual. Se não houver nenhum, ela usa os padrões embutidos.\n",
      lint: {
        ...ptBr,
        source: {
          text: "The tool reads the configuration file from the current folder. It waits 30 seconds for `lintkit.json` to unlock before it gives up. If there is none, it uses the built-in defaults.\n",
        },
      },
      errors: [{ messageId: "droppedSentence", line: 1, side: "translation", messageIncludes: "'It waits 30 seconds for lintkit.json to unlock…'" }],
    },
    {
      name: "parallel files: an image left out",
      code: "Veja o gráfico abaixo.\n\nO gráfico mostra a memória usada.\n",
      lint: {
        ...ptBr,
        source: { text: "See the chart below.\n\n![Memory chart](https://img.example.org/memory.png)\n\nThe chart shows the memory used.\n" },
      },
      errors: [{ messageId: "dropped", line: 1, side: "translation", messageIncludes: "image at line 3: 'Memory chart'" }],
    },
    {
      name: "parallel files: a dropped section whose link the rest of the page also writes is still missing",
      code: "# Espelhos\n\nBaixe o pacote de um espelho, o que for mais rápido para você.\n\nO pacote tem 40 MB e traz o programa e a documentação.\n\n## Uso\n\nBaixe de https://mirror.example.net/pkg/releases/latest e veja [a lista](https://mirror.example.net/list).\n",
      lint: {
        ...ptBr,
        source: {
          text: "# Mirrors\n\nDownload the package from a mirror, whichever is fastest for you.\n\nThe package is 40 MB and holds the program and its documentation.\n\n## Choosing a mirror\n\nPick the [mirror](https://mirror.example.net/pkg) nearest to you, since the download is large and a far one is slow.\n\nEach mirror is synced every 6 hours, so a new release may take a while to show up.\n\n## Usage\n\nDownload from https://mirror.example.net/pkg/releases/latest and see [the list](https://mirror.example.net/list).\n",
        },
      },
      errors: [{ messageId: "droppedMany", line: 5, side: "translation", messageIncludes: "3 blocks of the source from line 7" }],
    },
    {
      name: "parallel files: a dropped section beside a short note of the translator's own is still missing",
      code: "# Cópias\n\nA ferramenta guarda uma cópia de cada arquivo que altera, para que uma correção ruim possa ser desfeita.\n\nAs cópias ficam por 30 dias e depois são apagadas.\n\nNota da tradução: revisado.\n\n## Restaurar\n\nRode `tool restore` com a data da cópia que você quer de volta.\n",
      lint: {
        ...ptBr,
        source: {
          text: "# Backups\n\nThe tool keeps a copy of every file it changes, so that a bad fix can be undone.\n\nCopies are kept for 30 days and then removed.\n\n## Where copies go\n\nBy default copies go to a hidden folder beside the project, named after the date.\n\nSet `backupDir` to keep them somewhere else, for example on a second disk.\n\nA folder that cannot be written stops the run before any file is changed.\n\n## Restoring\n\nRun `tool restore` with the date of the copy you want back.\n",
        },
      },
      errors: [{ messageId: "droppedMany", side: "translation", messageIncludes: "3 blocks of the source from line 9" }],
    },
    {
      name: "parallel files: an enumeration reported at the translation",
      code: "A biblioteca faz tokenização e marcação, entre outros.\n",
      lint: { ...ptBr, source: { text: "The library handles tokenization, tagging, parsing, lemmatization, and entity recognition.\n" } },
      errors: [{ messageId: "enumeration", line: 1, column: 1, side: "translation" }],
    },
  ],
});
