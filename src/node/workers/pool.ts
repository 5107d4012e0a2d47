import { setFlagsFromString } from "node:v8";
import { Worker } from "node:worker_threads";
import { Schedule } from "./schedule.js";

export interface PoolOptions<Init, Item, Out> {
  /** The worker module; it receives `init` as `workerData` and answers each `{ id, item }` with `{ id, out }`. */
  workerUrl: URL;
  init: Init;
  items: Item[];
  /** Bigger items are handed out first, so that no thread is left with a large file at the end. */
  weight: (item: Item) => number;
  /** Items with the same key (say, a language) are kept to one thread where the load allows. */
  key?: (item: Item) => string | undefined;
  concurrency: number;
  /** The most memory, in MB, each worker keeps for new objects before a collection moves them on. */
  youngGenerationMb?: number;
  /** Called once per item, in the items' order, as soon as every earlier item is done. */
  onResult: (index: number, out: Out) => void;
}

export interface WorkerRequest<Item> {
  id: number;
  item: Item;
}

export type WorkerReply<Out> = { id: number; out: Out } | { id: number; error: string };

/**
 * How far, in percent, V8 lets a heap grow past the data that survived its last full collection
 * before it collects again. By default it lets it grow up to four times: each lint thread's heap is
 * mostly garbage from parsing (events, tokens, trees of files already done), so two threads held
 * some 150 MB more than they used. Measured on react/pt-br with two threads, on a loaded machine:
 * peak memory 419 MB by default, 325-331 MB at 30%, 333 MB at 10%; CPU time 27.4 s by default,
 * 32.8-32.9 s at 30% (part of it the load's noise), 30.0 s at 10%. `--optimize-for-size` went to
 * 231 MB but cost 77% more CPU time.
 */
export const HEAP_GROWING_PERCENT = 30;

/** V8's flags are the process's: set once, before the first worker's heap is made, for every thread. */
let heapGrowthBounded = false;
function boundHeapGrowth(): void {
  if (heapGrowthBounded) return;
  heapGrowthBounded = true;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

/**
 * Spreads items over worker threads (see Schedule) and hands results back in a stable order.
 * A worker that dies fails the run with its error rather than hanging it.
 */
export function mapInWorkers<Init, Item, Out>(options: PoolOptions<Init, Item, Out>): Promise<void> {
  const { items } = options;
  const threads = Math.max(1, Math.min(options.concurrency, items.length));
  const schedule = new Schedule(
    items.map((item) => options.weight(item)),
    items.map((item) => options.key?.(item)),
    threads,
  );
  const done = new Map<number, Out>();
  let nextToEmit = 0;
  let finished = 0;

  return new Promise((resolve, reject) => {
    if (items.length === 0) {
      resolve();
      return;
    }
    boundHeapGrowth();
    const workers: Worker[] = [];
    let failed = false;
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      for (const w of workers) void w.terminate();
      reject(error);
    };
    const send = (worker: Worker, thread: number) => {
      const id = schedule.next(thread);
      if (id === undefined) return;
      worker.postMessage({ id, item: items[id] } satisfies WorkerRequest<Item>);
    };
    for (let t = 0; t < threads; t++) {
      const resourceLimits = options.youngGenerationMb ? { maxYoungGenerationSizeMb: options.youngGenerationMb } : undefined;
      const worker = new Worker(options.workerUrl, { workerData: options.init, resourceLimits });
      workers.push(worker);
      worker.on("message", (reply: WorkerReply<Out>) => {
        if ("error" in reply) {
          fail(new Error(reply.error));
          return;
        }
        done.set(reply.id, reply.out);
        finished++;
        while (done.has(nextToEmit)) {
          const out = done.get(nextToEmit)!;
          done.delete(nextToEmit);
          options.onResult(nextToEmit, out);
          nextToEmit++;
        }
        if (finished === items.length) {
          for (const w of workers) void w.terminate();
          resolve();
        } else send(worker, t);
      });
      worker.on("error", (error) => fail(error));
      worker.on("exit", (code) => {
        if (finished < items.length && !failed) fail(new Error(`a worker thread stopped (exit code ${code})`));
      });
      // Two items in flight per thread keep it busy while the next answer travels back.
      send(worker, t);
      send(worker, t);
    }
  });
}
