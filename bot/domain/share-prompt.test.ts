import { describe, expect, it } from 'vitest';
import {
  FRESH_PROMPT_STATE,
  NOT_NOW_LIMIT,
  QUIET_DAYS,
  afterNotNow,
  earnsSharePrompt,
  mayOfferShare,
  sharablePartsOf,
  type SharePromptState,
} from './share-prompt.js';

const now = new Date('2026-12-01T10:00:00.000Z');
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);

describe('earnsSharePrompt', () => {
  it('offers an entry rated 4 or 5 that has an insight', () => {
    expect(earnsSharePrompt({ rating: 4, insight: 'Ship dark first' }, false)).toBe(true);
    expect(earnsSharePrompt({ rating: 5, insight: 'Ship dark first' }, false)).toBe(true);
  });

  it('does not offer a lower rating, no rating, or an entry without an insight (blank counts as none)', () => {
    expect(earnsSharePrompt({ rating: 3, insight: 'Ship dark first' }, false)).toBe(false);
    expect(earnsSharePrompt({ rating: null, insight: 'Ship dark first' }, false)).toBe(false);
    expect(earnsSharePrompt({ rating: 5, insight: null }, false)).toBe(false);
    expect(earnsSharePrompt({ rating: 5, insight: '   ' }, false)).toBe(false);
  });

  it('offers whatever was saved with a goal marked done', () => {
    expect(earnsSharePrompt({ rating: null, insight: null }, true)).toBe(true);
  });
});

describe('not now, three times in a row', () => {
  it('keeps offering after one and two, then is quiet for a month, and offers again after it', () => {
    let state: SharePromptState = FRESH_PROMPT_STATE;
    for (let i = 1; i < NOT_NOW_LIMIT; i++) {
      state = afterNotNow(state, now);
      expect(state).toEqual({ notNowInARow: i, quietUntil: null });
      expect(mayOfferShare(state, now)).toBe(true);
    }
    state = afterNotNow(state, now);
    expect(state.quietUntil).toBe(days(QUIET_DAYS).toISOString());
    expect(mayOfferShare(state, now)).toBe(false);
    expect(mayOfferShare(state, days(QUIET_DAYS - 1))).toBe(false);
    expect(mayOfferShare(state, days(QUIET_DAYS))).toBe(true);
  });

  it('starts a new run after the quiet: one "not now" then does not silence the learner again', () => {
    const quiet = afterNotNow({ notNowInARow: NOT_NOW_LIMIT - 1, quietUntil: null }, now);
    const later = days(QUIET_DAYS + 1);
    expect(afterNotNow(quiet, later)).toEqual({ notNowInARow: 1, quietUntil: null });
  });

  it('is reset by a share: the fresh state offers and needs three more', () => {
    expect(mayOfferShare(FRESH_PROMPT_STATE, now)).toBe(true);
    expect(afterNotNow(FRESH_PROMPT_STATE, now)).toEqual({ notNowInARow: 1, quietUntil: null });
  });
});

describe('sharablePartsOf', () => {
  it('offers only the parts the entry has words in', () => {
    expect(sharablePartsOf({ insight: 'x', action: null, link: 'https://example.com' })).toEqual(['insight', 'link']);
    expect(sharablePartsOf({ insight: ' ', action: null, link: null })).toEqual([]);
  });
});
