import { isHttpUrl } from '../../../bot/contract/check-in-rules.js';
import { GOAL_LIMITS, type GoalInput } from '../api/goal-types.js';
import { english, type TabTranslator } from '../i18n/i18n-context.js';

/** What the learner typed, as typed, so a rejected form can show it again unchanged. */
export interface GoalFormValues {
  what: string;
  why: string;
  /** YYYY-MM-DD, as a date input gives it; '' when none is picked. */
  targetDate: string;
  /** One link per line. */
  resources: string;
}

export type GoalFormField = keyof GoalFormValues;
export type GoalFormErrors = Partial<Record<GoalFormField, string>>;

/** The form's fields are named as the service names them, so its `{ field: message }` lands beside each. */
export const GOAL_FORM_FIELDS: readonly GoalFormField[] = ['what', 'why', 'targetDate', 'resources'];

export const EMPTY_GOAL_FORM: GoalFormValues = { what: '', why: '', targetDate: '', resources: '' };

export type GoalFormCheck = { ok: true; input: GoalInput } | { ok: false; errors: GoalFormErrors };

/** The links typed, one per line, blank lines dropped and each typed twice kept once. */
export function linksFrom(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== ''),
    ),
  ];
}

/**
 * The checks that need nothing but the form: a goal, a date, web links, the lengths. Whether
 * the date has passed depends on the learner's time zone, which the service knows: it says so.
 */
export function checkGoalForm(values: GoalFormValues, { t }: Pick<TabTranslator, 't'> = english): GoalFormCheck {
  const errors: GoalFormErrors = {};
  const what = values.what.trim();
  if (what === '') errors.what = t('goals.whatMissing');
  else if (what.length > GOAL_LIMITS.what) errors.what = t('goals.whatTooLong', { max: GOAL_LIMITS.what });

  const why = values.why.trim();
  if (why.length > GOAL_LIMITS.why) errors.why = t('goals.whyTooLong', { max: GOAL_LIMITS.why });

  const targetDate = values.targetDate.trim();
  if (targetDate === '') errors.targetDate = t('goals.dateMissing');
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(targetDate)) errors.targetDate = t('goals.dateFormat');

  const links = linksFrom(values.resources);
  const notLink = links.find((link) => link.length > GOAL_LIMITS.link || !isHttpUrl(link));
  if (notLink !== undefined) {
    errors.resources =
      notLink.length > GOAL_LIMITS.link ? t('goals.linkTooLong', { max: GOAL_LIMITS.link }) : t('goals.notLink', { link: notLink });
  } else if (links.length > GOAL_LIMITS.resources) errors.resources = t('goals.tooManyLinks', { max: GOAL_LIMITS.resources });

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const input: GoalInput = { what, targetDate };
  if (why !== '') input.why = why;
  if (links.length > 0) input.resources = links;
  return { ok: true, input };
}

/** The service's `{ field: message }` for a rejected goal, limited to the fields the form shows. */
export function goalFieldErrorsFrom(details: unknown): GoalFormErrors {
  const errors: GoalFormErrors = {};
  if (typeof details !== 'object' || details === null) return errors;
  for (const field of GOAL_FORM_FIELDS) {
    const message = (details as Record<string, unknown>)[field];
    if (typeof message === 'string' && message.length > 0) errors[field] = message;
  }
  return errors;
}
