import { CHECK_IN_LIMITS } from '../contract/check-in-rules.js';
import { ACTION_ANSWERS, type ActionAnswer } from '../contract/learning-entry.js';
import type { BotTranslator } from '../i18n/bot-messages.js';
import { ASK_AT_MOST } from './follow-through.js';
import { plainNumber } from '../contract/i18n/intl-cache.js';

/**
 * An action a check-in asked about, with what the learner said of it as typed: the answer chosen
 * (result, not yet, dropped, or none) and the words of a result. A refused card shows it again so.
 */
export interface AskedAction {
  entryId: string;
  createdAt: string;
  action: string;
  answer?: string;
  text?: string;
}

export interface ValidActionAnswer {
  entryId: string;
  createdAt: string;
  action: string;
  answer: ActionAnswer;
  text: string | null;
}

export type ActionAnswersValidation = { ok: true; answers: ValidActionAnswer[] } | { ok: false; error: string };

const clean = (v: string | undefined) => (v ?? '').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').trim();

/**
 * What the learner said of each action asked about. Words alone are a result; a result needs
 * words; "no result yet" and "dropped" take none (the learner is asked to clear them rather than
 * have them silently lost). Actions left unanswered are simply not recorded. The first problem
 * found is the one told, naming its action.
 */
export function validateActionAnswers(asked: readonly AskedAction[], t: BotTranslator): ActionAnswersValidation {
  const answers: ValidActionAnswer[] = [];
  for (const a of asked.slice(0, ASK_AT_MOST)) {
    const text = clean(a.text);
    const chosen = clean(a.answer);
    const action = a.action.slice(0, 80);
    if (!chosen && !text) continue;
    if (chosen && !(ACTION_ANSWERS as readonly string[]).includes(chosen))
      return { ok: false, error: t.t('validation.chooseActionAnswer', { action }) };
    const answer = (chosen || 'result') as ActionAnswer;
    if (answer === 'result' && !text) return { ok: false, error: t.t('validation.resultNeedsWords', { action }) };
    if (answer !== 'result' && text) return { ok: false, error: t.t('validation.wordsOnlyForResult', { action }) };
    if (text.length > CHECK_IN_LIMITS.result)
      return {
        ok: false,
        error: t.plural('validation.resultTooLong', CHECK_IN_LIMITS.result, {
          action,
          count: plainNumber(t.formatting, CHECK_IN_LIMITS.result),
        }),
      };
    answers.push({ entryId: a.entryId, createdAt: a.createdAt, action: a.action, answer, text: answer === 'result' ? text : null });
  }
  return { ok: true, answers };
}
