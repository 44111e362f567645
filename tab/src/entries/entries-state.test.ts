import { describe, expect, it } from 'vitest';
import type { Entry, EntryPage } from '../api/types.js';
import { entriesReducer, initialEntries, type EntriesAction, type EntriesState } from './entries-state.js';

/** Entry n was created on day n of November, so a higher n is newer. */
function entry(n: number): Entry {
  const day = String(n).padStart(2, '0');
  return { id: `e${n}`, what: `Lesson ${n}`, sourceType: 'article', link: null, minutes: null, rating: null, insight: null, action: null, createdAt: `2026-11-${day}T09:00:00.000Z` };
}
const page = (ns: number[], nextCursor: string | null = null): EntryPage => ({ entries: ns.map(entry), nextCursor });
const run = (...actions: EntriesAction[]): EntriesState => actions.reduce(entriesReducer, initialEntries);
const ids = (state: EntriesState) => state.entries.map((e) => e.id);

describe('entriesReducer', () => {
  it('shows the first page once it arrives', () => {
    const state = run({ type: 'firstPage', page: page([3, 2, 1]) });
    expect(state.phase).toBe('ready');
    expect(ids(state)).toEqual(['e3', 'e2', 'e1']);
  });

  it('shows a new entry on top when a refresh brings it', () => {
    const state = run({ type: 'firstPage', page: page([2, 1]) }, { type: 'firstPage', page: page([3, 2, 1]) });
    expect(ids(state)).toEqual(['e3', 'e2', 'e1']);
  });

  it('appends older pages and keeps them across refreshes, even when a new entry pushes one off the first page', () => {
    const state = run(
      { type: 'firstPage', page: page([6, 5, 4], 'c1') },
      { type: 'moreStarted' },
      { type: 'morePage', page: page([3, 2, 1]) },
      { type: 'firstPage', page: page([7, 6, 5], 'c2') },
    );
    expect(ids(state)).toEqual(['e7', 'e6', 'e5', 'e4', 'e3', 'e2', 'e1']);
    expect(state.nextCursor).toBeNull();
  });

  it('drops an entry deleted from the newest part of the log', () => {
    const state = run({ type: 'firstPage', page: page([3, 2, 1]) }, { type: 'firstPage', page: page([3, 1]) });
    expect(ids(state)).toEqual(['e3', 'e1']);
  });

  it('drops a deleted entry from the newest part of the log even after older pages were loaded', () => {
    const state = run(
      { type: 'firstPage', page: page([6, 5, 4], 'c1') },
      { type: 'morePage', page: page([3, 2, 1]) },
      { type: 'firstPage', page: page([6, 4, 3], 'c2') },
    );
    expect(ids(state)).toEqual(['e6', 'e4', 'e3', 'e2', 'e1']);
  });

  it('shows why the first load failed, and Retry starts loading again', () => {
    const failed = run({ type: 'firstPageFailed', message: "Couldn't load your learning (HTTP 503): down" });
    expect(failed).toMatchObject({ phase: 'error', loadError: "Couldn't load your learning (HTTP 503): down" });
    expect(entriesReducer(failed, { type: 'retry' }).phase).toBe('loading');
  });

  it('keeps the entries on screen when a later refresh or Load more fails, and says so', () => {
    const shown = run({ type: 'firstPage', page: page([2, 1], 'c1') });
    const stale = entriesReducer(shown, { type: 'firstPageFailed', message: 'refresh failed' });
    expect(stale).toMatchObject({ phase: 'ready', refreshError: 'refresh failed' });
    expect(ids(stale)).toEqual(['e2', 'e1']);
    const moreFailed = run({ type: 'firstPage', page: page([2, 1], 'c1') }, { type: 'moreStarted' }, { type: 'moreFailed', message: 'more failed' });
    expect(moreFailed).toMatchObject({ phase: 'ready', loadingMore: false, moreError: 'more failed', nextCursor: 'c1' });
    expect(entriesReducer(stale, { type: 'firstPage', page: page([2, 1]) }).refreshError).toBeUndefined();
  });
});
