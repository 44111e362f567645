import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { XapiRecorder } from './xapi-recorder.js';
import { nudgedRecently } from '../domain/nudge.js';
import type { Nudge, NudgeAnswer } from '../contract/nudge-rules.js';
import type { NudgeStore } from '../store/nudge-store.js';
import { newestFirstTimeKey } from '../store/keys.js';
import type { TeamStore } from '../store/team-store.js';
import { memberFollowUp } from '../domain/dashboard.js';
import type { RollupStore } from '../store/rollup-store.js';
import type { Clock, Learner } from './learner.js';
import type { PersonalChat } from './share-publisher.js';
import type { OutboundMessage } from './outbound-message.js';
import type { FollowUpService } from './follow-up-service.js';
import { ConflictError, NotAllowedError, NotFoundError } from '../domain/errors.js';

const HISTORY_LIMIT = 200;

/** A learner's reply to a nudge: recorded (and told to the lead), or not theirs to give. */
export type NudgeReplyOutcome = { kind: 'answered'; nudge: Nudge; answer: NudgeAnswer } | { kind: 'not_yours' };

/**
 * A lead's nudge: a card in the learner's personal chat with the lead's note and one-press
 * replies; the reply is recorded on the nudge and told to the lead.
 */
export class NudgeService {
  constructor(
    private readonly deps: {
      nudges: NudgeStore;
      teams: TeamStore;
      rollups: RollupStore;
      chat: PersonalChat;
      clock: Clock;
      logger: Logger;
      xapi?: XapiRecorder;
      /** Opens the follow-up an answer asking something of the lead calls for. */
      followUps?: Pick<FollowUpService, 'answered'>;
    },
  ) {}

  /** Only a lead of the team may nudge, and only someone on its roster. */
  async nudge(lead: Learner, teamId: string, learnerId: string, input: { note: string | null }): Promise<Nudge> {
    const [caller, learner, settings] = await Promise.all([
      this.deps.teams.getMember(lead.tenantId, teamId, lead.userId),
      this.deps.teams.getMember(lead.tenantId, teamId, learnerId),
      this.deps.teams.getSettings(lead.tenantId, teamId),
    ]);
    if (!caller || !settings) throw new NotAllowedError('You are not a member of this team.', 'not_member');
    if (caller.role !== 'lead') throw new NotAllowedError('Only the team’s leads can nudge its members.');
    if (!learner) throw new NotFoundError('That person is not a member of this team.');
    const now = this.deps.clock();
    const previous = await this.deps.nudges.listTeam(lead.tenantId, teamId, HISTORY_LIMIT);
    if (nudgedRecently(previous, lead.userId, learnerId, now)) {
      throw new ConflictError(`You nudged ${learner.displayName} less than 12 hours ago; give them time to answer.`);
    }
    // What the dashboard says about the learner now: the follow-up this nudge answers, if any, and since when.
    const rollup = (await this.deps.rollups.get(lead.tenantId, teamId, learnerId))?.rollup;
    const flag = memberFollowUp(rollup, learner.joinedAt, now);
    const nudge: Nudge = {
      tenantId: lead.tenantId,
      teamId,
      nudgeId: `${newestFirstTimeKey(now)}-${randomUUID().slice(0, 8)}`,
      learnerId,
      learnerName: learner.displayName,
      leadId: lead.userId,
      leadName: caller.displayName,
      note: input.note,
      reason: flag?.reason ?? null,
      why: flag?.why ?? null,
      flaggedSince: flag ? new Date(flag.since).toISOString() : null,
      sentAt: now.toISOString(),
      delivered: false,
      reply: null,
    };
    await this.deps.nudges.create(nudge);
    const delivered = await this.tell(nudge.tenantId, learnerId, { kind: 'nudge', nudge, teamName: settings.name });
    if (delivered) await this.deps.nudges.setDelivered(nudge, true);
    return { ...nudge, delivered };
  }

  /** The learner's quick reply; only the nudged learner can answer, and a second answer replaces the first. */
  async reply(learner: Learner, teamId: string, nudgeId: string, answer: NudgeAnswer): Promise<NudgeReplyOutcome> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const found = await this.deps.nudges.get(learner.tenantId, teamId, nudgeId);
      if (!found || found.nudge.learnerId !== learner.userId) return { kind: 'not_yours' };
      const at = this.deps.clock().toISOString();
      if (!(await this.deps.nudges.setReply(found.nudge, found.etag, answer, at))) continue;
      await this.deps.xapi?.record({ kind: 'follow-up-answered', nudge: found.nudge, answer, at });
      await this.deps.followUps?.answered(found.nudge, answer, at);
      const settings = await this.deps.teams.getSettings(learner.tenantId, teamId);
      await this.tell(learner.tenantId, found.nudge.leadId, { kind: 'nudge-reply', nudge: found.nudge, answer, teamName: settings?.name });
      return { kind: 'answered', nudge: found.nudge, answer };
    }
    throw new Error('The nudge kept changing while the reply was being recorded');
  }

  /** A team's nudges and their replies, newest first: for its leads. */
  async historyFor(lead: Learner, teamId: string): Promise<Nudge[]> {
    const caller = await this.deps.teams.getMember(lead.tenantId, teamId, lead.userId);
    if (!caller) throw new NotAllowedError('You are not a member of this team.');
    if (caller.role !== 'lead') throw new NotAllowedError('Only the team’s leads can see its nudges.');
    return this.deps.nudges.listTeam(lead.tenantId, teamId, HISTORY_LIMIT);
  }

  private async tell(tenantId: string, userId: string, message: OutboundMessage): Promise<boolean> {
    try {
      return await this.deps.chat.tellPerson(tenantId, userId, message);
    } catch (error) {
      // The nudge is recorded either way; the lead sees that it was not delivered.
      this.deps.logger.warn({ err: error }, 'a nudge message could not be delivered');
      return false;
    }
  }
}
