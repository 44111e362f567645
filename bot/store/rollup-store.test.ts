import { describe, expect, it } from 'vitest';
import type { MemberRollup } from '../domain/member-rollup.js';
import { freshTestStorage } from '../testing/test-storage.js';
import { RollupStore } from './rollup-store.js';

const rollup: MemberRollup = {
  userId: 'u1',
  paused: false,
  weeks: { '2026-W48': { entries: 2, minutes: 45, ratingSum: 9, ratingCount: 2, lastAt: Date.parse('2026-11-26T09:30:00.000Z'), sources: { article: 1, 'on-the-job': 1 } } },
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

  it('moves the team’s version with every change of a member’s rollup, and only then', async () => {
    const store = new RollupStore((await freshTestStorage()).tables.rollups);
    expect(await store.version('t', 'team')).toBeUndefined();
    await store.put('t', 'team', rollup, undefined);
    const first = await store.version('t', 'team');
    expect(first).toBeDefined();
    expect(await store.version('t', 'team')).toBe(first);
    const stale = (await store.get('t', 'team', 'u1'))!.etag;
    await store.put('t', 'team', { ...rollup, paused: true }, stale);
    const second = await store.version('t', 'team');
    expect(second).not.toBe(first);
    expect(await store.put('t', 'team', rollup, stale)).toBe(false);
    expect(await store.version('t', 'team')).toBe(second);
    await store.put('t', 'team', { ...rollup, userId: 'u2' }, undefined);
    const read = await store.readTeam('t', 'team');
    expect(read.version).not.toBe(second);
    expect(read.version).toBe(await store.version('t', 'team'));
    expect(read.rollups.map((r) => r.userId).sort()).toEqual(['u1', 'u2']);
  });
});
