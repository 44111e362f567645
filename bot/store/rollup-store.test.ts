import { describe, expect, it } from 'vitest';
import type { MemberRollup } from '../domain/member-rollup.js';
import { freshTestStorage } from '../testing/test-storage.js';
import { RollupStore } from './rollup-store.js';

const rollup: MemberRollup = {
  userId: 'u1',
  paused: false,
  goals: [{ what: 'Run a usability test, “on my own”', overdueAfter: Date.parse('2027-01-31T00:00:00.000Z'), behindTwice: true }],
  weeks: {
    '2026-W48': {
      entries: 2,
      minutes: 45,
      ratingSum: 9,
      ratingCount: 2,
      lastAt: Date.parse('2026-11-26T09:30:00.000Z'),
      sources: { article: 1, 'on-the-job': 1 },
      insights: 1,
      actions: 2,
    },
  },
  cycles: {
    '2026-W47': { answer: 'nothing', at: Date.parse('2026-11-20T17:00:00.000Z') },
    '2026-W48': { answer: 'noAnswer', at: Date.parse('2026-11-27T16:00:00.000Z') },
  },
};

describe('RollupStore (Azurite)', () => {
  it('round-trips a rollup exactly, and refuses writes that lost a race', async () => {
    const store = new RollupStore((await freshTestStorage()).tables.rollups);
    expect(await store.put('t', 'team', rollup, undefined)).toBe(true);
    expect(await store.put('t', 'team', rollup, undefined)).toBe(false); // created meanwhile
    const stored = (await store.get('t', 'team', 'u1'))!;
    expect(stored.rollup).toEqual(rollup);
    const changed = { ...rollup, paused: true };
    expect(await store.put('t', 'team', changed, stored.etag)).toBe(true);
    expect(await store.put('t', 'team', rollup, stored.etag)).toBe(false); // stale ETag
    expect((await store.get('t', 'team', 'u1'))!.rollup.paused).toBe(true);
  });

  it('lists only the rows written since a moment, with their ETags', async () => {
    const store = new RollupStore((await freshTestStorage()).tables.rollups);
    await store.put('t', 'team', rollup, undefined);
    const all = await store.changedSince('t', 'team', undefined);
    expect(all.map((r) => r.decode())).toEqual([rollup]);
    const after = new Date(all[0]!.writtenAt + 1);
    expect(await store.changedSince('t', 'team', after)).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await store.put('t', 'team', { ...rollup, userId: 'u2' }, undefined);
    expect((await store.changedSince('t', 'team', after)).map((r) => r.userId)).toEqual(['u2']);
  });

  it('says when storage answered a read, by its own clock to the second, not before the rows it sent were written', async () => {
    const store = new RollupStore((await freshTestStorage()).tables.rollups);
    await store.put('t', 'team', rollup, undefined);
    const read = await store.readSince('t', 'team', undefined);
    const written = read.rows[0]!.writtenAt;
    expect(read.answeredAt).toBeDefined();
    expect(read.answeredAt! % 1000).toBe(0);
    // Rounded down to the second: no earlier than the second the row was written in.
    expect(read.answeredAt!).toBeGreaterThanOrEqual(written - (written % 1000));
  });
});

describe('RollupStore, reading what an earlier version wrote', () => {
  it('reads a week cell written before insights and actions were counted as none of either', async () => {
    const { tables } = await freshTestStorage();
    await tables.rollups.createEntity({
      partitionKey: 't|team',
      rowKey: 'm|u1',
      userId: 'u1',
      cells: '2026-W48,2,45,9,2,mhx0000,a1o1,r,mhx0001',
      paused: false,
    });
    const stored = await new RollupStore(tables.rollups).get('t', 'team', 'u1');
    expect(stored?.rollup.weeks['2026-W48']).toMatchObject({ entries: 2, minutes: 45, insights: 0, actions: 0 });
    expect(stored?.rollup.cycles['2026-W48']?.answer).toBe('responded');
    expect(stored?.rollup.goals).toEqual([]);
  });
});
