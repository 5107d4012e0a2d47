import { describe, expect, it } from "vitest";
import { languageOfText } from "../src/text/language-id.js";
import { detectLanguage } from "../src/text/language.js";
import { lint } from "../src/core/lint.js";

describe("the language of a translation", () => {
  it("comes from front matter first", () => {
    expect(detectLanguage({ frontMatter: { lang: "pt_BR" }, filePath: "/x/fr/post.md" })).toBe("pt-br");
    expect(detectLanguage({ frontMatter: { locale: "ja" } })).toBe("ja");
  });

  it("comes from the file name: a bracketed tag or a suffix", () => {
    expect(detectLanguage({ filePath: "/blog/2020-03-02-NLP_Newsletter[PT-BR]_BERTology.md" })).toBe("pt-br");
    expect(detectLanguage({ filePath: "/blog/NLP_Newsletter_#13_[FR].Md" })).toBe("fr");
    expect(detectLanguage({ filePath: "/blog/newsletter_11_tr.md" })).toBe("tr");
  });

  it("comes from the nearest folder named like a language", () => {
    expect(detectLanguage({ filePath: "/site/content/pt-br/docs/intro.md" })).toBe("pt-br");
    expect(detectLanguage({ filePath: "/site/content/zh-hans/docs/intro.md" })).toBe("zh-hans");
  });

  it("is not read from folders that merely start like a language code", () => {
    expect(detectLanguage({ filePath: "/tmp/nl-lint-abc123/post.md" })).toBeUndefined();
    expect(detectLanguage({ filePath: "/work/de-facto/es-lint/post.md" })).toBeUndefined();
  });
});

describe("the language of a text nothing names", () => {
  it("tells Japanese by its kana, Chinese by Han characters alone, Korean by Hangul", () => {
    expect(languageOfText("この関数は値の所有権を受け取り、呼び出し元には返しません。")).toBe("ja");
    expect(languageOfText("这个函数获取值的所有权，并且不会把它还给调用者。")).toBe("zh");
    expect(languageOfText("이 함수는 값의 소유권을 가져가고 호출한 쪽에 돌려주지 않습니다.")).toBe("ko");
  });

  it("tells other languages by franc's models, on a paragraph", () => {
    const portuguese =
      "Esta página explica como configurar o servidor antes da primeira execução. Primeiro instale as dependências, " +
      "depois copie o arquivo de exemplo para a pasta do projeto e ajuste os valores que dizem respeito à sua rede. " +
      "Quando tudo estiver pronto, reinicie o serviço e confira se a página inicial abre sem erros no navegador.";
    const ukrainian =
      "Ця сторінка пояснює, як налаштувати сервер перед першим запуском. Спочатку встановіть залежності, " +
      "потім скопіюйте файл прикладу до теки проєкту й змініть значення, що стосуються вашої мережі. " +
      "Коли все буде готово, перезапустіть службу й перевірте, чи головна сторінка відкривається без помилок.";
    expect(languageOfText(portuguese)).toBe("pt");
    expect(languageOfText(ukrainian)).toBe("uk");
  });

  it("says nothing on a line too short to tell, or on Latin prose quoting a CJK name", () => {
    expect(languageOfText("Instale as dependências.")).toBeUndefined();
    expect(languageOfText("The word 東京 names the capital of the country. ".repeat(8))).toBe("en");
  });
});

describe("the target language of a document", () => {
  const japanese = "<!-- The function takes ownership. -->\n\nこの関数は所有権を受け取ります。\n";
  it("is recognised from the translation's prose when nothing names it, and says so", () => {
    const { document } = lint(japanese, { filePath: "/book/ch1.md", only: [] });
    expect([document.targetLanguage, document.targetLanguageFrom]).toEqual(["ja", "text"]);
  });

  it("comes from the options first, then the path, before the text", () => {
    expect(lint(japanese, { filePath: "/book/ch1.md", targetLanguage: "zh-CN", only: [] }).document).toMatchObject({ targetLanguage: "zh-cn", targetLanguageFrom: "options" });
    expect(lint(japanese, { filePath: "/book/ko/ch1.md", only: [] }).document).toMatchObject({ targetLanguage: "ko", targetLanguageFrom: "path" });
  });
});
