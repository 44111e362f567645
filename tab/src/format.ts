// One list of source types and their names, shared with the service that validates them.
import { dateTimeFormat, numberFormat, plainNumber } from '../../bot/contract/i18n/intl-cache.js';
import { RATING_SCALE } from '../../bot/contract/check-in-rules.js';
import type { EntryVisibility } from '../../bot/contract/entry-visibility.js';
import { type SOURCE_TYPE_LABELS } from '../../bot/contract/learning-entry.js';
import type { MessageKey } from './i18n/catalog.js';
import { english, type TabTranslator } from './i18n/i18n-context.js';

const SOURCE_KEYS = {
  article: 'source.article',
  video: 'source.video',
  course: 'source.course',
  podcast: 'source.podcast',
  book: 'source.book',
  mentoring: 'source.mentoring',
  'on-the-job': 'source.onTheJob',
  other: 'source.other',
} as const satisfies Record<keyof typeof SOURCE_TYPE_LABELS, MessageKey>;

/** A newer service may send a type this build does not know yet; show it rather than hide the entry. */
export function sourceLabel(type: string, { t }: Pick<TabTranslator, 't'> = english): string {
  const key = (SOURCE_KEYS as Record<string, MessageKey | undefined>)[type];
  return t(key ?? 'source.other');
}

/** Date and time as the user's locale writes them; an unreadable date is shown as sent, never thrown. */
export function formatDate(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/**
 * A calendar day with no time of day (a goal's target date, "2026-12-31") as the locale writes it,
 * e.g. "Dec 31, 2026". Read and written in UTC so it is the same day in every time zone.
 */
export function formatCalendarDay(day: string, locale: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return day;
  const date = new Date(`${day}T00:00:00Z`);
  // Date rolls "2026-02-30" over into March: only a day that reads back the same is real.
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day) return day;
  return dateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** A limit as the service writes it ("2048", not "2,048"), in the reader's digits, so the form and the service agree. */
export function ungroupedNumber(formatting: string): (n: number) => string {
  return (n) => plainNumber(formatting, n);
}

export function formatMinutes(minutes: number, locale: string): string {
  const unit = (value: number, name: 'hour' | 'minute') =>
    numberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
  if (minutes < 60) return unit(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  const rest = Math.round(minutes % 60);
  return rest === 0 ? unit(hours, 'hour') : `${unit(hours, 'hour')} ${unit(rest, 'minute')}`;
}

/** In words, not only stars, so it reads the same to everyone. */
export function formatRating(rating: number, { t }: Pick<TabTranslator, 't'> = english): string {
  return t('entry.rating', { rating, max: RATING_SCALE.max });
}

/** Only web links become clickable; anything else (javascript:, data:, typos) stays text. */
export function safeHref(link: string | null): string | undefined {
  if (!link) return undefined;
  try {
    const url = new URL(link);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

const VISIBILITY_KEYS = {
  /** As the learner chooses it. */
  choice: { private: 'visibility.choice.private', leads: 'visibility.choice.leads', team: 'visibility.choice.team' },
  /** As the entry shows it back to the learner. */
  badge: { private: 'visibility.badge.private', leads: 'visibility.badge.leads', team: 'visibility.badge.team' },
  /** As a team's lead reads a member's entry. */
  lead: { private: 'visibility.lead.private', leads: 'visibility.lead.leads', team: 'visibility.lead.team' },
} as const satisfies Record<string, Record<EntryVisibility, MessageKey>>;

/** Who can see an entry, worded for who is reading. */
export function visibilityLabel(
  as: keyof typeof VISIBILITY_KEYS,
  visibility: EntryVisibility,
  { t }: Pick<TabTranslator, 't'> = english,
): string {
  return t(VISIBILITY_KEYS[as][visibility]);
}
