/**
 * How many of a tenant's budget slices the instance `me` aims to hold: an even split between the
 * live instances sending to the tenant, the first ones by id taking one more when the slices do
 * not divide evenly. Every instance computing this from the same live set gets targets that add
 * up to exactly `sliceCount`, so together they use the whole budget and never want more.
 */
export function fairShare(sliceCount: number, liveIds: readonly string[], me: string): number {
  const ids = [...new Set([...liveIds, me])].sort();
  const rank = ids.indexOf(me);
  return Math.floor(sliceCount / ids.length) + (rank < sliceCount % ids.length ? 1 : 0);
}

/**
 * How long each row written by another instance has stood unchanged, as this instance saw it.
 * A holder renews its rows every few hundred milliseconds, so a row whose ETag has not changed
 * for a lease's length belongs to an instance that has stopped. Measured from when this instance
 * first saw the ETag (never from a time written in the row), so instances' clocks need not agree:
 * the holder stopped using the row a lease after it sent the write, which was before it was seen.
 */
export class RowAges {
  private readonly seen = new Map<string, { etag: string; since: number }>();

  /** Records what a read (answered at `at`) found; rows it did not find are forgotten. */
  observe(rows: Iterable<{ key: string; etag: string }>, at: number): void {
    const found = new Set<string>();
    for (const row of rows) {
      found.add(row.key);
      const known = this.seen.get(row.key);
      if (known?.etag !== row.etag) this.seen.set(row.key, { etag: row.etag, since: at });
    }
    for (const key of [...this.seen.keys()]) if (!found.has(key)) this.seen.delete(key);
  }

  /** How long the row has been seen unchanged at `now`; 0 for a row not seen. */
  unchangedFor(key: string, now: number): number {
    const known = this.seen.get(key);
    return known ? now - known.since : 0;
  }
}
