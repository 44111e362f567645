import type { Logger } from 'pino';
import { FOLLOW_UP_EXPECTED_DAYS, type FollowUp, type FollowUpsResponse } from '../contract/follow-up-rules.js';
import { opensFollowUp, type Nudge, type NudgeAnswer } from '../contract/nudge-rules.js';
import { ConflictError, NotAllowedError, NotFoundError } from '../domain/errors.js';
import { daysWaiting, followUpOfCycle, followUpReminderCycle, reminderDueAt } from '../domain/follow-up.js';
import { minuteKey, type DueIndexStore } from '../store/due-index-store.js';
import type { FollowUpStore } from '../store/follow-up-store.js';
import type { NudgeStore } from '../store/nudge-store.js';
import type { SendRecord } from '../store/send-store.js';
import type { TeamStore } from '../store/team-store.js';
import type { AuditLog } from './audit-log.js';
import type { BehindReminders } from './behind-reminders.js';
import type { Clock, Learner } from './learner.js';
import type { LearnerReads } from './learner-reads.js';
import type { OutboundMessage } from './outbound-message.js';
import type { PersonalChat } from './share-publisher.js';

/** Closed follow-ups the tab lists, newest first. */
const CLOSED_SHOWN = 50;
/** Open follow-ups read at most; a team's leads would be reminded long before this many wait. */
const OPEN_READ = 500;
/** How far back a recorded result looks for nudges it answers: the longest dashboard period. */
const RESULT_LOOKBACK_MS = 53 * 7 * 86_400_000;

/** Closing a follow-up: closed now, or it already was (by whom and with what note). */
export type CloseOutcome = { kind: 'closed'; followUp: FollowUp; learnerTold: boolean } | { kind: 'already_closed'; followUp: FollowUp };

/**
 * Follow-ups that close. A learner's "I need help" or "Let's talk" opens one for the team's leads,
 * and each lead is reminded once if it waits longer than the tenant's L&D setting (FOLLOW_UP_EXPECTED_DAYS by default); a lead closes it
 * with a short note and the learner is told. Closing (or the learner recording a result) is what
 * makes the nudge's follow-up count as done (domain/leader-metrics.ts).
 */
export class FollowUpService {
  constructor(
    private readonly deps: {
      followUps: FollowUpStore;
      nudges: Pick<NudgeStore, 'setClosed' | 'setResult' | 'listTeam'>;
      teams: Pick<TeamStore, 'getMember' | 'getSettings' | 'listLeads' | 'teamsOf'>;
      dueIndex: Pick<DueIndexStore, 'putReminder'>;
      chat: PersonalChat;
      audit: AuditLog;
      /** The tenant's L&D settings: how many days a follow-up may wait (FOLLOW_UP_EXPECTED_DAYS unless set). */
      expectations?: { followUpDays(tenantId: string): Promise<number> };
      /** Files each lead's weekly reminder while they are behind the expectation. */
      behind?: Pick<BehindReminders, 'file'>;
      clock: Clock;
      logger: Logger;
    },
  ) {}

  /**
   * After a learner answered a nudge: opens the follow-up an answer asking something of the lead
   * calls for, and files each lead's one reminder. Answering again opens nothing more.
   */
  async answered(nudge: Nudge, answer: NudgeAnswer, at: string): Promise<FollowUp | undefined> {
    if (!opensFollowUp(answer)) return undefined;
    const followUp: FollowUp = {
      teamId: nudge.teamId,
      followUpId: nudge.nudgeId,
      learnerId: nudge.learnerId,
      learnerName: nudge.learnerName,
      answer,
      nudgedBy: { userId: nudge.leadId, displayName: nudge.leadName },
      nudgeNote: nudge.note,
      reason: nudge.reason,
      ...(nudge.why ? { why: nudge.why } : {}),
      openedAt: at,
      closed: null,
    };
    const opened = await this.deps.followUps.open({ ...followUp, tenantId: nudge.tenantId });
    const stored = opened ? followUp : (await this.deps.followUps.get(nudge.tenantId, nudge.teamId, nudge.nudgeId))?.followUp;
    if (!stored || stored.closed) return stored;
    // Filed again after a repeated answer too: a first try may have stopped between the two writes (filing is idempotent).
    const dueAt = reminderDueAt(stored.openedAt, await this.expectedDays(nudge.tenantId));
    if (opened || dueAt > this.deps.clock()) {
      // A learner who co-leads the team is not reminded of their own ask.
      const leads = (await this.deps.teams.listLeads(nudge.tenantId, nudge.teamId)).filter((l) => l.userId !== nudge.learnerId);
      await Promise.all(
        leads.map(async (lead) => {
          await this.deps.dueIndex.putReminder(
            {
              minute: minuteKey(dueAt),
              tenantId: nudge.tenantId,
              userId: lead.userId,
              teamId: nudge.teamId,
              cycle: followUpReminderCycle(nudge.teamId, nudge.nudgeId),
              dueAt: dueAt.toISOString(),
            },
            'follow-up-reminder',
          );
          // The lead's weekly slot after it falls overdue: they are behind from then until it is closed.
          await this.deps.behind?.file(nudge.tenantId, lead.userId, nudge.teamId, dueAt);
        }),
      );
    }
    return stored;
  }

  private async expectedDays(tenantId: string): Promise<number> {
    return (await this.deps.expectations?.followUpDays(tenantId)) ?? FOLLOW_UP_EXPECTED_DAYS;
  }

  /** The team's follow-ups for one of its leads: open ones oldest first, recently closed newest first. */
  async listFor(caller: Learner, teamId: string): Promise<FollowUpsResponse> {
    await this.leadOf(caller, teamId);
    const [open, closed] = await Promise.all([
      this.deps.followUps.listTeam(caller.tenantId, teamId, 'open', OPEN_READ),
      this.deps.followUps.listTeam(caller.tenantId, teamId, 'closed', CLOSED_SHOWN),
    ]);
    return { expectedDays: await this.expectedDays(caller.tenantId), open: open.reverse(), closed };
  }

  /** A lead closes a follow-up of their team with a note (validated at the edge); the learner is told. */
  async close(caller: Learner, teamId: string, followUpId: string, note: string): Promise<CloseOutcome> {
    const lead = await this.leadOf(caller, teamId);
    for (let attempt = 0; attempt < 3; attempt++) {
      const found = await this.deps.followUps.get(caller.tenantId, teamId, followUpId);
      if (!found) throw new NotFoundError('There is no follow-up with that id in this team.');
      if (found.followUp.closed) return { kind: 'already_closed', followUp: found.followUp };
      const at = this.deps.clock().toISOString();
      const closed = { by: { userId: lead.userId, displayName: lead.displayName }, note, at };
      // The nudge first: a close that stops after it is retried and still counts once (the figures read the nudge).
      await this.deps.nudges.setClosed(caller.tenantId, teamId, followUpId, at);
      if (!(await this.deps.followUps.close(caller.tenantId, found.followUp, found.etag, closed))) continue;
      const followUp = { ...found.followUp, closed };
      await this.deps.audit.record({
        tenantId: caller.tenantId,
        kind: 'follow_up_closed',
        actor: { userId: lead.userId, displayName: lead.displayName },
        subject: { userId: followUp.learnerId, displayName: followUp.learnerName },
        teamId,
        // Facts only: the note is the lead's words to the learner, kept with the follow-up.
        detail: { followUpId, answer: followUp.answer },
      });
      const settings = await this.deps.teams.getSettings(caller.tenantId, teamId);
      const learnerTold = await this.tell(caller.tenantId, followUp.learnerId, {
        kind: 'follow-up-closed',
        followUp,
        teamName: settings?.name,
      });
      return { kind: 'closed', followUp, learnerTold };
    }
    throw new ConflictError('The follow-up kept changing while it was being closed; try again.');
  }

  /** Closing that a follow-up already closed refuses: what the API answers 409. */
  async closeOnce(
    caller: Learner,
    teamId: string,
    followUpId: string,
    note: string,
  ): Promise<{ followUp: FollowUp; learnerTold: boolean }> {
    const outcome = await this.close(caller, teamId, followUpId, note);
    if (outcome.kind === 'already_closed') {
      throw new ConflictError(`This follow-up was already closed by ${outcome.followUp.closed?.by.displayName ?? 'a lead'}.`);
    }
    return { followUp: outcome.followUp, learnerTold: outcome.learnerTold };
  }

  /** The reminder a send record stands for; undefined once the follow-up is closed or the reader no longer leads the team. */
  async reminderFor(record: Pick<SendRecord, 'tenantId' | 'userId' | 'teamId' | 'cycle'>): Promise<OutboundMessage | undefined> {
    const named = followUpOfCycle(record.cycle);
    if (!named) return undefined;
    const [found, member, settings] = await Promise.all([
      this.deps.followUps.get(record.tenantId, named.teamId, named.followUpId),
      this.deps.teams.getMember(record.tenantId, named.teamId, record.userId),
      this.deps.teams.getSettings(record.tenantId, named.teamId),
    ]);
    if (!found || found.followUp.closed || member?.role !== 'lead') return undefined;
    return {
      kind: 'follow-up-reminder',
      followUp: found.followUp,
      teamName: settings?.name,
      daysWaiting: daysWaiting(found.followUp, this.deps.clock()),
    };
  }

  /** A follow-up as the reminder card shows it to one of the team's leads (to draw it again after a bad note). */
  async viewFor(caller: Learner, teamId: string, followUpId: string): Promise<OutboundMessage & { kind: 'follow-up-reminder' }> {
    await this.leadOf(caller, teamId);
    const [found, settings] = await Promise.all([
      this.deps.followUps.get(caller.tenantId, teamId, followUpId),
      this.deps.teams.getSettings(caller.tenantId, teamId),
    ]);
    if (!found) throw new NotFoundError('There is no follow-up with that id in this team.');
    return {
      kind: 'follow-up-reminder',
      followUp: found.followUp,
      teamName: settings?.name,
      daysWaiting: daysWaiting(found.followUp, this.deps.clock()),
    };
  }

  /**
   * The learner recorded a result of an action: every nudge they were sent before it, in each of
   * their teams, counts as followed through (the first result is kept). The teams are apart, so
   * they are read side by side; `reads`: the learner's teams as the submission has read them.
   */
  async resultRecorded(learner: Learner, at: Date, reads?: LearnerReads): Promise<void> {
    const since = new Date(at.getTime() - RESULT_LOOKBACK_MS);
    const teamIds = await (reads?.learner.tenantId === learner.tenantId && reads.learner.userId === learner.userId
      ? reads.teamIds()
      : this.deps.teams.teamsOf(learner.tenantId, learner.userId));
    await Promise.all(
      teamIds.map(async (teamId) => {
        const nudges = await this.deps.nudges.listTeam(learner.tenantId, teamId, 1000, since);
        const answered = nudges.filter((n) => n.learnerId === learner.userId && !n.resultAt && Date.parse(n.sentAt) <= at.getTime());
        await Promise.all(answered.map((n) => this.deps.nudges.setResult(n, at.toISOString())));
      }),
    );
  }

  private async leadOf(caller: Learner, teamId: string) {
    const member = await this.deps.teams.getMember(caller.tenantId, teamId, caller.userId);
    if (!member) throw new NotAllowedError('You are not a member of this team.', 'not_member');
    if (member.role !== 'lead') throw new NotAllowedError('Only the team’s leads can see and close its follow-ups.');
    return member;
  }

  private async tell(tenantId: string, userId: string, message: OutboundMessage): Promise<boolean> {
    try {
      return await this.deps.chat.tellPerson(tenantId, userId, message);
    } catch (error) {
      // The follow-up is closed either way; the API says whether the learner was told.
      this.deps.logger.warn({ err: error }, 'the learner could not be told their follow-up was closed');
      return false;
    }
  }
}
