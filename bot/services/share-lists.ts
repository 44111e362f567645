import { figuresOf, mostSaved, rankingExplanation, topRated, type RankedResource } from '../domain/resource-ranking.js';
import { NO_VOTE, averageRating, type Share } from '../domain/share.js';
import type {
  MyShareVote,
  ResourceScope,
  ResourceView,
  SavedShareView,
  ShareSort,
  ShareView,
  SharesResponse,
  TopResourcesResponse,
} from '../contract/share-view.js';
import type { ShareStore } from '../store/share-store.js';
import type { TeamStore } from '../store/team-store.js';
import type { OrgFiguresStore } from '../store/org-figures-store.js';
import type { OrgFiguresJob } from './org-figures-job.js';
import type { Learner } from './learner.js';

const LIST_LIMIT = 10;
const FEED_LIMIT = 50;

/** What people read of the shares: a team's feed, the top resources, a learner's saved list. */
export class ShareLists {
  constructor(
    private readonly deps: {
      shares: ShareStore;
      teams: TeamStore;
      /** The organisation's lists, as the organisation figures job last ranked them. */
      figures: OrgFiguresStore;
      job: Pick<OrgFiguresJob, 'prepare'>;
    },
  ) {}

  async feed(viewer: Learner, teamId: string, sort: ShareSort): Promise<SharesResponse | { status: 'not_member' }> {
    const member = await this.deps.teams.getMember(viewer.tenantId, teamId, viewer.userId);
    if (!member) return { status: 'not_member' };
    const [shares, mine] = await Promise.all([
      this.deps.shares.listTeamShares(viewer.tenantId, teamId),
      this.deps.shares.listTeamVotes(viewer.tenantId, teamId, viewer.userId),
    ]);
    const myVotes = new Map(mine.map((v) => [v.shareId, v]));
    const visible = shares.filter((s) => !s.withdrawnAt);
    visible.sort((a, b) =>
      sort === 'helpful'
        ? b.tally.helpful - a.tally.helpful || b.createdAt.localeCompare(a.createdAt)
        : b.createdAt.localeCompare(a.createdAt),
    );
    return {
      teamId,
      sort,
      shares: visible.slice(0, FEED_LIMIT).map((s) => shareViewOf(s, viewer, myVotes.get(s.shareId))),
    };
  }

  async topResources(viewer: Learner, teamId: string, scope: ResourceScope): Promise<TopResourcesResponse | { status: 'not_member' }> {
    const member = await this.deps.teams.getMember(viewer.tenantId, teamId, viewer.userId);
    if (!member) return { status: 'not_member' };
    if (scope === 'organisation') return this.organisation(viewer.tenantId);
    const [shares, votes] = await Promise.all([
      this.deps.shares.listTeamShares(viewer.tenantId, teamId),
      this.deps.shares.listTeamVotes(viewer.tenantId, teamId),
    ]);
    // A withdrawn share takes its marks with it; a link the sharer kept to themselves is no resource.
    const live = new Map(shares.filter((s) => !s.withdrawnAt && s.resourceKey).map((s) => [s.shareId, s]));
    const facts = votes
      .filter((v) => live.has(v.shareId) && v.resourceKey)
      .map((v) => ({ resourceKey: v.resourceKey!, userId: v.userId, rating: v.rating, saved: v.saved, at: Date.parse(v.at) }));
    const figures = figuresOf(facts);
    const about = resourcesOf([...live.values()]);
    const view = (r: RankedResource): ResourceView | undefined => {
      const known = about.get(r.resourceKey);
      return known
        ? {
            resourceKey: r.resourceKey,
            ...known,
            averageRating: r.averageRating,
            ratingCount: r.ratingCount,
            score: r.score,
            saves: r.saves,
          }
        : undefined;
    };
    return {
      scope,
      ranking: rankingExplanation(),
      topRated: topRated(figures, LIST_LIMIT)
        .map(view)
        .filter((r): r is ResourceView => Boolean(r)),
      mostSaved: mostSaved(figures, LIST_LIMIT)
        .map(view)
        .filter((r): r is ResourceView => Boolean(r)),
    };
  }

  /** The learner's saved shares, newest saved first, as they are now (withdrawn ones marked). */
  async savedOf(learner: Learner): Promise<SavedShareView[]> {
    const pointers = await this.deps.shares.listSaved(learner.tenantId, learner.userId);
    pointers.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
    const teamNames = new Map<string, Promise<string>>();
    const nameOf = (teamId: string) => {
      if (!teamNames.has(teamId))
        teamNames.set(
          teamId,
          this.deps.teams.getSettings(learner.tenantId, teamId).then((s) => s?.name ?? 'a team'),
        );
      return teamNames.get(teamId)!;
    };
    const views = await Promise.all(
      pointers.slice(0, 200).map(async (p): Promise<SavedShareView | undefined> => {
        const [found, teamName] = await Promise.all([this.deps.shares.get(learner.tenantId, p.teamId, p.shareId), nameOf(p.teamId)]);
        if (!found) return undefined;
        const s = found.share;
        const withdrawn = Boolean(s.withdrawnAt);
        return {
          shareId: s.shareId,
          teamId: s.teamId,
          teamName,
          sharerName: s.sharerName,
          what: s.what,
          sourceType: s.sourceType,
          // A withdrawn share keeps only its title in others' saved lists.
          link: withdrawn ? null : s.link,
          insight: withdrawn ? null : s.insight,
          savedAt: p.savedAt,
          withdrawn,
        };
      }),
    );
    return views.filter((v): v is SavedShareView => Boolean(v));
  }

  /** The organisation's lists are ranked by the figures job over every team; a request reads its one row. */
  private async organisation(tenantId: string): Promise<TopResourcesResponse> {
    const base = { scope: 'organisation' as const, ranking: rankingExplanation() };
    const pointer = await this.deps.figures.pointer(tenantId);
    const lists = pointer?.generation ? await this.deps.figures.topResources(tenantId, pointer.generation) : undefined;
    if (!pointer?.asOf || !lists) {
      await this.deps.job.prepare(tenantId);
      return { ...base, topRated: [], mostSaved: [], preparing: true };
    }
    return { ...base, ...lists, asOf: pointer.asOf };
  }
}

export function shareViewOf(share: Share, viewer: Learner, vote: MyShareVote | undefined): ShareView {
  return {
    shareId: share.shareId,
    teamId: share.teamId,
    sharerName: share.sharerName,
    sharedByMe: share.sharerId === viewer.userId,
    what: share.what,
    sourceType: share.sourceType,
    link: share.link,
    insight: share.insight,
    action: share.action,
    createdAt: share.createdAt,
    helpful: share.tally.helpful,
    saves: share.tally.saves,
    averageRating: averageRating(share.tally),
    ratingCount: share.tally.ratingCount,
    mine: vote ? { helpful: vote.helpful, saved: vote.saved, rating: vote.rating } : NO_VOTE,
  };
}

/** For each resource: the link and title of its latest share, and how often it was shared. */
function resourcesOf(shares: readonly Share[]): Map<string, Pick<ResourceView, 'link' | 'title' | 'sourceType' | 'shares'>> {
  const about = new Map<string, Pick<ResourceView, 'link' | 'title' | 'sourceType' | 'shares'> & { at: string }>();
  for (const s of shares) {
    if (!s.resourceKey || !s.link) continue;
    const known = about.get(s.resourceKey);
    if (!known) about.set(s.resourceKey, { link: s.link, title: s.what, sourceType: s.sourceType, shares: 1, at: s.createdAt });
    else {
      known.shares++;
      if (s.createdAt > known.at) Object.assign(known, { link: s.link, title: s.what, sourceType: s.sourceType, at: s.createdAt });
    }
  }
  return new Map([...about].map(([k, { at: _at, ...rest }]) => [k, rest]));
}
