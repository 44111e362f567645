import { type TableClient, odata } from '@azure/data-tables';
import type { OneToOneItem, OneToOneKind } from '../contract/one-to-one.js';
import { keyOf, prefixEnd, tenantPartitions } from './keys.js';
import { deleteMatching } from './row-deletes.js';
import { allOf, deleteIfPresent, rowKeysUnder, updateIfUnchanged } from './table-ops.js';

/** Whose list: one team, one of its leads, one member. */
export interface OneToOnePair {
  tenantId: string;
  teamId: string;
  leadId: string;
  memberId: string;
}

type ItemEntity = {
  partitionKey: string;
  rowKey: string;
  teamId: string;
  leadId: string;
  memberId: string;
  itemId: string;
  kind: string;
  refId?: string;
  text: string;
  addedById: string;
  addedByName: string;
  addedAt: string;
  tickedById?: string;
  tickedByName?: string;
  tickedAt?: string;
};

const ITEM = 'i';

/**
 * 1:1 lists, one partition per pair (`tenant|member|team|lead`): a list is one read, and a
 * member's lists (their export, their erasure) are one range of partitions.
 */
export class OneToOneStore {
  constructor(private readonly table: TableClient) {}

  async create(pair: OneToOnePair, item: OneToOneItem): Promise<void> {
    await this.table.createEntity(toEntity(pair, item));
  }

  /** The pair's items in the order they were added, each with its ETag. */
  async list(pair: OneToOnePair): Promise<{ item: OneToOneItem; etag: string }[]> {
    const rows = this.table.listEntities<ItemEntity>({
      queryOptions: { filter: allOf(odata`PartitionKey eq ${partitionOf(pair)}`, rowKeysUnder(ITEM)) },
    });
    const found: { item: OneToOneItem; etag: string }[] = [];
    for await (const e of rows) found.push({ item: fromEntity(e), etag: e.etag });
    return found;
  }

  /** Ticks an item off if it is unchanged since read; false if it changed or went meanwhile. */
  async tick(pair: OneToOnePair, item: OneToOneItem, etag: string, ticked: NonNullable<OneToOneItem['ticked']>): Promise<boolean> {
    const row = {
      partitionKey: partitionOf(pair),
      rowKey: keyOf(ITEM, item.itemId),
      tickedById: ticked.by.userId,
      tickedByName: ticked.by.displayName,
      tickedAt: ticked.at,
    };
    return (await updateIfUnchanged(this.table, row, 'Merge', etag)).kind === 'written';
  }

  async remove(pair: OneToOnePair, itemId: string): Promise<boolean> {
    return deleteIfPresent(this.table, partitionOf(pair), keyOf(ITEM, itemId));
  }

  /** Every list the person is the member of, as pairs with their items: their export. */
  async listForMember(tenantId: string, memberId: string): Promise<{ pair: OneToOnePair; item: OneToOneItem }[]> {
    const rows = this.table.listEntities<ItemEntity>({ queryOptions: { filter: memberPartitions(tenantId, memberId) } });
    const found: { pair: OneToOnePair; item: OneToOneItem }[] = [];
    for await (const e of rows) found.push({ pair: { tenantId, teamId: e.teamId, leadId: e.leadId, memberId }, item: fromEntity(e) });
    return found;
  }

  /**
   * Erases every list the person is part of: those they are the member of (a range of partitions)
   * and those they lead (found across the tenant by lead). A list is the pair's; without one of
   * them it has nobody to be discussed with.
   */
  async removePerson(tenantId: string, userId: string): Promise<number> {
    const { from, to } = tenantPartitions(tenantId);
    return (
      (await deleteMatching(this.table, memberPartitions(tenantId, userId))) +
      (await deleteMatching(this.table, odata`PartitionKey gt ${from} and PartitionKey lt ${to} and leadId eq ${userId}`))
    );
  }

  /** Retention: every item of the tenant's lists put on them before `cutoff`, ticked off or not. */
  async removeAddedBefore(tenantId: string, cutoff: Date): Promise<number> {
    const { from, to } = tenantPartitions(tenantId);
    return deleteMatching(this.table, odata`PartitionKey gt ${from} and PartitionKey lt ${to} and addedAt lt ${cutoff.toISOString()}`);
  }
}

function partitionOf(pair: OneToOnePair): string {
  return keyOf(pair.tenantId, pair.memberId, pair.teamId, pair.leadId);
}

function memberPartitions(tenantId: string, memberId: string): string {
  const member = keyOf(tenantId, memberId);
  return odata`PartitionKey gt ${`${member}|`} and PartitionKey lt ${prefixEnd(member)}`;
}

function toEntity(pair: OneToOnePair, item: OneToOneItem): ItemEntity {
  return {
    partitionKey: partitionOf(pair),
    rowKey: keyOf(ITEM, item.itemId),
    teamId: pair.teamId,
    leadId: pair.leadId,
    memberId: pair.memberId,
    itemId: item.itemId,
    kind: item.kind,
    ...(item.refId ? { refId: item.refId } : {}),
    text: item.text,
    addedById: item.addedBy.userId,
    addedByName: item.addedBy.displayName,
    addedAt: item.addedAt,
    ...(item.ticked ? { tickedById: item.ticked.by.userId, tickedByName: item.ticked.by.displayName, tickedAt: item.ticked.at } : {}),
  };
}

function fromEntity(e: ItemEntity): OneToOneItem {
  return {
    itemId: e.itemId,
    kind: e.kind as OneToOneKind,
    refId: e.refId ?? null,
    text: e.text,
    addedBy: { userId: e.addedById, displayName: e.addedByName },
    addedAt: e.addedAt,
    ticked: e.tickedAt && e.tickedById ? { by: { userId: e.tickedById, displayName: e.tickedByName ?? '' }, at: e.tickedAt } : null,
  };
}
