import { MY_FIGURES_WEEKS, type AwaitingActionView, type FollowThroughFigures } from '../contract/follow-through.js';
import type { LearningEntry } from '../contract/learning-entry.js';
import { leadAskEvent } from '../domain/audit-trail.js';
import { leadsOfTeamMaySee } from '../domain/entry-visibility.js';
import { ConflictError, NotAllowedError, NotFoundError } from '../domain/errors.js';
import { ASK_WITHIN_MS, DUE_AFTER_MS, actionStateOf, followThroughOfEntries } from '../domain/follow-through.js';
import { mapBounded } from '../domain/map-bounded.js';
import type { EntryStore } from '../store/entry-store.js';
import type { RollupStore } from '../store/rollup-store.js';
import type { TeamMember, TeamStore } from '../store/team-store.js';
import type { Logger } from 'pino';
import type { AuditLog, RecentAudit } from './audit-log.js';
import type { Clock, Learner } from './learner.js';
import type { PersonalChat } from './share-publisher.js';

/** The leads' list shows this many actions at most, oldest first. */
export const AWAITING_LIST_LIMIT = 100;
/** A lead asks a member how one action went at most once in this long. */
export const ASK_AGAIN_AFTER_MS = 24 * 3_600_000;
/** Members' logs read at once for the leads' list. */
const MEMBERS_IN_FLIGHT = 8;

/**
 * Follow-through as the learner and their leads act on it: the learner's own figures, the leads'
 * list of actions awaiting a result, and a lead's "Ask how it went".
 */
export class FollowThroughService {
  constructor(
    private readonly deps: {
      entries: Pick<EntryStore, 'streamBetween' | 'getOwn'>;
      teams: Pick<TeamStore, 'getMember' | 'listMembers' | 'getSettings'>;
      rollups: Pick<RollupStore, 'listTeam'>;
      chat: PersonalChat;
      /** Each ask that reached the member is recorded; the lead's recent asks decide whether they may ask again. */
      audit: AuditLog & RecentAudit;
      clock: Clock;
      logger: Logger;
    },
  ) {}

  /** Asks under way on this instance (lead and entry), so a double press sends one card. */
  private readonly asking = new Set<string>();

  /** The learner's actions of the last MY_FIGURES_WEEKS weeks and what came of them: one range read of their own log. */
  async mine(learner: Learner): Promise<FollowThroughFigures> {
    const now = this.deps.clock();
    const entries: LearningEntry[] = [];
    const from = new Date(now.getTime() - MY_FIGURES_WEEKS * 7 * 86_400_000);
    for await (const e of this.deps.entries.streamBetween(learner.tenantId, learner.userId, from, new Date(now.getTime() + 1)))
      entries.push(e);
    return followThroughOfEntries(entries, now);
  }

  /**
   * The team's actions still awaiting a result that its leads may see, oldest first. Only members
   * whose rollup shows an action awaiting are read, each one range of their recent log.
   */
  async awaitingFor(lead: Learner, teamId: string): Promise<{ actions: AwaitingActionView[]; more: boolean }> {
    await this.leadOf(lead, teamId);
    const now = this.deps.clock();
    const [members, rollups] = await Promise.all([
      this.deps.teams.listMembers(lead.tenantId, teamId),
      this.deps.rollups.listTeam(lead.tenantId, teamId),
    ]);
    const waiting = new Set(
      rollups
        .filter((r) => Object.values(r.weeks).some((w) => w.actions > (w.outcomes ? w.outcomes.results + w.outcomes.dropped : 0)))
        .map((r) => r.userId),
    );
    const from = new Date(now.getTime() - ASK_WITHIN_MS);
    const lists = await mapBounded(
      members.filter((m) => waiting.has(m.userId)),
      MEMBERS_IN_FLIGHT,
      async (member) => {
        const since = new Date(Math.max(from.getTime(), Date.parse(member.joinedAt) || from.getTime()));
        const found: AwaitingActionView[] = [];
        for await (const e of this.deps.entries.streamBetween(lead.tenantId, member.userId, since, new Date(now.getTime() + 1))) {
          if (actionStateOf(e) !== 'awaiting' || !leadsOfTeamMaySee(e.visibility, e.createdAt, member.joinedAt)) continue;
          found.push(viewOf(member, e, now));
        }
        return found;
      },
    );
    const all = lists.flat().sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
    return { actions: all.slice(0, AWAITING_LIST_LIMIT), more: all.length > AWAITING_LIST_LIMIT };
  }

  /**
   * Sends the member a card asking what came of one action, in their personal chat. Only a lead of
   * the team, only about an action its leads may see that still awaits a result, and once a day
   * per lead and entry (a second ask is a conflict). An ask that reached the member is recorded
   * in the audit trail once sent, which is also where the lead's last ask is looked up.
   */
  async askHowItWent(lead: Learner, teamId: string, memberId: string, entryId: string): Promise<{ delivered: boolean }> {
    const caller = await this.leadOf(lead, teamId);
    const [member, settings, found] = await Promise.all([
      this.deps.teams.getMember(lead.tenantId, teamId, memberId),
      this.deps.teams.getSettings(lead.tenantId, teamId),
      this.deps.entries.getOwn(lead.tenantId, memberId, entryId),
    ]);
    if (!member) throw new NotFoundError('That person is not a member of this team.');
    const entry = found?.entry;
    // An entry the leads may not see is answered as one that does not exist.
    if (!entry || !leadsOfTeamMaySee(entry.visibility, entry.createdAt, member.joinedAt) || actionStateOf(entry) !== 'awaiting')
      throw new NotFoundError('There is no action awaiting a result with that id.');
    const key = `${lead.tenantId}\n${lead.userId}\n${memberId}\n${entryId}`;
    if (this.asking.has(key) || (await this.askedLately(lead, memberId, entryId)))
      throw new ConflictError(`You asked ${member.displayName} how this action went less than 24 hours ago: one ask a day per action.`);
    this.asking.add(key);
    try {
      let delivered: boolean;
      try {
        delivered = await this.deps.chat.tellPerson(lead.tenantId, memberId, {
          kind: 'ask-how-it-went',
          leadName: caller.displayName,
          teamName: settings?.name,
          action: { entryId: entry.id, createdAt: entry.createdAt, action: entry.action ?? '', what: entry.what },
        });
      } catch (error) {
        this.deps.logger.warn({ err: error }, 'an "ask how it went" card could not be delivered');
        return { delivered: false };
      }
      // Only an ask that reached the member counts: one that did not may be tried again at once.
      if (delivered)
        await this.deps.audit.record(leadAskEvent('ask_how_it_went', { tenantId: lead.tenantId, teamId }, caller, member, entryId));
      return { delivered };
    } finally {
      this.asking.delete(key);
    }
  }

  /** Whether the lead asked the member about this entry within ASK_AGAIN_AFTER_MS (in any team). */
  private async askedLately(lead: Learner, memberId: string, entryId: string): Promise<boolean> {
    const since = new Date(this.deps.clock().getTime() - ASK_AGAIN_AFTER_MS);
    for await (const ask of this.deps.audit.recentBy(lead.tenantId, lead.userId, 'ask_how_it_went', since))
      if (ask.subject?.userId === memberId && ask.detail.entryId === entryId) return true;
    return false;
  }

  private async leadOf(lead: Learner, teamId: string): Promise<TeamMember> {
    const caller = await this.deps.teams.getMember(lead.tenantId, teamId, lead.userId);
    if (!caller) throw new NotAllowedError('You are not a member of this team.', 'not_member');
    if (caller.role !== 'lead') throw new NotAllowedError('Only the team’s leads can see its members’ actions.');
    return caller;
  }
}

function viewOf(member: TeamMember, e: LearningEntry, now: Date): AwaitingActionView {
  return {
    userId: member.userId,
    displayName: member.displayName,
    entryId: e.id,
    createdAt: e.createdAt,
    what: e.what,
    action: e.action ?? '',
    due: now.getTime() - Date.parse(e.createdAt) >= DUE_AFTER_MS,
    notYetAt: e.actionAnswer?.answer === 'notYet' ? e.actionAnswer.at : null,
  };
}
