import type { Logger } from 'pino';
import { referenceWithoutPerson } from '../domain/conversation-reference.js';
import { erasedPseudonym } from '../domain/audit-trail.js';
import { ERASED_PERSON } from '../domain/my-data.js';
import type { AuditLog } from './audit-log.js';
import type { Learner } from './learner.js';
import type { MyDataStores } from './my-data-stores.js';
import type { WorkQueue } from '../store/work-queue.js';
import type { SendWork } from './send-work.js';
import type { ShareErasure } from './share-erasure.js';

/** Passes over records that changed while being rewritten; a handful settles any real race. */
const MAX_PASSES = 5;

/**
 * Erases a person from every table. What is theirs is deleted; what belongs to others but names
 * them (a nudge or coaching note they wrote as a lead, a team recommendation, "added by" on an
 * admin, "changed by" on a team's settings, a channel's conversation reference) stays with its
 * owner, with them taken out.
 *
 * Every step finds what it works on by reading the tables, never through an index an earlier step
 * deletes, and deletes a record's dependants before the record itself: a run that stops half way
 * is finished by running it again, and a run over nothing changes nothing. The order stops the app
 * from writing more about them meanwhile: rosters and team memberships go first (no more
 * dashboard rollups or planned check-ins), the profile last.
 */
export class MyDataErasure {
  constructor(
    private readonly deps: {
      stores: MyDataStores;
      shares: ShareErasure;
      audit: AuditLog;
      logger: Logger;
      /** Sends parked after failing too often: kept for whoever looks into them, and naming whom they were for. */
      failedSends?: WorkQueue<SendWork & { reason: string }>;
    },
  ) {}

  async erase(person: Learner): Promise<void> {
    const { tenantId, userId } = person;
    const s = this.deps.stores;
    const done: Record<string, number> = {};

    // Who they are in Teams, read before the rows that say so go: conversation references name them by it.
    const [profile, rosterRows] = await Promise.all([s.users.get(tenantId, userId), s.teams.rosterRowsOf(tenantId, userId)]);
    const ids = [
      ...new Set([userId, profile?.teamsUserId, ...rosterRows.map((m) => m.teamsUserId)].filter((id): id is string => Boolean(id))),
    ];
    done.sharedConversations = await this.scrubConversations(tenantId, ids);
    done.personalConversations = await s.conversations.removeOwner(tenantId, 'personal', userId);

    done.rosters = await s.teams.removeFromAllTeams(tenantId, userId);
    done.dueIndex = await s.dueIndex.removeLearnerEverywhere(tenantId, userId);

    done.shares = await this.deps.shares.removeSharesOf(person);
    done.marks = await this.deps.shares.removeMarksOf(person);
    done.savedAndNotices = await s.shares.removePerson(tenantId, userId);

    done.nudges = await this.eraseNudges(person);
    done.followUpsLed = await this.eraseFollowUpsLed(person);
    done.coachingReceived = await s.coaching.removeLearner(tenantId, userId);
    done.coachingWritten = await this.eraseCoachingWritten(person);
    done.recommendations = await this.eraseRecommendations(person);
    done.oneToOne = await s.oneToOne.removePerson(tenantId, userId);
    done.digestClaims = await s.digests.removeClaimsOf(tenantId, userId);
    done.shareAsks = await s.shareAsks.removePerson(tenantId, userId);
    await s.admins.remove(tenantId, userId);
    done.adminsNamed = await s.admins.replaceAdder(tenantId, userId, ERASED_PERSON);
    done.teamSettings = await s.teams.forgetEditor(tenantId, userId);

    done.xapiStatements = await s.xapiOutbox.removePerson(tenantId, userId);
    // Computed from what is now gone: withdrawn until recomputed without them.
    done.orgFigures = await s.orgFigures.withdrawPublished(tenantId, new Date().toISOString());
    // The one rewrite the audit trail ever gets: what they did and what was done to them stays
    // accountable under a pseudonym, who they were goes (SECURITY.md, "Audit trail").
    const pseudonym = erasedPseudonym();
    done.auditEvents = await s.auditTrail.pseudonymise(tenantId, userId, pseudonym);
    done.rollups = await s.rollups.removeMemberEverywhere(tenantId, userId);
    done.goals = await s.goals.removeLearner(tenantId, userId);
    done.entries = await s.entries.removeLearner(tenantId, userId);
    done.sends = await s.sends.removeLearner(tenantId, userId);
    done.failedSends = await this.removeFailedSends(ids);
    await s.users.remove(tenantId, userId);
    // Recorded once it happened, naming only the pseudonym; a run that found nothing left (a repeat) records nothing.
    if (profile || Object.values(done).some((n) => n > 0))
      await this.deps.audit.record({ tenantId, kind: 'data_erased', actor: pseudonym, detail: { records: sum(done) } });
    // Counts only: the log must not keep who was erased.
    this.deps.logger.info({ erased: done }, 'erased a person’s data');
  }

  /** Channel and group-chat references taken from one of their messages keep the conversation, without them. */
  private async scrubConversations(tenantId: string, ids: readonly string[]): Promise<number> {
    let scrubbed = 0;
    await this.repeatWhileRaced(async () => {
      let raced = 0;
      for (const { record, etag } of await this.deps.stores.conversations.listShared(tenantId)) {
        const without = referenceWithoutPerson(record.reference, ids);
        if (without === undefined) continue;
        if (await this.deps.stores.conversations.replaceReference(record, etag, without)) scrubbed++;
        else raced++;
      }
      return raced;
    });
    return scrubbed;
  }

  /** Nudges to them are theirs and go; nudges they sent as a lead are the team's follow-ups and stay, without their name. */
  private async eraseNudges({ tenantId, userId }: Learner): Promise<number> {
    let handled = 0;
    await this.repeatWhileRaced(async () => {
      let raced = 0;
      for (const { nudge, etag } of await this.deps.stores.nudges.listNaming(tenantId, userId)) {
        if (nudge.learnerId === userId) await this.deps.stores.nudges.remove(nudge);
        else if (!(await this.deps.stores.nudges.replaceLead(nudge, etag, ERASED_PERSON))) {
          raced++;
          continue;
        }
        handled++;
      }
      return raced;
    });
    return handled;
  }

  /** Follow-ups they owed or closed as a lead are the learners' and stay, without their name (their own went with their nudges). */
  private async eraseFollowUpsLed({ tenantId, userId }: Learner): Promise<number> {
    let handled = 0;
    await this.repeatWhileRaced(async () => {
      let raced = 0;
      for (const { followUp, etag } of await this.deps.stores.followUps.listNamingLead(tenantId, userId)) {
        if (await this.deps.stores.followUps.replaceLead(tenantId, followUp, etag, userId, ERASED_PERSON)) handled++;
        else raced++;
      }
      return raced;
    });
    return handled;
  }

  /** Coaching notes they wrote as a lead are the learners' threads and stay, without their name. */
  private async eraseCoachingWritten({ tenantId, userId }: Learner): Promise<number> {
    let handled = 0;
    await this.repeatWhileRaced(async () => {
      let raced = 0;
      for (const { note, etag } of await this.deps.stores.coaching.listByLead(tenantId, userId)) {
        if (await this.deps.stores.coaching.replaceLead(note, etag, ERASED_PERSON)) handled++;
        else raced++;
      }
      return raced;
    });
    return handled;
  }

  /** Recommendations made to them go; those they made stay with the team, without their name; their done marks go. */
  private async eraseRecommendations({ tenantId, userId }: Learner): Promise<number> {
    const recs = this.deps.stores.recommendations;
    let handled = 0;
    await this.repeatWhileRaced(async () => {
      let raced = 0;
      for (const { rec, etag } of await recs.listNaming(tenantId, userId)) {
        if (rec.learnerId === userId) await recs.remove(rec);
        else if (!(await recs.replaceLead(rec, etag, ERASED_PERSON))) {
          raced++;
          continue;
        }
        handled++;
      }
      return raced;
    });
    for (const mark of await recs.listDoneBy(tenantId, userId)) {
      await recs.setDone(tenantId, mark.teamId, mark.recId, userId, false, '');
      handled++;
    }
    return handled;
  }

  /** Parked sends naming them (by any of their ids) go: the queue is not worked, so nothing else would ever take them out. */
  private async removeFailedSends(ids: readonly string[]): Promise<number> {
    return (await this.deps.failedSends?.removeWhere((work) => ids.some((id) => JSON.stringify(work).includes(id)))) ?? 0;
  }

  /** Runs a pass again while it met records that changed under it (a race lost on an ETag). */
  private async repeatWhileRaced(pass: () => Promise<number>): Promise<void> {
    for (let i = 0; i < MAX_PASSES; i++) if ((await pass()) === 0) return;
    throw new Error('Records kept changing while a person’s data was being erased');
  }
}

function sum(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}
