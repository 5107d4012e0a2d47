import { describe, expect, it } from "vitest";
import { frontMatterOfText, readFrontMatter } from "../src/parse/front-matter.js";
import { parseMarkdown } from "../src/parse/parse.js";
import { setFrontMatterKey } from "../src/cli/status/front-matter-key.js";

describe("one front-matter reader", () => {
  it.each([
    ["line feeds", "---\nlang: pt-br\n---\n# Olá\n"],
    ["CRLF", "---\r\nlang: pt-br\r\n---\r\n# Olá\r\n"],
    ["a carriage return alone", "---\rlang: pt-br\rsource_commit: 4096301\r---\r# Olá\r"],
    ["fences with trailing blanks", "---  \nlang: pt-br\n---\t\n# Olá\n"],
    ["no closing fence", "---\nlang: pt-br\n# Olá\n"],
    ["a four-dash rule", "----\nlang: pt-br\n----\n"],
    ["an empty header", "---\n---\n# Olá\n"],
    ["a list", "---\n- pt-br\n---\n"],
  ])("reads the text as the parsed document does: %s", (_name, text) => {
    expect(frontMatterOfText(text)).toEqual(readFrontMatter(parseMarkdown(text)));
  });

  it("finds a header whose lines end in a carriage return alone (status once read none there)", () => {
    expect(frontMatterOfText("---\rsource_commit: 4096301\r---\rTexto\r")).toEqual({ source_commit: "4096301" });
  });

  it("stamps a value shaped like a commit hash and reads it back as text", () => {
    // Read back by plain YAML, 4096301 came back as a number and the edit was refused.
    const stamped = setFrontMatterKey("---\ntitle: Olá\n---\nTexto\n", "source_commit", "4096301");
    expect(stamped).toBe("---\ntitle: Olá\nsource_commit: 4096301\n---\nTexto\n");
    expect(frontMatterOfText(stamped)).toEqual({ title: "Olá", source_commit: "4096301" });
  });
});
