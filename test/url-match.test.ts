import { describe, expect, it } from "vitest";
import { sameTarget } from "../src/text/url-match.js";

describe("sameTarget on localised documentation sites", () => {
  const ja = { sourceLanguage: "en", targetLanguage: "ja" };

  it("accepts a host that gains the target language as a subdomain when the rest is the same", () => {
    expect(sameTarget("https://docs.example.dev/api/client", "https://ja.docs.example.dev/api/client", ja)).toBe(true);
    expect(sameTarget("https://www.example.dev/api", "https://ja.example.dev/api", ja)).toBe(true);
  });

  it("refuses it when the path changed too, or the subdomain is another language", () => {
    expect(sameTarget("https://docs.example.dev/api/client", "https://ja.docs.example.dev/api/server", ja)).toBe(false);
    expect(sameTarget("https://docs.example.dev/api/client", "https://ko.docs.example.dev/api/client", ja)).toBe(false);
  });

  it("reads {lang} in a configured localisation as the target's tag, or any tag when the language is unknown", () => {
    const localizations = [{ source: "https://docs.example.dev/", translation: "https://docs.example.dev/{lang}/" }];
    expect(sameTarget("https://docs.example.dev/start", "https://docs.example.dev/ja/start", { ...ja, localizations })).toBe(true);
    expect(sameTarget("https://docs.example.dev/start", "https://docs.example.dev/ko/start", { ...ja, localizations })).toBe(false);
    expect(sameTarget("https://docs.example.dev/start", "https://docs.example.dev/pt-br/start", { localizations })).toBe(true);
  });
});

describe("sameTarget on code hosts", () => {
  it("takes a file of a repository at another revision for the same file", () => {
    expect(sameTarget("https://github.com/acme/tool/blob/3f2a9c1/docs/setup.md", "https://github.com/acme/tool/blob/main/docs/setup.md")).toBe(true);
    expect(sameTarget("https://gitlab.com/acme/tool/-/tree/v1.2/src", "https://gitlab.com/acme/tool/-/tree/main/src")).toBe(true);
    expect(sameTarget("https://github.com/acme/tool/tree/9e1d0c4/plugins?from_branch=main", "https://github.com/acme/tool/tree/main/plugins")).toBe(true);
  });

  it("still tells another file, another repository or a file for a folder apart", () => {
    expect(sameTarget("https://github.com/acme/tool/blob/main/docs/setup.md", "https://github.com/acme/tool/blob/main/docs/usage.md")).toBe(false);
    expect(sameTarget("https://github.com/acme/tool/blob/main/README.md", "https://github.com/acme/other/blob/main/README.md")).toBe(false);
    expect(sameTarget("https://github.com/acme/tool/blob/main/docs", "https://github.com/acme/tool/tree/main/docs")).toBe(false);
  });
});
