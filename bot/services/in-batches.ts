/**
 * Works through items a batch at a time, each batch concurrently: at most `size` storage requests
 * in flight from one call, and the answers in the items' order. (Batches rather than a sliding
 * window: the callers' work items take about as long as each other, so little is lost, and the
 * order of side effects stays easy to reason about.)
 */
export async function inBatches<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) results.push(...(await Promise.all(items.slice(i, i + size).map(work))));
  return results;
}
