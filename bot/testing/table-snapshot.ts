import type { TableClient } from '@azure/data-tables';
import { isSendBudgetPartition } from '../store/send-budget-store.js';
import type { TableClients, TableName } from '../store/table-clients.js';

/** One row as stored: its ETag (changes on every write) and its properties (what a write may change). */
export interface SnapshotRow {
  etag: string;
  properties: string;
}

/** Every row of every table, keyed `Table/PartitionKey/RowKey`. */
export type TableSnapshot = Map<string, SnapshotRow>;

export interface TableChanges {
  created: string[];
  deleted: string[];
  /** Rewritten: a new ETag, whether or not any property differs. */
  changed: string[];
}

/**
 * Reads every entity of every table the service keeps. Two equal snapshots mean nothing was
 * written in between: an upsert of identical values still gets a new ETag, so even a write that
 * changed nothing shows. The fleet's send budget is left out: while the instance sends, it renews
 * its slices every 250 ms whatever a request did, and it holds nothing of anyone.
 */
export async function snapshotTables(tables: TableClients): Promise<TableSnapshot> {
  const parts = await Promise.all(
    (Object.entries(tables) as [TableName, TableClient][]).map(async ([name, table]) => {
      const rows: [string, SnapshotRow][] = [];
      for await (const { partitionKey, rowKey, etag, timestamp: _timestamp, ...properties } of table.listEntities()) {
        if (name === 'leases' && isSendBudgetPartition(partitionKey ?? '')) continue;
        rows.push([`${name}/${partitionKey}/${rowKey}`, { etag, properties: JSON.stringify(properties) }]);
      }
      return rows;
    }),
  );
  return new Map(parts.flat());
}

export function tableChanges(before: TableSnapshot, after: TableSnapshot): TableChanges {
  const created = [...after.keys()].filter((k) => !before.has(k));
  const deleted = [...before.keys()].filter((k) => !after.has(k));
  const changed = [...after.entries()].filter(([k, row]) => before.has(k) && before.get(k)!.etag !== row.etag).map(([k]) => k);
  return { created, deleted, changed };
}

/** The changes as one readable line each, for an assertion message; empty when nothing changed. */
export function describeChanges(changes: TableChanges, except: (key: string) => boolean = () => false): string[] {
  return [
    ...changes.created.filter((k) => !except(k)).map((k) => `created ${k}`),
    ...changes.deleted.filter((k) => !except(k)).map((k) => `deleted ${k}`),
    ...changes.changed.filter((k) => !except(k)).map((k) => `changed ${k}`),
  ];
}
