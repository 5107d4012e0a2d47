/**
 * The order in which worker threads take items. Items that share a key (a language: the same
 * dictionary) go to the same thread, so that a dictionary is loaded, and a word looked up or
 * given suggestions, in one thread rather than in all of them. Keys are dealt out largest first
 * to the least loaded thread; each thread takes its own items largest first, and a thread that
 * runs out takes the smallest items left to the busiest one, so that the run still ends together.
 */
export class Schedule {
  private readonly queues: number[][];
  private readonly left: number[];

  constructor(
    private readonly weights: number[],
    keys: (string | undefined)[],
    threads: number,
  ) {
    const byKey = new Map<string, number[]>();
    weights.forEach((_, item) => {
      const key = keys[item] ?? "";
      const list = byKey.get(key);
      if (list) list.push(item);
      else byKey.set(key, [item]);
    });
    const total = (items: number[]) => items.reduce((sum, item) => sum + weights[item], 0);
    const groups = [...byKey.values()].map((items) => ({ items, weight: total(items) })).sort((a, b) => b.weight - a.weight);
    this.queues = Array.from({ length: Math.max(1, threads) }, () => []);
    this.left = this.queues.map(() => 0);
    for (const group of groups) {
      const thread = this.left.indexOf(Math.min(...this.left));
      this.queues[thread].push(...group.items);
      this.left[thread] += group.weight;
    }
    // Largest first inside a queue; equal weights keep the items' own order.
    for (const queue of this.queues) queue.sort((a, b) => weights[b] - weights[a] || a - b);
  }

  /** The next item for `thread`, or undefined when every item has been handed out. */
  next(thread: number): number | undefined {
    const own = this.queues[thread];
    if (own.length > 0) return this.take(thread, own.shift()!);
    let busiest = -1;
    this.queues.forEach((queue, t) => {
      if (queue.length > 0 && (busiest < 0 || this.left[t] > this.left[busiest])) busiest = t;
    });
    return busiest < 0 ? undefined : this.take(busiest, this.queues[busiest].pop()!);
  }

  private take(thread: number, item: number): number {
    this.left[thread] -= this.weights[item];
    return item;
  }
}
