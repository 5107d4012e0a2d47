import { describe, expect, it } from "vitest";
import { anchorsOf, createSlugger, explicitHeadingId, githubSlug } from "../src/text/anchors.js";

describe("githubSlug", () => {
  it.each([
    ["Getting Started", "getting-started"],
    ["Build & test", "build--test"],
    ["What is it?", "what-is-it"],
    ["`useState` hook", "usestate-hook"],
    ["Olá, Mundo!", "olá-mundo"],
    ["Configuração_avançada", "configuração_avançada"],
    ["🎉 Launch day", "-launch-day"],
    ["v1.2 — notes", "v12--notes"],
    ["日本語の見出し", "日本語の見出し"],
  ])("%s → %s", (heading, slug) => {
    expect(githubSlug(heading)).toBe(slug);
  });

  it("numbers repeated slugs, and a slug taken by an explicit id", () => {
    const slugger = createSlugger();
    expect(slugger.slug("Intro")).toBe("intro");
    expect(slugger.slug("Intro")).toBe("intro-1");
    slugger.reserve("usage");
    expect(slugger.slug("Usage")).toBe("usage-1");
    expect(slugger.slug("Intro")).toBe("intro-2");
  });
});

describe("explicitHeadingId", () => {
  it("finds the id of both syntaxes, with its offsets", () => {
    const line = "## Next steps {#next .big}";
    const id = explicitHeadingId(line)!;
    expect(id).toMatchObject({ id: "next", syntax: "attribute" });
    expect(line.slice(id.start, id.end)).toBe("next");
    expect(explicitHeadingId("### Props {/*props*/}")).toMatchObject({ id: "props", syntax: "comment" });
    expect(explicitHeadingId("## Text {.notranslate lang=en}")).toBeUndefined();
    expect(explicitHeadingId("## A set {1, 2}")).toBeUndefined();
  });
});

describe("anchorsOf", () => {
  it("collects slugs, explicit ids, HTML ids and names, components' names, and headings inside JSX blocks", () => {
    const page = [
      "# Title",
      "## Setup {#install}",
      "## `Easy CLA` {.notranslate lang=en}",
      '<a name="old-anchor"></a>',
      '<div id="box">x</div>',
      "<Note>\n#### Inside a note {/*inside*/}\n#### Also inside\n</Note>",
      "<Challenges>",
      "",
      "```md",
      "## Not a heading",
      "```",
      "<!-- <a id=\"commented\"></a> -->",
    ].join("\n\n");
    const anchors = anchorsOf(page);
    expect([...anchors.ids].sort()).toEqual(["also-inside", "box", "challenges", "easy-cla", "inside", "install", "note", "old-anchor", "title"]);
    expect(anchors.complete).toBe(true);
  });

  it("calls a page with templating or without headings incomplete", () => {
    expect(anchorsOf('# A\n\n{{< tabs >}}\n').complete).toBe(false);
    expect(anchorsOf("Just a paragraph.\n").complete).toBe(false);
  });
});
