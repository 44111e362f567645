import { randomBytes } from 'node:crypto';
import { TableClient } from '@azure/data-tables';
import { inject } from 'vitest';
import type { StorageConfig } from '../config.js';
import { ensureTables, tableClients, type TableClients } from '../store/table-clients.js';

/** Fresh tables in the run's Azurite, so tests never see each other's rows. */
export async function freshTestStorage(): Promise<{ storage: StorageConfig; tables: TableClients }> {
  const storage: StorageConfig = {
    kind: 'connectionString',
    connectionString: inject('storageConnectionString'),
    tablePrefix: `t${randomBytes(5).toString('hex')}`,
  };
  await ensureTables(storage);
  return { storage, tables: tableClients(storage) };
}

/** A client for one of the test's tables that storage refuses (a wrong account key: 403), for failures that are not outcomes. */
export function refusedTableClient(storage: StorageConfig, table: TableClient): TableClient {
  if (storage.kind !== 'connectionString') throw new Error('Test storage is Azurite, reached by connection string');
  const wrongKey = storage.connectionString.replace(/AccountKey=[^;]+/, `AccountKey=${Buffer.from('not the key').toString('base64')}`);
  return TableClient.fromConnectionString(wrongKey, table.tableName, { allowInsecureConnection: true, retryOptions: { maxRetries: 0 } });
}
