/**
 * At most `concurrency` of the functions handed to the returned runner at once, started in the order
 * they were handed over. The batch parent runs one of these per document twice (hashing, then
 * parsing): p-queue did the same job with per-task events, a task map, a priority queue and a
 * timestamp, ~5–10 µs of the parent's CPU per task where this is ~2 (docs/speed-log.md, branch pool,
 * eleventh session).
 */
export type Runner = <T>(task: () => Promise<T>) => Promise<T>;

export function limitConcurrency(concurrency: number): Runner {
  if (!(concurrency >= 1)) throw new RangeError(`concurrency must be at least 1, not ${concurrency}`);
  let active = 0;
  // A queue read from `head` on: shift() on a long array moves every element each time.
  let waiting: (() => void)[] = [];
  let head = 0;
  const finished = (): void => {
    active--;
    if (head === waiting.length) return;
    const start = waiting[head];
    waiting[head++] = undefined as unknown as () => void;
    if (head === waiting.length) {
      waiting = [];
      head = 0;
    }
    start();
  };
  return <T>(task: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const start = (): void => {
        active++;
        let running: Promise<T>;
        try {
          running = task();
        } catch (err) {
          running = Promise.reject(err);
        }
        running.then(
          (value) => {
            resolve(value);
            finished();
          },
          (err: unknown) => {
            reject(err);
            finished();
          },
        );
      };
      if (active < concurrency) start();
      else waiting.push(start);
    });
}
