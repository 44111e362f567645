import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DASHBOARD_PERIODS } from '../../bot/contract/dashboard-view.js';
import type { ActionAnswer, LearningEntry } from '../../bot/contract/learning-entry.js';
import type { LeadLine, ReportRow } from '../../bot/contract/report.js';
import { periodWeeks, rollupFromRaw, weekKeyOf } from '../../bot/domain/member-rollup.js';
import { OrgFiguresJob } from '../../bot/services/org-figures-job.js';
import { startTestService, type RunningTestService } from '../../bot/testing/test-service.js';
import { fileTeam } from '../support/report-team-filing.js';

const now = new Date('2026-11-28T12:00:00Z');
const DAY = 86_400_000;
const HOUR = 3_600_000;
const PEOPLE = Array.from({ length: 6 }, (_, i) => ({ userId: `person-${i}`, displayName: `Person ${i}` }));
const ZONES = ['UTC', 'Asia/Tokyo', 'America/Los_Angeles'];

/** One learner's raw entry: when, whether it planned an action, and what the learner answered about it. */
const entryArb = fc.record({
  // Up to 30 weeks back, so the shorter periods leave some out; exactly one check-in cycle now and then.
  ageHours: fc.oneof(fc.integer({ min: 0, max: 30 * 7 * 24 }), fc.constant(7 * 24)),
  hasAction: fc.boolean(),
  answer: fc.constantFrom<ActionAnswer | null | 'legacy'>(null, 'result', 'notYet', 'dropped', 'legacy'),
  answerAfterHours: fc.integer({ min: 0, max: 60 * 24 }),
});
const teamArb = fc.record({
  zone: fc.constantFrom(...ZONES),
  members: fc.uniqueArray(fc.record({ who: fc.integer({ min: 0, max: PEOPLE.length - 1 }), lead: fc.boolean() }), {
    minLength: 1,
    maxLength: 4,
    selector: (m) => m.who,
  }),
});
const tenantArb = fc.record({
  teams: fc.array(teamArb, { minLength: 1, maxLength: 3 }),
  // Each person's one log: a person in two teams counts in both, as the report counts them.
  logs: fc.array(fc.array(entryArb, { maxLength: 12 }), { minLength: PEOPLE.length, maxLength: PEOPLE.length }),
});
type Tenant = typeof tenantArb extends fc.Arbitrary<infer T> ? T : never;

function entriesOf(userId: string, log: Tenant['logs'][number]): LearningEntry[] {
  return log.map((spec, i) => {
    const created = now.getTime() - spec.ageHours * HOUR;
    const base: LearningEntry = {
      id: `${userId}-e${i}`,
      tenantId: 't',
      userId,
      what: 'Something read',
      visibility: 'leads',
      sourceType: 'article',
      link: null,
      minutes: 10,
      rating: null,
      insight: null,
      action: spec.hasAction ? 'Try it' : null,
      result: null,
      createdAt: new Date(created).toISOString(),
    };
    if (spec.answer === null) return base;
    if (spec.answer === 'legacy') return { ...base, result: 'Told before answers were kept' };
    const at = new Date(Math.min(now.getTime(), created + spec.answerAfterHours * HOUR)).toISOString();
    return { ...base, actionAnswer: { answer: spec.answer, at }, result: spec.answer === 'result' ? 'Done' : null };
  });
}

/**
 * Follow-through counted again the slowest, plainest way from the raw entries, independent of the
 * code under test: an action is due a week after it was planned or once answered for good; the
 * median is taken from every result's whole days, sorted.
 */
function recount(entries: readonly LearningEntry[]) {
  const withAction = entries.filter((e) => e.action);
  const isResult = (e: LearningEntry) => e.actionAnswer?.answer === 'result' || (e.result !== null && e.actionAnswer?.answer !== 'dropped');
  const results = withAction.filter(isResult);
  const dropped = withAction.filter((e) => !isResult(e) && e.actionAnswer?.answer === 'dropped');
  const awaiting = withAction.filter((e) => !isResult(e) && e.actionAnswer?.answer !== 'dropped');
  const due = results.length + dropped.length + awaiting.filter((e) => now.getTime() - Date.parse(e.createdAt) >= 7 * DAY).length;
  const days = results
    .filter((e) => e.actionAnswer?.answer === 'result')
    .map((e) => Math.floor((Date.parse(e.actionAnswer!.at) - Date.parse(e.createdAt)) / DAY))
    .sort((x, y) => x - y);
  const mid = days.length / 2;
  return {
    actions: withAction.length,
    results: results.length,
    actionsDue: due,
    followThrough: due ? results.length / due : null,
    medianDaysToResult: days.length === 0 ? null : days.length % 2 ? days[Math.floor(mid)]! : (days[mid - 1]! + days[mid]!) / 2,
  };
}

const figuresOfRow = (r: ReportRow) => ({
  actions: r.learner.actions,
  results: r.learner.results,
  actionsDue: r.learner.actionsDue,
  followThrough: r.learner.followThrough,
  medianDaysToResult: r.learner.medianDaysToResult,
});

describe('the L&D report’s follow-through (Azurite): equal to a recount from the raw entries', () => {
  let service: RunningTestService;
  beforeAll(async () => {
    service = await startTestService({}, { clock: () => now });
  });
  afterAll(() => service.stop());

  async function seed(tenantId: string, tenant: Tenant): Promise<Map<string, LearningEntry[]>> {
    const s = service.stores;
    const logs = new Map(PEOPLE.map((p, i) => [p.userId, entriesOf(p.userId, tenant.logs[i]!)]));
    for (const [t, spec] of tenant.teams.entries()) {
      const teamId = `team-${t}`;
      await fileTeam(s.teams, {
        tenantId,
        teamId,
        name: `Team ${t}`,
        zone: spec.zone,
        members: spec.members.map((m) => ({ ...PEOPLE[m.who]!, lead: m.lead })),
        updatedAt: now.toISOString(),
        joinedAt: new Date(now.getTime() - 500 * DAY).toISOString(),
      });
      for (const m of spec.members) {
        const p = PEOPLE[m.who]!;
        // The rollup as the service keeps it, made from the member's raw entries.
        const rollup = rollupFromRaw({
          userId: p.userId,
          teamId,
          zone: spec.zone,
          entries: logs.get(p.userId)!,
          checkIns: [],
          paused: false,
          now,
        });
        await s.rollups.put(tenantId, teamId, rollup, undefined);
      }
    }
    return logs;
  }

  it('per team, per lead, per week and for the organisation, for every period, on random small tenants', async () => {
    await fc.assert(
      fc.asyncProperty(tenantArb, async (tenant) => {
        const tenantId = `t-${randomUUID()}`;
        const logs = await seed(tenantId, tenant);
        const job = new OrgFiguresJob({
          ...service.stores,
          figures: service.stores.orgFigures,
          clock: () => now,
          instanceId: 'instance-a',
          logger: pino({ level: 'silent' }),
          newId: randomUUID,
          teamsPerChunk: 2,
        });
        expect(await job.runTenant(tenantId)).toMatchObject({ status: 'done' });
        const generation = (await service.stores.orgFigures.pointer(tenantId))!.generation!;

        for (const weeks of DASHBOARD_PERIODS) {
          const rows: ReportRow[] = [];
          for await (const row of service.stores.orgFigures.allTeamRows(tenantId, generation, weeks)) rows.push(row);
          const leads = (await service.stores.orgFigures.leadPage(tenantId, generation, weeks, 100)).rows;
          const totals = (await service.stores.orgFigures.totals(tenantId, generation, weeks))!;
          /** Each team's members' entries in the week (or the whole period), by the team's calendar. */
          const inTeam = (t: number, week: string | null) => {
            const spec = tenant.teams[t]!;
            const period = new Set(periodWeeks(now, weeks, spec.zone).map((w) => w.week));
            return spec.members.flatMap((m) =>
              logs.get(PEOPLE[m.who]!.userId)!.filter((e) => {
                const key = weekKeyOf(e.createdAt, spec.zone);
                return week === null ? period.has(key) : key === week;
              }),
            );
          };
          for (const [t, spec] of tenant.teams.entries()) {
            const teamRows = rows.filter((r) => r.teamId === `team-${t}`);
            const all = teamRows.find((r) => r.week === 'all')!;
            expect(figuresOfRow(all)).toEqual(recount(inTeam(t, null)));
            for (const row of teamRows.filter((r) => r.week !== 'all')) expect(figuresOfRow(row)).toEqual(recount(inTeam(t, row.week)));
            const leadLines = leads.filter((l: LeadLine) => l.teamId === `team-${t}`);
            expect(leadLines).toHaveLength(spec.members.filter((m) => m.lead).length);
            for (const line of leadLines) {
              const { actions, results, actionsDue, followThrough, medianDaysToResult } = line;
              expect({ actions, results, actionsDue, followThrough, medianDaysToResult }).toEqual(recount(inTeam(t, null)));
            }
          }
          // The organisation: every team's entries together (teams in one zone share weeks; totals are kept by ISO week).
          const { actions, results, actionsDue, followThrough, medianDaysToResult } = totals.total;
          expect({ actions, results, actionsDue, followThrough, medianDaysToResult }).toEqual(
            recount(tenant.teams.flatMap((_, t) => inTeam(t, null))),
          );
          for (const w of totals.weeks) {
            const { actions, results, actionsDue, followThrough, medianDaysToResult } = w;
            expect({ actions, results, actionsDue, followThrough, medianDaysToResult }).toEqual(
              recount(tenant.teams.flatMap((_, t) => inTeam(t, w.week))),
            );
          }
        }
      }),
      { numRuns: 12 },
    );
  }, 180_000);
});
