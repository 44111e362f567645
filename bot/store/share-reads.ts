import { type TableClient, odata } from '@azure/data-tables';
import type { Share, ShareVote } from '../domain/share.js';
import { keyOf, prefixEnd, tenantPartitions } from './keys.js';
import { SHARE, VOTE, fromShareEntity, fromVoteEntity, type ShareEntity, type VoteEntity } from './share-entities.js';
import { FEED_HELPFUL, FEED_NEWEST, type FeedPointer } from './share-feed-index.js';
import { allOf, getOrUndefined, listAcrossTenant, listPage, rowKeysUnder } from './table-ops.js';

export type SavedEntity = { partitionKey: string; rowKey: string; teamId: string; shareId: string; savedAt: string };

export type NoticeEntity = { partitionKey: string; rowKey: string; sentAt: string };

export const SAVED = 'saved';
export const NOTICE = 'helped';

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
 * The reads of the shares table (share-store.ts has its layout and writes): a share and a mark,
 * the team's feed a page at a time, a team's or the tenant's shares and marks, and a person's
 * saved list and "your share helped" notices.
 */
export class ShareReads {
  constructor(protected readonly table: TableClient) {}

  static teamPartition(tenantId: string, teamId: string): string {
    return keyOf(tenantId, teamId);
  }

  /** Three parts where a team's partition has two, so no team id can ever reach a person's. */
  static personPartition(tenantId: string, userId: string): string {
    return keyOf(tenantId, 'person', userId);
  }

  async get(tenantId: string, teamId: string, shareId: string): Promise<{ share: Share; etag: string } | undefined> {
    const e = await getOrUndefined<ShareEntity>(this.table, ShareReads.teamPartition(tenantId, teamId), keyOf(SHARE, shareId));
    return e ? { share: fromShareEntity(tenantId, teamId, e), etag: e.etag } : undefined;
  }

  async getVote(tenantId: string, teamId: string, shareId: string, userId: string): Promise<StoredVote> {
    const e = await getOrUndefined<VoteEntity>(this.table, ShareReads.teamPartition(tenantId, teamId), keyOf(VOTE, shareId, userId));
    return { vote: e ? fromVoteEntity(e) : undefined, etag: e?.etag };
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
    const partitionKey = ShareReads.teamPartition(tenantId, teamId);
    const page = await listPage<FeedPointer>(this.table, partitionKey, {
      ...options,
      filter: rowKeysUnder(order === 'newest' ? FEED_NEWEST : FEED_HELPFUL),
    });
    return { pointers: page.rows, nextCursor: page.nextCursor };
  }

  /** The ids of the team's shares made since `since`, newest first: one range read of the feed's pointers. */
  async sharedSince(tenantId: string, teamId: string, since: Date): Promise<string[]> {
    const partitionKey = ShareReads.teamPartition(tenantId, teamId);
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

  /** Every share in the team, withdrawn ones included (one range read; the caller filters). */
  async listTeamShares(tenantId: string, teamId: string): Promise<Share[]> {
    const shares: Share[] = [];
    for await (const share of this.streamTeamShares(tenantId, teamId)) shares.push(share);
    return shares;
  }

  /** The team's shares as `listTeamShares` lists them, one storage page in memory at a time (for passes over big teams). */
  async *streamTeamShares(tenantId: string, teamId: string): AsyncGenerator<Share> {
    const partitionKey = ShareReads.teamPartition(tenantId, teamId);
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
    const partitionKey = ShareReads.teamPartition(tenantId, teamId);
    const teamVotes = allOf(odata`PartitionKey eq ${partitionKey}`, rowKeysUnder(keyOf(VOTE)));
    const filter = userId === undefined ? teamVotes : allOf(teamVotes, odata`userId eq ${userId}`);
    for await (const e of this.table.listEntities<VoteEntity>({ queryOptions: { filter } }))
      yield { ...fromVoteEntity(e), shareId: e.shareId };
  }

  /** The votes on one share, to recompute its counters. */
  async listShareVotes(tenantId: string, teamId: string, shareId: string): Promise<ShareVote[]> {
    const partitionKey = ShareReads.teamPartition(tenantId, teamId);
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

  async listSaved(tenantId: string, userId: string): Promise<SavedPointer[]> {
    const partitionKey = ShareReads.personPartition(tenantId, userId);
    const saved: SavedPointer[] = [];
    const rows = this.table.listEntities<SavedEntity>({
      queryOptions: { filter: allOf(odata`PartitionKey eq ${partitionKey}`, rowKeysUnder(keyOf(SAVED))) },
    });
    for await (const e of rows) saved.push({ teamId: e.teamId, shareId: e.shareId, savedAt: e.savedAt });
    return saved;
  }

  /** The days a sharer was told their share helped, for their own export. */
  async listHelpedNotices(tenantId: string, userId: string): Promise<string[]> {
    const from = keyOf(NOTICE);
    const rows = this.table.listEntities<NoticeEntity>({
      queryOptions: { filter: allOf(odata`PartitionKey eq ${ShareReads.personPartition(tenantId, userId)}`, rowKeysUnder(from)) },
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
}
