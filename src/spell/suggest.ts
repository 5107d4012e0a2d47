/** What a dictionary tells about the letters of its language, from the `.aff` file. */
export interface Alphabet {
  /**
   * Lower-case letters to try in insertions and replacements, most frequent first (`TRY`);
   * accented letters are left to `accentGroups`, which costs far fewer look-ups.
   */
  letters: string[];
  /** Letters that differ only by an accent (`MAP`), each a group. */
  accentGroups: string[][];
}

/** Reads the `TRY` and `MAP` lines of an affix file. */
export function alphabetOf(aff: string): Alphabet {
  const tryLine = aff.match(/^TRY\s+(\S+)/m)?.[1] ?? "esianrtolcdugmphbyfvkwzxjq";
  const letters = [...new Set([...tryLine].filter((c) => /\p{Ll}/u.test(c)))];
  const accentGroups: string[][] = [];
  for (const line of aff.matchAll(/^MAP\s+(\S+)\s*$/gm)) {
    const group = [...new Set([...line[1]].filter((c) => /\p{Ll}/u.test(c)))];
    if (group.length > 1) accentGroups.push(group);
  }
  if (accentGroups.length === 0) {
    const byBase = new Map<string, string[]>();
    for (const c of letters) {
      const base = c.normalize("NFD")[0];
      byBase.set(base, [...(byBase.get(base) ?? []), c]);
    }
    for (const group of byBase.values()) if (group.length > 1) accentGroups.push(group);
  }
  return { letters: letters.filter((c) => c.normalize("NFD").length === 1), accentGroups };
}

/**
 * The word cut at each point: `heads[i] + tails[i]` is the word, and edits are built by string
 * concatenation (a suggestion tries thousands of candidates; arrays per candidate were garbage).
 */
function cuts(word: string): { chars: string[]; heads: string[]; tails: string[] } {
  const chars = [...word];
  const heads = [""];
  for (const char of chars) heads.push(heads[heads.length - 1] + char);
  const tails = heads.map((head) => word.slice(head.length));
  return { chars, heads, tails };
}

/** The word with one letter changed for another of its accent group: `ã` for `õ`, `e` for `ê`. */
function accentEdits(word: string, alphabet: Alphabet, out: string[] = []): string[] {
  const { chars, heads, tails } = cuts(word);
  chars.forEach((char, i) => {
    for (const group of alphabet.accentGroups) {
      if (!group.includes(char)) continue;
      for (const other of group) if (other !== char) out.push(heads[i] + other + tails[i + 1]);
    }
  });
  return out;
}

/** Deletions, swaps of neighbours and accent changes: the slips that keep a word's shape. */
function lightEdits(word: string, alphabet: Alphabet): string[] {
  const { chars, heads, tails } = cuts(word);
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    out.push(heads[i] + tails[i + 1]);
    if (i + 1 < chars.length) out.push(heads[i] + chars[i + 1] + chars[i] + tails[i + 2]);
  }
  return accentEdits(word, alphabet, out);
}

/** Every word one edit away: a deletion, a swap, a replacement or an insertion. */
function allEdits(word: string, alphabet: Alphabet): string[] {
  const { chars, heads, tails } = cuts(word);
  const out = lightEdits(word, alphabet);
  for (let i = 0; i <= chars.length; i++) {
    for (const letter of alphabet.letters) {
      out.push(heads[i] + letter + tails[i]);
      if (i < chars.length && letter !== chars[i]) out.push(heads[i] + letter + tails[i + 1]);
    }
  }
  return out;
}

function restoreCase(candidate: string, like: string): string {
  if (like === like.toUpperCase() && like !== like.toLowerCase()) return candidate.toUpperCase();
  if (like[0] !== like[0].toLowerCase()) return candidate[0].toUpperCase() + candidate.slice(1);
  return candidate;
}

/**
 * Dictionary words one edit from `word`, else two slips away that keep its shape: deletions,
 * swaps and accents (`atualizaçãoes` → `atualizações`, `Tailândes` → `Tailandês`); the first
 * `limit` found. Bounded to a few thousand look-ups, unlike Hunspell's own suggest, which scans
 * the whole dictionary and takes a quarter of a second a word. With `keep`, only the kept ones
 * of those same first `limit` are returned, and far fewer look-ups are made.
 */
export function suggestWords(word: string, correct: (w: string) => boolean, alphabet: Alphabet, options: { limit?: number; keep?: (candidate: string) => boolean } = {}): string[] {
  const { limit = 5 } = options;
  const keep = options.keep ?? (() => true);
  const lower = word.toLowerCase();
  const seen = new Set<string>([lower]);
  const unseen = (candidates: string[]) => candidates.filter((c) => c.length > 0 && !seen.has(c) && seen.add(c));
  const oneEdit = unseen(allEdits(lower, alphabet));
  const found = keptAmongFirstCorrect(oneEdit, correct, limit, keep);
  if (found) return found.map((c) => restoreCase(c, word));
  const twoSlips: string[] = [];
  for (const once of lightEdits(lower, alphabet)) twoSlips.push(...lightEdits(once, alphabet));
  const further = unseen(twoSlips);
  // Two slips away are tried only when no word at all is one edit away; and only kept candidates
  // can be returned. So the others one edit away are looked up only when a kept one is further.
  if (!further.some(keep) || oneEdit.some((c) => !keep(c) && correct(c))) return [];
  return (keptAmongFirstCorrect(further, correct, limit, keep) ?? []).map((c) => restoreCase(c, word));
}

/**
 * The kept ones among the first `limit` correct candidates, in order; undefined when no kept
 * candidate is correct. Kept candidates are looked up first: the others need a look-up only when
 * they come before a correct kept one (they count towards the limit).
 */
function keptAmongFirstCorrect(candidates: string[], correct: (w: string) => boolean, limit: number, keep: (candidate: string) => boolean): string[] | undefined {
  const kept = candidates.map(keep);
  const keptCorrect = new Set<number>();
  for (let i = 0; i < candidates.length && keptCorrect.size < limit; i++) if (kept[i] && correct(candidates[i])) keptCorrect.add(i);
  if (keptCorrect.size === 0) return undefined;
  const last = Math.max(...keptCorrect);
  const out: string[] = [];
  let count = 0;
  for (let i = 0; i <= last && count < limit; i++) {
    if (kept[i] ? !keptCorrect.has(i) : !correct(candidates[i])) continue;
    count++;
    if (kept[i]) out.push(candidates[i]);
  }
  return out;
}

const plain = (word: string) => word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/**
 * True when `suggestion` is a likely intended spelling of `word`, not a chance neighbour. Writers
 * rarely get a word's first letter wrong (but for a vowel), and a short word is one edit from
 * many rare words (`mutar` from `muar`), so for short words only an accent or a doubled letter counts.
 */
export function isLikelySlip(word: string, suggestion: string): boolean {
  return slipsFrom(word)(suggestion);
}

/** `isLikelySlip` with the word's side worked out once, for testing many candidates. */
export function slipsFrom(word: string): (suggestion: string) => boolean {
  const a = plain(word);
  const long = a.replace(/[^\p{L}]/gu, "").length > 6;
  const undoubled = (s: string) => s.replace(/(.)\1+/gu, "$1");
  const aUndoubled = undoubled(a);
  return (suggestion) => {
    const b = plain(suggestion);
    // `entitulado` → `intitulado`: one vowel for another is the one slip seen at a word's start.
    if (a[0] !== b[0] && !(/[aeiou]/.test(a[0]) && /[aeiou]/.test(b[0]) && a.slice(1) === b.slice(1))) return false;
    return long || aUndoubled === undoubled(b);
  };
}
