import { describe, expect, it } from "vitest";
import { detectLanguage } from "../src/language.js";

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
