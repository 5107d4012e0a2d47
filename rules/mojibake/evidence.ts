/**
 * Mojibake: UTF-8 bytes that were decoded with a single-byte charset, so that each non-ASCII
 * character became two to four others (`é` → `Ã©` or `√©`, `’` → `â€™` or `‚Äô`).
 *
 * A stretch of text is damaged when mapping its characters back to the charset's bytes gives a
 * valid UTF-8 sequence. Legitimate text rarely does so by chance, but a few pairs do (`√π` in
 * maths, `É”` in capitals), so lone two-byte repairs need corroboration before they count.
 */

/** A single-byte charset, as the characters it decodes bytes 0x80–0xFF to. */
export interface Charset {
  id: "mac" | "western";
  /** Character → byte, for the bytes 0x80–0xFF. */
  byteOf: Map<string, number>;
}

/** One damaged UTF-8 sequence: `text.slice(start, end)` should read `repaired`. */
export interface Repair {
  start: number;
  end: number;
  repaired: string;
  /** Length of the UTF-8 sequence, 2 to 4. */
  bytes: number;
}

function tableFrom(characters: Iterable<string>, firstByte: number): Map<string, number> {
  const map = new Map<string, number>();
  let byte = firstByte;
  for (const character of characters) map.set(character, byte++);
  return map;
}

function macRoman(): Charset {
  const high = new TextDecoder("macintosh").decode(Uint8Array.from({ length: 128 }, (_, i) => 0x80 + i));
  return { id: "mac", byteOf: tableFrom(high, 0x80) };
}

/**
 * Windows-1252's bytes 0x80–0x9F, written out because Node 20.18.3 and later decode
 * `windows-1252` as Latin-1 (nodejs/node#60888). The five bytes Windows-1252 leaves undefined
 * are the C1 controls the WHATWG decoder gives them.
 */
const WINDOWS_1252_80_9F = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

/**
 * Latin-1 and Windows-1252 in one table: they agree on 0xA0–0xFF, and for 0x80–0x9F Latin-1's
 * C1 controls and Windows-1252's punctuation are distinct characters, so text damaged by
 * either (or by a mix of both, as tools that fall back on C1 controls produce) is read back.
 */
function western(): Charset {
  const byteOf = tableFrom(Array.from({ length: 128 }, (_, i) => String.fromCharCode(0x80 + i)), 0x80);
  for (const [character, byte] of tableFrom(WINDOWS_1252_80_9F, 0x80)) byteOf.set(character, byte);
  return { id: "western", byteOf };
}

export const CHARSETS: readonly Charset[] = [macRoman(), western()];

const WINDOWS_1252_ONLY = new Set([...WINDOWS_1252_80_9F].filter((c) => c.charCodeAt(0) > 0x9f));

/** The charset's name for a message, judged from the damaged characters themselves. */
export function charsetName(charset: Charset, damaged: string[]): string {
  if (charset.id === "mac") return "Mac OS Roman";
  const text = damaged.join("");
  if ([...text].some((c) => WINDOWS_1252_ONLY.has(c))) return "Windows-1252";
  if (/[\u0080-\u009f]/.test(text)) return "Latin-1";
  return "Latin-1/Windows-1252";
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** A repair must give a real character: no control, surrogate, private-use or unassigned one. */
const MEANINGLESS = /[\p{Cc}\p{Cs}\p{Co}\p{Cn}]/u;

function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Every stretch of `text` that reads back as one valid multi-byte UTF-8 character in `charset`. */
export function findRepairs(text: string, charset: Charset): Repair[] {
  const repairs: Repair[] = [];
  for (let i = 0; i < text.length; i++) {
    // Every character of the tables is outside ASCII, and most of a text is ASCII.
    if (text.charCodeAt(i) < 0x80) continue;
    const lead = charset.byteOf.get(text[i]);
    if (lead === undefined) continue;
    const length = sequenceLength(lead);
    if (length === 0 || i + length > text.length) continue;
    const bytes = [lead];
    for (let k = 1; k < length; k++) {
      const byte = charset.byteOf.get(text[i + k]);
      if (byte === undefined || byte < 0x80 || byte > 0xbf) break;
      bytes.push(byte);
    }
    if (bytes.length < length) continue;
    let repaired: string;
    try {
      // The strict decoder rejects overlong forms, surrogates and code points past U+10FFFF.
      repaired = strictUtf8.decode(Uint8Array.from(bytes));
    } catch {
      continue;
    }
    if (MEANINGLESS.test(repaired)) continue;
    repairs.push({ start: i, end: i + length, repaired, bytes: length });
    i += length - 1;
  }
  return repairs;
}

const SCRIPTS: Array<[string, RegExp]> = [
  ["latin", /\p{Script=Latin}/u],
  ["greek", /\p{Script=Greek}/u],
  ["cyrillic", /\p{Script=Cyrillic}/u],
  ["armenian", /\p{Script=Armenian}/u],
  ["hebrew", /\p{Script=Hebrew}/u],
  ["arabic", /\p{Script=Arabic}/u],
  ["cjk", /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u],
];

/** The script of a letter, coarsely; undefined for what is not a letter or belongs to no one script (`ー`). */
function scriptOf(character: string): string | undefined {
  if (!/\p{L}/u.test(character) || /[\p{Script=Common}\p{Script=Inherited}]/u.test(character)) return undefined;
  for (const [name, pattern] of SCRIPTS) if (pattern.test(character)) return name;
  return "other";
}

/** Latin-1 Supplement and Latin Extended-A: the letters and signs Western text is made of. */
function isCommonWestern(repair: Repair): boolean {
  const code = repair.repaired.codePointAt(0)!;
  return repair.bytes === 2 && code >= 0xa0 && code <= 0x17f;
}

/** A word as the rules see it: text between ASCII white space (NBSP can be part of the damage). */
export interface DamagedWord {
  start: number;
  end: number;
  repairs: Repair[];
  /** Damaged on its own evidence, not only because the text around it is. */
  confirmed?: boolean;
}

const ASCII_SPACE = /[ \t\n\r\f\v]/;

/** Groups repairs by the word they fall in. */
function wordsOf(text: string, repairs: Repair[]): DamagedWord[] {
  const words: DamagedWord[] = [];
  for (const repair of repairs) {
    const last = words[words.length - 1];
    if (last && repair.start < last.end) {
      last.repairs.push(repair);
      continue;
    }
    let start = repair.start;
    while (start > 0 && !ASCII_SPACE.test(text[start - 1])) start--;
    let end = repair.end;
    while (end < text.length && !ASCII_SPACE.test(text[end])) end++;
    words.push({ start, end, repairs: [repair] });
  }
  return words;
}

/** `text.slice(from, to)` with the repairs (which lie inside it) applied. */
export function applyRepairs(text: string, repairs: Repair[], from = 0, to = text.length): string {
  let out = "";
  let at = from;
  for (const repair of repairs) {
    out += text.slice(at, repair.start) + repair.repaired;
    at = repair.end;
  }
  return out + text.slice(at, to);
}

/** The characters on either side of a repair within its word, as they read once repaired. */
function neighboursOf(text: string, word: DamagedWord, index: number): string[] {
  const repair = word.repairs[index];
  const previous = word.repairs[index - 1];
  const next = word.repairs[index + 1];
  const before = previous?.end === repair.start ? previous.repaired : repair.start > word.start ? text[repair.start - 1] : "";
  const after = next?.start === repair.end ? next.repaired : repair.end < word.end ? text[repair.end] : "";
  return [before, after];
}

/** Alphabets whose letters take two UTF-8 bytes; CJK and Indic text legitimately runs into Latin words. */
const ALPHABETS = new Set(["latin", "greek", "cyrillic", "armenian", "hebrew", "arabic"]);

/**
 * A two-byte repair that puts a letter of one alphabet against a letter of another (`d’étendre`
 * read as Mac OS Roman gives an Armenian letter between Latin ones): the pair was legitimate.
 */
function clashes(text: string, word: DamagedWord, index: number): boolean {
  const repair = word.repairs[index];
  const script = scriptOf(repair.repaired);
  if (repair.bytes > 2 || script === undefined || !ALPHABETS.has(script)) return false;
  return neighboursOf(text, word, index).some((n) => {
    const other = n ? scriptOf(n) : undefined;
    return other !== undefined && ALPHABETS.has(other) && other !== script;
  });
}

/**
 * Whether a repair touches another one: damaged text turns every character into a sequence, so
 * sequences follow one another (`ã‚¹ãƒ`), while sound text that happens to read back as one
 * has ordinary letters or spaces around it.
 */
function chained(word: DamagedWord, index: number): boolean {
  const repair = word.repairs[index];
  return word.repairs[index - 1]?.end === repair.start || word.repairs[index + 1]?.start === repair.end;
}

/**
 * The three-byte characters that Western text does turn into mojibake: general punctuation and
 * spaces, letter-like signs, arrows, maths and dingbats (not braille), CJK punctuation, emoji
 * variation selectors, the BOM and full-width forms.
 */
const COMMON_SIGNS = /[\u2000-\u27ff\u2900-\u2bff\u3000-\u303f\ufe00-\ufe0f\ufeff\uff00-\uffef]/;

/**
 * A three-byte repair that gives a lone character that Western text does not turn into mojibake
 * on its own: a letter (of any script: `á`, `»` and `…` read back as UTF-8 give the Vietnamese
 * `ễ`, French `é`, a no-break space and `»` give the ideograph `頻`), a combining mark, a rare
 * sign. Damaged Chinese, Japanese or Vietnamese gives such characters side by side (`æ—¥æœ¬`),
 * or next to other damage, which typography never does.
 */
function strayCharacter(word: DamagedWord, index: number): boolean {
  const repair = word.repairs[index];
  const script = scriptOf(repair.repaired);
  // Two bytes give the alphabets above, or Syriac, Thaana and N'Ko (`Maß‹` gives `Maߋ`).
  const stray = repair.bytes === 3 ? !COMMON_SIGNS.test(repair.repaired) : repair.bytes === 2 && script === "other";
  return stray && !chained(word, index);
}

/** A repair that more likely misreads sound text than restores damaged text. */
function implausible(text: string, word: DamagedWord, index: number): boolean {
  return clashes(text, word, index) || strayCharacter(word, index);
}

/** What may follow a capital letter at the end of a word (`“IRMÃ”`): such a pair is no evidence alone. */
const CLOSING = "’”»…";

/**
 * C1 controls and the Windows-1252 signs that prose never puts right after a letter (single
 * guillemets `‹›` do close German and French quotes).
 */
const RARE_IN_WESTERN_TEXT = /[\u0080-\u009f€‚ƒ„†‡ˆ‰ŠŒŽ˜šœžŸ]/;

/**
 * Whether a pair may end a word in capitals (`“IRMÃ”`, `« IRMÃ »` with a no-break space): a
 * closing sign after the capital, or a no-break space after a capital that follows another.
 */
function closesCapitalWord(text: string, repair: Repair): boolean {
  const next = text[repair.start + 1];
  return CLOSING.includes(next) || (next === "\u00a0" && /\p{Lu}/u.test(text[repair.start - 1] ?? ""));
}

/**
 * Pairs that legitimate text practically never holds: `Â` or `Ã` before a sign that closes
 * nothing (`Ã©`, `Â°`), a letter before a C1 control or a rare Windows-1252 sign (`Ï†` for
 * φ), and in Mac OS Roman `¬` or `√` before an accented letter or a sign (but not `√π`, `√∑`:
 * maths).
 */
function hasTellTaleLead(text: string, charset: Charset, repair: Repair): boolean {
  if (repair.bytes !== 2) return false;
  const [lead, next] = text.slice(repair.start, repair.end);
  if (charset.id === "western") return ((lead === "Â" || lead === "Ã") && !closesCapitalWord(text, repair)) || RARE_IN_WESTERN_TEXT.test(next);
  return (lead === "¬" || lead === "√") && !"∞±≤≥∂∑∏π∫Ω≠µ".includes(next);
}

/**
 * Whether a word is damaged on its own evidence: two repairs, a three- or four-byte one
 * (`â€™`, `ü§ó`), a tell-tale pair (`Ã©`, `¬©`), or a common accented letter next to another
 * letter (`cafÃ©`). A lone pair that could be legitimate (`√π`, `“é”` read as Mac OS Roman) is
 * not enough, nor is a word with any implausible repair (`indexé »` read as `index頻`).
 */
function isDamagedAlone(text: string, charset: Charset, word: DamagedWord): boolean {
  if (word.repairs.some((_, i) => implausible(text, word, i))) return false;
  if (word.repairs.length >= 2) return true;
  const [repair] = word.repairs;
  if (repair.bytes >= 3 || hasTellTaleLead(text, charset, repair)) return true;
  const [before, after] = neighboursOf(text, word, 0);
  const closesWord = (CLOSING + "\u00a0").includes(text[repair.end - 1]) && !/\p{L}/u.test(after);
  return isCommonWestern(repair) && /\p{L}/u.test(repair.repaired) && /\p{L}/u.test(before + after) && !closesWord;
}

/**
 * Whether a word is damaged once the text around it is known to be damaged in the same charset:
 * then any repair counts (a lone `Ã ` for à, `Œî` for Δ, a lone sign), except a letter or
 * mark that is implausible in a script the confirmed damage never restored, or in a word that also holds a sound accented
 * letter (a wrong decoding spares none of them).
 */
function isDamagedInContext(text: string, word: DamagedWord, confirmedScripts: Set<string>): boolean {
  if (hasCleanLetter(textBetweenRepairs(text, word))) return false;
  return word.repairs.every((repair, i) => {
    if (!implausible(text, word, i)) return true;
    // A lone sign amid damage (`à¥¤` for the danda `।`) was damaged with the rest.
    const script = scriptOf(repair.repaired);
    return script === undefined ? !/\p{M}/u.test(repair.repaired) : confirmedScripts.has(script);
  });
}

function textBetweenRepairs(text: string, word: DamagedWord): string {
  let out = "";
  let at = word.start;
  for (const repair of word.repairs) {
    out += text.slice(at, repair.start);
    at = repair.end;
  }
  return out + text.slice(at, word.end);
}

export interface DamageOptions {
  /** Ranges (code spans and blocks) whose damage counts only when the rest of the text is damaged. */
  weakRanges?: Array<[number, number]>;
  /**
   * The scripts the page's languages are written in (see `scriptsOfLanguages`); undefined when
   * unknown. One lone sequence that gives a letter of another script is not certain.
   */
  scripts?: ReadonlySet<string>;
}

function insideAny(ranges: Array<[number, number]>, start: number, end: number): boolean {
  return ranges.some(([from, to]) => start >= from && end <= to);
}

/** The damaged words of a text in one charset. */
function damagedWords(text: string, charset: Charset, options: DamageOptions): DamagedWord[] {
  const words = wordsOf(text, findRepairs(text, charset));
  const weak = options.weakRanges ?? [];
  const confirmed = words.filter((w) => !insideAny(weak, w.start, w.end) && isDamagedAlone(text, charset, w));
  if (confirmed.length === 0) return [];
  const scripts = new Set<string>();
  for (const word of confirmed) for (const r of word.repairs) {
    const script = scriptOf(r.repaired);
    if (script) scripts.add(script);
  }
  for (const word of confirmed) word.confirmed = true;
  return words.filter((w) => w.confirmed || isDamagedInContext(text, w, scripts));
}

/** A stretch of damaged text in one charset, with no clean non-ASCII letter inside it. */
export interface DamagedRun {
  charset: Charset;
  start: number;
  end: number;
  words: DamagedWord[];
  repairs: Repair[];
  /** Whether the repair is certain enough to apply unasked: not for one lone sequence that gives a letter foreign to the page. */
  certain: boolean;
}

function hasCleanLetter(gap: string): boolean {
  return /(?![\x00-\x7f])\p{L}/u.test(gap);
}

/**
 * How much of the text a charset repairs. A combining mark counts little: text is rarely
 * decomposed, so `Ã©` read as Mac OS Roman (a mark under the letter before it) loses to é.
 */
function repairedLength(words: DamagedWord[]): number {
  let length = 0;
  for (const word of words) for (const r of word.repairs) length += (r.end - r.start) * (/^\p{M}/u.test(r.repaired) ? 0.25 : 1);
  return length;
}

function overlaps(taken: Array<[number, number]>, start: number, end: number): boolean {
  return taken.some(([from, to]) => start < to && end > from);
}

/** Consecutive damaged words, a new run at each sound accented letter between them. */
function runsOf(text: string, charset: Charset, words: DamagedWord[]): DamagedRun[] {
  const runs: DamagedRun[] = [];
  let run: DamagedRun | undefined;
  for (const word of words) {
    if (!run || hasCleanLetter(text.slice(run.end, word.start))) {
      run = { charset, start: word.repairs[0].start, end: 0, words: [], repairs: [], certain: true };
      runs.push(run);
    }
    run.words.push(word);
    run.repairs.push(...word.repairs);
    run.end = word.repairs[word.repairs.length - 1].end;
  }
  return runs;
}

/**
 * Whether a run is one sequence that gives a letter foreign to the page's languages (`Ï†` for
 * `φ` in a French page): damage that reads back that way is likely, but one sequence is too
 * little to rewrite the page unasked. Longer runs are their own evidence (`Ð°Ð»Ð¼Ð°`, a word in
 * Kazakh quoted in an English page).
 */
function loneForeignLetter(repairs: Repair[], scripts: ReadonlySet<string> | undefined): boolean {
  if (scripts === undefined || repairs.length !== 1) return false;
  const script = scriptOf(repairs[0].repaired);
  return script !== undefined && script !== "latin" && !scripts.has(script);
}

/**
 * The damaged runs of a text. A run counts only when one of its words is damaged on its own
 * evidence: words that are only plausible in a damaged text need damage beside them, not
 * somewhere else in the file. Where two charsets both read a word back, the one that repairs
 * more of the whole text wins it.
 */
export function findDamage(text: string, options: DamageOptions = {}): DamagedRun[] {
  const candidates = CHARSETS.map((charset) => ({ charset, words: damagedWords(text, charset, options) }))
    .filter((c) => c.words.length > 0)
    .sort((a, b) => repairedLength(b.words) - repairedLength(a.words));
  const taken: Array<[number, number]> = [];
  const runs: DamagedRun[] = [];
  for (const { charset, words } of candidates) {
    const free = words.filter((w) => !overlaps(taken, w.start, w.end));
    for (const run of runsOf(text, charset, free)) {
      if (!run.words.some((w) => w.confirmed)) continue;
      for (const w of run.words) taken.push([w.start, w.end]);
      run.certain = !loneForeignLetter(run.repairs, options.scripts);
      runs.push(run);
    }
  }
  return runs.sort((a, b) => a.start - b.start);
}

/** The scripts a language is written in, beside Latin; undefined for a language not listed. */
const SCRIPTS_OF_LANGUAGE: Record<string, string[]> = {
  ja: ["cjk"], zh: ["cjk"], ko: ["cjk"],
  ru: ["cyrillic"], uk: ["cyrillic"], bg: ["cyrillic"], sr: ["cyrillic"], mk: ["cyrillic"], be: ["cyrillic"], kk: ["cyrillic"],
  el: ["greek"], hy: ["armenian"], he: ["hebrew"], yi: ["hebrew"], ar: ["arabic"], fa: ["arabic"], ur: ["arabic"],
  bn: ["other"], hi: ["other"], th: ["other"], ka: ["other"],
};

/** Latin-script languages that the project's corpora and users write in, so a repair into another script is foreign to them. */
const LATIN_LANGUAGES = new Set(["en", "pt", "es", "fr", "de", "it", "tr", "pl", "ro", "nl", "ca", "sv", "da", "no", "nb", "fi", "cs", "sk", "hu", "id", "vi"]);

/**
 * The scripts a page in these languages (BCP 47 tags) is written in, for `DamageOptions.scripts`;
 * undefined when a language is unknown or not listed.
 */
export function scriptsOfLanguages(tags: Array<string | undefined>): Set<string> | undefined {
  const scripts = new Set<string>(["latin"]);
  for (const tag of tags) {
    const primary = tag?.toLowerCase().split(/[-_]/)[0];
    if (primary === undefined) return undefined;
    if (LATIN_LANGUAGES.has(primary)) continue;
    const own = SCRIPTS_OF_LANGUAGE[primary];
    if (own === undefined) return undefined;
    for (const script of own) scripts.add(script);
  }
  return scripts;
}

/**
 * One damaged word of a run and its repair, to show in a message: the first word whose damage
 * is a letter, cut to its letters and digits (`edi√ß√£o`, not `"edi√ß√£o,`).
 */
export function sampleOf(text: string, run: DamagedRun): { damaged: string; repaired: string } {
  const word = run.words.find((w) => w.repairs.some((r) => /\p{L}/u.test(r.repaired))) ?? run.words[0];
  const repair = word.repairs.find((r) => /\p{L}/u.test(r.repaired)) ?? word.repairs[0];
  const inRepair = (i: number) => word.repairs.some((r) => i >= r.start && i < r.end);
  const isWordPart = (i: number) => inRepair(i) || /[\p{L}\p{M}\p{N}]/u.test(text[i]);
  let start = repair.start;
  while (start > word.start && isWordPart(start - 1)) start--;
  let end = repair.end;
  while (end < word.end && isWordPart(end)) end++;
  const repairs = word.repairs.filter((r) => r.start >= start && r.end <= end);
  return { damaged: text.slice(start, end), repaired: applyRepairs(text, repairs, start, end) };
}

/**
 * Whether a single word shows damage on its own evidence, for word-level rules (spelling,
 * untranslated words) that should skip mojibake rather than report it a second time.
 */
export function isDamagedWord(word: string): boolean {
  return CHARSETS.some((charset) => wordsOf(word, findRepairs(word, charset)).some((w) => isDamagedAlone(word, charset, w)));
}
