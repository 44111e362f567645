import { describe, expect, it } from 'vitest';
import { RECOMMENDATION_LIMITS as SERVICE_LIMITS } from '../../../bot/contract/recommendation-rules.js';
import { CHECK_IN_LIMITS } from '../../../bot/contract/check-in-rules.js';
import { RECOMMENDATION_LIMITS } from '../api/recommendation-types.js';
import { myRecommendation } from '../testing/recommendation-fixtures.js';
import {
  doneByText,
  doneText,
  doneFailed,
  myRecommendationsCountText,
  newestFirst,
  recipientText,
  recommendationKey,
  recommendationsCountText,
  recommendedText,
} from './recommendation-format.js';

describe('recommendation words', () => {
  it('repeats the service’s limits', () => {
    expect(RECOMMENDATION_LIMITS).toEqual({ ...SERVICE_LIMITS, link: CHECK_IN_LIMITS.link });
  });

  it('says how many did it of how many it was for', () => {
    expect(doneByText(2, 6, 'en-US')).toBe('Done by 2 of 6');
    expect(doneByText(1200, 1500, 'en-US')).toBe('Done by 1,200 of 1,500');
  });

  it('names whom it is for, and still says something for someone who has left', () => {
    const members = [{ userId: 'm1', displayName: 'Megan Bowen' }];
    expect(recipientText(null, members)).toBe('the whole team');
    expect(recipientText('m1', members)).toBe('Megan Bowen');
    expect(recipientText('gone', members)).toBe('one member');
  });

  it('counts them', () => {
    expect(recommendationsCountText(1)).toBe('1 recommendation, newest first');
    expect(recommendationsCountText(3)).toBe('3 recommendations, newest first');
    expect(myRecommendationsCountText(3, 1)).toBe('3 recommendations, 1 done, newest first');
  });

  it('says what a recommendation and a tick did or tried to do', () => {
    expect(recommendedText('Inspired', 'the whole team')).toBe('Recommended ‘Inspired’ to the whole team.');
    expect(doneFailed('Inspired', true)).toBe("Couldn't mark ‘Inspired’ as done");
    expect(doneFailed('Inspired', false)).toBe("Couldn't mark ‘Inspired’ as not done");
    expect(doneText('Inspired', true)).toBe('Marked ‘Inspired’ as done.');
    expect(doneText('Inspired', false)).toBe('Marked ‘Inspired’ as not done.');
  });

  it('puts the newest first, and tells apart the same id in two teams', () => {
    const older = myRecommendation('Older', { at: '2026-11-01T10:00:00.000Z' });
    const newer = myRecommendation('Newer', { at: '2026-11-20T10:00:00.000Z' });
    expect(newestFirst([older, newer]).map((r) => r.title)).toEqual(['Newer', 'Older']);
    expect(recommendationKey({ teamId: 'a', recId: 'r1' })).not.toBe(recommendationKey({ teamId: 'b', recId: 'r1' }));
  });
});
