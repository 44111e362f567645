import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DASHBOARD_PERIODS } from '../../bot/contract/dashboard-view.js';
import type { LeadLine, ReportRow } from '../../bot/contract/report.js';
import { weekKeyOf, type MemberRollup } from '../../bot/domain/member-rollup.js';
import { OrgFiguresJob, type OrgFiguresJobDeps } from '../../bot/services/org-figures-job.js';
import { TOP_RESOURCES } from '../../bot/services/org-figures-resources.js';
import { wholeTenantReport, wholeTenantTopResources } from '../../bot/testing/org-figures-oracle.js';
import { startTestService, type RunningTestService } from '../../bot/testing/test-service.js';
import { fileTeam } from '../support/report-team-filing.js';

const now = new Date('2026-11-28T12:00:00Z');
const DAY = 86_400_000;
const PEOPLE = Array.from({ length: 8 }, (_, i) => ({ userId: `person-${i}`, displayName: `Person ${i}` }));
const NAMES = ['Alpha', 'beta', 'Gamma', 'delta', 'Échecs', 'Zed', 'alpha'];
const ZONES = ['UTC', 'Asia/Tokyo', 'America/Los_Angeles'];

const person = fc.integer({ min: 0, max: PEOPLE.length - 1 });
const weeksAgo = fc.integer({ min: 0, max: 55 });
const teamArb = fc.record({
  name: fc.constantFrom(...NAMES),
  zone: fc.constantFrom(...ZONES),
  members: fc.uniqueArray(fc.record({ who: person, lead: fc.boolean() }), { minLength: 1, maxLength: 5, selector: (m) => m.who }),
  activity: fc.array(
    fc.record({
      who: person,
      weeksAgo,
      entries: fc.integer({ min: 1, max: 4 }),
      minutes: fc.integer({ min: 0, max: 300 }),
      insights: fc.integer({ min: 0, max: 2 }),
      actions: fc.integer({ min: 0, max: 2 }),
      outcomes: fc.option(
        fc.record({
          results: fc.integer({ min: 0, max: 2 }),
          dropped: fc.integer({ min: 0, max: 1 }),
          resultDays: fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 2 }),
          awaitingDaysAgo: fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 2 }),
        }),
      ),
    }),
    { maxLength: 8 },
  ),
  cycles: fc.array(
    fc.record({ who: person, weeksAgo, answer: fc.constantFrom('responded' as const, 'nothing' as const, 'noAnswer' as const) }),
    {
      maxLength: 6,
    },
  ),
  goals: fc.array(fc.record({ who: person, dueInDays: fc.integer({ min: -30, max: 30 }), behindTwice: fc.boolean() }), { maxLength: 3 }),
  shares: fc.array(
    fc.record({
      resource: fc.integer({ min: 0, max: 4 }),
      sharer: person,
      daysAgo: fc.integer({ min: 0, max: 400 }),
      withdrawn: fc.boolean(),
      link: fc.boolean(),
    }),
    { maxLength: 4 },
  ),
  votes: fc.array(
    fc.record({
      share: fc.nat(),
      voter: person,
      rating: fc.option(fc.integer({ min: 1, max: 5 })),
      saved: fc.boolean(),
      daysAgo: fc.integer({ min: 0, max: 400 }),
    }),
    { maxLength: 12 },
  ),
  nudges: fc.array(
    fc.record({
      lead: person,
      learner: person,
      daysAgo: fc.integer({ min: 0, max: 400 }),
      flaggedDaysBefore: fc.option(fc.integer({ min: 0, max: 20 })),
    }),
    {
      maxLength: 4,
    },
  ),
});
type TeamSpec = typeof teamArb extends fc.Arbitrary<infer T> ? T : never;

describe('organisation figures (Azurite): computed in checkpointed chunks, equal to the whole-tenant computation', () => {
  let service: RunningTestService;
  beforeAll(async () => {
    service = await startTestService({}, { clock: () => now });
  });
  afterAll(() => service.stop());

  const jobWith = (overrides: Partial<OrgFiguresJobDeps>) =>
    new OrgFiguresJob({
      ...service.stores,
      figures: service.stores.orgFigures,
      clock: () => now,
      instanceId: 'instance-a',
      logger: pino({ level: 'silent' }),
      newId: randomUUID,
      teamsPerChunk: 2,
      ...overrides,
    });

  async function seedTenant(tenantId: string, teams: readonly TeamSpec[]): Promise<void> {
    const s = service.stores;
    await Promise.all(
      teams.map(async (spec, t) => {
        const teamId = `team-${t}`;
        const at = (days: number) => new Date(now.getTime() - days * DAY).toISOString();
        await fileTeam(s.teams, {
          tenantId,
          teamId,
          name: spec.name,
          zone: spec.zone,
          members: spec.members.map((m) => ({ ...PEOPLE[m.who]!, lead: m.lead })),
          updatedAt: now.toISOString(),
          joinedAt: at(500),
        });
        // Rollups for members and for people who have left (the report counts only those on the roster).
        const rollups = new Map<number, MemberRollup>();
        const rollupOf = (who: number) => {
          let r = rollups.get(who);
          if (!r) rollups.set(who, (r = { userId: PEOPLE[who]!.userId, weeks: {}, cycles: {}, paused: false, goals: [] }));
          return r;
        };
        for (const a of spec.activity) {
          const week = weekKeyOf(new Date(now.getTime() - a.weeksAgo * 7 * DAY), spec.zone);
          const w = (rollupOf(a.who).weeks[week] ??= {
            entries: 0,
            minutes: 0,
            ratingSum: 0,
            ratingCount: 0,
            lastAt: 0,
            sources: {},
            insights: 0,
            actions: 0,
          });
          Object.assign(w, {
            entries: w.entries + a.entries,
            minutes: w.minutes + a.minutes,
            insights: w.insights + a.insights,
            actions: w.actions + a.actions,
          });
          if (a.outcomes)
            w.outcomes = {
              results: a.outcomes.results,
              dropped: a.outcomes.dropped,
              resultDays: [...a.outcomes.resultDays].sort((x, y) => x - y),
              awaitingAt: a.outcomes.awaitingDaysAgo.map((d) => now.getTime() - d * DAY).sort((x, y) => x - y),
            };
        }
        for (const c of spec.cycles)
          rollupOf(c.who).cycles[weekKeyOf(new Date(now.getTime() - c.weeksAgo * 7 * DAY), spec.zone)] = {
            answer: c.answer,
            at: now.getTime() - c.weeksAgo * 7 * DAY,
          };
        for (const g of spec.goals)
          rollupOf(g.who).goals.push({
            what: 'a goal',
            overdueAfter: now.getTime() + g.dueInDays * DAY,
            behindTwice: g.behindTwice,
            ...(g.behindTwice ? { behindSince: now.getTime() - 10 * DAY } : {}),
          });
        for (const r of rollups.values()) await s.rollups.put(tenantId, teamId, r, undefined);
        const shares = spec.shares.map((sh, i) => ({
          tenantId,
          teamId,
          shareId: `share-${i}`,
          sharerId: PEOPLE[sh.sharer]!.userId,
          sharerName: PEOPLE[sh.sharer]!.displayName,
          what: `Resource ${sh.resource} as shared in ${teamId}`,
          sourceType: 'article' as const,
          link: sh.link ? `https://example.test/r${sh.resource}` : null,
          resourceKey: `example.test/r${sh.resource}`,
          insight: null,
          action: null,
          sharerRating: null,
          createdAt: at(sh.daysAgo),
          withdrawnAt: sh.withdrawn ? now.toISOString() : null,
          channelId: 'channel',
          activityId: null,
          tally: { helpful: 0, saves: 0, ratingSum: 0, ratingCount: 0 },
        }));
        for (const share of shares) await s.shares.create(share);
        if (shares.length > 0)
          for (const v of spec.votes) {
            const share = shares[v.share % shares.length]!;
            const userId = PEOPLE[v.voter]!.userId;
            await s.shares.writeVote(
              tenantId,
              teamId,
              share.shareId,
              { userId, helpful: false, saved: v.saved, rating: v.rating, resourceKey: share.resourceKey, at: at(v.daysAgo) },
              (await s.shares.getVote(tenantId, teamId, share.shareId, userId)).etag,
            );
          }
        for (const [i, n] of spec.nudges.entries())
          await s.nudges.create({
            tenantId,
            teamId,
            nudgeId: `nudge-${i}`,
            learnerId: PEOPLE[n.learner]!.userId,
            learnerName: PEOPLE[n.learner]!.displayName,
            leadId: PEOPLE[n.lead]!.userId,
            leadName: PEOPLE[n.lead]!.displayName,
            note: null,
            reason: null,
            flaggedSince: n.flaggedDaysBefore === null ? null : at(n.daysAgo + n.flaggedDaysBefore),
            sentAt: at(n.daysAgo),
            delivered: true,
            reply: null,
          });
      }),
    );
  }

  /** What the stored figures hold, read back through every reader a request uses (tables paged a few at a time). */
  async function storedFigures(tenantId: string) {
    const figures = service.stores.orgFigures;
    const pointer = (await figures.pointer(tenantId))!;
    const generation = pointer.generation!;
    const periods = await Promise.all(
      DASHBOARD_PERIODS.map(async (weeks) => {
        const rows: ReportRow[] = [];
        for await (const row of figures.allTeamRows(tenantId, generation, weeks)) rows.push(row);
        const pages = async <T>(read: (cursor?: string) => Promise<{ rows: T[]; nextCursor: string | null }>) => {
          const all: T[] = [];
          let cursor: string | undefined;
          do {
            const page = await read(cursor);
            all.push(...page.rows);
            cursor = page.nextCursor ?? undefined;
          } while (cursor);
          return all;
        };
        const teamPages = await pages((c) => figures.teamPage(tenantId, generation, weeks, 2, c));
        const leadPages = await pages((c) => figures.leadPage(tenantId, generation, weeks, 3, c));
        return { weeks, rows, teamPages, leadPages, totals: await figures.totals(tenantId, generation, weeks) };
      }),
    );
    return { pointer, periods, top: await figures.topResources(tenantId, generation) };
  }

  async function expectEqualToOracle(tenantId: string): Promise<void> {
    const stored = await storedFigures(tenantId);
    expect(stored.pointer.asOf).toBe(now.toISOString());
    for (const { weeks, rows, teamPages, leadPages, totals } of stored.periods) {
      const oracle = await wholeTenantReport(service.stores, tenantId, weeks, now);
      const bare = oracle.map(({ leads: _leads, ...row }) => row);
      const byTeam = (a: { teamId: string; week: string }, b: { teamId: string; week: string }) =>
        a.teamId.localeCompare(b.teamId) || a.week.localeCompare(b.week);
      expect([...rows].sort(byTeam)).toEqual([...bare].sort(byTeam));
      // Pages in name order, every team once.
      const names = teamPages.map((r) => r.teamName);
      expect(names).toEqual([...names].sort(new Intl.Collator('en', { sensitivity: 'base' }).compare));
      expect([...teamPages].sort(byTeam)).toEqual(bare.filter((r) => r.week === 'all').sort(byTeam));
      const oracleLeads: LeadLine[] = oracle.flatMap((r) =>
        (r.leads ?? []).map((l) => ({
          key: `${r.teamId}/${l.leadId}`,
          teamId: r.teamId,
          teamName: r.teamName,
          leadId: l.leadId,
          displayName: l.displayName,
          requested: l.requested,
          done: l.done,
          rate: l.rate,
          medianDays: l.medianDays,
          actions: r.learner.actions,
          results: r.learner.results,
          actionsDue: r.learner.actionsDue,
          followThrough: r.learner.followThrough,
          medianDaysToResult: r.learner.medianDaysToResult,
          nudged: l.nudged,
          overdue: l.overdue,
        })),
      );
      const byKey = (a: LeadLine, b: LeadLine) => a.key.localeCompare(b.key);
      expect([...leadPages].sort(byKey)).toEqual(oracleLeads.sort(byKey));
      // Totals by brute force: every team's row of each week added up.
      const weekKeys = [...new Set(oracle.map((r) => r.week))];
      const sum = (week: string, pick: (r: ReportRow) => number) => oracle.filter((r) => r.week === week).reduce((n, r) => n + pick(r), 0);
      const expected = weekKeys.map((week) => {
        const answered = sum(week, (r) => r.learner.checkInsAnswered);
        const closed = sum(week, (r) => r.learner.checkInsClosed);
        const requested = sum(week, (r) => r.leader.requested);
        const done = sum(week, (r) => r.leader.done);
        const results = sum(week, (r) => r.learner.results);
        const due = sum(week, (r) => r.learner.actionsDue);
        const days = oracle
          .filter((r) => r.week === week)
          .flatMap((r) => r.learner.daysToResult.flatMap(([d, n]) => Array.from({ length: n }, () => d)))
          .sort((a, b) => a - b);
        const mid = days.length / 2;
        return {
          week,
          weekStart: oracle.find((r) => r.week === week)!.weekStart,
          entries: sum(week, (r) => r.system.entries),
          minutes: sum(week, (r) => r.system.minutes),
          resourceRatings: sum(week, (r) => r.system.resourceRatings),
          insights: sum(week, (r) => r.learner.insights),
          actions: sum(week, (r) => r.learner.actions),
          results,
          actionsDue: due,
          followThrough: due ? results / due : null,
          medianDaysToResult: days.length === 0 ? null : days.length % 2 ? days[Math.floor(mid)]! : (days[mid - 1]! + days[mid]!) / 2,
          responseRate: closed ? answered / closed : null,
          followUpsRequested: requested,
          followUpsDone: done,
          followUpRate: requested ? done / requested : null,
        };
      });
      const all = expected.find((w) => w.week === 'all');
      expect(totals?.weeks).toEqual(expected.filter((w) => w.week !== 'all').sort((a, b) => a.week.localeCompare(b.week)));
      if (all)
        expect(totals?.total).toEqual({
          ...all,
          members: sum('all', (r) => r.learner.members),
          goalsOpen: sum('all', (r) => r.learner.goalsOpen ?? 0),
          goalsOnTrack: sum('all', (r) => r.learner.goalsOnTrack ?? 0),
        });
    }
    expect(stored.top).toEqual(await wholeTenantTopResources(service.stores.shares, tenantId, TOP_RESOURCES));
  }

  it('stores report rows, lead lines, totals and top resources equal to a whole-tenant recomputation, on random small tenants', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(teamArb, { minLength: 1, maxLength: 5 }), async (teams) => {
        const tenantId = `t-${randomUUID()}`;
        await seedTenant(tenantId, teams);
        const outcome = await jobWith({}).runTenant(tenantId);
        expect(outcome).toMatchObject({ status: 'done', chunks: Math.ceil(teams.length / 2), resumed: false });
        await expectEqualToOracle(tenantId);
      }),
      { numRuns: 10 },
    );
  }, 120_000);

  it('resumes a run killed after a chunk from its checkpoint, ends equal, and drops the generation it replaces', async () => {
    const tenantId = `t-${randomUUID()}`;
    const [teams] = fc.sample(fc.array(teamArb, { minLength: 5, maxLength: 5 }), { numRuns: 1, seed: 19 });
    await seedTenant(tenantId, teams!);
    const first = await jobWith({}).runTenant(tenantId);
    if (first.status !== 'done') throw new Error('the first run did not finish');

    const killed = jobWith({
      afterChunk: (chunk) => {
        if (chunk === 1) throw new Error('killed');
      },
    });
    await expect(killed.runTenant(tenantId)).rejects.toThrow('killed');
    // Until the figures are published, readers keep the previous run's.
    expect((await service.stores.orgFigures.pointer(tenantId))?.generation).toBe(first.generation);
    // Another instance, once the dead one's lease has run out, carries on after the first chunk.
    const later = new Date(now.getTime() + 3 * 60_000);
    const chunksDone: number[] = [];
    const resumed = await jobWith({ instanceId: 'instance-b', clock: () => later, afterChunk: (c) => void chunksDone.push(c) }).runTenant(
      tenantId,
    );
    expect(resumed).toMatchObject({ status: 'done', resumed: true, chunks: 2 });
    expect(chunksDone).toEqual([2, 3]);
    await expectEqualToOracle(tenantId);
    // The figures it replaced are gone.
    expect(await service.stores.orgFigures.totals(tenantId, first.generation, 12)).toBeUndefined();
    expect((await service.stores.orgFigures.teamPage(tenantId, first.generation, 12, 10)).rows).toEqual([]);
  });

  it('lets one instance at a time compute a tenant’s figures', async () => {
    const tenantId = `t-${randomUUID()}`;
    const [teams] = fc.sample(fc.array(teamArb, { minLength: 3, maxLength: 3 }), { numRuns: 1, seed: 7 });
    await seedTenant(tenantId, teams!);
    const [a, b] = await Promise.all([jobWith({}).runTenant(tenantId), jobWith({ instanceId: 'instance-b' }).runTenant(tenantId)]);
    expect([a.status, b.status].sort()).toEqual(['busy', 'done']);
  });
});
