import { describe, expect, it } from "vitest";
import { anchorsOf, githubSlug } from "../src/text/anchors.js";
import { buildDocument } from "../src/core/document.js";
import { headingAnchor } from "../src/pair/sections.js";

/** The anchor pairing gives the first heading of a page, and whether link-destination finds it among the page's anchors. */
function bothReaders(markdown: string): { pairing: string; explicit: boolean; pageHasIt: boolean } {
  const heading = buildDocument(markdown).segments.find((s) => s.kind === "heading")!;
  const { id, explicit } = headingAnchor(heading);
  return { pairing: id, explicit, pageHasIt: anchorsOf(markdown).ids.has(id) };
}

describe("one heading anchor for pairing and link-destination", () => {
  it("drops superscripts and fractions as GitHub does", () => {
    expect(githubSlug("Área em m² (½ lote)")).toBe("área-em-m--lote");
    expect(bothReaders("## Área em m² (½ lote)\n")).toEqual({ pairing: "área-em-m--lote", explicit: false, pageHasIt: true });
  });

  it("keeps letters GitHub keeps, such as the ordinal ª", () => {
    expect(githubSlug("1ª edição")).toBe("1ª-edição");
  });

  it("reads an id written after classes, and before closing hashes", () => {
    expect(bothReaders("## Instalar {.destaque #install}\n")).toEqual({ pairing: "install", explicit: true, pageHasIt: true });
    expect(bothReaders("## Instalar {#install} ##\n")).toEqual({ pairing: "install", explicit: true, pageHasIt: true });
  });

  it("slugs the rendered text of a heading with a picture: its alt text is not part of it", () => {
    expect(bothReaders("## ![ícone](i.png) Começar\n")).toEqual({ pairing: "começar", explicit: false, pageHasIt: true });
  });
});
