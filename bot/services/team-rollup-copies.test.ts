import { describe, expect, it, vi } from 'vitest';
import { emptyRollup, type MemberRollup } from '../domain/member-rollup.js';
import { RollupStore } from '../store/rollup-store.js';
import { freshTestStorage } from '../testing/test-storage.js';
import { ANSWERED_MARGIN_MS, TeamRollupCopies } from './team-rollup-copies.js';

describe('TeamRollupCopies (Azurite)', () => {
  it('catches up with rows written since the last read, without reading the rest again', async () => {
    const store = new RollupStore((await freshTestStorage()).tables.rollups);
    for (const userId of ['a', 'b', 'c']) await store.put('t', 'team', emptyRollup(userId), undefined);
    const copies = new TeamRollupCopies(store);
    const read = vi.spyOn(store, 'readSince');
    const first = await kept(copies, 'team');
    expect(first.rollups.map((r) => r.userId).sort()).toEqual(['a', 'b', 'c']);
    // Read again at once: the rows within the margin come back unchanged, and nothing counts as new.
    expect((await kept(copies, 'team')).generation).toBe(first.generation);

    const b = (await store.get('t', 'team', 'b'))!;
    await store.put('t', 'team', { ...b.rollup, paused: true }, b.etag);
    await store.put('t', 'team', emptyRollup('d'), undefined);
    const after = await kept(copies, 'team');
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

  it('stops reading a burst of rows again once storage answered well after it, and still sees the next write', async () => {
    // A stand-in store on a clock the test sets: three rows written in one burst, then reads later on.
    const t0 = Date.parse('2026-12-06T10:00:00Z');
    const rows = new Map<string, { stamp: number; rollup: MemberRollup }>();
    const write = (userId: string, stamp: number, paused = false) =>
      rows.set(userId, { stamp, rollup: { ...emptyRollup(userId), paused } });
    let storageNow = t0;
    const asked: (number | undefined)[] = [];
    const store = {
      readSince: async (_tenant: string, _team: string, since: Date | undefined) => {
        asked.push(since?.getTime());
        const sent = [...rows.values()].filter((r) => !since || r.stamp >= since.getTime());
        return {
          rows: sent.map((r) => ({ userId: r.rollup.userId, etag: String(r.stamp), writtenAt: r.stamp, decode: () => r.rollup })),
          answeredAt: storageNow - (storageNow % 1000),
        };
      },
    } as unknown as RollupStore;
    for (const [i, userId] of ['a', 'b', 'c'].entries()) write(userId, t0 + i * 10);
    const copies = new TeamRollupCopies(store);
    storageNow = t0 + 100;
    const first = await kept(copies, 'team');
    // Within the margin of the burst, the burst is asked for again (a write stamped in it may show late).
    storageNow = t0 + 1_000;
    await kept(copies, 'team');
    expect(asked[1]).toBeLessThanOrEqual(t0);
    // Long after it, storage's answer moves the next read past the burst: nothing is sent again.
    storageNow = t0 + ANSWERED_MARGIN_MS + 60_000;
    await kept(copies, 'team');
    const quiet = await kept(copies, 'team');
    expect(asked[3]).toBe(storageNow - ANSWERED_MARGIN_MS);
    expect(quiet.generation).toBe(first.generation);
    // A write stamped just before storage last answered, seen only now, is still caught.
    write('b', storageNow - ANSWERED_MARGIN_MS + 1, true);
    const after = await kept(copies, 'team');
    expect(after.generation).not.toBe(first.generation);
    expect(after.rollups.find((r) => r.userId === 'b')?.paused).toBe(true);
  });

  it('forgets the least recently read teams beyond its byte budget', async () => {
    const store = new RollupStore((await freshTestStorage()).tables.rollups);
    for (const team of ['x', 'y']) for (const userId of ['a', 'b']) await store.put('t', team, emptyRollup(userId), undefined);
    const oneTeam = (await kept(new TeamRollupCopies(store), 'x')) && new TeamRollupCopies(store);
    await kept(oneTeam, 'x');
    // Room for one team's two rows and a little more, not for two teams.
    const copies = new TeamRollupCopies(store, { maxBytes: Math.ceil(oneTeam.held.bytes * 1.5) });
    const read = vi.spyOn(store, 'readSince');
    await kept(copies, 'x');
    await kept(copies, 'y'); // two teams' rows are over the budget: x is dropped
    await kept(copies, 'x');
    expect(read.mock.calls.map((c) => [c[1], c[2] === undefined])).toEqual([
      ['x', true],
      ['y', true],
      ['x', true],
    ]);
    expect(copies.held.teams).toBe(1);
  });

  it('drops what every instance holds of a team once a member is erased from it', async () => {
    const store = new RollupStore((await freshTestStorage()).tables.rollups);
    for (const userId of ['a', 'b']) await store.put('t', 'team', { ...emptyRollup(userId), paused: true }, undefined);
    const [one, two] = [new TeamRollupCopies(store), new TeamRollupCopies(store)];
    for (const instance of [one, two]) expect((await kept(instance, 'team')).rollups).toHaveLength(2);
    await store.removeMemberEverywhere('t', 'b');
    for (const instance of [one, two]) expect((await kept(instance, 'team')).rollups.map((r) => r.userId)).toEqual(['a']);
    // A later read catches up as before: the mark makes nothing read twice once it is old.
    await store.put('t', 'team', emptyRollup('c'), undefined);
    expect((await kept(one, 'team')).rollups.map((r) => r.userId).sort()).toEqual(['a', 'c']);
  });

  it('holds nothing for a team until its reader is let in', async () => {
    const store = new RollupStore((await freshTestStorage()).tables.rollups);
    await store.put('t', 'team', emptyRollup('a'), undefined);
    const copies = new TeamRollupCopies(store);
    for (let i = 0; i < 50; i++) await copies.read('t', `no-such-team-${i}`);
    const refused = await copies.read('t', 'team');
    expect(refused.rollups).toHaveLength(1);
    expect(copies.held).toEqual({ teams: 0, bytes: 0 });
    refused.keep();
    expect(copies.held.teams).toBe(1);
    expect(copies.held.bytes).toBeGreaterThan(0);
  });
});

async function kept(copies: TeamRollupCopies, teamId: string) {
  const read = await copies.read('t', teamId);
  read.keep();
  return read;
}
