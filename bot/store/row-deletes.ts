import { RestError, type TableClient, type TransactionAction, odata } from '@azure/data-tables';
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

/**
 * Deletes rows, up to 100 of one partition in each batch. A batch fails whole if one of its rows
 * is already gone (a concurrent delete, an earlier run that crashed half way): it is then done
 * row by row, where a missing row is no failure — so running the same delete again always
 * finishes the job. Answers how many rows this call removed.
 */
export async function deleteRows(table: TableClient, rows: readonly RowKeys[]): Promise<number> {
  const byPartition = new Map<string, string[]>();
  for (const { partitionKey, rowKey } of rows) byPartition.set(partitionKey, [...(byPartition.get(partitionKey) ?? []), rowKey]);
  let deleted = 0;
  for (const [partitionKey, rowKeys] of byPartition) {
    for (let i = 0; i < rowKeys.length; i += BATCH_LIMIT) {
      const chunk = [...new Set(rowKeys.slice(i, i + BATCH_LIMIT))];
      try {
        await table.submitTransaction(chunk.map((rowKey): TransactionAction => ['delete', { partitionKey, rowKey }]));
        deleted += chunk.length;
      } catch (error) {
        if (!(error instanceof RestError)) throw error;
        for (const rowKey of chunk) if (await deleteIfPresent(table, partitionKey, rowKey)) deleted++;
      }
    }
  }
  return deleted;
}

/** Every row of one partition (a person's own), listed and deleted. */
export async function deletePartition(table: TableClient, partitionKey: string): Promise<number> {
  return deleteRows(table, await listKeys(table, odata`PartitionKey eq ${partitionKey}`));
}
