import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, DEMO_TEAM, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import { seedDemoData } from '../../bot/demo/seed-demo-data.js';
import type { DashboardResponse, MyAudienceResponse, MySettings, MySummaryResponse } from '../../bot/contract/api.js';
import type { EntryPage } from '../../bot/store/entry-store.js';
import { startTestService, type RunningTestService } from '../../bot/testing/test-service.js';
import { fieldsOf, problemOf } from '../support/problem.js';

const [alex, megan] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!];
const now = new Date('2026-11-28T12:00:00Z');

describe('a learner’s own entries and settings through the API (Azurite)', () => {
  let service: RunningTestService;
  const call = (method: string, path: string, userId: string, body?: unknown) =>
    fetch(`${service.baseUrl}/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-local-tenant-id': DEMO_TENANT_ID, 'x-local-user-id': userId },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const entriesOf = async (userId: string) => ((await (await call('GET', '/me/entries?limit=100', userId)).json()) as EntryPage).entries;
  const meganOnDashboard = async () =>
    (
      (await (await call('GET', `/teams/${encodeURIComponent(DEMO_TEAM.id)}/dashboard?weeks=52`, alex.userId)).json()) as DashboardResponse
    ).members.find((m) => m.userId === megan.userId)!;

  beforeAll(async () => {
    service = await startTestService({}, { clock: () => now });
    await seedDemoData({ ...service, now });
  });
  afterAll(() => service.stop());

  it('edits an entry, and the team’s dashboard counts the new minutes', async () => {
    const [entry] = await entriesOf(megan.userId);
    const before = await meganOnDashboard();
    const res = await call('PATCH', `/me/entries/${entry!.id}`, megan.userId, { minutes: (entry!.minutes ?? 0) + 100, insight: null });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      entry: { id: entry!.id, minutes: (entry!.minutes ?? 0) + 100, insight: null, what: entry!.what },
    });
    expect((await entriesOf(megan.userId))[0]).toMatchObject({ id: entry!.id, minutes: (entry!.minutes ?? 0) + 100 });
    expect((await meganOnDashboard()).minutes).toBe(before.minutes + 100);
  });

  it('refuses a bad edit field by field and changes nothing', async () => {
    const [entry] = await entriesOf(megan.userId);
    const res = await call('PATCH', `/me/entries/${entry!.id}`, megan.userId, { minutes: 5000, rating: 0, what: 'Kept?' });
    expect(res.status).toBe(400);
    const problem = await problemOf(res);
    expect(problem.code).toBe('invalid_entry');
    expect(fieldsOf(problem)).toEqual(['minutes', 'rating']);
    expect((await entriesOf(megan.userId))[0]).toEqual(entry);
  });

  it('deletes an entry, and the dashboard no longer counts it', async () => {
    const entries = await entriesOf(megan.userId);
    const before = await meganOnDashboard();
    const target = entries[1]!;
    expect((await call('DELETE', `/me/entries/${target.id}`, megan.userId)).status).toBe(204);
    expect((await entriesOf(megan.userId)).map((e) => e.id)).not.toContain(target.id);
    const after = await meganOnDashboard();
    expect(after.entries).toBe(before.entries - 1);
    expect(after.minutes).toBe(before.minutes - (target.minutes ?? 0));
    expect((await call('DELETE', `/me/entries/${target.id}`, megan.userId)).status).toBe(404);
  });

  it('never lets one learner edit or delete another’s entry', async () => {
    const [entry] = await entriesOf(megan.userId);
    expect((await call('PATCH', `/me/entries/${entry!.id}`, alex.userId, { minutes: 1 })).status).toBe(404);
    expect((await call('DELETE', `/me/entries/${entry!.id}`, alex.userId)).status).toBe(404);
    expect((await entriesOf(megan.userId))[0]).toEqual(entry);
    expect((await call('DELETE', '/me/entries/not%20an%20id', alex.userId)).status).toBe(400);
  });

  it('sums this month’s learning in the learner’s own zone', async () => {
    const entries = await entriesOf(alex.userId);
    const thisMonth = entries.filter((e) => e.createdAt.startsWith('2026-11'));
    const summary = (await (await call('GET', '/me/summary', alex.userId)).json()) as MySummaryResponse;
    expect(summary).toMatchObject({
      month: '2026-11',
      entriesThisMonth: thisMonth.length,
      minutesThisMonth: thisMonth.reduce((n, e) => n + (e.minutes ?? 0), 0),
    });
    // The streak comes from the learner's check-in records; the dashboard works it out from the team's rollups. They agree.
    const onDashboard = (
      (await (await call('GET', `/teams/${encodeURIComponent(DEMO_TEAM.id)}/dashboard`, alex.userId)).json()) as DashboardResponse
    ).members.find((m) => m.userId === alex.userId)!;
    expect(summary.streak).toBeGreaterThan(0);
    expect(summary.streak).toBe(onDashboard.streak);
  });

  it('pauses, resumes and sets a time zone, refusing zones that do not exist', async () => {
    const paused = (await (await call('PUT', '/me/settings', alex.userId, { paused: true, timeZone: 'Asia/Tokyo' })).json()) as MySettings;
    expect(paused).toMatchObject({ paused: true, timeZone: 'Asia/Tokyo' });
    expect((await service.stores.users.get(DEMO_TENANT_ID, alex.userId))?.timeZone).toBe('Asia/Tokyo');
    const bad = await call('PUT', '/me/settings', alex.userId, { timeZone: 'Mars/Olympus' });
    expect(bad.status).toBe(400);
    expect((await problemOf(bad)).detail).toMatch(/time zone/);
    const resumed = (await (await call('PUT', '/me/settings', alex.userId, { paused: false, timeZone: null })).json()) as MySettings;
    expect(resumed).toEqual({ paused: false, pausedAt: null, timeZone: null });
    expect((await service.stores.users.get(DEMO_TENANT_ID, alex.userId))?.timeZone).toBe(alex.timeZone);
  });

  it('says who can see the learner’s entries: per team, its other leads and since when', async () => {
    const res = await call('GET', '/me/audience', megan.userId);
    expect(res.status).toBe(200);
    const { teams } = (await res.json()) as MyAudienceResponse;
    const joinedAt = (await service.stores.teams.getMember(DEMO_TENANT_ID, DEMO_TEAM.id, megan.userId))!.joinedAt;
    expect(teams).toEqual([
      { teamId: DEMO_TEAM.id, name: DEMO_TEAM.name, joinedAt, leads: [{ displayName: alex.displayName }], hasSharesChannel: true },
    ]);
    // A lead is not listed as seeing their own entries.
    const forAlex = (await (await call('GET', '/me/audience', alex.userId)).json()) as MyAudienceResponse;
    expect(forAlex.teams[0]!.leads.map((l) => l.displayName)).not.toContain(alex.displayName);
  });
});
