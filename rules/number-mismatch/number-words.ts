import { foldWord, words } from "../../src/text/words.js";

/**
 * Numbers written as words, so that `three` ↔ `3` or `3` ↔ `três` is not a mismatch. Cardinals
 * 0–20 by position, then tens, hundreds and thousands, ordinals, and month names (a date written
 * `March 2` in one language is `3月2日` in another). Folded: lower case, no diacritics.
 */
const CARDINALS: Record<string, string> = {
  en: "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty",
  pt: "zero um dois tres quatro cinco seis sete oito nove dez onze doze treze catorze quinze dezesseis dezessete dezoito dezenove vinte",
  es: "cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince dieciseis diecisiete dieciocho diecinueve veinte",
  fr: "zero un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize dix-sept dix-huit dix-neuf vingt",
  de: "null eins zwei drei vier funf sechs sieben acht neun zehn elf zwolf dreizehn vierzehn funfzehn sechzehn siebzehn achtzehn neunzehn zwanzig",
  it: "zero uno due tre quattro cinque sei sette otto nove dieci undici dodici tredici quattordici quindici sedici diciassette diciotto diciannove venti",
};

const TENS: Record<string, string> = {
  en: "thirty forty fifty sixty seventy eighty ninety",
  pt: "trinta quarenta cinquenta sessenta setenta oitenta noventa",
  es: "treinta cuarenta cincuenta sesenta setenta ochenta noventa",
  fr: "trente quarante cinquante soixante soixante-dix quatre-vingt quatre-vingt-dix",
  de: "dreißig vierzig funfzig sechzig siebzig achtzig neunzig",
  it: "trenta quaranta cinquanta sessanta settanta ottanta novanta",
};

/** Other words for a number: feminine forms, hundreds, thousands, ordinals, `both`, `dozen`. */
const OTHERS: Record<string, Record<string, number>> = {
  en: { a: 1, an: 1, single: 1, once: 1, both: 2, twice: 2, couple: 2, pair: 2, double: 2, triple: 3, dozen: 12, hundred: 100, thousand: 1000, million: 1e6, billion: 1e9, binary: 2, octal: 8, decimal: 10, hexadecimal: 16 },
  pt: { uma: 1, duas: 2, ambos: 2, ambas: 2, duzia: 12, cem: 100, cento: 100, mil: 1000, milhao: 1e6, bilhao: 1e9, metade: 50 },
  es: { un: 1, una: 1, ambos: 2, ambas: 2, docena: 12, cien: 100, ciento: 100, mil: 1000, millon: 1e6, mitad: 50 },
  fr: { une: 1, douzaine: 12, cent: 100, mille: 1000, million: 1e6, milliard: 1e9, moitie: 50 },
  de: { ein: 1, eine: 1, einen: 1, einem: 1, einer: 1, beide: 2, beiden: 2, dutzend: 12, hundert: 100, tausend: 1000, million: 1e6, milliarde: 1e9, halfte: 50 },
  it: { un: 1, una: 1, entrambi: 2, dozzina: 12, cento: 100, mille: 1000, milione: 1e6, miliardo: 1e9, meta: 50 },
};

/** Ordinals 1st–10th, by position; forms of one ordinal are joined by `/`. */
const ORDINALS: Record<string, string> = {
  en: "first second third fourth fifth sixth seventh eighth ninth tenth",
  pt: "primeiro/primeira segundo/segunda terceiro/terceira quarto/quarta quinto/quinta sexto/sexta setimo/setima oitavo/oitava nono/nona decimo/decima",
  es: "primero/primera/primer segundo/segunda tercero/tercera/tercer cuarto/cuarta quinto/quinta sexto/sexta septimo/septima octavo/octava noveno/novena decimo/decima",
  fr: "premier/premiere deuxieme/second/seconde troisieme quatrieme cinquieme sixieme septieme huitieme neuvieme dixieme",
  de: "erste/ersten/erster zweite/zweiten dritte/dritten vierte funfte sechste siebte achte neunte zehnte",
  it: "primo/prima secondo/seconda terzo/terza quarto/quarta quinto/quinta sesto/sesta settimo/settima ottavo/ottava nono/nona decimo/decima",
};

const MONTHS: Record<string, string> = {
  en: "january february march april may june july august september october november december",
  pt: "janeiro fevereiro marco abril maio junho julho agosto setembro outubro novembro dezembro",
  es: "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
  fr: "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre",
  de: "januar februar marz april mai juni juli august september oktober november dezember",
  it: "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
};

/** Hundreds, thousands, millions as a vague amount (`100s of books` is `des centaines de livres`). */
const AMOUNTS: Record<string, string> = {
  en: "hundreds thousands millions",
  pt: "centenas milhares milhoes",
  es: "cientos miles millones",
  fr: "centaines milliers millions",
  de: "hunderte tausende millionen",
  it: "centinaia migliaia milioni",
};

/** Fractions, by the numbers a translation may write them with (`half` is `50%` or `1/2`; `quarter` is `4分の1`). */
const FRACTIONS: Record<string, Record<string, number[]>> = {
  en: { half: [2, 50], quarter: [4, 25] },
};

const tables = new Map<string, Map<string, number[]>>();

function add(table: Map<string, number[]>, word: string, value: number): void {
  const key = foldWord(word);
  table.set(key, [...(table.get(key) ?? []), value]);
}

/** Built-in words of a language (primary tag: `pt`), with the user's added words. */
function tableFor(language: string, extra: Record<string, number> = {}): Map<string, number[]> {
  const cacheKey = `${language}\u0000${JSON.stringify(extra)}`;
  let table = tables.get(cacheKey);
  if (table) return table;
  table = new Map();
  CARDINALS[language]?.split(" ").forEach((w, i) => add(table!, w, i));
  TENS[language]?.split(" ").forEach((w, i) => add(table!, w, (i + 3) * 10));
  // French counts 70 and 90 from sixty and eighty.
  if (language === "fr") [["soixante-dix", 70], ["quatre-vingt", 80], ["quatre-vingts", 80], ["quatre-vingt-dix", 90]].forEach(([w, v]) => add(table!, w as string, v as number));
  ORDINALS[language]?.split(" ").forEach((forms, i) => forms.split("/").forEach((w) => add(table!, w, i + 1)));
  MONTHS[language]?.split(" ").forEach((w, i) => add(table!, w, i + 1));
  for (const [w, v] of Object.entries({ ...OTHERS[language], ...extra })) add(table, w, v);
  for (const [w, values] of Object.entries(FRACTIONS[language] ?? {})) values.forEach((v) => add(table!, w, v));
  AMOUNTS[language]?.split(" ").forEach((w, i) => add(table!, w, [100, 1000, 1e6][i]));
  tables.set(cacheKey, table);
  return table;
}

const CJK_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CJK_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 1e4, 萬: 1e4, 億: 1e8, 亿: 1e8 };

/** The value of Chinese or Japanese numerals: `二十五` is 25, `三` is 3, `十` is 10. */
export function cjkNumeral(run: string): number {
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const char of run) {
    if (char in CJK_DIGITS) {
      digit = CJK_DIGITS[char];
      continue;
    }
    const unit = CJK_UNITS[char];
    if (unit >= 1e4) {
      total += (section + digit) * unit;
      section = 0;
    } else {
      section += (digit || 1) * unit;
    }
    digit = 0;
  }
  return total + section + digit;
}

/** Joins a ten and a unit: `thirty-two`, `trinta e dois`, `treinta y dos`, `vingt et un`. */
const COMPOUND = /(\p{L}+)(?:-| (?:and|e|y|et|und) )(\p{L}+)/gu;

/** Every value a text writes in words, in its language (primary tag) or in Chinese or Japanese numerals. */
export function spelledValues(text: string, language: string | undefined, extra?: Record<string, number>): Set<number> {
  const values = new Set<number>();
  for (const run of text.match(/[〇零一二两兩三四五六七八九十百千万萬億亿]+/g) ?? []) values.add(cjkNumeral(run));
  if (!language || !(language in CARDINALS || extra)) return values;
  const table = tableFor(language, extra);
  const valuesOf = (word: string) => table.get(foldWord(word)) ?? [];
  const list = words(text, language);
  list.forEach((word, i) => {
    for (const value of valuesOf(word.text)) {
      values.add(value);
      // `three million` is 3000000 as well as 3 and a million.
      for (const scale of valuesOf(list[i + 1]?.text ?? "").filter((v) => v >= 100 && v > value)) values.add(value * scale);
    }
  });
  for (const [whole, ten, unit] of text.toLowerCase().matchAll(COMPOUND)) {
    // French writes some numbers as one hyphenated word (`quatre-vingt-dix`).
    for (const value of valuesOf(whole)) values.add(value);
    for (const tens of valuesOf(ten).filter((v) => v >= 20 && v <= 90 && v % 10 === 0)) {
      for (const units of valuesOf(unit).filter((v) => v >= 1 && v <= 9)) values.add(tens + units);
    }
  }
  return values;
}
