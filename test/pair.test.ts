import { describe, expect, it } from "vitest";
import { buildDocument } from "../src/core/document.js";
import { featuresOf } from "../src/pair/features.js";
import { estimateRatio } from "../src/pair/align.js";
import type { LintDocument } from "../src/core/types.js";

/** Each matched pair as "source lines -> translation lines", and the unpaired ones, for readable assertions. */
function pairLines(document: LintDocument): string[] {
  const line = (offset: number) => document.lines.position(offset).line;
  return document.pairs.map((pair) => {
    const s = pair.sources.map((x) => line(x.start)).join("+") || "-";
    const t = pair.translations.map((x) => line(x.start)).join("+") || "-";
    return `${s}->${t}`;
  });
}

const post = (...blocks: string[]) => blocks.join("\n\n") + "\n";

describe("pairing inline bilingual posts", () => {
  it("pairs comments written before their translations", () => {
    const doc = buildDocument(post(
      "<!-- The team released [Parrot](https://parrot.example), a speech model with 3 billion parameters. -->",
      "A equipe lançou o [Parrot](https://parrot.example), um modelo de fala com 3 bilhões de parâmetros.",
      "<!-- Another group studied how children learn new words from stories. -->",
      "Outro grupo estudou como as crianças aprendem palavras novas com histórias.",
    ));
    expect(pairLines(doc)).toEqual(["1->3", "5->7"]);
  });

  it("pairs comments written after their translations", () => {
    const doc = buildDocument(post(
      "Lançamos um [curso](https://course.example/nlp) gratuito sobre NLP em 12 aulas.",
      "<!-- We launched a free [course](https://course.example/nlp) on NLP in 12 lessons. -->",
      "O código está no GitHub com licença MIT.",
      "<!-- The code is on GitHub under the MIT licence. -->",
    ));
    expect(pairLines(doc)).toEqual(["3->1", "7->5"]);
  });

  it("follows a post that flips direction half way", () => {
    const doc = buildDocument(post(
      "<!-- Welcome to issue 9 of our newsletter about Rust tooling. -->",
      "Bem-vindo à edição 9 da nossa newsletter sobre ferramentas Rust.",
      "O Cargo 2 trouxe builds 40% mais rápidos.",
      "<!-- Cargo 2 brought 40% faster builds. -->",
      "A próxima edição sai em maio.",
      "<!-- The next issue comes out in May. -->",
    ));
    expect(pairLines(doc)).toEqual(["1->3", "7->5", "11->9"]);
  });

  it("lets one comment cover two translated paragraphs", () => {
    const doc = buildDocument(post(
      "<!-- The survey covers 120 papers on retrieval. It compares dense and sparse methods and lists open problems for 2021. -->",
      "O levantamento cobre 120 artigos sobre recuperação de informação.",
      "Ele compara métodos densos e esparsos e lista problemas em aberto para 2021.",
      "<!-- Thanks for reading this issue of the newsletter. -->",
      "Obrigado por ler esta edição da newsletter.",
    ));
    expect(pairLines(doc)).toEqual(["1->3+5", "7->9"]);
  });

  it("lets one translated paragraph cover two comments", () => {
    const doc = buildDocument(post(
      "<!-- Mila released a dataset of 5,000 dialogues. -->",
      "<!-- Each dialogue is annotated with intents and emotions by three people. -->",
      "O Mila lançou uma base com 5.000 diálogos, cada um anotado com intenções e emoções por três pessoas.",
      "<!-- The benchmark is public. -->",
      "O benchmark é público.",
    ));
    expect(pairLines(doc)).toEqual(["1+3->5", "7->9"]);
  });

  it("pairs the items of a translated list with one-line comments that follow it", () => {
    const doc = buildDocument(post(
      "- Melhoramos a busca no site\n- Publicamos 4 tutoriais novos\n- Abrimos um fórum para a comunidade",
      "<!-- - We improved search on the site -->\n<!-- - We published 4 new tutorials -->\n<!-- - We opened a community forum -->",
    ));
    expect(pairLines(doc)).toEqual(["5->1", "6->2", "7->3"]);
  });

  it("pairs a comment glued to the previous paragraph with no blank line", () => {
    const doc = buildDocument(
      "![](https://img.example/plot.png)\n\n*Distribuição das probabilidades na saída*\n<!-- *Distribution of the output probabilities* -->\n\n<!-- The model learns fast. -->\n\nO modelo aprende rápido.\n",
    );
    expect(pairLines(doc)).toEqual(["-->1", "4->3", "6->8"]);
  });

  it("keeps translated blocks without a source, and comments without a translation, unpaired", () => {
    const doc = buildDocument(post(
      "# Publicações 📙",
      "<!-- Researchers at a small lab trained a chess engine on 2 million games. -->",
      "Pesquisadores de um pequeno laboratório treinaram um motor de xadrez com 2 milhões de partidas.",
      "[*Inscreva-se*](https://news.example/subscribe) para receber as próximas edições!",
      "<!-- A second group released a tool for labelling audio clips in the browser. -->",
      "# Ferramentas",
    ));
    expect(pairLines(doc)).toEqual(["-->1", "3->5", "-->7", "9->-", "-->11"]);
  });

  it("prefers the paragraph that shares links and names over a closer heading", () => {
    const doc = buildDocument(post(
      "<!-- OpenAI published [Whisper](https://openai.example/whisper), trained on 680,000 hours of audio. -->",
      "## Whisper: reconhecimento de fala",
      "A OpenAI publicou o [Whisper](https://openai.example/whisper), treinado com 680.000 horas de áudio.",
    ));
    expect(pairLines(doc)).toEqual(["1->5", "-->3"]);
  });

  it("does not treat tool directives and short notes as sources", () => {
    const doc = buildDocument(post(
      "<!-- markdownlint-disable MD033 -->",
      "<!-- more -->",
      "<!-- nl-lint-disable-next-line typo -->",
      "Texto traduzido sem comentário de origem.",
    ));
    expect(doc.mode).toBe("monolingual");
    expect(pairLines(doc)).toEqual(["-->7"]);
  });

  it("treats lines holding only \\\\ as spacing, not content", () => {
    const doc = buildDocument("<!-- A short source sentence here. -->\n\n\\\\\nUma frase curta de origem aqui.\n\n\\\\\n");
    expect(pairLines(doc)).toEqual(["1->4"]);
    expect(doc.segments.filter((s) => s.side === "translation")).toHaveLength(1);
  });
});

describe("positions", () => {
  it("maps source segments inside comments back to file positions", () => {
    const text = "Intro.\n\n<!-- First line of the source\nwith a [link](https://a.example) on line two. -->\n\nPrimeira linha com um [link](https://a.example).\n";
    const doc = buildDocument(text);
    const source = doc.segments.find((s) => s.side === "source")!;
    const link = source.nodes[0].type === "paragraph" ? source.nodes[0].children.find((c) => c.type === "link") : undefined;
    expect(link?.position?.start).toMatchObject({ line: 4, column: 8 });
    expect(text.slice(link!.position!.start.offset!, link!.position!.end.offset!)).toBe("[link](https://a.example)");
  });

  it("gives the same lines and columns for CRLF files", () => {
    const lf = "<!-- See [docs](https://d.example). -->\n\nVeja [docs](https://d.example).\n";
    const crlf = lf.replace(/\n/g, "\r\n");
    for (const text of [lf, crlf]) {
      const doc = buildDocument(text);
      const t = doc.segments.find((s) => s.side === "translation")!;
      expect(doc.lines.position(t.start)).toEqual({ line: 3, column: 1 });
    }
  });
});

describe("groups in an inline post", () => {
  it("never lets two comments share the paragraph that stands between them", () => {
    const doc = buildDocument(post(
      "<!-- The library parses 2 formats, CSV and JSON. -->",
      "A biblioteca lê 2 formatos, CSV e JSON.",
      "<!-- A note that the translator left untranslated. -->",
    ));
    expect(pairLines(doc)).toEqual(["1->3", "5->-"]);
  });
});

describe("pairing comments written directly above their paragraphs", () => {
  it("pairs each comment with the paragraph it touches, not the one across a blank line", () => {
    const doc = buildDocument(post(
      "<!-- A cache can be seen as a memory of work already done: the tool keeps what it -->\n<!-- learned about each file, and hence a second run over the same files is sometimes called ‘free’. -->\nキャッシュは済んだ仕事の記憶のようなもので、ツールは各ファイルについて得た情報を保存するため、二回目の実行は「無料」と呼ばれることもあります。",
      "<!-- Going back to the command above, we can turn the cache off with a flag: -->\n上のコマンドに戻ると、フラグでキャッシュを無効にできます。",
    ), { targetLanguage: "ja" });
    expect(pairLines(doc)).toEqual(["1->3", "5->6"]);
  });
});

describe("a list kept in one comment above the translated list", () => {
  it("pairs the items in order", () => {
    const doc = buildDocument(post(
      "<!-- * [parsing][parse], the first step -->\n<!-- * [checking][check], and the rules it runs -->\n<!-- * reporting, which you are reading now -->\n* 最初の段階、 [構文解析][parse]\n* [検査][check] 、そしてその規則\n* 今読んでいる、報告",
      "[parse]: parse.html\n[check]: check.html",
    ), { targetLanguage: "ja" });
    expect(pairLines(doc).filter((p) => !p.startsWith("-") && !p.endsWith("-"))).toEqual(["1->4", "2->5", "3->6"]);
  });
});

describe("a long list of one-line comments above the translated list", () => {
  it("pairs the last items with their counterparts too, however far down the list they sit", () => {
    const count = 14;
    const comments = Array.from({ length: count }, (_, i) => `<!-- * \`flag${i}\` turns feature ${i} on. -->`).join("\n");
    const items = Array.from({ length: count }, (_, i) => `* \`flag${i}\` は機能${i}を有効にする。`).join("\n");
    const doc = buildDocument(post(comments, items), { targetLanguage: "ja" });
    const expected = Array.from({ length: count }, (_, i) => `${i + 1}->${count + 2 + i}`);
    expect(pairLines(doc)).toEqual(expected);
  });
});

describe("a free translation right below its comment", () => {
  it("pairs the two when nothing stands between them, though code only the translation writes speaks against it", () => {
    const doc = buildDocument(post(
      "<!-- A loop can walk over the lines of a file and print each one. -->\nループでファイルの各行をたどり、一行ずつ表示できます。",
      "```rust\nfor line in text.lines() {\n    println!(\"{}\", line);\n}\n```",
      "<!-- Or shorter: -->\n`for_each` を使えば、次のように短く書けます:",
      "```rust\ntext.lines().for_each(|l| println!(\"{}\", l));\n```",
    ), { targetLanguage: "ja" });
    expect(pairLines(doc)).toEqual(["1->2", "-->4", "10->11", "-->13"]);
  });

  it("pairs the one item of a translated list left over beside the one item of its comment left over", () => {
    const doc = buildDocument(post(
      "<!--\n* reading a file of 10 lines takes 2 ms\n* parsing the Markdown takes about 5 ms on the Vale benchmark\n* checking each link costs one request of 30 ms, unless The Cache already holds it\n* writing the report is instant\n-->",
      "* 10 行のファイルを読むのに 2 ms かかる\n* Markdown の解析は Vale のベンチマークで約 5 ms\n* リンクの確認はキャッシュに無ければ一件ごとに通信が要る\n* 報告の書き出しは一瞬",
    ), { targetLanguage: "ja" });
    expect(pairLines(doc)).toEqual(["2->8", "3->9", "4->10", "5->11"]);
  });
});

describe("a label comment above a list of one-line comments", () => {
  it("pairs the items by their place counted from the list's end", () => {
    const english = ["parse the file", "check the links", "count the links", "look for typos", "compare the lists", "print the report", "write the fixes", "say what changed", "exit with a status"];
    const japanese = ["ファイルを解析する", "リンクを検査する", "リンクを数える", "誤字を探す", "一覧を比べる", "報告を印字する", "修正を書き込む", "変更点を伝える", "状態を返して終了する"];
    const doc = buildDocument(post(
      "<!-- Steps of one run -->",
      english.map((e) => `<!-- * ${e}. -->`).join("\n") + "\n" + japanese.map((j) => `* ${j}。`).join("\n"),
    ), { targetLanguage: "ja" });
    expect(pairLines(doc).slice(1)).toEqual(english.map((_, i) => `${i + 3}->${i + 12}`));
  });
});

describe("a translator's note in a block quote", () => {
  it("is paired with no source: the comment above it pairs with its own paragraph", () => {
    const doc = buildDocument(post(
      "<!-- The server restarts on its own after [an update][news]. -->",
      "> 訳注: 日本語版の更新情報は[こちら][news-ja]にあります。",
      "サーバは[更新][news]の後、自動的に再起動します。",
      "[news]: https://news.example.org\n[news-ja]: https://news.example.org/ja",
    ), { targetLanguage: "ja" });
    expect(pairLines(doc)).toEqual(["1->5", "-->3"]);
  });

  it("still pairs a quoted passage whose source is kept in comments inside it", () => {
    const doc = buildDocument(post("> 訳注: (第2版から)\n>\n> <!-- The server restarts on its own. -->\n> サーバは自動的に再起動します。"), { targetLanguage: "ja" });
    expect(pairLines(doc)).toEqual(["-->1", "3->4"]);
  });
});

describe("code written once", () => {
  it("estimates how long translations run from prose only, not from code only one side has", () => {
    const code = "```rust\n" + Array.from({ length: 30 }, (_, i) => `let value_${i} = compute_something(${i}, "label");`).join("\n") + "\n```";
    const english = "<!-- The checker tracks every borrow of a structure. -->";
    const japanese = "チェッカは構造体の借用を追跡します。";
    const doc = buildDocument(post(...Array.from({ length: 12 }, () => [english, japanese, code]).flat()), { targetLanguage: "ja" });
    const sides = (side: string) => doc.segments.filter((s) => s.side === side);
    const prose = featuresOf(sides("translation")[0]).length / featuresOf(sides("source")[0]).length;
    expect(estimateRatio(sides("source"), sides("translation"))).toBeCloseTo(prose, 5);
  });
});

describe("titles", () => {
  it("pairs a title-case heading with a translation that has no capitals", () => {
    const doc = buildDocument(post("<!--\n# Sharing Mutable Buffers\n-->", "# 可変バッファの共有"), { targetLanguage: "ja" });
    expect(pairLines(doc)).toEqual(["2->5"]);
  });

  it("reads the hyphenated words of a title as title case, not as names", () => {
    const doc = buildDocument("# Cross-Platform Release Builds\n");
    expect([...featuresOf(doc.segments[0]).names]).toEqual([]);
  });

  it("pairs a heading with the heading of its own level below it when its words are not carried over", () => {
    const doc = buildDocument(post(
      "<!--\n## Lock-Free Work Queues Shared by Many Threads (LFWQs)\n-->",
      "## ロックなし待ち行列",
      "<!--\nThe compiler checks each borrow before the program runs.\n-->",
      "コンパイラはプログラムの実行前に各借用を検査します。",
    ), { targetLanguage: "ja" });
    expect(pairLines(doc)).toEqual(["2->5", "8->11"]);
  });

  it("pairs a heading written before its comment, after a paragraph whose comment came first", () => {
    const doc = buildDocument(post(
      "<!-- The cache keeps each answer for an hour. -->\nキャッシュは各応答を一時間保持します。\n\n## 無効化\n<!--## Invalidation-->",
      "<!-- A write to the store drops every answer it touched. -->\nストアへの書き込みは、影響した応答をすべて破棄します。",
    ), { targetLanguage: "ja" });
    expect(pairLines(doc)).toEqual(["1->2", "5->4", "7->8"]);
  });

  it("pairs a title line written before its comment", () => {
    const doc = buildDocument(post(
      "% 高度なキャッシュ\n<!-- % Advanced Caching -->",
      "<!-- The simple cases of caching were covered earlier in this guide, but the tool -->\n<!-- can also share one cache between several machines. -->\nキャッシュの簡単な場合はこのガイドの前の方で説明しましたが、ツールは複数のマシンで一つのキャッシュを共有することもできます。",
    ), { targetLanguage: "ja" });
    expect(pairLines(doc)).toEqual(["2->1", "4->6"]);
  });
});

describe("features of a Japanese paragraph", () => {
  it("reads a name written against Japanese text as the name alone", () => {
    const doc = buildDocument("この言語はRustと呼ばれ、両方をサポートしています。\n");
    expect([...featuresOf(doc.segments[0]).names]).toEqual(["rust"]);
  });

  it("reads an acronym's plural as the acronym, which a translation writes alone", () => {
    const doc = buildDocument("The tool reads two GPUs and the PDFs they print.\n");
    expect([...featuresOf(doc.segments[0]).names].sort()).toEqual(["gpu", "pdf"]);
  });
});
