import { GOAL_LIMITS, type Goal, type GoalErrors, type GoalField, type GoalValues } from '../domain/goal.js';
import { adaptiveCard, type AdaptiveCard, type CardElement } from './card-types.js';
import { escapeMarkdown } from './markdown-escape.js';

export const GOAL_SUBMIT_VERB = 'goal.submit';
export const GOAL_NEW_VERB = 'goal.new';

/** Setting a learning goal: what, why, by when, and up to three links that will help. */
export function goalFormCard({ values = {}, errors = {}, notice }: { values?: GoalValues; errors?: GoalErrors; notice?: string } = {}): AdaptiveCard {
  const problems = Object.values(errors).filter((m): m is string => Boolean(m));
  const fieldError = (field: GoalField): CardElement[] =>
    errors[field] ? [{ type: 'TextBlock', text: escapeMarkdown(errors[field]!), color: 'attention', wrap: true, spacing: 'none', size: 'small' }] : [];
  return adaptiveCard(
    [
      { type: 'TextBlock', text: 'Set a learning goal', size: 'large', weight: 'bolder', wrap: true, style: 'heading' },
      { type: 'TextBlock', text: 'Each check-in will ask how it is going. Your leads see goals that run late.', isSubtle: true, wrap: true, spacing: 'none' },
      ...(notice ? [{ type: 'TextBlock' as const, text: escapeMarkdown(notice), color: 'warning' as const, wrap: true, weight: 'bolder' as const }] : []),
      ...(problems.length > 0
        ? [
            {
              type: 'Container' as const,
              style: 'attention',
              items: [
                { type: 'TextBlock' as const, text: problems.length === 1 ? 'Please fix this before saving:' : `Please fix these ${problems.length} things before saving:`, weight: 'bolder' as const, wrap: true },
                ...problems.map((p) => ({ type: 'TextBlock' as const, text: escapeMarkdown(p), wrap: true, spacing: 'none' as const })),
              ],
            },
          ]
        : []),
      { type: 'Input.Text', id: 'what', label: 'What do you want to learn?', isRequired: true, errorMessage: 'Say what you want to learn', maxLength: GOAL_LIMITS.what, placeholder: 'e.g. Run a usability test on my own', value: values.what ?? '' },
      ...fieldError('what'),
      { type: 'Input.Text', id: 'why', label: 'Why does it matter? (optional)', isMultiline: true, maxLength: GOAL_LIMITS.why, value: values.why ?? '' },
      ...fieldError('why'),
      { type: 'Input.Date', id: 'targetDate', label: 'By when?', isRequired: true, errorMessage: 'Choose a target date', value: values.targetDate ?? '' },
      ...fieldError('targetDate'),
      { type: 'Input.Text', id: 'resources', label: 'Links that will help (optional, one per line, up to 3)', isMultiline: true, value: values.resources ?? '' },
      ...fieldError('resources'),
    ],
    [{ type: 'Action.Execute', id: 'save-goal', title: 'Save goal', verb: GOAL_SUBMIT_VERB, style: 'positive', associatedInputs: 'auto', data: {} }],
  );
}

export function goalSavedCard(goal: Pick<Goal, 'what' | 'why' | 'targetDate' | 'resources'>, locale = 'en-GB'): AdaptiveCard {
  return adaptiveCard(
    [
      { type: 'TextBlock', text: 'Goal saved', size: 'medium', weight: 'bolder', color: 'good', wrap: true },
      {
        type: 'FactSet',
        facts: [
          { title: 'Goal', value: escapeMarkdown(goal.what) },
          ...(goal.why ? [{ title: 'Why', value: escapeMarkdown(goal.why) }] : []),
          { title: 'By', value: formatDay(goal.targetDate, locale) },
          ...goal.resources.map((link, i) => ({ title: i === 0 ? 'Links' : '', value: escapeMarkdown(link) })),
        ],
      },
      { type: 'TextBlock', text: 'Your next check-in will ask how it is going.', isSubtle: true, wrap: true },
    ],
    [{ type: 'Action.Execute', id: 'another-goal', title: 'Set another goal', verb: GOAL_NEW_VERB, data: {} }],
  );
}

function formatDay(day: string, locale: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
  } catch {
    return day;
  }
}
