import { Worker } from "node:worker_threads";

export interface PoolOptions<Init, Item, Out> {
  /** The worker module; it receives `init` as `workerData` and answers each `{ id, item }` with `{ id, out }`. */
  workerUrl: URL;
  init: Init;
  items: Item[];
  /** Bigger items are handed out first, so that no thread is left with a large file at the end. */
  weight: (item: Item) => number;
  concurrency: number;
  /** Called once per item, in the items' order, as soon as every earlier item is done. */
  onResult: (index: number, out: Out) => void;
}

export interface WorkerRequest<Item> {
  id: number;
  item: Item;
}

export type WorkerReply<Out> = { id: number; out: Out } | { id: number; error: string };

/**
 * Spreads items over worker threads, largest first, and hands results back in a stable order.
 * A worker that dies fails the run with its error rather than hanging it.
 */
export function mapInWorkers<Init, Item, Out>(options: PoolOptions<Init, Item, Out>): Promise<void> {
  const { items } = options;
  const order = items.map((_, i) => i).sort((a, b) => options.weight(items[b]) - options.weight(items[a]));
  const done = new Map<number, Out>();
  let nextToEmit = 0;
  let nextToSend = 0;
  let finished = 0;
  const threads = Math.max(1, Math.min(options.concurrency, items.length));

  return new Promise((resolve, reject) => {
    if (items.length === 0) {
      resolve();
      return;
    }
    const workers: Worker[] = [];
    let failed = false;
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      for (const w of workers) void w.terminate();
      reject(error);
    };
    const send = (worker: Worker) => {
      if (nextToSend >= order.length) return;
      const id = order[nextToSend++];
      worker.postMessage({ id, item: items[id] } satisfies WorkerRequest<Item>);
    };
    for (let t = 0; t < threads; t++) {
      const worker = new Worker(options.workerUrl, { workerData: options.init });
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
        } else send(worker);
      });
      worker.on("error", (error) => fail(error));
      worker.on("exit", (code) => {
        if (finished < items.length && !failed) fail(new Error(`a worker thread stopped (exit code ${code})`));
      });
      // Two items in flight per thread keep it busy while the next answer travels back.
      send(worker);
      send(worker);
    }
  });
}
