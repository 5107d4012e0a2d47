/**
 * Numbers as a reader reads them, whatever the locale wrote them with: `1,000.5`, `1.000,5` and
 * `1 000,5` are one value; `15亿` and `1.5 billion` are one value; `３` is `3`.
 */

/** A number found in prose, with the values it may stand for. */
export interface FoundNumber {
  /** As written, for messages. */
  written: string;
  /** Offsets into the prose text it was read from. */
  start: number;
  end: number;
  /** Canonical values (`1000`, `2.5`, `1.2.3`): two numbers are the same when they share one. */
  values: Set<string>;
}

/** Letters of the scripts that write names with digits in them (`GPT-3`, `H100`, `x86`, `utf-8`). */
const NAME_LETTER = String.raw`[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]`;

/** Spaces that group thousands (`1 000`, with a no-break, narrow no-break or thin space). */
const GROUP_SPACE = "[ \\u00a0\\u202f\\u2009]";

/** Digits, then groups joined by `.`, `,`, an apostrophe (`1'000`) or, before exactly three digits, a space; `.5` too. */
const DIGITS = String.raw`(?:(?<=^|[\s(])\.(?=\d))?\d+(?:(?:[.,]|['’](?=\d{3}(?!\d))|${GROUP_SPACE}(?=\d{3}(?!\d)))\d+)*`;

/** A number of the text: not the digits of a name (`H100`, `GPT-3`, `i18n`), but `v2.1` is a version. */
const NUMBER = new RegExp(String.raw`(?:(?<=(?<![\p{L}\p{N}_])[vV])|(?<![\p{N}_.]|${NAME_LETTER}|${NAME_LETTER}[-_]))` + DIGITS, "gu");

/** Any number, the digits of names included (`p99`, `1-in-1000`): what the other side may match. */
const ANY_NUMBER = new RegExp(String.raw`(?<![\p{N}_.])` + DIGITS, "gu");

/**
 * Words and suffixes that multiply the number before them, in the languages nl-lint meets most.
 * `billion` is 10⁹ in English but 10¹² in French and Spanish (`billón`): both are kept, since a
 * value only ever excuses a match.
 */
const SCALES: Record<string, number[]> = {
  k: [3], m: [6], b: [9], bn: [9],
  thousand: [3], million: [6], millions: [6], billion: [9, 12], billions: [9, 12], trillion: [12], trillions: [12],
  mil: [3], milhão: [6], milhões: [6], bilhão: [9], bilhões: [9], millón: [6], millones: [6], billón: [12], billones: [12],
  mille: [3], milliers: [3], milliard: [9], milliards: [9],
  tausend: [3], millionen: [6], milliarde: [9], milliarden: [9], mio: [6], mrd: [9],
  mila: [3], milione: [6], milioni: [6], miliardo: [9], miliardi: [9],
  千: [3], 万: [4], 萬: [4], 百万: [6], 千万: [7], 億: [8], 亿: [8], 兆: [12],
};

/** A scale word after a number, with a space, a line break or a hyphen between (`1.5 billion`, `100-billion`). */
const SCALE_WORD = /^[\s-]?(\p{L}+)/u;
const SCALE_SUFFIX = /^([kKMB]|bn)(?![\p{L}\p{N}])/u;

/**
 * Digits of every script (full-width `３`, Bengali `৩`, Devanagari `३`, Arabic-Indic `٣`…) and the
 * full-width point, as ASCII, one character for one. Unicode puts each script's digits zero to
 * nine in a row, so a digit's value is its distance from the start of its row, modulo ten.
 */
export function asciiDigits(text: string): string {
  return text.replace(/[^\x00-\x7f]/g, (c) => {
    if (c === "\uff0e") return ".";
    if (!/\p{Nd}/u.test(c)) return c;
    let zero = c.charCodeAt(0);
    while (/\p{Nd}/u.test(String.fromCharCode(zero - 1))) zero--;
    return String((c.charCodeAt(0) - zero) % 10);
  });
}

/** `0012.500` → `12.5`: the same value written with other zeros. */
function canonical(integer: string, fraction = ""): string {
  const whole = integer.replace(/^0+(?=\d)/, "") || "0";
  const part = fraction.replace(/0+$/, "");
  return part ? `${whole}.${part}` : whole;
}

/** Whether `parts` read as thousands groups: a first group of 1–3 digits, then groups of exactly 3. */
function grouped(parts: string[]): boolean {
  return parts[0].length <= 3 && parts.slice(1).every((p) => p.length === 3);
}

/**
 * The values a written number may stand for. With one kind of separator, `1,000` and `1.000`
 * are a thousand (English, German) or one (Portuguese, French): both readings are kept. With two,
 * the last is the decimal mark. A space or an apostrophe only groups. `1.2.3` is a version.
 */
export function readings(written: string): string[] {
  const compact = written.replace(/[ \u00a0\u202f\u2009'’]/g, "");
  const marks = [...new Set(compact.match(/[.,]/g) ?? [])];
  const parts = compact.split(/[.,]/);
  // `0600` is a time of day (06:00, 午前6時): its hour is one of its values.
  if (/^0\d{3}$/.test(compact)) return [canonical(compact), canonical(compact.slice(0, 2))];
  if (marks.length === 0) return [canonical(compact)];
  if (marks.length === 2) {
    const decimal = compact.search(/[.,][^.,]*$/);
    return [canonical(compact.slice(0, decimal).replace(/[.,]/g, ""), compact.slice(decimal + 1))];
  }
  if (parts.length === 2) {
    const values = [canonical(parts[0], parts[1])];
    if (grouped(parts)) values.push(canonical(parts.join("")));
    return values;
  }
  if (grouped(parts)) return [canonical(parts.join(""))];
  // A version's trailing zero parts say nothing: `2.1.0` is `2.1`.
  return [parts.map((p) => canonical(p)).join(".").replace(/(?:\.0)+$/, "")];
}

/** A decimal string times 10^power, exactly (no floating point: 1.1 × 10⁹ is 1100000000). */
export function scaled(value: string, power: number): string {
  if (!/^\d+(?:\.\d+)?$/.test(value)) return value;
  const [integer, fraction = ""] = value.split(".");
  const digits = integer + fraction.padEnd(power, "0");
  const point = integer.length + power;
  return canonical(digits.slice(0, point), digits.slice(point));
}

/** What follows the end of a range (`500-600 thousand`): its scale word is the first number's too. */
function afterRange(rest: string): string {
  const range = /^\s?[-–~〜]\s?\d[\d.,]*/.exec(rest);
  return range ? rest.slice(range[0].length) : rest;
}

/** The powers of ten the words or suffix right after a number multiply it by (`15亿`, `1.5 billion`, `7B`). */
function scalesAfter(rest: string): number[] {
  const suffix = SCALE_SUFFIX.exec(rest);
  if (suffix) return SCALES[suffix[1].toLowerCase()] ?? [];
  const cjk = /^[ \u00a0]?(千万|百万|[千万萬億亿兆])/.exec(rest);
  if (cjk) return SCALES[cjk[1]];
  const word = SCALE_WORD.exec(rest);
  if (!word) return [];
  const first = SCALES[word[1].toLowerCase()] ?? [];
  // `mil millones`, `mil milhões`: a thousand millions.
  const next = first.length > 0 ? SCALE_WORD.exec(rest.slice(word[0].length)) : null;
  const second = next ? (SCALES[next[1].toLowerCase()] ?? []) : [];
  return second.length > 0 ? first.flatMap((a) => second.map((b) => a + b)) : first;
}

/**
 * The numbers of a prose text (URLs and markup already blanked), with every value each may stand
 * for; with `names`, the digits of names too. Without `decimalComma` (English, Chinese, Japanese
 * write a decimal point), `2,3` is two numbers.
 */
export function numbersIn(text: string, names = false, decimalComma = true): FoundNumber[] {
  const ascii = asciiDigits(text);
  const found: FoundNumber[] = [];
  for (const match of ascii.matchAll(names ? ANY_NUMBER : NUMBER)) {
    for (const [written, start] of pieces(match[0], match.index, decimalComma)) {
      const end = start + written.length;
      const values = new Set(readings(written));
      const powers = scalesAfter(afterRange(ascii.slice(end, end + 40)));
      for (const value of [...values]) for (const power of powers) values.add(scaled(value, power));
      found.push({ written: text.slice(start, end), start, end, values });
    }
  }
  return found;
}

/**
 * A match that is several numbers: `1,2,3` (a list, not a grouping; `2,3` too in a language whose
 * decimal mark is a point) or `2020 100` (a space
 * groups thousands only after one to three digits). Each piece with its offset.
 */
function pieces(written: string, start: number, decimalComma: boolean): Array<[string, number]> {
  const commas = written.split(",");
  const list = (commas.length > 2 || !decimalComma) && commas.length > 1 && !written.includes(".") && !grouped(commas);
  const spaced = written.split(/[ \u00a0\u202f\u2009]/);
  const looseSpace = spaced.length > 1 && !/^\d{1,3}$/.test(spaced[0]);
  if (!list && !looseSpace) return [[written, start]];
  const out: Array<[string, number]> = [];
  let at = start;
  for (const piece of list ? commas : spaced) {
    out.push([piece, at]);
    at += piece.length + 1;
  }
  return out;
}
