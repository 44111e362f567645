import { GOAL_LIMITS, type Goal, type GoalField } from '../contract/goal-rules.js';
import type { GoalErrors, GoalValues } from '../domain/goal.js';
import { adaptiveCard, type AdaptiveCard, type CardElement } from './card-types.js';
import { escapeMarkdown } from './markdown-escape.js';
import type { BotTranslator } from '../i18n/bot-messages.js';
import { formatStoredDay } from '../i18n/format.js';

export const GOAL_SUBMIT_VERB = 'goal.submit';
export const GOAL_NEW_VERB = 'goal.new';

/** Setting a learning goal: what, why, by when, and up to three links that will help. */
export function goalFormCard(
  t: BotTranslator,
  { values = {}, errors = {}, notice }: { values?: GoalValues; errors?: GoalErrors; notice?: string } = {},
): AdaptiveCard {
  const problems = Object.values(errors).filter((m): m is string => Boolean(m));
  const fieldError = (field: GoalField): CardElement[] =>
    errors[field]
      ? [{ type: 'TextBlock', text: escapeMarkdown(errors[field]!), color: 'attention', wrap: true, spacing: 'none', size: 'small' }]
      : [];
  return adaptiveCard(
    t,
    [
      { type: 'TextBlock', text: t.t('goal.form.title'), size: 'large', weight: 'bolder', wrap: true, style: 'heading' },
      { type: 'TextBlock', text: t.t('goal.form.intro'), isSubtle: true, wrap: true, spacing: 'none' },
      ...(notice
        ? [{ type: 'TextBlock' as const, text: escapeMarkdown(notice), color: 'warning' as const, wrap: true, weight: 'bolder' as const }]
        : []),
      ...(problems.length > 0
        ? [
            {
              type: 'Container' as const,
              style: 'attention',
              items: [
                { type: 'TextBlock' as const, text: t.plural('common.fix', problems.length), weight: 'bolder' as const, wrap: true },
                ...problems.map((p) => ({ type: 'TextBlock' as const, text: escapeMarkdown(p), wrap: true, spacing: 'none' as const })),
              ],
            },
          ]
        : []),
      {
        type: 'Input.Text',
        id: 'what',
        label: t.t('goal.what.label'),
        isRequired: true,
        errorMessage: t.t('goal.what.required'),
        maxLength: GOAL_LIMITS.what,
        placeholder: t.t('goal.what.placeholder'),
        value: values.what ?? '',
      },
      ...fieldError('what'),
      {
        type: 'Input.Text',
        id: 'why',
        label: t.t('goal.why.label'),
        isMultiline: true,
        maxLength: GOAL_LIMITS.why,
        value: values.why ?? '',
      },
      ...fieldError('why'),
      {
        type: 'Input.Date',
        id: 'targetDate',
        label: t.t('goal.targetDate.label'),
        isRequired: true,
        errorMessage: t.t('goal.targetDate.required'),
        value: values.targetDate ?? '',
      },
      ...fieldError('targetDate'),
      {
        type: 'Input.Text',
        id: 'resources',
        label: t.t('goal.resources.label', { max: GOAL_LIMITS.resources }),
        isMultiline: true,
        value: values.resources ?? '',
      },
      ...fieldError('resources'),
    ],
    [
      {
        type: 'Action.Execute',
        id: 'save-goal',
        title: t.t('goal.save'),
        verb: GOAL_SUBMIT_VERB,
        style: 'positive',
        associatedInputs: 'auto',
        data: {},
      },
    ],
  );
}

export function goalSavedCard(goal: Pick<Goal, 'what' | 'why' | 'targetDate' | 'resources'>, t: BotTranslator): AdaptiveCard {
  return adaptiveCard(
    t,
    [
      { type: 'TextBlock', text: t.t('goal.saved.title'), size: 'medium', weight: 'bolder', color: 'good', wrap: true },
      {
        type: 'FactSet',
        facts: [
          { title: t.t('goal.saved.goal'), value: escapeMarkdown(goal.what) },
          ...(goal.why ? [{ title: t.t('goal.saved.why'), value: escapeMarkdown(goal.why) }] : []),
          { title: t.t('goal.saved.by'), value: formatStoredDay(t.formatting, goal.targetDate) },
          ...goal.resources.map((link, i) => ({ title: i === 0 ? t.t('goal.saved.links') : '', value: escapeMarkdown(link) })),
        ],
      },
      { type: 'TextBlock', text: t.t('goal.saved.next'), isSubtle: true, wrap: true },
    ],
    [{ type: 'Action.Execute', id: 'another-goal', title: t.t('goal.saved.another'), verb: GOAL_NEW_VERB, data: {} }],
  );
}
