import type { Entry } from '../api/types.js';

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
