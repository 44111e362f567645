import { RATING_SCALE, isHttpUrl } from '../../../bot/contract/check-in-rules.js';
import type { MyShareVoteUpdate, SavedShareView, ShareSort, ShareView } from '../api/share-types.js';
import type { TabTranslator } from '../i18n/i18n-context.js';
import { teamEnglish } from '../i18n/team-messages.js';

/** The words the shares and resources are shown with, kept apart from the components so they can be tested alone. */

/** Only web links become clickable: `javascript:`, `data:` and typos stay text. */
export function shareHref(link: string | null): string | undefined {
  return link && isHttpUrl(link) ? link : undefined;
}

type T = Pick<TabTranslator, 't' | 'plural'>;

export function helpfulText(count: number, _locale: string, { plural }: T = teamEnglish): string {
  return plural('shares.helpful', count);
}

export function savesText(count: number, _locale: string, { plural }: T = teamEnglish): string {
  return plural('shares.saves', count);
}

/** One decimal: all a 1–5 scale can honestly claim. */
function oneDecimal(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

/** A share's ratings, e.g. "4.3 of 5 from 7 ratings", or that there are none. */
export function shareRatingText(average: number | null, count: number, locale: string, { t, plural }: T = teamEnglish): string {
  if (average === null || count === 0) return t('shares.notRated');
  return plural('shares.rating', count, { average: oneDecimal(average, locale), max: RATING_SCALE.max });
}

/** A resource's ratings in the top-rated list, e.g. "4.6 average from 12 ratings". */
export function resourceRatingText(average: number | null, count: number, locale: string, { t, plural }: T = teamEnglish): string {
  if (average === null || count === 0) return t('shares.notRated');
  return plural('topResources.average', count, { average: oneDecimal(average, locale) });
}

export function savedByText(count: number, _locale: string, { plural }: T = teamEnglish): string {
  return plural('topResources.savedBy', count);
}

export function myRatingText(rating: number | null, { t }: T = teamEnglish): string {
  return rating === null ? t('shares.notRatedByYou') : t('shares.ratedByYou', { rating, max: RATING_SCALE.max });
}

/** How many shares the feed shows and in what order, e.g. "3 shares, most helpful first". */
export function feedCountText(count: number, sort: ShareSort, _locale: string, { t, plural }: T = teamEnglish): string {
  const shares = plural('shares.count', count);
  return sort === 'helpful' ? t('shares.countHelpful', { shares }) : t('shares.countNewest', { shares });
}

/** What a vote tried to do, as the headline of its failure: "Couldn't mark ‘Flags’ as helpful". */
export function voteFailed(update: MyShareVoteUpdate, title: string, { t }: T = teamEnglish): string {
  const what = t('common.quoted', { text: title });
  if (update.helpful !== undefined) return update.helpful ? t('vote.helpfulFailed', { what }) : t('vote.unhelpfulFailed', { what });
  if (update.saved !== undefined) return update.saved ? t('vote.saveFailed', { what }) : t('vote.unsaveFailed', { what });
  if (update.rating !== undefined)
    return update.rating === null
      ? t('vote.clearFailed', { what })
      : t('vote.rateFailed', { what, rating: update.rating, max: RATING_SCALE.max });
  return t('vote.updateFailed', { what });
}

/** What a vote did, for the live region, with the share as the service now tells it. */
export function voteDone(update: MyShareVoteUpdate, share: ShareView, locale: string, i18n: T = teamEnglish): string {
  const { t } = i18n;
  const what = t('common.quoted', { text: share.what });
  if (update.helpful !== undefined) {
    return update.helpful ? t('vote.helpful', { what, count: helpfulText(share.helpful, locale, i18n) }) : t('vote.unhelpful', { what });
  }
  if (update.saved !== undefined) return update.saved ? t('vote.saved', { what }) : t('vote.unsaved', { what });
  if (update.rating !== undefined) {
    const now = t('vote.now', { rating: shareRatingText(share.averageRating, share.ratingCount, locale, i18n) });
    return update.rating === null
      ? t('vote.cleared', { what, now })
      : t('vote.rated', { what, rating: update.rating, max: RATING_SCALE.max, now });
  }
  return t('vote.updated', { what });
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
