import { z } from 'zod';
import { NUDGE_NOTE_MAX, type Nudge } from '../contract/nudge-rules.js';

/** One nudge per lead and learner in this long: a reminder, not a barrage. */
export const NUDGE_GAP_HOURS = 12;
export const NUDGE_GAP_MS = NUDGE_GAP_HOURS * 3_600_000;

const nudgeBody = z.strictObject({
  note: z
    .string('The note must be text')
    .transform((s) => s.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').trim())
    .pipe(z.string().max(NUDGE_NOTE_MAX, `The note is too long: at most ${NUDGE_NOTE_MAX} characters`))
    .nullable()
    .optional(),
});

/** A lead's nudge as the API receives it: an optional short note. */
export function validateNudge(body: unknown): { ok: true; note: string | null } | { ok: false; error: string } {
  const parsed = nudgeBody.safeParse(body ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: issue?.path.length ? issue.message : `Unexpected field: ${issue?.message ?? 'invalid body'}` };
  }
  return { ok: true, note: parsed.data.note ? parsed.data.note : null };
}

/** Whether the lead may nudge this learner again now. */
export function nudgedRecently(
  previous: readonly Pick<Nudge, 'leadId' | 'learnerId' | 'sentAt'>[],
  leadId: string,
  learnerId: string,
  now: Date,
): boolean {
  return previous.some((n) => n.leadId === leadId && n.learnerId === learnerId && now.getTime() - Date.parse(n.sentAt) < NUDGE_GAP_MS);
}
