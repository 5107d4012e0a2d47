/**
 * One `Intl.Segmenter` per language and granularity, made once: building one loads ICU's rules,
 * and the rules ask for words and sentences of every segment.
 */
const segmenters = new Map<string, Intl.Segmenter>();

export function segmenterFor(language: string | undefined, granularity: "word" | "sentence"): Intl.Segmenter {
  const key = `${granularity}:${language ?? ""}`;
  let segmenter = segmenters.get(key);
  if (!segmenter) {
    // An unknown tag must not throw: fall back to the root locale, which still splits CJK by dictionary.
    let locale: string | undefined;
    try {
      locale = language && Intl.Segmenter.supportedLocalesOf([language]).length > 0 ? language : undefined;
    } catch {
      locale = undefined;
    }
    segmenter = new Intl.Segmenter(locale, { granularity });
    segmenters.set(key, segmenter);
  }
  return segmenter;
}
