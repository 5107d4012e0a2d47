import { describe, expect, it } from "vitest";
import { FrontMatterEditError, setFrontMatterKey } from "../../src/cli/status/front-matter-key.js";

describe("setFrontMatterKey", () => {
  it("adds the key as the header's last line and changes no other byte", () => {
    const text = "---\ntitle: Olá\ntags: [a, b]\n---\n\nCorpo   com espaços  \n";
    expect(setFrontMatterKey(text, "nl-lint-source", "v1 0000aaaa")).toBe(
      "---\ntitle: Olá\ntags: [a, b]\nnl-lint-source: v1 0000aaaa\n---\n\nCorpo   com espaços  \n",
    );
  });

  it("replaces the key's line, with the continuation lines of its old value", () => {
    const text = "---\nnl-lint-source: v1 0000aaaa\n  0000bbbb\ntitle: x\n---\nbody\n";
    expect(setFrontMatterKey(text, "nl-lint-source", "v1 1111cccc")).toBe("---\nnl-lint-source: v1 1111cccc\ntitle: x\n---\nbody\n");
  });

  it("keeps CRLF line endings and a byte-order mark", () => {
    const text = "\uFEFF---\r\ntitle: x\r\n---\r\nbody\r\n";
    expect(setFrontMatterKey(text, "k", "v")).toBe("\uFEFF---\r\ntitle: x\r\nk: v\r\n---\r\nbody\r\n");
  });

  it("adds a header holding only the key to a file without one", () => {
    expect(setFrontMatterKey("# Título\n", "k", "v1 abc")).toBe("---\nk: v1 abc\n---\n# Título\n");
    expect(setFrontMatterKey("\uFEFF# T\r\n", "k", "v")).toBe("\uFEFF---\r\nk: v\r\n---\r\n# T\r\n");
  });

  it("fills an empty header", () => {
    expect(setFrontMatterKey("---\n---\ntext\n", "k", "v")).toBe("---\nk: v\n---\ntext\n");
  });

  it("does not take a thematic break further down for a header", () => {
    expect(setFrontMatterKey("text\n\n---\n\nmore\n", "k", "v")).toBe("---\nk: v\n---\ntext\n\n---\n\nmore\n");
  });

  it("refuses a header it cannot edit line by line, rather than guess", () => {
    expect(() => setFrontMatterKey("---\n- a list\n---\n", "k", "v")).toThrow(FrontMatterEditError);
    expect(() => setFrontMatterKey('---\n"k": old\n---\n', "k", "v")).toThrow(FrontMatterEditError);
    expect(() => setFrontMatterKey("---\ntitle: [unclosed\n---\n", "k", "v")).toThrow(FrontMatterEditError);
    expect(() => setFrontMatterKey("---\ntitle: x\n---\n", "k", "two\nlines")).toThrow(FrontMatterEditError);
  });
});
