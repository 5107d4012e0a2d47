import type { Nodes } from "mdast";
import { jsxOpeningTag } from "../parse/markup.js";
import { plainText, visitNodes } from "../parse/tree.js";
import type { LinkInfo, Segment } from "../core/types.js";

const linkCache = new WeakMap<Segment, LinkInfo[]>();
const unknownTargets = new WeakSet<LinkInfo>();
const emptyLinks = new WeakSet<LinkInfo>();
const maskCache = new WeakMap<Segment, string>();

/** Links and images of a segment in document order, with how each was written. */
export function linksOf(segment: Segment, text: string): LinkInfo[] {
  let links = linkCache.get(segment);
  if (links) return links;
  links = [];
  const found = links;
  visitNodes(segment.nodes, (node) => {
    if (node.type !== "link" && node.type !== "image" && node.type !== "linkReference" && node.type !== "imageReference") return;
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? 0;
    const image = node.type === "image" || node.type === "imageReference";
    const first = text[start];
    const form: LinkInfo["form"] =
      node.type === "linkReference" || node.type === "imageReference"
        ? "reference"
        : first === "<"
          ? "angle"
          : first === "[" || first === "!"
            ? "inline"
            : "bare";
    const url = "url" in node ? node.url : "";
    // The label as written, which the definition repeats: `[`cargo outdated`]` renders as plain text.
    const reference = "identifier" in node ? { reference: node.label ?? node.identifier } : {};
    const link: LinkInfo = { url, label: plainText(node), start, end, form, image, ...reference };
    if (node.type === "linkReference" && node.data?.unknownTarget) unknownTargets.add(link);
    // `[](url)` (or a label of blanks) shows nothing a reader could click.
    if (node.type === "link" && node.children.every((c) => c.type === "text" && c.value.trim() === "")) emptyLinks.add(link);
    found.push(link);
  });
  linkCache.set(segment, links);
  return links;
}

/**
 * Whether a link is a source reference whose label nothing defines (see `parseWithUnknownReferences`
 * in segments.ts): it was a link of the original, but where it led is not known.
 */
export function hasUnknownTarget(link: LinkInfo): boolean {
  return unknownTargets.has(link);
}

/** Whether a link shows nothing to click: `[](url)`, or a label of blanks. */
export function hasNothingToClick(link: LinkInfo): boolean {
  return emptyLinks.has(link);
}

/**
 * Links a reader sees as links: written with brackets or angle brackets, with something to click
 * (`[](url)` renders nothing, and a converted page often leaves one beside the real link); not
 * images, not bare URLs.
 */
export function renderedLinks(segment: Segment, text: string): LinkInfo[] {
  return linksOf(segment, text).filter((l) => !l.image && l.form !== "bare" && !hasNothingToClick(l));
}

/**
 * The segment's raw text with code, HTML and well-formed links blanked out (same length, so
 * offsets still match): what is left is prose, where broken link syntax shows.
 */
export function maskedText(segment: Segment, text: string): string {
  let masked = maskCache.get(segment);
  if (masked !== undefined) return masked;
  // The ranges to blank, in document order; the text is then built from slices, not from an
  // array of its characters (a long code block would be split into one string per character).
  const ranges: Array<[number, number]> = [];
  const blank = (start: number, end: number) => {
    const from = Math.max(start, segment.start);
    const to = Math.min(end, segment.end);
    if (from < to) ranges.push([from, to]);
  };
  visitNodes(segment.nodes, (node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    if (node.type === "inlineCode" || node.type === "code" || node.type === "html" || node.type === "definition" || node.type === "footnoteReference") {
      blank(start, end);
      return false;
    }
    if (node.type === "link" || node.type === "image" || node.type === "linkReference" || node.type === "imageReference") {
      const first = text[start];
      if (first === "[" || first === "!" || first === "<") {
        blank(start, end);
        return false;
      }
    }
  });
  masked = "";
  let at = segment.start;
  for (const [from, to] of ranges.sort((a, b) => a[0] - b[0])) {
    if (to <= at) continue;
    const start = Math.max(from, at);
    masked += segment.raw.slice(at - segment.start, start - segment.start) + segment.raw.slice(start - segment.start, to - segment.start).replace(/[^\n\r]/g, " ");
    at = to;
  }
  masked += segment.raw.slice(at - segment.start);
  maskCache.set(segment, masked);
  return masked;
}

/** A link destination as written: the node's span, and where the URL itself sits when it can be found. */
export interface WrittenDestination {
  url: string;
  start: number;
  end: number;
  urlAt?: number;
}

/** The `href`/`src` destinations `htmlLink` finds in a piece of markup that starts at `start`. */
function htmlDestinations(markup: string, start: number, htmlLink: RegExp): WrittenDestination[] {
  return [...markup.matchAll(htmlLink)].map((m) => {
    const url = m[1] ?? m[2];
    return { url, start: start + m.index, end: start + m.index + m[0].length, urlAt: start + m.index + m[0].lastIndexOf(url) };
  });
}

/**
 * Every destination the nodes write: links, images, reference definitions, and `href`/`src` of
 * the HTML (or MDX JSX) tags `htmlLink` matches (its first or second group is the URL). HTML comments are skipped.
 */
export function writtenDestinations(nodes: readonly Nodes[], text: string, htmlLink: RegExp): WrittenDestination[] {
  const out: WrittenDestination[] = [];
  visitNodes(nodes, (node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    if (node.type === "link" || node.type === "image" || node.type === "definition") {
      const written = text.slice(start, end);
      // The destination comes after the label: search from its end, so a label quoting the URL is skipped.
      const after = node.type === "definition" ? written.indexOf("]:") : written.lastIndexOf("](");
      const at = written.indexOf(node.url, Math.max(0, after));
      out.push({ url: node.url, start, end, ...(at >= 0 ? { urlAt: start + at } : {}) });
    } else if (node.type === "html") {
      const html = node.value.replace(/<!--[\s\S]*?(?:-->|$)/g, (c) => " ".repeat(c.length));
      out.push(...htmlDestinations(html, start, htmlLink));
    } else if (node.type === "mdxJsxTextElement" || node.type === "mdxJsxFlowElement") {
      // In MDX an `<a href>` is JSX, not HTML: its opening tag (up to its first child) is read the same way.
      out.push(...htmlDestinations(text.slice(...jsxOpeningTag(node)), start, htmlLink));
    }
  });
  return out;
}
