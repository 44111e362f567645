import { englishMessages, type BotTranslator } from '../i18n/bot-messages.js';
import { coachingText } from '../contract/coaching-rules.js';
import { plainNumber } from '../contract/i18n/intl-cache.js';

export const COACHING_ANSWER_MAX = 1000;

/** The learner's answer from the note's card; what they typed comes back with the problem. */
export function validateCoachingAnswer(
  data: unknown,
  t: BotTranslator = englishMessages,
): { ok: true; answer: string } | { ok: false; error: string; typed: string } {
  const raw = (data as { answer?: unknown } | null)?.answer;
  const typed = typeof raw === 'string' ? raw.slice(0, COACHING_ANSWER_MAX * 2) : '';
  const parsed = coachingText('Your answer', COACHING_ANSWER_MAX).safeParse(raw ?? '');
  if (parsed.success) return { ok: true, answer: parsed.data };
  // A card only sends text: what is left to say is that it was empty or too long.
  const tooLong = parsed.error.issues.some((issue) => issue.code === 'too_big');
  return {
    ok: false,
    error: tooLong
      ? t.plural('coaching.error.tooLong', COACHING_ANSWER_MAX, { count: plainNumber(t.formatting, COACHING_ANSWER_MAX) })
      : t.t('coaching.error.empty'),
    typed,
  };
}
