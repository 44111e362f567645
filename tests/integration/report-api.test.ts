import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, DEMO_TEAM, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import { seedDemoData } from '../../bot/demo/seed-demo-data.js';
import type { ReportRow } from '../../bot/contract/report.js';
import { REPORT_CSV_COLUMNS } from '../../bot/contract/report-csv.js';
import { startTestService, type RunningTestService } from '../../bot/testing/test-service.js';

const [alex, megan, , , patti] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!, DEMO_PEOPLE[2]!, DEMO_PEOPLE[3]!, DEMO_PEOPLE[4]!];
const now = new Date('2026-11-28T12:00:00Z');

describe('the three-level accountability report for L&D admins (Azurite, demo data)', () => {
  let service: RunningTestService;
  const get = (path: string, userId: string) =>
    fetch(`${service.baseUrl}/api/v1${path}`, { headers: { 'x-local-tenant-id': DEMO_TENANT_ID, 'x-local-user-id': userId } });

  beforeAll(async () => {
    // Patti is the admin the deployment names; she leads no team.
    service = await startTestService({ ldAdmins: [{ tenantId: DEMO_TENANT_ID, userId: patti.userId }] }, { clock: () => now });
    await seedDemoData({ ...service, now });
  });
  afterAll(() => service.stop());

  it('gives an admin every team’s rows, for the whole period and each week, at all three levels', async () => {
    const res = await get('/admin/report?weeks=4', patti.userId);
    expect(res.status).toBe(200);
    const { rows } = (await res.json()) as { rows: ReportRow[] };
    const team = rows.filter((r) => r.teamId === DEMO_TEAM.id);
    expect(team.map((r) => r.week)).toEqual(['all', '2026-W45', '2026-W46', '2026-W47', '2026-W48']);
    const all = team[0]!;
    expect(all.learner.members).toBe(DEMO_PEOPLE.length);
    expect(all.system.entries).toBe(team.slice(1).reduce((n, r) => n + r.system.entries, 0));
    expect(all.system.entries).toBeGreaterThan(0);
    expect(all.learner.insights).toBeGreaterThan(0);
    expect(all.learner.responseRate).toBeGreaterThan(0);
    expect(all.system.resourceRatings).toBeGreaterThan(0);
    expect(all.leader).toHaveProperty('requested');
    // The leader level, lead by lead.
    expect(all.leads?.map((l) => l.displayName)).toEqual([alex.displayName]);
    // The same figures the lead's dashboard shows for the same weeks.
    const dashboard = (await (await get(`/teams/${encodeURIComponent(DEMO_TEAM.id)}/dashboard?weeks=4`, alex.userId)).json()) as {
      totals: { entries: number; minutes: number };
    };
    expect([all.system.entries, all.system.minutes]).toEqual([dashboard.totals.entries, dashboard.totals.minutes]);
  });

  it('downloads the same report as CSV', async () => {
    const res = await get('/admin/report.csv?weeks=4', patti.userId);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain('learning-loop-report-4-weeks.csv');
    const lines = (await res.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe(REPORT_CSV_COLUMNS.join(','));
    expect(lines[1]).toMatch(/^Product Design,all,,\d+,\d+,/);
    expect(lines).toHaveLength(6);
  });

  it('refuses leads and members who are not admins, and a bad period', async () => {
    for (const userId of [alex.userId, megan.userId]) {
      expect((await get('/admin/report?weeks=4', userId)).status).toBe(403);
      expect((await get('/admin/report.csv?weeks=4', userId)).status).toBe(403);
    }
    expect(((await (await get('/admin/me', alex.userId)).json()) as { isAdmin: boolean }).isAdmin).toBe(false);
    expect((await get('/admin/report?weeks=5', patti.userId)).status).toBe(400);
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
