import { toHtml } from "hast-util-to-html";
import { describe, expect, it } from "vitest";
import { buildDocument } from "../src/core/document.js";
import { renderSegment, safeUrl, valueOffsets, type SegmentMark } from "../src/formatters/html-render.js";
import type { Segment } from "../src/core/types.js";

function segmentAt(text: string, needle: string): Segment {
  const document = buildDocument(text);
  const at = text.indexOf(needle);
  const segment = document.segments.find((s) => s.start <= at && at < s.end);
  if (!segment) throw new Error(`no segment holds ${needle}`);
  return segment;
}

function mark(text: string, needle: string, token = "0-0", severity: 1 | 2 = 2): SegmentMark {
  const start = text.indexOf(needle);
  return { token, severity, start, end: start + needle.length };
}

function render(text: string, segment: Segment, marks: SegmentMark[]) {
  const rendered = renderSegment(segment, text, marks);
  return { html: toHtml({ type: "root", children: rendered.nodes }), blockMarks: rendered.blockMarks };
}

describe("safeUrl", () => {
  it("keeps web and mail addresses", () => {
    expect(safeUrl("https://example.org/a?b#c")).toBe("https://example.org/a?b#c");
    expect(safeUrl("mailto:team@example.org")).toBe("mailto:team@example.org");
  });

  it("drops scripts however they are spelt, data URLs and relative paths", () => {
    for (const url of ["javascript:alert(1)", " JavaScript:alert(1)", "java\tscript:alert(1)", "java\nscript:x", "\u0000javascript:x", "data:text/html,x", "vbscript:x", "../a.md", "#top"]) {
      expect(safeUrl(url), url).toBeUndefined();
    }
  });
});

describe("valueOffsets", () => {
  it("maps each character of a text that lost its escapes back to the file", () => {
    const text = "say a \\* b now";
    const offsets = valueOffsets("say a * b now", text, 0, text.length);
    expect(text[offsets[6]]).toBe("*");
    expect(offsets[6]).toBe(7);
    expect(text.slice(offsets[8], offsets[13])).toBe("b now");
  });

  it("follows a value past indentation deeper than a few characters", () => {
    const text = `first\n${" ".repeat(24)}second line`;
    const offsets = valueOffsets("first\nsecond line", text, 0, text.length);
    expect(text.slice(offsets[6], offsets[12])).toBe("second");
    expect(text[offsets[16]]).toBe("e");
  });

  it("puts a decoded entity where its reference begins and keeps the rest in step", () => {
    const text = "a &copy; b";
    const offsets = valueOffsets("a © b", text, 0, text.length);
    expect(offsets[2]).toBe(2);
    expect(text[offsets[4]]).toBe("b");
  });
});

describe("renderSegment", () => {
  it("wraps exactly a finding's range in a mark, inside the Markdown's own elements", () => {
    const text = "<!-- The *quick* fox. -->\n\nA raposa *rapidda* salta.\n";
    const segment = segmentAt(text, "A raposa");
    const { html, blockMarks } = render(text, segment, [mark(text, "rapidda")]);
    expect(html).toBe('<p>A raposa <em><mark class="f s2" data-f="0-0">rapidda</mark></em> salta.</p>');
    expect(blockMarks).toEqual([]);
  });

  it("splits marks where two findings overlap", () => {
    const text = "Um texto com dois erros aqui.\n";
    const segment = segmentAt(text, "Um texto");
    const { html } = render(text, segment, [mark(text, "com dois", "0-0", 1), mark(text, "dois erros", "0-1", 2)]);
    expect(html).toContain('<mark class="f s1" data-f="0-0">com </mark><mark class="f s2" data-f="0-0 0-1">dois</mark><mark class="f s2" data-f="0-1"> erros</mark>');
  });

  it("hands back a finding that covers the whole segment, to mark the block rather than every word", () => {
    const text = "Um [link](https://a.example/) e outro.\n";
    const segment = segmentAt(text, "Um [link]");
    const whole = { token: "0-0", severity: 2 as const, start: segment.start, end: segment.end };
    const { html, blockMarks } = render(text, segment, [whole]);
    expect(blockMarks).toEqual([whole]);
    expect(html).not.toContain("<mark");
  });

  it("marks the link itself when a finding is on its target, which is not shown", () => {
    const text = "Veja [o guia](https://guia.example/velho) hoje.\n";
    const segment = segmentAt(text, "Veja");
    const { html } = render(text, segment, [mark(text, "https://guia.example/velho")]);
    expect(html).toContain('<a href="https://guia.example/velho" target="_blank" rel="noopener noreferrer" data-f="0-0" class="f f-el s2">o guia</a>');
  });

  it("leaves out a spacer line of backslashes and shows a post's HTML as text", () => {
    const text = "\\\\\nTexto <b onclick=\"x()\">forte</b>.\n";
    const segment = segmentAt(text, "Texto");
    const { html } = render(text, segment, []);
    expect(html).toBe('<p>Texto <code class="raw-html">&#x3C;b onclick="x()"></code>forte<code class="raw-html">&#x3C;/b></code>.</p>');
  });

  it("draws an image as its name without loading it, and a list item inside its list", () => {
    const text = "3. Um ![diagrama](https://img.example/d.png?s=2) aqui\n";
    const segment = segmentAt(text, "Um ![");
    const { html } = render(text, segment, []);
    expect(html).toMatch(/^<ol start="3">/);
    expect(html).toContain('<span class="image" title="https://img.example/d.png?s=2">diagrama</span>');
    expect(html).not.toContain("<img");
  });

  it("puts a zero-length finding as a point where it is", () => {
    const text = "Falta algo aqui.\n";
    const segment = segmentAt(text, "Falta");
    const at = text.indexOf("aqui");
    const { html } = render(text, segment, [{ token: "0-0", severity: 1, start: at, end: at }]);
    expect(html).toBe('<p>Falta algo <mark class="f point s1" data-f="0-0"></mark>aqui.</p>');
  });
});
