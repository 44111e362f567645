import { describe, expect, it } from 'vitest';
import {
  figuresOf,
  mostSaved,
  RANKING,
  rankingExplanation,
  topRated,
  type ResourceFigures,
  type ResourceVoteFact,
} from './resource-ranking.js';

/** One vote per rating, each from a different person, all at `at`. */
function votes(resourceKey: string, ratings: number[], at = 1000, saved = false): ResourceVoteFact[] {
  return ratings.map((rating, i) => ({ resourceKey, userId: `${resourceKey}-u${String(i).padStart(3, '0')}`, rating, saved, at }));
}

const fact = (userId: string, rating: number | null, at: number, saved = false, resourceKey = 'r1'): ResourceVoteFact => ({
  resourceKey,
  userId,
  rating,
  saved,
  at,
});

const keys = (ranked: { resourceKey: string }[]): string[] => ranked.map((r) => r.resourceKey);

describe('figuresOf', () => {
  it.each([
    ['the latest rating wins', [fact('ana', 4, 1), fact('ana', 2, 5)], [2]],
    ['the latest wins whatever order facts come in', [fact('ana', 2, 5), fact('ana', 4, 1)], [2]],
    ['a later vote without a rating keeps the earlier rating', [fact('ana', 5, 1), fact('ana', null, 9, true)], [5]],
    ['a tie in time goes to the larger rating', [fact('ana', 2, 5), fact('ana', 4, 5)], [4]],
    ['people count separately, ordered by id', [fact('ben', 3, 1), fact('ana', 5, 2), fact('ben', 1, 3)], [5, 1]],
    ['no ratings', [fact('ana', null, 1, true)], []],
  ])('%s', (_name, facts, ratings) => {
    const [figures] = figuresOf(facts);
    expect(figures!.ratings).toEqual(ratings);
    expect(figures!.ratingCount).toBe(ratings.length);
    expect(figures!.averageRating).toBe(ratings.length === 0 ? null : ratings.reduce((a, b) => a + b, 0) / ratings.length);
  });

  it('counts saves by distinct people, over every share, and keeps the newest time', () => {
    const [figures] = figuresOf([fact('ana', 4, 1, true), fact('ana', null, 7, true), fact('ben', null, 3, true), fact('cy', 5, 2)]);
    expect(figures).toEqual({ resourceKey: 'r1', ratings: [4, 5], averageRating: 4.5, ratingCount: 2, saves: 2, lastAt: 7 });
  });

  it('keeps resources apart, in key order', () => {
    const figures = figuresOf([fact('ana', 5, 1, false, 'b'), fact('ana', 1, 2, true, 'a')]);
    expect(figures.map((f) => [f.resourceKey, f.ratings, f.saves])).toEqual([
      ['a', [1], 1],
      ['b', [5], 0],
    ]);
  });

  it('is empty for no votes', () => {
    expect(figuresOf([])).toEqual([]);
  });
});

describe('topRated', () => {
  it.each([
    [RANKING.minRatings - 1, false],
    [RANKING.minRatings, true],
    [RANKING.minRatings + 10, true],
  ])('with %i ratings, listed: %s', (count, listed) => {
    const figures = figuresOf(votes('r', Array<number>(count).fill(4)));
    expect(keys(topRated(figures, 10))).toEqual(listed ? ['r'] : []);
  });

  it('ranks 40 ratings averaging 4.6 above 3 fives in a team that usually rates lower', () => {
    const few = votes('few', [5, 5, 5]);
    const many = votes('many', [...Array<number>(24).fill(5), ...Array<number>(16).fill(4)]);
    // Ten resources rated twice each at 3: below the minimum, but part of the team's average.
    const rest = Array.from({ length: 10 }, (_, i) => votes(`low${i}`, [3, 3])).flat();
    const figures = figuresOf([...few, ...many, ...rest]);
    const m = (15 + 184 + 60) / 63;
    const fewScore = (5 * m + 15) / 8;
    const manyScore = (5 * m + 184) / 45;
    expect(fewScore).toBeLessThan(manyScore);

    const ranked = topRated(figures, 10);
    expect(keys(ranked)).toEqual(['many', 'few']);
    expect(ranked[0]!.averageRating).toBeCloseTo(4.6, 10);
    expect(ranked[0]!.score).toBeCloseTo(manyScore, 12);
    expect(ranked[1]!.score).toBeCloseTo(fewScore, 12);
  });

  it('still puts 3 fives first when the only other ratings are 4.6s: the prior is the team’s own average', () => {
    // m = 199 / 43 ≈ 4.63, so the prior barely pulls the fives down. This pins the formula as specified.
    const figures = figuresOf([...votes('few', [5, 5, 5]), ...votes('many', [...Array<number>(24).fill(5), ...Array<number>(16).fill(4)])]);
    const m = 199 / 43;
    const ranked = topRated(figures, 10);
    expect(keys(ranked)).toEqual(['few', 'many']);
    expect(ranked[0]!.score).toBeCloseTo((5 * m + 15) / 8, 12);
    expect(ranked[1]!.score).toBeCloseTo((5 * m + 184) / 45, 12);
  });

  it('keeps full precision', () => {
    const [ranked] = topRated(figuresOf([...votes('a', [5, 4, 4]), ...votes('b', [1])]), 1);
    const m = 14 / 4;
    expect(ranked!.score).toBe((5 * m + 13) / 8);
  });

  it('breaks ties by more ratings, then newer, then key', () => {
    // Every rating is 4, so every score is exactly 4.
    const figures = figuresOf([
      ...votes('d', [4, 4, 4], 500),
      ...votes('c', [4, 4, 4], 900),
      ...votes('a', [4, 4, 4], 500),
      ...votes('b', [4, 4, 4, 4, 4], 100),
    ]);
    const ranked = topRated(figures, 10);
    expect(ranked.map((r) => r.score)).toEqual([4, 4, 4, 4]);
    expect(keys(ranked)).toEqual(['b', 'c', 'a', 'd']);
  });

  it.each([
    [0, []],
    [1, ['a']],
    [2, ['a', 'b']],
    [50, ['a', 'b', 'c']],
    [-1, []],
    [Number.NaN, []],
  ])('returns at most %d', (limit, expected) => {
    const figures = figuresOf([...votes('a', [5, 5, 5]), ...votes('b', [4, 4, 4]), ...votes('c', [3, 3, 3])]);
    expect(keys(topRated(figures, limit))).toEqual(expected);
  });

  it('is empty for no figures', () => {
    expect(topRated([], 10)).toEqual([]);
  });
});

describe('mostSaved', () => {
  const figures: ResourceFigures[] = [
    { resourceKey: 'unsaved', ratings: [5, 5, 5], averageRating: 5, ratingCount: 3, saves: 0, lastAt: 9 },
    { resourceKey: 'twoUnrated', ratings: [], averageRating: null, ratingCount: 0, saves: 2, lastAt: 9 },
    { resourceKey: 'twoRated', ratings: [3, 4], averageRating: 3.5, ratingCount: 2, saves: 2, lastAt: 1 },
    { resourceKey: 'three', ratings: [2, 2, 2], averageRating: 2, ratingCount: 3, saves: 3, lastAt: 1 },
    { resourceKey: 'oneOld', ratings: [4, 4, 4], averageRating: 4, ratingCount: 3, saves: 1, lastAt: 1 },
    { resourceKey: 'oneNewB', ratings: [4, 4, 4], averageRating: 4, ratingCount: 3, saves: 1, lastAt: 5 },
    { resourceKey: 'oneNewA', ratings: [4, 4, 4], averageRating: 4, ratingCount: 3, saves: 1, lastAt: 5 },
  ];

  it('orders by savers, then average (unrated last), then newer, then key', () => {
    expect(keys(mostSaved(figures, 10))).toEqual(['three', 'twoRated', 'twoUnrated', 'oneNewA', 'oneNewB', 'oneOld']);
  });

  it('scores only resources with enough ratings, with the same damped mean as top rated', () => {
    const ranked = mostSaved(figures, 10);
    const byKey = new Map(ranked.map((r) => [r.resourceKey, r.score]));
    const top = new Map(topRated(figures, 10).map((r) => [r.resourceKey, r.score]));
    expect(byKey.get('twoRated')).toBeNull();
    expect(byKey.get('twoUnrated')).toBeNull();
    expect(byKey.get('three')).toBe(top.get('three'));
    expect(byKey.get('oneOld')).toBe(top.get('oneOld'));
  });

  it('respects the limit and is empty when nothing is saved', () => {
    expect(keys(mostSaved(figures, 2))).toEqual(['three', 'twoRated']);
    expect(
      mostSaved(
        figures.filter((f) => f.saves === 0),
        10,
      ),
    ).toEqual([]);
    expect(mostSaved([], 10)).toEqual([]);
  });
});

describe('rankingExplanation', () => {
  it('states the rules in plain words, with the number in use', () => {
    expect(rankingExplanation()).toBe(
      `Top rated lists resources with at least ${RANKING.minRatings} ratings, best first. A resource with only a few ratings ` +
        'ranks a little below its average until more people rate it, so a couple of high ratings can’t outrank one that many people rated well.',
    );
    expect(rankingExplanation()).not.toMatch(/weight|pulled towards/);
  });
});
