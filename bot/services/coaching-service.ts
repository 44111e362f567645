import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { XapiRecorder } from './xapi-recorder.js';
import { validateCoachingAnswer } from '../domain/coaching.js';
import type { CoachingNote } from '../contract/coaching-rules.js';
import type { CoachingStore } from '../store/coaching-store.js';
import { newestFirstTimeKey } from '../store/keys.js';
import type { EntryStore } from '../store/entry-store.js';
import type { ShareStore } from '../store/share-store.js';
import { leadsOfTeamMaySee } from '../domain/entry-visibility.js';
import type { TeamStore } from '../store/team-store.js';
import type { Clock, Learner } from './learner.js';
import type { PersonalChat } from './share-publisher.js';
import type { OutboundMessage } from './outbound-message.js';
import { deferredMessages, problemOf, type Problem } from '../domain/problem.js';
import { NotAllowedError, NotFoundError } from '../domain/errors.js';

export type CoachingView = Omit<CoachingNote, 'tenantId'>;
/** A note as written, with whether it reached the learner's chat. */
export type SentCoaching = CoachingView & { delivered: boolean };

/** A learner's answer to a coaching note: recorded (and told to the lead), refused with their words, or not theirs to give. */
export type CoachingAnswerOutcome =
  | { kind: 'answered'; note: CoachingNote; answer: string }
  | { kind: 'refused'; note: CoachingNote; typed: string; problem: Problem }
  | { kind: 'not_yours' };

/**
 * A lead's coaching note on what a learner shared with the team, or on an entry of their log the
 * lead may see: it reaches the learner in their personal chat, where they can answer; the answer
 * reaches the lead. Leads coach only members of their own team, on what those members chose to
 * share with it or let its leads see.
 */
export class CoachingService {
  constructor(
    private readonly deps: {
      coaching: CoachingStore;
      shares: ShareStore;
      entries: Pick<EntryStore, 'getOwn'>;
      teams: TeamStore;
      chat: PersonalChat;
      clock: Clock;
      logger: Logger;
      xapi?: XapiRecorder;
    },
  ) {}

  async coach(lead: Learner, teamId: string, shareId: string, input: { note: string }): Promise<SentCoaching> {
    const [caller, found] = await Promise.all([this.leadOf(lead, teamId), this.deps.shares.get(lead.tenantId, teamId, shareId)]);
    if (!found || found.share.withdrawnAt) throw new NotFoundError('There is no such share in this team.');
    return this.send(lead, caller.displayName, { teamId, shareId, about: found.share.what, learnerId: found.share.sharerId }, input.note);
  }

  /**
   * A note on one entry of a member's log, from the entries page or the dashboard. Only an entry
   * this team's leads may see (not "only me", written since the member joined the team) can be
   * coached: any other is answered as one that does not exist, as the entries page never shows it.
   */
  async coachOnEntry(lead: Learner, teamId: string, memberId: string, entryId: string, input: { note: string }): Promise<SentCoaching> {
    const [caller, member, found] = await Promise.all([
      this.leadOf(lead, teamId),
      this.deps.teams.getMember(lead.tenantId, teamId, memberId),
      this.deps.entries.getOwn(lead.tenantId, memberId, entryId),
    ]);
    if (!member) throw new NotFoundError('There is no such member in this team.');
    if (memberId === lead.userId) throw new NotFoundError('There is no such entry of another member in this team.');
    const entry = found?.entry;
    if (!entry || !leadsOfTeamMaySee(entry.visibility, entry.createdAt, member.joinedAt))
      throw new NotFoundError('There is no such entry in this member’s log.');
    return this.send(lead, caller.displayName, { teamId, entryId, about: entry.what, learnerId: memberId }, input.note);
  }

  private async send(
    lead: Learner,
    leadName: string,
    subject: Pick<CoachingNote, 'teamId' | 'shareId' | 'entryId' | 'about' | 'learnerId'>,
    text: string,
  ): Promise<SentCoaching> {
    const now = this.deps.clock();
    const note: CoachingNote = {
      tenantId: lead.tenantId,
      ...subject,
      noteId: `${newestFirstTimeKey(now)}-${randomUUID().slice(0, 8)}`,
      leadId: lead.userId,
      leadName,
      note: text,
      at: now.toISOString(),
      answer: null,
    };
    await this.deps.coaching.create(note);
    const delivered = await this.tell(lead.tenantId, note.learnerId, { kind: 'coaching-note', note });
    const { tenantId: _tenant, ...view } = note;
    return { ...view, delivered };
  }

  private async leadOf(lead: Learner, teamId: string) {
    const caller = await this.deps.teams.getMember(lead.tenantId, teamId, lead.userId);
    if (!caller) throw new NotAllowedError('You are not a member of this team.');
    if (caller.role !== 'lead') throw new NotAllowedError('Only the team’s leads can coach its members.');
    return caller;
  }

  /** The learner's answer from the note's card: a refused one comes back with their words. */
  async answer(learner: Learner, reply: { noteId: string; answer?: string }): Promise<CoachingAnswerOutcome> {
    const { noteId } = reply;
    if (!/^[A-Za-z0-9-]{8,64}$/.test(noteId)) return { kind: 'not_yours' };
    for (let attempt = 0; attempt < 5; attempt++) {
      const found = await this.deps.coaching.get(learner.tenantId, learner.userId, noteId);
      if (!found) return { kind: 'not_yours' };
      const answer = validateCoachingAnswer(reply, deferredMessages);
      if (!answer.ok) return { kind: 'refused', note: found.note, typed: answer.typed, problem: problemOf(answer.error) };
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
      return { kind: 'answered', note: found.note, answer: answer.answer };
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
