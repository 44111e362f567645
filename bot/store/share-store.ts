import { type TableClient, type TransactionAction, odata } from '@azure/data-tables';
import type { Share, ShareTally, ShareVote } from '../domain/share.js';
import type { MyShareVote } from '../contract/share-view.js';
import { keyOf, prefixEnd, tenantPartitions } from './keys.js';
import {
  SHARE,
  VOTE,
  fromShareEntity,
  fromVoteEntity,
  toShareEntity,
  toVoteEntity,
  withdrawnShare,
  type ShareEntity,
  type VoteEntity,
} from './share-entities.js';
import { deleteMatching, deletePartition, deleteRows, type RowKeys } from './row-deletes.js';
import { FEED_HELPFUL, FEED_INDEXED, FEED_NEWEST, feedPointers, helpfulKey, type FeedPointer } from './share-feed-index.js';
import {
  allOf,
  createAllOnce,
  createOnce,
  deleteIfPresent,
  getOrUndefined,
  listAcrossTenant,
  listPage,
  rowKeysUnder,
  submitIfUnchanged,
  updateIfUnchanged,
} from './table-ops.js';

type SavedEntity = { partitionKey: string; rowKey: string; teamId: string; shareId: string; savedAt: string };

type NoticeEntity = { partitionKey: string; rowKey: string; sentAt: string };

const SAVED = 'saved';
const NOTICE = 'helped';
/** Shares deleted side by side during retention: each is a few requests, so this keeps well under 32 in flight. */
const SHARES_DELETED_AT_ONCE = 8;

export interface StoredVote {
  vote: ShareVote | undefined;
  etag: string | undefined;
}

export interface SavedPointer {
  teamId: string;
  shareId: string;
  savedAt: string;
}

/**
 * Shares and their votes, one partition per team: each person's marks on a share are a row of
 * their own beside the share's row, which carries counters recounted from those rows (so a
 * lost or repeated write can never leave them wrong for good). A person's saved list and their "your share helped" notices live in a partition of
 * their own in the same table.
 */
export class ShareStore {
  constructor(private readonly table: TableClient) {}

  static teamPartition(tenantId: string, teamId: string): string {
    return keyOf(tenantId, teamId);
  }

  /** Three parts where a team's partition has two, so no team id can ever reach a person's. */
  static personPartition(tenantId: string, userId: string): string {
    return keyOf(tenantId, 'person', userId);
  }

  /** Creates the share with the sharer's own rating as their vote; false if it already exists. */
  async create(share: Share): Promise<boolean> {
    const partitionKey = ShareStore.teamPartition(share.tenantId, share.teamId);
    const rows: (ShareEntity | VoteEntity)[] = [toShareEntity(share)];
    if (share.sharerRating !== null) {
      rows.push(
        toVoteEntity(partitionKey, share.shareId, {
          userId: share.sharerId,
          helpful: false,
          saved: false,
          rating: share.sharerRating,
          resourceKey: share.resourceKey,
          at: share.createdAt,
        }),
      );
    }
    return createAllOnce(this.table, [...rows, ...feedPointers(partitionKey, share, share.tally.helpful)]);
  }

  async get(tenantId: string, teamId: string, shareId: string): Promise<{ share: Share; etag: string } | undefined> {
    const e = await getOrUndefined<ShareEntity>(this.table, ShareStore.teamPartition(tenantId, teamId), keyOf(SHARE, shareId));
    return e ? { share: fromShareEntity(tenantId, teamId, e), etag: e.etag } : undefined;
  }

  /** Records where the card was posted; leaves the counters alone. */
  async setPosted(share: Share, activityId: string): Promise<void> {
    await this.table.updateEntity(
      { partitionKey: ShareStore.teamPartition(share.tenantId, share.teamId), rowKey: keyOf(SHARE, share.shareId), activityId },
      'Merge',
    );
  }

  /** Rewrites the share (its content after the entry was edited) if unchanged since read; false if it changed meanwhile. */
  async replace(share: Share, etag: string): Promise<boolean> {
    return (await updateIfUnchanged(this.table, toShareEntity(share), 'Replace', etag)).kind === 'written';
  }

  /**
   * Marks the share withdrawn and clears what it said (title, words, link), if unchanged since
   * read; false if it changed or went meanwhile. The row is replaced, so nothing of the content stays.
   */
  async withdraw(share: Share, etag: string, at: string): Promise<Share | undefined> {
    const withdrawn = withdrawnShare(share, at);
    return (await updateIfUnchanged(this.table, toShareEntity(withdrawn), 'Replace', etag)).kind === 'written' ? withdrawn : undefined;
  }

  async getVote(tenantId: string, teamId: string, shareId: string, userId: string): Promise<StoredVote> {
    const e = await getOrUndefined<VoteEntity>(this.table, ShareStore.teamPartition(tenantId, teamId), keyOf(VOTE, shareId, userId));
    return { vote: e ? fromVoteEntity(e) : undefined, etag: e?.etag };
  }

  /** Writes one person's marks if unchanged since read (or still absent); false when they changed meanwhile. */
  async writeVote(tenantId: string, teamId: string, shareId: string, vote: ShareVote, etag: string | undefined): Promise<boolean> {
    const row = toVoteEntity(ShareStore.teamPartition(tenantId, teamId), shareId, vote);
    const outcome = etag ? await updateIfUnchanged(this.table, row, 'Replace', etag) : await createOnce(this.table, row);
    return outcome.kind === 'written' || outcome.kind === 'created';
  }

  /** Writes the share's counters if the share is unchanged since read; false when it changed meanwhile. */
  async writeTally(share: Share, etag: string, tally: ShareTally): Promise<boolean> {
    const partitionKey = ShareStore.teamPartition(share.tenantId, share.teamId);
    const row = { partitionKey, rowKey: keyOf(SHARE, share.shareId), ...tally };
    if (tally.helpful === share.tally.helpful) return (await updateIfUnchanged(this.table, row, 'Merge', etag)).kind === 'written';
    // The "most helpful" pointer moves with the count, in the same transaction as the count.
    const update: TransactionAction = ['update', row, 'Merge', { etag }];
    const moved: TransactionAction = ['upsert', feedPointers(partitionKey, share, tally.helpful)[1]!, 'Replace'];
    const old: TransactionAction = ['delete', { partitionKey, rowKey: helpfulKey(share, share.tally.helpful) }];
    if (await submitIfUnchanged(this.table, [update, old, moved])) return true;
    // A share from before the feed had pointers has no old one to delete; otherwise the share changed meanwhile.
    return submitIfUnchanged(this.table, [update, moved]);
  }

  /**
   * One page of the team's feed: the ids of its shares, newest or most helpful first, withdrawn
   * ones included (the caller reads each share and leaves those out).
   */
  async feedPage(
    tenantId: string,
    teamId: string,
    order: 'newest' | 'helpful',
    options: { limit: number; cursor?: string | undefined },
  ): Promise<{ pointers: FeedPointer[]; nextCursor: string | null }> {
    const partitionKey = ShareStore.teamPartition(tenantId, teamId);
    const page = await listPage<FeedPointer>(this.table, partitionKey, {
      ...options,
      filter: rowKeysUnder(order === 'newest' ? FEED_NEWEST : FEED_HELPFUL),
    });
    return { pointers: page.rows, nextCursor: page.nextCursor };
  }

  /** The ids of the team's shares made since `since`, newest first: one range read of the feed's pointers. */
  async sharedSince(tenantId: string, teamId: string, since: Date): Promise<string[]> {
    const partitionKey = ShareStore.teamPartition(tenantId, teamId);
    const rows = this.table.listEntities<FeedPointer>({
      queryOptions: {
        filter: allOf(odata`PartitionKey eq ${partitionKey}`, rowKeysUnder(FEED_NEWEST), odata`createdAt ge ${since.toISOString()}`),
        select: ['shareId'],
      },
    });
    const ids: string[] = [];
    for await (const e of rows) ids.push(e.shareId);
    return ids;
  }

  /**
   * Writes the feed's pointers for shares made before the feed had them, once per team: true when
   * it did (the caller reads its page again). Writing them twice is harmless (they are upserts).
   */
  async indexFeedOnce(tenantId: string, teamId: string): Promise<boolean> {
    const partitionKey = ShareStore.teamPartition(tenantId, teamId);
    if (await getOrUndefined(this.table, partitionKey, FEED_INDEXED)) return false;
    const rows = this.table.listEntities<ShareEntity>({
      queryOptions: { filter: allOf(odata`PartitionKey eq ${partitionKey}`, rowKeysUnder(keyOf(SHARE))) },
    });
    let batch: TransactionAction[] = [];
    for await (const e of rows) {
      if (e.withdrawnAt) continue;
      for (const pointer of feedPointers(partitionKey, e, e.helpful)) batch.push(['upsert', pointer, 'Replace']);
      if (batch.length >= 98) {
        await this.table.submitTransaction(batch);
        batch = [];
      }
    }
    if (batch.length > 0) await this.table.submitTransaction(batch);
    await createOnce(this.table, { partitionKey, rowKey: FEED_INDEXED, at: new Date().toISOString() });
    return true;
  }

  /** Deletes a pointer that no longer leads to a share to show (one gone or withdrawn, or counted since). */
  async dropFeedPointer(pointer: Pick<FeedPointer, 'partitionKey' | 'rowKey'>): Promise<void> {
    await deleteIfPresent(this.table, pointer.partitionKey, pointer.rowKey);
  }

  /** Every share in the team, withdrawn ones included (one range read; the caller filters). */
  async listTeamShares(tenantId: string, teamId: string): Promise<Share[]> {
    const shares: Share[] = [];
    for await (const share of this.streamTeamShares(tenantId, teamId)) shares.push(share);
    return shares;
  }

  /** The team's shares as `listTeamShares` lists them, one storage page in memory at a time (for passes over big teams). */
  async *streamTeamShares(tenantId: string, teamId: string): AsyncGenerator<Share> {
    const partitionKey = ShareStore.teamPartition(tenantId, teamId);
    const rows = this.table.listEntities<ShareEntity>({
      queryOptions: { filter: allOf(odata`PartitionKey eq ${partitionKey}`, rowKeysUnder(keyOf(SHARE))) },
    });
    for await (const e of rows) yield fromShareEntity(tenantId, teamId, e);
  }

  /** Every vote in the team, or only one person's. */
  async listTeamVotes(tenantId: string, teamId: string, userId?: string): Promise<(ShareVote & { shareId: string })[]> {
    const votes: (ShareVote & { shareId: string })[] = [];
    for await (const vote of this.streamTeamVotes(tenantId, teamId, userId)) votes.push(vote);
    return votes;
  }

  /** The team's votes as `listTeamVotes` lists them, one storage page in memory at a time. */
  async *streamTeamVotes(tenantId: string, teamId: string, userId?: string): AsyncGenerator<ShareVote & { shareId: string }> {
    const partitionKey = ShareStore.teamPartition(tenantId, teamId);
    const teamVotes = allOf(odata`PartitionKey eq ${partitionKey}`, rowKeysUnder(keyOf(VOTE)));
    const filter = userId === undefined ? teamVotes : allOf(teamVotes, odata`userId eq ${userId}`);
    for await (const e of this.table.listEntities<VoteEntity>({ queryOptions: { filter } }))
      yield { ...fromVoteEntity(e), shareId: e.shareId };
  }

  /** The votes on one share, to recompute its counters. */
  async listShareVotes(tenantId: string, teamId: string, shareId: string): Promise<ShareVote[]> {
    const partitionKey = ShareStore.teamPartition(tenantId, teamId);
    const votes: ShareVote[] = [];
    const rows = this.table.listEntities<VoteEntity>({
      queryOptions: { filter: allOf(odata`PartitionKey eq ${partitionKey}`, rowKeysUnder(keyOf(VOTE, shareId))) },
    });
    for await (const e of rows) votes.push(fromVoteEntity(e));
    return votes;
  }

  /**
   * Every share and vote in the tenant's teams, for the organisation's resource lists: one
   * range read over the tenant's team partitions (a person's partition holds neither kind of row).
   */
  async listTenant(tenantId: string): Promise<{ shares: Share[]; votes: (ShareVote & { teamKey: string; shareId: string })[] }> {
    const from = `${keyOf(tenantId)}|`;
    const to = prefixEnd(keyOf(tenantId));
    const shares: Share[] = [];
    const votes: (ShareVote & { teamKey: string; shareId: string })[] = [];
    const rows = this.table.listEntities<ShareEntity | VoteEntity>({
      queryOptions: {
        filter: allOf(odata`PartitionKey gt ${from} and PartitionKey lt ${to}`, `((${rowKeysUnder(SHARE)}) or (${rowKeysUnder(VOTE)}))`),
      },
    });
    for await (const e of rows) {
      if (e.rowKey.startsWith(`${SHARE}|`)) {
        const teamId = decodeURIComponent(e.partitionKey.split('|')[1] ?? '');
        shares.push(fromShareEntity(tenantId, teamId, e as ShareEntity));
      } else if (e.rowKey.startsWith(`${VOTE}|`)) {
        const v = e as VoteEntity;
        votes.push({ ...fromVoteEntity(v), teamKey: v.partitionKey, shareId: v.shareId });
      }
    }
    return { shares, votes };
  }

  /** Keeps a person's saved list in step with their vote; idempotent either way. */
  async setSaved(tenantId: string, userId: string, pointer: SavedPointer, saved: boolean): Promise<void> {
    const partitionKey = ShareStore.personPartition(tenantId, userId);
    const rowKey = keyOf(SAVED, pointer.teamId, pointer.shareId);
    if (saved) {
      const entity: SavedEntity = { partitionKey, rowKey, ...pointer };
      await this.table.upsertEntity(entity, 'Replace');
      return;
    }
    await deleteIfPresent(this.table, partitionKey, rowKey);
  }

  async listSaved(tenantId: string, userId: string): Promise<SavedPointer[]> {
    const partitionKey = ShareStore.personPartition(tenantId, userId);
    const saved: SavedPointer[] = [];
    const rows = this.table.listEntities<SavedEntity>({
      queryOptions: { filter: allOf(odata`PartitionKey eq ${partitionKey}`, rowKeysUnder(keyOf(SAVED))) },
    });
    for await (const e of rows) saved.push({ teamId: e.teamId, shareId: e.shareId, savedAt: e.savedAt });
    return saved;
  }

  /** Claims the one "your share helped" notice a sharer may get on a day; false if already claimed. */
  async claimHelpedNotice(tenantId: string, userId: string, day: string, at: string): Promise<boolean> {
    const entity: NoticeEntity = { partitionKey: ShareStore.personPartition(tenantId, userId), rowKey: keyOf(NOTICE, day), sentAt: at };
    return (await createOnce(this.table, entity)).kind === 'created';
  }

  /** The days a sharer was told their share helped, for their own export. */
  async listHelpedNotices(tenantId: string, userId: string): Promise<string[]> {
    const from = keyOf(NOTICE);
    const rows = this.table.listEntities<NoticeEntity>({
      queryOptions: { filter: allOf(odata`PartitionKey eq ${ShareStore.personPartition(tenantId, userId)}`, rowKeysUnder(from)) },
    });
    const days: string[] = [];
    for await (const e of rows) days.push(decodeURIComponent(e.rowKey.slice(from.length + 1)));
    return days;
  }

  /** Every share the person made in any of the tenant's teams, teams they left included. */
  async listSharesBy(tenantId: string, userId: string): Promise<Share[]> {
    return listAcrossTenant<ShareEntity, Share>(this.table, tenantId, SHARE, odata`sharerId eq ${userId}`, (e, teamId) =>
      fromShareEntity(tenantId, teamId, e),
    );
  }

  /** Every mark the person gave, on anyone's share in the tenant. */
  async listVotesBy(tenantId: string, userId: string): Promise<(ShareVote & { teamId: string; shareId: string })[]> {
    const { from, to } = tenantPartitions(tenantId);
    const rows = this.table.listEntities<VoteEntity>({
      queryOptions: {
        filter: allOf(odata`PartitionKey gt ${from} and PartitionKey lt ${to}`, rowKeysUnder(VOTE), odata`userId eq ${userId}`),
      },
    });
    const votes: (ShareVote & { teamId: string; shareId: string })[] = [];
    for await (const e of rows)
      votes.push({ ...fromVoteEntity(e), teamId: decodeURIComponent(e.partitionKey.slice(from.length)), shareId: e.shareId });
    return votes;
  }

  async deleteVote(tenantId: string, teamId: string, shareId: string, userId: string): Promise<void> {
    await deleteIfPresent(this.table, ShareStore.teamPartition(tenantId, teamId), keyOf(VOTE, shareId, userId));
  }

  /**
   * Deletes a share with every mark on it and every saved-list row pointing at it (the marks say
   * who saved it): those first, then the marks, then the share, so a run cut short still finds the
   * share and finishes.
   */
  async deleteShare(tenantId: string, teamId: string, shareId: string): Promise<void> {
    const partitionKey = ShareStore.teamPartition(tenantId, teamId);
    const marks = this.table.listEntities<VoteEntity>({
      queryOptions: {
        filter: allOf(odata`PartitionKey eq ${partitionKey}`, rowKeysUnder(keyOf(VOTE, shareId))),
        select: ['RowKey', 'userId', 'saved'],
      },
    });
    const votes: RowKeys[] = [];
    for await (const mark of marks) {
      votes.push({ partitionKey, rowKey: mark.rowKey });
      if (mark.saved) await deleteIfPresent(this.table, ShareStore.personPartition(tenantId, mark.userId), keyOf(SAVED, teamId, shareId));
    }
    await deleteRows(this.table, votes);
    const found = await this.get(tenantId, teamId, shareId);
    if (found) await deleteRows(this.table, feedPointers(partitionKey, found.share, found.share.tally.helpful));
    await deleteIfPresent(this.table, partitionKey, keyOf(SHARE, shareId));
  }

  /**
   * Past retention: every share made before the cutoff goes with its marks, pointers and the
   * saved-list rows pointing at it, a page of shares at a time (memory bounded by the page, not
   * the tenant), and "your share helped" notices sent before it. Answers what went.
   */
  async removeBefore(tenantId: string, cutoff: Date): Promise<{ shares: number; helpedNotices: number }> {
    const { from, to } = tenantPartitions(tenantId);
    const before = cutoff.toISOString();
    const old = this.table
      .listEntities<ShareEntity>({
        queryOptions: {
          filter: allOf(odata`PartitionKey gt ${from} and PartitionKey lt ${to}`, rowKeysUnder(SHARE), odata`createdAt lt ${before}`),
          select: ['PartitionKey', 'shareId'],
        },
      })
      .byPage({ maxPageSize: 100 });
    let shares = 0;
    for await (const page of old) {
      for (let i = 0; i < page.length; i += SHARES_DELETED_AT_ONCE) {
        await Promise.all(
          page
            .slice(i, i + SHARES_DELETED_AT_ONCE)
            .map((e) => this.deleteShare(tenantId, decodeURIComponent(e.partitionKey.slice(from.length)), e.shareId)),
        );
      }
      shares += page.length;
    }
    // Pointers left by a run cut short between a share's pointers and its row.
    await deleteMatching(
      this.table,
      allOf(
        odata`PartitionKey gt ${from} and PartitionKey lt ${to}`,
        `((${rowKeysUnder(FEED_NEWEST)}) or (${rowKeysUnder(FEED_HELPFUL)}))`,
        odata`createdAt lt ${before}`,
      ),
    );
    const helpedNotices = await deleteMatching(
      this.table,
      allOf(odata`PartitionKey gt ${from} and PartitionKey lt ${to}`, rowKeysUnder(NOTICE), odata`sentAt lt ${before}`),
    );
    return { shares, helpedNotices };
  }

  /** Deletes the person's own partition: their saved list and their "your share helped" notices. */
  async removePerson(tenantId: string, userId: string): Promise<number> {
    return deletePartition(this.table, ShareStore.personPartition(tenantId, userId));
  }
}

export type { MyShareVote };
