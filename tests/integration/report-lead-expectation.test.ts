import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DASHBOARD_PERIODS } from '../../bot/contract/dashboard-view.js';
import { reportCsvRow } from '../../bot/contract/report-csv.js';
import type { ReportRow } from '../../bot/contract/report.js';
import { startTestService, type RunningTestService } from '../../bot/testing/test-service.js';
import { fileTeam } from '../support/report-team-filing.js';

const now = new Date('2026-11-28T12:00:00Z');
const DAY = 86_400_000;
const HOUR = 3_600_000;
const PEOPLE = Array.from({ length: 5 }, (_, i) => ({ userId: `person-${i}`, displayName: `Person ${i}` }));

/** One follow-up as written: about whom, how long ago it opened, and whether a lead closed it since. */
const followUpArb = fc.record({
  about: fc.integer({ min: 0, max: PEOPLE.length - 1 }),
  // Up to 40 days back, and exactly on the day boundaries now and then.
  ageHours: fc.oneof(
    fc.integer({ min: 0, max: 40 * 24 }),
    fc.integer({ min: 1, max: 30 }).map((d) => d * 24),
  ),
  closed: fc.boolean(),
});
const teamArb = fc.record({
  members: fc.uniqueArray(fc.record({ who: fc.integer({ min: 0, max: PEOPLE.length - 1 }), lead: fc.boolean() }), {
    minLength: 1,
    maxLength: 4,
    selector: (m) => m.who,
  }),
  followUps: fc.array(followUpArb, { maxLength: 8 }),
});
const tenantArb = fc.record({
  teams: fc.array(teamArb, { minLength: 1, maxLength: 3 }),
  // Unset (the default week) or an L&D setting.
  followUpDays: fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
});
type Tenant = typeof tenantArb extends fc.Arbitrary<infer T> ? T : never;

/**
 * The expectation counted again from the follow-ups as they were written, independent of the code
 * under test: overdue when still open more than the setting's days after opening; a lead's are those
 * of their team not about them; behind with at least one.
 */
function recount(tenant: Tenant, t: number, leadId: string | null): number {
  const days = tenant.followUpDays ?? 7;
  return tenant.teams[t]!.followUps.filter(
    (f) => !f.closed && f.ageHours * HOUR > days * DAY && (leadId === null || PEOPLE[f.about]!.userId !== leadId),
  ).length;
}

describe('the L&D report’s leads against the expectation (Azurite): equal to a recount from the raw follow-ups', () => {
  let service: RunningTestService;
  beforeAll(async () => {
    service = await startTestService({}, { clock: () => now });
  });
  afterAll(() => service.stop());

  async function seed(tenantId: string, tenant: Tenant): Promise<void> {
    const s = service.stores;
    if (tenant.followUpDays !== undefined)
      await s.ldSettings.save(
        tenantId,
        { followUpDays: tenant.followUpDays, defaultCadence: 'weekly', flagResponseBelow: 50 },
        now.toISOString(),
      );
    for (const [t, spec] of tenant.teams.entries()) {
      const teamId = `team-${t}`;
      await fileTeam(s.teams, {
        tenantId,
        teamId,
        name: `Team ${t}`,
        zone: 'UTC',
        members: spec.members.map((m) => ({ ...PEOPLE[m.who]!, lead: m.lead })),
        updatedAt: now.toISOString(),
        joinedAt: new Date(now.getTime() - 500 * DAY).toISOString(),
      });
      for (const [i, f] of spec.followUps.entries()) {
        const about = PEOPLE[f.about]!;
        const followUpId = `nudge-${String(i).padStart(4, '0')}`;
        await s.followUps.open({
          tenantId,
          teamId,
          followUpId,
          learnerId: about.userId,
          learnerName: about.displayName,
          answer: 'need-help',
          nudgedBy: { userId: 'someone', displayName: 'Someone' },
          nudgeNote: null,
          reason: null,
          openedAt: new Date(now.getTime() - f.ageHours * HOUR).toISOString(),
        });
        if (f.closed) {
          const found = (await s.followUps.get(tenantId, teamId, followUpId))!;
          await s.followUps.close(tenantId, found.followUp, found.etag, {
            by: { userId: 'someone', displayName: 'Someone' },
            note: 'We talked',
            at: now.toISOString(),
          });
        }
      }
    }
  }

  it('per lead and per team, in the lead table, the team rows and the CSV, for every period, on random small tenants', async () => {
    await fc.assert(
      fc.asyncProperty(tenantArb, async (tenant) => {
        const tenantId = `t-${randomUUID()}`;
        await seed(tenantId, tenant);
        // The service's own job, so the L&D setting is read as in production.
        expect(await service.orgFigures.runTenant(tenantId)).toMatchObject({ status: 'done' });
        const generation = (await service.stores.orgFigures.pointer(tenantId))!.generation!;
        for (const weeks of DASHBOARD_PERIODS) {
          const rows: ReportRow[] = [];
          for await (const row of service.stores.orgFigures.allTeamRows(tenantId, generation, weeks)) rows.push(row);
          const leads = (await service.stores.orgFigures.leadPage(tenantId, generation, weeks, 100)).rows;
          for (const [t, spec] of tenant.teams.entries()) {
            const teamId = `team-${t}`;
            const leadIds = spec.members.filter((m) => m.lead).map((m) => PEOPLE[m.who]!.userId);
            const lines = leads.filter((l) => l.teamId === teamId);
            expect(lines.map((l) => [l.leadId, l.overdue]).sort()).toEqual(leadIds.map((id) => [id, recount(tenant, t, id)]).sort());
            const all = rows.find((r) => r.teamId === teamId && r.week === 'all')!;
            const expectation = {
              overdue: recount(tenant, t, null),
              leadsBehind: leadIds.filter((id) => recount(tenant, t, id) > 0).length,
            };
            expect(all.expectation).toEqual(expectation);
            expect(reportCsvRow(all).slice(-2)).toEqual([expectation.overdue, expectation.leadsBehind]);
            // A week's row says nothing of now.
            for (const row of rows.filter((r) => r.teamId === teamId && r.week !== 'all')) {
              expect(row.expectation).toBeUndefined();
              expect(reportCsvRow(row).slice(-2)).toEqual([null, null]);
            }
          }
        }
      }),
      { numRuns: 15 },
    );
  }, 180_000);
});
