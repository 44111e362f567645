import { describe, expect, it } from 'vitest';
import { RESOURCE_SCOPES, SHARE_SORTS } from '../../../bot/contract/api.js';
import { RESOURCE_SCOPE_CHOICES, SHARE_SORT_CHOICES } from '../api/share-types.js';
import { savedShare, share } from '../testing/share-fixtures.js';
import { myVotePath, sharesPath, topResourcesPath } from './share-paths.js';
import {
  feedCountText,
  helpfulText,
  newestSavedFirst,
  resourceRatingText,
  savedByText,
  savesText,
  shareHref,
  shareRatingText,
  thenSay,
  voteDone,
  voteFailed,
} from './share-format.js';

describe('share formatting', () => {
  it('offers exactly the orders and scopes the service knows', () => {
    expect(SHARE_SORT_CHOICES.map((c) => c.value)).toEqual([...SHARE_SORTS]);
    expect(RESOURCE_SCOPE_CHOICES.map((c) => c.value)).toEqual([...RESOURCE_SCOPES]);
  });

  it('links only to web addresses', () => {
    expect(shareHref('https://example.com/a?b=c')).toBe('https://example.com/a?b=c');
    expect(shareHref('http://example.com')).toBe('http://example.com');
    for (const link of ['javascript:alert(1)', 'data:text/html,hi', 'ftp://example.com', 'example.com', 'http://', '', null]) {
      expect(shareHref(link)).toBeUndefined();
    }
  });

  it('writes the counts and ratings in words, the way the locale writes numbers', () => {
    expect(helpfulText(1234, 'en-US')).toBe('1,234 found this helpful');
    expect(savesText(0, 'en-US')).toBe('0 saved');
    expect(shareRatingText(4.25, 7, 'en-US')).toBe('4.3 of 5 from 7 ratings');
    expect(shareRatingText(5, 1, 'en-US')).toBe('5.0 of 5 from 1 rating');
    expect(shareRatingText(3.75, 4, 'de-DE')).toBe('3,8 of 5 from 4 ratings');
    expect(shareRatingText(null, 0, 'en-US')).toBe('Not rated yet');
    expect(resourceRatingText(4.6, 12, 'en-US')).toBe('4.6 average from 12 ratings');
    expect(resourceRatingText(null, 0, 'en-US')).toBe('Not rated yet');
    expect(savedByText(9, 'en-US')).toBe('Saved by 9 people');
    expect(savedByText(1, 'en-US')).toBe('Saved by 1 person');
    expect(feedCountText(1, 'newest', 'en-US')).toBe('1 share, newest first');
    expect(feedCountText(12, 'helpful', 'en-US')).toBe('12 shares, most helpful first');
  });

  it('says what a vote tried to do, and what it did', () => {
    const flags = share('Flags', { helpful: 4, averageRating: 4.5, ratingCount: 2 });
    expect(voteFailed({ helpful: true }, 'Flags')).toBe("Couldn't mark ‘Flags’ as helpful");
    expect(voteFailed({ helpful: false }, 'Flags')).toBe("Couldn't take back your helpful mark on ‘Flags’");
    expect(voteFailed({ saved: true }, 'Flags')).toBe("Couldn't save ‘Flags’");
    expect(voteFailed({ saved: false }, 'Flags')).toBe("Couldn't unsave ‘Flags’");
    expect(voteFailed({ rating: 3 }, 'Flags')).toBe("Couldn't rate ‘Flags’ 3 of 5");
    expect(voteFailed({ rating: null }, 'Flags')).toBe("Couldn't clear your rating of ‘Flags’");
    expect(voteDone({ helpful: true }, flags, 'en-US')).toBe('Marked ‘Flags’ as helpful. 4 found this helpful.');
    expect(voteDone({ saved: false }, flags, 'en-US')).toBe('Unsaved ‘Flags’.');
    expect(voteDone({ rating: 5 }, flags, 'en-US')).toBe('Rated ‘Flags’ 5 of 5. Now 4.5 of 5 from 2 ratings.');
  });

  it('adds a sentence without doubling a full stop', () => {
    expect(thenSay("Couldn't unsave ‘A’ (HTTP 409): The sharer withdrew this share.", 'It is still saved.')).toBe(
      "Couldn't unsave ‘A’ (HTTP 409): The sharer withdrew this share. It is still saved.",
    );
    expect(thenSay("Couldn't unsave ‘A’ (HTTP 503): Storage is down", 'It is still saved.')).toBe(
      "Couldn't unsave ‘A’ (HTTP 503): Storage is down. It is still saved.",
    );
  });

  it('puts saved shares newest saved first', () => {
    const list = [
      savedShare('b', { savedAt: '2026-11-02T00:00:00Z' }),
      savedShare('c', { savedAt: '2026-11-03T00:00:00Z' }),
      savedShare('a', { savedAt: '2026-11-01T00:00:00Z' }),
    ];
    expect(newestSavedFirst(list).map((s) => s.what)).toEqual(['c', 'b', 'a']);
    expect(list.map((s) => s.what)).toEqual(['b', 'c', 'a']);
  });

  it('escapes ids in the paths it asks for', () => {
    expect(sharesPath('19:team@thread.tacv2', 'helpful')).toBe('/api/v1/teams/19%3Ateam%40thread.tacv2/shares?sort=helpful');
    expect(myVotePath('t', 'a/b c')).toBe('/api/v1/teams/t/shares/a%2Fb%20c/my-vote');
    expect(topResourcesPath('t', 'organisation')).toBe('/api/v1/teams/t/resources?scope=organisation');
  });
});
