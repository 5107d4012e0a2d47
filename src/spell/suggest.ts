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

/** The word with one letter changed for another of its accent group: `ã` for `õ`, `e` for `ê`. */
function accentEdits(word: string, alphabet: Alphabet): string[] {
  const chars = [...word];
  const out: string[] = [];
  chars.forEach((char, i) => {
    for (const group of alphabet.accentGroups) {
      if (!group.includes(char)) continue;
      for (const other of group) if (other !== char) out.push([...chars.slice(0, i), other, ...chars.slice(i + 1)].join(""));
    }
  });
  return out;
}

/** Deletions, swaps of neighbours and accent changes: the slips that keep a word's shape. */
function lightEdits(word: string, alphabet: Alphabet): string[] {
  const chars = [...word];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    out.push([...chars.slice(0, i), ...chars.slice(i + 1)].join(""));
    if (i + 1 < chars.length) out.push([...chars.slice(0, i), chars[i + 1], chars[i], ...chars.slice(i + 2)].join(""));
  }
  return [...out, ...accentEdits(word, alphabet)];
}

/** Every word one edit away: a deletion, a swap, a replacement or an insertion. */
function allEdits(word: string, alphabet: Alphabet): string[] {
  const chars = [...word];
  const out = lightEdits(word, alphabet);
  for (let i = 0; i <= chars.length; i++) {
    for (const letter of alphabet.letters) {
      out.push([...chars.slice(0, i), letter, ...chars.slice(i)].join(""));
      if (i < chars.length && letter !== chars[i]) out.push([...chars.slice(0, i), letter, ...chars.slice(i + 1)].join(""));
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
 * swaps and accents (`atualizaçãoes` → `atualizações`, `Tailândes` → `Tailandês`). Bounded to a
 * few thousand look-ups, unlike Hunspell's own suggest, which scans the whole dictionary and
 * takes a quarter of a second a word.
 */
export function suggestWords(word: string, correct: (w: string) => boolean, alphabet: Alphabet, limit = 5): string[] {
  const lower = word.toLowerCase();
  const found: string[] = [];
  const seen = new Set<string>([lower]);
  const consider = (candidate: string) => {
    if (seen.has(candidate) || candidate.length === 0) return;
    seen.add(candidate);
    if (correct(candidate)) found.push(candidate);
  };
  for (const candidate of allEdits(lower, alphabet)) consider(candidate);
  if (found.length === 0) {
    for (const once of lightEdits(lower, alphabet)) for (const twice of lightEdits(once, alphabet)) consider(twice);
  }
  return found.slice(0, limit).map((c) => restoreCase(c, word));
}

const plain = (word: string) => word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/**
 * True when `suggestion` is a likely intended spelling of `word`, not a chance neighbour. Writers
 * rarely get a word's first letter wrong (but for a vowel), and a short word is one edit from
 * many rare words (`mutar` from `muar`), so for short words only an accent or a doubled letter counts.
 */
export function isLikelySlip(word: string, suggestion: string): boolean {
  const a = plain(word);
  const b = plain(suggestion);
  // `entitulado` → `intitulado`: one vowel for another is the one slip seen at a word's start.
  if (a[0] !== b[0] && !(/[aeiou]/.test(a[0]) && /[aeiou]/.test(b[0]) && a.slice(1) === b.slice(1))) return false;
  if (a.replace(/[^\p{L}]/gu, "").length > 6) return true;
  const undoubled = (s: string) => s.replace(/(.)\1+/gu, "$1");
  return undoubled(a) === undoubled(b);
}
