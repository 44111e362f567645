import { perTranslator } from '../contract/i18n/intl-cache.js';
import { z } from 'zod';
import { CHECK_IN_LIMITS, RATING_SCALE, isHttpUrl } from '../contract/check-in-rules.js';
import { DEFAULT_VISIBILITY } from './entry-visibility.js';
import { ENTRY_VISIBILITIES } from '../contract/entry-visibility.js';
import { englishMessages, type BotMessageKey, type BotTranslator } from '../i18n/bot-messages.js';
import { SOURCE_TYPES, type LearningEntryInput } from '../contract/learning-entry.js';
import { plainNumber } from '../contract/i18n/intl-cache.js';

export { CHECK_IN_LIMITS };

export const CHECK_IN_FIELDS = ['what', 'sourceType', 'link', 'minutes', 'rating', 'insight', 'action', 'result', 'visibility'] as const;
export type CheckInField = (typeof CHECK_IN_FIELDS)[number];

/** What the learner typed, kept verbatim so a rejected card can be shown again unchanged. */
export type CheckInValues = Partial<Record<CheckInField, string>>;
export type CheckInErrors = Partial<Record<CheckInField, string>>;

export type CheckInValidation =
  { ok: true; entry: LearningEntryInput; result: string | null } | { ok: false; errors: CheckInErrors; values: CheckInValues };

const trimmed = (v: unknown) => (typeof v === 'string' ? v.trim() : v);
/** Control characters break cards and exports, and alone they say nothing; tabs and newlines are what people type. */
const cleanedText = (v: unknown) => (typeof v === 'string' ? v.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').trim() : v);
const blankToNull = (v: unknown) => (v === undefined || v === null || v === '' ? null : v);

function optionalText(t: BotTranslator, field: BotMessageKey, max: number) {
  const label = t.t(field);
  return z.preprocess(
    (v) => blankToNull(cleanedText(v)),
    z
      .string(t.t('validation.mustBeText', { label }))
      .max(max, t.plural('validation.tooLong', max, { label, count: plainNumber(t.formatting, max) }))
      .nullable(),
  );
}

function optionalWholeNumber(t: BotTranslator, field: BotMessageKey, min: number, max: number) {
  const label = t.t(field);
  const between = t.t('validation.between', { label, min: plainNumber(t.formatting, min), max: plainNumber(t.formatting, max) });
  return z.preprocess(
    (v) => {
      const t = blankToNull(trimmed(v));
      if (typeof t !== 'string') return t;
      return /^[+-]?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
    },
    z
      .number(t.t('validation.mustBeNumber', { label }))
      .int(t.t('validation.mustBeWhole', { label }))
      .min(min, between)
      .max(max, between)
      .nullable(),
  );
}

/** The schema with its messages in the reader's language (English for the API), built once per language. */
const submissionSchema = perTranslator((t: BotTranslator) =>
  z.object({
    what: z.preprocess(
      (v) => cleanedText(v ?? ''),
      z
        .string(t.t('checkIn.what.required'))
        .min(1, t.t('checkIn.what.required'))
        .max(
          CHECK_IN_LIMITS.what,
          t.plural('validation.tooLong', CHECK_IN_LIMITS.what, {
            label: t.t('validation.field.what'),
            count: plainNumber(t.formatting, CHECK_IN_LIMITS.what),
          }),
        ),
    ),
    sourceType: z.enum(SOURCE_TYPES, t.t('validation.chooseSource', { list: SOURCE_TYPES.join(', ') })),
    link: z.preprocess(
      (v) => blankToNull(cleanedText(v)),
      z
        .string()
        .max(
          CHECK_IN_LIMITS.link,
          t.plural('validation.tooLong', CHECK_IN_LIMITS.link, {
            label: t.t('validation.field.link'),
            count: plainNumber(t.formatting, CHECK_IN_LIMITS.link),
          }),
        )
        .refine(isHttpUrl, t.t('validation.linkNotWeb'))
        .nullable(),
    ),
    minutes: optionalWholeNumber(t, 'validation.field.minutes', CHECK_IN_LIMITS.minutesMin, CHECK_IN_LIMITS.minutesMax),
    rating: optionalWholeNumber(t, 'validation.field.rating', RATING_SCALE.min, RATING_SCALE.max),
    insight: optionalText(t, 'validation.field.insight', CHECK_IN_LIMITS.insight),
    action: optionalText(t, 'validation.field.action', CHECK_IN_LIMITS.action),
    result: optionalText(t, 'validation.field.result', CHECK_IN_LIMITS.result),
    // Not said (an older card, a dialog without the choice) is the default; anything else unknown is refused.
    visibility: z.preprocess(
      (v) => blankToNull(trimmed(v)) ?? DEFAULT_VISIBILITY,
      z.enum(
        ENTRY_VISIBILITIES,
        t.t('validation.chooseVisibility', { list: ENTRY_VISIBILITIES.map((v) => t.t(`visibility.${v}`)).join(', ') }),
      ),
    ),
  }),
);

/** The check-in fields of whatever was sent (a form's typed values, an API body), as text; anything else is ignored. */
function fieldsOf(data: unknown): CheckInValues {
  const values: CheckInValues = {};
  if (typeof data !== 'object' || data === null) return values;
  const record = data as Record<string, unknown>;
  for (const field of CHECK_IN_FIELDS) {
    const raw = record[field];
    if (typeof raw === 'string') values[field] = raw;
    else if (typeof raw === 'number' && Number.isFinite(raw)) values[field] = String(raw);
  }
  return values;
}

/** `t` words the problems for whoever reads them: the learner's language on a card, English for the API. */
export function validateCheckIn(data: unknown, t: BotTranslator = englishMessages): CheckInValidation {
  const values = fieldsOf(data);
  const parsed = submissionSchema(t).safeParse(values);
  if (parsed.success) {
    const { result, ...entry } = parsed.data;
    return { ok: true, entry, result };
  }
  const errors: CheckInErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as CheckInField | undefined;
    if (field && !errors[field]) errors[field] = issue.message;
  }
  return { ok: false, errors, values };
}
