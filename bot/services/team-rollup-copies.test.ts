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
