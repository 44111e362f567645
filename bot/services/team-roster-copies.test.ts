import { describe, expect, it, vi } from 'vitest';
import { TeamStore } from '../store/team-store.js';
import { freshTestStorage } from '../testing/test-storage.js';
import { TeamRosterCopies } from './team-roster-copies.js';

async function teamOf(userIds: readonly string[]): Promise<TeamStore> {
  const { tables } = await freshTestStorage();
  const store = new TeamStore(tables.teams, tables.memberships);
  for (const team of ['x', 'y'])
    for (const userId of userIds)
      await store.upsertMember({
        tenantId: 't',
        teamId: team,
        userId,
        teamsUserId: `29:${userId}`,
        displayName: `Person ${userId}`,
        role: userId === 'a' ? 'lead' : 'member',
        joinedAt: '2026-01-05T09:00:00.000Z',
      });
  return store;
}

const kept = async (copies: TeamRosterCopies, teamId: string) => {
  const read = await copies.read('t', teamId);
  read.keep();
  return read.team;
};
const names = (team: { members: readonly { userId: string; role: string }[] }) => team.members.map((m) => `${m.userId}:${m.role}`).sort();

describe('TeamRosterCopies (Azurite)', () => {
  it('reads a held team’s stamp alone while nothing changed, and the rows again once a member joined, changed or left', async () => {
    const store = await teamOf(['a', 'b', 'c']);
    const copies = new TeamRosterCopies(store);
    const rows = vi.spyOn(store, 'readTeam');
    const stamps = vi.spyOn(store, 'readStamp');
    expect(names(await kept(copies, 'x'))).toEqual(['a:lead', 'b:member', 'c:member']);
    expect(names(await kept(copies, 'x'))).toEqual(['a:lead', 'b:member', 'c:member']);
    expect([rows.mock.calls.length, stamps.mock.calls.length]).toEqual([1, 1]);

    await store.setRole('t', 'x', 'b', 'lead');
    expect(names(await kept(copies, 'x'))).toEqual(['a:lead', 'b:lead', 'c:member']);
    // Erased or gone: the copy that named them is dropped at the next read.
    await store.removeMember('t', 'x', 'c');
    expect(names(await kept(copies, 'x'))).toEqual(['a:lead', 'b:lead']);
    expect(rows.mock.calls.length).toBe(3);
    // The stamp a held copy is checked against is the one a full read answers.
    expect(await store.readStamp('t', 'x')).toBe((await store.readTeam('t', 'x')).stamp);
  });

  it('holds nothing for a team until its reader is let in, and no more teams or bytes than it may', async () => {
    const store = await teamOf(['a', 'b']);
    const copies = new TeamRosterCopies(store);
    await copies.read('t', 'x');
    expect(copies.held).toMatchObject({ entries: 0, bytes: 0 });
    const oneTeam = (await kept(copies, 'x')) && copies.held.bytes;
    expect(oneTeam).toBeGreaterThan(0);

    const small = new TeamRosterCopies(store, { maxTeams: 10, maxBytes: Math.ceil(oneTeam * 1.5) });
    await kept(small, 'x');
    await kept(small, 'y'); // two teams are over the budget: x is dropped
    expect(small.held).toEqual({ entries: 1, bytes: oneTeam, maxEntries: 10, maxBytes: Math.ceil(oneTeam * 1.5) });
    const rows = vi.spyOn(store, 'readTeam');
    await kept(small, 'y');
    await kept(small, 'x');
    expect(rows.mock.calls.map((c) => c[1])).toEqual(['x']);
  });
});
