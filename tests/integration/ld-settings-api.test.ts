import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FollowUpsResponse } from '../../bot/contract/follow-up-rules.js';
import type { LdSettingsResponse, PeopleSearchResponse } from '../../bot/contract/ld-settings.js';
import type { ReportResponse } from '../../bot/contract/report.js';
import { DEMO_PEOPLE, DEMO_TEAM, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import { seedDemoData } from '../../bot/demo/seed-demo-data.js';
import { followUpReminderCycle } from '../../bot/domain/follow-up.js';
import { minuteKey } from '../../bot/store/due-index-store.js';
import type { AuditRecord } from '../../bot/store/audit-store.js';
import { startTestService, type RunningTestService } from '../../bot/testing/test-service.js';

const [alex, megan, adele, , patti] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!, DEMO_PEOPLE[2]!, DEMO_PEOPLE[3]!, DEMO_PEOPLE[4]!];
const now = new Date('2026-11-28T12:00:00Z');
const DAY = 86_400_000;
const OTHER_TENANT = 'b2000000-0000-4000-8000-000000000001';
const SOLO = 'b2000000-0000-4000-8000-0000000000a1';
const DEFAULTS = { followUpDays: 7, defaultCadence: 'weekly', flagResponseBelow: 50 };

describe('the L&D settings API (Azurite, demo data)', () => {
  let service: RunningTestService;
  const api = (userId: string, method: string, path: string, body?: unknown) =>
    fetch(`${service.baseUrl}/api/v1${path}`, {
      method,
      headers: { 'x-local-tenant-id': DEMO_TENANT_ID, 'x-local-user-id': userId, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const trail = async (): Promise<AuditRecord[]> => {
    const events: AuditRecord[] = [];
    for await (const e of service.stores.auditTrail.stream(DEMO_TENANT_ID, {})) events.push(e);
    return events;
  };

  beforeAll(async () => {
    // Patti is the admin the deployment names.
    service = await startTestService({ ldAdmins: [{ tenantId: DEMO_TENANT_ID, userId: patti.userId }] }, { clock: () => now });
    await seedDemoData({ ...service, now });
  });
  afterAll(() => service.stop());

  it('answers the demo organisation’s settings, with the configured admin named and marked', async () => {
    const res = await api(patti.userId, 'GET', '/admin/settings');
    expect(res.status).toBe(200);
    // The demo's L&D flags below 60%.
    expect(await res.json()).toEqual({
      settings: { ...DEFAULTS, flagResponseBelow: 60 },
      updatedAt: now.toISOString(),
      admins: [{ userId: patti.userId, displayName: patti.displayName, configured: true }],
    });
  });

  it('refuses a lead or a member every L&D settings route, changing nothing', async () => {
    for (const who of [alex, megan]) {
      const answers = await Promise.all([
        api(who.userId, 'GET', '/admin/settings'),
        api(who.userId, 'PUT', '/admin/settings', { ...DEFAULTS, followUpDays: 2 }),
        api(who.userId, 'GET', '/admin/people?name=Me'),
        api(who.userId, 'POST', '/admin/settings/admins', { userId: who.userId }),
        api(who.userId, 'DELETE', `/admin/admins/${patti.userId}`),
      ]);
      expect(answers.map((r) => r.status)).toEqual([403, 403, 403, 403, 403]);
    }
    expect(await service.stores.ldSettings.get(DEMO_TENANT_ID)).toMatchObject({ followUpDays: 7 });
    expect(await service.stores.admins.isAdmin(DEMO_TENANT_ID, alex.userId)).toBe(false);
  });

  it('refuses bad settings with a 400 naming the field, and saves nothing', async () => {
    const cases: [unknown, string][] = [
      [{ ...DEFAULTS, followUpDays: 0 }, 'followUpDays'],
      [{ ...DEFAULTS, followUpDays: 31 }, 'followUpDays'],
      [{ ...DEFAULTS, followUpDays: 2.5 }, 'followUpDays'],
      [{ ...DEFAULTS, defaultCadence: 'daily' }, 'defaultCadence'],
      [{ ...DEFAULTS, flagResponseBelow: 101 }, 'flagResponseBelow'],
      [{ ...DEFAULTS, flagResponseBelow: '50' }, 'flagResponseBelow'],
      [{ followUpDays: 7, defaultCadence: 'weekly' }, 'flagResponseBelow'],
      [{ ...DEFAULTS, admins: [] }, 'admins'],
    ];
    for (const [body, field] of cases) {
      const res = await api(patti.userId, 'PUT', '/admin/settings', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const problem = (await res.json()) as { errors: { field: string }[] };
      expect(problem.errors.map((e) => e.field)).toContain(field);
    }
    expect(await service.stores.ldSettings.get(DEMO_TENANT_ID)).toMatchObject({ followUpDays: 7, flagResponseBelow: 60 });
  });

  it('saves the settings and records each change, from what to what, in the audit trail', async () => {
    const before = (await trail()).length;
    const res = await api(patti.userId, 'PUT', '/admin/settings', { followUpDays: 3, defaultCadence: 'biweekly', flagResponseBelow: 60 });
    expect(res.status).toBe(200);
    const body = (await res.json()) as LdSettingsResponse;
    expect(body.settings).toEqual({ followUpDays: 3, defaultCadence: 'biweekly', flagResponseBelow: 60 });
    expect(body.updatedAt).toBe(now.toISOString());
    const added = (await trail()).slice(0, -before || undefined);
    expect(added).toEqual([
      expect.objectContaining({
        kind: 'ld_settings_changed',
        actor: { userId: patti.userId, displayName: patti.displayName },
        detail: { followUpDaysFrom: 7, followUpDaysTo: 3, defaultCadenceFrom: 'weekly', defaultCadenceTo: 'biweekly' },
      }),
    ]);
    // Saving the same again changes nothing, and records nothing.
    await api(patti.userId, 'PUT', '/admin/settings', { followUpDays: 3, defaultCadence: 'biweekly', flagResponseBelow: 60 });
    expect((await trail()).length).toBe(before + 1);
    expect(await service.services.ldSettings.defaultCadence(DEMO_TENANT_ID)).toBe('biweekly');
  });

  it('times a new follow-up’s reminder, and the leads’ overdue mark, by the days L&D set', async () => {
    const [nudge] = await service.stores.nudges.listTeam(DEMO_TENANT_ID, DEMO_TEAM.id, 1);
    const fresh = { ...nudge!, nudgeId: 'ld-settings-test-nudge' };
    await service.services.followUps.answered(fresh, 'need-help', now.toISOString());
    const dueAt = new Date(now.getTime() + 3 * DAY);
    const due = await service.stores.dueIndex.listMinute(minuteKey(dueAt));
    expect(due.filter((d) => d.kind === 'follow-up-reminder' && d.cycle === followUpReminderCycle(DEMO_TEAM.id, fresh.nudgeId))).toEqual([
      expect.objectContaining({ userId: alex.userId, dueAt: dueAt.toISOString() }),
    ]);
    // Not at the seven days of the default.
    const atDefault = await service.stores.dueIndex.listMinute(minuteKey(new Date(now.getTime() + 7 * DAY)));
    expect(atDefault.filter((d) => d.cycle === followUpReminderCycle(DEMO_TEAM.id, fresh.nudgeId))).toEqual([]);
    const list = (await (
      await api(alex.userId, 'GET', `/teams/${encodeURIComponent(DEMO_TEAM.id)}/follow-ups`)
    ).json()) as FollowUpsResponse;
    expect(list.expectedDays).toBe(3);
  });

  it('shows the report against what L&D asks', async () => {
    const report = await vi.waitFor(
      async () => {
        const body = (await (await api(patti.userId, 'GET', '/admin/report?weeks=4')).json()) as ReportResponse;
        if (body.status !== 'ready') throw new Error('still preparing');
        return body;
      },
      { timeout: 10_000, interval: 50 },
    );
    expect(report.expectations).toEqual({ followUpDays: 3, flagResponseBelow: 60 });
  });

  it('finds the organisation’s known people by the start of a name or a word of it', async () => {
    const search = async (name: string) =>
      ((await (await api(patti.userId, 'GET', `/admin/people?name=${encodeURIComponent(name)}`)).json()) as PeopleSearchResponse).people;
    expect(await search('meg')).toEqual([{ userId: megan.userId, displayName: megan.displayName }]);
    expect(await search('VANCE')).toEqual([{ userId: adele.userId, displayName: adele.displayName }]);
    expect(await search('zz')).toEqual([]);
    const blank = await api(patti.userId, 'GET', '/admin/people?name=%20');
    expect(blank.status).toBe(400);
  });

  it('adds an admin picked from known people and removes them, each recorded; never a configured admin or the last one', async () => {
    const before = (await trail()).length;
    const unknown = await api(patti.userId, 'POST', '/admin/settings/admins', { userId: 'b2000000-0000-4000-8000-0000000000ff' });
    expect(unknown.status).toBe(404);
    const added = (await (
      await api(patti.userId, 'POST', '/admin/settings/admins', { userId: megan.userId })
    ).json()) as LdSettingsResponse;
    expect(added.admins).toContainEqual({ userId: megan.userId, displayName: megan.displayName, configured: false });
    // Megan, now an admin, may remove Patti? No: Patti is named in the configuration.
    expect((await api(megan.userId, 'DELETE', `/admin/admins/${patti.userId}`)).status).toBe(409);
    expect((await api(patti.userId, 'DELETE', `/admin/admins/${adele.userId}`)).status).toBe(404);
    expect((await api(patti.userId, 'DELETE', `/admin/admins/${megan.userId}`)).status).toBe(204);
    expect(await service.stores.admins.isAdmin(DEMO_TENANT_ID, megan.userId)).toBe(false);
    const recorded = (await trail()).slice(0, -before || undefined);
    expect(recorded.map((e) => [e.kind, e.subject?.userId])).toEqual([
      ['admin_removed', megan.userId],
      ['admin_granted', megan.userId],
    ]);
    // An organisation with one admin, named in the app: they cannot remove themself.
    await service.stores.admins.add(OTHER_TENANT, SOLO, SOLO, now.toISOString());
    const solo = { tenantId: OTHER_TENANT, userId: SOLO };
    await expect(service.services.reports.removeAdmin(solo, SOLO)).rejects.toThrow('The last L&D admin cannot be removed.');
    expect(await service.stores.admins.isAdmin(OTHER_TENANT, SOLO)).toBe(true);
  });
});
