import { z } from 'zod';

/** A lead's coaching note: its shape, and what the API accepts as one (the tab checks the same limit). */
export const COACHING_NOTE_MAX = 1000;

/**
 * A lead's coaching note on a learner's learning, and the learner's answer. It is about one share
 * posted to the team's channel, or one entry of the learner's log the lead may see: one of the two ids.
 */
export interface CoachingNote {
  tenantId: string;
  teamId: string;
  /** The share it is about, when written on the team's channel feed. */
  shareId?: string;
  /** The entry it is about, when written from the member's log (the entries page, the dashboard). */
  entryId?: string;
  /** What the share or entry was about, as it read when the note was written. */
  about: string;
  learnerId: string;
  noteId: string;
  leadId: string;
  leadName: string;
  note: string;
  at: string;
  answer: { text: string; at: string } | null;
}

/** Text a lead or learner typed: line ends made plain, control characters dropped, trimmed, then 1 to `max` characters. */
export const coachingText = (label: string, max: number) =>
  z
    .string(`${label} must be text`)
    .transform((s) =>
      s
        .replace(/\r\n?/g, '\n')
        .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
        .trim(),
    )
    .pipe(z.string().min(1, `${label} is empty`).max(max, `${label} is too long: at most ${max} characters`));

const noteBody = z.strictObject({ note: coachingText('The note', COACHING_NOTE_MAX) });

/** A lead's note as the API receives it. */
export function validateCoachingNote(body: unknown): { ok: true; note: string } | { ok: false; error: string } {
  const parsed = noteBody.safeParse(body ?? {});
  if (parsed.success) return { ok: true, note: parsed.data.note };
  const issue = parsed.error.issues[0];
  return {
    ok: false,
    error: issue?.code === 'unrecognized_keys' ? `Unexpected field: ${issue.keys.join(', ')}` : (issue?.message ?? 'Invalid note'),
  };
}
