import fc from "fast-check";
import type { Root } from "mdast";
import { directiveFromMarkdown } from "mdast-util-directive";
import { frontmatterFromMarkdown } from "mdast-util-frontmatter";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { directive } from "micromark-extension-directive";
import { frontmatter } from "micromark-extension-frontmatter";
import { gfm } from "micromark-extension-gfm";
import { describe, expect, it } from "vitest";
import { parseMarkdown, parseScanningAutolinks } from "../src/parse/parse.js";

// The reference: micromark's own literal-autolink extension, as the parser used it before.
const withExtension = (text: string): Root =>
  fromMarkdown(text, {
    extensions: [gfm(), frontmatter(["yaml", "toml"])],
    mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(["yaml", "toml"])],
  });

/** Links as url, offsets and text, for a readable failure. */
function linksOf(root: Root): string[] {
  const found: string[] = [];
  const walk = (node: { type: string; children?: unknown[] }) => {
    if (node.type === "link") {
      const link = node as unknown as { url: string; position?: { start: { offset?: number }; end: { offset?: number } }; children: Array<{ value?: string }> };
      found.push(`${link.url} @${link.position?.start.offset ?? "-"}-${link.position?.end.offset ?? "-"} "${link.children.map((c) => c.value ?? "").join("")}"`);
    }
    for (const child of (node.children ?? []) as Array<{ type: string; children?: unknown[] }>) walk(child);
  };
  walk(root);
  return found;
}

// Texts the scanner must read by itself (no second parse), each with a trap of GFM's rules.
const scannedAlone = [
  "Visite www.exemplo.com.br.",
  "Veja (https://a.example/caminho(x)) agora.",
  "Escreva para alguém@exemplo.org ou nome.sobrenome+tag@sub.exemplo.org.",
  "Um *destaque com www.site.org* aqui e **https://site.org/a** ali.",
  "Depois de *www.site.org e de ~https://x.org/y~",
  "# Título com https://docs.exemplo.dev/guia\n",
  "| coluna | outra |\n| --- | --- |\n| https://tabela.example/a | www.cel.org |\n",
  "見てhttps://example.com。それから www.例え.jp も",
  "Fim: https://x.org/a? https://x.org/b! https://x.org/c. https://x.org/d, https://x.org/e: https://x.org/f* https://x.org/g_ https://x.org/h~",
  "Domínio www.a_b.c_d.org e www.x_y.org.z e https://b_c.d.org/",
  "Parênteses https://x.org/a)b) e https://x.org/(a)) e www.x.org/a(b)c)",
  "Colchetes https://x.org/a] e https://x.org/b](c e https://x.org/c]x",
  "Sem link: 1www.x.org, ahttps://x.org, a/b@c.org, a@b.c1, www., https://.x.org",
  "- item www.lista.org\n- outro https://lista.org/2\n\n> citação user@cit.org\n",
  "Maiúsculas WWW.GRANDE.ORG e HTTPS://GRANDE.ORG/X e Http://x.org",
  "Linhas\ncom https://um.org\ne www.dois.org\r\nfim",
  "Entre < e >: https://x.org/a<b e www.x.org<",
  "Um `código www.nao.org` e depois www.sim.org",
  "Tab\tentre\twww.tab.org\te mais",
  "Nota [1] fechada e depois https://x.org/a, [2] também www.y.org",
  "Escape a\\_b antes de www.x.org e nada depois",
  "Antes nada, www.x.org e https://y.org/b, depois &amp; e \\*",
  "  - item\n    continua www.indentado.org\n",
  "Pai [a [b](c) d] e então www.x.org",
];

// Texts where the tree without the extension cannot tell, or where the transform links instead.
const anyPath = [
  "Entidades https://x.org/a&lt; https://x.org/b&x1; https://x.org/c&amp;d",
  "Abre https://a.example/p?q=1&amp; e fecha.",
  "[rótulo www.dentro.org](https://fora.org) e [ref www.x.org][r]\n\n[r]: https://r.org\n",
  "Aberto [ sem fecho www.x.org e mais",
  "Ênfase que corta *https://x.org/a*b* aqui",
  "Escape https://x.org/a\\_b e www\\.x.org e user\\@x.org",
  "Referência https://x.org/a&#95;b e user&#64;x.org",
  "Código https://x.org/`a` fim",
  "__init__@exemplo.org e _a_b@x.org_",
  "「www.x.org」 e mailto:a@b.org e xmpp:a@b.org/recurso",
  "<https://ja.org> e <a@ja.org> e <span>www.html.org</span>",
  "> a\n>www.cita.org\n",
  "|a|b|\n|-|-|\n|www.x.org|[c www.y.org|\n",
  "|a|b|\n|-|-|\n|[c|www.y.org|\n",
  "Escape \\_ antes www.x.org e \\* depois",
  "Dois www.x.org e \\* entre www.y.org",
  "a \\*\n   www.recuo.org\n\n> b \\*\n>www.cita.org\n\nc \\*\n    >www.preguica.org\n",
  "# www.titulo.org #\n\nSetext www.s.org\n===\n",
  "[^1] nota\n\n[^1]: veja www.nota.org\n",
  "Escapado \\_x@y.org e \\.a@b.org",
  "Espaço no fim x@y.org \nlinha e www.z.org\t\r\nmais \\*",
  "Termina em www. \n\n# www.\n\n|a|\n|-|\n|www. |\n",
];

// MDX pages and directives (Starlight's asides): their labels hold text too.
const withDirectives = [
  ":::note[Veja www.aviso.org]\nCorpo https://corpo.org/x.\n:::\n",
  "::folha[rótulo com https://folha.org/a]\n\nTexto :curto[www.curto.org] fim\n",
];

describe("literal autolinks found by the scanner", () => {
  it.each(scannedAlone)("reads %j by itself, as the extension would", (text) => {
    const scanned = parseScanningAutolinks(text);
    expect(scanned, "the scanner gave up on this text").toBeDefined();
    expect(linksOf(scanned!)).toEqual(linksOf(withExtension(text)));
    expect(scanned).toEqual(withExtension(text));
  });

  it("finds links in the texts it reads by itself", () => {
    // Guards against a vacuous comparison: the cases above hold many links.
    const total = scannedAlone.reduce((sum, text) => sum + linksOf(withExtension(text)).length, 0);
    expect(total).toBeGreaterThan(40);
  });

  it.each([...scannedAlone, ...anyPath])("gives the extension's tree for %j", (text) => {
    expect(linksOf(parseMarkdown(text))).toEqual(linksOf(withExtension(text)));
    expect(parseMarkdown(text)).toEqual(withExtension(text));
  });

  it.each(withDirectives)("gives the extension's tree for %j with directives", (text) => {
    const grammar = { mdx: false, directives: true };
    const reference = fromMarkdown(text, {
      extensions: [gfm(), frontmatter(["yaml", "toml"]), directive()],
      mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(["yaml", "toml"]), directiveFromMarkdown()],
    });
    expect(linksOf(reference).length).toBe(2);
    expect(parseScanningAutolinks(text, grammar)).toEqual(reference);
  });

  it("gives the extension's tree for random text built of URL pieces and Markdown", () => {
    const piece = fc.constantFrom(
      "www.", "http://", "https://", "HTTP://", "a", "b1", "ex", ".", ".org", ".co_m", "_", "-", "@", "/", "(", ")", "[", "]", "*", "**",
      "~", "`", "<", ">", "&amp;", "&#64;", "&", ";", "?", "!", ",", ":", "'", "\"", "\\", " ", "\n", "\n\n", "> ", "- ", "# ", "|",
      "見", "。", "é", "\t", "mailto:", "x@y.org", "<b>", "</b>", "[t](u)", "{", "}",
    );
    const text = fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join(""));
    fc.assert(
      fc.property(text, (markdown) => {
        expect(parseMarkdown(markdown)).toEqual(withExtension(markdown));
      }),
      { numRuns: 2000 },
    );
  });

  it("reads most random texts without a second parse", () => {
    // The scanner is only worth having if it seldom gives up on ordinary prose with URLs.
    const words = fc.constantFrom("veja", "o", "site", "www.um.org", "https://dois.org/a/b", "e", "nome@tres.org", ",", ".", "(", ")", "*x*");
    const sentence = fc.array(words, { minLength: 1, maxLength: 12 }).map((w) => w.join(" "));
    const samples = fc.sample(sentence, { numRuns: 300, seed: 19 });
    const alone = samples.filter((text) => parseScanningAutolinks(text) !== undefined).length;
    expect(alone / samples.length).toBeGreaterThan(0.9);
  });
});
