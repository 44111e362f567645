import { describe, expect, it } from 'vitest';
import { NO_VOTE, applyVoteChange, averageRating, shareContentOf, tallyAfter, tallyOf, type VoteChange } from './share.js';
import type { MyShareVote } from '../contract/share-view.js';

const vote = (v: Partial<MyShareVote> = {}): MyShareVote => ({ ...NO_VOTE, ...v });

describe('a person changing their marks on a share', () => {
  it.each<[string, MyShareVote | undefined, VoteChange, boolean, MyShareVote | 'own_share']>([
    ['first Helpful marks it', undefined, { kind: 'toggle', field: 'helpful' }, false, vote({ helpful: true })],
    ['a second Helpful undoes it', vote({ helpful: true }), { kind: 'toggle', field: 'helpful' }, false, vote()],
    ['Save toggles on', vote({ helpful: true }), { kind: 'toggle', field: 'saved' }, false, vote({ helpful: true, saved: true })],
    ['Save toggles off', vote({ saved: true }), { kind: 'toggle', field: 'saved' }, false, vote()],
    ['a rating is set', undefined, { kind: 'rate', rating: 4 }, false, vote({ rating: 4 })],
    ['a different rating replaces it', vote({ rating: 4 }), { kind: 'rate', rating: 2 }, false, vote({ rating: 2 })],
    ['the same rating again clears it', vote({ rating: 4 }), { kind: 'rate', rating: 4 }, false, vote()],
    [
      'the tab sets marks outright',
      vote({ helpful: true }),
      { kind: 'set', update: { helpful: true, rating: 5 } },
      false,
      vote({ helpful: true, rating: 5 }),
    ],
    ['the tab clears a rating with null', vote({ rating: 3 }), { kind: 'set', update: { rating: null } }, false, vote()],
    ['a sharer cannot call their own share helpful', undefined, { kind: 'toggle', field: 'helpful' }, true, 'own_share'],
    ['a sharer may save their own share', undefined, { kind: 'toggle', field: 'saved' }, true, vote({ saved: true })],
    ['a sharer may re-rate their own share', vote({ rating: 3 }), { kind: 'rate', rating: 5 }, true, vote({ rating: 5 })],
  ])('%s', (_name, current, change, isSharer, expected) => {
    const outcome = applyVoteChange(current, change, isSharer);
    if (expected === 'own_share') expect(outcome).toEqual({ ok: false, reason: 'own_share' });
    else expect(outcome).toEqual({ ok: true, vote: expected });
  });
});

describe('share tallies', () => {
  it('moves by the difference between before and after, so a toggle twice changes nothing', () => {
    const start = { helpful: 3, saves: 1, ratingSum: 9, ratingCount: 2 };
    const marked = tallyAfter(start, undefined, vote({ helpful: true, rating: 5 }));
    expect(marked).toEqual({ helpful: 4, saves: 1, ratingSum: 14, ratingCount: 3 });
    expect(tallyAfter(marked, vote({ helpful: true, rating: 5 }), vote())).toEqual(start);
  });

  it('recomputes from the vote rows to what the deltas built', () => {
    const votes = [vote({ helpful: true, rating: 4 }), vote({ saved: true }), vote({ helpful: true, saved: true, rating: 2 }), vote()];
    let running = tallyOf([]);
    for (const v of votes) running = tallyAfter(running, undefined, v);
    expect(tallyOf(votes)).toEqual(running);
    expect(tallyOf(votes)).toEqual({ helpful: 2, saves: 2, ratingSum: 6, ratingCount: 2 });
    expect(averageRating(tallyOf(votes))).toBe(3);
    expect(averageRating(tallyOf([]))).toBeNull();
  });
});

describe('what a share shows', () => {
  const entry = {
    what: 'Pairing',
    sourceType: 'mentoring' as const,
    link: 'https://x.example/a',
    insight: 'Talk first',
    action: 'Pair weekly',
    rating: 4,
  };
  it('keeps only the parts the sharer chose, with what, kind and rating always', () => {
    expect(shareContentOf(entry, ['insight'])).toEqual({
      what: 'Pairing',
      sourceType: 'mentoring',
      link: null,
      insight: 'Talk first',
      action: null,
      sharerRating: 4,
    });
    expect(shareContentOf(entry, ['link', 'action'])).toMatchObject({ link: 'https://x.example/a', insight: null, action: 'Pair weekly' });
  });
});
