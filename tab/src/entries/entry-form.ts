import type { EntryEdit } from '../../../bot/http/api-contract.js';
import { SOURCE_TYPES, type SourceType } from '../../../bot/domain/learning-entry.js';
import type { Entry } from '../api/types.js';
import { CHECK_IN_LIMITS, isHttpUrl } from '../../../bot/domain/check-in-rules.js';
import { ENTRY_VISIBILITIES, VISIBILITY_CHOICE_LABELS, isEntryVisibility, type EntryVisibility } from '../../../bot/domain/entry-visibility.js';

/** The check-in card's own limits, from a module light enough for the browser. */
export const ENTRY_LIMITS = CHECK_IN_LIMITS;

/** What the learner typed, as typed, so a rejected form can show it again unchanged. */
export interface EntryFormValues {
  what: string;
  sourceType: SourceType;
  link: string;
  minutes: string;
  /** '' is "not rated". */
  rating: string;
  insight: string;
  action: string;
  result: string;
  /** Who else can see it; a string so a stray value is caught here rather than sent. */
  visibility: EntryVisibility | string;
}

export type EntryFormField = keyof EntryFormValues;
export type EntryFormErrors = Partial<Record<EntryFormField, string>>;

export const ENTRY_FORM_FIELDS: readonly EntryFormField[] = ['what', 'sourceType', 'link', 'minutes', 'rating', 'insight', 'action', 'result', 'visibility'];

/** Every editable field, checked and normalised the way the service stores it. */
export type EntryFields = Required<EntryEdit>;

export type EntryFormCheck = { ok: true; fields: EntryFields } | { ok: false; errors: EntryFormErrors };

export function formFromEntry(entry: Entry): EntryFormValues {
  return {
    what: entry.what,
    sourceType: entry.sourceType,
    link: entry.link ?? '',
    minutes: entry.minutes === null ? '' : String(entry.minutes),
    rating: entry.rating === null ? '' : String(entry.rating),
    insight: entry.insight ?? '',
    action: entry.action ?? '',
    result: entry.result ?? '',
    visibility: entry.visibility,
  };
}

export function checkEntryForm(values: EntryFormValues): EntryFormCheck {
  const errors: EntryFormErrors = {};
  const what = values.what.trim();
  if (what.length === 0) errors.what = 'Tell us what you learned';
  else if (what.length > ENTRY_LIMITS.what) errors.what = `"What did you learn" is too long: at most ${ENTRY_LIMITS.what} characters`;

  if (!(SOURCE_TYPES as readonly string[]).includes(values.sourceType)) {
    errors.sourceType = `Choose a kind of source: ${SOURCE_TYPES.join(', ')}`;
  }

  const link = blankToNull(values.link);
  if (link !== null && link.length > ENTRY_LIMITS.link) errors.link = `The link is too long: at most ${ENTRY_LIMITS.link} characters`;
  else if (link !== null && !isHttpUrl(link)) errors.link = 'The link must be a web address starting with http:// or https://';

  const minutes = wholeNumber(values.minutes, 'Minutes', ENTRY_LIMITS.minutesMin, ENTRY_LIMITS.minutesMax);
  if (typeof minutes === 'string') errors.minutes = minutes;
  const rating = wholeNumber(values.rating, 'Usefulness', 1, 5);
  if (typeof rating === 'string') errors.rating = rating;

  const insight = optionalText(values.insight, 'The key insight', ENTRY_LIMITS.insight, errors, 'insight');
  const action = optionalText(values.action, 'The action', ENTRY_LIMITS.action, errors, 'action');
  const result = optionalText(values.result, 'What came of your last action', ENTRY_LIMITS.result, errors, 'result');

  const visibility = isEntryVisibility(values.visibility) ? values.visibility : null;
  if (visibility === null) errors.visibility = `Choose who can see this: ${ENTRY_VISIBILITIES.map((v) => VISIBILITY_CHOICE_LABELS[v]).join(', ')}`;

  if (Object.keys(errors).length > 0 || visibility === null) return { ok: false, errors };
  return {
    ok: true,
    fields: {
      what,
      sourceType: values.sourceType,
      link,
      minutes: minutes as number | null,
      rating: rating as number | null,
      insight,
      action,
      result,
      visibility,
    },
  };
}

/** Only what the learner changed, so an edit cannot undo what arrived meanwhile (a result told at the next check-in, say). */
export function changesFrom(entry: Entry, fields: EntryFields): EntryEdit {
  const before = pickEditable(entry);
  const edit: EntryEdit = {};
  for (const key of Object.keys(fields) as Array<keyof EntryFields>) {
    if (fields[key] !== before[key]) Object.assign(edit, { [key]: fields[key] });
  }
  return edit;
}

/** The service's `{ field: message }` for a rejected edit, limited to fields the form shows. */
export function fieldErrorsFrom(details: unknown): EntryFormErrors {
  const errors: EntryFormErrors = {};
  if (typeof details !== 'object' || details === null) return errors;
  for (const field of ENTRY_FORM_FIELDS) {
    const message = (details as Record<string, unknown>)[field];
    if (typeof message === 'string' && message.length > 0) errors[field] = message;
  }
  return errors;
}

/** Whatever else the service said about a rejected edit (about the request as a whole, say), as sentences. */
export function otherProblemsFrom(details: unknown): string[] {
  if (typeof details !== 'object' || details === null) return [];
  return Object.entries(details as Record<string, unknown>)
    .filter(([key, message]) => !(ENTRY_FORM_FIELDS as readonly string[]).includes(key) && typeof message === 'string' && message.length > 0)
    .map(([, message]) => message as string);
}

function pickEditable(entry: Entry): EntryFields {
  const { what, sourceType, link, minutes, rating, insight, action, visibility } = entry;
  return { what, sourceType, link, minutes, rating, insight, action, result: entry.result ?? null, visibility };
}

function blankToNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** A number, null for blank, or the reason it is not acceptable. */
function wholeNumber(value: string, label: string, min: number, max: number): number | null | string {
  const text = blankToNull(value);
  if (text === null) return null;
  if (!/^[+-]?\d+(\.\d+)?$/.test(text)) return `${label} must be a number`;
  const number = Number(text);
  if (!Number.isInteger(number)) return `${label} must be a whole number`;
  if (number < min || number > max) return `${label} must be between ${min} and ${max}`;
  return number;
}

function optionalText(value: string, label: string, max: number, errors: EntryFormErrors, field: EntryFormField): string | null {
  const text = blankToNull(value);
  if (text !== null && text.length > max) errors[field] = `${label} is too long: at most ${max} characters`;
  return text;
}
