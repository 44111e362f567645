import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardResponse } from '../../bot/contract/dashboard-view.js';
import type { LdSettingsResponse } from '../../bot/contract/ld-settings.js';
import { DEMO_PEOPLE, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import { startTestService, type RunningTestService } from '../../bot/testing/test-service.js';

const teamId = '19:never-set-up@thread.tacv2';
const sharesChannelId = '19:new-shares@thread.tacv2';
const [lead, member, admin] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!, DEMO_PEOPLE[4]!];

describe('L&D’s check-in cadence for new teams, as the tab’s schedule form reads it (Azurite)', () => {
  let service: RunningTestService;
  const api = (userId: string, method: string, path: string, body?: unknown, extra: Record<string, string> = {}) =>
    fetch(`${service.baseUrl}/api/v1${path}`, {
      method,
      headers: { 'x-local-tenant-id': DEMO_TENANT_ID, 'x-local-user-id': userId, 'content-type': 'application/json', ...extra },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const dashboardPath = `/teams/${encodeURIComponent(teamId)}/dashboard?weeks=4`;
  /** What the schedule form starts from: the dashboard's settings, as the caller is sent them. */
  const formData = async (userId: string) => {
    const res = await api(userId, 'GET', dashboardPath);
    expect(res.status).toBe(200);
    return { settings: ((await res.json()) as DashboardResponse).settings, etag: res.headers.get('etag') };
  };
  /** A GET with exactly the headers given (fetch adds Cache-Control: no-cache to one with If-None-Match). */
  const revalidate = (userId: string, etag: string) =>
    new Promise<{ status: number; body: DashboardResponse | undefined }>((resolve, reject) => {
      const headers = { 'x-local-tenant-id': DEMO_TENANT_ID, 'x-local-user-id': userId, 'if-none-match': etag };
      http
        .get(`${service.baseUrl}/api/v1${dashboardPath}`, { headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString();
            resolve({ status: res.statusCode!, body: text ? (JSON.parse(text) as DashboardResponse) : undefined });
          });
        })
        .on('error', reject);
    });
  const setLdCadence = async (defaultCadence: 'weekly' | 'biweekly') => {
    const res = await api(admin.userId, 'PUT', '/admin/settings', { followUpDays: 7, defaultCadence, flagResponseBelow: 50 });
    expect(res.status).toBe(200);
    expect(((await res.json()) as LdSettingsResponse).settings.defaultCadence).toBe(defaultCadence);
  };

  beforeAll(async () => {
    service = await startTestService({ ldAdmins: [{ tenantId: DEMO_TENANT_ID, userId: admin.userId }] });
    const now = new Date().toISOString();
    for (const p of [lead, member, admin]) {
      await service.stores.users.upsert({ tenantId: DEMO_TENANT_ID, userId: p.userId, displayName: p.displayName, updatedAt: now });
    }
    // A team as the bot keeps it when installed: no schedule until a lead sets one.
    await service.stores.teams.createSettingsIfAbsent({
      tenantId: DEMO_TENANT_ID,
      teamId,
      name: 'Never set up',
      schedule: null,
      sharesChannelId: null,
      updatedBy: null,
      updatedAt: now,
    });
    for (const [p, role] of [
      [lead, 'lead'],
      [member, 'member'],
    ] as const) {
      await service.stores.teams.upsertMember({
        tenantId: DEMO_TENANT_ID,
        teamId,
        userId: p.userId,
        teamsUserId: p.teamsUserId,
        displayName: p.displayName,
        role,
        joinedAt: now,
      });
    }
    await service.stores.teams.replaceChannels(DEMO_TENANT_ID, teamId, [{ id: sharesChannelId, name: 'Shares' }]);
  });
  afterAll(() => service.stop());

  it('gives a never set-up team’s leads the cadence L&D set, as it changes, and nobody else', async () => {
    // Before L&D saves anything, the default stands.
    const before = await formData(lead.userId);
    expect(before.settings).toMatchObject({ schedule: null, defaultCadence: 'weekly' });

    // Held while nothing changed…
    expect((await revalidate(lead.userId, before.etag!)).status).toBe(304);
    await setLdCadence('biweekly');
    // …but L&D's setting moved while the team's records did not: the held answer is not the answer.
    const after = await revalidate(lead.userId, before.etag!);
    expect(after.status).toBe(200);
    expect(after.body?.settings).toMatchObject({ schedule: null, defaultCadence: 'biweekly' });

    // Members do not edit the schedule: their view has no form to start.
    expect((await formData(member.userId)).settings).not.toHaveProperty('defaultCadence');
  });

  it('keeps a team its own cadence once a lead has set one, whatever L&D sets for new teams', async () => {
    await setLdCadence('biweekly');
    const saved = await api(lead.userId, 'PUT', `/teams/${encodeURIComponent(teamId)}/settings`, {
      cadence: 'weekly',
      weekday: 2,
      localTime: '09:00',
      timeZone: 'Europe/Madrid',
      reminderAfterHours: 24,
      sharesChannelId,
    });
    expect(saved.status).toBe(200);

    const own = await formData(lead.userId);
    expect(own.settings.schedule).toMatchObject({ cadence: 'weekly', weekday: 2 });
    expect(own.settings).not.toHaveProperty('defaultCadence');

    await setLdCadence('weekly');
    await setLdCadence('biweekly');
    const after = await formData(lead.userId);
    expect(after.settings.schedule?.cadence).toBe('weekly');
    expect(after.settings).not.toHaveProperty('defaultCadence');
  });
});
