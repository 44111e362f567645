import { dateTimeFormat } from '../../../bot/contract/i18n/intl-cache.js';
import { formatMinutes } from '../format.js';
import { english, type TabTranslator } from '../i18n/i18n-context.js';

/** "3 check-ins in a row": a streak counts answered check-ins, so it says so. */
export function streakText(streak: number, { t, plural }: TabTranslator = english): string {
  if (streak <= 0) return t('summary.noStreak');
  return plural('summary.streakCount', streak);
}

export function entriesText(entries: number, { plural }: TabTranslator = english): string {
  return plural('summary.entryCount', entries);
}

export function minutesText(minutes: number, locale: string): string {
  return formatMinutes(Math.max(0, minutes), locale);
}

/** "November 2026" for the service's "2026-11"; anything else is shown as sent rather than guessed at. */
export function monthText(month: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  if (Number.isNaN(date.getTime())) return month;
  return dateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}
