import { randomBytes } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { goalFlagsOf } from '../../bot/domain/member-rollup.js';
import { tallyOf } from '../../bot/domain/share.js';
import { storesOver } from '../../bot/service-stores.js';
import { ensureTables, tableClients } from '../../bot/store/table-clients.js';
import { rollupsFromRaw } from '../../bot/testing/rollup-reference.js';
import { generateTenant } from '../../bench/support/tenant-generator.js';

async function freshTables() {
  const storage = {
    kind: 'connectionString' as const,
    connectionString: inject('storageConnectionString'),
    tablePrefix: `g${randomBytes(5).toString('hex')}`,
  };
  await ensureTables(storage);
  return tableClients(storage);
}

describe('tenant generator', () => {
  it('writes through the stores what they read back: rollups equal a recomputation, tallies a recount', async () => {
    const tables = await freshTables();
    const now = new Date('2026-11-20T12:00:00Z');
    const tenant = await generateTenant(tables, { tenantId: 'gen-test', learners: 60, weeks: 12, seed: 3, now });
    const stores = storesOver(tables);

    expect(tenant.teams.length).toBeGreaterThanOrEqual(3);
    for (const teams of tenant.teamsOf.values()) expect(teams.length).toBeGreaterThanOrEqual(1);
    expect(tenant.teamsOf.size).toBe(60);
    expect(Math.max(...[...tenant.teamsOf.values()].map((t) => t.length))).toBeLessThanOrEqual(3);
    expect(tenant.counts.shares).toBeGreaterThan(0);

    let entries = 0;
    for (const userId of tenant.teamsOf.keys()) entries += (await stores.entries.listAll('gen-test', userId)).length;
    expect(entries).toBe(tenant.counts.entries);

    for (const team of tenant.teams) {
      const { members } = await stores.teams.readTeam('gen-test', team.teamId);
      expect(members.map((m) => m.userId).sort()).toEqual([...team.members].sort());
      expect(
        members
          .filter((m) => m.role === 'lead')
          .map((m) => m.userId)
          .sort(),
      ).toEqual([...team.leads].sort());

      const kept = await stores.rollups.listTeam('gen-test', team.teamId);
      const recomputed = await rollupsFromRaw(stores, 'gen-test', team.teamId, now);
      const withGoals = await Promise.all(
        recomputed.map(async (r) => {
          const profile = await stores.users.get('gen-test', r.userId);
          const goals = await stores.goals.listForUser('gen-test', r.userId);
          return { ...r, goals: goalFlagsOf(goals, now, profile?.timeZone ?? 'UTC') };
        }),
      );
      const byUser = <T extends { userId: string }>(xs: T[]) => [...xs].sort((a, b) => a.userId.localeCompare(b.userId));
      expect(byUser(kept)).toEqual(byUser(withGoals));

      for (const share of await stores.shares.listTeamShares('gen-test', team.teamId)) {
        const votes = await stores.shares.listShareVotes('gen-test', team.teamId, share.shareId);
        expect(share.tally).toEqual(tallyOf(votes));
        for (const v of votes.filter((x) => x.saved)) {
          expect((await stores.shares.listSaved('gen-test', v.userId)).map((p) => p.shareId)).toContain(share.shareId);
        }
      }
    }
  });

  it('writes one check-in a week for each learner, early on a Monday after the clocks changed', async () => {
    // Just after midnight on Monday 7 December 2026 in London; Europe and America left summer time in the weeks before.
    const now = new Date('2026-12-07T00:30:00Z');
    const tables = await freshTables();
    const stores = storesOver(tables);
    const tenant = await generateTenant(tables, { tenantId: 'gen-monday', learners: 20, weeks: 12, seed: 7, now });
    expect(tenant.counts.checkIns).toBe(20 * 12);
    for (const userId of tenant.teamsOf.keys()) {
      const sends = await stores.sends.listForLearner('gen-monday', userId);
      expect(new Set(sends.map((c) => c.cycle)).size).toBe(12);
      for (const c of sends) expect(Date.parse(c.dueAt)).toBeLessThan(now.getTime());
    }
  });

  it('writes the same tenant from the same seed', async () => {
    const now = new Date('2026-11-20T12:00:00Z');
    const options = { tenantId: 'gen-seed', learners: 30, weeks: 4, seed: 11, now };
    const a = await generateTenant(await freshTables(), options);
    const b = await generateTenant(await freshTables(), options);
    expect(b.counts).toEqual(a.counts);
    expect(b.teams).toEqual(a.teams);
    expect(b.written).toEqual(a.written);
    const c = await generateTenant(await freshTables(), { ...options, seed: 12 });
    expect(c.written.bytes).not.toBe(a.written.bytes);
  });

  it('without raw history writes the same teams, shares and rollups, and no entries or check-ins', async () => {
    const now = new Date('2026-11-20T12:00:00Z');
    const options = { tenantId: 'gen-raw', learners: 30, weeks: 6, seed: 5, now };
    const fullTables = await freshTables();
    const summaryTables = await freshTables();
    const full = await generateTenant(fullTables, options);
    const summary = await generateTenant(summaryTables, { ...options, rawWeeks: 0 });
    expect(summary.counts).toEqual({ ...full.counts, entries: 0, checkIns: 0 });
    expect(summary.written.byTable.entries).toBeUndefined();
    expect(summary.written.byTable.sends).toBeUndefined();
    for (const team of full.teams) {
      const [a, b] = await Promise.all([fullTables, summaryTables].map((t) => storesOver(t).rollups.listTeam('gen-raw', team.teamId)));
      expect(b).toEqual(a);
    }
  });
});
