import { isHttpUrl } from '../../../bot/domain/check-in-rules.js';
import { detailFor } from '../api/error-details.js';
import { RECOMMENDATION_LIMITS, type RecommendationInput } from '../api/recommendation-types.js';

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
export function checkRecommendationForm(values: RecommendationFormValues): RecommendationFormCheck {
  const errors: RecommendationFormErrors = {};
  const title = values.title.trim();
  if (title === '') errors.title = 'Say what you recommend';
  else if (title.length > RECOMMENDATION_LIMITS.title) errors.title = `The title is too long: at most ${RECOMMENDATION_LIMITS.title} characters`;

  const link = values.link.trim();
  if (link === '') errors.link = 'Give a link to it';
  else if (link.length > RECOMMENDATION_LIMITS.link) errors.link = `The link is too long: at most ${RECOMMENDATION_LIMITS.link} characters`;
  else if (!isHttpUrl(link)) errors.link = 'The link must be a web address starting with http:// or https://';

  const note = values.note.trim();
  if (note.length > RECOMMENDATION_LIMITS.note) errors.note = `The note is too long: at most ${RECOMMENDATION_LIMITS.note} characters`;

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const input: RecommendationInput = { title, link };
  if (note !== '') input.note = note;
  if (values.learnerId !== '') input.learnerId = values.learnerId;
  return { ok: true, input };
}

/** The service's words on a rejected recommendation, for the fields the form shows. */
export function recommendationFieldErrorsFrom(details: unknown): RecommendationFormErrors {
  const errors: RecommendationFormErrors = {};
  for (const field of RECOMMENDATION_FORM_FIELDS) {
    const message = detailFor(details, field);
    if (message) errors[field] = message;
  }
  return errors;
}
