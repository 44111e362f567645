import type { Entry, EntryPage } from '../api/types.js';

/** What the learner sees of their log; errors are sentences ready to show. */
export interface EntriesState {
  phase: 'loading' | 'error' | 'ready';
  entries: Entry[];
  nextCursor: string | null;
  /** Pages beyond the first have been loaded, so a refresh of the first page must keep them. */
  olderLoaded: boolean;
  loadingMore: boolean;
  /** The first load failed: nothing to show but the reason. */
  loadError?: string;
  /** A background refresh failed: the entries shown may be out of date. */
  refreshError?: string;
  /** "Load more" failed: the entries shown are still right. */
  moreError?: string;
  /** Entries the learner deleted here: no page asked for earlier may bring them back. */
  removedIds: string[];
  /** When the learner's last edit or delete landed, on the caller's clock (see `asOf`). */
  changedAsOf: number;
}

export type EntriesAction =
  | { type: 'retry' }
  /**
   * `asOf` is when the page was asked for, on a counter the caller advances for every request and
   * every change the learner makes, so a page that left before an edit landed is known to be stale.
   */
  | { type: 'firstPage'; page: EntryPage; asOf?: number }
  | { type: 'firstPageFailed'; message: string }
  | { type: 'moreStarted' }
  | { type: 'morePage'; page: EntryPage }
  | { type: 'moreFailed'; message: string }
  | { type: 'entryEdited'; entry: Entry; asOf: number }
  | { type: 'entryRemoved'; entryId: string; asOf: number };

export const initialEntries: EntriesState = {
  phase: 'loading',
  entries: [],
  nextCursor: null,
  olderLoaded: false,
  loadingMore: false,
  removedIds: [],
  changedAsOf: 0,
};

export function entriesReducer(state: EntriesState, action: EntriesAction): EntriesState {
  switch (action.type) {
    case 'retry':
      if (state.phase === 'ready') return { ...state, refreshError: undefined, moreError: undefined };
      return { ...initialEntries, removedIds: state.removedIds, changedAsOf: state.changedAsOf };
    case 'firstPage':
      // Asked for before the learner's last edit or delete landed: it may show the entry as it was.
      // The next poll brings a page that does not.
      if ((action.asOf ?? Infinity) < state.changedAsOf) return state;
      return { ...state, ...withFirstPage(state, action.page), phase: 'ready', loadError: undefined, refreshError: undefined };
    case 'firstPageFailed':
      return state.phase === 'ready' ? { ...state, refreshError: action.message } : { ...state, phase: 'error', loadError: action.message };
    case 'moreStarted':
      return { ...state, loadingMore: true, moreError: undefined };
    case 'morePage': {
      const known = new Set([...state.entries.map((e) => e.id), ...state.removedIds]);
      const older = action.page.entries.filter((e) => !known.has(e.id));
      return { ...state, entries: [...state.entries, ...older], nextCursor: action.page.nextCursor, olderLoaded: true, loadingMore: false };
    }
    case 'moreFailed':
      return { ...state, loadingMore: false, moreError: action.message };
    case 'entryEdited':
      return {
        ...state,
        entries: state.entries.map((e) => (e.id === action.entry.id ? action.entry : e)),
        changedAsOf: Math.max(state.changedAsOf, action.asOf),
      };
    case 'entryRemoved':
      return {
        ...state,
        entries: state.entries.filter((e) => e.id !== action.entryId),
        removedIds: [...state.removedIds, action.entryId],
        changedAsOf: Math.max(state.changedAsOf, action.asOf),
      };
  }
}

/**
 * A fresh first page replaces the newest part of the log. Older pages already loaded stay, so
 * an entry pushed off the first page by a new one does not vanish; entries deleted within the
 * first page's range do vanish.
 */
function withFirstPage(state: EntriesState, page: EntryPage): Pick<EntriesState, 'entries' | 'nextCursor' | 'olderLoaded'> {
  const removed = new Set(state.removedIds);
  const first = { ...page, entries: page.entries.filter((e) => !removed.has(e.id)) };
  const oldest = first.entries.at(-1);
  if (!state.olderLoaded || !oldest || first.nextCursor === null) {
    return { entries: first.entries, nextCursor: first.nextCursor, olderLoaded: false };
  }
  const fresh = new Set(first.entries.map((e) => e.id));
  const older = state.entries.filter((e) => !fresh.has(e.id) && Date.parse(e.createdAt) <= Date.parse(oldest.createdAt));
  return { entries: [...first.entries, ...older], nextCursor: state.nextCursor, olderLoaded: true };
}
