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

/**
 * The slices an instance may take, in the order it tries them: free ones first (written free, or
 * never written), then those whose holder stopped renewing them a lease ago; each group shuffled,
 * so instances taking at once rarely reach for the same one.
 */
export function takeableSlices(
  sliceCount: number,
  rows: ReadonlyArray<{ index: number; holder: string; etag: string }>,
  heldHere: (index: number) => boolean,
  lapsed: (index: number) => boolean,
): Array<{ index: number; etag?: string }> {
  const byIndex = new Map(rows.map((row) => [row.index, row]));
  const free: Array<{ index: number; etag?: string }> = [];
  const stale: Array<{ index: number; etag: string }> = [];
  for (let index = 0; index < sliceCount; index++) {
    if (heldHere(index)) continue;
    const row = byIndex.get(index);
    if (!row) free.push({ index });
    else if (row.holder === '') free.push({ index, etag: row.etag });
    else if (lapsed(index)) stale.push({ index, etag: row.etag });
  }
  return [...shuffle(free), ...shuffle(stale)];
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
