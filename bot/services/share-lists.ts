import { figuresOf, mostSaved, rankingExplanation, resourcesOf, topRated, type RankedResource } from '../domain/resource-ranking.js';
import { NO_VOTE, averageRating, type Share } from '../domain/share.js';
import type {
  MyShareVote,
  ResourceScope,
  ResourceView,
  SavedShareView,
  SavedSharesResponse,
  ShareSort,
  ShareView,
  SharesResponse,
  TopResourcesResponse,
} from '../contract/share-view.js';
import type { SavedPointer } from '../store/share-reads.js';
import type { ShareStore } from '../store/share-store.js';
import { InvalidCursorError } from '../store/page-cursor.js';
import { helpfulKey } from '../store/share-feed-index.js';
import { inBatches } from './in-batches.js';
import type { TeamStore } from '../store/team-store.js';
import type { OrgFiguresStore } from '../store/org-figures-store.js';
import type { OrgFiguresJob } from './org-figures-job.js';
import type { Learner } from './learner.js';

const LIST_LIMIT = 10;
const FEED_LIMIT = 20;
const SAVED_PAGE = 50;
/** Shares of one page read at once: each is two point reads (the share, the reader's marks), so at most 32 requests are in flight. */
const READS_IN_FLIGHT = 16;

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

  /**
   * A page of the team's feed, newest or most helpful first, with the viewer's own marks: one
   * range read of the feed's pointers, then each share and the viewer's marks on it by key, so a
   * page costs the same in a team of 20 shares as in one of 20,000.
   */
  async feed(
    viewer: Learner,
    teamId: string,
    sort: ShareSort,
    page: { limit?: number; cursor?: string } = {},
  ): Promise<SharesResponse | { status: 'not_member' }> {
    const member = await this.deps.teams.getMember(viewer.tenantId, teamId, viewer.userId);
    if (!member) return { status: 'not_member' };
    const limit = page.limit ?? FEED_LIMIT;
    const read = () =>
      this.deps.shares.feedPage(viewer.tenantId, teamId, sort === 'helpful' ? 'helpful' : 'newest', { limit, cursor: page.cursor });
    let found = await read();
    // Shares made before the feed had pointers get them the first time the feed is read.
    if (!page.cursor && (await this.deps.shares.indexFeedOnce(viewer.tenantId, teamId))) found = await read();
    const shares = await inBatches(found.pointers, READS_IN_FLIGHT, async (pointer) => {
      const [share, mine] = await Promise.all([
        this.deps.shares.get(viewer.tenantId, teamId, pointer.shareId),
        this.deps.shares.getVote(viewer.tenantId, teamId, pointer.shareId, viewer.userId),
      ]);
      const stale =
        !share || share.share.withdrawnAt || (sort === 'helpful' && pointer.rowKey !== helpfulKey(share.share, share.share.tally.helpful));
      if (stale) {
        // A pointer to a share that went or was withdrawn, or left behind by a count that moved on: not shown, and tidied.
        await this.deps.shares.dropFeedPointer(pointer);
        return undefined;
      }
      return shareViewOf(share.share, viewer, mine.vote);
    });
    return { teamId, sort, shares: shares.filter((s): s is ShareView => s !== undefined), nextCursor: found.nextCursor };
  }

  /** The team's shares made since `since` (a digest's week), withdrawn ones left out. */
  async sharedSince(viewer: Learner, teamId: string, since: Date): Promise<ShareView[]> {
    const ids = await this.deps.shares.sharedSince(viewer.tenantId, teamId, since);
    const shares = await inBatches(ids, READS_IN_FLIGHT, (shareId) => this.deps.shares.get(viewer.tenantId, teamId, shareId));
    return shares
      .filter((s): s is NonNullable<typeof s> => s !== undefined && !s.share.withdrawnAt)
      .map((s) => shareViewOf(s.share, viewer, undefined));
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

  /**
   * A page of the learner's saved shares, newest saved first, as they are now (withdrawn ones
   * marked). The pointers are the learner's own partition, read whole (a saved list is short);
   * the shares behind one page are read by key.
   */
  async savedOf(learner: Learner, page: { limit?: number; cursor?: string } = {}): Promise<SavedSharesResponse> {
    const pointers = await this.deps.shares.listSaved(learner.tenantId, learner.userId);
    const order = (p: SavedPointer) => `${p.savedAt}\n${p.teamId}\n${p.shareId}`;
    pointers.sort((a, b) => order(b).localeCompare(order(a)));
    const after = page.cursor === undefined ? undefined : savedCursorKey(page.cursor);
    const from = after === undefined ? 0 : pointers.findIndex((p) => order(p) < after);
    const limit = page.limit ?? SAVED_PAGE;
    const slice = from < 0 ? [] : pointers.slice(from, from + limit);
    const last = slice.at(-1);
    const nextCursor = last && from + limit < pointers.length ? Buffer.from(order(last)).toString('base64url') : null;
    const teamNames = new Map<string, Promise<string>>();
    const nameOf = (teamId: string) => {
      if (!teamNames.has(teamId))
        teamNames.set(
          teamId,
          this.deps.teams.getSettings(learner.tenantId, teamId).then((s) => s?.name ?? 'a team'),
        );
      return teamNames.get(teamId)!;
    };
    const views = await inBatches(slice, READS_IN_FLIGHT, async (p): Promise<SavedShareView | undefined> => {
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
    });
    return { saved: views.filter((v): v is SavedShareView => Boolean(v)), nextCursor };
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

/** Where a page of the saved list ends: the last pointer's sort key, as the cursor carries it. */
function savedCursorKey(cursor: string): string {
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (key.split('\n').length !== 3 || Buffer.from(key).toString('base64url') !== cursor) throw new InvalidCursorError();
  return key;
}
