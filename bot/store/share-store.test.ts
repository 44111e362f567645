import { describe, expect, it } from 'vitest';
import { EMPTY_TALLY, type Share } from '../domain/share.js';
import { freshTestStorage } from '../testing/test-storage.js';
import { ShareStore } from './share-store.js';

const share: Share = {
  tenantId: 't1',
  teamId: '19:team/with?odd#chars@thread.tacv2',
  shareId: 'entry-0001',
  sharerId: 'u-sharer',
  sharerName: 'Sam Sharer',
  what: 'Feature flags',
  sourceType: 'article',
  link: 'https://example.com/flags',
  resourceKey: 'abcdefghijklmnopqrstuv',
  insight: null,
  action: null,
  sharerRating: 4,
  createdAt: '2026-11-27T10:00:00.000Z',
  withdrawnAt: null,
  channelId: '19:shares@thread.tacv2',
  activityId: null,
  tally: { ...EMPTY_TALLY, ratingSum: 4, ratingCount: 1 },
};
const vote = (userId: string, helpful: boolean) => ({
  userId,
  helpful,
  saved: false,
  rating: null,
  resourceKey: share.resourceKey,
  at: '2026-11-27T11:00:00.000Z',
});

describe('ShareStore (Azurite)', () => {
  it('creates a share once, with the sharer’s rating as their vote, even with key-hostile team ids', async () => {
    const store = new ShareStore((await freshTestStorage()).tables.shares);
    expect(await store.create(share)).toBe(true);
    expect(await store.create(share)).toBe(false);
    expect((await store.get('t1', share.teamId, share.shareId))?.share).toEqual(share);
    expect(await store.listShareVotes('t1', share.teamId, share.shareId)).toEqual([
      expect.objectContaining({ userId: 'u-sharer', rating: 4 }),
    ]);
  });

  it('refuses a vote or a recount that lost a race, so a stale writer can never overwrite a newer one', async () => {
    const store = new ShareStore((await freshTestStorage()).tables.shares);
    await store.create(share);
    expect(await store.writeVote('t1', share.teamId, share.shareId, vote('u1', true), undefined)).toBe(true);
    // A second click that read "no vote yet" finds one was written meanwhile.
    expect(await store.writeVote('t1', share.teamId, share.shareId, vote('u1', true), undefined)).toBe(false);
    const { etag: voteEtag } = await store.getVote('t1', share.teamId, share.shareId, 'u1');
    expect(await store.writeVote('t1', share.teamId, share.shareId, vote('u1', false), voteEtag)).toBe(true);
    expect(await store.writeVote('t1', share.teamId, share.shareId, vote('u1', true), voteEtag)).toBe(false);
    expect((await store.getVote('t1', share.teamId, share.shareId, 'u1')).vote?.helpful).toBe(false);

    const read = (await store.get('t1', share.teamId, share.shareId))!;
    expect(await store.writeTally(read.share, read.etag, { ...read.share.tally, helpful: 1 })).toBe(true);
    expect(await store.writeTally(read.share, read.etag, { ...read.share.tally, helpful: 7 })).toBe(false);
    expect((await store.get('t1', share.teamId, share.shareId))?.share.tally.helpful).toBe(1);
  });

  it('keeps a person’s saved list and notices in their own partition, out of the team’s and the organisation’s reads', async () => {
    const store = new ShareStore((await freshTestStorage()).tables.shares);
    await store.create(share);
    await store.setSaved('t1', 'u1', { teamId: share.teamId, shareId: share.shareId, savedAt: '2026-11-27T12:00:00.000Z' }, true);
    await store.setSaved('t1', 'u1', { teamId: share.teamId, shareId: share.shareId, savedAt: '2026-11-27T12:00:00.000Z' }, true);
    expect(await store.listSaved('t1', 'u1')).toHaveLength(1);
    expect(await store.claimHelpedNotice('t1', 'u-sharer', '2026-11-27', '2026-11-27T12:00:00.000Z')).toBe(true);
    expect(await store.claimHelpedNotice('t1', 'u-sharer', '2026-11-27', '2026-11-27T13:00:00.000Z')).toBe(false);
    const organisation = await store.listTenant('t1');
    expect(organisation.shares.map((s) => [s.teamId, s.shareId])).toEqual([[share.teamId, share.shareId]]);
    expect(organisation.votes).toHaveLength(1);
    expect((await store.listTenant('t2')).shares).toEqual([]);
    await store.setSaved('t1', 'u1', { teamId: share.teamId, shareId: share.shareId, savedAt: '' }, false);
    await store.setSaved('t1', 'u1', { teamId: share.teamId, shareId: share.shareId, savedAt: '' }, false);
    expect(await store.listSaved('t1', 'u1')).toEqual([]);
  });
});

describe('ShareStore ranges', () => {
  it('counts only a share’s own votes, never those of a share whose id starts the same', async () => {
    const store = new ShareStore((await freshTestStorage()).tables.shares);
    await store.create({ ...share, shareId: 'entry-0001', sharerRating: null });
    await store.create({ ...share, shareId: 'entry-00012', sharerRating: null });
    await store.writeVote('t1', share.teamId, 'entry-00012', vote('u1', true), undefined);
    expect(await store.listShareVotes('t1', share.teamId, 'entry-0001')).toEqual([]);
    expect(await store.listShareVotes('t1', share.teamId, 'entry-00012')).toHaveLength(1);
  });
});
