import { CHECK_IN_LIMITS } from '../contract/check-in-rules.js';
import { ACTION_ANSWERS } from '../contract/learning-entry.js';
import type { AskedAction } from '../domain/action-answers.js';
import type { BotTranslator } from '../i18n/bot-messages.js';
import { formatStoredDay } from '../i18n/format.js';
import type { CardElement } from './card-types.js';
import { escapeMarkdown } from './markdown-escape.js';

/** The inputs of the n-th action asked about: the answer chosen, and the words of a result. */
export const actionAnswerInputId = (index: number): string => `actionAnswer.${index}`;
export const actionResultInputId = (index: number): string => `actionResult.${index}`;

/**
 * "What came of what you planned?": each action still awaiting a result, with an answer to choose
 * (what came of it, no result yet, dropped) and a box for the result. Leaving both empty records
 * nothing. `problem` is shown under them.
 */
export function awaitingSection(awaiting: readonly AskedAction[], t: BotTranslator, problem: CardElement[] = []): CardElement[] {
  return [
    {
      type: 'Container',
      style: 'emphasis',
      items: [
        { type: 'TextBlock', text: t.plural('checkIn.awaiting.title', awaiting.length), wrap: true, weight: 'bolder' },
        ...awaiting.flatMap((a, i): CardElement[] => [
          {
            type: 'TextBlock',
            text: t.t('checkIn.awaiting.action', {
              action: escapeMarkdown(a.action),
              date: formatStoredDay(t.formatting, a.createdAt.slice(0, 10)),
            }),
            wrap: true,
            separator: i > 0,
            spacing: i > 0 ? 'medium' : 'small',
          },
          {
            type: 'Input.ChoiceSet',
            id: actionAnswerInputId(i),
            label: t.t('checkIn.awaiting.answerLabel'),
            style: 'compact',
            placeholder: t.t('checkIn.awaiting.answerPlaceholder'),
            value: a.answer ?? '',
            choices: ACTION_ANSWERS.map((answer) => ({ title: t.t(`actionAnswer.${answer}`), value: answer })),
          },
          {
            type: 'Input.Text',
            id: actionResultInputId(i),
            label: t.t('checkIn.result.label'),
            isMultiline: true,
            placeholder: t.t('checkIn.result.placeholder'),
            maxLength: CHECK_IN_LIMITS.result,
            value: a.text ?? '',
          },
        ]),
        ...problem,
      ],
    },
  ];
}
