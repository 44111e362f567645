import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SavedSharesResponse, SharesResponse, ShareView } from '../../bot/contract/api.js';
import { tableClients } from '../../bot/store/table-clients.js';
import { FEED_HELPFUL, FEED_INDEXED, FEED_NEWEST } from '../../bot/store/share-feed-index.js';
import { ShareStore } from '../../bot/store/share-store.js';
import { rowKeysUnder } from '../../bot/store/table-ops.js';
import { startTestService, type RunningTestService } from '../../bot/testing/test-service.js';
import { problemOf } from '../support/problem.js';
import { DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';

const tenantId = DEMO_TENANT_ID;
const teamId = '19:feed-paging@thread.tacv2';
const people = Array.from({ length: 6 }, (_, i) => ({ userId: `b0000000-0000-4000-8000-00000000000${i}`, displayName: `Person ${i}` }));
const [sharer, reader] = [people[0]!, people[1]!];
const SHARES = 45;

describe('the team feed and the saved list, a page at a time (Azurite)', () => {
  let service: RunningTestService;
  let now = new Date('2026-11-02T09:00:00Z');
  const url = (path: string) => `${service.baseUrl}/api/v1${path}`;
  const as = (userId: string) => ({ 'x-local-tenant-id': tenantId, 'x-local-user-id': userId, 'content-type': 'application/json' });
  const feedPath = `/teams/${encodeURIComponent(teamId)}/shares`;
  const shareIds: string[] = [];

  async function get<T>(path: string, userId = reader.userId): Promise<T> {
    const res = await fetch(url(path), { headers: as(userId) });
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  }

  /** Every page of the feed in one order, following nextCursor to the end. */
  async function wholeFeed(sort: 'newest' | 'helpful', limit: number): Promise<{ shares: ShareView[]; pages: number }> {
    const shares: ShareView[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `?sort=${sort}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page: SharesResponse = await get<SharesResponse>(`${feedPath}${query}`);
      expect(page.shares.length).toBeLessThanOrEqual(limit);
      shares.push(...page.shares);
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    return { shares, pages };
  }

  /** What the feed must be, from every share row of the team. */
  async function expected(sort: 'newest' | 'helpful'): Promise<string[]> {
    const all = (await service.stores.shares.listTeamShares(tenantId, teamId)).filter((s) => !s.withdrawnAt);
    all.sort((a, b) =>
      sort === 'helpful'
        ? b.tally.helpful - a.tally.helpful || b.createdAt.localeCompare(a.createdAt)
        : b.createdAt.localeCompare(a.createdAt),
    );
    return all.map((s) => s.shareId);
  }

  beforeAll(async () => {
    service = await startTestService(
      {},
      { clock: () => now, sharePublisher: { post: async () => undefined, update: async () => true, tellPerson: async () => true } },
    );
    await service.stores.teams.createSettingsIfAbsent({
      tenantId,
      teamId,
      name: 'Feed paging',
      schedule: null,
      sharesChannelId: teamId,
      updatedBy: null,
      updatedAt: now.toISOString(),
    });
    for (const p of people) {
      // Local mode signs in only people the bot has met.
      await service.services.people.noteSeen({ tenantId, ...p, teamsUserId: `29:${p.userId}` });
      await service.stores.teams.upsertMember({
        tenantId,
        teamId,
        ...p,
        teamsUserId: `29:${p.userId}`,
        role: 'member',
        joinedAt: now.toISOString(),
      });
    }
    for (let i = 0; i < SHARES; i++) {
      now = new Date(now.getTime() + 3_600_000);
      const saved = await service.services.checkIns.submit(
        { tenantId, userId: sharer.userId },
        {
          cardId: `feed-entry-${String(i).padStart(4, '0')}`,
          what: `Share number ${i}`,
          sourceType: 'article',
          link: `https://example.com/${i}`,
        },
      );
      if (saved.status !== 'saved') throw new Error('the entry should save');
      const shared = await service.services.sharing.shareEntry({ tenantId, userId: sharer.userId }, saved.entry, teamId, ['link']);
      if (shared.status !== 'shared') throw new Error('the entry should share');
      shareIds.push(saved.entry.id);
    }
    // Some shares found helpful by a few people, so "most helpful" differs from "newest".
    for (const [i, voters] of [
      [3, 4],
      [10, 2],
      [20, 4],
      [40, 1],
      [7, 2],
    ] as const)
      for (const voter of people.slice(1, 1 + voters)) {
        const res = await fetch(url(`${feedPath}/${shareIds[i]}/my-vote`), {
          method: 'PUT',
          headers: as(voter.userId),
          body: JSON.stringify({ helpful: true, saved: true }),
        });
        expect(res.status).toBe(200);
      }
  }, 120_000);
  afterAll(() => service.stop());

  it('pages the feed newest first to its end, each share once', async () => {
    const { shares, pages } = await wholeFeed('newest', 20);
    expect(pages).toBe(3);
    expect(shares.map((s) => s.shareId)).toEqual(await expected('newest'));
  });

  it('pages the feed most helpful first, votes included, with the reader’s own marks', async () => {
    const { shares } = await wholeFeed('helpful', 10);
    expect(shares.map((s) => s.shareId)).toEqual(await expected('helpful'));
    expect(shares.slice(0, 3).map((s) => s.helpful)).toEqual([4, 4, 2]);
    expect(shares.find((s) => s.shareId === shareIds[3])?.mine).toMatchObject({ helpful: true, saved: true });
    // Found helpful after the feed was first read: the share moves up the order with its count.
    for (const voter of people.slice(1)) {
      const res = await fetch(url(`${feedPath}/${shareIds[30]}/my-vote`), {
        method: 'PUT',
        headers: as(voter.userId),
        body: '{"helpful":true}',
      });
      expect(res.status).toBe(200);
    }
    const after = await wholeFeed('helpful', 10);
    expect(after.shares[0]).toMatchObject({ shareId: shareIds[30], helpful: 5 });
    expect(after.shares.map((s) => s.shareId)).toEqual(await expected('helpful'));
  });

  it('leaves withdrawn shares out', async () => {
    const entry = (await service.stores.entries.listAll(tenantId, sharer.userId)).find((e) => e.id === shareIds[44]);
    await service.services.sharing.withdrawEntry({ tenantId, userId: sharer.userId }, entry!.id);
    const { shares } = await wholeFeed('newest', 20);
    expect(shares.map((s) => s.shareId)).not.toContain(shareIds[44]);
    expect(shares).toHaveLength(SHARES - 1);
  });

  it('builds the feed’s pointers for shares written before the feed had them, the first time it is read', async () => {
    const table = tableClients(service.config.storage).shares;
    const partitionKey = ShareStore.teamPartition(tenantId, teamId);
    const pointers: { partitionKey: string; rowKey: string }[] = [];
    const filter = `PartitionKey eq '${partitionKey.replace(/'/g, "''")}' and ((${rowKeysUnder(FEED_NEWEST)}) or (${rowKeysUnder(FEED_HELPFUL)}))`;
    for await (const e of table.listEntities({ queryOptions: { filter } }))
      pointers.push({ partitionKey: e.partitionKey!, rowKey: e.rowKey! });
    expect(pointers.length).toBeGreaterThanOrEqual(2 * (SHARES - 1));
    for (const p of pointers) await table.deleteEntity(p.partitionKey, p.rowKey);
    await table.deleteEntity(partitionKey, FEED_INDEXED).catch(() => undefined);
    expect((await get<SharesResponse>(`${feedPath}?limit=5`)).shares).toHaveLength(5);
    expect((await wholeFeed('helpful', 20)).shares.map((s) => s.shareId)).toEqual(await expected('helpful'));
    expect((await wholeFeed('newest', 20)).shares.map((s) => s.shareId)).toEqual(await expected('newest'));
  });

  it('pages the saved list newest saved first', async () => {
    const first = await get<SavedSharesResponse>('/me/saved?limit=2');
    expect(first.saved).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const rest = await get<SavedSharesResponse>(`/me/saved?limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`);
    const last = await get<SavedSharesResponse>(`/me/saved?limit=2&cursor=${encodeURIComponent(rest.nextCursor!)}`);
    const all = [...first.saved, ...rest.saved, ...last.saved].map((s) => s.shareId);
    expect(new Set(all)).toEqual(new Set([3, 10, 20, 40, 7].map((i) => shareIds[i])));
    expect(last.nextCursor).toBeNull();
  });

  it('answers a cursor it did not issue with a 400 that names it', async () => {
    for (const path of [`${feedPath}?cursor=not-a-cursor`, '/me/saved?cursor=bm90IGEgY3Vyc29y']) {
      const res = await fetch(url(path), { headers: as(reader.userId) });
      expect(res.status).toBe(400);
      expect((await problemOf(res)).code).toBe('invalid_cursor');
    }
  });
});
