import { COACHING_NOTE_MAX, type CoachingView } from '../api/coaching-types.js';
import { english, type TabTranslator } from '../i18n/i18n-context.js';
import { teamEnglish } from '../i18n/team-messages.js';

/** The words coaching is shown with, kept apart from the components so they can be tested alone. */

/** What sending did, for the feed's live region: a note to someone the bot cannot reach yet is only kept. */
export function coachingSentText(name: string, delivered: boolean, { t }: Pick<TabTranslator, 't'> = teamEnglish): string {
  return delivered ? t('coach.sent', { name }) : t('coach.saved', { name });
}

/** The note as the lead typed it, or what is wrong with it before it is sent (the service checks again). */
export function checkCoachingNote(
  typed: string,
  { t }: Pick<TabTranslator, 't'> = teamEnglish,
): { ok: true; note: string } | { ok: false; error: string } {
  const note = typed.trim();
  if (note === '') return { ok: false, error: t('coach.noteMissing') };
  if (note.length > COACHING_NOTE_MAX) return { ok: false, error: t('coach.noteTooLong', { max: COACHING_NOTE_MAX }) };
  return { ok: true, note };
}

/** e.g. "2 notes, newest first", the order the service lists them in. */
export function coachingCountText(count: number, { plural }: Pick<TabTranslator, 'plural'> = english): string {
  return plural('coaching.count', count);
}

/** The service lists notes newest first; a list that arrives otherwise is put in that order. */
export function newestNoteFirst(notes: readonly CoachingView[]): CoachingView[] {
  return [...notes].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}
