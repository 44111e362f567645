import { LRUCache } from 'lru-cache';
import { randomUUID } from 'node:crypto';
import { isFor, RECOMMENDATIONS_PER_CHECK_IN } from '../domain/recommendation.js';
import type { Recommendation, RecommendationInput } from '../contract/recommendation-rules.js';
import { newestFirstTimeKey } from '../store/keys.js';
import type { RecommendationStore } from '../store/recommendation-store.js';
import type { TeamStore } from '../store/team-store.js';
import type { Clock, Learner } from './learner.js';
import { NotAllowedError, NotFoundError } from '../domain/errors.js';

export type RecommendationView = Omit<Recommendation, 'tenantId'>;
export type MyRecommendation = RecommendationView & { done: boolean; doneAt: string | null };
export type TeamRecommendation = RecommendationView & { doneBy: number; for: number };

/** Leads recommend resources; learners see them in check-ins and the tab and mark them done. */
export class RecommendationService {
  /** Each team's list, briefly: a round of check-ins reads it once per team rather than once per learner. */
  private readonly teamLists: LRUCache<string, { recs: Promise<Recommendation[]> }>;

  constructor(private readonly deps: { recommendations: RecommendationStore; teams: TeamStore; clock: Clock; cacheMs?: number }) {
    // A team's list is a few short rows: the entry count bounds the bytes.
    this.teamLists = new LRUCache({ max: 2_000, ttl: deps.cacheMs ?? 30_000 });
  }

  async recommend(lead: Learner, teamId: string, input: RecommendationInput): Promise<RecommendationView> {
    const caller = await this.deps.teams.getMember(lead.tenantId, teamId, lead.userId);
    if (!caller) throw new NotAllowedError('You are not a member of this team.');
    if (caller.role !== 'lead') throw new NotAllowedError('Only the team’s leads can recommend to its members.');
    if (input.learnerId && !(await this.deps.teams.getMember(lead.tenantId, teamId, input.learnerId))) {
      throw new NotFoundError('That person is not a member of this team.');
    }
    const now = this.deps.clock();
    const rec: Recommendation = {
      tenantId: lead.tenantId,
      teamId,
      recId: `${newestFirstTimeKey(now)}-${randomUUID().slice(0, 8)}`,
      leadId: lead.userId,
      leadName: caller.displayName,
      ...input,
      at: now.toISOString(),
    };
    await this.deps.recommendations.create(rec);
    this.teamLists.delete(`${lead.tenantId}\u0000${teamId}`);
    const { tenantId: _t, ...view } = rec;
    return view;
  }

  /** Everything recommended to the learner in their teams (or in one), newest first, with what they did. */
  async forLearner(learner: Learner, onlyTeam?: string): Promise<MyRecommendation[]> {
    const teamIds = onlyTeam ? [onlyTeam] : await this.deps.teams.teamsOf(learner.tenantId, learner.userId);
    const perTeam = await Promise.all(
      teamIds.map(async (teamId) => {
        const recs = (await this.teamList(learner.tenantId, teamId)).filter((r) => isFor(r, learner.userId));
        // Most teams have recommended nothing to most people: then there is nothing done to read.
        const done = recs.length > 0 ? await this.deps.recommendations.listDone(learner.tenantId, teamId, learner.userId) : [];
        const doneAt = new Map(done.map((d) => [d.recId, d.doneAt]));
        return recs.map(({ tenantId: _t, ...r }) => ({ ...r, done: doneAt.has(r.recId), doneAt: doneAt.get(r.recId) ?? null }));
      }),
    );
    return perTeam.flat().sort((a, b) => b.at.localeCompare(a.at));
  }

  private teamList(tenantId: string, teamId: string): Promise<Recommendation[]> {
    const key = `${tenantId}\u0000${teamId}`;
    const cached = this.teamLists.get(key);
    if (cached) return cached.recs;
    const recs = this.deps.recommendations.listTeam(tenantId, teamId);
    this.teamLists.set(key, { recs });
    recs.catch(() => this.teamLists.delete(key));
    return recs;
  }

  /** What a check-in offers to tick off: open recommendations, newest first (all of them when no limit is given). */
  async openFor(learner: Learner, onlyTeam?: string, limit: number = RECOMMENDATIONS_PER_CHECK_IN): Promise<MyRecommendation[]> {
    return (await this.forLearner(learner, onlyTeam)).filter((r) => !r.done).slice(0, limit);
  }

  async setDone(learner: Learner, teamId: string, recId: string, done: boolean): Promise<MyRecommendation> {
    // A recommendation to the whole team is "for" anyone by its id alone: only the team's members may tick it off.
    // Membership first: a list is cached only for a team the caller is in, so made-up team ids cost this instance nothing.
    const member = await this.deps.teams.getMember(learner.tenantId, teamId, learner.userId);
    const mine = member ? (await this.forLearner(learner, teamId)).find((r) => r.recId === recId) : undefined;
    if (!mine) throw new NotFoundError('There is no such recommendation for you in this team.');
    const at = this.deps.clock().toISOString();
    await this.deps.recommendations.setDone(learner.tenantId, teamId, recId, learner.userId, done, at);
    return { ...mine, done, doneAt: done ? at : null };
  }

  /** For the team's leads: each recommendation, how many it was for and how many did it. */
  async forTeam(lead: Learner, teamId: string): Promise<TeamRecommendation[]> {
    const caller = await this.deps.teams.getMember(lead.tenantId, teamId, lead.userId);
    if (!caller || caller.role !== 'lead') throw new NotAllowedError('Only the team’s leads can see its recommendations.');
    const [recs, done, members] = await Promise.all([
      this.deps.recommendations.listTeam(lead.tenantId, teamId),
      this.deps.recommendations.listDone(lead.tenantId, teamId),
      this.deps.teams.listMembers(lead.tenantId, teamId),
    ]);
    const onRoster = new Set(members.map((m) => m.userId));
    return recs.map(({ tenantId: _t, ...r }) => ({
      ...r,
      for: r.learnerId ? 1 : members.length,
      doneBy: done.filter((d) => d.recId === r.recId && onRoster.has(d.userId) && isFor(r, d.userId)).length,
    }));
  }
}
