import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_PEOPLE, DEMO_TEAM, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import { seedDemoData } from '../../bot/demo/seed-demo-data.js';
import type { ReportPage, ReportResponse, ReportRow, TeamReportResponse } from '../../bot/contract/report.js';
import { REPORT_CSV_COLUMNS } from '../../bot/contract/report-csv.js';
import { startTestService, type RunningTestService } from '../../bot/testing/test-service.js';

const [alex, megan, , , patti] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!, DEMO_PEOPLE[2]!, DEMO_PEOPLE[3]!, DEMO_PEOPLE[4]!];
const now = new Date('2026-11-28T12:00:00Z');
const SECOND_TEAM = '19:zebra-operations@thread.tacv2';

describe('the three-level accountability report for L&D admins (Azurite, demo data)', () => {
  let service: RunningTestService;
  const get = (path: string, userId: string) =>
    fetch(`${service.baseUrl}/api/v1${path}`, { headers: { 'x-local-tenant-id': DEMO_TENANT_ID, 'x-local-user-id': userId } });

  beforeAll(async () => {
    // Patti is the admin the deployment names; she leads no team.
    // A page of one team, so the demo's two teams take two pages.
    service = await startTestService(
      { ldAdmins: [{ tenantId: DEMO_TENANT_ID, userId: patti.userId }] },
      { clock: () => now, reportPageSize: 1 },
    );
    await seedDemoData({ ...service, now });
    await service.stores.teams.createSettingsIfAbsent({
      tenantId: DEMO_TENANT_ID,
      teamId: SECOND_TEAM,
      name: 'Zebra Operations',
      schedule: null,
      sharesChannelId: null,
      updatedBy: null,
      updatedAt: now.toISOString(),
    });
  });
  afterAll(() => service.stop());

  it('answers "being prepared" until the organisation’s figures are computed, then reads them', async () => {
    // Asked together, before any figures exist: the computation (dozens of storage requests) cannot finish between them.
    const [first, csv] = await Promise.all([get('/admin/report?weeks=4', patti.userId), get('/admin/report.csv?weeks=4', patti.userId)]);
    expect(await first.json()).toEqual({ weeks: 4, status: 'preparing' });
    // Nothing to stream yet: a conflict to try again later, not an empty file.
    expect(csv.status).toBe(409);
    // The first request started the computation in the background.
    const ready = await vi.waitFor(
      async () => {
        const body = (await (await get('/admin/report?weeks=4', patti.userId)).json()) as ReportResponse;
        if (body.status !== 'ready') throw new Error('still preparing');
        return body;
      },
      { timeout: 10_000, interval: 50 },
    );
    expect(ready.asOf).toBe(now.toISOString());
  });

  it('gives an admin the organisation’s totals and every team’s rows, for the whole period and each week, at all three levels', async () => {
    const res = await get('/admin/report?weeks=4', patti.userId);
    expect(res.status).toBe(200);
    const report = (await res.json()) as Extract<ReportResponse, { status: 'ready' }>;
    const all = report.teams.rows.find((r) => r.teamId === DEMO_TEAM.id)!;
    expect(all.week).toBe('all');
    expect(all.learner.members).toBe(DEMO_PEOPLE.length);
    expect(all.system.entries).toBeGreaterThan(0);
    expect(all.learner.insights).toBeGreaterThan(0);
    expect(all.learner.responseRate).toBeGreaterThan(0);
    expect(all.system.resourceRatings).toBeGreaterThan(0);
    expect(all.leader).toHaveProperty('requested');
    // The leader level, lead by lead.
    expect(report.leads.rows.filter((l) => l.teamId === DEMO_TEAM.id).map((l) => l.displayName)).toEqual([alex.displayName]);
    // The organisation over time: the teams added up, week by week.
    expect(report.totals.weeks.map((w) => w.week)).toEqual(['2026-W45', '2026-W46', '2026-W47', '2026-W48']);
    expect(report.totals.total.entries).toBe(all.system.entries);
    expect(report.totals.total.members).toBe(DEMO_PEOPLE.length);
    // One team's own weeks, for the chart's team choice.
    const team = (await (
      await get(`/admin/report/teams/${encodeURIComponent(DEMO_TEAM.id)}?weeks=4`, patti.userId)
    ).json()) as TeamReportResponse;
    expect(team.rows.map((r) => r.week)).toEqual(['all', '2026-W45', '2026-W46', '2026-W47', '2026-W48']);
    expect(team.rows[0]!.system.entries).toBe(team.rows.slice(1).reduce((n, r) => n + r.system.entries, 0));
    expect(team.asOf).toBe(report.asOf);
    // The same figures the lead's dashboard shows for the same weeks.
    const dashboard = (await (await get(`/teams/${encodeURIComponent(DEMO_TEAM.id)}/dashboard?weeks=4`, alex.userId)).json()) as {
      totals: { entries: number; minutes: number };
    };
    expect([all.system.entries, all.system.minutes]).toEqual([dashboard.totals.entries, dashboard.totals.minutes]);
    expect((await get('/admin/report/teams/no-such-team?weeks=4', patti.userId)).status).toBe(404);
  });

  it('pages the team table by name: the first page with the report, the rest on asking for more', async () => {
    const report = (await (await get('/admin/report?weeks=12', patti.userId)).json()) as Extract<ReportResponse, { status: 'ready' }>;
    expect(report.teams.rows.map((r) => r.teamName)).toEqual(['Product Design']);
    expect(report.teams.nextCursor).toEqual(expect.any(String));
    const more = (await (
      await get(`/admin/report/teams?weeks=12&cursor=${encodeURIComponent(report.teams.nextCursor!)}`, patti.userId)
    ).json()) as ReportPage<ReportRow>;
    expect(more.rows.map((r) => [r.teamName, r.week, r.learner.members])).toEqual([['Zebra Operations', 'all', 0]]);
    expect(more.nextCursor).toBeNull();
    // One lead in all: the lead table fits on its page.
    expect(report.leads.rows.map((l) => l.displayName)).toEqual([alex.displayName]);
    expect(report.leads.nextCursor).toBeNull();
    // A cursor from one period's table is refused for another's.
    expect((await get(`/admin/report/teams?weeks=4&cursor=${encodeURIComponent(report.teams.nextCursor!)}`, patti.userId)).status).toBe(
      400,
    );
  });

  it('downloads the same report as CSV', async () => {
    const res = await get('/admin/report.csv?weeks=4', patti.userId);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain('learning-loop-report-4-weeks.csv');
    const lines = (await res.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe(REPORT_CSV_COLUMNS.join(','));
    expect(lines[1]).toMatch(/^Product Design,all,,\d+,\d+,/);
    expect(lines[6]).toMatch(/^Zebra Operations,all,,0,0,/);
    // A header, then each team's whole period and its four weeks.
    expect(lines).toHaveLength(11);
  });

  it('refuses leads and members who are not admins, and a bad period', async () => {
    for (const userId of [alex.userId, megan.userId]) {
      expect((await get('/admin/report?weeks=4', userId)).status).toBe(403);
      expect((await get('/admin/report.csv?weeks=4', userId)).status).toBe(403);
      expect((await get(`/admin/report/teams/${encodeURIComponent(DEMO_TEAM.id)}?weeks=4`, userId)).status).toBe(403);
    }
    expect(((await (await get('/admin/me', alex.userId)).json()) as { isAdmin: boolean }).isAdmin).toBe(false);
    expect((await get('/admin/report?weeks=5', patti.userId)).status).toBe(400);
    expect((await get('/admin/report/teams?weeks=4', patti.userId)).status).toBe(400);
    expect((await get('/admin/report/leads?weeks=4&cursor=nonsense', patti.userId)).status).toBe(400);
  });

  it('lets an admin name another admin, and only an admin', async () => {
    const put = (from: string, who: string) =>
      fetch(`${service.baseUrl}/api/v1/admin/admins/${encodeURIComponent(who)}`, {
        method: 'PUT',
        headers: { 'x-local-tenant-id': DEMO_TENANT_ID, 'x-local-user-id': from },
      });
    expect((await put(alex.userId, alex.userId)).status).toBe(403);
    expect((await put(patti.userId, megan.userId)).status).toBe(204);
    expect((await get('/admin/report?weeks=4', megan.userId)).status).toBe(200);
    expect(((await (await get('/admin/me', megan.userId)).json()) as { isAdmin: boolean }).isAdmin).toBe(true);
  });
});
