/**
 * Runs async work over a list with `workers.length` at once, each worker (e.g. a browser tab) taking the next item:
 * a 2-core machine copes with 3 tabs, not 80.
 */
export async function eachWithWorkers<T, W>(
  items: readonly T[],
  workers: readonly W[],
  work: (item: T, worker: W, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const run = async (worker: W) => {
    while (next < items.length) {
      const index = next++;
      await work(items[index]!, worker, index);
    }
  };
  await Promise.all(workers.map(run));
}
