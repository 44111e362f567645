import { dateTimeFormat, numberFormat } from '../contract/i18n/intl-cache.js';

/** Minutes as a reader of the locale says them: "1 h 30 min", "1 h 30 min" (es), "١ س ٣٠ د" (ar). */
export function formatMinutes(formatting: string, minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const unit = (value: number, u: 'hour' | 'minute') =>
    numberFormat(formatting, { style: 'unit', unit: u, unitDisplay: 'short' }).format(value);
  if (hours === 0) return unit(rest, 'minute');
  return rest === 0 ? unit(hours, 'hour') : `${unit(hours, 'hour')} ${unit(rest, 'minute')}`;
}

/** A calendar day (YYYY-MM-DD) in the locale's long form: "29 November 2026", "29 de noviembre de 2026". */
export function formatDay(formatting: string, day: string): string {
  return dateTimeFormat(formatting, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/** A day read from storage: formatted when it is one, shown as stored when it is not, rather than failing a card. */
export function formatStoredDay(formatting: string, day: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) ? formatDay(formatting, day) : day;
}

/** An instant as a date and time in the reader's zone and locale. */
export function formatInstant(formatting: string, iso: string, timeZone: string): string {
  return dateTimeFormat(formatting, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}

/** A stored time of day ("16:00", 24-hour) as the reader's locale writes one: "4:00 PM", "16:00", "٤:٠٠ م". */
export function formatTimeOfDay(formatting: string, hhmm: string): string {
  const [hours, minutes] = hhmm.split(':').map(Number);
  if (hours === undefined || minutes === undefined || Number.isNaN(hours) || Number.isNaN(minutes)) return hhmm;
  return dateTimeFormat(formatting, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, 1, hours, minutes)),
  );
}
