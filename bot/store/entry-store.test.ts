import { beforeAll, describe, expect, it } from 'vitest';
import type { LearningEntry } from '../contract/learning-entry.js';
import { freshTestStorage } from '../testing/test-storage.js';
import { EntryStore } from './entry-store.js';

function entry(over: Partial<LearningEntry> = {}): LearningEntry {
  return {
    id: over.id ?? crypto.randomUUID(),
    tenantId: 'tenant-a',
    userId: 'user-1',
    what: 'Reading about retries',
    visibility: 'leads',
    sourceType: 'article',
    link: null,
    minutes: 10,
    rating: null,
    insight: null,
    action: null,
    result: null,
    createdAt: '2026-11-01T09:00:00.000Z',
    ...over,
  };
}

describe('EntryStore (Azurite)', () => {
  let store: EntryStore;
  beforeAll(async () => {
    const { tables } = await freshTestStorage();
    store = new EntryStore(tables.entries);
  });

  it('saves an entry once per submission, even when the submit is repeated', async () => {
    const first = await store.addOnce(entry({ userId: 'once', what: 'first try' }), 'card-1');
    const again = await store.addOnce(entry({ userId: 'once', what: 'retried', createdAt: '2026-11-01T09:00:05.000Z' }), 'card-1');
    expect(first.created).toBe(true);
    expect(again).toEqual({ created: false, entry: first.entry });
    const page = await store.listForUser('tenant-a', 'once', { limit: 10 });
    expect(page.entries.map((e) => e.what)).toEqual(['first try']);
  });

  it('saves concurrent repeats of one submission exactly once', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => store.addOnce(entry({ userId: 'race', what: `attempt ${i}` }), 'card-race')),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.entry.id)).size).toBe(1);
    const page = await store.listForUser('tenant-a', 'race', { limit: 50 });
    expect(page.entries).toHaveLength(1);
  });

  it('lists a learner’s entries newest first, page by page, and round-trips every field', async () => {
    const full = entry({
      userId: 'pager',
      createdAt: '2026-11-03T09:00:00.000Z',
      link: 'https://example.com/a?b=c#d',
      rating: 4,
      insight: 'Insight with | pipes / slashes # and ? marks',
      action: 'Act',
    });
    await store.addOnce(entry({ userId: 'pager', what: 'oldest', createdAt: '2026-10-01T09:00:00.000Z' }), 'p1');
    await store.addOnce(full, 'p2');
    await store.addOnce(entry({ userId: 'pager', what: 'middle', createdAt: '2026-10-15T09:00:00.000Z' }), 'p3');
    const first = await store.listForUser('tenant-a', 'pager', { limit: 2 });
    expect(first.entries.map((e) => e.createdAt)).toEqual(['2026-11-03T09:00:00.000Z', '2026-10-15T09:00:00.000Z']);
    expect(first.entries[0]).toEqual(full);
    expect(first.nextCursor).not.toBeNull();
    const second = await store.listForUser('tenant-a', 'pager', { limit: 2, cursor: first.nextCursor ?? undefined });
    expect(second.entries.map((e) => e.what)).toEqual(['oldest']);
  });

  it('keeps learners and tenants apart', async () => {
    await store.addOnce(entry({ tenantId: 'tenant-b', userId: 'same-user', what: 'in b' }), 'x1');
    await store.addOnce(entry({ tenantId: 'tenant-c', userId: 'same-user', what: 'in c' }), 'x1');
    const b = await store.listForUser('tenant-b', 'same-user', { limit: 10 });
    const c = await store.listForUser('tenant-c', 'same-user', { limit: 10 });
    expect(b.entries.map((e) => e.what)).toEqual(['in b']);
    expect(c.entries.map((e) => e.what)).toEqual(['in c']);
  });
});

describe('EntryStore cursors (Azurite)', () => {
  it('refuses a cursor that would continue someone else’s log', async () => {
    const { tables } = await freshTestStorage();
    const store = new EntryStore(tables.entries);
    for (const [i, user] of ['victim', 'victim', 'victim', 'attacker'].entries()) {
      await store.addOnce(entry({ userId: user, createdAt: `2026-11-0${i + 1}T00:00:00.000Z` }), `c${i}`);
    }
    const victimPage = await store.listForUser('tenant-a', 'victim', { limit: 1 });
    expect(victimPage.nextCursor).not.toBeNull();
    await expect(store.listForUser('tenant-a', 'attacker', { limit: 1, cursor: victimPage.nextCursor ?? '' })).rejects.toThrow(
      'The page cursor is not valid',
    );
    await expect(store.listForUser('tenant-a', 'victim', { limit: 1, cursor: '%%%not-base64' })).rejects.toThrow(
      'The page cursor is not valid',
    );
  });
});
