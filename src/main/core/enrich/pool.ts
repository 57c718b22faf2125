/**
 * Runs `work` over `items` with at most `concurrency` at once, starting them in the given order
 * (so the first items, the highest-priority ones, start first). Once `signal` aborts no new item
 * starts; the promise settles after every started item has, and rejects with the first error that
 * was not the abort itself.
 */
export async function runPool<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | null = null;
  const lane = async () => {
    while (next < items.length && !signal?.aborted && !failure) {
      const index = next++;
      try {
        await work(items[index]!, index);
      } catch (error) {
        if (!signal?.aborted) failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, lane));
  if (failure) throw (failure as { error: unknown }).error;
}
