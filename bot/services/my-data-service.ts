import type { CsvValue } from '../contract/csv-cell.js';
import { MY_ENTRIES_CSV_COLUMNS, myEntryRow } from '../domain/my-data-csv.js';
import { MY_DATA_FORMAT, countsOf, type MyDataCounts, type MyDataExport } from '../domain/my-data.js';
import type { Clock, Learner } from './learner.js';
import type { MyDataErasure } from './my-data-erasure.js';
import type { MyDataStores } from './my-data-stores.js';

/** A generous bound on a learner's check-in records: years of weekly cycles with their reminders. */
const ALL_CHECK_INS = 100_000;

/**
 * The learner's own data: all of it as one document, their entries as CSV, and erasing all of it.
 * Only the caller's own records are read — other people appear only as a lead's name on something
 * sent to them, and the marks others gave their shares only as counts.
 */
export class MyDataService {
  constructor(private readonly deps: { stores: MyDataStores; erasure: MyDataErasure; clock: Clock }) {}

  async export(caller: Learner & { displayName: string }): Promise<MyDataExport> {
    const { tenantId, userId } = caller;
    const s = this.deps.stores;
    const [
      profile,
      isAdmin,
      teamIds,
      entries,
      sends,
      goals,
      shares,
      votes,
      saved,
      helpedNotices,
      nudges,
      coaching,
      recsNaming,
      done,
      oneToOne,
      followUps,
      shareAsks,
      sharePrompts,
    ] = await Promise.all([
      s.users.get(tenantId, userId),
      s.admins.isAdmin(tenantId, userId),
      s.teams.teamsOf(tenantId, userId),
      s.entries.listAll(tenantId, userId),
      s.sends.listForLearner(tenantId, userId, ALL_CHECK_INS),
      s.goals.listForUser(tenantId, userId),
      s.shares.listSharesBy(tenantId, userId),
      s.shares.listVotesBy(tenantId, userId),
      s.shares.listSaved(tenantId, userId),
      s.shares.listHelpedNotices(tenantId, userId),
      s.nudges.listNaming(tenantId, userId),
      s.coaching.listForLearner(tenantId, userId),
      s.recommendations.listNaming(tenantId, userId),
      s.recommendations.listDoneBy(tenantId, userId),
      s.oneToOne.listForMember(tenantId, userId),
      s.followUps.listForLearner(tenantId, userId),
      s.shareAsks.listForMember(tenantId, userId),
      s.users.getSharePrompt(tenantId, userId),
    ]);
    const teams = await Promise.all(
      teamIds.map(async (teamId) => {
        const [settings, member] = await Promise.all([s.teams.getSettings(tenantId, teamId), s.teams.getMember(tenantId, teamId, userId)]);
        return { teamId, name: settings?.name ?? '', role: member?.role ?? ('member' as const) };
      }),
    );
    const ownShares = new Set(shares.map((sh) => `${sh.teamId}\n${sh.shareId}`));
    const recsToMe = recsNaming.map((r) => r.rec).filter((r) => r.learnerId === userId);
    const doneAt = new Map(done.map((d) => [`${d.teamId}\n${d.recId}`, d.doneAt]));
    // Team-wide recommendations they marked done are read one by one: a mark names only the recommendation.
    const doneElsewhere = await Promise.all(
      done
        .filter((d) => !recsToMe.some((r) => r.teamId === d.teamId && r.recId === d.recId))
        .map((d) => s.recommendations.get(tenantId, d.teamId, d.recId)),
    );
    return {
      format: MY_DATA_FORMAT,
      exportedAt: this.deps.clock().toISOString(),
      person: {
        tenantId,
        userId,
        displayName: profile?.displayName ?? caller.displayName,
        locale: profile?.locale ?? null,
        timeZone: profile?.timeZone ?? null,
        chosenTimeZone: profile?.chosenTimeZone ?? null,
        pausedAt: profile?.pausedAt ?? null,
        isAdmin,
        sharePrompts,
      },
      teams,
      entries: entries.map(({ tenantId: _t, userId: _u, ...entry }) => entry),
      checkIns: sends.map((r) => ({
        cycle: r.cycle,
        kind: r.kind,
        teamId: r.teamId,
        dueAt: r.dueAt,
        status: r.status,
        sentAt: r.sentAt ?? null,
        respondedAt: r.respondedAt ?? null,
        answer: r.answer ?? null,
      })),
      goals: goals.map(({ tenantId: _t, userId: _u, ...goal }) => goal),
      shares: shares.map((sh) => ({
        teamId: sh.teamId,
        shareId: sh.shareId,
        what: sh.what,
        sourceType: sh.sourceType,
        link: sh.link,
        insight: sh.insight,
        action: sh.action,
        rating: sh.sharerRating,
        createdAt: sh.createdAt,
        withdrawnAt: sh.withdrawnAt,
        tally: sh.tally,
      })),
      // Their own rating on their own share is the share's rating, above.
      marks: votes
        .filter((v) => !ownShares.has(`${v.teamId}\n${v.shareId}`))
        .map((v) => ({ teamId: v.teamId, shareId: v.shareId, helpful: v.helpful, saved: v.saved, rating: v.rating, at: v.at })),
      saved,
      helpedNotices,
      nudges: nudges
        .map((n) => n.nudge)
        .filter((n) => n.learnerId === userId)
        .map((n) => ({
          teamId: n.teamId,
          nudgeId: n.nudgeId,
          from: n.leadName,
          note: n.note,
          reason: n.reason,
          sentAt: n.sentAt,
          reply: n.reply,
        })),
      coaching: coaching.map((c) => ({
        teamId: c.teamId,
        shareId: c.shareId ?? null,
        entryId: c.entryId ?? null,
        about: c.about,
        from: c.leadName,
        note: c.note,
        at: c.at,
        answer: c.answer,
      })),
      followUps: followUps.map((f) => ({
        teamId: f.teamId,
        followUpId: f.followUpId,
        answer: f.answer,
        lead: f.nudgedBy.displayName,
        openedAt: f.openedAt,
        closed: f.closed ? { by: f.closed.by.displayName, note: f.closed.note, at: f.closed.at } : null,
      })),
      // Who asked is named as the team knows them: the request keeps only the lead's id.
      shareAsks: await Promise.all(
        shareAsks.map(async (a) => ({
          teamId: a.teamId,
          entryId: a.entryId,
          from: (await s.teams.getMember(tenantId, a.teamId, a.leadId))?.displayName ?? '',
          askedAt: a.askedAt,
          answer: a.answer,
          answeredAt: a.answeredAt,
        })),
      ),
      oneToOne: oneToOne.map(({ pair, item }) => ({ teamId: pair.teamId, leadId: pair.leadId, ...item })),
      recommendations: [...recsToMe, ...doneElsewhere.filter((r) => r !== undefined)].map((r) => ({
        teamId: r.teamId,
        recId: r.recId,
        from: r.leadName,
        title: r.title,
        link: r.link,
        note: r.note,
        at: r.at,
        toYou: r.learnerId === userId,
        doneAt: doneAt.get(`${r.teamId}\n${r.recId}`) ?? null,
      })),
    };
  }

  /** The learner's entries as CSV rows, header first, newest first, read a storage page at a time. */
  async *exportCsvRows(learner: Learner): AsyncGenerator<readonly CsvValue[]> {
    yield MY_ENTRIES_CSV_COLUMNS;
    for await (const entry of this.deps.stores.entries.streamAll(learner.tenantId, learner.userId)) yield myEntryRow(entry);
  }

  /** How much is held of theirs, by kind, for a chat message. */
  async counts(caller: Learner & { displayName: string }): Promise<MyDataCounts> {
    return countsOf(await this.export(caller));
  }

  /** Erases everything of theirs; idempotent, and a second run finishes one that stopped half way. */
  erase(learner: Learner): Promise<void> {
    return this.deps.erasure.erase(learner);
  }
}
