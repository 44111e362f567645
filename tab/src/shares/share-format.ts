import { isHttpUrl } from '../../../bot/domain/check-in-rules.js';
import type { MyShareVoteUpdate, SavedShareView, ShareSort, ShareView } from '../api/share-types.js';
import { formatCount } from '../dashboard/dashboard-format.js';

/** The words the shares and resources are shown with, kept apart from the components so they can be tested alone. */

/** Only web links become clickable: `javascript:`, `data:` and typos stay text. */
export function shareHref(link: string | null): string | undefined {
  return link && isHttpUrl(link) ? link : undefined;
}

/** A share's or resource's title inside a sentence, e.g. ‘Feature flags in practice’. */
export const quoted = (title: string) => `‘${title}’`;

export function helpfulText(count: number, locale: string): string {
  return `${formatCount(count, locale)} found this helpful`;
}

export function savesText(count: number, locale: string): string {
  return `${formatCount(count, locale)} saved`;
}

/** One decimal: all a 1–5 scale can honestly claim. */
function oneDecimal(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

function ratingsCount(count: number, locale: string): string {
  return `${formatCount(count, locale)} ${count === 1 ? 'rating' : 'ratings'}`;
}

/** A share's ratings, e.g. "4.3 of 5 from 7 ratings", or that there are none. */
export function shareRatingText(average: number | null, count: number, locale: string): string {
  if (average === null || count === 0) return 'Not rated yet';
  return `${oneDecimal(average, locale)} of 5 from ${ratingsCount(count, locale)}`;
}

/** A resource's ratings in the top-rated list, e.g. "4.6 average from 12 ratings". */
export function resourceRatingText(average: number | null, count: number, locale: string): string {
  if (average === null || count === 0) return 'Not rated yet';
  return `${oneDecimal(average, locale)} average from ${ratingsCount(count, locale)}`;
}

export function savedByText(count: number, locale: string): string {
  return `Saved by ${formatCount(count, locale)} ${count === 1 ? 'person' : 'people'}`;
}

export function myRatingText(rating: number | null): string {
  return rating === null ? 'You have not rated it.' : `You rated it ${rating} of 5.`;
}

/** How many shares the feed shows and in what order, e.g. "3 shares, most helpful first". */
export function feedCountText(count: number, sort: ShareSort, locale: string): string {
  const shares = count === 1 ? '1 share' : `${formatCount(count, locale)} shares`;
  return `${shares}, ${sort === 'helpful' ? 'most helpful first' : 'newest first'}`;
}

/** What a vote tried to do, completing "Couldn't …", e.g. "mark ‘Flags’ as helpful". */
export function voteWhat(update: MyShareVoteUpdate, title: string): string {
  const it = quoted(title);
  if (update.helpful !== undefined) return update.helpful ? `mark ${it} as helpful` : `take back your helpful mark on ${it}`;
  if (update.saved !== undefined) return update.saved ? `save ${it}` : `unsave ${it}`;
  if (update.rating !== undefined) return update.rating === null ? `clear your rating of ${it}` : `rate ${it} ${update.rating} of 5`;
  return `update ${it}`;
}

/** What a vote did, for the live region, with the share as the service now tells it. */
export function voteDone(update: MyShareVoteUpdate, share: ShareView, locale: string): string {
  const it = quoted(share.what);
  if (update.helpful !== undefined) {
    return update.helpful ? `Marked ${it} as helpful. ${helpfulText(share.helpful, locale)}.` : `Took back your helpful mark on ${it}.`;
  }
  if (update.saved !== undefined) {
    return update.saved ? `Saved ${it}. Find it under Saved on My learning.` : `Unsaved ${it}.`;
  }
  if (update.rating !== undefined) {
    const average = `Now ${shareRatingText(share.averageRating, share.ratingCount, locale)}.`;
    return update.rating === null ? `Cleared your rating of ${it}. ${average}` : `Rated ${it} ${update.rating} of 5. ${average}`;
  }
  return `Updated ${it}.`;
}

/** One sentence after another, without doubling the first one's full stop. */
export function thenSay(first: string, next: string): string {
  return `${first.replace(/[.!?]+$/, '')}. ${next}`;
}

/** The service lists saved shares newest first; a list that arrives otherwise is put in that order. */
export function newestSavedFirst(items: readonly SavedShareView[]): SavedShareView[] {
  return [...items].sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0));
}

/** A saved share is one share in one team: the pair names it. */
export const savedKey = (item: Pick<SavedShareView, 'teamId' | 'shareId'>) => `${item.teamId}\n${item.shareId}`;
