import { randomBytes } from 'node:crypto';
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
