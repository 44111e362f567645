import { z } from 'zod';
import { englishMessages, type BotTranslator } from '../i18n/bot-messages.js';

export const COACHING_NOTE_MAX = 1000;
export const COACHING_ANSWER_MAX = 1000;

/** A lead's coaching note on a learner's shared learning, and the learner's answer. */
export interface CoachingNote {
  tenantId: string;
  teamId: string;
  /** The share (and so the entry) it is about. */
  shareId: string;
  /** What the share was about, as it read when the note was written. */
  about: string;
  learnerId: string;
  noteId: string;
  leadId: string;
  leadName: string;
  note: string;
  at: string;
  answer: { text: string; at: string } | null;
}

const text = (label: string, max: number) =>
  z
    .string(`${label} must be text`)
    .transform((s) =>
      s
        .replace(/\r\n?/g, '\n')
        .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
        .trim(),
    )
    .pipe(z.string().min(1, `${label} is empty`).max(max, `${label} is too long: at most ${max} characters`));

const noteBody = z.strictObject({ note: text('The note', COACHING_NOTE_MAX) });

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

/** The learner's answer from the note's card; what they typed comes back with the problem. */
export function validateCoachingAnswer(
  data: unknown,
  t: BotTranslator = englishMessages,
): { ok: true; answer: string } | { ok: false; error: string; typed: string } {
  const raw = (data as { answer?: unknown } | null)?.answer;
  const typed = typeof raw === 'string' ? raw.slice(0, COACHING_ANSWER_MAX * 2) : '';
  const parsed = text('Your answer', COACHING_ANSWER_MAX).safeParse(raw ?? '');
  if (parsed.success) return { ok: true, answer: parsed.data };
  // A card only sends text: what is left to say is that it was empty or too long.
  const tooLong = parsed.error.issues.some((issue) => issue.code === 'too_big');
  return {
    ok: false,
    error: tooLong ? t.t('coaching.error.tooLong', { max: String(COACHING_ANSWER_MAX) }) : t.t('coaching.error.empty'),
    typed,
  };
}
