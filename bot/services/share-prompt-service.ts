import type { AuditLog } from './audit-log.js';
import { shareAskFiguresOf, type ShareAsksResponse } from '../contract/share-asks.js';
import type { LearningEntry } from '../contract/learning-entry.js';
import { leadAskEvent } from '../domain/audit-trail.js';
import { leadsOfTeamMaySee } from '../domain/entry-visibility.js';
import { ConflictError, NotAllowedError, NotFoundError } from '../domain/errors.js';
import { parseShareChoice, type ShareChoiceValues } from '../domain/share-choice.js';
import {
  FRESH_PROMPT_STATE,
  afterNotNow,
  earnsSharePrompt,
  mayOfferShare,
  sharablePartsOf,
  type SharePromptState,
} from '../domain/share-prompt.js';
import type { SharePart } from '../domain/share.js';
import { deferredMessages, problemOf, type Problem } from '../domain/problem.js';
import type { EntryStore } from '../store/entry-store.js';
import type { ShareAskStore } from '../store/share-ask-store.js';
import type { TeamMember, TeamStore } from '../store/team-store.js';
import type { UserStore } from '../store/user-store.js';
import type { Logger } from 'pino';
import type { Clock, Learner } from './learner.js';
import { SHARE_PROBLEMS, type ShareTarget } from './learning-capture.js';
import type { PersonalChat } from './share-publisher.js';
import type { SharingService } from './sharing-service.js';
import type { LearnerReads } from './learner-reads.js';

/** The offer a confirmation card makes: share this entry, with these teams and parts to choose from. */
export interface ShareOffer {
  entryId: string;
  reason: 'rated' | 'goal';
  teams: ShareTarget[];
  /** The parts the entry has words in, offered ticked. */
  parts: SharePart[];
}

/** A press of Share or Not now, typed at the edge. */
export interface SharePromptAnswer {
  entryId: string;
  answer: 'share' | 'notNow';
  /** Set when a lead asked: whose request in which team. */
  ask?: { teamId: string; leadId: string };
  /** The team and parts the card's inputs chose (a lead's request shares with the lead's team). */
  share: Pick<ShareChoiceValues, 'shareTeamId' | 'shareParts'>;
}

export type SharePromptOutcome =
  | { status: 'shared'; teamName: string | undefined }
  /** Not now: when the learner said it a third time in a row, until when no offer is made. */
  | { status: 'not-now'; quietUntil: string | null }
  /** No such entry in the learner's log (a forged or stale id): nothing written. */
  | { status: 'unknown-entry'; entryId: string }
  /** No such request to this learner: nothing written. */
  | { status: 'unknown-ask'; entryId: string }
  /** The share could not be made (not a member, no channel, a bad choice): nothing written. */
  | { status: 'not-shared'; problem: Problem };

/**
 * Offers to share: after a learner saves an entry worth sharing (share-prompt.ts), and when a
 * lead asks them to. Sharing goes through the SharingService, as every share does; the learner's
 * "not now" answers are kept on their profile, a lead's requests in the team's partition.
 */
export class SharePromptService {
  constructor(
    private readonly deps: {
      entries: Pick<EntryStore, 'getOwn'>;
      users: Pick<UserStore, 'getSharePrompt' | 'setSharePrompt'>;
      asks: ShareAskStore;
      teams: Pick<TeamStore, 'getMember' | 'getSettings'>;
      sharing: Pick<SharingService, 'targetsFor' | 'shareEntry'>;
      chat: PersonalChat;
      /** A lead's request that reached the member is recorded: the lead acted on what they may see of a member's log. */
      audit: AuditLog;
      clock: Clock;
      logger: Logger;
    },
  ) {}

  /**
   * What the confirmation card offers after a save, if anything. A save that shared already
   * offers nothing and counts as a "yes" (the run of "not now" starts again).
   */
  async offerAfterSave(
    learner: Learner,
    entry: LearningEntry,
    { goalDone, shared }: { goalDone: boolean; shared: boolean },
    reads?: LearnerReads,
  ): Promise<ShareOffer | undefined> {
    if (shared) {
      await this.reset(learner);
      return undefined;
    }
    if (!earnsSharePrompt(entry, goalDone)) return undefined;
    // The submission's own read of the learner's row when it made one (for the goals' zone): no second read.
    const own = reads?.learner.tenantId === learner.tenantId && reads.learner.userId === learner.userId ? reads : undefined;
    const state = await (own ? own.sharePrompt() : this.deps.users.getSharePrompt(learner.tenantId, learner.userId));
    if (!mayOfferShare(state, this.deps.clock())) return undefined;
    const teams = await this.deps.sharing.targetsFor(learner, reads);
    if (teams.length === 0) return undefined;
    const rated = entry.rating !== null && entry.rating >= 4 && Boolean(entry.insight?.trim());
    return { entryId: entry.id, reason: rated ? 'rated' : 'goal', teams, parts: sharablePartsOf(entry) };
  }

  /** Share or Not now, on the confirmation card or a lead's request. Pressing Share again finds the first share. */
  async answer(learner: Learner, command: SharePromptAnswer): Promise<SharePromptOutcome> {
    const found = await this.deps.entries.getOwn(learner.tenantId, learner.userId, command.entryId);
    if (!found) return { status: 'unknown-entry', entryId: command.entryId };
    const ask = command.ask;
    if (ask && !(await this.deps.asks.get(learner.tenantId, ask.teamId, ask.leadId, learner.userId, command.entryId)))
      return { status: 'unknown-ask', entryId: command.entryId };
    const at = this.deps.clock().toISOString();
    const askKey = ask ? { tenantId: learner.tenantId, teamId: ask.teamId, leadId: ask.leadId, memberId: learner.userId } : undefined;

    if (command.answer === 'notNow') {
      // A lead's request is the lead's to count; only the bot's own offers go quiet.
      if (askKey) {
        await this.deps.asks.answer({ ...askKey, entryId: command.entryId }, 'notNow', at);
        return { status: 'not-now', quietUntil: null };
      }
      const next = afterNotNow(await this.deps.users.getSharePrompt(learner.tenantId, learner.userId), this.deps.clock());
      await this.deps.users.setSharePrompt(learner.tenantId, learner.userId, next);
      return { status: 'not-now', quietUntil: next.quietUntil };
    }

    const choice = parseShareChoice(
      { visibility: 'team', shareTeamId: ask?.teamId ?? command.share.shareTeamId ?? '', shareParts: command.share.shareParts ?? '' },
      deferredMessages,
    );
    if (!choice.ok) return { status: 'not-shared', problem: problemOf(choice.error) };
    const { teamId, parts } = choice.share!;
    const outcome = await this.deps.sharing.shareEntry(learner, found.entry, teamId, parts);
    if (outcome.status !== 'shared') return { status: 'not-shared', problem: { key: SHARE_PROBLEMS[outcome.status] } };
    if (askKey) await this.deps.asks.answer({ ...askKey, entryId: command.entryId }, 'shared', at);
    await this.reset(learner);
    const settings = await this.deps.teams.getSettings(learner.tenantId, teamId);
    return { status: 'shared', teamName: settings?.name };
  }

  /**
   * A lead asks a member to share one entry the team's leads may see: a card with Share and Not
   * now in the member's personal chat. One request per entry and lead; it is counted for the lead.
   */
  async askToShare(lead: Learner, teamId: string, memberId: string, entryId: string) {
    const caller = await this.leadOf(lead, teamId);
    const [member, settings, found] = await Promise.all([
      this.deps.teams.getMember(lead.tenantId, teamId, memberId),
      this.deps.teams.getSettings(lead.tenantId, teamId),
      this.deps.entries.getOwn(lead.tenantId, memberId, entryId),
    ]);
    if (!member) throw new NotFoundError('That person is not a member of this team.');
    const entry = found?.entry;
    // An entry the leads may not see is answered as one that does not exist.
    if (!entry || !leadsOfTeamMaySee(entry.visibility, entry.createdAt, member.joinedAt))
      throw new NotFoundError('There is no entry with that id that you may see.');
    if (!settings?.sharesChannelId) throw new ConflictError('The team has no learning channel to share in yet.');
    const ask = { tenantId: lead.tenantId, teamId, leadId: lead.userId, memberId, entryId };
    if (!(await this.deps.asks.create({ ...ask, askedAt: this.deps.clock().toISOString(), answer: null, answeredAt: null })))
      throw new ConflictError('You already asked to share this entry.');
    let delivered = false;
    try {
      delivered = await this.deps.chat.tellPerson(lead.tenantId, memberId, {
        kind: 'ask-to-share',
        leadId: lead.userId,
        leadName: caller.displayName,
        teamId,
        teamName: settings.name,
        entry: { entryId: entry.id, what: entry.what, insight: entry.insight, action: entry.action, link: entry.link },
      });
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'an "ask to share" card could not be delivered');
    }
    // A request that reached nobody is not counted, and may be made again.
    if (!delivered) await this.deps.asks.remove(ask);
    else await this.deps.audit.record(leadAskEvent('share_asked', { tenantId: lead.tenantId, teamId }, caller, member, entryId));
    return { delivered, figures: (await this.asksOf(lead, teamId)).figures };
  }

  /** The lead's own requests in the team, and how they were answered. */
  async asksFor(lead: Learner, teamId: string): Promise<ShareAsksResponse> {
    await this.leadOf(lead, teamId);
    return this.asksOf(lead, teamId);
  }

  private async asksOf(lead: Learner, teamId: string): Promise<ShareAsksResponse> {
    const asks = (await this.deps.asks.listByLead(lead.tenantId, teamId, lead.userId)).map((a) => ({
      userId: a.memberId,
      entryId: a.entryId,
      askedAt: a.askedAt,
      answer: a.answer,
    }));
    return { figures: shareAskFiguresOf(asks), asks };
  }

  /** A share, or a "yes", starts the run of "not now" again. */
  private async reset(learner: Learner): Promise<void> {
    const state: SharePromptState = await this.deps.users.getSharePrompt(learner.tenantId, learner.userId);
    if (state.notNowInARow !== 0 || state.quietUntil !== null)
      await this.deps.users.setSharePrompt(learner.tenantId, learner.userId, FRESH_PROMPT_STATE);
  }

  private async leadOf(lead: Learner, teamId: string): Promise<TeamMember> {
    const caller = await this.deps.teams.getMember(lead.tenantId, teamId, lead.userId);
    if (!caller) throw new NotAllowedError('You are not a member of this team.', 'not_member');
    if (caller.role !== 'lead') throw new NotAllowedError('Only the team’s leads can ask members to share.');
    return caller;
  }
}
