import { type TransactionAction, odata } from '@azure/data-tables';
import type { Share, ShareTally, ShareVote } from '../domain/share.js';
import type { MyShareVote } from '../contract/share-view.js';
import { keyOf, tenantPartitions } from './keys.js';
import { SHARE, VOTE, toShareEntity, toVoteEntity, withdrawnShare, type ShareEntity, type VoteEntity } from './share-entities.js';
import { deleteMatching, deletePartition, deleteRows, type RowKeys } from './row-deletes.js';
import { FEED_HELPFUL, FEED_INDEXED, FEED_NEWEST, feedPointers, helpfulKey, type FeedPointer } from './share-feed-index.js';
import { NOTICE, SAVED, ShareReads, type NoticeEntity, type SavedEntity, type SavedPointer } from './share-reads.js';
import {
  allOf,
  createAllOnce,
  createOnce,
  deleteIfPresent,
  getOrUndefined,
  rowKeysUnder,
  submitIfUnchanged,
  updateIfUnchanged,
} from './table-ops.js';

/** Shares deleted side by side during retention: each is a few requests, so this keeps well under 32 in flight. */
const SHARES_DELETED_AT_ONCE = 8;

/**
 * Shares and their votes, one partition per team: each person's marks on a share are a row of
 * their own beside the share's row, which carries counters recounted from those rows (so a
 * lost or repeated write can never leave them wrong for good). A person's saved list and their "your share helped" notices live in a partition of
 * their own in the same table. The reads are ShareReads' (share-reads.ts); this class adds the writes.
 */
export class ShareStore extends ShareReads {
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

  /** Claims the one "your share helped" notice a sharer may get on a day; false if already claimed. */
  async claimHelpedNotice(tenantId: string, userId: string, day: string, at: string): Promise<boolean> {
    const entity: NoticeEntity = { partitionKey: ShareStore.personPartition(tenantId, userId), rowKey: keyOf(NOTICE, day), sentAt: at };
    return (await createOnce(this.table, entity)).kind === 'created';
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
