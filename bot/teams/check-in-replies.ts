import { checkInCard } from '../cards/check-in-card.js';
import type { CheckInSavedCardModel } from '../cards/check-in-saved-card.js';
import type { AdaptiveCard } from '../cards/card-types.js';
import { learningDialogCard } from '../cards/learning-dialog-card.js';
import { wordProblem, wordProblems } from '../domain/problem.js';
import type { BotTranslator } from '../i18n/bot-messages.js';
import { SHARE_PROBLEMS, type CaptureResult } from '../services/learning-capture.js';
import type { CheckInForm } from './check-in-form.js';

type Refused = Extract<CaptureResult, { status: 'invalid' }>;
type Saved = Extract<CaptureResult, { status: 'saved' }>;

/** A refused check-in card: every problem in the reader's language, every answer as typed. */
export function refusedCheckInCard(form: CheckInForm, result: Refused, t: BotTranslator): AdaptiveCard {
  return checkInCard({ ...refusedModel(form, result, t), purpose: form.purpose === 'share' ? 'share' : 'check-in' }, t);
}

/** A refused dialog: the same form again with its problems (a check-in's goals and recommendations too). */
export function refusedDialogCard(form: CheckInForm, result: Refused, t: BotTranslator): AdaptiveCard {
  return learningDialogCard({ ...refusedModel(form, result, t), purpose: form.purpose }, t);
}

function refusedModel(form: CheckInForm, result: Refused, t: BotTranslator) {
  const { share } = form.command;
  const goalErrors: Record<string, string> = {};
  for (const [goalId, problem] of result.goalErrors ?? [])
    Object.defineProperty(goalErrors, goalId, { value: wordProblem(problem, t), enumerable: true, writable: true });
  return {
    cardId: result.cardId,
    values: form.echo.entry,
    errors: wordProblems(result.errors, t),
    share: { teams: result.shareTargets, values: share, ...(result.shareError ? { error: wordProblem(result.shareError, t) } : {}) },
    goals: { goals: result.openGoals, values: form.echo.goals, ...(result.goalErrors ? { errors: goalErrors } : {}) },
    recommendations: { items: result.openRecommendations, values: form.echo.recommendations },
    ...(result.cycle ? { cycle: result.cycle } : {}),
    ...(result.asked ? { awaiting: result.asked } : {}),
  };
}

/** What the saved card says of the share: where it went, or why it did not, in the reader's words. */
export function sharedLine(shared: Saved['shared'], t: BotTranslator): CheckInSavedCardModel['shared'] {
  if (!shared) return undefined;
  if (shared.ok) return { ok: true, teamName: shared.teamName ?? t.t('common.yourTeam') };
  return { ok: false, problem: t.t('validation.savedNotShared', { problem: t.t(SHARE_PROBLEMS[shared.problem]) }) };
}

/**
 * Whatever failed, the learner's answers come back on the card so nothing they typed is lost.
 * Storage may be what failed: the share choice comes back as made, with the team it named.
 */
export function checkInSaveFailedCard(form: CheckInForm, newCardId: () => string, t: BotTranslator): AdaptiveCard {
  const share = form.command.share;
  return checkInCard(
    {
      cardId: form.command.entry.cardId ?? newCardId(),
      values: form.echo.entry,
      ...(share.shareTeamId ? { share: { teams: [{ teamId: share.shareTeamId, name: '' }], values: share } } : {}),
      ...(form.purpose === 'share' ? { purpose: 'share' as const } : {}),
      notice: t.t('checkIn.notice.saveFailed'),
    },
    t,
  );
}
