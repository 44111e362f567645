import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followThroughOfEntries } from '../domain/follow-through.js';
import { tallyOf } from '../domain/share.js';
import { rollupsFromRaw } from '../testing/rollup-reference.js';
import { startTestService, type RunningTestService } from '../testing/test-service.js';
import { DEMO_PEOPLE, DEMO_TEAM, DEMO_TENANT_ID } from './demo-team.js';
import { seedDemoData } from './seed-demo-data.js';

describe('seedDemoData (Azurite)', () => {
  const now = new Date('2026-11-28T12:00:00Z');
  let service: RunningTestService;
  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(() => service.stop());

  it('fills an empty store with the demo team, weeks of history with results of actions and the team’s rollups, once', async () => {
    const first = await seedDemoData({ ...service, now });
    expect(first).toMatchObject({ seeded: true, people: 6 });
    expect(first.entries).toBeGreaterThan(20);

    const people = await service.stores.users.listTenant(DEMO_TENANT_ID, 50);
    expect(people).toHaveLength(DEMO_PEOPLE.length);
    const team = await service.stores.teams.readTeam(DEMO_TENANT_ID, DEMO_TEAM.id);
    expect(team.settings?.schedule).toMatchObject({ cadence: 'weekly', weekday: 5, localTime: '16:00' });
    expect(team.members.filter((m) => m.role === 'lead').map((m) => m.displayName)).toEqual(['Alex Wilber']);

    let total = 0;
    for (const person of DEMO_PEOPLE) {
      const page = await service.stores.entries.listForUser(DEMO_TENANT_ID, person.userId, { limit: 100 });
      total += page.entries.length;
      for (const e of page.entries) expect(new Date(e.createdAt).getTime()).toBeLessThan(now.getTime());
    }
    expect(total).toBe(first.entries);

    const kept = await service.stores.rollups.listTeam(DEMO_TENANT_ID, DEMO_TEAM.id);
    const reference = await rollupsFromRaw(service.stores, DEMO_TENANT_ID, DEMO_TEAM.id, now);
    expect(byUser(kept)).toEqual(byUser(reference));
    const answers = reference.flatMap((r) => Object.values(r.cycles).map((c) => c.answer));
    // A believable team: most check-ins answered, some "nothing this week", some silence.
    expect(new Set(answers)).toEqual(new Set(['responded', 'nothing', 'noAnswer']));

    // Actions that came to something, some dropped, some still awaiting a result (a few of them due).
    const logs = await Promise.all(DEMO_PEOPLE.map((p) => service.stores.entries.listAll(DEMO_TENANT_ID, p.userId)));
    const figures = followThroughOfEntries(logs.flat(), now);
    expect(figures.results).toBeGreaterThanOrEqual(5);
    expect(figures.dropped).toBeGreaterThanOrEqual(1);
    expect(figures.awaiting).toBeGreaterThanOrEqual(3);
    expect(figures.due).toBeGreaterThan(figures.results + figures.dropped);
    expect(figures.medianDaysToResult).not.toBeNull();
    for (const e of logs.flat().filter((e) => e.actionAnswer)) expect(Date.parse(e.actionAnswer!.at)).toBeLessThan(now.getTime());

    // A feed worth reading: shares from several people, whose counters equal a recount of their votes.
    const shares = await service.stores.shares.listTeamShares(DEMO_TENANT_ID, DEMO_TEAM.id);
    expect(new Set(shares.map((s) => s.sharerId)).size).toBeGreaterThanOrEqual(3);
    for (const share of shares) {
      expect(tallyOf(await service.stores.shares.listShareVotes(DEMO_TENANT_ID, DEMO_TEAM.id, share.shareId))).toEqual(share.tally);
    }
    const top = await service.services.shareLists.topResources(
      { tenantId: DEMO_TENANT_ID, userId: DEMO_PEOPLE[0]!.userId },
      DEMO_TEAM.id,
      'team',
    );
    expect('topRated' in top && top.topRated.length).toBeGreaterThan(0);

    // One follow-up waiting longer than expected, one closed with a note.
    const alex = { tenantId: DEMO_TENANT_ID, userId: DEMO_PEOPLE[0]!.userId };
    const followUps = await service.services.followUps.listFor(alex, DEMO_TEAM.id);
    expect(followUps.open.map((f) => [f.learnerName, f.answer])).toEqual([['Isaiah Langer', 'need-help']]);
    expect(now.getTime() - Date.parse(followUps.open[0]!.openedAt)).toBeGreaterThan(followUps.expectedDays * 86_400_000);
    expect(followUps.closed.map((f) => [f.learnerName, f.closed?.note])).toEqual([
      ['Lynne Robbins', 'We talked: Lynne is taking the SQL course next.'],
    ]);

    expect(await seedDemoData({ ...service, now })).toEqual({ seeded: false, people: 0, entries: 0 });
    expect((await service.services.followUps.listFor(alex, DEMO_TEAM.id)).open).toHaveLength(1);
    expect(await service.stores.shares.listTeamShares(DEMO_TENANT_ID, DEMO_TEAM.id)).toHaveLength(shares.length);
  });
});

function byUser<T extends { userId: string }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => a.userId.localeCompare(b.userId));
}
