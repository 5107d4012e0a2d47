import type { Nodes } from "mdast";
import { parseMarkdown, stripBom } from "../parse.js";

/** An external URL as a page's reader meets it: offsets of the URL itself when it is written out. */
export interface UrlOccurrence {
  url: string;
  /** What the link is reported at: the URL as written, else the whole link. */
  start: number;
  end: number;
  /** Whether `start..end` is the URL itself, so that a fix may replace it. */
  exact: boolean;
}

const WEB_URL = /^https?:\/\/[^\s<>{}"']+$/i;
const HTML_LINK = /<(?:a|img|source|link|iframe|video|audio)\b[^>]*?\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;

/**
 * The http(s) URLs a Markdown text renders: links, images, reference definitions and HTML
 * `href`/`src`. Comments are not rendered, so an inline post's source side is left out.
 */
export function externalUrls(input: string): UrlOccurrence[] {
  const { text } = stripBom(input);
  const out: UrlOccurrence[] = [];
  const stack: Nodes[] = [parseMarkdown(text)];
  const add = (url: string, start: number, end: number, searchFrom: number) => {
    if (!WEB_URL.test(url)) return;
    const at = text.indexOf(url, searchFrom);
    if (at >= 0 && at + url.length <= end) out.push({ url, start: at, end: at + url.length, exact: true });
    else out.push({ url, start, end, exact: false });
  };
  while (stack.length > 0) {
    const node = stack.pop()!;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start !== undefined && end !== undefined) {
      if (node.type === "link" || node.type === "image" || node.type === "definition") {
        const written = text.slice(start, end);
        // The destination follows the label; a label that quotes the URL must not be taken for it.
        const after = node.type === "definition" ? written.indexOf("]:") : written.lastIndexOf("](");
        add(node.url, start, end, start + Math.max(0, after));
      } else if (node.type === "html") {
        const html = node.value.replace(/<!--[\s\S]*?(?:-->|$)/g, (c) => " ".repeat(c.length));
        for (const m of html.matchAll(HTML_LINK)) add(m[1] ?? m[2], start + m.index, start + m.index + m[0].length, start + m.index);
      }
    }
    if ("children" in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
  }
  return out.sort((a, b) => a.start - b.start);
}

/** What is fetched for a URL: the fragment never reaches the server. */
export function fetchKey(url: string): string {
  const hash = url.indexOf("#");
  return hash >= 0 ? url.slice(0, hash) : url;
}
