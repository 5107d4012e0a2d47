import type { Nodes } from "mdast";
import type { Segment } from "../core/types.js";

/** A segment's readable text, with where each character came from. */
export interface Prose {
  text: string;
  /** `offsets[i]` is the offset, in the segment's document, of `text[i]`. */
  offsets: number[];
}

export interface ProseOptions {
  /** Leave out link labels (often the titles of what they link to). */
  skipLinks?: boolean;
  /** Leave out emphasised and strong text (translators mark kept foreign words and titles so). */
  skipEmphasis?: boolean;
  /** Leave out inline code (names, not prose). */
  skipCode?: boolean;
}

const cache = new WeakMap<Segment, Map<string, Prose>>();

/**
 * The text a reader sees in a segment: Markdown syntax, HTML and code blocks removed; inline
 * code and link labels kept unless asked otherwise. Blocks are separated by a newline.
 */
export function proseOf(segment: Segment, text: string, options: ProseOptions = {}): Prose {
  const key = `${options.skipLinks ? 1 : 0}${options.skipEmphasis ? 1 : 0}${options.skipCode ? 1 : 0}`;
  let perSegment = cache.get(segment);
  const cached = perSegment?.get(key);
  if (cached) return cached;
  const out: Prose = { text: "", offsets: [] };
  const add = (value: string, start: number, exact: boolean) => {
    for (let i = 0; i < value.length; i++) {
      out.text += value[i];
      out.offsets.push(exact ? start + i : start);
    }
  };
  const visit = (node: Nodes): void => {
    const start = node.position?.start.offset ?? segment.start;
    const end = node.position?.end.offset ?? start;
    switch (node.type) {
      case "text": {
        // Escapes and entities make the value differ from the source; then map to the node.
        add(node.value, start, text.slice(start, end) === node.value);
        return;
      }
      case "inlineCode":
        if (!options.skipCode) add(node.value, start, false);
        else add(" ", start, false);
        return;
      case "break":
        add("\n", start, false);
        return;
      case "image":
      case "imageReference":
        add(" ", start, false);
        return;
      case "link":
      case "linkReference":
        if (options.skipLinks) {
          add(" ", start, false);
          return;
        }
        break;
      case "emphasis":
      case "strong":
        if (options.skipEmphasis) {
          add(" ", start, false);
          return;
        }
        break;
      case "html":
      case "code":
      case "definition":
      case "footnoteReference":
      case "footnoteDefinition":
        add(" ", start, false);
        return;
      default:
        break;
    }
    if ("children" in node) {
      const block = node.type === "paragraph" || node.type === "heading" || node.type === "tableCell" || node.type === "listItem";
      for (const child of node.children as Nodes[]) visit(child);
      if (block) add("\n", end, false);
    }
  };
  for (const node of segment.nodes) visit(node);
  if (!perSegment) {
    perSegment = new Map();
    cache.set(segment, perSegment);
  }
  perSegment.set(key, out);
  return out;
}

/** Removes quoted passages (titles, cited phrases), keeping offsets aligned by blanking them. */
export function withoutQuotations(value: string): string {
  return value.replace(/“[^”\n]*”|"[^"\n]*"|«[^»\n]*»|„[^“”\n]*[“”]|「[^」\n]*」|『[^』\n]*』/g, (m) => " ".repeat(m.length));
}
