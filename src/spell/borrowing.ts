import { fold } from "./words.js";

/** Optimal-string-alignment distance (a swap of neighbours counts as one), or `limit + 1` once over it. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2] + 1);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length];
}

/**
 * Endings that English words and their Romance-language renderings trade: `tokenization` and
 * `tokenização`, `adversarial` and `adversariais`, `hackable` and `hackável`. Folded (no accents).
 */
const ENDING_PAIRS: Array<[source: string[], translation: string[]]> = [
  [["tion", "tions"], ["cao", "coes", "cion", "ciones", "tion", "tions", "zione", "zioni", "tie", "tii"]],
  [["sion", "sions"], ["sao", "soes", "sion", "siones", "sione", "sioni"]],
  [["ty", "ties"], ["dade", "dades", "dad", "te", "tes", "ta", "tate", "tati"]],
  [["ble", "bles"], ["vel", "veis", "ble", "bles", "bile", "bili"]],
  [["ism", "isms"], ["ismo", "ismos", "isme", "ismes"]],
  [["ist", "ists"], ["ista", "istas", "iste", "istes"]],
  [["ic", "ics", "ical"], ["ico", "ica", "icos", "icas", "ique", "iques"]],
  [["ive", "ives"], ["ivo", "iva", "ivos", "ivas", "if", "ifs", "ive", "ives"]],
  [["ize", "izes", "ized", "ise", "ised"], ["izar", "izado", "izada", "izados", "izadas", "iser", "ise", "izzare"]],
  [["y", "ies"], ["ia", "ias", "ie", "ies"]],
  [["ce", "ces"], ["cia", "cias", "ce", "ces"]],
  [["ed"], ["ado", "ada", "ados", "adas", "e", "es", "ato", "ata"]],
  [["ated", "ate", "ates"], ["ado", "ada", "ados", "adas", "ar", "a", "am", "e", "er"]],
  [["ing", "ize", "izing"], ["ar", "ando", "endo", "indo", "izar", "izando"]],
  [["er", "ers"], ["ador", "adores", "eur", "eurs", "ore", "ori"]],
  [["al", "als"], ["al", "ais", "ales", "aux"]],
  [["ous"], ["oso", "osa", "osos", "osas", "eux", "euse"]],
  [["ment", "ments"], ["mento", "mentos", "miento", "mientos", "ment", "ments"]],
];

/** Folded, with only letters and digits: `fast.ai` and `fastai` are one spelling. */
const plainLetters = (word: string) => fold(word).replace(/[^\p{L}\p{N}]/gu, "");

/**
 * The spelling English and the Romance languages share: `solutionism` → `solucionism`,
 * `systematic` → `sistematic`, `collector` → `colector` (Spanish and Romanian write most doubled
 * consonants once).
 */
function romanceSpelling(letters: string): string {
  return letters.replace(/ph/g, "f").replace(/th/g, "t").replace(/y/g, "i").replace(/k/g, "c").replace(/ti(?=[aeo])/g, "ci").replace(/([^aeiou])\1/g, "$1");
}

/** One word extends the other (`model`/`modelo`), or only a short ending turns into a vowel ending (`project`/`projeto`). */
function sharesStem(t: string, s: string): boolean {
  let common = 0;
  while (common < t.length && common < s.length && t[common] === s[common]) common++;
  const tail = t.slice(common);
  const sourceTail = s.slice(common);
  if (common >= 3 && (tail === "" || sourceTail === "")) return true;
  return common >= 3 && tail.length <= 2 && sourceTail.length <= 2 && /[aeiou]s?$/.test(tail);
}

/**
 * True when two words differ the way a word and its translation into a related language do:
 * only in punctuation (`fast.ai`/`fastai`), one extends the other (`model`/`modelo`,
 * `dataset`/`datasets`), a short ending turns into a vowel ending (`project`/`projeto`), the
 * same after the usual spelling shifts (`solutionism`/`solucionismo`), or an English suffix
 * turns into its Romance form (`tokenization`/`tokenização`). Such a pair is no slip.
 */
export function looksLikeCognate(translation: string, source: string): boolean {
  const t = plainLetters(translation);
  const s = plainLetters(source);
  if (sharesStem(t, s) || sharesStem(romanceSpelling(t), romanceSpelling(s))) return true;
  return ENDING_PAIRS.some(([sourceEndings, endings]) =>
    sourceEndings.some((se) => s.endsWith(se) && endings.some((te) => t.endsWith(te) && t.slice(0, -te.length) === s.slice(0, -se.length) && t.length - te.length >= 4)),
  );
}

/** The longest a borrowing may stray from its source word and still be taken for a slip. */
function allowedDistance(word: string): number {
  const length = word.replace(/[^\p{L}]/gu, "").length;
  return length >= 8 ? 2 : length >= 4 ? 1 : 0;
}

/**
 * Source words one edit (two for long words) from `word`, the nearest only: the spellings a
 * borrowed word or a name was probably meant to copy. Cognates (`modelo`/`model`) are not slips.
 */
export function nearSourceWords(word: string, sourceWords: Iterable<string>): string[] {
  const limit = allowedDistance(word);
  if (limit === 0) return [];
  const lower = word.toLowerCase();
  let best = limit;
  let found: string[] = [];
  for (const candidate of sourceWords) {
    if (allowedDistance(candidate) === 0) continue;
    const distance = editDistance(lower, candidate.toLowerCase(), best);
    if (distance === 0 || distance > best || looksLikeCognate(word, candidate)) continue;
    if (distance < best || found.length === 0) found = [];
    best = distance;
    if (!found.some((f) => f.toLowerCase() === candidate.toLowerCase())) found.push(candidate);
  }
  return found;
}

/** Letters two words share at their start, accents and case aside. */
function commonStart(a: string, b: string): number {
  const x = fold(a);
  const y = fold(b);
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n;
}

/**
 * A target-language word built on a source word's stem (`mutando` from `mutate`, `hasheadas`
 * from `hashed`, `resetada` from `reset`): it shares half the source word's start, and the
 * dictionary's nearest words do not (`impresssionante` is no derivation of `impressive`, since
 * the dictionary's `impressionante` shares that start too).
 */
export function derivesFromSource(word: string, dictionaryNeighbours: string[], sourceWords: Iterable<string>): boolean {
  for (const source of sourceWords) {
    const shared = commonStart(word, source);
    if (shared < 4 || shared < 0.5 * fold(source).length) continue;
    if (dictionaryNeighbours.every((n) => commonStart(n, source) < shared)) return true;
  }
  return false;
}
