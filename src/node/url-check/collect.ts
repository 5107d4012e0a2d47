import { writtenDestinations } from "../../text/links.js";
import { parseMarkdown, stripBom } from "../../parse/parse.js";

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
  for (const d of writtenDestinations([parseMarkdown(text)], text, HTML_LINK)) {
    if (!WEB_URL.test(d.url)) continue;
    const exact = d.urlAt !== undefined && d.urlAt + d.url.length <= d.end;
    out.push(exact ? { url: d.url, start: d.urlAt!, end: d.urlAt! + d.url.length, exact } : { url: d.url, start: d.start, end: d.end, exact });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** What is fetched for a URL: the fragment never reaches the server. */
export function fetchKey(url: string): string {
  const hash = url.indexOf("#");
  return hash >= 0 ? url.slice(0, hash) : url;
}
