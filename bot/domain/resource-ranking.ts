import type { Share } from './share.js';
import { TOP_RATED_MIN_RATINGS, type ResourceView } from '../contract/share-view.js';
/**
 * The team's resource lists: top rated and most saved. Pure, so the tab, the bot and the tests
 * rank alike, and a ranking can be recomputed from the votes at any time.
 */

/** One person's vote on one share of a resource. A resource shared several times has several. */
export interface ResourceVoteFact {
  resourceKey: string;
  userId: string;
  rating: number | null;
  saved: boolean;
  /** When this vote was last changed, in epoch milliseconds. */
  at: number;
}

export interface ResourceFigures {
  resourceKey: string;
  /** One per person, ordered by userId. */
  ratings: number[];
  averageRating: number | null;
  ratingCount: number;
  /** Distinct people who saved it. */
  saves: number;
  lastAt: number;
}

export interface RankedResource extends ResourceFigures {
  /** The damped mean, in full precision; null when there are too few ratings to rank by. */
  score: number | null;
}

/**
 * minRatings: fewer ratings say too little to put a resource in the top list at all.
 * priorWeight: how many "average" ratings every resource starts with, so a handful of fives
 * cannot beat a long record of fours and a half.
 */
export const RANKING = { minRatings: TOP_RATED_MIN_RATINGS, priorWeight: 5 } as const;

/** The mean used when nobody has rated anything yet: the middle of the 1 to 5 scale. */
const NEUTRAL_MEAN = 3;

/**
 * Figures per resource, in resourceKey order. A person counts once per resource however many
 * times it was shared: their latest rating on any share, and one save at most.
 */
export function figuresOf(facts: readonly ResourceVoteFact[]): ResourceFigures[] {
  const byResource = new Map<string, { latest: Map<string, { rating: number; at: number }>; savers: Set<string>; lastAt: number }>();
  for (const fact of facts) {
    let group = byResource.get(fact.resourceKey);
    if (!group) {
      group = { latest: new Map(), savers: new Set(), lastAt: fact.at };
      byResource.set(fact.resourceKey, group);
    }
    group.lastAt = Math.max(group.lastAt, fact.at);
    if (fact.saved) group.savers.add(fact.userId);
    if (typeof fact.rating !== 'number' || !Number.isFinite(fact.rating)) continue;
    const previous = group.latest.get(fact.userId);
    // A tie in time goes to the larger rating, so the answer does not depend on the order facts were read in.
    if (!previous || fact.at > previous.at || (fact.at === previous.at && fact.rating > previous.rating)) {
      group.latest.set(fact.userId, { rating: fact.rating, at: fact.at });
    }
  }
  return [...byResource.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([resourceKey, group]) => {
      const ratings = [...group.latest.entries()].sort(([a], [b]) => compareText(a, b)).map(([, vote]) => vote.rating);
      return {
        resourceKey,
        ratings,
        averageRating: ratings.length === 0 ? null : sum(ratings) / ratings.length,
        ratingCount: ratings.length,
        saves: group.savers.size,
        lastAt: group.lastAt,
      };
    });
}

/**
 * Resources with at least RANKING.minRatings ratings, best damped mean first. The prior is the
 * mean of every rating in `figures`, below-minimum resources included, so the pull is towards
 * what this team usually gives rather than towards a fixed number.
 */
export function topRated(figures: readonly ResourceFigures[], limit: number, mean = ratingMean(figures)): RankedResource[] {
  const score = scorer(mean);
  return figures
    .filter((f) => f.ratingCount >= RANKING.minRatings)
    .map((f) => ({ ...f, score: score(f) }))
    .sort(
      (a, b) => b.score! - a.score! || b.ratingCount - a.ratingCount || b.lastAt - a.lastAt || compareText(a.resourceKey, b.resourceKey),
    )
    .slice(0, cap(limit));
}

/** Resources saved by at least one person, most savers first; better rated breaks a tie. */
export function mostSaved(figures: readonly ResourceFigures[], limit: number, mean = ratingMean(figures)): RankedResource[] {
  const score = scorer(mean);
  return figures
    .filter((f) => f.saves >= 1)
    .map((f) => ({ ...f, score: f.ratingCount >= RANKING.minRatings ? score(f) : null }))
    .sort(
      (a, b) =>
        b.saves - a.saves ||
        compareRatingDesc(a.averageRating, b.averageRating) ||
        b.lastAt - a.lastAt ||
        compareText(a.resourceKey, b.resourceKey),
    )
    .slice(0, cap(limit));
}

/** Shown beside the list, so people can see why a resource with three fives is not on top. */
export function rankingExplanation(): string {
  return (
    `Top rated lists resources with at least ${RANKING.minRatings} ratings, best first. ` +
    'A resource with only a few ratings ranks a little below its average until more people rate it, ' +
    'so a couple of high ratings can’t outrank one that many people rated well.'
  );
}

/** The mean of every rating in `figures` (the neutral middle when there are none). */
export function ratingMean(figures: readonly ResourceFigures[]): number {
  const mean = runningMean();
  for (const f of figures) mean.add(f);
  return mean.value();
}

/**
 * ratingMean, added up a resource at a time: a list ranked from a stream passes the whole
 * stream's mean to topRated and mostSaved, so it ranks as one list would.
 */
export function runningMean(): { add(f: ResourceFigures): void; value(): number } {
  let total = 0;
  let count = 0;
  return {
    add(f) {
      total += sum(f.ratings);
      count += f.ratings.length;
    },
    value: () => (count === 0 ? NEUTRAL_MEAN : total / count),
  };
}

/** (priorWeight·m + Σratings) / (priorWeight + n), with m the mean of all ratings given. */
function scorer(mean: number): (f: ResourceFigures) => number {
  return (f) => (RANKING.priorWeight * mean + sum(f.ratings)) / (RANKING.priorWeight + f.ratings.length);
}

function compareRatingDesc(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return b - a;
}

/** Code-unit order, not locale order: keys are ids, and the order must be the same on every machine. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sum(values: readonly number[]): number {
  return values.reduce((acc, v) => acc + v, 0);
}

/** A bad limit (negative, fractional, NaN) gives fewer results, never an error. */
function cap(limit: number): number {
  return Number.isNaN(limit) ? 0 : Math.max(0, Math.floor(limit));
}

/** For each resource: the link and title of its latest share, and how often it was shared. */
export function resourcesOf(shares: readonly Share[]): Map<string, Pick<ResourceView, 'link' | 'title' | 'sourceType' | 'shares'>> {
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
