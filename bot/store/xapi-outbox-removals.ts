import { type TableClient, odata } from '@azure/data-tables';
import type { XapiStatement } from '../domain/xapi/statement-types.js';
import { deleteMatching } from './row-deletes.js';
import type { OutboxEntity } from './xapi-outbox-rows.js';

/* What leaves the xAPI outbox for a person's erasure or past retention, in every partition a tenant's statements may be in. */

/** A table and one of the tenant's partitions in it. */
export type OutboxPartition = readonly [TableClient, string];

/**
 * Erasure: the person's own statements go, and so do others' that carry their words (a rating of
 * their share names its title and link), waiting or sent; where they are only the lead a
 * statement names, the statement stays without them. Statements already sent are in the LRS,
 * beyond our reach.
 */
export async function removePersonFrom(partitions: readonly OutboxPartition[], userId: string): Promise<number> {
  let changed = 0;
  for (const [table, partitionKey] of partitions) {
    changed += await deleteMatching(table, odata`PartitionKey eq ${partitionKey} and (actorId eq ${userId} or authorId eq ${userId})`);
    for await (const e of table.listEntities<OutboxEntity>({
      queryOptions: { filter: odata`PartitionKey eq ${partitionKey} and instructorId eq ${userId}` },
    })) {
      const parsed = e.statement ? (JSON.parse(e.statement) as XapiStatement) : undefined;
      // Only statements with a context name a lead (a voiding one has neither); a sent row keeps no statement.
      const { instructor: _lead, ...context } = parsed?.context ?? {};
      const statement = parsed?.context ? { statement: JSON.stringify({ ...parsed, context }) } : {};
      await table.updateEntity({ partitionKey, rowKey: e.rowKey, ...statement, instructorId: '' }, 'Merge');
      changed++;
    }
  }
  return changed;
}

/**
 * Past retention: statements sent before the cutoff (their rows name people), and ones that
 * waited or failed since before it (the records they came from are gone by then too).
 */
export async function removeUpdatedBefore(partitions: readonly OutboxPartition[], cutoff: Date): Promise<number> {
  let removed = 0;
  for (const [table, partitionKey] of partitions)
    removed += await deleteMatching(table, odata`PartitionKey eq ${partitionKey} and updatedAt lt ${cutoff.toISOString()}`);
  return removed;
}
