import { RestError, type TableClient, odata } from '@azure/data-tables';
import { keyOf } from './keys.js';

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

  async remove(tenantId: string, scope: ConversationScope, ownerId: string, conversationId: string): Promise<void> {
    try {
      await this.table.deleteEntity(keyOf(tenantId, scope, ownerId), keyOf(conversationId));
    } catch (error) {
      if (!(error instanceof RestError && error.statusCode === 404)) throw error;
    }
  }
}
