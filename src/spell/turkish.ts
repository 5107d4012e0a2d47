/**
 * Turkish builds a word by stacking suffixes on a stem (`derlem` → `derlemleri`, `derleminizi`),
 * and its Hunspell dictionary lists only some of the stacks. A word is taken as a correct form
 * when it is a word the dictionary knows followed by a chain of suffixes, each in the form vowel
 * harmony and consonant assimilation ask for after what precedes it. A suffix in the wrong
 * harmony (`derlemları`) or a letter no suffix explains (`derlemlri`) leaves the word unknown.
 */

/**
 * Suffixes, written with the letters that change: `A` is a or e, `I` is ı, i, u or ü (vowel
 * harmony); `D` is d or t, `C` c or ç (t and ç after a voiceless consonant); `G` is ğ before
 * a vowel where the suffix ends in k. Each belongs to a slot; slots follow one another outward
 * from the stem in this order (a verb's voices may repeat: `gerçek-le-n-dir`).
 */
const enum Slot { Voice = 1, Ability, Negation, Verbal, Derivation, Plural, Possessive, Case, Ki, Copula }

const SLOTS: Array<[Slot, string[]]> = [
  [Slot.Voice, ["Il", "In", "n", "DIr", "t"]],
  [Slot.Ability, ["Abil", "yAbil"]],
  [Slot.Negation, ["mA", "AmA", "yAmA"]],
  // tense and mood, participles, verbal nouns, converbs
  [Slot.Verbal, ["mAK", "mAktA", "Ar", "Ir", "r", "mAz", "DI", "mIş", "Iyor", "yor", "AcAK", "yAcAK", "AcAG", "yAcAG", "sA", "ysA", "DIK", "DIG", "An", "yAn", "ArAk", "yArAk", "Ip", "yIp", "IncA", "yIncA", "mA", "mAlI", "Iş", "yIş"]],
  [Slot.Derivation, ["lI", "lIK", "lIG", "sIz", "CI", "CIlIK", "DAş", "sAl"]],
  [Slot.Plural, ["lAr"]],
  [Slot.Possessive, ["Im", "In", "I", "sI", "ImIz", "InIz", "lArI", "m", "n", "mIz", "nIz"]],
  [Slot.Case, ["I", "yI", "nI", "In", "nIn", "yIn", "A", "yA", "nA", "DA", "nDA", "DAn", "nDAn", "lA", "ylA", "CA", "ken", "yken"]],
  [Slot.Ki, ["ki"]],
  [Slot.Copula, ["DIr", "lAr", "Im", "yIm", "sIn", "Iz", "yIz", "sInIz"]],
];

const SUFFIXES = SLOTS.flatMap(([slot, forms]) => forms.map((form) => ({ slot, form })));

/** Forms that open with a buffer letter (y, n, s) to follow a vowel; after a consonant the bare form is used. */
const AFTER_VOWEL = new Set(["yI", "nI", "nIn", "yIn", "yA", "nA", "nDA", "nDAn", "ylA", "yken", "yAbil", "yAmA", "yAcAK", "yAcAG", "ysA", "yAn", "yArAk", "yIp", "yIncA", "yIş", "yIm", "yIz", "sI", "n", "m", "mIz", "nIz"]);

/**
 * Turkish keeps a vowel from meeting a vowel at a suffix's edge: a suffix that opens with a vowel
 * follows a consonant, and one with a buffer letter follows a vowel (`-yA` in `ayıklayıcıya`).
 * (`-Iyor` drops the stem's vowel instead: its form after a vowel is `-yor`.)
 */
function fitsStem(form: string, stem: string): boolean {
  const endsInVowel = VOWELS.includes(stem[stem.length - 1]);
  if (AFTER_VOWEL.has(form)) return endsInVowel;
  return !(/^[AIaeıioöuü]/.test(form) && endsInVowel);
}

const BACK = "aıou";
const VOWELS = "aeıioöuü";
const VOICELESS = "çfhkpsşt";

function lastVowel(text: string): string | undefined {
  for (let i = text.length - 1; i >= 0; i--) if (VOWELS.includes(text[i])) return text[i];
  return undefined;
}

/** The surface form of a suffix after `stem`. */
function surface(suffix: string, stem: string): string {
  let text = stem;
  for (const letter of suffix) {
    const vowel = lastVowel(text) ?? "e";
    const back = BACK.includes(vowel);
    const rounded = "oöuü".includes(vowel);
    const before = text[text.length - 1];
    const next = { A: back ? "a" : "e", I: back ? (rounded ? "u" : "ı") : rounded ? "ü" : "i", D: VOICELESS.includes(before) ? "t" : "d", C: VOICELESS.includes(before) ? "ç" : "c", K: "k", G: "ğ" }[letter] ?? letter;
    text += next;
  }
  return text.slice(stem.length);
}

/** A stem whose last consonant softened before a vowel (`kitap` → `kitabı`, `renk` → `rengi`) ends in its hard form in the dictionary. */
const HARD: Record<string, string> = { ğ: "k", b: "p", c: "ç", d: "t", g: "k" };

const MIN_STEM = 3;
const MAX_SUFFIXES = 6;

/** A word the dictionary knows, or knows with its last consonant hard. */
function isKnownStem(stem: string, correct: (w: string) => boolean): boolean {
  const hard = HARD[stem[stem.length - 1]];
  return correct(stem) || (hard !== undefined && correct(stem.slice(0, -1) + hard));
}

/**
 * True when `word` (lower case) is a known word followed by a well-formed chain of suffixes: in
 * their slots' order, and, when the first is a verb's, on a stem that is a verb (its infinitive
 * in `-mak`/`-mek` is known).
 */
export function isTurkishSuffixChain(word: string, correct: (w: string) => boolean): boolean {
  const strip = (text: string, outer: Slot, depth: number): boolean => {
    if (depth > 0 && text.length >= MIN_STEM && isKnownStem(text, correct)) {
      if (outer > Slot.Verbal || correct(text + surface("mAK", text))) return true;
    }
    if (depth >= MAX_SUFFIXES) return false;
    return SUFFIXES.some(({ slot, form }) => {
      // `-ki` makes a new noun, which takes a plural and a case again (`evdekiler`).
      const inOrder = slot < outer || (slot === outer && slot === Slot.Voice) || slot === Slot.Ki;
      if (!inOrder) return false;
      const stem = text.slice(0, text.length - form.length);
      return stem.length >= MIN_STEM && fitsStem(form, stem) && text.endsWith(surface(form, stem)) && strip(stem, slot, depth + 1);
    });
  };
  return strip(word, Slot.Copula + 1, 0);
}

/** A name or a word, an apostrophe, then its suffixes: `Transformatörler'le`, `Python’da`. */
export function isTurkishApostropheForm(word: string, correct: (w: string) => boolean): boolean {
  const at = Math.max(word.lastIndexOf("'"), word.lastIndexOf("’"));
  if (at <= 0) return false;
  const head = word.slice(0, at).toLocaleLowerCase("tr");
  const tail = word.slice(at + 1).toLocaleLowerCase("tr");
  if (tail === "" || !(correct(word.slice(0, at)) || isTurkishSuffixChain(head, correct))) return false;
  // The suffixes must fit the head, whatever it is: a name the dictionary does not know takes them too.
  return isTurkishSuffixChain(head + tail, (stem) => stem === head);
}

