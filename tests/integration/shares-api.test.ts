import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, DEMO_TEAM, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import { seedDemoData } from '../../bot/demo/seed-demo-data.js';
import type { SharesResponse, TopResourcesResponse } from '../../bot/contract/api.js';
import { RANKING } from '../../bot/domain/resource-ranking.js';
import type { ShareOutcome } from '../../bot/services/sharing-service.js';
import { startTestService, type RunningTestService } from '../../bot/testing/test-service.js';
import { problemOf } from '../support/problem.js';

const [alex, megan, adele, isaiah] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!, DEMO_PEOPLE[2]!, DEMO_PEOPLE[3]!];
const otherTeam = '19:research-guild@thread.tacv2';
const outsider = { userId: 'a9000000-0000-4000-8000-000000000009', displayName: 'Olive Outsider' };
const now = new Date('2026-11-28T12:00:00Z');

describe('shares API: feed, top resources and votes (Azurite, demo data)', () => {
  let service: RunningTestService;
  const url = (path: string) => `${service.baseUrl}/api/v1${path}`;
  const as = (userId: string) => ({ 'x-local-tenant-id': DEMO_TENANT_ID, 'x-local-user-id': userId, 'content-type': 'application/json' });
  const team = (id: string = DEMO_TEAM.id) => `/teams/${encodeURIComponent(id)}`;
  const vote = (userId: string, shareId: string, body: unknown, teamId: string = DEMO_TEAM.id) =>
    fetch(url(`${team(teamId)}/shares/${shareId}/my-vote`), { method: 'PUT', headers: as(userId), body: JSON.stringify(body) });

  beforeAll(async () => {
    service = await startTestService(
      {},
      { clock: () => now, sharePublisher: { post: async () => undefined, update: async () => true, tellPerson: async () => true } },
    );
    await seedDemoData({ ...service, now });
    await service.services.people.noteSeen({
      tenantId: DEMO_TENANT_ID,
      userId: outsider.userId,
      displayName: outsider.displayName,
      teamsUserId: '29:outsider',
    });
    // A second team in the organisation, where Megan shares a resource three colleagues rate highly.
    await service.stores.teams.createSettingsIfAbsent({
      tenantId: DEMO_TENANT_ID,
      teamId: otherTeam,
      name: 'Research guild',
      schedule: null,
      sharesChannelId: '19:guild-shares@thread.tacv2',
      updatedBy: null,
      updatedAt: now.toISOString(),
    });
    for (const p of [megan, adele, isaiah, outsider]) {
      await service.stores.teams.upsertMember({
        tenantId: DEMO_TENANT_ID,
        teamId: otherTeam,
        userId: p.userId,
        teamsUserId: `29:${p.userId}`,
        displayName: p.displayName,
        role: 'member',
        joinedAt: now.toISOString(),
      });
    }
    const saved = await service.services.checkIns.submit(
      { tenantId: DEMO_TENANT_ID, userId: megan.userId },
      {
        cardId: 'guild-entry-0001',
        what: 'Research ops handbook',
        sourceType: 'book',
        link: 'https://research.example/handbook/',
        rating: '5',
      },
    );
    if (saved.status !== 'saved') throw new Error('the guild entry should save');
    const shared: ShareOutcome = await service.services.sharing.shareEntry(
      { tenantId: DEMO_TENANT_ID, userId: megan.userId },
      saved.entry,
      otherTeam,
      ['link'],
    );
    expect(shared.status).toBe('shared');
    for (const p of [adele, isaiah, outsider])
      expect((await vote(p.userId, 'guild-entry-0001', { rating: 5, saved: true }, otherTeam)).status).toBe(200);
  }, 60_000);
  afterAll(() => service.stop());

  it('gives members the team’s feed, newest first or most helpful first, without withdrawn shares', async () => {
    const newest = (await (await fetch(url(`${team()}/shares`), { headers: as(megan.userId) })).json()) as SharesResponse;
    expect(newest.sort).toBe('newest');
    expect(newest.shares.length).toBeGreaterThan(3);
    const times = newest.shares.map((s) => s.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    const helpful = (await (await fetch(url(`${team()}/shares?sort=helpful`), { headers: as(megan.userId) })).json()) as SharesResponse;
    const counts = helpful.shares.map((s) => s.helpful);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(newest.shares.filter((s) => s.sharedByMe).every((s) => s.sharerName === megan.displayName)).toBe(true);
  });

  it('ranks top-rated resources by damped average among those with enough ratings, for the team and for the organisation', async () => {
    const teamList = (await (await fetch(url(`${team()}/resources`), { headers: as(alex.userId) })).json()) as TopResourcesResponse;
    expect(teamList.scope).toBe('team');
    expect(teamList.ranking).toContain(`at least ${RANKING.minRatings} ratings`);
    expect(teamList.topRated.every((r) => r.ratingCount >= RANKING.minRatings)).toBe(true);
    const scores = teamList.topRated.map((r) => r.score ?? 0);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(teamList.topRated.map((r) => r.title)).not.toContain('Research ops handbook');

    const organisationList = async () =>
      (await (await fetch(url(`${team()}/resources?scope=organisation`), { headers: as(alex.userId) })).json()) as TopResourcesResponse;
    // The organisation's lists are ranked by the figures job: until its first pass, they are being prepared.
    expect(await organisationList()).toMatchObject({ scope: 'organisation', preparing: true, topRated: [], mostSaved: [] });
    await service.orgFigures.runTenant(DEMO_TENANT_ID);
    const organisation = await organisationList();
    expect(organisation.asOf).toBe(now.toISOString());
    const handbook = organisation.topRated.find((r) => r.title === 'Research ops handbook');
    expect(handbook).toMatchObject({ averageRating: 5, ratingCount: 4, saves: 3, link: 'https://research.example/handbook/' });
    expect(organisation.mostSaved[0]?.saves).toBeGreaterThanOrEqual(3);
  });

  it('answers a bad query or body with a 400 that names what is wrong, and changes nothing', async () => {
    const feed = (await (await fetch(url(`${team()}/shares`), { headers: as(megan.userId) })).json()) as SharesResponse;
    const target = feed.shares.find((s) => !s.sharedByMe)!;
    const cases: Array<[string, RequestInit & { path: string }]> = [
      ['sort', { path: `${team()}/shares?sort=loudest` }],
      ['unknown query', { path: `${team()}/shares?sort=newest&$filter=true` }],
      ['scope', { path: `${team()}/resources?scope=galaxy` }],
      ['empty vote', { path: `${team()}/shares/${target.shareId}/my-vote`, method: 'PUT', body: '{}' }],
      ['rating', { path: `${team()}/shares/${target.shareId}/my-vote`, method: 'PUT', body: JSON.stringify({ rating: 7 }) }],
      ['helpful type', { path: `${team()}/shares/${target.shareId}/my-vote`, method: 'PUT', body: JSON.stringify({ helpful: 'yes' }) }],
      [
        'extra field',
        { path: `${team()}/shares/${target.shareId}/my-vote`, method: 'PUT', body: JSON.stringify({ helpful: true, count: 100 }) },
      ],
      [
        'share id',
        { path: `${team()}/shares/${encodeURIComponent("x' or 1 eq 1")}/my-vote`, method: 'PUT', body: JSON.stringify({ helpful: true }) },
      ],
    ];
    for (const [name, { path, ...init }] of cases) {
      const res = await fetch(url(path), { ...init, headers: as(megan.userId) });
      expect(res.status, name).toBe(400);
      expect((await problemOf(res)).detail, name).toMatch(/^Invalid /);
    }
    const after = (await (await fetch(url(`${team()}/shares`), { headers: as(megan.userId) })).json()) as SharesResponse;
    expect(after.shares.find((s) => s.shareId === target.shareId)).toEqual(target);
  });

  it('keeps each team’s shares to its members (403), and says 404 for a share that is not there', async () => {
    for (const path of [`${team()}/shares`, `${team()}/resources`])
      expect((await fetch(url(path), { headers: as(outsider.userId) })).status).toBe(403);
    const feed = (await (await fetch(url(`${team()}/shares`), { headers: as(alex.userId) })).json()) as SharesResponse;
    expect((await vote(outsider.userId, feed.shares[0]!.shareId, { helpful: true })).status).toBe(403);
    // The share exists, but in another team than the one named: not reachable through this one.
    expect((await vote(alex.userId, 'guild-entry-0001', { helpful: true })).status).toBe(404);
    const own = feed.shares.find((s) => s.sharedByMe)!;
    const refused = await vote(alex.userId, own.shareId, { helpful: true });
    expect(refused.status).toBe(422);
  });
});
