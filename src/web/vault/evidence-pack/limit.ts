// A few requests at a time: enough to keep the connection busy, few enough that the server and a phone on a
// weak signal are not swamped, and that the browser's own per-host limit (6 over HTTP/1.1) is never the queue.
export const FETCH_CONCURRENCY = 6;

/**
 * Runs `work` over every item with at most `limit` in flight, and returns the results in the items' order.
 * After the first failure (or an abort) no new work starts, and that failure is what the promise rejects with.
 */
export async function mapWithLimit<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
  signal?: AbortSignal,
): Promise<R[]> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError('limit must be a whole number of at least 1');
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      signal?.throwIfAborted();
      const index = next++;
      try {
        results[index] = await work(items[index]!, index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
