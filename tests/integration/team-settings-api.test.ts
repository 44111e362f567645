import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import { startTestService, type RunningTestService } from '../../bot/testing/test-service.js';
import { fieldsOf, problemOf } from '../support/problem.js';

const teamId = '19:api-team@thread.tacv2';
const [lead, member, outsider] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!, DEMO_PEOPLE[2]!];
const headers = (userId: string, tenantId = DEMO_TENANT_ID) => ({
  'content-type': 'application/json',
  'x-local-tenant-id': tenantId,
  'x-local-user-id': userId,
});
const settings = {
  cadence: 'weekly',
  weekday: 4,
  localTime: '15:30',
  timeZone: 'Europe/Paris',
  reminderAfterHours: 12,
  sharesChannelId: '19:s@thread.tacv2',
};

describe('team settings API (Azurite)', () => {
  let service: RunningTestService;
  const call = (method: string, userId: string, body?: unknown, tenantId?: string) =>
    fetch(`${service.baseUrl}/api/v1/teams/${encodeURIComponent(teamId)}/settings`, {
      method,
      headers: headers(userId, tenantId),
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  beforeAll(async () => {
    service = await startTestService();
    for (const p of [lead, member, outsider]) {
      await service.stores.users.upsert({
        tenantId: DEMO_TENANT_ID,
        userId: p.userId,
        displayName: p.displayName,
        updatedAt: new Date().toISOString(),
      });
    }
    const now = new Date().toISOString();
    await service.stores.teams.createSettingsIfAbsent({
      tenantId: DEMO_TENANT_ID,
      teamId,
      name: 'API team',
      schedule: null,
      sharesChannelId: null,
      updatedBy: null,
      updatedAt: now,
    });
    await service.stores.teams.upsertMember({
      tenantId: DEMO_TENANT_ID,
      teamId,
      userId: lead.userId,
      teamsUserId: lead.teamsUserId,
      displayName: lead.displayName,
      role: 'lead',
      joinedAt: now,
    });
    await service.stores.teams.upsertMember({
      tenantId: DEMO_TENANT_ID,
      teamId,
      userId: member.userId,
      teamsUserId: member.teamsUserId,
      displayName: member.displayName,
      role: 'member',
      joinedAt: now,
    });
    // As the bot keeps them when Teams lists the team's channels (install, setup card).
    await service.stores.teams.replaceChannels(DEMO_TENANT_ID, teamId, [{ id: settings.sharesChannelId, name: 'Shares' }]);
  });
  afterAll(() => service.stop());

  it('lets a lead change the schedule and members read it', async () => {
    const put = await call('PUT', lead.userId, settings);
    expect(put.status).toBe(200);
    const read = await call('GET', member.userId);
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ role: 'member', settings: { schedule: { localTime: '15:30', timeZone: 'Europe/Paris' } } });
  });

  it('refuses members who are not leads and people outside the team', async () => {
    const byMember = await call('PUT', member.userId, { ...settings, localTime: '06:00' });
    expect(byMember.status).toBe(403);
    expect((await problemOf(byMember)).detail).toMatch(/leads/);
    expect((await call('GET', outsider.userId)).status).toBe(403);
    const after = (await (await call('GET', lead.userId)).json()) as { settings: { schedule: { localTime: string } } };
    expect(after.settings.schedule.localTime).toBe('15:30');
  });

  it('shows leads the roster with who has paused, and nobody else', async () => {
    await service.stores.users.setPaused(DEMO_TENANT_ID, member.userId, '2026-11-20T09:00:00.000Z');
    const url = `${service.baseUrl}/api/v1/teams/${encodeURIComponent(teamId)}/members`;
    const res = await fetch(url, { headers: headers(lead.userId) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { members: Array<{ userId: string; pausedAt: string | null; role: string }> };
    expect(body.members.find((m) => m.userId === member.userId)).toMatchObject({ pausedAt: '2026-11-20T09:00:00.000Z', role: 'member' });
    expect(body.members.find((m) => m.userId === lead.userId)).toMatchObject({ pausedAt: null, role: 'lead' });
    expect((await fetch(url, { headers: headers(member.userId) })).status).toBe(403);
  });

  it('answers a bad body with a 400 naming each problem, and keeps the old settings', async () => {
    const res = await call('PUT', lead.userId, { ...settings, weekday: 9, timeZone: 'Moon/Base' });
    expect(res.status).toBe(400);
    const problem = await problemOf(res);
    expect(fieldsOf(problem)).toEqual(['timeZone', 'weekday']);
    const after = (await (await call('GET', lead.userId)).json()) as { settings: { schedule: { weekday: number } } };
    expect(after.settings.schedule.weekday).toBe(4);
  });

  it('refuses a shares channel that is not one of the team’s with a 400 naming sharesChannelId, and keeps the old one', async () => {
    for (const elsewhere of ['19:another-teams-channel@thread.tacv2', 'a:1personal-chat', '29:someone', '19:s@thread.tacv2 ']) {
      const res = await call('PUT', lead.userId, { ...settings, localTime: '07:00', sharesChannelId: elsewhere });
      expect(res.status).toBe(400);
      const problem = await problemOf(res);
      expect(problem.code).toBe('invalid_settings');
      expect(fieldsOf(problem)).toEqual(['sharesChannelId']);
    }
    const after = (await (await call('GET', lead.userId)).json()) as {
      settings: { sharesChannelId: string; schedule: { localTime: string } };
    };
    expect(after.settings).toMatchObject({ sharesChannelId: settings.sharesChannelId, schedule: { localTime: '15:30' } });
    // The General channel, whose id is the team's, is always one of them.
    expect((await call('PUT', lead.userId, { ...settings, sharesChannelId: teamId })).status).toBe(200);
    expect((await call('PUT', lead.userId, settings)).status).toBe(200);
  });

  it('lists the team’s channels to its members, General first among them, and to nobody else', async () => {
    const channels = (userId: string) =>
      fetch(`${service.baseUrl}/api/v1/teams/${encodeURIComponent(teamId)}/channels`, { headers: headers(userId) });
    const res = await channels(member.userId);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      channels: [
        { id: teamId, name: 'General' },
        { id: settings.sharesChannelId, name: 'Shares' },
      ],
    });
    expect((await channels(outsider.userId)).status).toBe(403);
  });
});
