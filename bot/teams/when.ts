import type { BotTranslator } from '../i18n/bot-messages.js';

/** A time as the learner reads it: their locale, their zone. */
export function whenFor(date: Date, t: BotTranslator, timeZone: string | undefined): string {
  try {
    return new Intl.DateTimeFormat(t.formatting, { dateStyle: 'full', timeStyle: 'short', timeZone: timeZone ?? 'UTC' }).format(date);
  } catch {
    return date.toUTCString();
  }
}
