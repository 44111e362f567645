import { describe, expect, it } from 'vitest';
import type { Entry, EntryPage } from '../api/types.js';
import { entriesReducer, initialEntries, type EntriesAction, type EntriesState } from './entries-state.js';

/** Entry n was created on day n of November, so a higher n is newer. */
function entry(n: number): Entry {
  const day = String(n).padStart(2, '0');
  return {
    id: `e${n}`,
    what: `Lesson ${n}`,
    sourceType: 'article',
    link: null,
    minutes: null,
    rating: null,
    insight: null,
    action: null,
    visibility: 'leads',
    createdAt: `2026-11-${day}T09:00:00.000Z`,
  };
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
    const moreFailed = run(
      { type: 'firstPage', page: page([2, 1], 'c1') },
      { type: 'moreStarted' },
      { type: 'moreFailed', message: 'more failed' },
    );
    expect(moreFailed).toMatchObject({ phase: 'ready', loadingMore: false, moreError: 'more failed', nextCursor: 'c1' });
    expect(entriesReducer(stale, { type: 'firstPage', page: page([2, 1]) }).refreshError).toBeUndefined();
  });

  it('changes an edited entry in place and keeps it when a page asked for before the edit arrives late', () => {
    const shown = run({ type: 'firstPage', page: page([3, 2, 1]), asOf: 1 });
    const edited = { ...entry(2), minutes: 45 };
    const state = entriesReducer(shown, { type: 'entryEdited', entry: edited, asOf: 3 });
    expect(ids(state)).toEqual(['e3', 'e2', 'e1']);
    expect(state.entries[1]?.minutes).toBe(45);
    // A poll that left at 2, while the edit was on its way, answers with the entry as it was.
    const late = entriesReducer(state, { type: 'firstPage', page: page([4, 3, 2, 1]), asOf: 2 });
    expect(late.entries[1]?.minutes).toBe(45);
    expect(ids(late)).toEqual(['e3', 'e2', 'e1']);
    // The next poll, asked for after the edit, is the truth again.
    const next = entriesReducer(late, {
      type: 'firstPage',
      page: { entries: [entry(4), entry(3), edited, entry(1)], nextCursor: null },
      asOf: 4,
    });
    expect(ids(next)).toEqual(['e4', 'e3', 'e2', 'e1']);
    expect(next.entries[2]?.minutes).toBe(45);
  });

  it('removes a deleted entry and never lets a page asked for earlier bring it back', () => {
    const state = run(
      { type: 'firstPage', page: page([6, 5, 4], 'c1'), asOf: 1 },
      { type: 'morePage', page: page([3, 2], 'c2') },
      { type: 'entryRemoved', entryId: 'e5', asOf: 3 },
      { type: 'entryRemoved', entryId: 'e2', asOf: 4 },
    );
    expect(ids(state)).toEqual(['e6', 'e4', 'e3']);
    expect(ids(entriesReducer(state, { type: 'firstPage', page: page([6, 5, 4], 'c1'), asOf: 2 }))).toEqual(['e6', 'e4', 'e3']);
    // Even a page that claims to be fresh (the store caught up late) cannot resurrect it.
    expect(ids(entriesReducer(state, { type: 'firstPage', page: page([6, 5, 4], 'c1'), asOf: 5 }))).toEqual(['e6', 'e4', 'e3']);
    expect(ids(entriesReducer(state, { type: 'morePage', page: page([2, 1]) }))).toEqual(['e6', 'e4', 'e3', 'e1']);
  });

  it('ignores an edit of an entry it does not show', () => {
    const shown = run({ type: 'firstPage', page: page([2, 1]) });
    expect(ids(entriesReducer(shown, { type: 'entryEdited', entry: entry(9), asOf: 1 }))).toEqual(['e2', 'e1']);
  });
});
