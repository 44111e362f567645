/**
 * Who can see one learning entry. The learner always sees their own; this says who else may.
 * The choices and their check, shared with the tab's form; what each means for sharing and for
 * leads is the service's (domain/entry-visibility.ts).
 */
export const ENTRY_VISIBILITIES = ['private', 'leads', 'team'] as const;

export type EntryVisibility = (typeof ENTRY_VISIBILITIES)[number];

export function isEntryVisibility(value: unknown): value is EntryVisibility {
  return typeof value === 'string' && (ENTRY_VISIBILITIES as readonly string[]).includes(value);
}
