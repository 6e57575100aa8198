/** Bounded concurrency: file I/O over ~27,000 files must not open them all at once. */

export const IO_CONCURRENCY = 64;

/**
 * Runs `fn` over every item with at most `limit` calls in flight; results keep input order.
 * On the first failure no new calls start; the error is rethrown once in-flight calls settle.
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (!failure && next < items.length) {
      const i = next++;
      try {
        results[i] = await fn(items[i]!, i);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw failure.error;
  return results;
}
