import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, DEMO_TEAM, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import { seedDemoData } from '../../bot/demo/seed-demo-data.js';
import type { Goal } from '../../bot/contract/goal-rules.js';
import { retentionCutoff, weekAggregateOf, weeksBefore, type WeekAggregate } from '../../bot/domain/retention.js';
import { AggregateStore } from '../../bot/store/aggregate-store.js';
import { newestFirstTimeKey } from '../../bot/store/keys.js';
import { noneRetained } from '../../bot/services/retention-service.js';
import { statementOf } from '../../bot/domain/xapi/statements.js';
import { tableClients } from '../../bot/store/table-clients.js';
import { digestCycle } from '../../bot/store/send-store.js';
import { startTestService, type RunningTestService } from '../../bot/testing/test-service.js';

const DAY = 86_400_000;
const DAYS = 371;
const jobNow = new Date('2026-11-27T12:00:00Z');
const cutoff = retentionCutoff(jobNow, DAYS);
// The demo's eight weeks of history end four weeks after the cutoff: about half of it is past retention.
const seededAt = new Date(cutoff.getTime() + 28 * DAY);
const [alex, megan] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!];
const ZONE = 'Europe/London';

describe('retention (Azurite, demo data)', () => {
  let service: RunningTestService;
  let now = seededAt;
  let aggregates: AggregateStore;
  let xapiKept: string[] = [];

  const goal = (goalId: string, closedAt: string | null, reports: string[]): Goal => ({
    goalId,
    tenantId: DEMO_TENANT_ID,
    userId: megan.userId,
    what: `Goal ${goalId}`,
    why: null,
    targetDate: '2026-01-31',
    resources: [],
    progress: reports.map((at) => ({ at, state: 'on-track', note: null, cycle: null })),
    createdAt: new Date(cutoff.getTime() - 60 * DAY).toISOString(),
    closedAt,
  });
  const at = (daysFromCutoff: number) => new Date(cutoff.getTime() + daysFromCutoff * DAY);
  const auditTrail = async () => {
    const events = [];
    for await (const e of service.stores.auditTrail.stream(DEMO_TENANT_ID, {})) events.push(e);
    return events;
  };

  /** Everything raw the job may touch, as the stores read it. */
  const snapshot = async () => {
    const s = service.stores;
    const people = await Promise.all(
      DEMO_PEOPLE.map(async (p) => ({
        entries: await s.entries.listAll(DEMO_TENANT_ID, p.userId),
        sends: await s.sends.listForLearner(DEMO_TENANT_ID, p.userId, 1000),
        coaching: await s.coaching.listForLearner(DEMO_TENANT_ID, p.userId),
        goals: await s.goals.listForUser(DEMO_TENANT_ID, p.userId),
      })),
    );
    const extra = await Promise.all(
      DEMO_PEOPLE.map(async (p) => ({
        saved: (await s.shares.listSaved(DEMO_TENANT_ID, p.userId)).map((x) => ({ ...x, userId: p.userId })),
        notices: (await s.shares.listHelpedNotices(DEMO_TENANT_ID, p.userId)).map((day) => `${p.userId}:${day}`),
      })),
    );
    const digestClaims: string[] = [];
    for await (const e of tableClients(service.config.storage).digests.listEntities()) digestClaims.push(`${e.rowKey}:${String(e.sentAt)}`);
    return {
      entries: people.flatMap((p) => p.entries),
      sends: people.flatMap((p) => p.sends.map(({ etag: _e, ...rest }) => rest)),
      coaching: people.flatMap((p) => p.coaching),
      goals: people.flatMap((p) => p.goals),
      nudges: await s.nudges.listTeam(DEMO_TENANT_ID, DEMO_TEAM.id, 1000),
      followUps: (
        await Promise.all((['open', 'closed'] as const).map((status) => s.followUps.listTeam(DEMO_TENANT_ID, DEMO_TEAM.id, status, 1000)))
      ).flat(),
      shareAsks: (await s.shareAsks.listByLead(DEMO_TENANT_ID, DEMO_TEAM.id, alex.userId)).map((a) => a.entryId).sort(),
      oneToOne: (await s.oneToOne.listForMember(DEMO_TENANT_ID, megan.userId)).map((i) => i.item.itemId).sort(),
      rollups: await s.rollups.listTeam(DEMO_TENANT_ID, DEMO_TEAM.id),
      aggregates: await aggregates.listTeam(DEMO_TENANT_ID, DEMO_TEAM.id),
      shares: await s.shares.listTeamShares(DEMO_TENANT_ID, DEMO_TEAM.id),
      votes: await s.shares.listTeamVotes(DEMO_TENANT_ID, DEMO_TEAM.id),
      saved: extra.flatMap((p) => p.saved),
      notices: extra.flatMap((p) => p.notices).sort(),
      recommendations: await s.recommendations.listTeam(DEMO_TENANT_ID, DEMO_TEAM.id),
      recommendationsDone: await s.recommendations.listDone(DEMO_TENANT_ID, DEMO_TEAM.id),
      digestClaims: digestClaims.sort(),
      digestSends: (
        await Promise.all(
          ['old', 'new'].map((name) => s.sends.get(DEMO_TENANT_ID, alex.userId, digestCycle(`week-${name}`, DEMO_TEAM.id), 'digest')),
        )
      ).map((r) => r?.cycle ?? null),
      xapi: (await s.xapiOutbox.listIds(DEMO_TENANT_ID)).map((r) => r.statementId).sort(),
      audit: await auditTrail(),
    };
  };

  beforeAll(async () => {
    service = await startTestService({ retentionDays: DAYS }, { clock: () => now });
    aggregates = new AggregateStore(tableClients(service.config.storage).aggregates);
    await seedDemoData({ ...service, now: seededAt });
    const s = service.stores;
    for (const [name, sentAt] of [
      ['old', at(-3)],
      ['new', at(3)],
    ] as const) {
      await s.nudges.create({
        tenantId: DEMO_TENANT_ID,
        teamId: DEMO_TEAM.id,
        nudgeId: `${newestFirstTimeKey(sentAt)}-${name}`,
        learnerId: megan.userId,
        learnerName: megan.displayName,
        leadId: alex.userId,
        leadName: alex.displayName,
        note: null,
        reason: null,
        flaggedSince: null,
        sentAt: sentAt.toISOString(),
        delivered: true,
        reply: null,
      });
      // Megan asked for help: the follow-up beside the nudge is as old as the nudge.
      await s.followUps.open({
        tenantId: DEMO_TENANT_ID,
        teamId: DEMO_TEAM.id,
        followUpId: `${newestFirstTimeKey(sentAt)}-${name}`,
        learnerId: megan.userId,
        learnerName: megan.displayName,
        answer: 'need-help',
        nudgedBy: { userId: alex.userId, displayName: alex.displayName },
        nudgeNote: null,
        reason: null,
        openedAt: new Date(sentAt.getTime() + 3_600_000).toISOString(),
      });
      // Alex asked her to share an entry, and put a topic on their 1:1 list, as long ago.
      await s.shareAsks.create({
        tenantId: DEMO_TENANT_ID,
        teamId: DEMO_TEAM.id,
        leadId: alex.userId,
        memberId: megan.userId,
        entryId: `entry-${name}`,
        askedAt: sentAt.toISOString(),
        answer: null,
        answeredAt: null,
      });
      await s.oneToOne.create(
        { tenantId: DEMO_TENANT_ID, teamId: DEMO_TEAM.id, leadId: alex.userId, memberId: megan.userId },
        {
          itemId: `topic-${name}`,
          kind: 'topic',
          refId: null,
          text: `topic ${name}`,
          addedBy: { userId: alex.userId, displayName: alex.displayName },
          addedAt: sentAt.toISOString(),
          ticked: name === 'old' ? { by: { userId: megan.userId, displayName: megan.displayName }, at: at(4).toISOString() } : null,
        },
      );
      await s.coaching.create({
        tenantId: DEMO_TENANT_ID,
        teamId: DEMO_TEAM.id,
        shareId: 's1',
        about: 'a talk',
        learnerId: megan.userId,
        noteId: `${newestFirstTimeKey(sentAt)}-${name}`,
        leadId: alex.userId,
        leadName: alex.displayName,
        note: `note ${name}`,
        at: sentAt.toISOString(),
        answer: null,
      });
    }
    // One share on each side of the cutoff, each rated, marked and saved by Megan.
    const seeded = (await s.shares.listTeamShares(DEMO_TENANT_ID, DEMO_TEAM.id)).find((x) => x.sharerId === alex.userId)!;
    for (const [name, made] of [
      ['old', at(-2)],
      ['new', at(2)],
    ] as const) {
      const share = { ...seeded, shareId: `share-${name}`, createdAt: made.toISOString() };
      await s.shares.create(share);
      await s.shares.writeVote(
        DEMO_TENANT_ID,
        DEMO_TEAM.id,
        share.shareId,
        { userId: megan.userId, helpful: true, saved: true, rating: 4, resourceKey: share.resourceKey, at: made.toISOString() },
        undefined,
      );
      await s.shares.setSaved(
        DEMO_TENANT_ID,
        megan.userId,
        { teamId: DEMO_TEAM.id, shareId: share.shareId, savedAt: made.toISOString() },
        true,
      );
    }
    for (const [name, made] of [
      ['old', at(-2)],
      ['new', at(2)],
    ] as const) {
      await s.recommendations.create({
        tenantId: DEMO_TENANT_ID,
        teamId: DEMO_TEAM.id,
        recId: `rec-${name}`,
        leadId: alex.userId,
        leadName: alex.displayName,
        learnerId: null,
        title: `Recommended ${name}`,
        link: `https://example.com/${name}`,
        note: null,
        at: made.toISOString(),
      });
      await s.recommendations.setDone(DEMO_TENANT_ID, DEMO_TEAM.id, `rec-${name}`, megan.userId, true, at(3).toISOString());
      await s.digests.claim(DEMO_TENANT_ID, DEMO_TEAM.id, alex.userId, `week-${name}`, made.toISOString());
      await s.sends.createIfAbsent({
        kind: 'digest',
        tenantId: DEMO_TENANT_ID,
        userId: alex.userId,
        teamId: DEMO_TEAM.id,
        cycle: digestCycle(`week-${name}`, DEMO_TEAM.id),
        dueAt: made.toISOString(),
      });
      await s.shares.claimHelpedNotice(DEMO_TENANT_ID, megan.userId, made.toISOString().slice(0, 10), made.toISOString());
    }
    // Statements for an LRS: sent before and after the cutoff, and one stuck failing since before it.
    const entries = (await s.entries.listAll(DEMO_TENANT_ID, megan.userId)).slice(0, 4);
    const rowOf = (i: number) => ({
      statement: statementOf({ kind: 'entry', entry: entries[i]! }, []),
      actorId: megan.userId,
      instructorId: undefined,
    });
    await s.xapiOutbox.add(DEMO_TENANT_ID, [rowOf(0), rowOf(1), rowOf(2), rowOf(3)], at(-5).toISOString());
    const claimed = await s.xapiOutbox.claimDue(DEMO_TENANT_ID, at(-4), 4, 60);
    const byId = new Map(claimed.map((r) => [r.statementId, r]));
    await s.xapiOutbox.markSent(DEMO_TENANT_ID, [byId.get(rowOf(0).statement.id)!], at(-3).toISOString());
    await s.xapiOutbox.markSent(DEMO_TENANT_ID, [byId.get(rowOf(1).statement.id)!], at(3).toISOString());
    await s.xapiOutbox.markAttemptFailed(DEMO_TENANT_ID, [rowOf(2).statement.id], '503', at(-2).toISOString(), null);
    await s.xapiOutbox.markAttemptFailed(DEMO_TENANT_ID, [rowOf(3).statement.id], '503', at(2).toISOString(), null);
    xapiKept = [rowOf(1).statement.id, rowOf(3).statement.id].sort();
    // Audit events either side of the cutoff, one at it to the millisecond (kept: only what came before goes), two in one millisecond.
    for (const [view, when] of [
      ['old', at(-1)],
      ['old-too', at(-1)],
      ['at-cutoff', cutoff],
      ['new', at(1)],
    ] as const) {
      await s.auditTrail.add(
        {
          tenantId: DEMO_TENANT_ID,
          kind: 'member_entries_viewed',
          actor: { userId: alex.userId, displayName: alex.displayName },
          subject: { userId: megan.userId, displayName: megan.displayName },
          teamId: DEMO_TEAM.id,
          detail: { view },
        },
        when,
      );
    }
    await s.goals.create(goal('closed-old', at(-1).toISOString(), [at(-40).toISOString()]));
    await s.goals.create(goal('closed-new', at(1).toISOString(), [at(-40).toISOString(), at(1).toISOString()]));
    await s.goals.create(goal('open', null, [at(-40).toISOString(), at(5).toISOString()]));
    now = jobNow;
  });
  afterAll(() => service.stop());

  it('deletes raw records past retention, keeps the rest, and folds old weeks into anonymous team totals', async () => {
    const before = await snapshot();
    const lead = { tenantId: DEMO_TENANT_ID, userId: alex.userId };
    const dashboardBefore = await service.services.dashboards.dashboardFor(lead, DEMO_TEAM.id, 52);
    const oldWeeks = weeksBefore(before.rollups, cutoff, ZONE);
    expect(oldWeeks.length).toBeGreaterThan(0);
    const expected: WeekAggregate[] = oldWeeks.map((w) => weekAggregateOf(before.rollups, w));
    // Sanity: the seed gave both sides of the cutoff something to keep or delete.
    const isOld = (iso: string) => Date.parse(iso) < cutoff.getTime();
    expect(before.entries.some((e) => isOld(e.createdAt)) && before.entries.some((e) => !isOld(e.createdAt))).toBe(true);
    expect(before.sends.some((r) => isOld(r.dueAt)) && before.sends.some((r) => !isOld(r.dueAt))).toBe(true);
    const oldShares = new Set(before.shares.filter((x) => isOld(x.createdAt)).map((x) => x.shareId));
    expect(oldShares.has('share-old') && !oldShares.has('share-new')).toBe(true);
    expect(before.saved.some((x) => x.shareId === 'share-old') && before.votes.some((v) => v.shareId === 'share-old')).toBe(true);

    expect(await service.retention!.runDue('instance-a')).toBe(true);
    const after = await snapshot();

    expect(after.entries).toEqual(before.entries.filter((e) => !isOld(e.createdAt)));
    expect(after.sends).toEqual(before.sends.filter((r) => !isOld(r.dueAt)));
    expect(after.nudges.map((n) => n.nudgeId)).toEqual(before.nudges.filter((n) => !isOld(n.sentAt)).map((n) => n.nudgeId));
    // Of the two written here (the demo's follow-up nudges are recent), the new one stays.
    const written = after.nudges.filter((n) => /-(old|new)$/.test(n.nudgeId));
    expect(written.map((n) => n.nudgeId.endsWith('-new'))).toEqual([true]);
    // Their follow-ups go with them: the old one, open or not, leaves nothing behind.
    expect(before.followUps.map((f) => f.followUpId).filter((id) => /-(old|new)$/.test(id))).toHaveLength(2);
    // So do requests to share and 1:1 topics from before the cutoff (the old topic was ticked off recently: it goes all the same).
    expect(before.shareAsks.filter((id) => /^entry-(old|new)$/.test(id))).toEqual(['entry-new', 'entry-old']);
    expect(after.shareAsks).toEqual(before.shareAsks.filter((id) => id !== 'entry-old'));
    expect(before.oneToOne.filter((id) => /^topic-(old|new)$/.test(id))).toEqual(['topic-new', 'topic-old']);
    expect(after.oneToOne).toEqual(before.oneToOne.filter((id) => id !== 'topic-old'));
    expect(after.followUps.map((f) => f.followUpId)).toEqual(
      before.followUps.filter((f) => !f.followUpId.endsWith('-old')).map((f) => f.followUpId),
    );
    expect(after.coaching.map((n) => n.note)).toEqual(['note new']);
    expect(after.goals.map((g) => [g.goalId, g.progress.length])).toEqual([
      ['closed-new', 1],
      ['open', 1],
    ]);

    // Shares made before the cutoff go with every mark on them and every saved-list row pointing at them.
    expect(after.shares).toEqual(before.shares.filter((x) => !oldShares.has(x.shareId)));
    expect(after.votes).toEqual(before.votes.filter((v) => !oldShares.has(v.shareId)));
    expect(after.saved).toEqual(before.saved.filter((x) => !oldShares.has(x.shareId)));
    expect(after.saved.some((x) => x.shareId === 'share-new') && after.votes.some((v) => v.shareId === 'share-new')).toBe(true);
    expect(after.notices).toEqual(before.notices.filter((n) => !isOld(`${n.split(':')[1]}T23:59:59Z`)));
    expect(after.notices).toHaveLength(1);
    // A recommendation made before the cutoff goes with who did it; a recent one keeps its recent tick.
    expect(after.recommendations.map((r) => r.recId)).toEqual(['rec-new']);
    expect(after.recommendationsDone.map((d) => d.recId)).toEqual(['rec-new']);
    expect(after.digestClaims).toEqual(before.digestClaims.filter((c) => !c.includes('week-old')));
    expect(after.digestClaims).toHaveLength(before.digestClaims.length - 1);
    expect(before.digestSends).toEqual([digestCycle('week-old', DEMO_TEAM.id), digestCycle('week-new', DEMO_TEAM.id)]);
    expect(after.digestSends).toEqual([null, digestCycle('week-new', DEMO_TEAM.id)]);
    // What stays of statements sent before the cutoff goes, and one failing since before it; the recent ones stay.
    expect(before.xapi).toHaveLength(4);
    expect(after.xapi).toEqual(xapiKept);
    // The audit trail is kept as long as the records it speaks of, no longer.
    // Newest first; the two of one millisecond both kept, in either order.
    expect(before.audit.map((e) => e.detail.view).slice(0, 2)).toEqual(['new', 'at-cutoff']);
    expect(before.audit.map((e) => e.detail.view).sort()).toEqual(['at-cutoff', 'new', 'old', 'old-too']);
    expect(after.audit.map((e) => e.detail.view)).toEqual(['new', 'at-cutoff']);

    // The old weeks live on as team totals equal to what the members' cells summed, naming no one.
    expect(after.aggregates).toEqual(expected);
    const people = DEMO_PEOPLE.flatMap((p) => [p.userId, p.teamsUserId, p.displayName]);
    const raw = JSON.stringify(after.aggregates);
    for (const id of people) expect(raw).not.toContain(id);
    for (const r of after.rollups) for (const w of oldWeeks) expect(r.weeks[w] ?? r.cycles[w]).toBeUndefined();

    // Nothing a 52-week dashboard shows was touched, but streaks: they count answered check-ins back as far as
    // they are kept (60 weeks before, the retention now), and here no check-in went since the seed.
    const dashboardAfter = await service.services.dashboards.dashboardFor(lead, DEMO_TEAM.id, 52);
    const withoutStreaks = (d: typeof dashboardBefore) =>
      'members' in d ? { ...d, members: d.members.map(({ streak: _s, ...m }) => m) } : d;
    expect(withoutStreaks(dashboardAfter)).toEqual(withoutStreaks(dashboardBefore));
    if ('members' in dashboardAfter && 'members' in dashboardBefore) {
      for (const [i, m] of dashboardAfter.members.entries()) expect(m.streak).toBeLessThanOrEqual(dashboardBefore.members[i]!.streak);
    }
  });

  it('changes nothing when run again, by this instance the same day or by another', async () => {
    const before = await snapshot();
    expect(await service.retention!.runDue('instance-a')).toBe(false);
    expect(await service.retention!.run(jobNow)).toEqual(noneRetained());
    expect(await snapshot()).toEqual(before);
  });
});
