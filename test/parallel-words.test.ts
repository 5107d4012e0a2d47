import { describe, expect, it } from "vitest";
import { isMarkupOnly, withoutMarkup } from "../src/parse/markup.js";
import { githubSlug } from "../src/text/anchors.js";
import { headingAnchor, headingText } from "../src/pair/sections.js";
import type { Segment } from "../src/core/types.js";
import { buildDocument } from "../src/core/document.js";
import { dominantScript, foldWord, isRightToLeft, letterWords, words } from "../src/text/words.js";

const texts = (list: Array<{ text: string }>) => list.map((w) => w.text);

describe("words of any script", () => {
  it("splits Japanese and Chinese, which have no spaces, into words", () => {
    expect(texts(words("設定ファイルを作成します", "ja"))).toEqual(["設定", "ファイル", "を", "作成", "し", "ます"]);
    expect(texts(words("我们发布了新版本。", "zh"))).toEqual(["我们", "发布", "了", "新", "版本"]);
  });

  it("keeps Latin words with diacritics whole, whether precomposed or with combining marks", () => {
    expect(texts(words("Instalação não-padrão concluída", "pt"))).toEqual(["Instalação", "não", "padrão", "concluída"]);
    expect(texts(words("Instalac\u0327a\u0303o", "pt"))).toEqual(["Instalação"]);
  });

  it("reads right-to-left text in logical order and drops invisible direction marks", () => {
    expect(texts(words("\u200fالنشرة\u200f الإخبارية 10", "ar"))).toEqual(["النشرة", "الإخبارية", "10"]);
    expect(isRightToLeft("ar")).toBe(true);
    expect(isRightToLeft("he-IL")).toBe(true);
    expect(isRightToLeft("pt-br")).toBe(false);
  });

  it("gives offsets into the text and leaves numbers out of letterWords", () => {
    expect(words("Node 20 ou mais", "pt").map((w) => w.index)).toEqual([0, 5, 8, 11]);
    expect(texts(letterWords("versão 2.4 de 2021", "pt"))).toEqual(["versão", "de"]);
  });

  it("does not throw on a language tag it does not know", () => {
    expect(texts(words("plain words", "xx-nope"))).toEqual(["plain", "words"]);
  });

  it("tells the script most letters are in, and folds case and diacritics", () => {
    expect(dominantScript("OpenTelemetry コミュニティは大きく成長しました")).toBe("cjk");
    expect(dominantScript("Привіт, світе")).toBe("cyrillic");
    expect(dominantScript("মেট্রিক্স সংগ্রহ")).toBe("indic");
    expect(dominantScript("123 !")).toBeUndefined();
    expect(foldWord("Ação")).toBe("acao");
  });
});

describe("markup that is structure, not prose", () => {
  it("recognises shortcodes, components, MDX expressions, tags and alert markers on their own", () => {
    for (const block of [
      '{{< figure src="a.png" caption="A caption in words" >}}',
      "{{% alert %}}\n{{% /alert %}}",
      "{/* a note for editors */}",
      '<img src="/x.png" width="300" style={{margin: \'0 auto\'}} />',
      "{{% param description %}}\n{.display-6}",
      "[!NOTE]",
      "{{< comment >}} A note for the editors that runs\nover two lines.",
      "{{% comment %}}Hidden words.{{% /comment %}}",
    ]) {
      expect(isMarkupOnly(block), block).toBe(true);
    }
  });

  it("keeps a block that has words outside its markup as prose", () => {
    for (const block of [
      "<Hint>Look inside the braces first.</Hint>",
      '<i class="fa-info"></i> **Note**: bring your badge.',
      "[!NOTE] Javadoc",
      "Plain text with a {{< ref \"page\" >}} inside.",
      "<https://example.org>",
      "{{< comment >}}Hidden.{{< /comment >}} Shown to readers.",
    ]) {
      expect(isMarkupOnly(block), block).toBe(false);
    }
  });

  it("blanks markup without moving offsets", () => {
    const text = "Antes {{< x >}} depois";
    expect(withoutMarkup(text)).toHaveLength(text.length);
    expect(withoutMarkup(text).replace(/ +/g, " ")).toBe("Antes depois");
  });
});

describe("heading anchors", () => {
  const heading = (markdown: string): Segment => buildDocument(`${markdown}\n`).segments[0];

  it("reads explicit Hugo and MDX ids", () => {
    expect(headingAnchor(heading("## Instalação {#install}"))).toEqual({ id: "install", explicit: true });
    expect(headingAnchor(heading("## Instalação {#install .lead}"))).toEqual({ id: "install", explicit: true });
    expect(headingAnchor(heading("### `useState(x)` {/*usestate*/}"))).toEqual({ id: "usestate", explicit: true });
  });

  it("derives the id a site generator would give a heading without one", () => {
    expect(headingAnchor(heading("### 1. Prometheus Receiver (498 messages, 5.0%)"))).toEqual({
      id: "1-prometheus-receiver-498-messages-50",
      explicit: false,
    });
    expect(headingText(heading("## The `default_lang_commit` field {#x}"))).toBe("The default_lang_commit field");
    expect(githubSlug("Ação rápida")).toBe("ação-rápida");
  });
});
