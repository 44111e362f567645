import type { ResourceView } from '../contract/share-view.js';
import { figuresOf, mostSaved, runningMean, topRated, type RankedResource, type ResourceFigures } from '../domain/resource-ranking.js';
import type { OrgFiguresStore, ResourceFacts, TopResourceLists } from '../store/org-figures-store.js';
import type { ShareStore } from '../store/share-store.js';

/** How many resources each of the organisation's lists shows. */
export const TOP_RESOURCES = 10;

interface Candidate {
  figures: ResourceFigures;
  about: Pick<ResourceView, 'link' | 'title' | 'sourceType' | 'shares'> | undefined;
}

/**
 * The organisation's lists, ranked as one list of every resource would be, read from the stage
 * twice: once for the mean every ranking pulls towards, once keeping only the leaders so far.
 */
export async function topResources(
  figures: Pick<OrgFiguresStore, 'stagedResources'>,
  tenantId: string,
  generation: string,
): Promise<TopResourceLists> {
  const mean = runningMean();
  for await (const { resourceKey, facts } of figures.stagedResources(tenantId, generation)) mean.add(figuresOfResource(resourceKey, facts));
  const m = mean.value();
  let rated = new Map<string, Candidate>();
  let saved = new Map<string, Candidate>();
  const trim = (kept: Map<string, Candidate>, rank: typeof topRated) =>
    new Map(
      rank(
        [...kept.values()].map((c) => c.figures),
        TOP_RESOURCES,
        m,
      ).map((r) => [r.resourceKey, kept.get(r.resourceKey)!]),
    );
  for await (const { resourceKey, facts } of figures.stagedResources(tenantId, generation)) {
    const candidate = { figures: figuresOfResource(resourceKey, facts), about: aboutOf(facts) };
    rated.set(resourceKey, candidate);
    saved.set(resourceKey, candidate);
    if (rated.size > 4 * TOP_RESOURCES) rated = trim(rated, topRated);
    if (saved.size > 4 * TOP_RESOURCES) saved = trim(saved, mostSaved);
  }
  const view =
    (kept: Map<string, Candidate>) =>
    (r: RankedResource): ResourceView[] => {
      const about = kept.get(r.resourceKey)?.about;
      return about
        ? [
            {
              resourceKey: r.resourceKey,
              ...about,
              averageRating: r.averageRating,
              ratingCount: r.ratingCount,
              score: r.score,
              saves: r.saves,
            },
          ]
        : [];
    };
  return {
    topRated: topRated(
      [...rated.values()].map((c) => c.figures),
      TOP_RESOURCES,
      m,
    ).flatMap(view(rated)),
    mostSaved: mostSaved(
      [...saved.values()].map((c) => c.figures),
      TOP_RESOURCES,
      m,
    ).flatMap(view(saved)),
  };
}

/**
 * What a team knows about each resource: every mark on a live share of it, and its latest share
 * with a link; and when each rating on the team's shares was given. A withdrawn share takes its
 * marks with it; a link the sharer kept to themselves is no resource. Shares are read before
 * marks, so the marks can be streamed past the shares they belong to.
 */
export async function teamResourceFacts(
  shares: Pick<ShareStore, 'streamTeamShares' | 'streamTeamVotes'>,
  tenantId: string,
  teamId: string,
): Promise<[Map<string, ResourceFacts>, number[]]> {
  const facts = new Map<string, ResourceFacts>();
  const of = (resourceKey: string) => {
    let f = facts.get(resourceKey);
    if (!f) facts.set(resourceKey, (f = { votes: [] }));
    return f;
  };
  const live = new Set<string>();
  for await (const s of shares.streamTeamShares(tenantId, teamId)) {
    if (s.withdrawnAt || !s.resourceKey) continue;
    live.add(s.shareId);
    if (s.link) mergeAbout(of(s.resourceKey), { link: s.link, title: s.what, sourceType: s.sourceType, shares: 1, at: s.createdAt });
  }
  const ratingTimes: number[] = [];
  for await (const v of shares.streamTeamVotes(tenantId, teamId)) {
    if (v.rating !== null) ratingTimes.push(Date.parse(v.at));
    if (live.has(v.shareId) && v.resourceKey) of(v.resourceKey).votes.push([v.userId, v.rating, v.saved, Date.parse(v.at)]);
  }
  return [facts, ratingTimes];
}

/** Adds a team's facts to the chunk's: its marks after the teams' before it, its shares merged as one list of them would be. */
export function mergeFacts(into: Map<string, ResourceFacts>, team: ReadonlyMap<string, ResourceFacts>): void {
  for (const [resourceKey, f] of team) {
    const known = into.get(resourceKey);
    if (!known) into.set(resourceKey, f);
    else {
      known.votes.push(...f.votes);
      if (f.about) mergeAbout(known, f.about);
    }
  }
}

/** Counts a share of the resource; the latest share's link and title stand for it (the first of equally late ones). */
function mergeAbout(into: ResourceFacts, about: NonNullable<ResourceFacts['about']>): void {
  if (!into.about) into.about = { ...about };
  else {
    into.about.shares += about.shares;
    if (about.at > into.about.at)
      Object.assign(into.about, { link: about.link, title: about.title, sourceType: about.sourceType, at: about.at });
  }
}

/** One resource's figures from every chunk's votes on it (a person counts once, however many teams they voted in). */
function figuresOfResource(resourceKey: string, staged: readonly ResourceFacts[]): ResourceFigures {
  const [figures] = figuresOf(
    staged.flatMap((f) => f.votes.map(([userId, rating, saved, at]) => ({ resourceKey, userId, rating, saved, at }))),
  );
  // Shared but never marked: no ratings, no saves, so on neither list.
  return figures ?? { resourceKey, ratings: [], averageRating: null, ratingCount: 0, saves: 0, lastAt: 0 };
}

function aboutOf(staged: readonly ResourceFacts[]): Candidate['about'] {
  const merged: ResourceFacts = { votes: [] };
  for (const f of staged) if (f.about) mergeAbout(merged, f.about);
  if (!merged.about) return undefined;
  const { at: _at, ...about } = merged.about;
  return about;
}
