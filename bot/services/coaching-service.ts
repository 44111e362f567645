import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { XapiRecorder } from './xapi-recorder.js';
import type { AdaptiveCard } from '../cards/card-types.js';
import { coachingAnsweredCard, coachingNoteCard } from '../cards/coaching-cards.js';
import { validateCoachingAnswer, validateCoachingNote, type CoachingNote } from '../domain/coaching.js';
import type { CoachingStore } from '../store/coaching-store.js';
import { newestFirstTimeKey } from '../store/keys.js';
import type { ShareStore } from '../store/share-store.js';
import type { TeamStore } from '../store/team-store.js';
import type { Clock, Learner } from './learner.js';
import type { PersonalChat } from './share-publisher.js';
import type { OutboundMessage } from './outbound-message.js';
import type { BotTranslator } from '../i18n/bot-messages.js';
import { InvalidInputError, NotAllowedError, NotFoundError } from '../domain/errors.js';

export type CoachingView = Omit<CoachingNote, 'tenantId'>;

/**
 * A lead's coaching note on what a learner shared with the team: it reaches the learner in their
 * personal chat, where they can answer; the answer reaches the lead. Leads coach only members of
 * their own team, on what those members chose to share with it.
 */
export class CoachingService {
  constructor(
    private readonly deps: {
      coaching: CoachingStore;
      shares: ShareStore;
      teams: TeamStore;
      chat: PersonalChat;
      clock: Clock;
      logger: Logger;
      xapi?: XapiRecorder;
    },
  ) {}

  async coach(lead: Learner, teamId: string, shareId: string, body: unknown): Promise<CoachingView & { delivered: boolean }> {
    const [caller, found] = await Promise.all([
      this.deps.teams.getMember(lead.tenantId, teamId, lead.userId),
      this.deps.shares.get(lead.tenantId, teamId, shareId),
    ]);
    if (!caller) throw new NotAllowedError('You are not a member of this team.');
    if (caller.role !== 'lead') throw new NotAllowedError('Only the team’s leads can coach its members.');
    if (!found || found.share.withdrawnAt) throw new NotFoundError('There is no such share in this team.');
    const input = validateCoachingNote(body);
    if (!input.ok) throw new InvalidInputError('coaching note', { note: input.error });
    const now = this.deps.clock();
    const note: CoachingNote = {
      tenantId: lead.tenantId,
      teamId,
      shareId,
      about: found.share.what,
      learnerId: found.share.sharerId,
      noteId: `${newestFirstTimeKey(now)}-${randomUUID().slice(0, 8)}`,
      leadId: lead.userId,
      leadName: caller.displayName,
      note: input.note,
      at: now.toISOString(),
      answer: null,
    };
    await this.deps.coaching.create(note);
    const delivered = await this.tell(lead.tenantId, note.learnerId, { kind: 'coaching-note', note });
    const { tenantId: _tenant, ...view } = note;
    return { ...view, delivered };
  }

  /** The learner's answer from the note's card: a refused one comes back with their words. */
  async answer(learner: Learner, data: unknown, t: BotTranslator): Promise<AdaptiveCard | undefined> {
    const noteId = (data as { noteId?: unknown } | null)?.noteId;
    if (typeof noteId !== 'string' || !/^[A-Za-z0-9-]{8,64}$/.test(noteId)) return undefined;
    for (let attempt = 0; attempt < 5; attempt++) {
      const found = await this.deps.coaching.get(learner.tenantId, learner.userId, noteId);
      if (!found) return undefined;
      const answer = validateCoachingAnswer(data, t);
      if (!answer.ok) return coachingNoteCard(found.note, t, { typed: answer.typed, error: answer.error });
      const at = this.deps.clock().toISOString();
      if (!(await this.deps.coaching.setAnswer(found.note, found.etag, answer.answer, at))) continue;
      await this.deps.xapi?.record({ kind: 'coaching-answered', note: found.note, answer: answer.answer, at });
      const me = await this.deps.teams.getMember(learner.tenantId, found.note.teamId, learner.userId);
      await this.tell(learner.tenantId, found.note.leadId, {
        kind: 'coaching-answer',
        learnerName: me?.displayName,
        note: found.note,
        answer: answer.answer,
      });
      return coachingAnsweredCard(found.note, answer.answer, t);
    }
    throw new Error('The coaching note kept changing while the answer was being recorded');
  }

  /** The learner's own coaching, newest first. */
  async mine(learner: Learner): Promise<CoachingView[]> {
    return (await this.deps.coaching.listForLearner(learner.tenantId, learner.userId)).map(({ tenantId: _t, ...n }) => n);
  }

  /** What a team's leads wrote to one member of it, and the answers. */
  async forMember(lead: Learner, teamId: string, learnerId: string): Promise<CoachingView[]> {
    const caller = await this.deps.teams.getMember(lead.tenantId, teamId, lead.userId);
    if (!caller || caller.role !== 'lead') throw new NotAllowedError('Only the team’s leads can read its coaching.');
    const notes = await this.deps.coaching.listForLearner(lead.tenantId, learnerId);
    return notes.filter((n) => n.teamId === teamId).map(({ tenantId: _t, ...n }) => n);
  }

  private async tell(tenantId: string, userId: string, message: OutboundMessage): Promise<boolean> {
    try {
      return await this.deps.chat.tellPerson(tenantId, userId, message);
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'a coaching message could not be delivered');
      return false;
    }
  }
}
