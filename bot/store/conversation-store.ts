import { type TableClient, odata } from '@azure/data-tables';
import { keyOf, tenantPartitions } from './keys.js';
import { deletePartition } from './row-deletes.js';
import { deleteIfPresent, updateIfUnchanged } from './table-ops.js';

export type ConversationScope = 'personal' | 'channel' | 'groupChat';

/**
 * What it takes to message a person, channel or chat later. Stored as our own shape so
 * nothing above the Teams adapter depends on Bot Framework types.
 */
export interface ConversationRecord {
  tenantId: string;
  scope: ConversationScope;
  /** The learner (personal), the team (channel) or the chat (groupChat) this reaches. */
  ownerId: string;
  conversationId: string;
  serviceUrl: string;
  /** The full reference as the Teams adapter needs it, serialised. */
  reference: string;
  updatedAt: string;
}

interface ConversationEntity {
  partitionKey: string;
  rowKey: string;
  tenantId: string;
  scope: string;
  ownerId: string;
  conversationId: string;
  serviceUrl: string;
  reference: string;
  updatedAt: string;
}

/** Conversation references, one partition per owner: looked up by learner, team or chat. */
export class ConversationStore {
  constructor(private readonly table: TableClient) {}

  async save(record: ConversationRecord): Promise<void> {
    const entity: ConversationEntity = {
      partitionKey: keyOf(record.tenantId, record.scope, record.ownerId),
      rowKey: keyOf(record.conversationId),
      ...record,
    };
    await this.table.upsertEntity(entity, 'Replace');
  }

  async listFor(tenantId: string, scope: ConversationScope, ownerId: string): Promise<ConversationRecord[]> {
    const partitionKey = keyOf(tenantId, scope, ownerId);
    const records: ConversationRecord[] = [];
    const rows = this.table.listEntities<ConversationEntity>({
      queryOptions: { filter: odata`PartitionKey eq ${partitionKey}` },
    });
    for await (const e of rows) {
      records.push({
        tenantId: e.tenantId,
        scope: e.scope as ConversationScope,
        ownerId: e.ownerId,
        conversationId: e.conversationId,
        serviceUrl: e.serviceUrl,
        reference: e.reference,
        updatedAt: e.updatedAt,
      });
    }
    return records;
  }

  /** Forgets every conversation kept for one owner (a person's personal chats). */
  async removeOwner(tenantId: string, scope: ConversationScope, ownerId: string): Promise<number> {
    return deletePartition(this.table, keyOf(tenantId, scope, ownerId));
  }

  /**
   * The tenant's channel and group-chat records, each with its ETag: their references were taken
   * from whoever's message was last seen there, so they can name a person.
   */
  async listShared(tenantId: string): Promise<{ record: ConversationRecord; etag: string }[]> {
    const { from, to } = tenantPartitions(tenantId);
    const rows = this.table.listEntities<ConversationEntity>({
      queryOptions: { filter: odata`PartitionKey gt ${from} and PartitionKey lt ${to} and scope ne ${'personal'}` },
    });
    const found: { record: ConversationRecord; etag: string }[] = [];
    for await (const e of rows) {
      found.push({
        record: {
          tenantId: e.tenantId,
          scope: e.scope as ConversationScope,
          ownerId: e.ownerId,
          conversationId: e.conversationId,
          serviceUrl: e.serviceUrl,
          reference: e.reference,
          updatedAt: e.updatedAt,
        },
        etag: e.etag,
      });
    }
    return found;
  }

  /** Rewrites a record's reference if unchanged since read; false when it changed or went meanwhile. */
  async replaceReference(record: ConversationRecord, etag: string, reference: string): Promise<boolean> {
    const row = { partitionKey: keyOf(record.tenantId, record.scope, record.ownerId), rowKey: keyOf(record.conversationId), reference };
    return (await updateIfUnchanged(this.table, row, 'Merge', etag)).kind === 'written';
  }

  async remove(tenantId: string, scope: ConversationScope, ownerId: string, conversationId: string): Promise<void> {
    await deleteIfPresent(this.table, keyOf(tenantId, scope, ownerId), keyOf(conversationId));
  }
}
