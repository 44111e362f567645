import { RestError, type TableClient, type TransactionAction, odata } from '@azure/data-tables';
import { keyOf, newestFirstTimeKey, prefixEnd, tenantPartitions } from './keys.js';
import { deleteIfPresent } from './table-ops.js';

export interface RowKeys {
  partitionKey: string;
  rowKey: string;
}

/** Table Storage's limit for one entity group transaction. */
const BATCH_LIMIT = 100;

/** The keys of the rows a filter finds, every page of them. */
export async function listKeys(table: TableClient, filter: string): Promise<RowKeys[]> {
  const keys: RowKeys[] = [];
  for await (const e of table.listEntities({ queryOptions: { filter } }))
    keys.push({ partitionKey: e.partitionKey ?? '', rowKey: e.rowKey ?? '' });
  return keys;
}

/** Deletes rows, up to 100 of one partition in each batch. Answers how many rows this call removed. */
export async function deleteRows(table: TableClient, rows: readonly RowKeys[]): Promise<number> {
  let deleted = 0;
  for (const batch of batchesOf(rows)) deleted += await deleteBatch(table, batch);
  return deleted;
}

/**
 * Deletes every row a filter finds, a page at a time: only the keys of one page (1,000 rows) are
 * held at once, whatever the table holds, and a few batches of a page go out together. Rows
 * deleted behind the continuation token do not disturb it, so a long delete needs no snapshot.
 */
export async function deleteMatching(table: TableClient, filter: string): Promise<number> {
  let deleted = 0;
  const pages = table.listEntities({ queryOptions: { filter, select: ['PartitionKey', 'RowKey'] } }).byPage({ maxPageSize: 1000 });
  for await (const page of pages) {
    const keys = page.map((e) => ({ partitionKey: e.partitionKey ?? '', rowKey: e.rowKey ?? '' }));
    const batches = batchesOf(keys);
    for (let i = 0; i < batches.length; i += BATCHES_IN_FLIGHT) {
      const counts = await Promise.all(batches.slice(i, i + BATCHES_IN_FLIGHT).map((batch) => deleteBatch(table, batch)));
      deleted += counts.reduce((sum, n) => sum + n, 0);
    }
  }
  return deleted;
}

/** How many batches of one page are sent at once: enough to hide latency, few enough to stay polite. */
const BATCHES_IN_FLIGHT = 4;

interface Batch {
  partitionKey: string;
  rowKeys: string[];
}

/** Rows grouped by partition, in one pass, into batches of at most 100 distinct rows. */
function batchesOf(rows: readonly RowKeys[]): Batch[] {
  const byPartition = new Map<string, Set<string>>();
  for (const { partitionKey, rowKey } of rows) {
    let rowKeys = byPartition.get(partitionKey);
    if (!rowKeys) byPartition.set(partitionKey, (rowKeys = new Set()));
    rowKeys.add(rowKey);
  }
  const batches: Batch[] = [];
  for (const [partitionKey, rowKeys] of byPartition) {
    const all = [...rowKeys];
    for (let i = 0; i < all.length; i += BATCH_LIMIT) batches.push({ partitionKey, rowKeys: all.slice(i, i + BATCH_LIMIT) });
  }
  return batches;
}

/**
 * One batch's rows. A batch fails whole if one of its rows is already gone (a concurrent delete,
 * an earlier run that crashed half way): it is then done row by row, where a missing row is no
 * failure — so running the same delete again always finishes the job.
 */
async function deleteBatch(table: TableClient, { partitionKey, rowKeys }: Batch): Promise<number> {
  try {
    await table.submitTransaction(rowKeys.map((rowKey): TransactionAction => ['delete', { partitionKey, rowKey }]));
    return rowKeys.length;
  } catch (error) {
    if (!(error instanceof RestError)) throw error;
    let deleted = 0;
    for (const rowKey of rowKeys) if (await deleteIfPresent(table, partitionKey, rowKey)) deleted++;
    return deleted;
  }
}

/** Every row of one partition (a person's own), listed and deleted. */
export async function deletePartition(table: TableClient, partitionKey: string): Promise<number> {
  return deleteMatching(table, odata`PartitionKey eq ${partitionKey}`);
}

/**
 * Retention for rows keyed `<prefix>|<newest-first time>…` in the tenant's partitions: every row
 * made before `cutoff` is one key range at the end of each partition's run of that prefix.
 */
export async function deleteMadeBefore(table: TableClient, tenantId: string, prefix: string, cutoff: Date): Promise<number> {
  const { from, to } = tenantPartitions(tenantId);
  const oldest = keyOf(prefix, newestFirstTimeKey(new Date(cutoff.getTime() - 1)));
  return deleteMatching(
    table,
    odata`PartitionKey gt ${from} and PartitionKey lt ${to} and RowKey ge ${oldest} and RowKey lt ${prefixEnd(prefix)}`,
  );
}
