import { RATING_SCALE } from '../../../bot/contract/check-in-rules.js';
import { dateTimeFormat, numberFormat } from '../../../bot/contract/i18n/intl-cache.js';

/** Formatting for the dashboard's figures, in the host's locale; each formatter is built once (a member table formats thousands of figures). */

export function formatCount(value: number, locale: string): string {
  return numberFormat(locale).format(value);
}

export function formatPercent(ratio: number, locale: string): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}

/** A mean rating out of five, e.g. "4.2 / 5"; one decimal is all a 1–5 scale can honestly claim. */
export function formatAverageRating(rating: number, locale: string): string {
  const value = numberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(rating);
  return `${value} / ${formatCount(RATING_SCALE.max, locale)}`;
}

/** A week's label on a chart axis and in tables: the Monday it starts, e.g. "Nov 3". */
export function formatWeekStart(isoDate: string, locale: string): string {
  // A bare ISO date is midnight UTC; formatting in UTC keeps it the same day everywhere.
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return dateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(date);
}

/** The same Monday with its year, for the period's range, e.g. "Sep 1, 2026". */
export function formatWeekStartLong(isoDate: string, locale: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return dateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** A date without its time, e.g. "Nov 20, 2026", in the viewer's own zone. */
export function formatDay(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateTimeFormat(locale, { dateStyle: 'medium' }).format(date);
}

/** ISO weekday (1 = Monday) in the locale's words, e.g. "Friday" or "vendredi". */
export function weekdayName(isoWeekday: number, locale: string): string {
  // 2024-01-01 was a Monday.
  const date = new Date(Date.UTC(2024, 0, isoWeekday));
  return dateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(date);
}

/** "16:00" as the locale writes a time of day, e.g. "4:00 PM" in en-US. */
export function formatLocalTime(hhmm: string, locale: string): string {
  const match = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!match) return hhmm;
  const date = new Date(Date.UTC(2024, 0, 1, Number(match[1]), Number(match[2])));
  return dateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(date);
}

/** IANA names use underscores for spaces: "America/New_York" reads "America/New York". */
export function timeZoneLabel(zone: string): string {
  return zone.replace(/_/g, ' ');
}
