import type { ActionAnswer } from '../contract/learning-entry.js';
import type { AskedAction } from '../domain/action-answers.js';
import type { BotTranslator } from '../i18n/bot-messages.js';
import { adaptiveCard, type AdaptiveCard, type CardElement } from './card-types.js';
import { awaitingSection } from './check-in-card-actions.js';
import { escapeMarkdown } from './markdown-escape.js';

export const ACTION_ANSWER_VERB = 'action.answer';

export interface AskHowItWentModel {
  leadName: string;
  teamName: string;
  /** The action asked about, with what the learner typed when the card comes back with a problem. */
  action: AskedAction & { what: string };
  /** Already in the reader's language. */
  problem?: string;
}

/** A lead asks a learner what came of one action they planned: the same answers as a check-in offers. */
export function askHowItWentCard({ leadName, teamName, action, problem }: AskHowItWentModel, t: BotTranslator): AdaptiveCard {
  const problemBlock: CardElement[] = problem
    ? [{ type: 'TextBlock', text: escapeMarkdown(problem), color: 'attention', wrap: true, size: 'small' }]
    : [];
  const { entryId, createdAt } = action;
  return adaptiveCard(
    t,
    [
      {
        type: 'TextBlock',
        text: t.t('askHowItWent.title', { lead: escapeMarkdown(leadName) }),
        size: 'medium',
        weight: 'bolder',
        wrap: true,
        style: 'heading',
      },
      {
        type: 'TextBlock',
        text: t.t('askHowItWent.about', { what: escapeMarkdown(action.what), team: escapeMarkdown(teamName) }),
        isSubtle: true,
        wrap: true,
        spacing: 'none',
      },
      ...awaitingSection([action], t, problemBlock),
      { type: 'TextBlock', text: t.t('askHowItWent.whoSees'), isSubtle: true, wrap: true, size: 'small' },
    ],
    [
      {
        type: 'Action.Execute',
        id: 'save',
        title: t.t('common.save'),
        verb: ACTION_ANSWER_VERB,
        style: 'positive',
        associatedInputs: 'auto',
        data: { asked: [{ entryId, createdAt, action: action.action }], what: action.what, leadName, teamName },
      },
    ],
  );
}

/** The card once answered: what was recorded. */
export function actionAnsweredCard(action: { action: string }, answer: ActionAnswer, t: BotTranslator): AdaptiveCard {
  return adaptiveCard(t, [
    { type: 'TextBlock', text: t.t(`askHowItWent.recorded.${answer}`), weight: 'bolder', color: 'good', wrap: true },
    { type: 'TextBlock', text: t.t('common.quoted', { text: escapeMarkdown(action.action) }), isSubtle: true, wrap: true },
  ]);
}
