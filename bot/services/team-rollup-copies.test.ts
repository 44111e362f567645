import { describe, expect, it, vi } from 'vitest';
import { emptyRollup } from '../domain/member-rollup.js';
import { RollupStore } from '../store/rollup-store.js';
import { freshTestStorage } from '../testing/test-storage.js';
import { TeamRollupCopies } from './team-rollup-copies.js';

describe('TeamRollupCopies (Azurite)', () => {
  it('catches up with rows written since the last read, without reading the rest again', async () => {
    const store = new RollupStore((await freshTestStorage()).tables.rollups);
    for (const userId of ['a', 'b', 'c']) await store.put('t', 'team', emptyRollup(userId), undefined);
    const copies = new TeamRollupCopies(store);
    const read = vi.spyOn(store, 'changedSince');
    const first = await copies.current('t', 'team');
    expect(first.rollups.map((r) => r.userId).sort()).toEqual(['a', 'b', 'c']);
    // Read again at once: the rows within the margin come back unchanged, and nothing counts as new.
    expect((await copies.current('t', 'team')).generation).toBe(first.generation);

    const b = (await store.get('t', 'team', 'b'))!;
    await store.put('t', 'team', { ...b.rollup, paused: true }, b.etag);
    await store.put('t', 'team', emptyRollup('d'), undefined);
    const after = await copies.current('t', 'team');
    expect(after.generation).not.toBe(first.generation);
    expect(after.rollups.map((r) => [r.userId, r.paused]).sort()).toEqual([
      ['a', false],
      ['b', true],
      ['c', false],
      ['d', false],
    ]);
    expect(read.mock.calls[0]?.[2]).toBeUndefined();
    expect(read.mock.calls[2]?.[2]).toBeInstanceOf(Date);
  });

  it('forgets the least recently read teams beyond its row budget', async () => {
    const store = new RollupStore((await freshTestStorage()).tables.rollups);
    for (const team of ['x', 'y']) for (const userId of ['a', 'b']) await store.put('t', team, emptyRollup(userId), undefined);
    const copies = new TeamRollupCopies(store, 3);
    const read = vi.spyOn(store, 'changedSince');
    await copies.current('t', 'x');
    await copies.current('t', 'y'); // 4 rows held: x is dropped
    await copies.current('t', 'x');
    expect(read.mock.calls.map((c) => [c[1], c[2] === undefined])).toEqual([
      ['x', true],
      ['y', true],
      ['x', true],
    ]);
  });
});
