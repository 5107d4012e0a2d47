import { describe, expect, it } from "vitest";
import { frontMatterMapping } from "../src/parse/parse.js";

describe("reading a front-matter header", () => {
  it("keeps a commit hash written without quotes as the text it is, where YAML would read a number", () => {
    const data = frontMatterMapping("default_lang_commit: 4096301\nl10n:\n  sourceCommit: 1850233e71\nweight: 20\ndraft: true\n");
    expect(data).toEqual({ default_lang_commit: "4096301", l10n: { sourceCommit: "1850233e71" }, weight: 20, draft: true });
  });

  it("is null for YAML that is not a mapping, or not YAML", () => {
    expect(frontMatterMapping("- a\n- b\n")).toBeNull();
    expect(frontMatterMapping("title: [unclosed\n")).toBeNull();
  });
});
