import type { EntryEdit } from '../../../bot/contract/api.js';
import { SOURCE_TYPES, type SourceType } from '../../../bot/contract/learning-entry.js';
import type { Entry } from '../api/types.js';
import { CHECK_IN_LIMITS, RATING_SCALE, isHttpUrl } from '../../../bot/contract/check-in-rules.js';
import { ENTRY_VISIBILITIES, isEntryVisibility, type EntryVisibility } from '../../../bot/contract/entry-visibility.js';
import { ungroupedNumber, visibilityLabel } from '../format.js';
import { english, type TabTranslator } from '../i18n/i18n-context.js';

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

export const ENTRY_FORM_FIELDS: readonly EntryFormField[] = [
  'what',
  'sourceType',
  'link',
  'minutes',
  'rating',
  'insight',
  'action',
  'result',
  'visibility',
];

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

/** Checks the form the way the service will, wording each problem in the learner's language. */
export function checkEntryForm(values: EntryFormValues, i18n: TabTranslator = english): EntryFormCheck {
  const { t } = i18n;
  const errors: EntryFormErrors = {};
  // Worded as the check-in card words it, so the form and the card agree.
  const list = (items: readonly string[]) => items.join(t('common.listSeparator'));
  const plain = ungroupedNumber(i18n.formatting);
  const what = values.what.trim();
  if (what.length === 0) errors.what = t('entryForm.whatMissing');
  else if (what.length > ENTRY_LIMITS.what)
    errors.what = t('entryForm.tooLong', { label: t('entryForm.whatName'), max: plain(ENTRY_LIMITS.what) });

  if (!(SOURCE_TYPES as readonly string[]).includes(values.sourceType)) {
    errors.sourceType = t('entryForm.sourceMissing', { choices: list(SOURCE_TYPES) });
  }

  const link = blankToNull(values.link);
  if (link !== null && link.length > ENTRY_LIMITS.link)
    errors.link = t('entryForm.tooLong', { label: t('entryForm.linkName'), max: plain(ENTRY_LIMITS.link) });
  else if (link !== null && !isHttpUrl(link)) errors.link = t('entryForm.linkNotWeb');

  const minutes = wholeNumber(values.minutes, t('entryForm.minutesName'), ENTRY_LIMITS.minutesMin, ENTRY_LIMITS.minutesMax, i18n);
  if (typeof minutes === 'string') errors.minutes = minutes;
  const rating = wholeNumber(values.rating, t('entryForm.ratingName'), RATING_SCALE.min, RATING_SCALE.max, i18n);
  if (typeof rating === 'string') errors.rating = rating;

  const insight = optionalText(values.insight, t('entryForm.insightName'), ENTRY_LIMITS.insight, errors, 'insight', i18n);
  const action = optionalText(values.action, t('entryForm.actionName'), ENTRY_LIMITS.action, errors, 'action', i18n);
  const result = optionalText(values.result, t('entryForm.resultName'), ENTRY_LIMITS.result, errors, 'result', i18n);

  const visibility = isEntryVisibility(values.visibility) ? values.visibility : null;
  if (visibility === null) {
    errors.visibility = t('entryForm.visibilityMissing', {
      choices: list(ENTRY_VISIBILITIES.map((v) => visibilityLabel('choice', v, i18n))),
    });
  }

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
    .filter(
      ([key, message]) => !(ENTRY_FORM_FIELDS as readonly string[]).includes(key) && typeof message === 'string' && message.length > 0,
    )
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
/** Numbers as the learner types them into a field: "1440", not "1,440". */
function wholeNumber(value: string, label: string, min: number, max: number, i18n: TabTranslator): number | null | string {
  const { t } = i18n;
  const text = blankToNull(value);
  if (text === null) return null;
  if (!/^[+-]?\d+(\.\d+)?$/.test(text)) return t('entryForm.notNumber', { label });
  const number = Number(text);
  if (!Number.isInteger(number)) return t('entryForm.notWhole', { label });
  if (number < min || number > max)
    return t('entryForm.outOfRange', { label, min: ungroupedNumber(i18n.formatting)(min), max: ungroupedNumber(i18n.formatting)(max) });
  return number;
}

function optionalText(
  value: string,
  label: string,
  max: number,
  errors: EntryFormErrors,
  field: EntryFormField,
  i18n: TabTranslator,
): string | null {
  const text = blankToNull(value);
  if (text !== null && text.length > max)
    errors[field] = i18n.t('entryForm.tooLong', { label, max: ungroupedNumber(i18n.formatting)(max) });
  return text;
}
