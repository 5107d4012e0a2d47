import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Schedule } from "../src/node/workers/schedule.js";

/** Runs a schedule the way the pool does, the threads taking turns; returns what each took. */
function drain(schedule: Schedule, threads: number, turns: (step: number) => number = (step) => step % threads): number[][] {
  const taken: number[][] = Array.from({ length: threads }, () => []);
  let dry = 0;
  for (let step = 0; dry < threads; step++) {
    const thread = turns(step);
    const item = schedule.next(thread);
    if (item === undefined) dry++;
    else taken[thread].push(item);
  }
  return taken;
}

describe("Schedule", () => {
  it("keeps each language to one thread when the loads balance", () => {
    // Two Portuguese pages, two French ones, of equal size: one language per thread.
    const keys = ["pt", "fr", "pt", "fr"];
    const taken = drain(new Schedule([10, 10, 10, 10], keys, 2), 2);
    for (const items of taken) expect(new Set(items.map((i) => keys[i])).size).toBe(1);
    expect(taken.flat().sort()).toEqual([0, 1, 2, 3]);
  });

  it("lets an idle thread take another language's smallest items rather than wait", () => {
    // Everything is Portuguese: the second thread has no queue of its own and helps from the end.
    const taken = drain(new Schedule([50, 40, 30, 20, 10], ["pt", "pt", "pt", "pt", "pt"], 2), 2);
    expect(taken[0][0]).toBe(0);
    expect(taken[1][0]).toBe(4);
    expect(taken.flat().sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it("hands out a thread's own items largest first", () => {
    const taken = drain(new Schedule([5, 30, 20, 1], [undefined, undefined, undefined, undefined], 1), 1);
    expect(taken[0]).toEqual([1, 2, 0, 3]);
  });

  it("hands out every item exactly once, whatever the weights, keys and turns", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(1000), fc.option(fc.constantFrom("en", "pt", "fr", "ja"), { nil: undefined })), { maxLength: 60 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 20 }),
        (items, threads, turnSeeds) => {
          const schedule = new Schedule(
            items.map(([weight]) => weight),
            items.map(([, key]) => key),
            threads,
          );
          const taken = drain(schedule, threads, (step) => turnSeeds[step % turnSeeds.length] % threads);
          expect(taken.flat().sort((a, b) => a - b)).toEqual(items.map((_, i) => i));
        },
      ),
    );
  });
});
