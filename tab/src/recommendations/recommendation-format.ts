import type { RecommendationView } from '../api/recommendation-types.js';
import { formatCount } from '../dashboard/dashboard-format.js';
import { english, type TabTranslator } from '../i18n/i18n-context.js';
import { teamEnglish } from '../i18n/team-messages.js';

/** The words recommendations are shown with, kept apart from the components so they can be tested alone. */

/** Someone the lead can recommend to: a member of the team, by name. */
export interface Recipient {
  userId: string;
  displayName: string;
}

/** e.g. "Done by 2 of 6": how many of those it was for have ticked it off. */
export function doneByText(doneBy: number, forCount: number, locale: string, { t }: Pick<TabTranslator, 't'> = teamEnglish): string {
  return t('teamRecs.doneBy', { done: formatCount(doneBy, locale), for: formatCount(forCount, locale) });
}

/** Who a recommendation is for, as the lead reads it: the whole team, or one member by name. */
export function recipientText(
  learnerId: string | null,
  members: readonly Recipient[],
  { t }: Pick<TabTranslator, 't'> = teamEnglish,
): string {
  if (learnerId === null) return t('teamRecs.wholeTeam');
  // Someone who has since left the team is no longer in the list: say there was one person.
  return members.find((m) => m.userId === learnerId)?.displayName ?? t('teamRecs.oneMember');
}

/** e.g. "3 recommendations, newest first", the order they are shown in. */
export function recommendationsCountText(count: number, { t, plural }: Pick<TabTranslator, 't' | 'plural'> = teamEnglish): string {
  return t('teamRecs.count', { recommendations: plural('recs.count', count) });
}

/** The learner's list at a glance, e.g. "3 recommendations, 1 done, newest first". */
export function myRecommendationsCountText(
  total: number,
  done: number,
  { t, plural }: Pick<TabTranslator, 't' | 'plural'> = english,
): string {
  return t('myRecs.count', { recommendations: plural('recs.count', total), done });
}

/** What the lead's recommendation did, for the live region. */
export function recommendedText(title: string, to: string, { t }: Pick<TabTranslator, 't'> = teamEnglish): string {
  return t('teamRecs.recommended', { what: t('common.quoted', { text: title }), to });
}

/** What a tick tried to do, as the headline of its failure: "Couldn't mark ‘Flags’ as done". */
export function doneFailed(title: string, done: boolean, { t }: Pick<TabTranslator, 't'> = english): string {
  const what = t('common.quoted', { text: title });
  return done ? t('recs.markDoneFailed', { what }) : t('recs.markNotDoneFailed', { what });
}

/** What a tick did, for the live region. */
export function doneText(title: string, done: boolean, { t }: Pick<TabTranslator, 't'> = english): string {
  const what = t('common.quoted', { text: title });
  return done ? t('recs.markedDone', { what }) : t('recs.markedNotDone', { what });
}

/** The service lists recommendations newest first; a list that arrives otherwise is put in that order. */
export function newestFirst<T extends Pick<RecommendationView, 'at'>>(recs: readonly T[]): T[] {
  return [...recs].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

/** One recommendation among a learner's teams: ids are only unique within a team. */
export const recommendationKey = (rec: Pick<RecommendationView, 'teamId' | 'recId'>) => `${rec.teamId}\n${rec.recId}`;
