import { CHECK_IN_FIELDS, validateCheckIn, type CheckInErrors } from './check-in-submission.js';
import type { LearningEntry } from '../contract/learning-entry.js';

export type EntryEditErrors = CheckInErrors & { body?: string };

/**
 * Applies an edit from the tab to an entry, under the same rules as the check-in card: fields
 * not named keep their value, null clears an optional one, and anything else is refused.
 */
export function validateEntryEdit(
  current: LearningEntry,
  edit: unknown,
): { ok: true; entry: LearningEntry } | { ok: false; errors: EntryEditErrors } {
  if (typeof edit !== 'object' || edit === null || Array.isArray(edit))
    return { ok: false, errors: { body: 'Send the fields to change as a JSON object' } };
  const unknown = Object.keys(edit).filter((k) => !(CHECK_IN_FIELDS as readonly string[]).includes(k));
  if (unknown.length > 0) return { ok: false, errors: { body: `These fields cannot be edited: ${unknown.join(', ')}` } };
  const merged: Record<string, string> = {};
  const wrongType: CheckInErrors = {};
  for (const field of CHECK_IN_FIELDS) {
    const value = field in edit ? (edit as Record<string, unknown>)[field] : current[field];
    // Clearing who can see an entry would quietly widen a private one to the default: it must be named.
    if (field === 'visibility' && field in edit && (value === null || (typeof value === 'string' && value.trim() === '')))
      wrongType[field] = 'visibility must be private, leads or team';
    else if (value === null || value === undefined) merged[field] = '';
    else if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) merged[field] = String(value);
    else wrongType[field] = `${field} must be text, a number or null`;
  }
  if (Object.keys(wrongType).length > 0) return { ok: false, errors: wrongType };
  const validation = validateCheckIn(merged);
  if (!validation.ok) return { ok: false, errors: validation.errors };
  return { ok: true, entry: { ...current, ...validation.entry, result: validation.result } };
}
