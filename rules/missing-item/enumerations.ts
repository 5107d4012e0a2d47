/**
 * Enumerations written in prose: "such as A, B, C, D, and E" or "A, B, C, etc.". Commas alone
 * say little (ordinary sentences have them too), so an enumeration needs short items in a row
 * and an end that closes a list: a conjunction before the last item, or "etc." and its kin.
 */

export interface Item {
  text: string;
  /** Offsets into the text the enumeration was found in. */
  start: number;
  end: number;
}

export interface Enumeration {
  items: Item[];
  start: number;
  end: number;
}

interface LanguageWords {
  conjunctions: string[];
  /** Words that close a list without naming an item: "etc.", "and so on". */
  closers: string[];
  /** Words that introduce the first item: "such as", "including". */
  introducers: string[];
  /** Words that make a chunk a clause rather than a list item (pronouns, auxiliaries). */
  clauseWords: string[];
}

const WORDS: Record<string, LanguageWords> = {
  en: {
    conjunctions: ["and", "or", "as well as", "&"],
    closers: ["etc", "etc.", "and so on", "and so forth", "and more", "and others", "among others", "and many more", "and much more"],
    introducers: ["such as", "including", "like", "e.g.", "namely", "for example", "for instance"],
    clauseWords: ["i", "we", "you", "he", "she", "it", "they", "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "should", "which", "that", "who", "where", "when", "while", "because", "but", "however", "if", "so", "then", "also", "this", "these", "there", "not", "do", "does", "did", "be", "been"],
  },
  pt: {
    conjunctions: ["e", "ou", "bem como"],
    closers: ["etc", "etc.", "entre outros", "entre outras", "dentre outros", "dentre outras", "e outros", "e outras", "e muito mais", "e mais"],
    introducers: ["como", "tais como", "incluindo", "por exemplo"],
    clauseWords: ["que", "onde", "quando", "porque", "pois", "mas", "se", "foi", "é", "são", "está", "estão", "tem", "têm", "pode", "podem", "ele", "ela", "eles", "elas", "nós", "você", "isso"],
  },
  es: {
    conjunctions: ["y", "e", "o", "u", "así como"],
    closers: ["etc", "etc.", "entre otros", "entre otras", "y otros", "y otras", "y mucho más", "y más"],
    introducers: ["como", "tales como", "incluyendo", "por ejemplo"],
    clauseWords: ["que", "donde", "cuando", "porque", "pero", "si", "fue", "es", "son", "está", "están", "tiene", "tienen", "puede", "pueden", "él", "ella", "ellos", "ellas", "nosotros", "eso"],
  },
  fr: {
    conjunctions: ["et", "ou", "ainsi que"],
    closers: ["etc", "etc.", "entre autres", "et autres", "et bien plus", "et plus"],
    introducers: ["comme", "tels que", "telles que", "notamment", "y compris", "par exemple"],
    clauseWords: ["que", "qui", "où", "quand", "parce", "mais", "si", "est", "sont", "était", "ont", "peut", "peuvent", "il", "elle", "ils", "elles", "nous", "vous"],
  },
  de: {
    conjunctions: ["und", "oder", "sowie"],
    closers: ["etc", "etc.", "usw", "usw.", "u.a.", "und mehr", "und vieles mehr", "unter anderem"],
    introducers: ["wie", "etwa", "darunter", "einschließlich", "zum beispiel", "z.b."],
    clauseWords: ["dass", "wenn", "weil", "aber", "ist", "sind", "war", "hat", "haben", "kann", "können", "er", "wir"],
  },
  it: {
    conjunctions: ["e", "o", "ed", "oppure"],
    closers: ["etc", "etc.", "ecc", "ecc.", "tra gli altri", "e altri", "e altro"],
    introducers: ["come", "tra cui", "inclusi", "ad esempio"],
    clauseWords: ["che", "dove", "quando", "perché", "ma", "se", "è", "sono", "era", "ha", "hanno", "può", "possono", "lui", "lei", "loro", "noi"],
  },
  zh: {
    conjunctions: ["和", "与", "及", "以及", "或", "或者"],
    closers: ["等", "等等"],
    introducers: ["例如", "比如", "包括"],
    clauseWords: [],
  },
  ja: {
    conjunctions: ["と", "や", "および", "または"],
    closers: ["など"],
    introducers: [],
    clauseWords: [],
  },
  tr: {
    conjunctions: ["ve", "veya", "ya da", "ile"],
    closers: ["vb", "vb.", "vs", "vs.", "gibi", "ve daha fazlası"],
    introducers: [],
    clauseWords: [],
  },
};

/** Separators of list items in languages that do not use a comma for it. */
const LIST_COMMAS = /[,，、،;；]/;

/** The words of a language; for an unknown one, those of all languages known (closers and conjunctions alike). */
function wordsFor(language: string | undefined): LanguageWords {
  const base = language?.toLowerCase().split(/[-_]/)[0];
  if (base && WORDS[base]) return WORDS[base];
  const all = Object.values(WORDS);
  const union = (key: keyof LanguageWords) => [...new Set(all.flatMap((w) => w[key]))];
  return base
    ? { conjunctions: [], closers: ["etc", "etc."], introducers: [], clauseWords: [] }
    : { conjunctions: union("conjunctions"), closers: union("closers"), introducers: union("introducers"), clauseWords: union("clauseWords") };
}

/** Word count of a chunk; a CJK chunk counts a word per two characters, near enough for a limit. */
function wordCount(text: string): number {
  const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
  const tokens = text.split(/\s+/).filter((t) => /[\p{L}\p{N}]/u.test(t.replace(cjk, "")));
  return tokens.length + Math.ceil((text.match(cjk) ?? []).length / 2);
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

function phrasePattern(phrases: string[], where: "start" | "anywhere" | "whole"): RegExp | undefined {
  if (phrases.length === 0) return undefined;
  // Words of scripts written without spaces have no word boundary to look for.
  const alternatives = [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((p) => {
      const literal = p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+");
      return CJK.test(p) ? literal : `(?<![\\p{L}\\p{N}])${literal}(?![\\p{L}\\p{N}])`;
    })
    .join("|");
  if (where === "start") return new RegExp(`^\\s*(?:${alternatives})`, "iu");
  if (where === "whole") return new RegExp(`^\\s*(?:${alternatives})\\s*[.!?…。]*\\s*$`, "iu");
  return new RegExp(`(?:${alternatives})`, "iu");
}

export interface Chunk {
  text: string;
  start: number;
}

/** Blanks out parentheses, brackets and citations (their commas are not the list's), keeping offsets. */
function withoutAsides(text: string): string {
  let out = text.replace(/\bet al\.,?(?:\s*\(?\d{4}[a-z]?\)?)?/g, (m) => " ".repeat(m.length));
  for (let i = 0; i < 3; i++) out = out.replace(/\([^()]*\)|\[[^[\]]*\]|（[^（）]*）/g, (m) => " ".repeat(m.length));
  return out;
}

/** Sentences (and lines) of a text, with their offsets. */
export function sentences(text: string): Chunk[] {
  const out: Chunk[] = [];
  const pattern = /[^\n.!?。！？]+(?:\.(?=[\p{L}\p{N}])[^\n.!?。！？]*)*(?:[.!?。！？]+|$)/gmu;
  for (const m of text.matchAll(pattern)) {
    // "etc." and abbreviations end in a period without ending the sentence; a sentence ends
    // at a period followed by a space and a capital, or at the end of the line.
    out.push({ text: m[0], start: m.index });
  }
  return mergeAbbreviations(out, text);
}

function mergeAbbreviations(parts: Chunk[], text: string): Chunk[] {
  const merged: Chunk[] = [];
  for (const part of parts) {
    const previous = merged[merged.length - 1];
    const gap = previous ? text.slice(previous.start + previous.text.length, part.start) : "";
    const continues = previous && !gap.includes("\n") && (/(?:\betc|\be\.g|\bi\.e|\bvs|\bal|\bet al)\.\s*$/i.test(previous.text) || /^\s*[\p{Ll},]/u.test(part.text));
    if (continues) previous.text = text.slice(previous.start, part.start + part.text.length);
    else merged.push({ ...part });
  }
  return merged;
}

function chunksOf(sentence: Chunk): Chunk[] {
  const chunks: Chunk[] = [];
  let at = 0;
  const parts = sentence.text.split(LIST_COMMAS);
  for (const part of parts) {
    chunks.push({ text: part, start: sentence.start + at });
    at += part.length + 1;
  }
  return chunks;
}

function trimmed(chunk: Chunk): Item {
  const lead = chunk.text.length - chunk.text.trimStart().length;
  const value = chunk.text.trim().replace(/[.!?。！？:;]+$/u, "");
  return { text: value, start: chunk.start + lead, end: chunk.start + lead + value.length };
}

/**
 * The last words of a chunk, after an introducer when there is one, and without the clause
 * that leads to the list ("we compare BERT" → "BERT"): the first item of a list.
 */
function firstItem(chunk: Chunk, words: LanguageWords, maxWords: number, language: string | undefined): Item {
  const item = trimmed(chunk);
  const introducer = phrasePattern(words.introducers, "anywhere");
  let from = 0;
  if (introducer) {
    let last: RegExpExecArray | null = null;
    const global = new RegExp(introducer.source, "giu");
    for (let m = global.exec(item.text); m; m = global.exec(item.text)) last = m;
    if (last) from = last.index + last[0].length;
  }
  const tail = item.text.slice(from);
  const tokens = [...tail.matchAll(/\S+/g)];
  let kept = tokens.slice(-maxWords);
  while (kept.length > 0 && isClause(kept.map((t) => t[0]).join(" "), words, language)) kept = kept.slice(1);
  if (kept.length === 0) return { text: "", start: item.end, end: item.end };
  const offset = kept[0].index!;
  return { text: tail.slice(offset).trim(), start: item.start + from + offset, end: item.end };
}

function isClause(text: string, words: LanguageWords, language: string | undefined): boolean {
  const tokens = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (tokens.some((t) => words.clauseWords.includes(t))) return true;
  // An English adverb on its own ("surprisingly") is an aside between commas, not an item.
  return (language ?? "en").startsWith("en") && tokens.length === 1 && /ly$/.test(tokens[0]);
}

export interface FindOptions {
  language?: string;
  /** Longest item, in words. */
  maxItemWords: number;
  /**
   * A source list must close ("and E", "etc.") and its first item must not be a clause; a
   * translation's list is read leniently, to count what it kept rather than to find lists.
   */
  strict: boolean;
}

/** The closing part of a list in a chunk: "and E" or "D and E". */
function closing(chunk: Chunk, words: LanguageWords, options: FindOptions): Item[] | undefined {
  const conjunction = phrasePattern(words.conjunctions, "anywhere");
  if (!conjunction) return undefined;
  const item = trimmed(chunk);
  const m = conjunction.exec(item.text);
  if (!m) return undefined;
  const left = item.text.slice(0, m.index).trim();
  const rightText = item.text.slice(m.index + m[0].length);
  const rightTokens = [...rightText.matchAll(/\S+/g)].slice(0, options.maxItemWords);
  if (rightTokens.length === 0) return undefined;
  const rightStart = item.start + m.index + m[0].length + rightTokens[0].index!;
  const lastToken = rightTokens[rightTokens.length - 1];
  const right: Item = {
    text: rightText.slice(rightTokens[0].index!, lastToken.index! + lastToken[0].length),
    start: rightStart,
    end: item.start + m.index + m[0].length + lastToken.index! + lastToken[0].length,
  };
  if (left === "") return [right];
  if (wordCount(left) > options.maxItemWords || isClause(left, words, options.language)) return undefined;
  return [{ text: left, start: item.start, end: item.start + left.length }, right];
}

/** Enumerations of at least two items in a text. */
export function findEnumerations(text: string, options: FindOptions): Enumeration[] {
  const words = wordsFor(options.language);
  const closer = phrasePattern(words.closers, "whole");
  const found: Enumeration[] = [];
  // A source's asides hold commas of their own; a translation may put kept items in parentheses.
  for (const sentence of sentences(options.strict ? withoutAsides(text) : text)) {
    const chunks = chunksOf(sentence);
    const before = found.length;
    let k = 1;
    while (k < chunks.length) {
      const items: Item[] = [];
      let closed = false;
      let j = k;
      for (; j < chunks.length; j++) {
        const chunk = chunks[j];
        if (closer?.test(chunk.text)) {
          closed = true;
          break;
        }
        const end = closing(chunk, words, options);
        const count = wordCount(chunk.text);
        const short = count > 0 && count <= options.maxItemWords && !isClause(chunk.text, words, options.language);
        if (end) {
          items.push(...end);
          closed = true;
          // A translation may join two items with a conjunction mid-list; a source list ends there.
          const next = chunks[j + 1];
          const continues = !options.strict && next && wordCount(next.text) <= options.maxItemWords && !closer?.test(next.text);
          if (!continues) break;
          continue;
        }
        if (!short) break;
        items.push(trimmed(chunk));
      }
      // Without a closing conjunction or "etc." the commas may be a sentence's, not a list's;
      // only the lenient reading (counting what a translation kept) accepts an open run.
      if (items.length >= 1 && (closed || !options.strict)) {
        // The first item is the end of the chunk before: about as long as the items in the middle.
        const middle = items.length > 1 ? items.slice(0, -1) : items;
        const longest = Math.max(...middle.map((i) => wordCount(i.text)));
        const first = firstItem(chunks[k - 1], words, Math.min(options.maxItemWords, longest + 1), options.language);
        // A first chunk that already closes a list ("such as A and B, …") ends that list there.
        const conjunction = phrasePattern(words.conjunctions, "anywhere");
        const valid = first.text !== "" && !(options.strict && conjunction?.test(first.text));
        const all = valid ? [first, ...items] : items;
        if (all.length >= 2 && (valid || !options.strict)) found.push({ items: all, start: all[0].start, end: all[all.length - 1].end });
      }
      k = Math.max(j + 1, k + 1);
    }
    // A lone "A and B" is a list of two, which a translation may reduce a longer list to.
    if (!options.strict && found.length === before) {
      for (const chunk of chunks) {
        const end = closing(chunk, words, options);
        if (end && end.length === 2) found.push({ items: end, start: end[0].start, end: end[1].end });
      }
    }
  }
  return found;
}
