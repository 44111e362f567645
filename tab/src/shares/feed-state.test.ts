import { describe, expect, it } from 'vitest';
import { shares, share } from '../testing/share-fixtures.js';
import { feedReducer, initialFeed, type FeedAction, type FeedState } from './feed-state.js';

const run = (...actions: FeedAction[]): FeedState => actions.reduce(feedReducer, initialFeed);
const helpful = (state: FeedState) => state.shown?.shares.map((s) => [s.what, s.helpful]);

const A = share('A', { helpful: 1 });
const B = share('B', { helpful: 2 });

describe('the feed’s state', () => {
  it('shows a list once it arrives, and a vote’s answer in place', () => {
    const state = run(
      { type: 'loading' },
      { type: 'loaded', response: shares([A, B]), askedAt: 1 },
      { type: 'voted', share: { ...A, helpful: 5 }, at: 2 },
    );
    expect(state.phase).toBe('ready');
    expect(helpful(state)).toEqual([
      ['A', 5],
      ['B', 2],
    ]);
  });

  it('keeps the last list on screen while another order loads', () => {
    const state = run({ type: 'loaded', response: shares([A, B]), askedAt: 1 }, { type: 'loading' });
    expect(state.phase).toBe('loading');
    expect(helpful(state)).toEqual([
      ['A', 1],
      ['B', 2],
    ]);
  });

  it('does not let a list asked for before a vote landed undo the vote', () => {
    const state = run(
      { type: 'loaded', response: shares([A, B]), askedAt: 1 },
      { type: 'loading' }, // asked at 2
      { type: 'voted', share: { ...B, helpful: 3 }, at: 3 },
      { type: 'loaded', response: shares([B, A], 'helpful'), askedAt: 2 },
    );
    expect(helpful(state)).toEqual([
      ['B', 3],
      ['A', 1],
    ]);
    expect(state.voted).toEqual({});
  });

  it('takes a list asked for after a vote landed as it is', () => {
    const state = run(
      { type: 'loaded', response: shares([A]), askedAt: 1 },
      { type: 'voted', share: { ...A, helpful: 3 }, at: 2 },
      { type: 'loading' },
      { type: 'loaded', response: shares([{ ...A, helpful: 7 }]), askedAt: 3 },
    );
    expect(helpful(state)).toEqual([['A', 7]]);
  });

  it('shows a failure alone, rather than the last order under the new one’s name', () => {
    const state = run({ type: 'loaded', response: shares([A]), askedAt: 1 }, { type: 'loading' }, { type: 'failed', message: 'Couldn’t' });
    expect(state).toMatchObject({ phase: 'error', shown: undefined, message: 'Couldn’t' });
  });
});
