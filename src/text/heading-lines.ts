/**
 * The part of a Markdown page that can define anchors: its headings (ATX, and setext with the
 * paragraph they underline) and its HTML blocks, each kept as written and set apart by blank
 * lines. A linked page is read only for its anchors, and parsing this much of it instead of all
 * of it saves most of the work: code blocks, lists and paragraphs are dropped by a line scan.
 */
export function anchorLines(text: string): string {
  const lines = text.split(/\r?\n|\r/);
  const kept: string[] = [];
  let paragraph: string[] = [];
  /** Whether the paragraph being read opened a list item. */
  let inListItem = false;
  let fence: { char: string; length: number } | undefined;
  /** Inside an HTML block: what ends it (a blank line, or a closing marker such as `-->`). */
  let html: { end: RegExp | "blank"; keep: boolean } | undefined;
  let i = 0;
  if (/^(?:---|\+\+\+)\s*$/.test(lines[0] ?? "")) {
    const close = lines.findIndex((line, n) => n > 0 && /^(?:---|\.\.\.|\+\+\+)\s*$/.test(line));
    if (close > 0) i = close + 1;
  }
  const containers = containerTracker();
  const keep = (block: string[]) => {
    for (const line of block) kept.push(line);
    kept.push("");
  };
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (html) {
      const ended = html.end === "blank" ? /^\s*$/.test(line) : html.end.test(line);
      if (html.keep) kept.push(html.end === "blank" && ended ? "" : line);
      if (ended) {
        if (html.keep && html.end !== "blank") kept.push("");
        html = undefined;
      }
      continue;
    }
    const content = containers.contentOf(line, paragraph.length > 0);
    if (fence) {
      const close = content.match(/^ {0,3}(`{3,}|~{3,})\s*$/);
      if (close && close[1][0] === fence.char && close[1].length >= fence.length) fence = undefined;
      continue;
    }
    const open = content.match(/^ {0,3}(`{3,}|~{3,})/);
    if (open) {
      fence = { char: open[1][0], length: open[1].length };
      paragraph = [];
      continue;
    }
    if (/^\s*$/.test(content)) {
      paragraph = [];
      continue;
    }
    if (/^ {0,3}#{1,6}(?:[ \t]|$)/.test(content)) {
      keep([content]);
      paragraph = [];
      continue;
    }
    const htmlBlock = htmlBlockStart(content, paragraph.length > 0);
    if (htmlBlock) {
      paragraph = [];
      // Comments define no anchors, and headings inside them are not headings.
      const mayHoldAnchors = !/^ {0,3}<!--/.test(content);
      if (mayHoldAnchors) kept.push(content);
      const endsHere = htmlBlock !== "blank" && htmlBlock.test(content.replace(/^ {0,3}<(?:!--|\?|!\[CDATA\[|!)/, ""));
      if (endsHere) {
        if (mayHoldAnchors) kept.push("");
      } else html = { end: htmlBlock, keep: mayHoldAnchors };
      continue;
    }
    if (ANCHOR_IN_LINE.test(content)) {
      // An inline `<a id="…">` in a paragraph or list item.
      keep([content.trimStart()]);
    }
    // Under a list item's text, an unindented `---` is a thematic break, not a heading underline.
    if (paragraph.length > 0 && /^ {0,3}(?:=+|-+)[ \t]*$/.test(content) && !(inListItem && /^\S/.test(line))) {
      keep([...paragraph, content]);
      paragraph = [];
      continue;
    }
    if (paragraph.length === 0 && /^ {4}/.test(content)) continue; // Indented code.
    if (/^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/.test(content)) {
      paragraph = []; // A thematic break.
      continue;
    }
    // A list item ends the paragraph before it: a `---` under it underlines nothing.
    if (paragraph.length === 0 || containers.openedItem) {
      paragraph = [];
      inListItem = containers.openedItem;
    }
    paragraph.push(content);
  }
  return kept.join("\n");
}

/** Where an HTML block starting on this line ends (CommonMark's seven kinds), if one starts. */
function htmlBlockStart(content: string, afterParagraphLine: boolean): RegExp | "blank" | undefined {
  if (!/^ {0,3}</.test(content)) return undefined;
  const raw = content.replace(/^ {0,3}/, "");
  if (/^<(?:script|pre|style|textarea)(?:[\s>]|$)/i.test(raw)) return /<\/(?:script|pre|style|textarea)>/i;
  if (raw.startsWith("<!--")) return /-->/;
  if (raw.startsWith("<?")) return /\?>/;
  if (raw.startsWith("<![CDATA[")) return /\]\]>/;
  if (/^<![A-Za-z]/.test(raw)) return />/;
  if (INTERRUPTS_PARAGRAPH.test(content)) return "blank";
  // Any other tag (a JSX component too) starts a block only on a line of its own, not inside a paragraph.
  if (!afterParagraphLine && /^<\/?[A-Za-z][\w-]*(?:\s[^>]*)?\/?>\s*$|^<[A-Za-z][\w.-]*(?:\s|$)/.test(raw)) return "blank";
  return undefined;
}

/** An HTML attribute that names an anchor, or an MDX component, as `anchorsOfNodes` reads them. */
const ANCHOR_IN_LINE = /<[A-Za-z][^>]*\s(?:id|name|permalink|anchor|[a-z][A-Za-z]*Id)\s*=|<[A-Z][A-Za-z0-9]*[\s>/]/;

/** HTML blocks that may start right after a paragraph line (CommonMark's kinds 1 to 6). */
const INTERRUPTS_PARAGRAPH = /^ {0,3}<\/?(?:script|pre|style|textarea|address|article|aside|blockquote|body|center|details|dialog|dd|div|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|iframe|li|main|nav|ol|p|section|summary|table|tbody|td|th|thead|tr|ul)(?:[\s/>]|$)/i;

/** A line that starts a block of its own rather than going on with a paragraph. */
const STARTS_BLOCK = /^ {0,3}(?:#{1,6}(?:[ \t]|$)|`{3,}|~{3,}|>|[-*+][ \t]|\d{1,9}[.)][ \t]|<!--|<\?|<![A-Za-z[]|([-*_])(?:[ \t]*\1){2,}[ \t]*$)/;

/**
 * Takes the block quote markers, list item markers and list item indentation off each line, so
 * that a heading or a fence inside a container is seen as one. Lines must be given in order.
 */
function containerTracker() {
  /** Content columns of the open list items, innermost last. */
  const items: number[] = [];
  const tracker = {
    /** Whether the last line given opened a list item. */
    openedItem: false,
    contentOf(line: string, inParagraph: boolean): string {
      let rest = line.replace(/^(?: {0,3}>[ \t]?)+/, "").replace(/\t/g, "    ");
      tracker.openedItem = false;
      if (/^\s*$/.test(rest)) return rest;
      const indent = rest.length - rest.trimStart().length;
      // A lazy line goes on with the paragraph and leaves the list items open.
      if (inParagraph && items.length > 0 && indent < items[items.length - 1] && !STARTS_BLOCK.test(rest) && !INTERRUPTS_PARAGRAPH.test(rest)) return rest.trimStart();
      while (items.length > 0 && indent < items[items.length - 1]) items.pop();
      if (items.length > 0) rest = rest.slice(items[items.length - 1]);
      const marker = rest.match(/^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+(?=\S)/);
      if (marker && !/^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/.test(rest)) {
        items.push((items[items.length - 1] ?? 0) + marker[0].length);
        tracker.openedItem = true;
        rest = rest.slice(marker[0].length);
      }
      return rest;
    },
  };
  return tracker;
}
