import { z } from 'zod';
import { FOLLOW_UP_EXPECTED_DAYS, FOLLOW_UP_NOTE_MAX, type FollowUp } from '../contract/follow-up-rules.js';

const DAY_MS = 86_400_000;

/** A closing note: control characters dropped, trimmed, required, at most FOLLOW_UP_NOTE_MAX characters. */
export const followUpNoteSchema = z
  .string('Write a short note: what was done')
  .transform((s) => s.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').trim())
  .pipe(
    z
      .string()
      .min(1, 'Write a short note: what was done')
      .max(FOLLOW_UP_NOTE_MAX, `The note is too long: at most ${FOLLOW_UP_NOTE_MAX} characters`),
  );

/** The problem with a closing note, or undefined when it will do: for a card, which keeps what was typed. */
export function followUpNoteProblem(note: string | undefined): 'missing' | 'tooLong' | undefined {
  const parsed = followUpNoteSchema.safeParse(note ?? '');
  if (parsed.success) return undefined;
  return (note ?? '').trim().length === 0 ? 'missing' : 'tooLong';
}

/** When the leads are reminded of a follow-up still open. */
export function reminderDueAt(openedAt: string, expectedDays = FOLLOW_UP_EXPECTED_DAYS): Date {
  return new Date(Date.parse(openedAt) + expectedDays * DAY_MS);
}

/** Whole days the follow-up has waited by `now`. */
export function daysWaiting(followUp: Pick<FollowUp, 'openedAt'>, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(followUp.openedAt)) / DAY_MS));
}

/** A follow-up reminder's send cycle: one per follow-up and lead (the send's partition is the lead's). */
export function followUpReminderCycle(teamId: string, followUpId: string): string {
  return `${teamId} ${followUpId}`;
}

/** The follow-up a reminder's cycle names. */
export function followUpOfCycle(cycle: string): { teamId: string; followUpId: string } | undefined {
  const at = cycle.lastIndexOf(' ');
  return at > 0 ? { teamId: cycle.slice(0, at), followUpId: cycle.slice(at + 1) } : undefined;
}
