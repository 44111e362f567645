import { z } from 'zod';
import { CHECK_IN_LIMITS, isHttpUrl } from './check-in-rules.js';
import { DEFAULT_VISIBILITY, ENTRY_VISIBILITIES, VISIBILITY_CHOICE_LABELS } from './entry-visibility.js';
import { SOURCE_TYPES, type LearningEntryInput } from './learning-entry.js';

export { CHECK_IN_LIMITS };

export const CHECK_IN_FIELDS = ['what', 'sourceType', 'link', 'minutes', 'rating', 'insight', 'action', 'result', 'visibility'] as const;
export type CheckInField = (typeof CHECK_IN_FIELDS)[number];

/** What the learner typed, kept verbatim so a rejected card can be shown again unchanged. */
export type CheckInValues = Partial<Record<CheckInField, string>>;
export type CheckInErrors = Partial<Record<CheckInField, string>>;

export type CheckInValidation =
  | { ok: true; entry: LearningEntryInput; result: string | null }
  | { ok: false; errors: CheckInErrors; values: CheckInValues };

const trimmed = (v: unknown) => (typeof v === 'string' ? v.trim() : v);
/** Control characters break cards and exports, and alone they say nothing; tabs and newlines are what people type. */
const cleanedText = (v: unknown) => (typeof v === 'string' ? v.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').trim() : v);
const blankToNull = (v: unknown) => (v === undefined || v === null || v === '' ? null : v);

function optionalText(label: string, max: number) {
  return z.preprocess(
    (v) => blankToNull(cleanedText(v)),
    z.string(`${label} must be text`).max(max, `${label} is too long: at most ${max} characters`).nullable(),
  );
}

function optionalWholeNumber(label: string, min: number, max: number) {
  return z.preprocess(
    (v) => {
      const t = blankToNull(trimmed(v));
      if (typeof t !== 'string') return t;
      return /^[+-]?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
    },
    z
      .number(`${label} must be a number`)
      .int(`${label} must be a whole number`)
      .min(min, `${label} must be between ${min} and ${max}`)
      .max(max, `${label} must be between ${min} and ${max}`)
      .nullable(),
  );
}

const submissionSchema = z.object({
  what: z.preprocess(
    (v) => cleanedText(v ?? ''),
    z
      .string('Tell us what you learned')
      .min(1, 'Tell us what you learned')
      .max(CHECK_IN_LIMITS.what, `"What did you learn" is too long: at most ${CHECK_IN_LIMITS.what} characters`),
  ),
  sourceType: z.enum(SOURCE_TYPES, `Choose a kind of source: ${SOURCE_TYPES.join(', ')}`),
  link: z.preprocess(
    (v) => blankToNull(cleanedText(v)),
    z
      .string()
      .max(CHECK_IN_LIMITS.link, `The link is too long: at most ${CHECK_IN_LIMITS.link} characters`)
      .refine(isHttpUrl, 'The link must be a web address starting with http:// or https://')
      .nullable(),
  ),
  minutes: optionalWholeNumber('Minutes', CHECK_IN_LIMITS.minutesMin, CHECK_IN_LIMITS.minutesMax),
  rating: optionalWholeNumber('Usefulness', 1, 5),
  insight: optionalText('The key insight', CHECK_IN_LIMITS.insight),
  action: optionalText('The action', CHECK_IN_LIMITS.action),
  result: optionalText('What came of your last action', CHECK_IN_LIMITS.result),
  // Not said (an older card, a dialog without the choice) is the default; anything else unknown is refused.
  visibility: z.preprocess(
    (v) => blankToNull(trimmed(v)) ?? DEFAULT_VISIBILITY,
    z.enum(ENTRY_VISIBILITIES, `Choose who can see this: ${ENTRY_VISIBILITIES.map((v) => VISIBILITY_CHOICE_LABELS[v]).join(', ')}`),
  ),
});

/** Picks the check-in fields out of a card submission, as text, ignoring anything else it carries. */
export function checkInValuesFrom(data: unknown): CheckInValues {
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

export function validateCheckIn(data: unknown): CheckInValidation {
  const values = checkInValuesFrom(data);
  const parsed = submissionSchema.safeParse(values);
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
