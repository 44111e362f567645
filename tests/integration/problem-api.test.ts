import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_PEOPLE, DEMO_TEAM } from '../../bot/demo/demo-team.js';
import { seedDemoData } from '../../bot/demo/seed-demo-data.js';
import { asDemoPerson } from '../../bot/testing/requests.js';
import { startTestService, type RunningTestService } from '../../bot/testing/test-service.js';
import { fieldsOf, problemOf } from '../support/problem.js';

const [alex, megan] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!];
const team = `/teams/${encodeURIComponent(DEMO_TEAM.id)}`;
const elsewhere = `/teams/${encodeURIComponent('19:a-team-nobody-here-is-in@thread.tacv2')}`;

describe('API failures as problem documents, and the team loaded once (Azurite)', () => {
  let service: RunningTestService;
  const call = (method: string, path: string, userId: string, body?: string) =>
    fetch(`${service.baseUrl}/api/v1${path}`, { method, headers: asDemoPerson(userId), ...(body === undefined ? {} : { body }) });

  beforeAll(async () => {
    service = await startTestService();
    await seedDemoData({ ...service, now: new Date() });
  }, 60_000);
  afterAll(() => service?.stop());
  afterEach(() => vi.restoreAllMocks());

  it('answers an unknown route, a malformed body, a body too large and a missing identity as problems', async () => {
    const unknown = await call('GET', '/no/such/route', alex.userId);
    expect(unknown.status).toBe(404);
    expect((await problemOf(unknown)).code).toBe('not_found');

    const malformed = await call('PUT', '/me/settings', alex.userId, '{"paused":');
    expect(malformed.status).toBe(400);
    expect((await problemOf(malformed)).code).toBe('bad_request');

    const tooLarge = await call('PUT', '/me/settings', alex.userId, JSON.stringify({ timeZone: 'x'.repeat(70 * 1024) }));
    expect(tooLarge.status).toBe(413);
    expect((await problemOf(tooLarge)).code).toBe('too_large');

    const anonymous = await fetch(`${service.baseUrl}/api/v1/me`);
    expect(anonymous.status).toBe(401);
    expect((await problemOf(anonymous)).code).toBe('unauthenticated');

    const badCursor = await call('GET', '/me/entries?cursor=not-a-cursor-we-issued', alex.userId);
    expect(badCursor.status).toBe(400);
    expect((await problemOf(badCursor)).code).toBe('invalid_cursor');
  });

  it('names each field of a refused body in errors', async () => {
    const zone = await call('PUT', '/me/settings', megan.userId, JSON.stringify({ timeZone: 'Mars/Olympus_Mons', paused: 'yes' }));
    expect(zone.status).toBe(400);
    expect(fieldsOf(await problemOf(zone))).toEqual(['paused', 'timeZone']);

    const unasked = await call('PUT', '/me/settings', megan.userId, JSON.stringify({ colour: 'teal' }));
    expect(fieldsOf(await problemOf(unasked))).toEqual(['colour']);

    const nudge = await call('POST', `${team}/members/${megan.userId}/nudges`, alex.userId, JSON.stringify({ note: 'x'.repeat(5000) }));
    expect(nudge.status).toBe(400);
    const problem = await problemOf(nudge);
    expect(problem.errors).toEqual([{ field: 'note', message: expect.stringMatching(/too long/) }]);

    const schedule = await call('PUT', `${team}/settings`, alex.userId, JSON.stringify({ cadence: 'hourly' }));
    expect(schedule.status).toBe(400);
    const scheduleProblem = await problemOf(schedule);
    expect(scheduleProblem.code).toBe('invalid_settings');
    expect(fieldsOf(scheduleProblem)).toEqual(expect.arrayContaining(['cadence', 'localTime', 'sharesChannelId', 'timeZone', 'weekday']));
  });

  it('checks membership before anything else: an outsider learns nothing, not even what is wrong with their body', async () => {
    const outsider = await call('POST', `${elsewhere}/members/${megan.userId}/nudges`, alex.userId, JSON.stringify({ note: 5 }));
    expect(outsider.status).toBe(403);
    expect((await problemOf(outsider)).code).toBe('forbidden');
  });

  it('refuses a team id whose key would pass Table Storage’s 1 KiB, naming it', async () => {
    const long = encodeURIComponent('中'.repeat(200));
    for (const [method, path] of [
      ['GET', `/teams/${long}/dashboard`],
      ['GET', `/teams/${long}/settings`],
      ['PUT', `/me/recommendations/${long}/rec-0000001`],
    ] as const) {
      const res = await call(method, path, alex.userId, method === 'PUT' ? JSON.stringify({ done: true }) : undefined);
      expect(res.status, path).toBe(400);
      expect(JSON.stringify((await problemOf(res)).errors), path).toContain('longer than 200 bytes');
    }
  });

  it('refuses an outsider the dashboard from the one read that serves it', async () => {
    const access = vi.spyOn(service.services.teams, 'settingsFor');
    const dashboard = await call('GET', `${elsewhere}/dashboard?weeks=12`, alex.userId);
    expect(dashboard.status).toBe(403);
    expect((await problemOf(dashboard)).code).toBe('forbidden');
    // No separate membership read in front of the dashboard: its own read of the team decides.
    expect(access).not.toHaveBeenCalled();
  });

  it('loads the team and the caller’s role once per request, however many steps the route takes', async () => {
    const access = vi.spyOn(service.services.teams, 'settingsFor');
    const settingsRead = vi.spyOn(service.stores.teams, 'accessOf');
    const settings = await call('GET', `${team}/settings`, megan.userId);
    expect(settings.status).toBe(200);
    expect(await settings.json()).toMatchObject({ role: 'member', settings: { teamId: DEMO_TEAM.id } });
    expect(access).toHaveBeenCalledTimes(1);
    expect(settingsRead).toHaveBeenCalledTimes(1);

    access.mockClear();
    // A route with a second path parameter still loads the team once, for the caller.
    const notes = await call('GET', `${team}/members/${megan.userId}/coaching`, alex.userId);
    expect(notes.status).toBe(200);
    expect(access).toHaveBeenCalledTimes(1);
    expect(access).toHaveBeenCalledWith(expect.objectContaining({ userId: alex.userId }), DEMO_TEAM.id);
  });
});
