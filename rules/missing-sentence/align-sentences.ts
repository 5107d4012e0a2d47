/**
 * Sentence alignment by length inside one paragraph pair (Gale & Church, 1993): the source's
 * sentences and the translation's are matched in order in beads of one to one, two to one, one
 * to two, two to two or three to one, each scored by how far the translation's length strays
 * from what the document's length model predicts for the source's. Comparing the best alignment
 * of every source sentence with the best that leaves one out tells how much the lengths say that
 * a sentence is gone.
 */

/** How the document's translation runs against its source: translated letters per source letter, and their spread. */
export interface LengthModel {
  ratio: number;
  /** Variance of (translated − ratio × source) per source letter. */
  variance: number;
  /** How often the translator joins two source sentences into one, and splits one into two (per source sentence). */
  merges: number;
  splits: number;
}

interface BeadShape {
  sources: number;
  translations: number;
  /** −log of how often translators write this shape (Gale & Church's counts, 1-1 the common case). */
  prior: number;
}

/**
 * The shapes of beads and how often each is written: joins and splits as often as this
 * document's translator makes them (a translator who joins sentences is not read as dropping
 * them), two to two as in Gale & Church's counts, three to one far rarer than two to one.
 */
function shapesOf(model: LengthModel): BeadShape[] {
  const shape = (sources: number, translations: number, p: number) => ({ sources, translations, prior: -Math.log(p) });
  const { merges, splits } = model;
  return [
    shape(1, 1, Math.max(0.5, 1 - merges - splits - 0.011)),
    shape(2, 1, merges),
    shape(1, 2, splits),
    shape(2, 2, 0.011),
    shape(3, 1, merges / 9),
    shape(1, 3, splits / 9),
  ];
}

/** A source sentence left without counterpart: about as rare as Gale & Church's 1-0 beads. */
export const DELETION_PRIOR = -Math.log(0.005);

export interface Bead {
  /** The first source and translated sentence of the bead, and how many of each. */
  source: number;
  sources: number;
  translation: number;
  translations: number;
}

export interface Alignment {
  /** −log likelihood of the best alignment. */
  cost: number;
  beads: Bead[];
}

const sum = (values: number[], from: number, count: number) => values.slice(from, from + count).reduce((a, b) => a + b, 0);

/** −log likelihood of `translated` letters rendering `source` letters, under the model. */
export function lengthCost(source: number, translated: number, model: LengthModel): number {
  const mean = model.ratio * source;
  const delta = (translated - mean) / Math.sqrt(Math.max(source, 1) * model.variance);
  return (delta * delta) / 2;
}

/** The best monotone alignment of two lists of sentence lengths, every sentence in a bead; none when no shape fits. */
export function alignSentences(source: number[], translation: number[], model: LengthModel): Alignment | undefined {
  const m = source.length;
  const n = translation.length;
  // cost[i][j]: the best alignment of the first i source and j translated sentences.
  const cost = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(Infinity));
  const back = Array.from({ length: m + 1 }, () => new Array<BeadShape | undefined>(n + 1));
  cost[0][0] = 0;
  const shapes = shapesOf(model);
  for (let i = 0; i <= m; i++) {
    for (let j = 0; j <= n; j++) {
      if (cost[i][j] === Infinity) continue;
      for (const shape of shapes) {
        const [i2, j2] = [i + shape.sources, j + shape.translations];
        if (i2 > m || j2 > n) continue;
        const next = cost[i][j] + shape.prior + lengthCost(sum(source, i, shape.sources), sum(translation, j, shape.translations), model);
        if (next < cost[i2][j2]) {
          cost[i2][j2] = next;
          back[i2][j2] = shape;
        }
      }
    }
  }
  if (cost[m][n] === Infinity) return undefined;
  const beads: Bead[] = [];
  for (let [i, j] = [m, n]; i > 0 || j > 0; ) {
    const shape = back[i][j]!;
    [i, j] = [i - shape.sources, j - shape.translations];
    beads.unshift({ source: i, sources: shape.sources, translation: j, translations: shape.translations });
  }
  return { cost: cost[m][n], beads };
}
