import type { Element, ElementContent, Properties, Root as HastRoot, RootContent as HastContent } from "hast";
import type { List, Nodes as MdastNodes, Root as MdastRoot, RootContent } from "mdast";
import { toHast, type Handlers } from "mdast-util-to-hast";
import type { Segment } from "../core/types.js";

/** A finding to draw inside one segment, its range clipped to the segment. */
export interface SegmentMark {
  /** The finding's token in the page (`file-finding`), shared by its mark, note and list entry. */
  token: string;
  severity: 1 | 2;
  start: number;
  end: number;
}

/** A segment rendered to hast, with the marks that found no smaller place than the whole block. */
export interface RenderedSegment {
  nodes: ElementContent[];
  blockMarks: SegmentMark[];
}

export function element(tagName: string, properties: Properties = {}, children: ElementContent[] = []): Element {
  return { type: "element", tagName, properties, children };
}

export function textNode(value: string): ElementContent {
  return { type: "text", value };
}

/**
 * Only web and mail links keep an address: a post's `javascript:` or `data:` URL must not run from
 * the report, and relative paths point nowhere once the report is an artifact. Browsers ignore
 * whitespace and control characters inside a scheme, so they are ignored here too.
 */
export function safeUrl(url: string): string | undefined {
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, "");
  return /^(?:https?|mailto):/i.test(compact) ? compact : undefined;
}

function positioned(result: Element, node: MdastNodes): Element {
  if (node.position) result.position = node.position;
  return result;
}

const handlers: Handlers = {
  // Raw HTML from a post is shown as text, never passed through; comments are the inline source, shown on the left.
  html(_state, node) {
    if (/^\s*<!--/.test(node.value)) return undefined;
    return positioned(element("code", { className: ["raw-html"] }, [textNode(node.value)]), node);
  },
  // Images are not fetched: a report opens with no network, and a post's image could be a tracking pixel.
  image(_state, node) {
    const name = node.alt || (node.url.split(/[?#]/)[0].split("/").filter(Boolean).pop() ?? "");
    return positioned(element("span", { className: ["image"], title: node.url }, [textNode(name)]), node);
  },
  imageReference(_state, node) {
    return positioned(element("span", { className: ["image"], title: `[${node.label ?? node.identifier}]` }, [textNode(node.alt ?? "")]), node);
  },
  // Definitions live outside the segment, so a reference is drawn as a link without a target.
  linkReference(state, node) {
    return positioned(element("a", { className: ["reference"], title: `[${node.label ?? node.identifier}]` }, state.all(node)), node);
  },
  footnoteReference(_state, node) {
    return positioned(element("sup", { className: ["footnote"] }, [textNode(`[^${node.label ?? node.identifier}]`)]), node);
  },
};

/** A list item alone would lose its list; it is wrapped in a list of the kind its marker shows. */
function blockRoot(segment: Segment): MdastRoot {
  if (segment.kind !== "listItem") return { type: "root", children: segment.nodes as RootContent[] };
  const ordinal = /^\s*(\d{1,9})[.)]/.exec(segment.raw);
  const list: List = {
    type: "list",
    ordered: Boolean(ordinal),
    start: ordinal ? Number(ordinal[1]) : null,
    spread: false,
    children: segment.nodes.filter((n) => n.type === "listItem"),
  };
  return { type: "root", children: [list] };
}

function sanitizeLinks(node: HastRoot | Element): void {
  for (const child of node.children) {
    if (child.type !== "element") continue;
    if (child.tagName === "a" && typeof child.properties.href === "string") {
      const href = safeUrl(child.properties.href);
      const original = child.properties.href;
      delete child.properties.href;
      // A dropped address stays readable on hover: the reviewer may need to see what the post wrote.
      if (href) Object.assign(child.properties, { href, target: "_blank", rel: ["noopener", "noreferrer"] });
      else child.properties.title = original;
    }
    if (child.tagName === "img") {
      // Any image the handlers above did not catch is dropped rather than loaded.
      Object.assign(child, element("span", { className: ["image"] }, [textNode(String(child.properties.alt ?? ""))]));
    }
    sanitizeLinks(child);
  }
}

/**
 * For each character of a text node's value, the offset in the file it came from. The value
 * differs from the file where Markdown escapes, entities, block quote markers or code fences were
 * removed, so characters are matched in order, and one not found nearby (a decoded entity) is put
 * where its source text begins.
 */
export function valueOffsets(value: string, text: string, start: number, end: number): number[] {
  const raw = text.slice(start, end);
  const offsets = new Array<number>(value.length + 1);
  const exact = raw === value ? 0 : raw.indexOf(value);
  if (exact >= 0) {
    for (let j = 0; j <= value.length; j++) offsets[j] = start + exact + j;
    return offsets;
  }
  let i = 0;
  for (let j = 0; j < value.length; j++) {
    let found = raw.slice(i, i + 16).indexOf(value[j]);
    if (found < 0) {
      // Deep indentation or nested quote markers can put the next character further away.
      const far = raw.indexOf(value[j], i);
      if (far >= 0 && /^[\s>]*$/.test(raw.slice(i, far))) found = far - i;
    }
    if (found >= 0) {
      offsets[j] = start + i + found;
      i += found + 1;
    } else {
      offsets[j] = start + Math.min(i, raw.length);
    }
  }
  offsets[value.length] = start + Math.min(i, raw.length);
  return offsets;
}

interface Marking {
  text: string;
  /** The segment's content: characters outside it (a `\\` spacer line) are left out. */
  range: [number, number];
  marks: SegmentMark[];
  placed: Set<SegmentMark>;
}

function markElement(marks: SegmentMark[], children: ElementContent[]): Element {
  const severity = Math.max(...marks.map((m) => m.severity));
  return element("mark", { className: ["f", `s${severity}`], dataF: marks.map((m) => m.token).join(" ") }, children);
}

/** Splits one text node where findings begin and end, wrapping covered characters in `<mark>`. */
function markTextNode(value: string, offsets: number[], m: Marking): ElementContent[] {
  const out: ElementContent[] = [];
  const points = m.marks.filter((mark) => mark.start === mark.end && !m.placed.has(mark));
  const spans = m.marks.filter((mark) => mark.start < mark.end);
  let run = "";
  let runMarks: SegmentMark[] = [];
  const flush = () => {
    if (run) out.push(runMarks.length > 0 ? markElement(runMarks, [textNode(run)]) : textNode(run));
    run = "";
  };
  const placePoints = (offset: number) => {
    for (const point of points) {
      if (m.placed.has(point) || point.start > offset) continue;
      flush();
      m.placed.add(point);
      out.push({ ...markElement([point], []), properties: { className: ["f", "point", `s${point.severity}`], dataF: point.token } });
    }
  };
  for (let j = 0; j < value.length; j++) {
    const offset = offsets[j];
    if (offset < m.range[0] || offset >= m.range[1]) continue;
    placePoints(offset);
    const covering = spans.filter((mark) => mark.start <= offset && offset < mark.end);
    const same = covering.length === runMarks.length && covering.every((mark, k) => mark === runMarks[k]);
    if (!same) {
      flush();
      runMarks = covering;
    }
    for (const mark of covering) m.placed.add(mark);
    run += value[j];
  }
  flush();
  if (offsets[0] <= m.range[1] && offsets[value.length] >= m.range[0]) placePoints(offsets[value.length]);
  return out;
}

function markTree(node: HastRoot | Element, inherited: [number, number] | undefined, m: Marking): void {
  const own = node.position?.start.offset !== undefined && node.position.end.offset !== undefined
    ? ([node.position.start.offset, node.position.end.offset] as [number, number])
    : inherited;
  const children: HastContent[] = [];
  for (const child of node.children) {
    if (child.type === "element") {
      markTree(child, own, m);
      children.push(child);
    } else if (child.type === "text") {
      const where = child.position?.start.offset !== undefined && child.position.end.offset !== undefined
        ? ([child.position.start.offset, child.position.end.offset] as [number, number])
        : own;
      if (!where) children.push(child);
      else children.push(...markTextNode(child.value, valueOffsets(child.value, m.text, where[0], where[1]), m));
    } else {
      children.push(child);
    }
  }
  node.children = children as typeof node.children;
}

/** The deepest element whose source range holds the whole of a mark (a link's target, an image). */
function holder(node: HastRoot | Element, mark: SegmentMark): Element | undefined {
  for (const child of node.children) {
    if (child.type !== "element") continue;
    const deeper = holder(child, mark);
    if (deeper) return deeper;
    const start = child.position?.start.offset;
    const end = child.position?.end.offset;
    if (start !== undefined && end !== undefined && start <= mark.start && mark.end <= end) return child;
  }
  return undefined;
}

function addToken(target: Element, mark: SegmentMark): void {
  const tokens = String(target.properties.dataF ?? "").split(" ").filter(Boolean);
  const classes = (target.properties.className as string[] | undefined) ?? [];
  target.properties.dataF = [...tokens, mark.token].join(" ");
  target.properties.className = [...classes.filter((c) => c !== "s1"), "f", "f-el", `s${Math.max(mark.severity, classes.includes("s2") ? 2 : 1)}`];
}

/**
 * Renders a segment's Markdown to hast through mdast-util-to-hast and marks each finding at its
 * range. A finding covering the whole segment marks the block instead, so that a paragraph-level
 * finding does not paint every word of it.
 */
export function renderSegment(segment: Segment, text: string, marks: SegmentMark[]): RenderedSegment {
  const tree = toHast(blockRoot(segment), { handlers }) as HastRoot;
  sanitizeLinks(tree);
  const whole = (mark: SegmentMark) => mark.start <= segment.start && mark.end >= segment.end && mark.start < mark.end;
  const blockMarks = marks.filter(whole);
  const inline = marks.filter((mark) => !whole(mark));
  const marking: Marking = { text, range: [segment.start, segment.end], marks: inline, placed: new Set() };
  markTree(tree, undefined, marking);
  for (const mark of inline) {
    if (marking.placed.has(mark)) continue;
    const target = holder(tree, mark);
    if (target) addToken(target, mark);
    else blockMarks.push(mark);
  }
  return { nodes: tree.children.filter((c): c is ElementContent => c.type !== "doctype"), blockMarks };
}
