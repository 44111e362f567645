import { type TableClient, odata } from '@azure/data-tables';
import type { XapiStatement } from '../domain/xapi/statement-types.js';
import { keyOf } from './keys.js';
import { deleteIfPresent } from './table-ops.js';
import { sentPartition, waitingPartition, type OutboxEntity, type SentEntity } from './xapi-outbox-rows.js';

/*
 * The outbox as an earlier version kept it: every statement of a tenant in one partition of the
 * outbox table, whatever its state. The sender moves a tenant's rows over a slice at a time before
 * it sends (xapi-sender.ts), and erasure and retention still look in that partition, until no
 * deployment has rows there.
 */

/** Legacy rows moved per call: a bounded slice, so a message that migrates still finishes in time. */
const MIGRATE_SLICE = 100;

/** Where an earlier version kept all of a tenant's statements, in the outbox table. */
export function legacyPartition(tenantId: string): string {
  return keyOf(tenantId);
}

/**
 * Moves a slice of the tenant's legacy rows to where they now belong: a sent one to the sent table
 * as a slim row, any other to the waiting partition. Answers how many it moved (0 once there are
 * none) and how many of those had been sent, for the store's count of what went.
 */
export async function moveLegacySlice(
  table: TableClient,
  sentTable: TableClient,
  tenantId: string,
): Promise<{ moved: number; sent: number }> {
  const legacy = legacyPartition(tenantId);
  const pages = table
    .listEntities<OutboxEntity>({ queryOptions: { filter: odata`PartitionKey eq ${legacy}` } })
    .byPage({ maxPageSize: MIGRATE_SLICE });
  let rows: (OutboxEntity & { etag: string })[] = [];
  for await (const page of pages) {
    rows = page;
    break;
  }
  let sent = 0;
  for (const e of rows) {
    if (e.status === 'sent') {
      const slim: SentEntity = {
        partitionKey: sentPartition(tenantId),
        rowKey: e.rowKey,
        actorId: e.actorId,
        instructorId: e.instructorId,
        authorId: e.authorId ?? '',
        updatedAt: e.updatedAt,
      };
      await sentTable.upsertEntity(slim, 'Replace');
      sent++;
    } else {
      const { etag: _etag, ...rest } = e as OutboxEntity & { etag: string; timestamp?: string };
      delete (rest as { timestamp?: string }).timestamp;
      await table.upsertEntity({ ...rest, partitionKey: waitingPartition(tenantId), verb: verbOf(e.statement) }, 'Replace');
    }
    await deleteIfPresent(table, legacy, e.rowKey);
  }
  return { moved: rows.length, sent };
}

function verbOf(statement: string): string {
  try {
    return (JSON.parse(statement) as XapiStatement).verb.display['en-US'] ?? '';
  } catch {
    return '';
  }
}
