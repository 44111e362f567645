import type { Entry } from '../api/types.js';
import { formFromEntry, type EntryFormValues } from '../entries/entry-form.js';

/** An entry as the service sends it: a bare article, visible to the learner's leads, unless told otherwise. */
export const entry = (over: Partial<Entry> & { id: string }): Entry => ({
  what: 'Something',
  visibility: 'leads',
  sourceType: 'article',
  link: null,
  minutes: null,
  rating: null,
  insight: null,
  action: null,
  createdAt: '2026-11-20T10:00:00.000Z',
  ...over,
});

/** An entry with most fields filled, for the edit form's tests. */
export const filledEntry: Entry = entry({
  id: 'e1',
  what: 'Read about feature flags',
  link: 'https://example.com/flags',
  minutes: 20,
  insight: 'Ship dark',
});

/** The edit form as opened on `filledEntry`, with some fields changed. */
export const editForm = (over: Partial<EntryFormValues> = {}): EntryFormValues => ({ ...formFromEntry(filledEntry), ...over });
