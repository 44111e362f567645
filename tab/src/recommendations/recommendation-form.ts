import { isHttpUrl } from '../../../bot/contract/check-in-rules.js';
import { detailFor } from '../api/error-details.js';
import { ungroupedNumber } from '../format.js';
import { RECOMMENDATION_LIMITS, type RecommendationInput } from '../api/recommendation-types.js';
import type { TabTranslator } from '../i18n/i18n-context.js';
import { teamEnglish } from '../i18n/team-messages.js';

/** What the lead typed, as typed, so a rejected form can show it again unchanged. */
export interface RecommendationFormValues {
  title: string;
  link: string;
  note: string;
  /** One member's id, or '' for the whole team. */
  learnerId: string;
}

export type RecommendationFormField = keyof RecommendationFormValues;
export type RecommendationFormErrors = Partial<Record<RecommendationFormField, string>>;

/** Named as the service names them, so its `{ field: message }` lands beside each. */
export const RECOMMENDATION_FORM_FIELDS: readonly RecommendationFormField[] = ['title', 'link', 'note', 'learnerId'];

export const EMPTY_RECOMMENDATION_FORM: RecommendationFormValues = { title: '', link: '', note: '', learnerId: '' };

export type RecommendationFormCheck = { ok: true; input: RecommendationInput } | { ok: false; errors: RecommendationFormErrors };

/** The checks that need nothing but the form, worded as the service words them; it checks again. */
// Limits are written as the service writes them ("2048", not "2,048"), so the form and the service agree.
export function checkRecommendationForm(
  values: RecommendationFormValues,
  { t, formatting }: Pick<TabTranslator, 't' | 'formatting'> = teamEnglish,
): RecommendationFormCheck {
  const errors: RecommendationFormErrors = {};
  const limit = ungroupedNumber(formatting);
  const title = values.title.trim();
  if (title === '') errors.title = t('recommend.titleMissing');
  else if (title.length > RECOMMENDATION_LIMITS.title)
    errors.title = t('recommend.titleTooLong', { max: limit(RECOMMENDATION_LIMITS.title) });

  const link = values.link.trim();
  if (link === '') errors.link = t('recommend.linkMissing');
  else if (link.length > RECOMMENDATION_LIMITS.link) errors.link = t('recommend.linkTooLong', { max: limit(RECOMMENDATION_LIMITS.link) });
  else if (!isHttpUrl(link)) errors.link = t('entryForm.linkNotWeb');

  const note = values.note.trim();
  if (note.length > RECOMMENDATION_LIMITS.note) errors.note = t('coach.noteTooLong', { max: limit(RECOMMENDATION_LIMITS.note) });

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const input: RecommendationInput = { title, link };
  if (note !== '') input.note = note;
  if (values.learnerId !== '') input.learnerId = values.learnerId;
  return { ok: true, input };
}

/** The service's words on a rejected recommendation, for the fields the form shows. */
export function recommendationFieldErrorsFrom(error: unknown): RecommendationFormErrors {
  const errors: RecommendationFormErrors = {};
  for (const field of RECOMMENDATION_FORM_FIELDS) {
    const message = detailFor(error, field);
    if (message) errors[field] = message;
  }
  return errors;
}
