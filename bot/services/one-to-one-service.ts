import { randomUUID } from 'node:crypto';
import { leadsOfTeamMaySee, writtenSinceJoining } from '../domain/entry-visibility.js';
import { ConflictError, NotAllowedError, NotFoundError } from '../domain/errors.js';
import { orderedItems, tickedLongAgo } from '../domain/one-to-one.js';
import {
  ONE_TO_ONE_OPEN_MAX,
  type OneToOneItem,
  type OneToOneItemInput,
  type OneToOneListView,
  type OneToOnePerson,
} from '../contract/one-to-one.js';
import type { EntryStore } from '../store/entry-store.js';
import type { GoalStore } from '../store/goal-store.js';
import type { OneToOnePair, OneToOneStore } from '../store/one-to-one-store.js';
import type { TeamMember, TeamStore } from '../store/team-store.js';
import type { Clock, Learner } from './learner.js';

/** Who stands where in one pair's list, once the caller is found to be one of the two. */
export interface PairAccess {
  pair: OneToOnePair;
  teamName: string;
  lead: TeamMember;
  member: TeamMember;
  /** The caller, as the list names them on what they add or tick. */
  me: OneToOnePerson;
  callerIsLead: boolean;
}

/**
 * The 1:1 list a lead and one member of their team keep: what to discuss when they next meet.
 * Only the two of them see it. Another lead of the same team does not: what a member raises with
 * one lead (a worry, a career question) is theirs to raise with that lead, as in the meeting
 * itself; each lead has a list of their own with the member.
 */
export class OneToOneService {
  constructor(
    private readonly deps: {
      lists: OneToOneStore;
      teams: Pick<TeamStore, 'getMember' | 'getSettings' | 'listLeads' | 'teamsOf'>;
      entries: Pick<EntryStore, 'getOwn'>;
      goals: Pick<GoalStore, 'get'>;
      clock: Clock;
    },
  ) {}

  /** The learner's side: one list for each lead of each team they are in, empty ones too, so a topic can be added. */
  async mine(learner: Learner): Promise<OneToOneListView[]> {
    const teamIds = await this.deps.teams.teamsOf(learner.tenantId, learner.userId);
    const perTeam = await Promise.all(
      teamIds.map(async (teamId) => {
        const [settings, me, leads] = await Promise.all([
          this.deps.teams.getSettings(learner.tenantId, teamId),
          this.deps.teams.getMember(learner.tenantId, teamId, learner.userId),
          this.deps.teams.listLeads(learner.tenantId, teamId),
        ]);
        if (!me) return [];
        return Promise.all(
          leads
            .filter((lead) => lead.userId !== learner.userId)
            .map((lead) =>
              this.viewOf({
                pair: { tenantId: learner.tenantId, teamId, leadId: lead.userId, memberId: learner.userId },
                teamName: settings?.name ?? '',
                lead,
                member: me,
                me: personOf(me),
                callerIsLead: false,
              }),
            ),
        );
      }),
    );
    return perTeam.flat();
  }

  list(access: PairAccess): Promise<OneToOneListView> {
    return this.viewOf(access);
  }

  /** A topic either of them typed, or an entry, goal or result of the member's put on the list. */
  async add(access: PairAccess, input: OneToOneItemInput): Promise<OneToOneItem> {
    const [subject, items] = await Promise.all([this.subjectOf(access, input), this.deps.lists.list(access.pair)]);
    // The same entry, goal or result twice on the list is one item: the one already there is the answer.
    const already = items.find((i) => !i.item.ticked && subject.refId && i.item.kind === subject.kind && i.item.refId === subject.refId);
    if (already) return already.item;
    if (items.filter((i) => !i.item.ticked).length >= ONE_TO_ONE_OPEN_MAX)
      throw new ConflictError(`The list already holds ${ONE_TO_ONE_OPEN_MAX} open items: tick some off first.`);
    const now = this.deps.clock();
    const item: OneToOneItem = {
      itemId: `${String(now.getTime()).padStart(13, '0')}-${randomUUID().slice(0, 8)}`,
      ...subject,
      addedBy: access.me,
      addedAt: now.toISOString(),
      ticked: null,
    };
    await this.deps.lists.create(access.pair, item);
    return item;
  }

  /** Ticked off as discussed, with the day and who ticked it; ticking a ticked item again changes nothing. */
  async tick(access: PairAccess, itemId: string): Promise<OneToOneItem> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const found = (await this.deps.lists.list(access.pair)).find((i) => i.item.itemId === itemId);
      if (!found || tickedLongAgo(found.item, this.deps.clock())) throw new NotFoundError('There is no such item on this 1:1 list.');
      if (found.item.ticked) return found.item;
      const ticked = { by: access.me, at: this.deps.clock().toISOString() };
      if (await this.deps.lists.tick(access.pair, found.item, found.etag, ticked)) return { ...found.item, ticked };
    }
    throw new Error('The 1:1 item kept changing while it was being ticked');
  }

  /**
   * The caller is the pair's lead (a lead of the team now) or its member (in the team now, with
   * that lead a lead of it). Anyone else in the team, another lead included, is refused; someone
   * outside it is refused as not a member. Checked first, before anything the request carries.
   */
  async accessOf(caller: Learner, teamId: string, leadId: string, memberId: string): Promise<PairAccess> {
    const { tenantId } = caller;
    const [me, settings, lead, member] = await Promise.all([
      this.deps.teams.getMember(tenantId, teamId, caller.userId),
      this.deps.teams.getSettings(tenantId, teamId),
      this.deps.teams.getMember(tenantId, teamId, leadId),
      this.deps.teams.getMember(tenantId, teamId, memberId),
    ]);
    if (!me || !settings) throw new NotAllowedError('You are not a member of this team.', 'not_member');
    const callerIsLead = caller.userId === leadId && me.role === 'lead';
    if (!callerIsLead && caller.userId !== memberId)
      throw new NotAllowedError('Only the lead and the member a 1:1 list is between can see it.');
    if (!lead || lead.role !== 'lead' || !member || leadId === memberId) throw new NotFoundError('There is no such 1:1 list in this team.');
    return { pair: { tenantId, teamId, leadId, memberId }, teamName: settings.name, lead, member, me: personOf(me), callerIsLead };
  }

  /** What an item says: the topic as typed, or the member's entry, goal or result as it reads now. */
  private async subjectOf(access: PairAccess, input: OneToOneItemInput): Promise<Pick<OneToOneItem, 'kind' | 'refId' | 'text'>> {
    const { tenantId, memberId } = access.pair;
    if ('topic' in input) return { kind: 'topic', refId: null, text: input.topic };
    if ('goalId' in input) {
      const goal = (await this.deps.goals.get(tenantId, memberId, input.goalId))?.goal;
      // A lead sees the goals set while the member was in the team, as the dashboard does.
      if (!goal || (access.callerIsLead && !writtenSinceJoining(goal.createdAt, access.member.joinedAt)))
        throw new NotFoundError('There is no such goal of this member.');
      return { kind: 'goal', refId: goal.goalId, text: goal.what };
    }
    const entryId = 'entryId' in input ? input.entryId : input.resultOf;
    const entry = (await this.deps.entries.getOwn(tenantId, memberId, entryId))?.entry;
    // A lead puts on the list only an entry they may see; the member may bring up any of their own.
    if (!entry || (access.callerIsLead && !leadsOfTeamMaySee(entry.visibility, entry.createdAt, access.member.joinedAt)))
      throw new NotFoundError('There is no such entry of this member.');
    if ('resultOf' in input) {
      if (!entry.result) throw new NotFoundError('This entry has no result yet.');
      return { kind: 'result', refId: entry.id, text: entry.result };
    }
    return { kind: 'entry', refId: entry.id, text: entry.what };
  }

  private async viewOf(access: PairAccess): Promise<OneToOneListView> {
    const now = this.deps.clock();
    const rows = await this.deps.lists.list(access.pair);
    // Items ticked more than 90 days ago go as the list is read: the list stays short without a job.
    await Promise.all(rows.filter((r) => tickedLongAgo(r.item, now)).map((r) => this.deps.lists.remove(access.pair, r.item.itemId)));
    return {
      teamId: access.pair.teamId,
      teamName: access.teamName,
      lead: personOf(access.lead),
      member: personOf(access.member),
      items: orderedItems(
        rows.map((r) => r.item),
        now,
      ),
    };
  }
}

function personOf(m: TeamMember): OneToOnePerson {
  return { userId: m.userId, displayName: m.displayName };
}
