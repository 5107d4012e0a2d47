// Planting one defect at a time in a translation, for scripts/eval-mutations.mjs.
// Pure: no file system. Each planter takes a `Context` — the translation's text and, from a lint
// of the untouched file, its segments and pairs — and a random source, and returns a `Mutation`:
// the edits (splices in the original's offsets) and the place a finding must touch to count.
// The harness parses nothing itself: where blocks and links are comes from the document nl-lint built
// (its mdast nodes), so a planter only ever edits real Markdown constructs.

/** A small seeded generator (mulberry32): the same seed plants the same defects. */
export function randomSource(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: (items) => items[Math.floor(next() * items.length)] };
}

/** Applies splices given in the original's offsets (non-overlapping). */
export function applySplices(text, splices) {
  let out = "";
  let at = 0;
  for (const s of [...splices].sort((a, b) => a.start - b.start)) {
    out += text.slice(at, s.start) + s.insert;
    at = s.end;
  }
  return out + text.slice(at);
}

/** Maps an offset of the mutated text back to the original: inside an insertion, to the splice's start. */
export function originalOffset(offset, splices) {
  let shift = 0;
  for (const s of [...splices].sort((a, b) => a.start - b.start)) {
    const newStart = s.start + shift;
    const newEnd = newStart + s.insert.length;
    if (offset < newStart) break;
    if (offset < newEnd) return s.start;
    shift += s.insert.length - (s.end - s.start);
  }
  return offset - shift;
}

const lineStart = (text, offset) => text.lastIndexOf("\n", offset - 1) + 1;
const lineEnd = (text, offset) => {
  const i = text.indexOf("\n", offset);
  return i < 0 ? text.length : i;
};
const isBlank = (text, start, end) => /^[ \t]*$/.test(text.slice(start, end));

/**
 * The place a finding must touch: the edited range widened to the nearest non-blank line before
 * and after it (a dropped block is reported at its neighbour or at its source comment, not further).
 */
export function nearRange(text, start, end) {
  let from = lineStart(text, start);
  while (from > 0) {
    const prev = lineStart(text, from - 1);
    from = prev;
    if (!isBlank(text, prev, lineEnd(text, prev))) break;
  }
  let to = lineEnd(text, end);
  while (to < text.length) {
    const next = lineEnd(text, to + 1);
    const blank = isBlank(text, to + 1, next);
    to = next;
    if (!blank) break;
  }
  return [from, to];
}

function* walk(node) {
  yield node;
  for (const child of node.children ?? []) yield* walk(child);
}

const offsetsOf = (node) => [node.position?.start?.offset, node.position?.end?.offset];

/** Inline links `[text](url)` of a segment, with the offsets of their label and destination. */
export function inlineLinks(text, segment) {
  const links = [];
  for (const root of segment.nodes ?? []) {
    for (const node of walk(root)) {
      if (node.type !== "link" || !node.children?.length) continue;
      const [start, end] = offsetsOf(node);
      if (start === undefined || text[start] !== "[" || text[end - 1] !== ")") continue;
      const labelEnd = offsetsOf(node.children[node.children.length - 1])[1];
      if (text[labelEnd] !== "]" || text[labelEnd + 1] !== "(") continue;
      const destination = text.slice(labelEnd + 2, end - 1);
      // Titles and angle brackets make the destination more than a URL: leave those links alone.
      if (!destination || /[\s<>]/.test(destination) || destination !== node.url) continue;
      links.push({ start, end, labelStart: start + 1, labelEnd, urlStart: labelEnd + 2, urlEnd: end - 1, url: node.url, node });
    }
  }
  return links;
}

/** Runs of plain text (not code, not URLs) inside a segment, with offsets; `inLink` marks link text. */
export function textRuns(text, segment) {
  const runs = [];
  const visit = (node, inLink) => {
    if (node.type === "text") {
      const [start, end] = offsetsOf(node);
      // A text node whose offsets do not hold its value (entities, escapes) is left alone.
      if (start !== undefined && text.slice(start, end) === node.value) runs.push({ start, end, inLink });
      return;
    }
    if (node.type === "inlineCode" || node.type === "code" || node.type === "html" || node.type === "image") return;
    for (const child of node.children ?? []) visit(child, inLink || node.type === "link");
  };
  for (const root of segment.nodes ?? []) visit(root, false);
  return runs;
}

const translationSegments = (context, kinds) => context.segments.filter((s) => s.side === "translation" && kinds.includes(s.kind));

/** The pairs a translation segment belongs to, and their source segments. */
function sourcesOf(context, segment) {
  const pair = context.pairs.find((p) => p.translations.some((t) => t.id === segment.id));
  return pair ? { pair, sources: pair.sources } : { pair: undefined, sources: [] };
}

/** Whether a translation block renders source content: dropping one that renders none (a translator's note) is no defect. */
const rendersSource = (context, segment) => sourcesOf(context, segment).sources.length > 0;

/**
 * A dropped block leaves a gap, and a finding about it can only point at the blocks on either side:
 * the last line of the translation block before the gap, or the first line of the one after it,
 * however many lines of markup without content (`<Compatibility />`, a shortcode) lie between.
 */
export function gapRange(context, [from, to], start, end) {
  const translations = context.segments.filter((s) => s.side === "translation");
  const before = translations.filter((s) => s.end <= start).at(-1);
  const after = translations.find((s) => s.start >= end);
  return [Math.min(from, before ? lineStart(context.text, before.end) : from), Math.max(to, after ? lineEnd(context.text, after.start) : to)];
}

function mutation(context, klass, splices, segment, note, { gap = false } = {}) {
  const start = Math.min(...splices.map((s) => s.start));
  const end = Math.max(...splices.map((s) => s.end));
  const near = nearRange(context.text, Math.min(start, segment?.start ?? start), Math.max(end, segment?.end ?? end));
  const place = gap ? gapRange(context, near, start, end) : near;
  const sources = segment ? sourcesOf(context, segment).sources : [];
  const sourceText = context.sourceText ?? context.text;
  const sourcePlaces = sources.map((s) => nearRange(sourceText, s.comment?.start ?? s.start, s.comment?.end ?? s.end));
  return { klass, splices, place, sourcePlaces, note };
}

// ---- links ----

function linkCandidates(context) {
  const found = [];
  for (const segment of translationSegments(context, ["paragraph", "listItem", "heading"])) {
    for (const link of inlineLinks(context.text, segment)) found.push({ segment, link });
  }
  return found;
}

/** `[text](url)` with a bracket or parenthesis lost: `[text](url` or `[text(url)`. */
export function breakLinkSyntax(context, random) {
  const choice = random.pick(linkCandidates(context));
  if (!choice) return undefined;
  const { segment, link } = choice;
  const closing = random.next() < 0.5;
  const splice = closing ? { start: link.end - 1, end: link.end, insert: "" } : { start: link.labelEnd, end: link.labelEnd + 1, insert: "" };
  return mutation(context, "link-syntax", [splice], segment, closing ? "closing ) removed" : "closing ] removed");
}

/** `[text](url)` → `[text]url`. */
export function dropLinkParentheses(context, random) {
  const choice = random.pick(linkCandidates(context));
  if (!choice) return undefined;
  const { segment, link } = choice;
  const splices = [
    { start: link.urlStart - 1, end: link.urlStart, insert: "" },
    { start: link.end - 1, end: link.end, insert: "" },
  ];
  return mutation(context, "bracket-url", splices, segment, `[…]${link.url}`);
}

/** `[text](url)` → `text`. */
export function dropLink(context, random) {
  const choice = random.pick(linkCandidates(context));
  if (!choice) return undefined;
  const { segment, link } = choice;
  const label = context.text.slice(link.labelStart, link.labelEnd);
  return mutation(context, "link-dropped", [{ start: link.start, end: link.end, insert: label }], segment, `link to ${link.url} dropped`);
}

/** The URL with its last path segment dropped (`/learn/react-compiler` → `/learn`), or undefined. */
export function withoutLastSegment(url) {
  const match = url.match(/^((?:[a-z][\w+.-]*:\/\/[^/?#]+(?=[/?#]|$))?)((?:\/?[^/?#]+)(?:\/[^/?#]+)+)(\/?)([?#].*)?$/i);
  if (!match) return undefined;
  const [, origin, path, slash] = match;
  const shorter = path.slice(0, path.lastIndexOf("/"));
  if (!shorter || shorter === "/") return undefined;
  // A query or fragment belonged to the page dropped: it goes with it.
  return `${origin}${shorter}${slash}`;
}

/** One letter of the URL's path or fragment changed: a target that looks right and is not. */
export function misspeltUrl(url, random) {
  const hostEnd = url.match(/^[a-z][\w+.-]*:\/\/[^/?#]+/i)?.[0].length ?? 0;
  const letters = [];
  for (let i = hostEnd; i < url.length; i++) if (/[a-z]/.test(url[i])) letters.push(i);
  if (letters.length < 3) return undefined;
  const i = random.pick(letters);
  const replacement = url[i] === "e" ? "a" : "e";
  return url.slice(0, i) + replacement + url.slice(i + 1);
}

/** A link's destination changed: a letter (class link-target) or its last path segment (link-target-segment). */
export function changeLinkTarget(context, random, bySegment = false) {
  const candidates = linkCandidates(context).filter(({ link }) => (bySegment ? withoutLastSegment(link.url) : misspeltUrl(link.url, randomSource(1))));
  const choice = random.pick(candidates);
  if (!choice) return undefined;
  const { segment, link } = choice;
  const url = bySegment ? withoutLastSegment(link.url) : misspeltUrl(link.url, random);
  return mutation(context, bySegment ? "link-target-segment" : "link-target", [{ start: link.urlStart, end: link.urlEnd, insert: url }], segment, `${link.url} → ${url}`);
}

// ---- spelling ----

const KEYBOARD_NEIGHBOURS = { a: "s", b: "v", c: "x", d: "f", e: "r", f: "g", g: "h", h: "j", i: "o", j: "k", k: "l", l: "k", m: "n", n: "m", o: "p", p: "o", q: "w", r: "t", s: "d", t: "r", u: "y", v: "b", w: "e", x: "z", y: "u", z: "x" };

/** A slip of the hand in a word of letters: two letters swapped, one dropped or one mistyped. */
export function misspeltWord(word, random) {
  const chars = [...word];
  const i = 1 + Math.floor(random.next() * (chars.length - 2));
  const how = random.pick(["swap", "drop", "key"]);
  if (how === "swap" && chars[i] !== chars[i + 1] && i + 1 < chars.length) [chars[i], chars[i + 1]] = [chars[i + 1], chars[i]];
  else if (how === "drop" && chars[i] !== chars[i - 1]) chars.splice(i, 1);
  else {
    const lower = chars[i].toLowerCase();
    const neighbour = KEYBOARD_NEIGHBOURS[lower];
    if (!neighbour) return undefined;
    chars[i] = chars[i] === lower ? neighbour : neighbour.toUpperCase();
  }
  const result = chars.join("");
  return result === word ? undefined : result;
}

const KATAKANA = /[\u30a1-\u30f6ー]{3,}/gu;
const HAN = /\p{Script=Han}{2,}/gu;

/** A wrong kana in a katakana word (ア→イ), or a wrong Han character next to the right one in code order. */
export function misspeltCjk(word) {
  const chars = [...word];
  const i = chars.findIndex((c, at) => at > 0 && c !== "ー");
  if (i < 0) return undefined;
  const code = chars[i].codePointAt(0);
  chars[i] = String.fromCodePoint(/\p{Script=Han}/u.test(chars[i]) ? code + 1 : code === 0x30f3 ? 0x30de : code + 2);
  const result = chars.join("");
  return result === word ? undefined : result;
}

function wordsIn(context, { names, inLink }) {
  const found = [];
  const script = context.script;
  for (const segment of translationSegments(context, ["paragraph", "listItem", "heading"])) {
    for (const run of textRuns(context.text, segment)) {
      if (inLink !== undefined && run.inLink !== inLink) continue;
      const value = context.text.slice(run.start, run.end);
      const pattern = names ? /\b\p{Lu}\p{Ll}+\p{Lu}?\p{Ll}+\b/gu : script === "latin" ? /(?<![\p{L}\p{N}_'’-])\p{Ll}{5,}(?![\p{L}\p{N}_'’-])/gu : script === "ja" ? KATAKANA : HAN;
      for (const match of value.matchAll(pattern)) {
        const word = match[0];
        if (names && (word.length < 5 || !context.sourceWords.has(word))) continue;
        if (!names && script === "latin" && context.sourceWords.has(word)) continue;
        found.push({ segment, start: run.start + match.index, word });
      }
    }
  }
  return found;
}

/** A translated word misspelt (for Japanese a katakana word, for Chinese a Han word). */
export function misspellWord(context, random) {
  const choice = random.pick(wordsIn(context, { names: false }));
  if (!choice) return undefined;
  const typo = context.script === "latin" ? misspeltWord(choice.word, random) : misspeltCjk(choice.word);
  if (!typo) return undefined;
  return mutation(context, "word-typo", [{ start: choice.start, end: choice.start + choice.word.length, insert: typo }], choice.segment, `${choice.word} → ${typo}`);
}

/** A name the source also writes (OpenTelemetry) misspelt, in prose or (name-typo-link) in a link's text. */
export function misspellName(context, random, inLink = false) {
  const choice = random.pick(wordsIn(context, { names: true, inLink }));
  if (!choice) return undefined;
  const typo = misspeltWord(choice.word, random);
  if (!typo) return undefined;
  return mutation(context, inLink ? "name-typo-link" : "name-typo", [{ start: choice.start, end: choice.start + choice.word.length, insert: typo }], choice.segment, `${choice.word} → ${typo}`);
}

// ---- blocks ----

/** The whole lines a segment sits on, when nothing else shares them; with the newline after. */
function ownLines(text, segment) {
  const start = lineStart(text, segment.start);
  const end = lineEnd(text, segment.end);
  if (!/^[ \t]*$/.test(text.slice(start, segment.start))) return undefined;
  if (!/^[ \t]*$/.test(text.slice(segment.end, end))) return undefined;
  return { start, end: Math.min(end + 1, text.length) };
}

/** A paragraph standing alone between blank lines, dropped with one of its blank lines. */
export function dropParagraph(context, random) {
  const { text } = context;
  const candidates = translationSegments(context, ["paragraph"]).filter((segment) => {
    const lines = ownLines(text, segment);
    if (!lines || !/\p{L}/u.test(segment.raw) || lines.start === 0 || !rendersSource(context, segment)) return false;
    return isBlank(text, lineStart(text, lines.start - 1), lines.start - 1) && (lines.end >= text.length || isBlank(text, lines.end, lineEnd(text, lines.end)));
  });
  const segment = random.pick(candidates);
  if (!segment) return undefined;
  const lines = ownLines(text, segment);
  const end = lines.end < text.length ? lineEnd(text, lines.end) + 1 : lines.end;
  return mutation(context, "paragraph-dropped", [{ start: lines.start, end: Math.min(end, text.length), insert: "" }], segment, firstWords(segment.raw), { gap: true });
}

const firstWords = (raw) => raw.replace(/\s+/g, " ").slice(0, 50);
const LIST_MARKER = /^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+/;

/** A one-line list item whose next line is not a child of it. */
function droppableItems(context) {
  const { text } = context;
  return translationSegments(context, ["listItem"]).filter((segment) => {
    const lines = ownLines(text, segment);
    if (!lines || !LIST_MARKER.test(segment.raw) || !rendersSource(context, segment) || text.slice(lines.start, lines.end - 1).includes("\n")) return false;
    const indent = text.slice(lines.start).match(/^[ \t]*/)[0].length;
    const next = text.slice(lines.end, lineEnd(text, lines.end));
    return next.trim() === "" || next.match(/^[ \t]*/)[0].length <= indent;
  });
}

/** Whether a list item holds one link and nothing else: `- [Java](/docs/java/)`. */
function onlyLink(context, segment) {
  const links = inlineLinks(context.text, segment);
  const contentStart = segment.start + segment.raw.match(LIST_MARKER)[0].length;
  const contentEnd = segment.start + segment.raw.trimEnd().length;
  return links.length === 1 && links[0].start === contentStart && links[0].end === contentEnd ? links[0] : undefined;
}

/** A list item dropped; `linkOnly` takes an item that is only a link and drops it or unlinks it (`- Java`). */
export function dropListItem(context, random, linkOnly = false) {
  const candidates = droppableItems(context).filter((s) => (linkOnly ? onlyLink(context, s) : !onlyLink(context, s) && /\p{L}/u.test(s.raw)));
  const segment = random.pick(candidates);
  if (!segment) return undefined;
  const lines = ownLines(context.text, segment);
  if (linkOnly && random.next() < 0.5) {
    const link = onlyLink(context, segment);
    const label = context.text.slice(link.labelStart, link.labelEnd);
    return mutation(context, "list-item-link-dropped", [{ start: link.start, end: link.end, insert: label }], segment, `link item unlinked: ${label}`);
  }
  return mutation(context, linkOnly ? "list-item-link-dropped" : "list-item-dropped", [{ start: lines.start, end: lines.end, insert: "" }], segment, firstWords(segment.raw), { gap: true });
}

const SENTENCE_END = /(?<=[.!?])[ \t\n]+(?=[\p{Lu}"“«¿¡])|(?<=[。！？])/gu;

/** Sentences of a paragraph, as offset ranges of the text (the space after one belongs to it). */
export function sentencesOf(text, segment) {
  const raw = text.slice(segment.start, segment.end);
  const sentences = [];
  let at = 0;
  for (const match of raw.matchAll(SENTENCE_END)) {
    const end = match.index + match[0].length;
    if (end > at) sentences.push({ start: segment.start + at, end: segment.start + end });
    at = end;
  }
  if (at < raw.length) sentences.push({ start: segment.start + at, end: segment.end });
  return sentences;
}

const count = (s, c) => s.split(c).length - 1;
/** Whether a sentence can go without breaking markup around it: brackets paired, no code, HTML or emphasis. */
const balanced = (s) => count(s, "[") === count(s, "]") && count(s, "(") === count(s, ")") && !/[`<>{}*_]/.test(s);

/** One sentence of a paragraph of several dropped; a sentence cut across markup is never chosen. */
export function dropSentence(context, random) {
  const candidates = [];
  for (const segment of translationSegments(context, ["paragraph"])) {
    const sentences = sentencesOf(context.text, segment);
    if (sentences.length < 2 || !rendersSource(context, segment)) continue;
    for (const sentence of sentences) {
      const value = context.text.slice(sentence.start, sentence.end);
      if (balanced(value) && /\p{L}{2}/u.test(value) && value.trim().length >= 20) candidates.push({ segment, sentence, value });
    }
  }
  const choice = random.pick(candidates);
  if (!choice) return undefined;
  let { start, end } = choice.sentence;
  // The last sentence goes with the space before it, so that no trailing space is left.
  if (end === choice.segment.end) while (start > choice.segment.start && /\s/.test(context.text[start - 1])) start--;
  return mutation(context, "sentence-dropped", [{ start, end, insert: "" }], choice.segment, firstWords(choice.value));
}

const DEFINITION = /^ {0,3}\[[^\]]+\]:[ \t]*\S/;

/**
 * Splices that drop the lines from `start` to `stop` except link definitions (`[label]: url`): a
 * page's definitions often sit at its end, under its last section, and serve links everywhere,
 * so dropping them would break links far from the dropped section, which no translator does.
 */
export function keepingDefinitions(text, start, stop) {
  const splices = [];
  let from = start;
  for (let at = start; at < stop; at = lineEnd(text, at) + 1) {
    if (!DEFINITION.test(text.slice(at, lineEnd(text, at)))) continue;
    if (at > from) splices.push({ start: from, end: at, insert: "" });
    from = Math.min(lineEnd(text, at) + 1, stop);
  }
  if (stop > from) splices.push({ start: from, end: stop, insert: "" });
  return splices;
}

/** A heading (level 2 or deeper) and the translation blocks under it, up to the next heading as high. */
export function dropSection(context, random) {
  const headings = translationSegments(context, ["heading"]).filter((h) => (h.depth ?? 1) >= 2 && ownLines(context.text, h) && rendersSource(context, h));
  const heading = random.pick(headings);
  if (!heading) return undefined;
  const next = context.segments.find((s) => s.side === "translation" && s.kind === "heading" && s.start > heading.start && (s.depth ?? 1) <= heading.depth);
  const stop = next ? lineStart(context.text, next.start) : context.text.length;
  const start = lineStart(context.text, heading.start);
  let splices;
  if (context.mode === "inline") {
    // Only the translation goes: the English comments stay where they are.
    const dropped = context.segments.filter((s) => s.side === "translation" && s.start >= heading.start && s.end <= stop);
    splices = dropped.map((s) => ownLines(context.text, s)).filter(Boolean);
    if (splices.length !== dropped.length) return undefined;
    splices = splices.map((l) => ({ ...l, insert: "" }));
  } else splices = keepingDefinitions(context.text, start, stop);
  return mutation(context, "section-dropped", splices, { ...heading, end: Math.max(heading.end, stop - 1) }, firstWords(heading.raw), { gap: true });
}

const HEADING_MARK = /^#{1,6}[ \t]+/;
const HEADING_ID = /[ \t]*(?:\{#[^}]*\}|\{\/\*.*?\*\/\})[ \t]*$/;

/** The words of a heading or paragraph, without its `#` marks and trailing `{#id}`. */
function contentRange(text, start, end) {
  const raw = text.slice(start, end);
  const head = raw.match(HEADING_MARK)?.[0].length ?? 0;
  const tail = raw.match(HEADING_ID)?.[0].length ?? 0;
  return { start: start + head, end: end - tail };
}

/** The source's words copied over the translation of a paragraph (or heading): left in English. */
export function leaveInEnglish(context, random, kind = "paragraph") {
  const sourceText = context.sourceText ?? context.text;
  const candidates = translationSegments(context, [kind]).filter((segment) => {
    const { pair, sources } = sourcesOf(context, segment);
    if (!pair || pair.translations.length !== 1 || sources.length === 0 || !sources.every((s) => s.kind === "paragraph" || s.kind === kind)) return false;
    if (kind === "paragraph" && !ownLines(context.text, segment)) return false;
    const english = sources.map((s) => sourceText.slice(s.start, s.end)).join(" ");
    return /\p{L}{3}/u.test(english) && english.trim() !== segment.raw.trim();
  });
  const segment = random.pick(candidates);
  if (!segment) return undefined;
  const { sources } = sourcesOf(context, segment);
  const english = sources
    .map((s) => contentRange(sourceText, s.start, s.end))
    .map((r) => sourceText.slice(r.start, r.end).trim())
    .join(kind === "heading" ? " " : "\n");
  const target = kind === "heading" ? contentRange(context.text, segment.start, segment.end) : segment;
  return mutation(context, kind === "heading" ? "heading-english" : "paragraph-english", [{ start: target.start, end: target.end, insert: english }], segment, firstWords(english));
}

// ---- whole file and inline layout ----

/** The UTF-8 bytes of a text read as Windows-1252 or Mac OS Roman. */
export function asMojibake(text, encoding) {
  return new TextDecoder(encoding).decode(new TextEncoder().encode(text));
}

/** The whole translation damaged into mojibake (UTF-8 read as Windows-1252 or Mac OS Roman). */
export function damageEncoding(context, random) {
  if (!/[^\x00-\x7f]/.test(context.text)) return undefined;
  const encoding = random.pick(["windows-1252", "macintosh"]);
  const damaged = asMojibake(context.text, encoding);
  const splices = [{ start: 0, end: context.text.length, insert: damaged }];
  return { klass: "mojibake", splices, place: [0, context.text.length], sourcePlaces: [], note: encoding, wholeFile: true };
}

/** An inline post's source comment left without its `-->`. */
export function unclosedComment(context, random) {
  if (context.mode !== "inline") return undefined;
  const comments = context.segments.filter((s) => s.side === "source" && s.comment && context.text.slice(s.comment.end - 3, s.comment.end) === "-->");
  const segment = random.pick(comments);
  if (!segment) return undefined;
  const { end } = segment.comment;
  const mutated = mutation(context, "comment-unclosed", [{ start: end - 3, end, insert: "" }], undefined, firstWords(segment.raw));
  // What the open comment swallows, up to the next `-->`, is the damaged place.
  const closedAt = context.text.indexOf("-->", end);
  mutated.place = nearRange(context.text, segment.comment.start, closedAt < 0 ? context.text.length : closedAt + 3);
  return mutated;
}

/** Every defect class, in the order the table shows them. */
export const PLANTERS = {
  "link-syntax": breakLinkSyntax,
  "bracket-url": dropLinkParentheses,
  "link-dropped": dropLink,
  "link-target": (c, r) => changeLinkTarget(c, r, false),
  "link-target-segment": (c, r) => changeLinkTarget(c, r, true),
  "word-typo": misspellWord,
  "name-typo": (c, r) => misspellName(c, r, false),
  "name-typo-link": (c, r) => misspellName(c, r, true),
  "list-item-dropped": (c, r) => dropListItem(c, r, false),
  "list-item-link-dropped": (c, r) => dropListItem(c, r, true),
  "paragraph-dropped": dropParagraph,
  "sentence-dropped": dropSentence,
  "section-dropped": dropSection,
  "paragraph-english": (c, r) => leaveInEnglish(c, r, "paragraph"),
  "heading-english": (c, r) => leaveInEnglish(c, r, "heading"),
  mojibake: damageEncoding,
  "comment-unclosed": unclosedComment,
};

/**
 * Classes that cannot be found in some scripts without a dictionary of the language's words, which
 * nl-lint does not have: the harness reports them there as not applicable rather than as misses.
 */
export const NOT_APPLICABLE = {
  "word-typo": {
    scripts: ["ja", "zh"],
    why: "a Japanese or Chinese word with one character changed is another plausible word: only a dictionary of the language tells it apart, and there is no Hunspell dictionary for ja or zh",
  },
};

/** The script family whose words `word-typo` misspells, from the target language. */
export function scriptOf(language) {
  const tag = (language ?? "").toLowerCase();
  if (tag.startsWith("ja")) return "ja";
  if (tag.startsWith("zh")) return "zh";
  return "latin";
}

/**
 * Which new findings a mutation caused at its place and which elsewhere. A finding is new when no
 * finding of the untouched file has the same rule, side, message (line numbers aside) and start
 * (mapped back to the original's offsets). At the place: a translation-side finding (or, inline, any
 * finding) overlapping the place, or a source-side finding overlapping the source it pairs with.
 */
export function classifyFindings(mutationResult, before, after, mode) {
  const key = (f, start, end) => `${f.ruleId}|${f.side}|${start}|${end}|${f.message.replace(/\blines? \d+(?:[–-]\d+)?/g, "line #")}`;
  const seen = new Map();
  for (const f of before) seen.set(key(f, f.start, f.end), (seen.get(key(f, f.start, f.end)) ?? 0) + 1);
  const near = [];
  const elsewhere = [];
  const { splices, place, sourcePlaces, wholeFile } = mutationResult;
  for (const f of after) {
    const mapped = f.side === "source" && mode === "parallel" ? [f.start, f.end] : [originalOffset(f.start, splices), originalOffset(f.end, splices)];
    const k = key(f, mapped[0], mapped[1]);
    if (seen.get(k)) {
      seen.set(k, seen.get(k) - 1);
      continue;
    }
    const overlaps = ([a, b]) => mapped[0] <= b && mapped[1] >= a;
    const atPlace = wholeFile
      ? f.ruleId === "mojibake" || f.ruleId === "encoding"
      : f.side === "source" && mode === "parallel"
        ? sourcePlaces.some(overlaps)
        : overlaps(place) || sourcePlaces.some(overlaps);
    (atPlace ? near : elsewhere).push(f);
  }
  return { near, elsewhere: wholeFile ? [] : elsewhere };
}
